// SPDX-License-Identifier: GPL-3.0-or-later
// The rank index: the label graph condensed into its component DAG, with cached closures of
// its hubs, and the queries that walk it (rank()).
#include "model/engine/engineimpl.h"

#include <boost/graph/strong_components.hpp>

#include <numeric>

namespace vg {

void BlastRadiusEngine::Impl::buildRankIndex() const
{
    const LabelGraph &labels = prop->labels;
    const std::size_t L = std::size_t(V) * 4;
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

    // Closures, successors first, each stopping at hubs already closed. Kept sparse: the
    // nonzero words only.
    LabelSet bits;
    for (const int h : order) {
        if (!isHub[std::size_t(h)])
            continue;
        bits.reset(words);
        CatAgg agg;
        agg.init(C, W);
        walk({h}, h, bits, agg);
        agg.normalize();
        std::vector<int> ws = bits.touched;
        std::sort(ws.begin(), ws.end());
        std::vector<quint64> values;
        values.reserve(ws.size());
        for (const int w : ws)
            values.push_back(bits.bits[std::size_t(w)]);
        ri.hubOf[std::size_t(h)] = int(ri.hubBits.size());
        // Large closures (a sixteenth of the graph's words or more) are kept dense too, at
        // most 32 MiB of them.
        if (ws.size() >= std::max<std::size_t>(2, words / 16) && (ri.dense.size() + 1) * words * 8 <= (32ULL << 20)) {
            ri.hubDense.push_back(int(ri.dense.size()));
            ri.dense.push_back(bits.bits);
            ri.denseCounts.push_back(countNodes(bits));
        } else {
            ri.hubDense.push_back(-1);
        }
        ri.hubWords.push_back(std::move(ws));
        ri.hubBits.push_back(std::move(values));
        ri.hubAgg.push_back(std::move(agg));
    }
}

void BlastRadiusEngine::Impl::visitComponentLabels(int c, LabelSet &bits, CatAgg &agg) const
{
    for (int i = ri.compStart[std::size_t(c)]; i < ri.compStart[std::size_t(c) + 1]; ++i) {
        const int l = ri.compLabels[std::size_t(i)];
        bits.set(l);
        addHeld(l, agg);
    }
}

// A vendor's closure through the index. The hubs it meets are merged last: the largest one
// kept dense is the base, counted in advance, and only what the rest adds to it is counted.
ScenarioSummary BlastRadiusEngine::Impl::rankQuery(int seedLabel) const
{
    thread_local LabelSet bits;
    thread_local CatAgg agg;
    thread_local std::vector<int> hubs;
    bits.reset((std::size_t(V) * 4 + 63) / 64);
    if (agg.C != C || agg.W != W)
        agg.init(C, W);
    else
        agg.reset();
    hubs.clear();
    walk({ri.comp[std::size_t(seedLabel)]}, -1, bits, agg, &hubs);
    int base = -1;
    for (const int h : hubs)
        if (ri.hubDense[std::size_t(h)] >= 0
            && (base < 0 || ri.hubWords[std::size_t(h)].size() > ri.hubWords[std::size_t(base)].size()))
            base = h;
    for (const int h : hubs) {
        if (h == base)
            continue;
        const std::vector<int> &ws = ri.hubWords[std::size_t(h)];
        const std::vector<quint64> &vs = ri.hubBits[std::size_t(h)];
        for (std::size_t i = 0; i < ws.size(); ++i)
            bits.orWord(ws[i], vs[i]);
    }
    if (base < 0) {
        resolve(agg, bits);
        return summarize(agg, countNodes(bits));
    }
    const quint64 *dense = ri.dense[std::size_t(ri.hubDense[std::size_t(base)])].data();
    resolve(agg, bits, dense);
    return summarize(agg, countNodesOver(dense, ri.denseCounts[std::size_t(ri.hubDense[std::size_t(base)])], bits));
}

void BlastRadiusEngine::Impl::walk(const std::vector<int> &starts, int open, LabelSet &bits, CatAgg &agg,
                                   std::vector<int> *hubs) const
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
            agg.merge(ri.hubAgg[std::size_t(hub)]);
            if (hubs) {
                hubs->push_back(hub);
                continue;
            }
            const std::vector<int> &ws = ri.hubWords[std::size_t(hub)];
            const std::vector<quint64> &vs = ri.hubBits[std::size_t(hub)];
            for (std::size_t i = 0; i < ws.size(); ++i)
                bits.orWord(ws[i], vs[i]);
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

std::optional<std::vector<VendorRank>> BlastRadiusEngine::Impl::rankAll(const ProgressFn &progress) const
{
    ensureRankIndex();
    std::vector<int> vendors;
    for (int v = 0; v < N; ++v)
        if (nodes->kind[std::size_t(v)] == NodeKind::Vendor && v != masked)
            vendors.push_back(v);
    const int total = int(vendors.size());
    struct Row {
        int vendor;
        Compromise mode;
        ScenarioSummary summary;
    };
    std::vector<Row> rows;
    rows.reserve(vendors.size() * 2);
    for (int i = 0; i < total; ++i) {
        if (progress && i % 256 == 0 && !progress(i, total))
            return std::nullopt;
        const int v = vendors[std::size_t(i)];
        rows.push_back({v, Compromise::Breached, rankQuery(v * 4 + BD)});
        rows.push_back({v, Compromise::Controlled, rankQuery(v * 4 + CD)});
    }
    if (progress && !progress(total, total))
        return std::nullopt;
    // Highest score first, ties by vendor id (its rank in id order), breach before control.
    const std::vector<int> &rank = nodes->rank;
    std::sort(rows.begin(), rows.end(), [&](const Row &a, const Row &b) {
        if (a.summary.score != b.summary.score)
            return a.summary.score > b.summary.score;
        if (a.vendor != b.vendor)
            return rank[std::size_t(a.vendor)] < rank[std::size_t(b.vendor)];
        return a.mode < b.mode;
    });
    std::vector<VendorRank> out;
    out.reserve(rows.size());
    for (const Row &r : rows)
        out.push_back({m.nodes[std::size_t(r.vendor)].id, m.nodes[std::size_t(r.vendor)].name, r.mode, r.summary});
    return out;
}

std::optional<std::vector<VendorRank>> BlastRadiusEngine::Impl::rankedAll(const ProgressFn &progress) const
{
    const std::lock_guard lock(rankedMutex);
    if (!ranked)
        ranked = rankAll(progress);
    return ranked;
}

std::vector<VendorRank> BlastRadiusEngine::rank(bool breach, bool control, const ProgressFn &progress) const
{
    std::optional<std::vector<VendorRank>> all;
    try {
        all = d->rankedAll(progress);
    } catch (const std::exception &e) {
        qWarning("rank failed: %s", e.what());
        return {};
    }
    if (!all)
        return {};
    std::vector<VendorRank> out;
    out.reserve(breach && control ? all->size() : all->size() / 2);
    for (VendorRank &r : *all)
        if (r.mode == Compromise::Breached ? breach : control)
            out.push_back(std::move(r));
    return out;
}

void BlastRadiusEngine::prepareIndex() const { d->ensureRankIndex(); }

} // namespace vg
