// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/engineimpl.h"

#include <QSet>

namespace vg {

std::vector<SharedSubprocessor> BlastRadiusEngine::concentration() const
{
    const Impl &I = *d;
    std::vector<SharedSubprocessor> out;
    QHash<int, QSet<int>> dependents; // provider -> vendors that depend on it
    QHash<int, std::vector<int>> hostsOut; // node -> its hosts edges
    for (std::size_t e = 0; e < I.m.edges.size(); ++e) {
        const Edge &edge = I.m.edges[e];
        if (edge.kind == EdgeKind::Hosts)
            hostsOut[I.edgeFrom[e]].push_back(int(e));
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
        // What it holds, itself and through the nodes it hosts (over any number of hosts edges).
        QSet<int> hosted{it.key()}, catsHeld;
        std::vector<int> queue{it.key()};
        for (std::size_t q = 0; q < queue.size(); ++q)
            for (const int e : hostsOut.value(queue[q]))
                if (!hosted.contains(I.edgeTo[std::size_t(e)])) {
                    hosted.insert(I.edgeTo[std::size_t(e)]);
                    queue.push_back(I.edgeTo[std::size_t(e)]);
                }
        for (const int v : queue)
            for (int h = I.heldStart[std::size_t(v)]; h < I.heldStart[std::size_t(v) + 1]; ++h)
                catsHeld.insert(I.held[std::size_t(h)].cat);
        for (const int c : catsHeld) {
            s.categories << I.cats[std::size_t(c)]->id;
            s.weight += tierWeight(I.cats[std::size_t(c)]->tier);
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

} // namespace vg
