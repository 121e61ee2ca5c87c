// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's private parts, shared by its translation units (engine/*.cpp). Not part
// of the facade: nothing outside model/engine/ includes this header.
//
// The index is split into immutable parts held by shared pointers, so that an engine derived
// from another after an edit (BlastRadiusEngine::updated(), what-if masking) shares every part
// the edit did not touch, and a result keeps alive exactly the parts it reads.
#pragma once

#include "model/domain/taxonomy.h"
#include "model/engine/blastradius.h"

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <QHash>

#include <array>
#include <bit>
#include <mutex>

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

// Population counts without a library call (the baseline x86-64 target has no popcnt).
constexpr int popcount64(quint64 x)
{
    x = x - ((x >> 1) & 0x5555555555555555ULL);
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return int((x * 0x0101010101010101ULL) >> 56);
}

// How a group of copies is protected at its holder.
constexpr int kNoKeyHolder = -3; // external key, no key holder named: only a key at the holder opens it
enum KeyState : int {
    Plain = -1, // readable at the holder (no encryption, holder-key, or an external key the holder also holds)
    Locked = -2, // external key that nothing in the model exposes
    // >= 0: external key held by that (real) node; readable when that node holds a plaintext key
    // (EngineIndex::holdsKey) and is reached
};

// Copies of one category at one node with the same protection: the data edges into it
// and out of it (a node holds what it sends) and its stores.
struct Held {
    int cat;
    int origin; // offset of its people (W words) in NodeHeld::origins; -1: no people behind it
    qint64 maxRecords; // the largest records figure stated on these copies
    qint64 popBasis; // the largest population behind a copy that states no records figure
    int key; // KeyState or the key holder's node index
    bool hasRecords; // some copy states a records figure
    bool unknownPeople; // some copy has no people behind it (population unknown)
};

// What one node holds. Immutable once built; shared between engines until an edit touches it.
struct NodeHeld {
    std::vector<Held> groups;
    std::vector<quint64> origins; // W words per group that has people
    bool holdsKey = false; // holds a "decrypt" pivot category in plaintext
    bool signs = false; // holds a "code" pivot category (a signing key) in plaintext
    bool operator==(const NodeHeld &) const;
};

// The people behind every node's copy of one category: T(v, c), kept per component of the
// category's data-flow graph. Immutable; recomputed for a category when an edit touches it.
struct CatOrigins {
    int W = 1;
    std::vector<int> slot; // by node: slot in pool, or -1 (nobody)
    std::vector<quint64> pool; // W words per slot
    std::vector<qint64> people; // per slot: the sum of the populations' counts (saturating)
    // Nodes added after the set was computed (at or past slot.size()) have nobody.
    const quint64 *at(int v) const
    {
        const int s = std::size_t(v) < slot.size() ? slot[std::size_t(v)] : -1;
        return s < 0 ? nullptr : &pool[std::size_t(s) * std::size_t(W)];
    }
    qint64 peopleAt(int v) const
    {
        const int s = std::size_t(v) < slot.size() ? slot[std::size_t(v)] : -1;
        return s < 0 ? 0 : people[std::size_t(s)];
    }
};

// The categories of a model: the taxonomy with the model's own definitions.
struct Catalog {
    Taxonomy tax;
    std::vector<const Category *> cats; // by category index
    QHash<QString, int> index;
    std::vector<char> isCode, isKey; // pivot kind code (signing keys) / decrypt (encryption keys)
    int C = 0;
    explicit Catalog(const Model &m);
};

// Node numbering (the model's order), kinds, people and the id order.
struct NodeTable {
    int N = 0, P = 0, W = 1;
    QHash<QString, int> index;
    std::vector<NodeKind> kind;
    std::vector<int> peopleOf; // node -> people index or -1
    std::vector<int> peopleNode; // people index -> node
    std::vector<qint64> peopleCount; // people index -> count
    std::vector<int> peopleByRank; // people indices in id order
    std::vector<int> rank; // position of each node in id order
    explicit NodeTable(const Model &m);
    // Adds the model's nodes from index `from` on, which must not be people (the population
    // numbering stays), keeping the id order.
    void append(const Model &m, int from);
};

