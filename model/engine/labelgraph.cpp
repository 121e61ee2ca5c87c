// SPDX-License-Identifier: GPL-3.0-or-later
// Builds the per-model index: node and category numbering, tenant nodes, what each node
// holds (copy groups with their protection and people), and the label graph (the
// propagation table).
#include "model/engine/engineimpl.h"

#include <numeric>
#include <string>

namespace vg {

void BlastRadiusEngine::Impl::build()
{
    for (const Category &c : tax.all()) {
        catIndex.insert(c.id, int(cats.size()));
        if (c.has(Pivot) && c.pivot == PivotKind::Code)
            codeCats.push_back(int(cats.size()));
        if (c.has(Pivot) && c.pivot == PivotKind::Decrypt)
            keyCats.push_back(int(cats.size()));
        cats.push_back(&c);
    }
    C = int(cats.size());
    N = int(m.nodes.size());
    nodeIndex.reserve(N);
    peopleOf.assign(std::size_t(N), -1);
    tenantOf.assign(std::size_t(N), -1);
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
        if (edge.kind == EdgeKind::Data) {
            in.emplace_back(b, e);
            out.emplace_back(a, e);
        }
        // Our account at a vendor: one tenant node per vendor that an access edge leads into.
        if (edge.kind == EdgeKind::Access && m.nodes[std::size_t(b)].kind == NodeKind::Vendor
            && tenantOf[std::size_t(b)] < 0) {
            tenantOf[std::size_t(b)] = T++;
            tenantVendor.push_back(b);
        }
    }
    V = N + T;
    inDataStart = csr(N, in, inData);
    outDataStart = csr(N, out, outData);

    std::unordered_map<quint64, int> slotOf;
    buildOrigins(slotOf);
    // T(v, c) as a W-word set (all zero when no people are behind it).
    const std::vector<quint64> none(std::size_t(W), 0);
    auto traced = [&](int v, int c) -> const quint64 * {
        const auto it = slotOf.find((quint64(v) << 20) | quint64(c));
        return it == slotOf.end() ? none.data() : &originPool[std::size_t(it->second) * std::size_t(W)];
    };
    // Origin sets built by OR are interned, so equal sets share one slot.
    std::unordered_map<std::string, int> internSlot;
    auto intern = [&](const std::vector<quint64> &bits) {
        if (std::all_of(bits.begin(), bits.end(), [](quint64 w) { return w == 0; }))
            return -1;
        std::string key(reinterpret_cast<const char *>(bits.data()), bits.size() * sizeof(quint64));
        auto [it, fresh] = internSlot.try_emplace(std::move(key), int(originPool.size()) / W);
        if (fresh)
            originPool.insert(originPool.end(), bits.begin(), bits.end());
        return it->second;
    };

