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
// (state, certainty). Label id = node * 4 + Label. Nodes are the model's nodes, then one
// virtual "tenant" node per vendor that some access edge leads into: our account at that
// vendor, which has the vendor's data and credentials but not its platform (code, hosts).
enum Label { BD = 0, CD = 1, BP = 2, CP = 3 };
constexpr bool isPotential(int l) { return l >= BP; }
constexpr bool isControlled(int l) { return l == CD || l == CP; }

using LabelGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, int>;

constexpr double kPotentialFactor = 0.3;
constexpr double kEncryptedFactor = 0.2;
constexpr double kNodeWeight = 0.5;

// How a group of copies is protected at its holder.
enum KeyState : int {
    Plain = -1, // readable at the holder (no encryption, holder-key, or an external key the holder also holds)
    Locked = -2, // external key that nothing in the model exposes
    // >= 0: external key held by that (real) node; readable when that node's key is exposed
};

// Copies of one category at one node with the same protection: the data edges into it
// and out of it (a node holds what it sends) and its stores.
struct Held {
    int cat;
    int originSlot; // -1: no people behind it
    qint64 maxRecords; // the largest records figure stated on these copies
    bool hasRecords; // some copy states a records figure
    qint64 popBasis; // the largest population behind a copy that states no records figure
    bool unknownPeople; // some copy has no people behind it (population unknown)
    int key; // KeyState or the key holder's node index
};

// Per-category figures of a set of reached labels. Merging is idempotent (OR, max, set
// union), so overlapping parts can be merged without double counting. Copies whose key is
// held elsewhere stay pending in `keyed` until resolve() sees whether the key was exposed.
struct CatAgg {
    int C = 0, W = 0, M = 0; // categories, words per origin set, words per category mask
    std::vector<quint64> anyD, anyP; // some copy at a direct / potential holder
    std::vector<quint64> plainD, plainP; // some plaintext copy at a direct / potential holder
    std::vector<quint64> locked; // some copy stays encrypted
    std::vector<quint64> unknownD, unknownA; // a plaintext copy (direct / any) of unknown population
    std::vector<quint64> recD, recA; // a plaintext copy (direct / any) states records
    std::vector<qint64> maxRecD, maxRecA; // largest such figure
    std::vector<qint64> popD, popA; // largest population behind a plaintext copy without records
    std::vector<quint64> originsD, originsA; // C x W: people behind plaintext copies (direct / any)
    std::vector<quint32> keyed; // held index * 2 + direct, sorted and unique after normalize()

    void init(int c, int w)
    {
        C = c;
        W = w;
        M = (c + 63) / 64;
        for (auto *v : {&anyD, &anyP, &plainD, &plainP, &locked, &unknownD, &unknownA, &recD, &recA})
            v->assign(std::size_t(M), 0);
        for (auto *v : {&maxRecD, &maxRecA, &popD, &popA})
            v->assign(std::size_t(C), 0);
        originsD.assign(std::size_t(C) * std::size_t(W), 0);
        originsA.assign(std::size_t(C) * std::size_t(W), 0);
        keyed.clear();
    }
    void reset()
    {
        for (auto *v : {&anyD, &anyP, &plainD, &plainP, &locked, &unknownD, &unknownA, &recD, &recA})
            std::fill(v->begin(), v->end(), 0);
        for (auto *v : {&maxRecD, &maxRecA, &popD, &popA})
            std::fill(v->begin(), v->end(), 0);
        std::fill(originsD.begin(), originsD.end(), 0);
        std::fill(originsA.begin(), originsA.end(), 0);
        keyed.clear();
    }
    static bool bit(const std::vector<quint64> &m, int i) { return (m[std::size_t(i >> 6)] >> (i & 63)) & 1; }
    static void set(std::vector<quint64> &m, int i) { m[std::size_t(i >> 6)] |= quint64(1) << (i & 63); }
    bool any(int c) const { return bit(anyD, c) || bit(anyP, c); }
    bool plain(int c) const { return bit(plainD, c) || bit(plainP, c); }
    // A plaintext copy of h's category at a holder of the given certainty.
    void addPlain(const Held &h, bool direct, const std::vector<quint64> &originPool)
    {
        const int c = h.cat;
        set(direct ? plainD : plainP, c);
        if (h.unknownPeople) {
            set(unknownA, c);
            if (direct)
                set(unknownD, c);
        }
        auto rec = [&](std::vector<quint64> &has, std::vector<qint64> &max) {
            if (h.hasRecords) {
                set(has, c);
                max[std::size_t(c)] = std::max(max[std::size_t(c)], h.maxRecords);
            }
        };
        // A holder's copies that state records are sized by them; only a holder whose copies
        // state none is sized by the population behind them (an upper bound).
        const qint64 pop = h.hasRecords ? 0 : h.popBasis;
        rec(recA, maxRecA);
        popA[std::size_t(c)] = std::max(popA[std::size_t(c)], pop);
        if (direct) {
            rec(recD, maxRecD);
            popD[std::size_t(c)] = std::max(popD[std::size_t(c)], pop);
        }
        if (h.originSlot >= 0) {
            const quint64 *src = &originPool[std::size_t(h.originSlot) * std::size_t(W)];
            for (int w = 0; w < W; ++w) {
                originsA[std::size_t(c) * std::size_t(W) + std::size_t(w)] |= src[w];
                if (direct)
                    originsD[std::size_t(c) * std::size_t(W) + std::size_t(w)] |= src[w];
            }
        }
    }
    void add(const Held &h, int heldIndex, bool direct, const std::vector<quint64> &originPool)
    {
        set(direct ? anyD : anyP, h.cat);
        if (h.key == Plain)
            addPlain(h, direct, originPool);
        else if (h.key == Locked)
            set(locked, h.cat);
        else
            keyed.push_back(quint32(heldIndex) * 2 + (direct ? 1 : 0));
    }
    void merge(const CatAgg &o)
    {
        for (auto [a, b] :
             {std::pair{&anyD, &o.anyD}, std::pair{&anyP, &o.anyP}, std::pair{&plainD, &o.plainD},
              std::pair{&plainP, &o.plainP}, std::pair{&locked, &o.locked}, std::pair{&unknownD, &o.unknownD},
              std::pair{&unknownA, &o.unknownA}, std::pair{&recD, &o.recD}, std::pair{&recA, &o.recA}})
            for (int i = 0; i < M; ++i)
                (*a)[std::size_t(i)] |= (*b)[std::size_t(i)];
        for (int c = 0; c < C; ++c) {
            maxRecD[std::size_t(c)] = std::max(maxRecD[std::size_t(c)], o.maxRecD[std::size_t(c)]);
            maxRecA[std::size_t(c)] = std::max(maxRecA[std::size_t(c)], o.maxRecA[std::size_t(c)]);
            popD[std::size_t(c)] = std::max(popD[std::size_t(c)], o.popD[std::size_t(c)]);
            popA[std::size_t(c)] = std::max(popA[std::size_t(c)], o.popA[std::size_t(c)]);
        }
        for (std::size_t i = 0; i < originsA.size(); ++i) {
            originsA[i] |= o.originsA[i];
            originsD[i] |= o.originsD[i];
        }
        keyed.insert(keyed.end(), o.keyed.begin(), o.keyed.end());
    }
    void normalize()
    {
        std::sort(keyed.begin(), keyed.end());
        keyed.erase(std::unique(keyed.begin(), keyed.end()), keyed.end());
    }
};