// Edges by the model's order: ends (-1 when dropped: an unknown end, or masked out), kinds,
// the categories of data edges and data adjacency, and the id order.
struct EdgeTable {
    int E = 0;
    std::vector<int> from, to;
    std::vector<EdgeKind> kind;
    std::vector<int> catStart, cats; // CSR over edges: a data edge's categories
    std::vector<qint64> records; // a data edge's records figure, or -1 when none is stated
    std::vector<int> key; // a data edge's KeyState, its key holder's node, or kNoKeyHolder
    std::vector<int> inDataStart, inData, outDataStart, outData; // live data edges per node
    std::vector<int> order; // edge indices in id order
    std::vector<int> rank; // position of each edge in id order
    bool carries(int e, int c) const
    {
        for (int i = catStart[std::size_t(e)]; i < catStart[std::size_t(e) + 1]; ++i)
            if (cats[std::size_t(i)] == c)
                return true;
        return false;
    }
    bool live(int e) const { return from[std::size_t(e)] >= 0 && to[std::size_t(e)] >= 0; }
    void buildAdjacency(int N);
    // Fills records and key of edge e from the model's edge (nodes: id -> index).
    void setProtection(int e, const Edge &edge, const QHash<QString, int> &nodes);
};

// Tenant nodes and the label graph (the propagation table applied to every edge).
struct Propagation {
    int T = 0, V = 0;
    std::vector<int> tenantOf; // vendor node -> tenant slot or -1
    std::vector<int> tenantVendor; // tenant slot -> vendor node
    LabelGraph labels;
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
    std::vector<quint64> keyed; // node << 32 | group << 1 | direct; sorted and unique after normalize()

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
    // A plaintext copy of h's category at a holder of the given certainty; origins: its
    // people (W words) or null.
    void addPlain(const Held &h, bool direct, const quint64 *origins)
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
        if (origins) {
            quint64 *a = &originsA[std::size_t(c) * std::size_t(W)];
            for (int w = 0; w < W; ++w)
                a[w] |= origins[w];
            if (direct) {
                quint64 *d = &originsD[std::size_t(c) * std::size_t(W)];
                for (int w = 0; w < W; ++w)
                    d[w] |= origins[w];
            }
        }
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

// A set of labels as a bitset that remembers which words it touched, so that clearing and
// counting a small set costs its size, not the graph's.
struct LabelSet {
    std::vector<quint64> bits;
    std::vector<int> touched; // words that are nonzero, in no particular order
    void reset(std::size_t words)
    {
        if (bits.size() != words) {
            bits.assign(words, 0);
        } else {
            for (const int w : touched)
                bits[std::size_t(w)] = 0;
        }
        touched.clear();
    }
    void set(int l)
    {
        quint64 &w = bits[std::size_t(l) >> 6];
        if (!w)
            touched.push_back(l >> 6);
        w |= quint64(1) << (l & 63);
    }
    bool test(int l) const { return (bits[std::size_t(l) >> 6] >> (l & 63)) & 1; }
    void orWord(int w, quint64 v)
    {
        quint64 &x = bits[std::size_t(w)];
        if (!x && v)
            touched.push_back(w);
        x |= v;
    }
};

// How many nodes have each reported state.
struct NodeCounts {
    int controlledDirect = 0, breachedDirect = 0, controlledPotential = 0, breachedPotential = 0;
};

// Thread-local scratch space, reused across queries: stamps avoid clearing. Slot 0 serves
// the label search, slot 1 the walks over the component DAG, slot 2 the per-node passes.
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
    thread_local Scratch s[3];
    return s[which];
}

} // namespace detail

using namespace detail;

struct BlastRadiusEngine::Impl {
    std::shared_ptr<const Model> model;
    const Model &m;
    std::shared_ptr<const Catalog> catalog;
    std::shared_ptr<const NodeTable> nodes;
    std::shared_ptr<const EdgeTable> edges;
    std::vector<std::shared_ptr<const CatOrigins>> origins; // by category; null: nobody's
    std::vector<std::shared_ptr<const NodeHeld>> held; // by node; null: holds nothing
    std::vector<char> holdsKey; // by node (NodeHeld::holdsKey), false for a masked node
    std::shared_ptr<const Propagation> prop;
    int masked = -1; // a node removed for a what-if: it has no edges, holds nothing, is not ranked

    // Shortcuts into the parts (hot paths).
    int N = 0, C = 0, P = 0, W = 1, T = 0, V = 0;
    const std::vector<const Category *> *cats = nullptr;

