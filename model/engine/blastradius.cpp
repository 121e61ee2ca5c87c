// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/blastradius.h"

#include "model/domain/taxonomy.h"
#include "model/engine/obligations.h"

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>

#include <QHash>
#include <QSet>

#include <array>
#include <bit>
#include <cmath>
#include <mutex>
#include <numeric>
#include <unordered_map>

namespace vg {

QString toString(Compromise c) { return c == Compromise::Controlled ? QStringLiteral("controlled") : QStringLiteral("breached"); }
QString toString(Certainty c) { return c == Certainty::Direct ? QStringLiteral("direct") : QStringLiteral("potential"); }
QString toString(ObligationStatus s)
{
    switch (s) {
    case ObligationStatus::Likely: return QStringLiteral("likely");
    case ObligationStatus::Assess: return QStringLiteral("assess");
    case ObligationStatus::NotTriggered: break;
    }
    return QStringLiteral("not-triggered");
}

double tierWeight(int tier)
{
    switch (tier) {
    case 1: return 10;
    case 2: return 5;
    case 3: return 2;
    default: return 0.5;
    }
}

namespace {

// The propagation runs over a label graph: every node has four labels, one per
// (state, certainty). Label id = node * 4 + Label.
enum Label { BD = 0, CD = 1, BP = 2, CP = 3 };
constexpr bool isPotential(int l) { return l >= BP; }
constexpr bool isControlled(int l) { return l == CD || l == CP; }

using LabelGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, int>;

constexpr double kPotentialFactor = 0.3;
constexpr double kEncryptedFactor = 0.2;
constexpr double kNodeWeight = 0.5;

// A category held at a node: the data edges into it plus its stores.
struct Held {
    int cat;
    int originSlot; // -1: no people behind it
    qint64 maxRecords;
    bool allExternal;
};

// Per-category figures of a set of reached labels. Merging is idempotent (OR, max), so
// overlapping parts can be merged without double counting.
struct CatAgg {
    int C = 0, W = 0, M = 0; // categories, words per origin set, words per category mask
    std::vector<quint64> heldAny, heldDirect, notExternal;
    std::vector<qint64> maxRecords;
    std::vector<quint64> origins; // C x W

    void init(int c, int w)
    {
        C = c;
        W = w;
        M = (c + 63) / 64;
        heldAny.assign(std::size_t(M), 0);
        heldDirect.assign(std::size_t(M), 0);
        notExternal.assign(std::size_t(M), 0);
        maxRecords.assign(std::size_t(C), 0);
        origins.assign(std::size_t(C) * std::size_t(W), 0);
    }
    void reset()
    {
        std::fill(heldAny.begin(), heldAny.end(), 0);
        std::fill(heldDirect.begin(), heldDirect.end(), 0);
        std::fill(notExternal.begin(), notExternal.end(), 0);
        std::fill(maxRecords.begin(), maxRecords.end(), 0);
        std::fill(origins.begin(), origins.end(), 0);
    }
    static bool bit(const std::vector<quint64> &m, int i) { return (m[std::size_t(i >> 6)] >> (i & 63)) & 1; }
    static void set(std::vector<quint64> &m, int i) { m[std::size_t(i >> 6)] |= quint64(1) << (i & 63); }
    void add(const Held &h, bool direct, const std::vector<quint64> &originPool)
    {
        set(heldAny, h.cat);
        if (direct)
            set(heldDirect, h.cat);
        if (!h.allExternal)
            set(notExternal, h.cat);
        maxRecords[std::size_t(h.cat)] = std::max(maxRecords[std::size_t(h.cat)], h.maxRecords);
        if (h.originSlot >= 0) {
            quint64 *dst = &origins[std::size_t(h.cat) * std::size_t(W)];
            const quint64 *src = &originPool[std::size_t(h.originSlot) * std::size_t(W)];
            for (int w = 0; w < W; ++w)
                dst[w] |= src[w];
        }
    }
    void merge(const CatAgg &o)
    {
        for (int i = 0; i < M; ++i) {
            heldAny[std::size_t(i)] |= o.heldAny[std::size_t(i)];
            heldDirect[std::size_t(i)] |= o.heldDirect[std::size_t(i)];
            notExternal[std::size_t(i)] |= o.notExternal[std::size_t(i)];
        }
        for (int c = 0; c < C; ++c)
            maxRecords[std::size_t(c)] = std::max(maxRecords[std::size_t(c)], o.maxRecords[std::size_t(c)]);
        for (std::size_t i = 0; i < origins.size(); ++i)
            origins[i] |= o.origins[i];
    }
};

// How many nodes have each reported state.
struct NodeCounts {
    int controlledDirect = 0, breachedDirect = 0, controlledPotential = 0, breachedPotential = 0;
};

// Counts the nodes of a label bitset (bit l*... = label id) by their reported state.
NodeCounts countLabels(const std::vector<quint64> &bits)
{
    constexpr quint64 m0 = 0x1111111111111111ULL;
    NodeCounts n;
    for (quint64 w : bits) {
        if (!w)
            continue;
        const quint64 bd = w & m0, cd = (w >> 1) & m0, bp = (w >> 2) & m0, cp = (w >> 3) & m0;
        const quint64 direct = bd | cd;
        n.controlledDirect += std::popcount(cd);
        n.breachedDirect += std::popcount(bd & ~cd);
        n.controlledPotential += std::popcount(cp & ~direct);
        n.breachedPotential += std::popcount(bp & ~cp & ~direct);
    }
    return n;
}

// Thread-local scratch space, reused across queries: stamps avoid clearing. Slot 0 serves
// the label search, slot 1 the walks over the component DAG.
struct Scratch {
    std::vector<quint32> stamp;
    std::vector<int> dist;
    std::vector<int> queue;
    quint32 gen = 0;
    void prepare(std::size_t n)
    {
        if (stamp.size() < n) {
            stamp.assign(n, 0);
            dist.resize(n);
            gen = 0;
        }
        if (++gen == 0) {
            std::fill(stamp.begin(), stamp.end(), 0);
            gen = 1;
        }
        queue.clear();
    }
    bool seen(int i) const { return stamp[std::size_t(i)] == gen; }
    void mark(int i) { stamp[std::size_t(i)] = gen; }
};

// Compressed rows: start[k]..start[k+1] index the values of key k (pairs key -> value).
std::vector<int> csr(int n, const std::vector<std::pair<int, int>> &pairs, std::vector<int> &values)
{
    std::vector<int> start(std::size_t(n) + 1, 0);
    for (const auto &[k, v] : pairs)
        ++start[std::size_t(k) + 1];
    for (int i = 0; i < n; ++i)
        start[std::size_t(i) + 1] += start[std::size_t(i)];
    values.assign(pairs.size(), 0);
    std::vector<int> fill(start.begin(), start.end() - 1);
    for (const auto &[k, v] : pairs)
        values[std::size_t(fill[std::size_t(k)]++)] = v;
    return start;
}

Scratch &scratch(int which)
{
    thread_local Scratch s[2];
    return s[which];
}

} // namespace

struct BlastRadiusEngine::Impl {
    const Model &m;
    Taxonomy tax;
    std::vector<const Category *> cats; // by category index
    QHash<QString, int> catIndex;
    int N = 0, C = 0, P = 0, W = 1;
    QHash<QString, int> nodeIndex;
    std::vector<int> peopleOf;       // node -> people index or -1
    std::vector<int> peopleNode;     // people index -> node
    std::vector<int> edgeFrom, edgeTo;
    std::vector<int> edgeCatStart, edgeCats; // data edges' categories (CSR over edges)
    std::vector<int> inDataStart, inData;    // incoming data edges per node
    std::vector<int> outDataStart, outData;
    std::vector<int> heldStart;
    std::vector<Held> held;
    std::vector<quint64> originPool;
    LabelGraph labels;
    int encKeyCat = -1;

