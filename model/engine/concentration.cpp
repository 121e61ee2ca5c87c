// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/engineimpl.h"

#include <QSet>

#include <cmath>

namespace vg {

// Providers (vendors) that two or more vendors depend on: the shared sub-processors (fourth
// parties). Weighted by the sensitivity of what reaches them: the tier weights of the
// categories they hold, themselves or through the nodes they host; a category whose every
// copy there is encrypted with an external key counts at the encrypted factor.
std::vector<SharedSubprocessor> BlastRadiusEngine::concentration() const
{
    const Impl &I = *d;
    const EdgeTable &et = *I.edges;
    const std::vector<NodeKind> &kind = I.nodes->kind;
    std::vector<SharedSubprocessor> out;
    QHash<int, QSet<int>> dependents; // provider -> vendors that depend on it
    QHash<int, std::vector<int>> hostsOut; // node -> the nodes it hosts
    for (int e = 0; e < et.E; ++e) {
        if (!et.live(e))
            continue;
        const int a = et.from[std::size_t(e)], b = et.to[std::size_t(e)];
        const EdgeKind k = et.kind[std::size_t(e)];
        if (k == EdgeKind::Hosts)
            hostsOut[a].push_back(b);
        // A vendor depends on a provider that it sends data to, or that hosts it or runs code in it.
        const int provider = k == EdgeKind::Data ? b : (k == EdgeKind::Access ? -1 : a);
        const int dependent = k == EdgeKind::Data ? a : b;
        if (provider < 0 || kind[std::size_t(provider)] != NodeKind::Vendor
            || kind[std::size_t(dependent)] != NodeKind::Vendor)
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
        QSet<int> hosted{it.key()};
        std::vector<int> queue{it.key()};
        for (std::size_t q = 0; q < queue.size(); ++q)
            for (const int h : hostsOut.value(queue[q]))
                if (!hosted.contains(h)) {
                    hosted.insert(h);
                    queue.push_back(h);
                }
        QHash<int, bool> readable; // category -> some copy is readable where it is held
        for (const int v : queue)
            if (const NodeHeld *nh = I.held[std::size_t(v)].get())
                for (const Held &h : nh->groups)
                    readable[h.cat] = readable.value(h.cat) || h.key == Plain;
        std::vector<int> held(readable.keyBegin(), readable.keyEnd());
        std::sort(held.begin(), held.end(), [&](int a, int b) { return I.cat(a).id < I.cat(b).id; });
        for (const int c : held) { // summed in id order: the same bytes every time
            s.categories << I.cat(c).id;
            s.weight += tierWeight(I.cat(c).tier) * (readable.value(c) ? 1.0 : kEncryptedFactor);
        }
        s.weight = std::round(s.weight * 100.0) / 100.0;
        s.score = std::round(double(s.vendors.size()) * std::max(1.0, s.weight) * 100.0) / 100.0;
        out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(), [](const SharedSubprocessor &a, const SharedSubprocessor &b) {
        return a.score != b.score ? a.score > b.score : a.id < b.id;
    });
    return out;
}

} // namespace vg