    // Built on the first rank(): the label graph's strongly connected components, their
    // DAG, and cached closures of the "hub" components that many queries run into.
    struct RankIndex {
        std::vector<int> comp, compStart, compLabels, dagStart, dag;
        std::vector<int> hubOf; // comp -> hub slot or -1
        std::vector<std::vector<int>> hubWords; // per hub: its nonzero label words, sorted
        std::vector<std::vector<quint64>> hubBits; // per hub: those words' values
        std::vector<CatAgg> hubAgg;
        // Large hubs also keep their closure as a dense bitset with its countNodes(), so that a
        // query that meets one counts only what it adds (rankQuery()).
        std::vector<int> hubDense; // per hub: index in dense, or -1
        std::vector<std::vector<quint64>> dense;
        std::vector<NodeCounts> denseCounts;
    };
    mutable std::once_flag rankOnce;
    mutable RankIndex ri;
    mutable std::mutex rankedMutex;
    mutable std::optional<std::vector<VendorRank>> ranked; // rank(true, true), once complete

    explicit Impl(std::shared_ptr<const Model> model);
    // A full build (construction).
    void build();
    // The shortcuts, after the parts are set.
    void refreshShortcuts();

    const Category &cat(int c) const { return *(*cats)[std::size_t(c)]; }
    // The model node behind a (possibly virtual) node.
    int realNode(int v) const { return v < N ? v : prop->tenantVendor[std::size_t(v - N)]; }
    int tenantNode(int v) const
    {
        const int t = prop->tenantOf[std::size_t(v)];
        return t < 0 ? -1 : N + t;
    }

    std::vector<int> subjectStores; // nodes with a store that names its subjects
    // The live data edges that carry each category (CSR over categories).
    void edgesByCategory(std::vector<int> &start, std::vector<int> &list) const;
    // Origins of one category over the current edges (ANALYSIS.md "Whose data is it?");
    // carrying: the live data edges that carry it.
    std::shared_ptr<const CatOrigins> buildOrigins(int c, const int *carrying, int count) const;
    // What node v holds, from the current edges and origins.
    std::shared_ptr<const NodeHeld> buildHeld(int v) const;
    // Tenants and the label graph from the current edges and what nodes hold (signing keys).
    std::shared_ptr<const Propagation> buildPropagation() const;

    void buildRankIndex() const;
    void ensureRankIndex() const
    {
        std::call_once(rankOnce, [this] { buildRankIndex(); });
    }
    // Walks the component DAG from `starts`: merges the cached closure of every hub met,
    // except `open`, and the labels of every other component. bits and agg must be cleared.
    // With `hubs`, the hubs met are listed there instead of having their labels merged into
    // bits (their aggregates are merged either way).
    void walk(const std::vector<int> &starts, int open, LabelSet &bits, CatAgg &agg,
              std::vector<int> *hubs = nullptr) const;
    void visitComponentLabels(int comp, LabelSet &bits, CatAgg &agg) const;
    // Adds what the node of label l holds to agg.
    void addHeld(int l, CatAgg &agg) const { addHeldAt(realNode(l >> 2), !isPotential(l & 3), agg); }
    // Adds what model node v holds to agg, at a holder of that certainty. Idempotent, and
    // adding a node directly covers adding it potentially.
    void addHeldAt(int v, bool direct, CatAgg &agg) const
    {
        const NodeHeld *nh = held[std::size_t(v)].get();
        if (!nh)
            return;
        for (std::size_t g = 0; g < nh->groups.size(); ++g) {
            const Held &h = nh->groups[g];
            CatAgg::set(direct ? agg.anyD : agg.anyP, h.cat);
            if (h.key == Plain)
                agg.addPlain(h, direct, h.origin < 0 ? nullptr : &nh->origins[std::size_t(h.origin)]);
            else if (h.key == Locked || !holdsKey[std::size_t(h.key)])
                CatAgg::set(agg.locked, h.cat);
            else
                agg.keyed.push_back(quint64(v) << 32 | quint64(g) << 1 | (direct ? 1 : 0));
        }
    }
    // Whether a group's copies can be read by someone: plaintext, or a key holder that holds
    // a plaintext key.
    bool openable(const Held &h) const { return h.key == Plain || (h.key >= 0 && holdsKey[std::size_t(h.key)]); }
    // Decides the copies whose key is held elsewhere: plaintext when the key holder (or our
    // account at it) is reached, with the weaker certainty of the two; encrypted otherwise.
    // base: labels reached besides bits (a dense bitset, or null).
    void resolve(CatAgg &agg, const LabelSet &bits, const quint64 *base = nullptr) const;
    // The best certainty with which a real node (or our account at it) is reached, if at all.
    std::optional<Certainty> reachedAs(const LabelSet &bits, int node, const quint64 *base = nullptr) const;
    // countNodes() of base | bits, from countNodes() of base alone: linear in bits' words.
    NodeCounts countNodesOver(const quint64 *base, const NodeCounts &baseCounts, const LabelSet &bits) const;
    // Counts reached model nodes by reported state; a vendor and our account at it count once.
    NodeCounts countNodes(const LabelSet &bits) const;
    ScenarioSummary summarize(const CatAgg &agg, const NodeCounts &n) const;
    // Calls f(node) for every population set in a W-word bitset, in index order.
    template <typename F>
    void forEachPerson(const quint64 *bits, F f) const
    {
        for (int w = 0; w < W; ++w)
            for (quint64 b = bits[w]; b; b &= b - 1)
                f(m.nodes[std::size_t(nodes->peopleNode[std::size_t(w * 64 + std::countr_zero(b))])]);
    }
    // The ids of the populations in a W-word bitset, in id order.
    QStringList peopleIds(const quint64 *bits) const
    {
        QStringList out;
        for (const int k : nodes->peopleByRank)
            if ((bits[k >> 6] >> (k & 63)) & 1)
                out << m.nodes[std::size_t(nodes->peopleNode[std::size_t(k)])].id;
        return out;
    }
    qint64 peopleIn(const quint64 *bits) const
    {
        qint64 n = 0;
        for (int w = 0; w < W; ++w)
            for (quint64 b = bits[w]; b; b &= b - 1)
                n = saturatingAdd(n, nodes->peopleCount[std::size_t(w * 64 + std::countr_zero(b))]);
        return n;
    }
    ScenarioSummary rankQuery(int seedLabel) const;
    // The same figures by a breadth-first search, without the rank index.
    ScenarioSummary searchQuery(int seedLabel) const;
    // Both modes for every vendor but the masked node, sorted; empty when cancelled.
    std::optional<std::vector<VendorRank>> rankAll(const ProgressFn &progress) const;
    // The cached rankAll(), computed on first use.
    std::optional<std::vector<VendorRank>> rankedAll(const ProgressFn &progress) const;
};

