// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/engineimpl.h"

#include <QSet>

namespace vg {

// T(v, c) for every (node, category): the people whose c a node holds. A population's c
// starts at the population (when it sends c); `subjects` on a data edge start at the edge's
// sender and on a store at its node. From there it follows every data edge that carries c,
// any number of hops. One forward search per (population, category), once per model; the
// sets are kept as bitsets of populations in originPool, one slot per (node, category).
void BlastRadiusEngine::Impl::buildOrigins(std::unordered_map<quint64, int> &slotOf)
{
    // Start nodes per (population, category).
    std::unordered_map<quint64, std::vector<int>> starts; // (k << 20 | c) -> nodes
    auto start = [&](int k, int c, int v) {
        std::vector<int> &s = starts[(quint64(k) << 20) | quint64(c)];
        if (std::find(s.begin(), s.end(), v) == s.end())
            s.push_back(v);
    };
    for (int k = 0; k < P; ++k) {
        const int p = peopleNode[std::size_t(k)];
        for (int i = outDataStart[std::size_t(p)]; i < outDataStart[std::size_t(p) + 1]; ++i) {
            const int e = outData[std::size_t(i)];
            for (int j = edgeCatStart[std::size_t(e)]; j < edgeCatStart[std::size_t(e) + 1]; ++j)
                start(k, edgeCats[std::size_t(j)], p);
        }
    }
    for (std::size_t e = 0; e < m.edges.size(); ++e) {
        const Edge &edge = m.edges[e];
        if (edge.subjects.isEmpty() || edgeFrom[e] < 0)
            continue;
        for (const QString &who : edge.subjects) {
            const int p = nodeIndex.value(who, -1);
            if (p < 0 || peopleOf[std::size_t(p)] < 0)
                continue;
            for (int j = edgeCatStart[e]; j < edgeCatStart[e + 1]; ++j)
                start(peopleOf[std::size_t(p)], edgeCats[std::size_t(j)], edgeFrom[e]);
        }
    }
    for (int v = 0; v < N; ++v)
        for (const StoredData &s : m.nodes[std::size_t(v)].stores)
            for (const QString &who : s.subjects) {
                const int p = nodeIndex.value(who, -1);
                const int c = catIndex.value(s.category, -1);
                if (p >= 0 && c >= 0 && peopleOf[std::size_t(p)] >= 0)
                    start(peopleOf[std::size_t(p)], c, v);
            }
    // Deterministic order (the pool's layout does not affect results, but keeps runs identical).
    std::vector<quint64> keys;
    keys.reserve(starts.size());
    for (const auto &kv : starts)
        keys.push_back(kv.first);
    std::sort(keys.begin(), keys.end());

    std::vector<quint32> stamp(std::size_t(N), 0);
    quint32 gen = 0;
    std::vector<int> queue;
    for (const quint64 key : keys) {
        const int k = int(key >> 20), c = int(key & 0xFFFFF);
        ++gen;
        queue.clear();
        auto reach = [&](int v) {
            stamp[std::size_t(v)] = gen;
            queue.push_back(v);
            const quint64 slotKey = (quint64(v) << 20) | quint64(c);
            auto [it, fresh] = slotOf.try_emplace(slotKey, int(originPool.size()) / W);
            if (fresh)
                originPool.resize(originPool.size() + std::size_t(W), 0);
            originPool[std::size_t(it->second) * std::size_t(W) + std::size_t(k >> 6)] |= quint64(1) << (k & 63);
        };
        for (const int v : starts[key])
            if (stamp[std::size_t(v)] != gen)
                reach(v);
        for (std::size_t q = 0; q < queue.size(); ++q) {
            const int u = queue[q];
            for (int i = outDataStart[std::size_t(u)]; i < outDataStart[std::size_t(u) + 1]; ++i) {
                const int e = outData[std::size_t(i)];
                const int v = edgeTo[std::size_t(e)];
                if (stamp[std::size_t(v)] != gen && carries(e, c))
                    reach(v);
            }
        }
    }
}

} // namespace vg
