// SPDX-License-Identifier: GPL-3.0-or-later
// An engine derived from another after an edit, or with a node masked out: the parts the
// change cannot affect are shared, the rest is recomputed (the edge table and adjacency in
// full, which is cheap; origins per category the change touches; what a node holds per node
// whose copies changed; the label graph when a propagation edge or a signing key changed).
#include "model/engine/engineimpl.h"

#include <numeric>

namespace vg {

namespace {

// How the edges of two models line up: old index -> new index (or -1, removed), and the new
// edges that are additions. A changed edge is a removal and an addition.
struct EdgeDiff {
    std::vector<int> oldToNew;
    std::vector<int> removed; // old indices
    std::vector<int> added; // new indices
    bool identity = true; // every kept edge keeps its index
};

// Aligns by id in order, with a short look-ahead for insertions and deletions. Gives up
// (returns nothing) when more than `limit` edges differ.
std::optional<EdgeDiff> alignEdges(const std::vector<Edge> &a, const std::vector<Edge> &b, std::size_t limit)
{
    constexpr std::size_t kLookAhead = 16;
    EdgeDiff d;
    d.oldToNew.assign(a.size(), -1);
    std::size_t i = 0, j = 0;
    auto over = [&] { return d.removed.size() + d.added.size() > limit; };
    while (i < a.size() && j < b.size()) {
        if (a[i].id == b[j].id) {
            if (a[i] == b[j]) {
                d.oldToNew[i] = int(j);
                d.identity = d.identity && i == j;
            } else {
                d.removed.push_back(int(i));
                d.added.push_back(int(j));
            }
            ++i;
            ++j;
        } else {
            std::size_t skip = 0;
            for (std::size_t k = 1; k <= kLookAhead && j + k < b.size() && !skip; ++k)
                if (b[j + k].id == a[i].id)
                    skip = k;
            if (skip) {
                for (std::size_t k = 0; k < skip; ++k)
                    d.added.push_back(int(j + k));
                j += skip;
            } else {
                for (std::size_t k = 1; k <= kLookAhead && i + k < a.size() && !skip; ++k)
                    if (a[i + k].id == b[j].id)
                        skip = k;
                if (skip) {
                    for (std::size_t k = 0; k < skip; ++k)
                        d.removed.push_back(int(i + k));
                    i += skip;
                } else {
                    d.removed.push_back(int(i++));
                    d.added.push_back(int(j++));
                }
            }
        }
        if (over())
            return std::nullopt;
    }
    for (; i < a.size(); ++i)
        d.removed.push_back(int(i));
    for (; j < b.size(); ++j)
        d.added.push_back(int(j));
    if (over())
        return std::nullopt;
    return d;
}

} // namespace

// The derived engine: `model` is the new model (the same one when masking), diff says how
// its edges relate to this engine's, storesChanged lists nodes whose stores differ (nodes
// past the old ones are new: not people), and mask is a node to remove (or -1, or this
// engine's own masked node).
static std::shared_ptr<BlastRadiusEngine::Impl> derive(const BlastRadiusEngine::Impl &old,
                                                       std::shared_ptr<const Model> model, const EdgeDiff &diff,
                                                       const std::vector<int> &storesChanged, int mask)
{
    using Impl = BlastRadiusEngine::Impl;
    auto d = std::make_shared<Impl>(std::move(model));
    const Model &m = d->m;
    d->catalog = old.catalog;
    d->nodes = old.nodes;
    const bool grown = m.nodes.size() > std::size_t(old.N);
    if (grown) {
        auto nt = std::make_shared<NodeTable>(*old.nodes);
        nt->append(m, old.N);
        d->nodes = std::move(nt);
    }
    d->prop = old.prop;
    d->masked = mask;
    d->refreshShortcuts();
    const int N = d->N;
    const EdgeTable &oet = *old.edges;

    // The edge table: kept edges copied, added ones looked up; edges at the masked node dropped.
    auto et = std::make_shared<EdgeTable>();
    const int E = int(m.edges.size());
    et->E = E;
    et->from.assign(std::size_t(E), -1);
    et->to.assign(std::size_t(E), -1);
    et->kind.resize(std::size_t(E));
    std::vector<int> newToOld(std::size_t(E), -1);
    for (int i = 0; i < oet.E; ++i)
        if (diff.oldToNew[std::size_t(i)] >= 0)
            newToOld[std::size_t(diff.oldToNew[std::size_t(i)])] = i;
    et->catStart.assign(std::size_t(E) + 1, 0);
    et->cats.reserve(oet.cats.size() + 8);
    et->records.resize(std::size_t(E));
    et->key.resize(std::size_t(E));
    for (int e = 0; e < E; ++e) {
        const int o = newToOld[std::size_t(e)];
        if (o >= 0) {
            et->from[std::size_t(e)] = oet.from[std::size_t(o)];
            et->to[std::size_t(e)] = oet.to[std::size_t(o)];
            et->kind[std::size_t(e)] = oet.kind[std::size_t(o)];
            et->records[std::size_t(e)] = oet.records[std::size_t(o)];
            et->key[std::size_t(e)] = oet.key[std::size_t(o)];
            et->cats.insert(et->cats.end(), oet.cats.begin() + oet.catStart[std::size_t(o)],
                            oet.cats.begin() + oet.catStart[std::size_t(o) + 1]);
        } else {
            const Edge &edge = m.edges[std::size_t(e)];
            et->from[std::size_t(e)] = d->nodes->index.value(edge.from, -1);
            et->to[std::size_t(e)] = d->nodes->index.value(edge.to, -1);
            et->kind[std::size_t(e)] = edge.kind;
            et->setProtection(e, edge, d->nodes->index);
            if (edge.kind == EdgeKind::Data)
                for (const QString &c : edge.categories)
                    if (const int ci = d->catalog->index.value(c, -1); ci >= 0)
                        et->cats.push_back(ci);
        }
        if (mask >= 0 && (et->from[std::size_t(e)] == mask || et->to[std::size_t(e)] == mask))
            et->from[std::size_t(e)] = et->to[std::size_t(e)] = -1;
        et->catStart[std::size_t(e) + 1] = int(et->cats.size());
    }
    et->buildAdjacency(N);
    // Id order: the kept edges keep theirs; additions are placed by binary search.
    if (diff.identity && diff.added.empty() && diff.removed.empty()) {
        et->order = oet.order;
        et->rank = oet.rank;
    } else {
        et->order.reserve(std::size_t(E));
        for (const int o : oet.order)
            if (diff.oldToNew[std::size_t(o)] >= 0)
                et->order.push_back(diff.oldToNew[std::size_t(o)]);
        for (const int e : diff.added) {
            const QString &id = m.edges[std::size_t(e)].id;
            const auto at = std::lower_bound(et->order.begin(), et->order.end(), id,
                                             [&](int x, const QString &y) { return m.edges[std::size_t(x)].id < y; });
            et->order.insert(at, e);
        }
        et->rank.assign(std::size_t(E), 0);
        for (std::size_t r = 0; r < et->order.size(); ++r)
            et->rank[std::size_t(et->order[r])] = int(r);
    }
    d->edges = et;

    // Nodes whose copies may change: the ends of every added or removed data edge, nodes whose
    // stores changed, the masked node; below, those whose people change.
    std::vector<char> dirty(std::size_t(N), 0);
    std::vector<char> dirtyCat(std::size_t(d->C), 0);
    // New nodes shift our accounts at vendors, which are numbered after the nodes.
    bool propagationChanged = !diff.identity || mask != old.masked || grown;
    auto touchEdge = [&](const EdgeTable &t, int e) {
        const int a = t.from[std::size_t(e)], b = t.to[std::size_t(e)];
        if (t.kind[std::size_t(e)] != EdgeKind::Data) {
            propagationChanged = propagationChanged || (a >= 0 && b >= 0);
            return;
        }
        for (const int v : {a, b})
            if (v >= 0)
                dirty[std::size_t(v)] = 1;
        for (int i = t.catStart[std::size_t(e)]; i < t.catStart[std::size_t(e) + 1]; ++i)
            dirtyCat[std::size_t(t.cats[std::size_t(i)])] = 1;
    };
    for (const int e : diff.removed)
        touchEdge(oet, e);
    for (const int e : diff.added) {
        touchEdge(*et, e);
        // An edge dropped because it touches the masked node touches its other end too.
        const Edge &edge = m.edges[std::size_t(e)];
        if (edge.kind == EdgeKind::Data && !et->live(e))
            for (const QString &id : {edge.from, edge.to})
                if (const int v = d->nodes->index.value(id, -1); v >= 0)
                    dirty[std::size_t(v)] = 1;
    }
    if (mask >= 0 && mask != old.masked) {
        // Removing a node drops its edges.
        for (int e = 0; e < oet.E; ++e)
            if (oet.live(e) && (oet.from[std::size_t(e)] == mask || oet.to[std::size_t(e)] == mask)
                && diff.oldToNew[std::size_t(e)] >= 0)
                touchEdge(oet, e);
        dirty[std::size_t(mask)] = 1;
    }
    // Stores with subjects start origins: their categories change.
    auto subjectCats = [&](const Node &n) {
        for (const StoredData &s : n.stores)
            if (!s.subjects.isEmpty())
                if (const int c = d->catalog->index.value(s.category, -1); c >= 0)
                    dirtyCat[std::size_t(c)] = 1;
    };
    for (const int v : storesChanged) {
        dirty[std::size_t(v)] = 1;
        if (v < old.N)
            subjectCats(old.m.nodes[std::size_t(v)]);
        subjectCats(m.nodes[std::size_t(v)]);
    }
    if (mask >= 0 && mask != old.masked)
        subjectCats(m.nodes[std::size_t(mask)]);
    if (storesChanged.empty()) {
        d->subjectStores = old.subjectStores;
    } else {
        for (int v = 0; v < N; ++v)
            if (std::any_of(m.nodes[std::size_t(v)].stores.begin(), m.nodes[std::size_t(v)].stores.end(),
                            [](const StoredData &s) { return !s.subjects.isEmpty(); }))
                d->subjectStores.push_back(v);
    }

    // Origins of the categories touched; a node whose people change for such a category holds
    // other copies, and so do the receivers of what it sends.
    d->origins = old.origins;
    if (std::find(dirtyCat.begin(), dirtyCat.end(), 1) != dirtyCat.end()) {
        std::vector<int> carryStart, carrying;
        d->edgesByCategory(carryStart, carrying);
        const int W = d->W;
        for (int c = 0; c < d->C; ++c) {
            if (!dirtyCat[std::size_t(c)])
                continue;
            auto fresh = d->buildOrigins(c, carrying.data() + carryStart[std::size_t(c)],
                                         carryStart[std::size_t(c) + 1] - carryStart[std::size_t(c)]);
            const CatOrigins *before = old.origins[std::size_t(c)].get();
            for (int v = 0; v < N; ++v) {
                const quint64 *x = before ? before->at(v) : nullptr;
                const quint64 *y = fresh ? fresh->at(v) : nullptr;
                if (x == y || (x && y && std::equal(x, x + W, y)))
                    continue;
                dirty[std::size_t(v)] = 1;
                for (int i = et->outDataStart[std::size_t(v)]; i < et->outDataStart[std::size_t(v) + 1]; ++i) {
                    const int e = et->outData[std::size_t(i)];
                    if (et->carries(e, c))
                        dirty[std::size_t(et->to[std::size_t(e)])] = 1;
                }
            }
            d->origins[std::size_t(c)] = std::move(fresh);
        }
    }

    // What the dirty nodes hold.
    d->held = old.held;
    d->holdsKey = old.holdsKey;
    d->held.resize(std::size_t(N));
    d->holdsKey.resize(std::size_t(N), 0);
    for (int v = 0; v < N; ++v) {
        if (!dirty[std::size_t(v)])
            continue;
        auto h = d->buildHeld(v);
        const bool signedBefore = v < old.N && old.held[std::size_t(v)] && old.held[std::size_t(v)]->signs;
        if ((h && h->signs) != signedBefore)
            propagationChanged = true;
        d->holdsKey[std::size_t(v)] = h && h->holdsKey;
        d->held[std::size_t(v)] = std::move(h);
    }
    if (propagationChanged)
        d->prop = d->buildPropagation();
    d->refreshShortcuts();
    return d;
}

BlastRadiusEngine BlastRadiusEngine::updated(std::shared_ptr<const Model> edited) const
{
    const Impl &I = *d;
    if (!edited)
        edited = std::make_shared<const Model>();
    if (edited == I.model)
        return *this;
    const Model &a = I.m, &b = *edited;
    auto rebuild = [&] {
        BlastRadiusEngine fresh(edited);
        if (I.masked >= 0)
            if (auto masked = fresh.masked(I.m.nodes[std::size_t(I.masked)].id))
                return *masked;
        return fresh;
    };
    // Categories, node order and kinds, and people figures are the index's frame; nodes may
    // be added after the others, but not populations (their numbering would change).
    if (a.categories != b.categories || a.nodes.size() > b.nodes.size())
        return rebuild();
    std::vector<int> storesChanged;
    for (std::size_t i = 0; i < a.nodes.size(); ++i) {
        const Node &x = a.nodes[i], &y = b.nodes[i];
        if (x.id != y.id || x.kind != y.kind || x.count != y.count)
            return rebuild();
        if (x.stores != y.stores)
            storesChanged.push_back(int(i));
    }
    for (std::size_t i = a.nodes.size(); i < b.nodes.size(); ++i) {
        if (b.nodes[i].kind == NodeKind::People || I.nodes->index.contains(b.nodes[i].id))
            return rebuild();
        storesChanged.push_back(int(i));
    }
    const std::size_t limit = std::max<std::size_t>(64, b.edges.size() / 100);
    const std::optional<EdgeDiff> diff = alignEdges(a.edges, b.edges, limit);
    if (!diff || storesChanged.size() > limit)
        return rebuild();
    try {
        auto impl = derive(I, std::move(edited), *diff, storesChanged, I.masked);
        return BlastRadiusEngine(std::move(impl), Origin::Updated);
    } catch (const std::exception &e) {
        qWarning("incremental update failed, rebuilding: %s", e.what());
        return rebuild();
    }
}

Expected<BlastRadiusEngine> BlastRadiusEngine::masked(const QString &nodeId) const
{
    const Impl &I = *d;
    const int v = I.nodes->index.value(nodeId, -1);
    if (v < 0)
        return Error(QString(),
                     QStringLiteral("unknown node \"%1\"; expected the id of a node in the model").arg(nodeId));
    if (I.masked >= 0 && I.masked != v)
        return Error(QString(),
                     QStringLiteral("this engine masks \"%1\" already; mask from the original engine")
                         .arg(I.m.nodes[std::size_t(I.masked)].id));
    if (I.masked == v)
        return *this;
    EdgeDiff same;
    same.oldToNew.resize(std::size_t(I.edges->E));
    std::iota(same.oldToNew.begin(), same.oldToNew.end(), 0);
    try {
        auto impl = derive(I, I.model, same, {}, v);
        return BlastRadiusEngine(std::move(impl), Origin::Masked);
    } catch (const std::exception &e) {
        return Error(QString(), QStringLiteral("the analysis failed: %1").arg(QString::fromLocal8Bit(e.what())));
    }
}

} // namespace vg