// What run() keeps: the labels it visited, in breadth-first order, with the position of
// each one's parent, the edge that led to it and its hops; the reached model nodes in id
// order with the queue position of their reported label; and the resolved aggregate.
// The lists with their strings are built from it on request.
struct BlastRadius::Compact {
    std::shared_ptr<const BlastRadiusEngine::Impl> engine;
    Scenario scenario;
    std::vector<int> seedLabels;
    std::vector<int> label, parentPos, edge, hops;
    LabelSet bits; // every label reached
    CatAgg agg; // resolved
    std::vector<int> reached; // model nodes reached, in id order
    std::vector<int> chosen; // per reached node: queue position of its reported label (slot in chosenSlot)
    std::vector<quint8> chosenSlot; // label + 4 when it is our account's (tenant) label
    std::vector<quint8> escalates; // per reached node: controlled is reachable only potentially
    std::vector<int> potentialPlainPos; // per category: queue position of a potential holder with a readable copy

    std::once_flag nodesOnce, exposedOnce, carriersOnce, servicesOnce, statesOnce, edgesOnce;
    std::vector<ReachedNode> nodes;
    std::vector<ExposedCategory> exposed;
    std::vector<QStringList> holders, via; // by category index
    QStringList services;
    std::vector<NodeState> states;
    std::vector<quint8> edgeFlags;

    // Fills reached/chosen/escalates/potentialPlainPos from the search.
    void report();
    void buildNodes();
    void buildExposed();
    void buildCarriers();
    void buildServices();
    void buildStates();
    void buildEdgeFlags();
    // "the stored credential for X at Y": the step at which the first label of an explaining
    // path became potential. Empty when the label at pos was reached directly.
    QString pivotOf(int pos) const;
    // Index of a model node in `reached`, or -1.
    int reachedIndex(int node) const;
    NodeState stateAt(std::size_t reachedIndex) const;
};

// Breadth-first over the label graph from the seeds: the first visit of a label is along a
// shortest path. A label dominated by one already visited at the same node (controlled
// covers breached, direct covers potential) adds nothing and is not expanded; this keeps
// every node's reported state and shortest path.
void search(const BlastRadiusEngine::Impl &I, const Scenario &scenario, const std::vector<int> &seedLabels,
            BlastRadius::Compact &out);

} // namespace vg
