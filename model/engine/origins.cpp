// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/engineimpl.h"

#include <QSet>

namespace vg {

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
                    originPool[std::size_t(it->second) * std::size_t(W) + std::size_t(k >> 6)] |= quint64(1)
                        << (k & 63);
                }
            }
        }
    }
}

} // namespace vg