// How many nodes have each reported state.
struct NodeCounts {
    int controlledDirect = 0, breachedDirect = 0, controlledPotential = 0, breachedPotential = 0;
};

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
    int T = 0; // tenant nodes: virtual node N + t is our account at vendor tenantVendor[t]
    int V = 0; // N + T
    QHash<QString, int> nodeIndex;
    std::vector<int> peopleOf; // node -> people index or -1
    std::vector<int> peopleNode; // people index -> node
    std::vector<int> tenantOf; // vendor node -> tenant slot or -1
    std::vector<int> tenantVendor; // tenant slot -> vendor node
    std::vector<int> edgeFrom, edgeTo;
    std::vector<int> edgeCatStart, edgeCats; // data edges' categories (CSR over edges)
    std::vector<int> inDataStart, inData; // incoming data edges per node
    std::vector<int> outDataStart, outData;
    std::vector<int> heldStart; // over model nodes (a tenant holds what its vendor holds: realNode())
    std::vector<Held> held;
    std::vector<quint64> originPool;
    std::vector<bool> holdsKey; // real node holds a "decrypt" pivot category in plaintext
    std::vector<int> codeCats, keyCats; // categories whose pivot opens code / encrypted data
    LabelGraph labels;

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
    // The model node behind a (possibly virtual) node.
    int realNode(int v) const { return v < N ? v : tenantVendor[std::size_t(v - N)]; }

    void build();
    // T(v, c) for every node and category: the people a node's copy of c is about.
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
    // Adds what the node of label l holds to agg.
    void addHeld(int l, CatAgg &agg) const
    {
        const int v = realNode(l >> 2);
        for (int h = heldStart[std::size_t(v)]; h < heldStart[std::size_t(v) + 1]; ++h)
            agg.add(held[std::size_t(h)], h, !isPotential(l & 3), originPool);
    }
    // Decides the copies whose key is held elsewhere: plaintext when the key holder (or our
    // account at it) is reached and holds an exposed key, with the weaker certainty of the
    // two; encrypted otherwise.
    void resolve(CatAgg &agg, const std::vector<quint64> &bits) const;
    // The best certainty with which a real node (or our account at it) is reached, if at all.
    std::optional<Certainty> reachedAs(const std::vector<quint64> &bits, int node) const;
    // Counts reached model nodes by reported state; a vendor and our account at it count once.
    NodeCounts countNodes(const std::vector<quint64> &bits) const;
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
        forEachPerson(bits, [&](const Node &p) { n = saturatingAdd(n, p.count.value_or(0)); });
        return n;
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
    CatAgg agg; // resolved
    std::once_flag once;
    std::vector<ReachedNode> nodes;
    std::vector<int> nodePos; // queue position of each listed node's reported label
    std::vector<ExposedCategory> exposed;
    QStringList services;
    void materialize();
    void materializeOnce()
    {
        std::call_once(once, [this] { materialize(); });
    }
    // "the stored credential for X at Y": the step at which the first label of node v's
    // explaining path became potential. Empty when v was reached directly.
    QString pivotOf(int pos) const;
};

// Breadth-first over the label graph from the seeds: the first visit of a label is along a
// shortest path. A label dominated by one already visited at the same node (controlled
// covers breached, direct covers potential) adds nothing and is not expanded; this keeps
// every node's reported state and shortest path.
void search(const BlastRadiusEngine::Impl &I, const Scenario &scenario, const std::vector<int> &seedLabels,
            BlastRadius::Compact &out);

} // namespace vg
