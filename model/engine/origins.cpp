// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/engineimpl.h"

namespace vg {

// T(v, c) for every node v: the people whose c the node holds. A population's c starts at
// the population (when it sends c); `subjects` on a data edge start at the edge's sender and
// on a store at its node. From there it follows every data edge that carries c, any number
// of hops. Computed on the category's data-flow graph condensed into its strongly connected
// components: each component's set is the OR of its own starts and its predecessors' sets,
// taken in topological order. Linear in the edges carrying c (times the words of a set), not
// in populations x edges. Nodes in one component share one slot.
void BlastRadiusEngine::Impl::edgesByCategory(std::vector<int> &start, std::vector<int> &list) const
{
    const EdgeTable &et = *edges;
    std::vector<std::pair<int, int>> pairs;
    pairs.reserve(et.cats.size());
    for (int e = 0; e < et.E; ++e)
        if (et.kind[std::size_t(e)] == EdgeKind::Data && et.live(e))
            for (int i = et.catStart[std::size_t(e)]; i < et.catStart[std::size_t(e) + 1]; ++i)
                pairs.emplace_back(et.cats[std::size_t(i)], e);
    start = csr(C, pairs, list);
}

std::shared_ptr<const CatOrigins> BlastRadiusEngine::Impl::buildOrigins(int c, const int *carrying, int count) const
{
    const EdgeTable &et = *edges;
    const NodeTable &nt = *nodes;
    // Starts: (node, people index).
    std::vector<std::pair<int, int>> starts;
    for (int i = 0; i < count; ++i) {
        const int e = carrying[i];
        const int a = et.from[std::size_t(e)];
        if (nt.peopleOf[std::size_t(a)] >= 0)
            starts.emplace_back(a, nt.peopleOf[std::size_t(a)]);
        for (const QString &who : m.edges[std::size_t(e)].subjects) {
            const int p = nt.index.value(who, -1);
            if (p >= 0 && nt.peopleOf[std::size_t(p)] >= 0)
                starts.emplace_back(a, nt.peopleOf[std::size_t(p)]);
        }
    }
    const QString &catId = cat(c).id;
    for (const int v : subjectStores) {
        if (v == masked)
            continue;
        for (const StoredData &s : m.nodes[std::size_t(v)].stores)
            if (!s.subjects.isEmpty() && s.category == catId)
                for (const QString &who : s.subjects) {
                    const int p = nt.index.value(who, -1);
                    if (p >= 0 && nt.peopleOf[std::size_t(p)] >= 0)
                        starts.emplace_back(v, nt.peopleOf[std::size_t(p)]);
                }
    }
    if (starts.empty())
        return nullptr;

    // The category's graph over the nodes it touches, numbered locally.
    Scratch &s = scratch(2);
    s.prepare(std::size_t(N));
    std::vector<int> local; // local -> node
    auto loc = [&](int v) {
        if (!s.seen(v)) {
            s.mark(v);
            s.dist[std::size_t(v)] = int(local.size());
            local.push_back(v);
        }
        return s.dist[std::size_t(v)];
    };
    for (const auto &[v, k] : starts)
        loc(v);
    std::vector<std::pair<int, int>> arcs;
    arcs.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i)
        arcs.emplace_back(loc(et.from[std::size_t(carrying[i])]), loc(et.to[std::size_t(carrying[i])]));
    const int L = int(local.size());
    std::vector<int> succ;
    const std::vector<int> succStart = csr(L, arcs, succ);

    // Reachable from the starts.
    std::vector<char> reach(std::size_t(L), 0);
    std::vector<int> queue;
    for (const auto &[v, k] : starts) {
        const int x = s.dist[std::size_t(v)];
        if (!reach[std::size_t(x)]) {
            reach[std::size_t(x)] = 1;
            queue.push_back(x);
        }
    }
    for (std::size_t q = 0; q < queue.size(); ++q)
        for (int i = succStart[std::size_t(queue[q])]; i < succStart[std::size_t(queue[q]) + 1]; ++i)
            if (!reach[std::size_t(succ[std::size_t(i)])]) {
                reach[std::size_t(succ[std::size_t(i)])] = 1;
                queue.push_back(succ[std::size_t(i)]);
            }

