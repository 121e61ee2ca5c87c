// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's private parts, shared by its translation units (engine/*.cpp). Not part
// of the facade: nothing outside model/engine/ includes this header.
#pragma once

#include "model/domain/taxonomy.h"
#include "model/engine/blastradius.h"

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <QHash>

#include <array>
#include <bit>
#include <mutex>
#include <unordered_map>

namespace vg {

namespace detail {

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
inline NodeCounts countLabels(const std::vector<quint64> &bits)
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
inline std::vector<int> csr(int n, const std::vector<std::pair<int, int>> &pairs, std::vector<int> &values)
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

inline Scratch &scratch(int which)
{
    thread_local Scratch s[2];
    return s[which];
}

} // namespace detail

using namespace detail;

struct BlastRadiusEngine::Impl {
    const Model &m;
    Taxonomy tax;
    std::vector<const Category *> cats; // by category index
    QHash<QString, int> catIndex;
    int N = 0, C = 0, P = 0, W = 1;
    QHash<QString, int> nodeIndex;
    std::vector<int> peopleOf; // node -> people index or -1
    std::vector<int> peopleNode; // people index -> node
    std::vector<int> edgeFrom, edgeTo;
    std::vector<int> edgeCatStart, edgeCats; // data edges' categories (CSR over edges)
    std::vector<int> inDataStart, inData; // incoming data edges per node
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

    explicit Impl(const Model &model) : m(model), tax(Taxonomy::forModel(model)) { }

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
    void ensureRankIndex() const
    {
        std::call_once(rankOnce, [this] { buildRankIndex(); });
    }
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
void search(const BlastRadiusEngine::Impl &I, const Scenario &scenario, const std::vector<int> &seedLabels,
            BlastRadius::Compact &out);

} // namespace vg
