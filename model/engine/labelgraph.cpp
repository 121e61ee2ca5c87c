// SPDX-License-Identifier: GPL-3.0-or-later
// Builds the per-model index: node and category numbering, the label graph (the
// propagation table), and what each node holds.
#include "model/engine/engineimpl.h"

namespace vg {

void BlastRadiusEngine::Impl::build()
{
    for (const Category &c : tax.all()) {
        catIndex.insert(c.id, int(cats.size()));
        cats.push_back(&c);
    }
    C = int(cats.size());
    encKeyCat = catIndex.value(QStringLiteral("CRED.ENC_KEY"), -1);
    N = int(m.nodes.size());
    nodeIndex.reserve(N);
    peopleOf.assign(std::size_t(N), -1);
    for (int i = 0; i < N; ++i) {
        nodeIndex.insert(m.nodes[std::size_t(i)].id, i);
        if (m.nodes[std::size_t(i)].kind == NodeKind::People) {
            peopleOf[std::size_t(i)] = P++;
            peopleNode.push_back(i);
        }
    }
    W = std::max(1, (P + 63) / 64);

    const int E = int(m.edges.size());
    edgeFrom.resize(std::size_t(E));
    edgeTo.resize(std::size_t(E));
    edgeCatStart.assign(std::size_t(E) + 1, 0);
    std::vector<std::pair<int, int>> in, out;
    std::vector<std::pair<int, int>> transitions; // label -> label
    std::vector<int> transitionEdge;
    auto link = [&](int from, int fromLabel, int to, int toLabel, int e) {
        transitions.emplace_back(from * 4 + fromLabel, to * 4 + toLabel);
        transitionEdge.push_back(e);
    };
    for (int e = 0; e < E; ++e) {
        const Edge &edge = m.edges[std::size_t(e)];
        const int a = nodeIndex.value(edge.from, -1), b = nodeIndex.value(edge.to, -1);
        edgeFrom[std::size_t(e)] = a;
        edgeTo[std::size_t(e)] = b;
        if (edge.kind == EdgeKind::Data)
            for (const QString &c : edge.categories)
                if (const int ci = catIndex.value(c, -1); ci >= 0)
                    edgeCats.push_back(ci);
        edgeCatStart[std::size_t(e) + 1] = int(edgeCats.size());
        if (a < 0 || b < 0)
            continue;
        // The propagation table: (edge kind, state of A) -> state of B.
        switch (edge.kind) {
        case EdgeKind::Data:
            in.emplace_back(b, e);
            out.emplace_back(a, e);
            break;
        case EdgeKind::Hosts:
            for (int l : {BD, CD, BP, CP})
                link(a, l, b, l, e);
            break;
        case EdgeKind::Code:
            link(a, CD, b, CD, e);
            link(a, CP, b, CP, e);
            break;
        case EdgeKind::Access: {
            const bool write = edge.scope != Scope::Read;
            const int direct = write ? CD : BD, potential = write ? CP : BP;
            if (edge.stored) {
                link(a, BD, b, potential, e);
                link(a, BP, b, potential, e);
            }
            link(a, CD, b, direct, e);
            link(a, CP, b, potential, e);
            break;
        }
        }
    }
    inDataStart = csr(N, in, inData);
    outDataStart = csr(N, out, outData);
    labels = LabelGraph(boost::edges_are_unsorted_multi_pass, transitions.begin(), transitions.end(),
                        transitionEdge.begin(), std::size_t(N) * 4);

    std::unordered_map<quint64, int> slotOf;
    buildOrigins(slotOf);

    // What each node holds: the categories on data edges into it, plus its stores.
    heldStart.assign(std::size_t(N) + 1, 0);
    std::vector<int> slotAt(std::size_t(C), -1);
    std::vector<Held> tmp;
    for (int v = 0; v < N; ++v) {
        tmp.clear();
        auto entry = [&](int c) -> Held & {
            if (slotAt[std::size_t(c)] < 0) {
                slotAt[std::size_t(c)] = int(tmp.size());
                const auto it = slotOf.find((quint64(v) << 20) | quint64(c));
                tmp.push_back({c, it == slotOf.end() ? -1 : it->second, 0, true});
            }
            return tmp[std::size_t(slotAt[std::size_t(c)])];
        };
        for (int i = inDataStart[std::size_t(v)]; i < inDataStart[std::size_t(v) + 1]; ++i) {
            const Edge &edge = m.edges[std::size_t(inData[std::size_t(i)])];
            const int e = inData[std::size_t(i)];
            for (int k = edgeCatStart[std::size_t(e)]; k < edgeCatStart[std::size_t(e) + 1]; ++k) {
                Held &h = entry(edgeCats[std::size_t(k)]);
                h.maxRecords = std::max(h.maxRecords, edge.records.value_or(0));
                h.allExternal = h.allExternal && edge.encryption == Encryption::ExternalKey;
            }
        }
        for (const StoredData &s : m.nodes[std::size_t(v)].stores) {
            const int c = catIndex.value(s.category, -1);
            if (c < 0)
                continue;
            Held &h = entry(c);
            h.maxRecords = std::max(h.maxRecords, s.records.value_or(0));
            h.allExternal = h.allExternal && s.encryption == Encryption::ExternalKey;
        }
        for (const Held &h : tmp)
            slotAt[std::size_t(h.cat)] = -1;
        held.insert(held.end(), tmp.begin(), tmp.end());
        heldStart[std::size_t(v) + 1] = int(held.size());
    }
}

// For every (node, category): the people it came from, over any number of data edges that

} // namespace vg