    // Strongly connected components of the reachable part (Tarjan, iterative). Components
    // are completed in reverse topological order: every component after its successors.
    std::vector<int> comp(std::size_t(L), -1), low(std::size_t(L), 0), num(std::size_t(L), -1), stack;
    std::vector<std::pair<int, int>> call; // (node, next successor position)
    int counter = 0, K = 0;
    std::vector<char> onStack(std::size_t(L), 0);
    for (const int root : queue) {
        if (num[std::size_t(root)] >= 0)
            continue;
        call.emplace_back(root, succStart[std::size_t(root)]);
        num[std::size_t(root)] = low[std::size_t(root)] = counter++;
        stack.push_back(root);
        onStack[std::size_t(root)] = 1;
        while (!call.empty()) {
            auto &[u, next] = call.back();
            if (next < succStart[std::size_t(u) + 1]) {
                const int w = succ[std::size_t(next++)];
                if (num[std::size_t(w)] < 0) {
                    num[std::size_t(w)] = low[std::size_t(w)] = counter++;
                    stack.push_back(w);
                    onStack[std::size_t(w)] = 1;
                    call.emplace_back(w, succStart[std::size_t(w)]);
                } else if (onStack[std::size_t(w)]) {
                    low[std::size_t(u)] = std::min(low[std::size_t(u)], num[std::size_t(w)]);
                }
                continue;
            }
            const int done = u;
            call.pop_back();
            if (!call.empty())
                low[std::size_t(call.back().first)] =
                    std::min(low[std::size_t(call.back().first)], low[std::size_t(done)]);
            if (low[std::size_t(done)] == num[std::size_t(done)]) {
                for (;;) {
                    const int x = stack.back();
                    stack.pop_back();
                    onStack[std::size_t(x)] = 0;
                    comp[std::size_t(x)] = K;
                    if (x == done)
                        break;
                }
                ++K;
            }
        }
    }

    // Sets per component, predecessors first (components were numbered sinks first).
    auto out = std::make_shared<CatOrigins>();
    out->W = W;
    out->pool.assign(std::size_t(K) * std::size_t(W), 0);
    for (const auto &[v, k] : starts)
        out->pool[std::size_t(comp[std::size_t(s.dist[std::size_t(v)])]) * std::size_t(W) + std::size_t(k >> 6)] |=
            quint64(1) << (k & 63);
    std::vector<int> members; // local nodes by component, sources first
    {
        std::vector<std::pair<int, int>> byComp;
        for (int x = 0; x < L; ++x)
            if (comp[std::size_t(x)] >= 0)
                byComp.emplace_back(K - 1 - comp[std::size_t(x)], x);
        const std::vector<int> start = csr(K, byComp, members);
        for (int t = 0; t < K; ++t) {
            const int k = K - 1 - t;
            const quint64 *src = &out->pool[std::size_t(k) * std::size_t(W)];
            for (int i = start[std::size_t(t)]; i < start[std::size_t(t) + 1]; ++i) {
                const int u = members[std::size_t(i)];
                for (int j = succStart[std::size_t(u)]; j < succStart[std::size_t(u) + 1]; ++j) {
                    const int k2 = comp[std::size_t(succ[std::size_t(j)])];
                    if (k2 == k)
                        continue;
                    quint64 *dst = &out->pool[std::size_t(k2) * std::size_t(W)];
                    for (int w = 0; w < W; ++w)
                        dst[w] |= src[w];
                }
            }
        }
    }
    out->slot.assign(std::size_t(N), -1);
    for (int x = 0; x < L; ++x)
        if (comp[std::size_t(x)] >= 0)
            out->slot[std::size_t(local[std::size_t(x)])] = comp[std::size_t(x)];
    out->people.resize(std::size_t(K));
    for (int k = 0; k < K; ++k)
        out->people[std::size_t(k)] = peopleIn(&out->pool[std::size_t(k) * std::size_t(W)]);
    return out;
}

} // namespace vg
