// SPDX-License-Identifier: GPL-3.0-or-later
// What-if: a vendor removed, answered from the engine with the vendor masked out.
#include "model/engine/engineimpl.h"

#include <QSet>

namespace vg {

ScenarioSummary BlastRadiusEngine::Impl::searchQuery(int seedLabel) const
{
    thread_local BlastRadius::Compact c;
    c.engine.reset(); // only the search's arrays are used
    search(*this, Scenario{}, {seedLabel}, c);
    c.bits.reset((std::size_t(V) * 4 + 63) / 64);
    if (c.agg.C != C || c.agg.W != W)
        c.agg.init(C, W);
    else
        c.agg.reset();
    for (const int l : c.label) {
        c.bits.set(l);
        addHeld(l, c.agg);
    }
    resolve(c.agg, c.bits);
    return summarize(c.agg, countNodes(c.bits));
}

Expected<WhatIf> BlastRadiusEngine::whatIfRemove(const QString &vendorId, const ProgressFn &progress) const
{
    const Impl &I = *d;
    const int x = I.nodes->index.value(vendorId, -1);
    if (x < 0 || x == I.masked || I.nodes->kind[std::size_t(x)] != NodeKind::Vendor)
        return Error(QString(), QStringLiteral("\"%1\" is not a vendor in the model").arg(vendorId));
    const Expected<BlastRadiusEngine> after = masked(vendorId);
    if (!after)
        return after.error();
    const Impl &A = *after->d;
    const Model &m = I.m;
    const EdgeTable &et = *I.edges;

    WhatIf w;
    w.removed = vendorId;
    // Categories on data edges into vendors, or stored by vendors, before and after.
    auto vendorHeld = [&](int skip) {
        QSet<QString> out;
        for (int e = 0; e < et.E; ++e) {
            const int a = et.from[std::size_t(e)], b = et.to[std::size_t(e)];
            if (et.kind[std::size_t(e)] == EdgeKind::Data && et.live(e) && a != skip && b != skip
                && I.nodes->kind[std::size_t(b)] == NodeKind::Vendor)
                for (const QString &c : m.edges[std::size_t(e)].categories)
                    out.insert(c);
        }
        for (int v = 0; v < I.N; ++v)
            if (v != skip && v != I.masked && I.nodes->kind[std::size_t(v)] == NodeKind::Vendor)
                for (const StoredData &s : m.nodes[std::size_t(v)].stores)
                    out.insert(s.category);
        return out;
    };
    const QSet<QString> lost = vendorHeld(-1) - vendorHeld(x);
    w.categoriesNoLongerHeldByVendors = QStringList(lost.begin(), lost.end());
    w.categoriesNoLongerHeldByVendors.sort();
    for (int e = 0; e < et.E; ++e) {
        const int a = et.from[std::size_t(e)], b = et.to[std::size_t(e)];
        if (et.kind[std::size_t(e)] == EdgeKind::Access || !et.live(e) || (a != x && b != x))
            continue;
        const int other = a == x ? b : a;
        if (I.nodes->kind[std::size_t(other)] != NodeKind::Service)
            continue;
        QStringList &k = w.servicesLosingEdges[m.nodes[std::size_t(other)].id];
        const QString kind = toString(et.kind[std::size_t(e)]);
        if (!k.contains(kind)) {
            k << kind;
            k.sort();
        }
    }

    // The ranking after: a row can change only if its closure (before) reaches the vendor, our
    // account there, or a node whose copies changed. (A copy whose key the vendor held opens
    // only where the vendor is reached, so it needs no rule of its own.) Every other row is
    // the same as before.
    w.rankBefore = rank(true, true, progress);
    if (w.rankBefore.empty()) // the vendor itself has rows: empty means cancelled
        return Error(QString(), QStringLiteral("cancelled"));
    std::vector<char> changed(std::size_t(I.N), 0);
    changed[std::size_t(x)] = 1;
    for (int v = 0; v < I.N; ++v) {
        const NodeHeld *b = I.held[std::size_t(v)].get(), *a = A.held[std::size_t(v)].get();
        if (a != b && (!a || !b || !(*a == *b)))
            changed[std::size_t(v)] = 1;
    }
    const LabelGraph &g = I.prop->labels;
    const int L = I.V * 4;
    std::vector<std::pair<int, int>> reverse;
    for (int u = 0; u < L; ++u)
        for (auto [it, end] = boost::out_edges(std::size_t(u), g); it != end; ++it)
            reverse.emplace_back(int(boost::target(*it, g)), u);
    std::vector<int> pred;
    const std::vector<int> predStart = csr(L, reverse, pred);
    std::vector<char> affects(std::size_t(L), 0);
    std::vector<int> queue;
    for (int v = 0; v < I.V; ++v)
        if (changed[std::size_t(I.realNode(v))])
            for (int l = 0; l < 4; ++l) {
                affects[std::size_t(v * 4 + l)] = 1;
                queue.push_back(v * 4 + l);
            }
    for (std::size_t q = 0; q < queue.size(); ++q)
        for (int i = predStart[std::size_t(queue[q])]; i < predStart[std::size_t(queue[q]) + 1]; ++i)
            if (!affects[std::size_t(pred[std::size_t(i)])]) {
                affects[std::size_t(pred[std::size_t(i)])] = 1;
                queue.push_back(pred[std::size_t(i)]);
            }
    std::vector<std::size_t> redo;
    for (std::size_t i = 0; i < w.rankBefore.size(); ++i) {
        const VendorRank &r = w.rankBefore[i];
        const int v = I.nodes->index.value(r.vendorId);
        if (v == x)
            continue;
        if (affects[std::size_t(v * 4 + (r.mode == Compromise::Controlled ? CD : BD))])
            redo.push_back(i);
        else
            w.rankAfter.push_back(r);
    }
    // Few rows: a search each; many: through the masked engine's rank index.
    const bool indexed = redo.size() > 2000;
    if (indexed)
        A.ensureRankIndex();
    for (std::size_t k = 0; k < redo.size(); ++k) {
        if (progress && k % 256 == 0 && !progress(int(k), int(redo.size())))
            return Error(QString(), QStringLiteral("cancelled"));
        VendorRank r = w.rankBefore[redo[k]];
        const int v = I.nodes->index.value(r.vendorId);
        const int seed = v * 4 + (r.mode == Compromise::Controlled ? CD : BD);
        r.summary = indexed ? A.rankQuery(seed) : A.searchQuery(seed);
        w.rankAfter.push_back(std::move(r));
    }
    std::sort(w.rankAfter.begin(), w.rankAfter.end(), [](const VendorRank &a, const VendorRank &b) {
        if (a.summary.score != b.summary.score)
            return a.summary.score > b.summary.score;
        if (a.vendorId != b.vendorId)
            return a.vendorId < b.vendorId;
        return a.mode < b.mode;
    });
    {
        // The masked engine's ranking is this one: keep it there for its rank().
        const std::lock_guard lock(A.rankedMutex);
        if (!A.ranked)
            A.ranked = w.rankAfter;
    }
    w.topBefore.assign(w.rankBefore.begin(),
                       w.rankBefore.begin() + qsizetype(std::min<std::size_t>(10, w.rankBefore.size())));
    w.topAfter.assign(w.rankAfter.begin(),
                      w.rankAfter.begin() + qsizetype(std::min<std::size_t>(10, w.rankAfter.size())));
    w.after = std::make_shared<const BlastRadiusEngine>(*after);
    return w;
}

} // namespace vg
