// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/engineimpl.h"

#include <QSet>

namespace vg {

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

} // namespace vg