    // Built on the first rank(): the label graph's strongly connected components, their
    // DAG, and cached closures of the "hub" components that many queries run into.
    struct RankIndex {
        std::vector<int> comp, compStart, compLabels, dagStart, dag;
        std::vector<int> hubOf; // comp -> hub slot or -1
        std::vector<std::vector<quint64>> hubBits;
        std::vector<CatAgg> hubAgg;
    };
    mutable std::once_flag rankOnce;
    mutable RankIndex ri;

    explicit Impl(const Model &model) : m(model), tax(Taxonomy::forModel(model)) {}

    bool carries(int e, int c) const
    {
        for (int i = edgeCatStart[std::size_t(e)]; i < edgeCatStart[std::size_t(e) + 1]; ++i)
            if (edgeCats[std::size_t(i)] == c)
                return true;
        return false;
    }

    void build();
    void buildOrigins(std::unordered_map<quint64, int> &slotOf);
    void buildRankIndex() const;
    void ensureRankIndex() const { std::call_once(rankOnce, [this] { buildRankIndex(); }); }
    // The closure of the seed labels through the rank index: the labels reached (bits) and
    // the category aggregate. Equal to the breadth-first search with no hop limit.
    void closure(const std::vector<int> &seedLabels, std::vector<quint64> &bits, CatAgg &agg) const;
    // Walks the component DAG from `starts`: merges the cached closure of every hub met,
    // except `open`, and the labels of every other component. bits and agg must be cleared.
    void walk(const std::vector<int> &starts, int open, std::vector<quint64> &bits, CatAgg &agg) const;
    // Position of each node and edge in id order, for sorting lists without comparing strings.
    mutable std::once_flag orderOnce;
    mutable std::vector<int> nodeRank, edgeRank;
    void ensureOrder() const;
    void visitComponentLabels(int comp, std::vector<quint64> &bits, CatAgg &agg) const;
    ScenarioSummary summarize(const CatAgg &agg, const NodeCounts &n) const;
    // Calls f(node) for every population set in a W-word bitset, in index order.
    template <typename F>
    void forEachPerson(const quint64 *bits, F f) const
    {
        for (int w = 0; w < W; ++w)
            for (quint64 b = bits[w]; b; b &= b - 1)
                f(m.nodes[std::size_t(peopleNode[std::size_t(w * 64 + std::countr_zero(b))])]);
    }
    qint64 peopleIn(const quint64 *bits) const
    {
        qint64 n = 0;
        forEachPerson(bits, [&](const Node &p) { n += p.count.value_or(0); });
        return n;
    }
    // Encrypted: every carrier and store uses an external key, and no encryption key is
    // exposed directly (it would decrypt the rest).
    bool encrypted(const CatAgg &agg, int c) const
    {
        const bool keysExposed = encKeyCat >= 0 && CatAgg::bit(agg.heldDirect, encKeyCat);
        return !CatAgg::bit(agg.notExternal, c) && !keysExposed;
    }
    ScenarioSummary rankQuery(int seedLabel) const;
};

void BlastRadiusEngine::Impl::build()
{
    for (const Category &c : tax.all()) {
        catIndex.insert(c.id, int(cats.size()));
        cats.push_back(&c);
    }
    C = int(cats.size());
    encKeyCat = catIndex.value(QStringLiteral("CRED.ENC_KEY"), -1);
    N = int(m.nodes.size());
    nodeIndex.reserve(N);
    peopleOf.assign(std::size_t(N), -1);
    for (int i = 0; i < N; ++i) {
        nodeIndex.insert(m.nodes[std::size_t(i)].id, i);
        if (m.nodes[std::size_t(i)].kind == NodeKind::People) {
            peopleOf[std::size_t(i)] = P++;
            peopleNode.push_back(i);
        }
    }
    W = std::max(1, (P + 63) / 64);

    const int E = int(m.edges.size());
    edgeFrom.resize(std::size_t(E));
    edgeTo.resize(std::size_t(E));
    edgeCatStart.assign(std::size_t(E) + 1, 0);
    std::vector<std::pair<int, int>> in, out;
    std::vector<std::pair<int, int>> transitions; // label -> label
    std::vector<int> transitionEdge;
    auto link = [&](int from, int fromLabel, int to, int toLabel, int e) {
        transitions.emplace_back(from * 4 + fromLabel, to * 4 + toLabel);
        transitionEdge.push_back(e);
    };
    for (int e = 0; e < E; ++e) {
        const Edge &edge = m.edges[std::size_t(e)];
        const int a = nodeIndex.value(edge.from, -1), b = nodeIndex.value(edge.to, -1);
        edgeFrom[std::size_t(e)] = a;
        edgeTo[std::size_t(e)] = b;
        if (edge.kind == EdgeKind::Data)
            for (const QString &c : edge.categories)
                if (const int ci = catIndex.value(c, -1); ci >= 0)
                    edgeCats.push_back(ci);
        edgeCatStart[std::size_t(e) + 1] = int(edgeCats.size());
        if (a < 0 || b < 0)
            continue;
        // The propagation table: (edge kind, state of A) -> state of B.
        switch (edge.kind) {
        case EdgeKind::Data:
            in.emplace_back(b, e);
            out.emplace_back(a, e);
            break;
        case EdgeKind::Hosts:
            for (int l : {BD, CD, BP, CP})
                link(a, l, b, l, e);
            break;
        case EdgeKind::Code:
            link(a, CD, b, CD, e);
            link(a, CP, b, CP, e);
            break;
        case EdgeKind::Access: {
            const bool write = edge.scope != Scope::Read;
            const int direct = write ? CD : BD, potential = write ? CP : BP;
            if (edge.stored) {
                link(a, BD, b, potential, e);
                link(a, BP, b, potential, e);
            }
            link(a, CD, b, direct, e);
            link(a, CP, b, potential, e);
            break;
        }
        }
    }
    inDataStart = csr(N, in, inData);
    outDataStart = csr(N, out, outData);
    labels = LabelGraph(boost::edges_are_unsorted_multi_pass, transitions.begin(), transitions.end(),
                        transitionEdge.begin(), std::size_t(N) * 4);

    std::unordered_map<quint64, int> slotOf;
    buildOrigins(slotOf);

    // What each node holds: the categories on data edges into it, plus its stores.
    heldStart.assign(std::size_t(N) + 1, 0);
    std::vector<int> slotAt(std::size_t(C), -1);
    std::vector<Held> tmp;
    for (int v = 0; v < N; ++v) {
        tmp.clear();
        auto entry = [&](int c) -> Held & {
            if (slotAt[std::size_t(c)] < 0) {
                slotAt[std::size_t(c)] = int(tmp.size());
                const auto it = slotOf.find((quint64(v) << 20) | quint64(c));
                tmp.push_back({c, it == slotOf.end() ? -1 : it->second, 0, true});
            }
            return tmp[std::size_t(slotAt[std::size_t(c)])];
        };
        for (int i = inDataStart[std::size_t(v)]; i < inDataStart[std::size_t(v) + 1]; ++i) {
            const Edge &edge = m.edges[std::size_t(inData[std::size_t(i)])];
            const int e = inData[std::size_t(i)];
            for (int k = edgeCatStart[std::size_t(e)]; k < edgeCatStart[std::size_t(e) + 1]; ++k) {
                Held &h = entry(edgeCats[std::size_t(k)]);
                h.maxRecords = std::max(h.maxRecords, edge.records.value_or(0));
                h.allExternal = h.allExternal && edge.encryption == Encryption::ExternalKey;
            }
        }
        for (const StoredData &s : m.nodes[std::size_t(v)].stores) {
            const int c = catIndex.value(s.category, -1);
            if (c < 0)
                continue;
            Held &h = entry(c);
            h.maxRecords = std::max(h.maxRecords, s.records.value_or(0));
            h.allExternal = h.allExternal && s.encryption == Encryption::ExternalKey;
        }
        for (const Held &h : tmp)
            slotAt[std::size_t(h.cat)] = -1;
        held.insert(held.end(), tmp.begin(), tmp.end());
        heldStart[std::size_t(v) + 1] = int(held.size());
    }
}

// For every (node, category): the people it came from, over any number of data edges that
// carry that category. One forward search per (population, category), once per model.
void BlastRadiusEngine::Impl::buildOrigins(std::unordered_map<quint64, int> &slotOf)
{
    std::vector<quint32> stamp(std::size_t(N), 0);
    quint32 gen = 0;
    std::vector<int> queue;
    for (int k = 0; k < P; ++k) {
        const int p = peopleNode[std::size_t(k)];
        QSet<int> startCats;
        for (int i = outDataStart[std::size_t(p)]; i < outDataStart[std::size_t(p) + 1]; ++i) {
            const int e = outData[std::size_t(i)];
            for (int j = edgeCatStart[std::size_t(e)]; j < edgeCatStart[std::size_t(e) + 1]; ++j)
                startCats.insert(edgeCats[std::size_t(j)]);
        }
        for (const int c : startCats) {
            ++gen;
            queue.clear();
            queue.push_back(p);
            stamp[std::size_t(p)] = gen;
            for (std::size_t q = 0; q < queue.size(); ++q) {
                const int u = queue[q];
                for (int i = outDataStart[std::size_t(u)]; i < outDataStart[std::size_t(u) + 1]; ++i) {
                    const int e = outData[std::size_t(i)];
                    const int v = edgeTo[std::size_t(e)];
                    if (stamp[std::size_t(v)] == gen || !carries(e, c))
                        continue;
                    stamp[std::size_t(v)] = gen;
                    queue.push_back(v);
                    const quint64 key = (quint64(v) << 20) | quint64(c);
                    auto [it, fresh] = slotOf.try_emplace(key, int(originPool.size()) / W);
                    if (fresh)
                        originPool.resize(originPool.size() + std::size_t(W), 0);
                    originPool[std::size_t(it->second) * std::size_t(W) + std::size_t(k >> 6)] |= quint64(1) << (k & 63);
                }
            }
        }
    }
}

ScenarioSummary BlastRadiusEngine::Impl::summarize(const CatAgg &agg, const NodeCounts &n) const
{
    ScenarioSummary s;
    s.reachedDirect = n.controlledDirect + n.breachedDirect;
    s.reached = s.reachedDirect + n.controlledPotential + n.breachedPotential;
    s.controlled = n.controlledDirect + n.controlledPotential;
    std::vector<quint64> all(std::size_t(W), 0);
    double score = 0;
    for (int c = 0; c < C; ++c) {
        if (!CatAgg::bit(agg.heldAny, c))
            continue;
        const int tier = std::clamp(cats[std::size_t(c)]->tier, 1, 4);
        ++s.categoriesByTier[tier - 1];
        const quint64 *o = &agg.origins[std::size_t(c) * std::size_t(W)];
        for (int w = 0; w < W; ++w)
            all[std::size_t(w)] |= o[w];
        const qint64 people = peopleIn(o);
        const double magnitude = std::max(1.0, std::log10(1.0 + double(std::max(people, agg.maxRecords[std::size_t(c)]))));
        score += tierWeight(tier) * (CatAgg::bit(agg.heldDirect, c) ? 1.0 : kPotentialFactor)
            * (encrypted(agg, c) ? kEncryptedFactor : 1.0) * magnitude;
    }
    s.people = peopleIn(all.data());
    score += kNodeWeight * (2.0 * n.controlledDirect + 1.0 * n.breachedDirect
                            + kPotentialFactor * (2.0 * n.controlledPotential + 1.0 * n.breachedPotential));
    s.score = std::round(score * 100.0) / 100.0;
    return s;
}

BlastRadiusEngine::BlastRadiusEngine(const Model &model) : d(std::make_shared<Impl>(model)) { d->build(); }
BlastRadiusEngine::~BlastRadiusEngine() = default;
const Model &BlastRadiusEngine::model() const { return d->m; }

// What run() keeps for the lists: the labels it visited, in breadth-first order, with the
// position of each one's parent and the edge that led to it.
struct BlastRadius::Compact {
    std::shared_ptr<const BlastRadiusEngine::Impl> engine;
    Scenario scenario;
    std::vector<int> seedLabels;
    bool searched = false; // label, parentPos and edge are filled
    std::vector<int> label, parentPos, edge;
    std::vector<quint64> bits; // every label reached
    CatAgg agg;
    std::once_flag once;
    std::vector<ReachedNode> nodes;
    std::vector<ExposedCategory> exposed;
    QStringList services;
    void materialize();
};

// Breadth-first over the label graph from the seeds: the first visit of a label is along a
// shortest path. A label dominated by one already visited at the same node (controlled
// covers breached, direct covers potential) adds nothing and is not expanded; this keeps
// every node's reported state and shortest path.
static void search(const BlastRadiusEngine::Impl &I, const Scenario &scenario, const std::vector<int> &seedLabels,
                   BlastRadius::Compact &out);

Expected<BlastRadius> BlastRadiusEngine::run(const Scenario &scenario) const
{
    const Impl &I = *d;
    const Model &m = I.m;
    BlastRadius r;
    r.m_scenario = scenario;
    auto compact = std::make_shared<BlastRadius::Compact>();
    compact->engine = d;
    compact->scenario = scenario;
    for (const Seed &seed : scenario.seeds) {
        const int v = I.nodeIndex.value(seed.nodeId, -1);
        if (v < 0)
            return Error(QString(), QStringLiteral("unknown node \"%1\"; expected the id of a node in the model")
                                        .arg(seed.nodeId));
        const int l = v * 4 + (seed.mode == Compromise::Controlled ? CD : BD);
        if (std::find(compact->seedLabels.begin(), compact->seedLabels.end(), l) == compact->seedLabels.end())
            compact->seedLabels.push_back(l);
    }
    std::vector<quint64> &bits = compact->bits;
    CatAgg &agg = compact->agg;
    if (!scenario.maxHops && scenario.potential) {
        // The whole closure: the index has it in aggregate form. The search that explains
        // each node runs when the node list is first asked for.
        I.ensureRankIndex();
        I.closure(compact->seedLabels, bits, agg);
    } else {
        search(I, scenario, compact->seedLabels, *compact);
        bits.assign((std::size_t(I.N) * 4 + 63) / 64, 0);
        agg.init(I.C, I.W);
        for (const int l : compact->label) {
            bits[std::size_t(l) >> 6] |= quint64(1) << (l & 63);
            const int v = l >> 2;
            for (int h = I.heldStart[std::size_t(v)]; h < I.heldStart[std::size_t(v) + 1]; ++h)
                agg.add(I.held[std::size_t(h)], !isPotential(l & 3), I.originPool);
        }
    }
    const NodeCounts counts = countLabels(bits);
    r.m_summary = I.summarize(agg, counts);

    // Obligations and cost look at the exposed plaintext categories and their people.
    ObligationInput obl;
    obl.organization = m.organization;
    std::vector<quint64> plainOrigins(std::size_t(I.W), 0);
    qint64 maxRecords = 0;
    for (int c = 0; c < I.C; ++c) {
        if (!CatAgg::bit(agg.heldAny, c))
            continue;
        obl.anyExposure = true;
        if (I.encrypted(agg, c))
            continue;
        const Category *cat = I.cats[std::size_t(c)];
        ObligationInput::Category pc{cat->id, cat->tier, cat->flags, {}};
        const quint64 *o = &agg.origins[std::size_t(c) * std::size_t(I.W)];
        for (int w = 0; w < I.W; ++w)
            plainOrigins[std::size_t(w)] |= o[w];
        I.forEachPerson(o, [&](const Node &p) {
            pc.origins << p.id;
            obl.originRegions.insert(p.id, p.regions);
            obl.originCounts.insert(p.id, p.count.value_or(0));
        });
        maxRecords = std::max(maxRecords, agg.maxRecords[std::size_t(c)]);
        obl.plaintext.push_back(std::move(pc));
    }
    if (counts.controlledDirect > 0)
        for (std::size_t w = 0; w < bits.size(); ++w)
            for (quint64 b = (bits[w] >> CD) & 0x1111111111111111ULL; b; b &= b - 1)
                obl.controlledServices +=
                    m.nodes[w * 16 + std::size_t(std::countr_zero(b)) / 4].kind == NodeKind::Service ? 1 : 0;
    r.m_obligations = evaluateObligations(obl);
    r.m_cost = estimateCost(std::max(I.peopleIn(plainOrigins.data()), maxRecords), counts.controlledDirect > 0);
    r.m_compact = std::move(compact);
    return r;
}

const std::vector<ReachedNode> &BlastRadius::nodes() const
{
    std::call_once(m_compact->once, [this] { m_compact->materialize(); });
    return m_compact->nodes;
}

const std::vector<ExposedCategory> &BlastRadius::exposed() const
{
    std::call_once(m_compact->once, [this] { m_compact->materialize(); });
    return m_compact->exposed;
}

const QStringList &BlastRadius::services() const
{
    std::call_once(m_compact->once, [this] { m_compact->materialize(); });
    return m_compact->services;
}

static void search(const BlastRadiusEngine::Impl &I, const Scenario &scenario, const std::vector<int> &seedLabels,
                   BlastRadius::Compact &out)
{
    Scratch &s = scratch(0);
    s.prepare(std::size_t(I.N) * 4);
    out.label.clear();
    out.parentPos.clear();
    out.edge.clear();
    for (const int l : seedLabels) {
        s.mark(l);
        s.dist[std::size_t(l)] = 0;
        out.label.push_back(l);
        out.parentPos.push_back(-1);
        out.edge.push_back(-1);
    }
    auto dominated = [&](int v) {
        const int base = v & ~3;
        switch (v & 3) {
        case BD: return s.seen(base + CD);
        case CP: return s.seen(base + CD);
        case BP: return s.seen(base + CD) || s.seen(base + BD) || s.seen(base + CP);
        default: return false;
        }
    };
    for (std::size_t q = 0; q < out.label.size(); ++q) {
        const int u = out.label[q];
        const int du = s.dist[std::size_t(u)];
        if (scenario.maxHops && du >= *scenario.maxHops)
            continue;
        for (auto [it, end] = boost::out_edges(std::size_t(u), I.labels); it != end; ++it) {
            const int v = int(boost::target(*it, I.labels));
            if (s.seen(v) || (!scenario.potential && isPotential(v & 3)) || dominated(v))
                continue;
            s.mark(v);
            s.dist[std::size_t(v)] = du + 1;
            out.label.push_back(v);
            out.parentPos.push_back(int(q));
            out.edge.push_back(I.labels[*it]);
        }
    }
    out.searched = true;
}

void BlastRadius::Compact::materialize()
{
    const BlastRadiusEngine::Impl &I = *engine;
    const Model &m = I.m;
    if (!searched)
        search(I, scenario, seedLabels, *this);
    // Reported label per node: the most severe direct one, else the most severe potential one.
    QHash<int, std::array<int, 4>> at; // node -> queue position of each label (-1: not visited)
    for (int q = 0; q < int(label.size()); ++q) {
        auto it = at.find(label[std::size_t(q)] >> 2);
        if (it == at.end())
            it = at.insert(label[std::size_t(q)] >> 2, {-1, -1, -1, -1});
        (*it)[std::size_t(label[std::size_t(q)] & 3)] = q;
    }
    I.ensureOrder();
    std::vector<int> reached(at.keyBegin(), at.keyEnd());
    std::sort(reached.begin(), reached.end(),
              [&](int a, int b) { return I.nodeRank[std::size_t(a)] < I.nodeRank[std::size_t(b)]; });
    std::vector<std::vector<int>> holders(std::size_t(I.C)), via(std::size_t(I.C));
    nodes.reserve(reached.size());
    for (const int v : reached) {
        const std::array<int, 4> &pos = at[v];
        ReachedNode rn;
        rn.id = m.nodes[std::size_t(v)].id;
        rn.kind = m.nodes[std::size_t(v)].kind;
        int l;
        if (pos[CD] >= 0 || pos[BD] >= 0) {
            l = pos[CD] >= 0 ? CD : BD;
            rn.certainty = Certainty::Direct;
            if (l == BD && pos[CP] >= 0)
                rn.escalation = Compromise::Controlled;
        } else {
            l = pos[CP] >= 0 ? CP : BP;
            rn.certainty = Certainty::Potential;
        }
        rn.state = isControlled(l) ? Compromise::Controlled : Compromise::Breached;
        int hops = 0;
        for (int q = pos[std::size_t(l)]; parentPos[std::size_t(q)] >= 0; q = parentPos[std::size_t(q)])
            ++hops;
        rn.hops = hops;
        rn.path.resize(hops);
        for (int q = pos[std::size_t(l)]; parentPos[std::size_t(q)] >= 0; q = parentPos[std::size_t(q)])
            rn.path[--hops] = m.edges[std::size_t(edge[std::size_t(q)])].id;
        nodes.push_back(std::move(rn));
        for (int h = I.heldStart[std::size_t(v)]; h < I.heldStart[std::size_t(v) + 1]; ++h)
            holders[std::size_t(I.held[std::size_t(h)].cat)].push_back(v);
        // Every category on a data edge into a holder is held there: the edge carried it.
        for (int i = I.inDataStart[std::size_t(v)]; i < I.inDataStart[std::size_t(v) + 1]; ++i) {
            const int e = I.inData[std::size_t(i)];
            for (int c = I.edgeCatStart[std::size_t(e)]; c < I.edgeCatStart[std::size_t(e) + 1]; ++c)
                via[std::size_t(I.edgeCats[std::size_t(c)])].push_back(e);
        }
    }
    // Services that sent an exposed category toward a holder: walk back from the holders
    // over the data edges that carry that category, any number of hops.
    std::vector<bool> sender(std::size_t(I.N), false);
    std::vector<int> upstream;
    std::vector<quint32> seen(std::size_t(I.N), 0);
    quint32 gen = 0;
    for (int c = 0; c < I.C; ++c) {
        if (holders[std::size_t(c)].empty())
            continue;
        const Category *cat = I.cats[std::size_t(c)];
        ExposedCategory x;
        x.category = cat->id;
        x.name = cat->name;
        x.tier = cat->tier;
        x.certainty = CatAgg::bit(agg.heldDirect, c) ? Certainty::Direct : Certainty::Potential;
        x.encrypted = I.encrypted(agg, c);
        for (const int v : holders[std::size_t(c)])
            x.holders << m.nodes[std::size_t(v)].id; // already in id order
        std::vector<int> &edges = via[std::size_t(c)];
        std::sort(edges.begin(), edges.end(),
                  [&](int a, int b) { return I.edgeRank[std::size_t(a)] < I.edgeRank[std::size_t(b)]; });
        edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
        x.via.reserve(qsizetype(edges.size()));
        ++gen;
        upstream.clear();
        for (const int e : edges) {
            x.via << m.edges[std::size_t(e)].id;
            const int from = I.edgeFrom[std::size_t(e)];
            if (seen[std::size_t(from)] != gen) {
                seen[std::size_t(from)] = gen;
                upstream.push_back(from);
            }
        }
        for (std::size_t q = 0; q < upstream.size(); ++q) {
            const int u = upstream[q];
            if (m.nodes[std::size_t(u)].kind == NodeKind::Service)
                sender[std::size_t(u)] = true;
            for (int i = I.inDataStart[std::size_t(u)]; i < I.inDataStart[std::size_t(u) + 1]; ++i) {
                const int e = I.inData[std::size_t(i)];
                const int from = I.edgeFrom[std::size_t(e)];
                if (seen[std::size_t(from)] != gen && I.carries(e, c)) {
                    seen[std::size_t(from)] = gen;
                    upstream.push_back(from);
                }
            }
        }
        I.forEachPerson(&agg.origins[std::size_t(c) * std::size_t(I.W)], [&](const Node &p) {
            x.origins << p.id;
            x.people += p.count.value_or(0);
        });
        x.origins.sort();
        x.records = agg.maxRecords[std::size_t(c)];
        exposed.push_back(std::move(x));
    }
    std::sort(exposed.begin(), exposed.end(),
              [](const ExposedCategory &a, const ExposedCategory &b) { return a.category < b.category; });
    for (int v = 0; v < I.N; ++v)
        if (sender[std::size_t(v)])
            services << m.nodes[std::size_t(v)].id;
    services.sort();
}

void BlastRadiusEngine::Impl::buildRankIndex() const
{
    const std::size_t L = std::size_t(N) * 4;
    ri.comp.assign(L, 0);
    const int K = int(boost::strong_components(
        labels, boost::make_iterator_property_map(ri.comp.begin(), boost::get(boost::vertex_index, labels))));
    std::vector<std::pair<int, int>> members, dagPairs;
    members.reserve(L);
    for (std::size_t l = 0; l < L; ++l)
        members.emplace_back(ri.comp[l], int(l));
    ri.compStart = csr(K, members, ri.compLabels);
    for (std::size_t u = 0; u < L; ++u)
        for (auto [it, end] = boost::out_edges(u, labels); it != end; ++it) {
            const int cu = ri.comp[u], cv = ri.comp[boost::target(*it, labels)];
            if (cu != cv)
                dagPairs.emplace_back(cu, cv);
        }
    std::sort(dagPairs.begin(), dagPairs.end());
    dagPairs.erase(std::unique(dagPairs.begin(), dagPairs.end()), dagPairs.end());
    ri.dagStart = csr(K, dagPairs, ri.dag);
    std::vector<int> indeg(std::size_t(K), 0);
    for (const auto &p : dagPairs)
        ++indeg[std::size_t(p.second)];

    // Hubs: large components, and components many others lead into.
    std::vector<int> order; // reverse topological: every component after its successors
    {
        std::vector<int> remaining(std::size_t(K), 0), queue;
        for (int c = 0; c < K; ++c) {
            remaining[std::size_t(c)] = ri.dagStart[std::size_t(c) + 1] - ri.dagStart[std::size_t(c)];
            if (!remaining[std::size_t(c)])
                queue.push_back(c);
        }
        std::vector<std::pair<int, int>> rev;
        for (const auto &[a, b] : dagPairs)
            rev.emplace_back(b, a);
        std::vector<int> revAdj;
        const std::vector<int> revStart = csr(K, rev, revAdj);
        for (std::size_t q = 0; q < queue.size(); ++q) {
            const int c = queue[q];
            order.push_back(c);
            for (int i = revStart[std::size_t(c)]; i < revStart[std::size_t(c) + 1]; ++i)
                if (--remaining[std::size_t(revAdj[std::size_t(i)])] == 0)
                    queue.push_back(revAdj[std::size_t(i)]);
        }
    }
    const std::size_t words = (L + 63) / 64;
    const std::size_t maxHubs = std::max<std::size_t>(64, (256ULL << 20) / (words * 8 + 1));
    ri.hubOf.assign(std::size_t(K), -1);
    std::vector<int> candidates;
    for (int c = 0; c < K; ++c) {
        const int size = ri.compStart[std::size_t(c) + 1] - ri.compStart[std::size_t(c)];
        if (size >= 8 || indeg[std::size_t(c)] >= 8)
            candidates.push_back(c);
    }
    std::sort(candidates.begin(), candidates.end(), [&](int a, int b) {
        const int sa = ri.compStart[std::size_t(a) + 1] - ri.compStart[std::size_t(a)] + indeg[std::size_t(a)];
        const int sb = ri.compStart[std::size_t(b) + 1] - ri.compStart[std::size_t(b)] + indeg[std::size_t(b)];
        return sa != sb ? sa > sb : a < b;
    });
    if (candidates.size() > maxHubs)
        candidates.resize(maxHubs);
    std::vector<bool> isHub(std::size_t(K), false);
    for (int c : candidates)
        isHub[std::size_t(c)] = true;

    // Closures, successors first, each stopping at hubs already closed.
    for (const int h : order) {
        if (!isHub[std::size_t(h)])
            continue;
        std::vector<quint64> bits(words, 0);
        CatAgg agg;
        agg.init(C, W);
        walk({h}, h, bits, agg);
        ri.hubOf[std::size_t(h)] = int(ri.hubBits.size());
        ri.hubBits.push_back(std::move(bits));
        ri.hubAgg.push_back(std::move(agg));
    }
}

void BlastRadiusEngine::Impl::visitComponentLabels(int c, std::vector<quint64> &bits, CatAgg &agg) const
{
    for (int i = ri.compStart[std::size_t(c)]; i < ri.compStart[std::size_t(c) + 1]; ++i) {
        const int l = ri.compLabels[std::size_t(i)];
        bits[std::size_t(l) >> 6] |= quint64(1) << (l & 63);
        const int v = l >> 2;
        for (int h = heldStart[std::size_t(v)]; h < heldStart[std::size_t(v) + 1]; ++h)
            agg.add(held[std::size_t(h)], !isPotential(l & 3), originPool);
    }
}

void BlastRadiusEngine::Impl::ensureOrder() const
{
    std::call_once(orderOnce, [this] {
        auto ranks = [](const auto &items) {
            std::vector<int> idx(items.size());
            std::iota(idx.begin(), idx.end(), 0);
            const bool sorted = std::is_sorted(items.begin(), items.end(),
                                               [](const auto &a, const auto &b) { return a.id < b.id; });
            if (!sorted)
                std::sort(idx.begin(), idx.end(), [&](int a, int b) { return items[std::size_t(a)].id < items[std::size_t(b)].id; });
            std::vector<int> rank(items.size());
            for (std::size_t i = 0; i < idx.size(); ++i)
                rank[std::size_t(idx[i])] = int(i);
            return rank;
        };
        nodeRank = ranks(m.nodes);
        edgeRank = ranks(m.edges);
    });
}

ScenarioSummary BlastRadiusEngine::Impl::rankQuery(int seedLabel) const
{
    thread_local std::vector<quint64> bits;
    thread_local CatAgg agg;
    closure({seedLabel}, bits, agg);
    return summarize(agg, countLabels(bits));
}

void BlastRadiusEngine::Impl::closure(const std::vector<int> &seedLabels, std::vector<quint64> &bits, CatAgg &agg) const
{
    const std::size_t words = (std::size_t(N) * 4 + 63) / 64;
    bits.assign(words, 0);
    if (agg.C != C || agg.W != W)
        agg.init(C, W);
    else
        agg.reset();
    std::vector<int> starts;
    for (const int seedLabel : seedLabels)
        starts.push_back(ri.comp[std::size_t(seedLabel)]);
    walk(starts, -1, bits, agg);
}

void BlastRadiusEngine::Impl::walk(const std::vector<int> &starts, int open, std::vector<quint64> &bits, CatAgg &agg) const
{
    Scratch &s = scratch(1);
    s.prepare(ri.compStart.size() - 1);
    for (const int c : starts)
        if (!s.seen(c)) {
            s.mark(c);
            s.queue.push_back(c);
        }
    for (std::size_t q = 0; q < s.queue.size(); ++q) {
        const int c = s.queue[q];
        if (const int hub = ri.hubOf[std::size_t(c)]; hub >= 0 && c != open) {
            const auto &hb = ri.hubBits[std::size_t(hub)];
            for (std::size_t w = 0; w < bits.size(); ++w)
                bits[w] |= hb[w];
            agg.merge(ri.hubAgg[std::size_t(hub)]);
            continue;
        }
        visitComponentLabels(c, bits, agg);
        for (int i = ri.dagStart[std::size_t(c)]; i < ri.dagStart[std::size_t(c) + 1]; ++i)
            if (!s.seen(ri.dag[std::size_t(i)])) {
                s.mark(ri.dag[std::size_t(i)]);
                s.queue.push_back(ri.dag[std::size_t(i)]);
            }
    }
}

std::vector<VendorRank> BlastRadiusEngine::rank(bool breach, bool control) const
{
    try {
        d->ensureRankIndex();
    } catch (const std::exception &e) {
        qWarning("rank index failed: %s", e.what());
        return {};
    }
    std::vector<VendorRank> out;
    for (int v = 0; v < d->N; ++v) {
        const Node &n = d->m.nodes[std::size_t(v)];
        if (n.kind != NodeKind::Vendor)
            continue;
        if (breach)
            out.push_back({n.id, n.name, Compromise::Breached, d->rankQuery(v * 4 + BD)});
        if (control)
            out.push_back({n.id, n.name, Compromise::Controlled, d->rankQuery(v * 4 + CD)});
    }
    std::sort(out.begin(), out.end(), [](const VendorRank &a, const VendorRank &b) {
        if (a.summary.score != b.summary.score)
            return a.summary.score > b.summary.score;
        if (a.vendorId != b.vendorId)
            return a.vendorId < b.vendorId;
        return a.mode < b.mode;
    });
    return out;
}

void BlastRadiusEngine::prepareIndex() const { d->ensureRankIndex(); }

std::vector<SharedSubprocessor> BlastRadiusEngine::concentration() const
{
    const Impl &I = *d;
    std::vector<SharedSubprocessor> out;
    QHash<int, QSet<int>> dependents; // provider -> vendors that depend on it
    for (std::size_t e = 0; e < I.m.edges.size(); ++e) {
        const Edge &edge = I.m.edges[e];
        const int a = I.edgeFrom[e], b = I.edgeTo[e];
        // A vendor depends on a provider that it sends data to, or that hosts it or runs code in it.
        const int provider = edge.kind == EdgeKind::Data ? b : (edge.kind == EdgeKind::Access ? -1 : a);
        const int dependent = edge.kind == EdgeKind::Data ? a : b;
        if (provider < 0 || I.m.nodes[std::size_t(provider)].kind != NodeKind::Vendor
            || I.m.nodes[std::size_t(dependent)].kind != NodeKind::Vendor)
            continue;
        dependents[provider].insert(dependent);
    }
    for (auto it = dependents.cbegin(); it != dependents.cend(); ++it) {
        if (it->size() < 2)
            continue;
        SharedSubprocessor s;
        const Node &n = I.m.nodes[std::size_t(it.key())];
        s.id = n.id;
        s.name = n.name;
        for (const int v : *it)
            s.vendors << I.m.nodes[std::size_t(v)].id;
        s.vendors.sort();
        for (int h = I.heldStart[std::size_t(it.key())]; h < I.heldStart[std::size_t(it.key()) + 1]; ++h) {
            const Category *c = I.cats[std::size_t(I.held[std::size_t(h)].cat)];
            s.categories << c->id;
            s.weight += tierWeight(c->tier);
        }
        s.categories.sort();
        s.score = double(s.vendors.size()) * std::max(1.0, s.weight);
        out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(), [](const SharedSubprocessor &a, const SharedSubprocessor &b) {
        return a.score != b.score ? a.score > b.score : a.id < b.id;
    });
    return out;
}

Expected<WhatIf> whatIfRemove(const Model &model, const QString &vendorId)
{
    const auto it = std::find_if(model.nodes.begin(), model.nodes.end(), [&](const Node &n) { return n.id == vendorId; });
    if (it == model.nodes.end() || it->kind != NodeKind::Vendor)
        return Error(QString(), QStringLiteral("\"%1\" is not a vendor in the model").arg(vendorId));
    Model after = model;
    after.nodes.erase(after.nodes.begin() + (it - model.nodes.begin()));
    after.edges.erase(std::remove_if(after.edges.begin(), after.edges.end(),
                                     [&](const Edge &e) { return e.from == vendorId || e.to == vendorId; }),
                      after.edges.end());
    after.layout.remove(vendorId);

    auto vendorHeld = [](const Model &m) {
        QHash<QString, NodeKind> kinds;
        for (const Node &n : m.nodes)
            kinds.insert(n.id, n.kind);
        QSet<QString> out;
        for (const Edge &e : m.edges)
            if (e.kind == EdgeKind::Data && kinds.value(e.to) == NodeKind::Vendor)
                for (const QString &c : e.categories)
                    out.insert(c);
        for (const Node &n : m.nodes)
            if (n.kind == NodeKind::Vendor)
                for (const StoredData &s : n.stores)
                    out.insert(s.category);
        return out;
    };
    WhatIf w;
    w.removed = vendorId;
    const QSet<QString> lost = vendorHeld(model) - vendorHeld(after);
    w.categoriesNoLongerHeldByVendors = QStringList(lost.begin(), lost.end());
    w.categoriesNoLongerHeldByVendors.sort();
    QHash<QString, NodeKind> kinds;
    for (const Node &n : model.nodes)
        kinds.insert(n.id, n.kind);
    for (const Edge &e : model.edges) {
        if (e.kind == EdgeKind::Access || (e.from != vendorId && e.to != vendorId))
            continue;
        const QString other = e.from == vendorId ? e.to : e.from;
        if (kinds.value(other) != NodeKind::Service)
            continue;
        QStringList &k = w.servicesLosingEdges[other];
        if (!k.contains(toString(e.kind)))
            k << toString(e.kind);
        k.sort();
    }
    auto top = [](const Model &m) {
        std::vector<VendorRank> r = BlastRadiusEngine(m).rank(true, true);
        if (r.size() > 10)
            r.resize(10);
        return r;
    };
    w.topBefore = top(model);
    w.topAfter = top(after);
    return w;
}

} // namespace vg