    // What each node holds: copy groups by (category, protection).
    auto keyOf = [&](const std::optional<Encryption> &enc, const QString &keyHolder) {
        if (enc != Encryption::ExternalKey)
            return int(Plain);
        if (keyHolder.isEmpty())
            return int(Locked); // opened below if the holder itself holds an exposed key
        return nodeIndex.value(keyHolder, int(Locked));
    };
    struct Group {
        Held h;
        std::vector<quint64> origins;
    };
    heldStart.assign(std::size_t(N) + 1, 0);
    holdsKey.assign(std::size_t(N), false);
    std::vector<Group> groups;
    for (int v = 0; v < N; ++v) {
        groups.clear();
        auto group = [&](int c, int key) -> Group & {
            for (Group &g : groups)
                if (g.h.cat == c && g.h.key == key)
                    return g;
            groups.push_back({{c, -1, 0, false, 0, false, key}, std::vector<quint64>(std::size_t(W), 0)});
            return groups.back();
        };
        auto addCopy = [&](int c, int key, const std::optional<qint64> &records, const quint64 *origins) {
            Group &g = group(c, key);
            if (std::all_of(origins, origins + W, [](quint64 w) { return w == 0; }))
                g.h.unknownPeople = true;
            if (records) {
                g.h.hasRecords = true;
                g.h.maxRecords = std::max(g.h.maxRecords, *records);
            } else {
                // No records figure: the population behind this copy is its upper bound.
                g.h.popBasis = std::max(g.h.popBasis, peopleIn(origins));
            }
            for (int w = 0; w < W; ++w)
                g.origins[std::size_t(w)] |= origins[w];
        };
        // Copies received: about the people behind the sender's copy.
        for (int i = inDataStart[std::size_t(v)]; i < inDataStart[std::size_t(v) + 1]; ++i) {
            const int e = inData[std::size_t(i)];
            const Edge &edge = m.edges[std::size_t(e)];
            for (int k = edgeCatStart[std::size_t(e)]; k < edgeCatStart[std::size_t(e) + 1]; ++k) {
                const int c = edgeCats[std::size_t(k)];
                addCopy(c, keyOf(edge.encryption, edge.keyHolder), edge.records, traced(edgeFrom[std::size_t(e)], c));
            }
        }
        // Copies sent (a node holds what it sends; a population is not a holder of its own data).
        if (m.nodes[std::size_t(v)].kind != NodeKind::People)
            for (int i = outDataStart[std::size_t(v)]; i < outDataStart[std::size_t(v) + 1]; ++i) {
                const int e = outData[std::size_t(i)];
                const Edge &edge = m.edges[std::size_t(e)];
                for (int k = edgeCatStart[std::size_t(e)]; k < edgeCatStart[std::size_t(e) + 1]; ++k) {
                    const int c = edgeCats[std::size_t(k)];
                    addCopy(c, keyOf(edge.encryption, edge.keyHolder), edge.records, traced(v, c));
                }
            }
        for (const StoredData &s : m.nodes[std::size_t(v)].stores) {
            const int c = catIndex.value(s.category, -1);
            if (c >= 0)
                addCopy(c, keyOf(s.encryption, s.keyHolder), s.records, traced(v, c));
        }
        for (Group &g : groups) {
            if (std::find(keyCats.begin(), keyCats.end(), g.h.cat) != keyCats.end() && g.h.key == Plain)
                holdsKey[std::size_t(v)] = true;
            g.h.originSlot = intern(g.origins);
            held.push_back(g.h);
        }
        heldStart[std::size_t(v) + 1] = int(held.size());
    }
    // An external key with no key holder opens data at the same holder only; a key holder that
    // holds no plaintext key opens nothing.
    for (int v = 0; v < N; ++v)
        for (int i = heldStart[std::size_t(v)]; i < heldStart[std::size_t(v) + 1]; ++i) {
            Held &h = held[std::size_t(i)];
            if (h.key == Locked) { // no key holder named
                h.key = holdsKey[std::size_t(v)] ? int(Plain) : int(Locked);
            } else if (h.key >= 0 && !holdsKey[std::size_t(h.key)]) {
                h.key = Locked;
            }
        }
    // The propagation table: (edge kind, state of A) -> state of B. A tenant node propagates
    // over its vendor's access edges only; an access edge into a vendor reaches our account there.
    std::vector<std::pair<int, int>> transitions; // label -> label
    std::vector<int> transitionEdge;
    auto link = [&](int from, int fromLabel, int to, int toLabel, int e) {
        transitions.emplace_back(from * 4 + fromLabel, to * 4 + toLabel);
        transitionEdge.push_back(e);
    };
    auto signs = [&](int v) { // holds a code-signing key in plaintext
        for (int h = heldStart[std::size_t(v)]; h < heldStart[std::size_t(v) + 1]; ++h)
            if (held[std::size_t(h)].key == Plain
                && std::find(codeCats.begin(), codeCats.end(), held[std::size_t(h)].cat) != codeCats.end())
                return true;
        return false;
    };
    // In id order: the search breaks ties between equally short paths by this order, so the
    // answer does not depend on the order of the model's edges.
    std::vector<int> byId(static_cast<std::size_t>(E));
    std::iota(byId.begin(), byId.end(), 0);
    if (!std::is_sorted(m.edges.begin(), m.edges.end(), [](const Edge &x, const Edge &y) { return x.id < y.id; }))
        std::sort(byId.begin(), byId.end(),
                  [&](int x, int y) { return m.edges[std::size_t(x)].id < m.edges[std::size_t(y)].id; });
    for (const int e : byId) {
        const Edge &edge = m.edges[std::size_t(e)];
        const int a = edgeFrom[std::size_t(e)], b = edgeTo[std::size_t(e)];
        if (a < 0 || b < 0)
            continue;
        switch (edge.kind) {
        case EdgeKind::Data: break;
        case EdgeKind::Hosts:
            for (int l : {BD, CD, BP, CP})
                link(a, l, b, l, e);
            break;
        case EdgeKind::Code:
            link(a, CD, b, CD, e);
            link(a, CP, b, CP, e);
            if (signs(a)) { // a stolen signing key is a code channel
                link(a, BD, b, CP, e);
                link(a, BP, b, CP, e);
            }
            break;
        case EdgeKind::Access: {
            const bool write = edge.scope != Scope::Read;
            const int direct = write ? CD : BD, potential = write ? CP : BP;
            const int target = tenantOf[std::size_t(b)] >= 0 ? N + tenantOf[std::size_t(b)] : b;
            for (int from : {a, tenantOf[std::size_t(a)] >= 0 ? N + tenantOf[std::size_t(a)] : -1}) {
                if (from < 0)
                    continue;
                if (edge.stored) {
                    link(from, BD, target, potential, e);
                    link(from, BP, target, potential, e);
                }
                link(from, CD, target, direct, e);
                link(from, CP, target, potential, e);
            }
            break;
        }
        }
    }
    labels = LabelGraph(boost::edges_are_unsorted_multi_pass, transitions.begin(), transitions.end(),
                        transitionEdge.begin(), std::size_t(V) * 4);
}

} // namespace vg
