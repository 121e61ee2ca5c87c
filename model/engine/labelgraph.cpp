// SPDX-License-Identifier: GPL-3.0-or-later
// Builds the per-model index: category and node numbering, the edge table with its data
// adjacency, and the label graph (the propagation table applied to every edge, with tenant
// nodes). What nodes hold is in held.cpp, whose data it is in origins.cpp.
#include "model/engine/engineimpl.h"

#include <numeric>
#include <unordered_map>

namespace vg {

namespace detail {

Catalog::Catalog(const Model &m) : tax(Taxonomy::forModel(m))
{
    for (const Category &c : tax.all()) {
        index.insert(c.id, int(cats.size()));
        isCode.push_back(c.has(Pivot) && c.pivot == PivotKind::Code);
        isKey.push_back(c.has(Pivot) && c.pivot == PivotKind::Decrypt);
        cats.push_back(&c);
    }
    C = int(cats.size());
}

namespace {

// Positions of items in id order (identity when the items are sorted already, as in every
// file VendorGraph writes).
template <typename T>
std::vector<int> idOrder(const std::vector<T> &items)
{
    std::vector<int> idx(items.size());
    std::iota(idx.begin(), idx.end(), 0);
    if (!std::is_sorted(items.begin(), items.end(), [](const T &a, const T &b) { return a.id < b.id; }))
        std::sort(idx.begin(), idx.end(),
                  [&](int a, int b) { return items[std::size_t(a)].id < items[std::size_t(b)].id; });
    return idx;
}

std::vector<int> inverse(const std::vector<int> &order)
{
    std::vector<int> rank(order.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        rank[std::size_t(order[i])] = int(i);
    return rank;
}

} // namespace

NodeTable::NodeTable(const Model &m)
{
    N = int(m.nodes.size());
    index.reserve(N);
    kind.resize(std::size_t(N));
    peopleOf.assign(std::size_t(N), -1);
    for (int i = 0; i < N; ++i) {
        const Node &n = m.nodes[std::size_t(i)];
        index.insert(n.id, i);
        kind[std::size_t(i)] = n.kind;
        if (n.kind == NodeKind::People) {
            peopleOf[std::size_t(i)] = P++;
            peopleNode.push_back(i);
            peopleCount.push_back(n.count.value_or(0));
        }
    }
    W = std::max(1, (P + 63) / 64);
    rank = inverse(idOrder(m.nodes));
    peopleByRank.resize(std::size_t(P));
    std::iota(peopleByRank.begin(), peopleByRank.end(), 0);
    std::sort(peopleByRank.begin(), peopleByRank.end(), [&](int a, int b) {
        return rank[std::size_t(peopleNode[std::size_t(a)])] < rank[std::size_t(peopleNode[std::size_t(b)])];
    });
}

void NodeTable::append(const Model &m, int from)
{
    std::vector<int> order(rank.size());
    for (std::size_t i = 0; i < rank.size(); ++i)
        order[std::size_t(rank[i])] = int(i);
    for (int i = from; i < int(m.nodes.size()); ++i) {
        const Node &n = m.nodes[std::size_t(i)];
        index.insert(n.id, i);
        kind.push_back(n.kind);
        peopleOf.push_back(-1);
        const auto at = std::lower_bound(order.begin(), order.end(), n.id,
                                         [&](int x, const QString &id) { return m.nodes[std::size_t(x)].id < id; });
        order.insert(at, i);
    }
    N = int(m.nodes.size());
    rank = inverse(order);
}

void EdgeTable::setProtection(int e, const Edge &edge, const QHash<QString, int> &nodes)
{
    records[std::size_t(e)] = edge.records.value_or(-1);
    int k = Plain;
    if (edge.encryption == Encryption::ExternalKey)
        k = edge.keyHolder.isEmpty() ? kNoKeyHolder : nodes.value(edge.keyHolder, int(Locked));
    key[std::size_t(e)] = k;
}

void EdgeTable::buildAdjacency(int N)
{
    std::vector<std::pair<int, int>> in, out;
    for (int e = 0; e < E; ++e)
        if (kind[std::size_t(e)] == EdgeKind::Data && live(e)) {
            in.emplace_back(to[std::size_t(e)], e);
            out.emplace_back(from[std::size_t(e)], e);
        }
    inDataStart = csr(N, in, inData);
    outDataStart = csr(N, out, outData);
}

} // namespace detail

namespace {

// Edge ends by node index. The readers share one QString per node id between the node and
// the edges that name it, so most ends are found by their data pointer (and length) in a flat
// open-addressing table, one cache line per look-up; other strings fall back to the id hash.
class EndLookup final {
public:
    explicit EndLookup(const Model &m, const NodeTable &nodes) : m_nodes(nodes)
    {
        std::size_t capacity = 16;
        while (capacity < m.nodes.size() * 2)
            capacity *= 2;
        m_mask = capacity - 1;
        m_slots.assign(capacity, Slot{});
        for (std::size_t i = 0; i < m.nodes.size(); ++i) {
            const QString &id = m.nodes[i].id;
            std::size_t h = hash(id.constData());
            while (m_slots[h].key && m_slots[h].key != id.constData())
                h = (h + 1) & m_mask;
            if (!m_slots[h].key)
                m_slots[h] = {id.constData(), id.size(), int(i)};
        }
    }
    int operator()(const QString &id) const
    {
        for (std::size_t h = hash(id.constData());; h = (h + 1) & m_mask) {
            const Slot &s = m_slots[h];
            if (!s.key)
                break;
            if (s.key == id.constData() && s.size == id.size())
                return s.index;
        }
        return m_nodes.index.value(id, -1);
    }

private:
    struct Slot {
        const QChar *key = nullptr;
        qsizetype size = 0;
        int index = -1;
    };
    std::size_t hash(const QChar *p) const
    {
        return std::size_t((quintptr(p) >> 4) * 0x9E3779B97F4A7C15ULL >> 20) & m_mask;
    }
    const NodeTable &m_nodes;
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
};

} // namespace

BlastRadiusEngine::Impl::Impl(std::shared_ptr<const Model> mdl) : model(std::move(mdl)), m(*model) { }

void BlastRadiusEngine::Impl::refreshShortcuts()
{
    C = catalog->C;
    cats = &catalog->cats;
    N = nodes->N;
    P = nodes->P;
    W = nodes->W;
    T = prop ? prop->T : 0;
    V = prop ? prop->V : N;
}

void BlastRadiusEngine::Impl::build()
{
    catalog = std::make_shared<const Catalog>(m);
    nodes = std::make_shared<const NodeTable>(m);
    refreshShortcuts();

    auto et = std::make_shared<EdgeTable>();
    const int E = int(m.edges.size());
    et->E = E;
    et->from.resize(std::size_t(E));
    et->to.resize(std::size_t(E));
    et->kind.resize(std::size_t(E));
    et->catStart.assign(std::size_t(E) + 1, 0);
    et->records.resize(std::size_t(E));
    et->key.resize(std::size_t(E));
    const EndLookup end(m, *nodes);
    // Categories are shared strings too: look them up by data pointer first.
    std::unordered_map<const QChar *, int> catByData;
    for (int e = 0; e < E; ++e) {
        const Edge &edge = m.edges[std::size_t(e)];
        et->from[std::size_t(e)] = end(edge.from);
        et->to[std::size_t(e)] = end(edge.to);
        et->kind[std::size_t(e)] = edge.kind;
        et->setProtection(e, edge, nodes->index);
        if (edge.kind == EdgeKind::Data)
            for (const QString &c : edge.categories) {
                auto it = catByData.find(c.constData());
                int ci;
                if (it != catByData.end() && (*cats)[std::size_t(it->second)]->id == c) {
                    ci = it->second;
                } else {
                    ci = catalog->index.value(c, -1);
                    if (ci >= 0)
                        catByData[c.constData()] = ci;
                }
                if (ci >= 0)
                    et->cats.push_back(ci);
            }
        et->catStart[std::size_t(e) + 1] = int(et->cats.size());
    }
    et->buildAdjacency(N);
    et->order = idOrder(m.edges);
    et->rank = inverse(et->order);
    edges = std::move(et);

    for (int v = 0; v < N; ++v)
        if (std::any_of(m.nodes[std::size_t(v)].stores.begin(), m.nodes[std::size_t(v)].stores.end(),
                        [](const StoredData &s) { return !s.subjects.isEmpty(); }))
            subjectStores.push_back(v);
    origins.assign(std::size_t(C), nullptr);
    std::vector<int> carryStart, carrying;
    edgesByCategory(carryStart, carrying);
    for (int c = 0; c < C; ++c)
        origins[std::size_t(c)] = buildOrigins(c, carrying.data() + carryStart[std::size_t(c)],
                                               carryStart[std::size_t(c) + 1] - carryStart[std::size_t(c)]);
    held.assign(std::size_t(N), nullptr);
    holdsKey.assign(std::size_t(N), 0);
    for (int v = 0; v < N; ++v) {
        held[std::size_t(v)] = buildHeld(v);
        holdsKey[std::size_t(v)] = held[std::size_t(v)] && held[std::size_t(v)]->holdsKey;
    }
    prop = buildPropagation();
    refreshShortcuts();
}

std::shared_ptr<const Propagation> BlastRadiusEngine::Impl::buildPropagation() const
{
    auto p = std::make_shared<Propagation>();
    const EdgeTable &et = *edges;
    // Our account at a vendor: one tenant node per vendor that an access edge leads into.
    p->tenantOf.assign(std::size_t(N), -1);
    for (int e = 0; e < et.E; ++e) {
        const int b = et.to[std::size_t(e)];
        if (et.kind[std::size_t(e)] == EdgeKind::Access && et.live(e) && nodes->kind[std::size_t(b)] == NodeKind::Vendor
            && p->tenantOf[std::size_t(b)] < 0) {
            p->tenantOf[std::size_t(b)] = p->T++;
            p->tenantVendor.push_back(b);
        }
    }
    p->V = N + p->T;
    // The propagation table: (edge kind, state of A) -> state of B. A tenant node propagates
    // over its vendor's access edges only; an access edge into a vendor reaches our account there.
    std::vector<std::pair<int, int>> transitions; // label -> label
    std::vector<int> transitionEdge;
    auto link = [&](int from, int fromLabel, int to, int toLabel, int e) {
        transitions.emplace_back(from * 4 + fromLabel, to * 4 + toLabel);
        transitionEdge.push_back(e);
    };
    auto tenant = [&](int v) { return p->tenantOf[std::size_t(v)] < 0 ? -1 : N + p->tenantOf[std::size_t(v)]; };
    // In id order: the search breaks ties between equally short paths by this order, so the
    // answer does not depend on the order of the model's edges.
    for (const int e : et.order) {
        const int a = et.from[std::size_t(e)], b = et.to[std::size_t(e)];
        if (a < 0 || b < 0)
            continue;
        switch (et.kind[std::size_t(e)]) {
        case EdgeKind::Data: break;
        case EdgeKind::Hosts:
            for (int l : {BD, CD, BP, CP})
                link(a, l, b, l, e);
            break;
        case EdgeKind::Code:
            link(a, CD, b, CD, e);
            link(a, CP, b, CP, e);
            if (held[std::size_t(a)] && held[std::size_t(a)]->signs) { // a stolen signing key is a code channel
                link(a, BD, b, CP, e);
                link(a, BP, b, CP, e);
            }
            break;
        case EdgeKind::Access: {
            const Edge &edge = m.edges[std::size_t(e)];
            const bool write = edge.scope != Scope::Read;
            const int direct = write ? CD : BD, potential = write ? CP : BP;
            const int target = tenant(b) >= 0 ? tenant(b) : b;
            for (int from : {a, tenant(a)}) {
                if (from < 0)
                    continue;
                if (edge.stored) {
                    link(from, BD, target, potential, e);
                    link(from, BP, target, potential, e);
                }
                link(from, CD, target, direct, e);
                link(from, CP, target, potential, e);
            }
            break;
        }
        }
    }
    p->labels = LabelGraph(boost::edges_are_unsorted_multi_pass, transitions.begin(), transitions.end(),
                           transitionEdge.begin(), std::size_t(p->V) * 4);
    return p;
}

} // namespace vg
