// SPDX-License-Identifier: GPL-3.0-or-later
// What a node holds: its copies grouped by (category, protection), with the people, records
// and population behind them (ANALYSIS.md "Exposure: copies").
#include "model/engine/engineimpl.h"

namespace vg {

namespace detail {

bool NodeHeld::operator==(const NodeHeld &o) const
{
    // Origins are laid out in group order, so equal groups with equal offsets and equal words
    // hold the same people.
    if (holdsKey != o.holdsKey || signs != o.signs || groups.size() != o.groups.size() || origins != o.origins)
        return false;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const Held &a = groups[i], &b = o.groups[i];
        if (a.cat != b.cat || a.origin != b.origin || a.maxRecords != b.maxRecords || a.popBasis != b.popBasis
            || a.key != b.key || a.hasRecords != b.hasRecords || a.unknownPeople != b.unknownPeople)
            return false;
    }
    return true;
}

} // namespace detail

namespace {

constexpr int kNoKeyHolder = -3; // external key, no key holder named: only a key at the holder opens it

} // namespace

std::shared_ptr<const NodeHeld> BlastRadiusEngine::Impl::buildHeld(int v) const
{
    if (v == masked)
        return nullptr;
    const EdgeTable &et = *edges;
    const Node &node = m.nodes[std::size_t(v)];
    const bool sends = nodes->kind[std::size_t(v)] != NodeKind::People; // a population does not hold what it sends
    const bool receives = et.inDataStart[std::size_t(v)] < et.inDataStart[std::size_t(v) + 1];
    const bool sent = sends && et.outDataStart[std::size_t(v)] < et.outDataStart[std::size_t(v) + 1];
    if (!receives && !sent && node.stores.empty())
        return nullptr;

    auto keyOf = [&](const std::optional<Encryption> &enc, const QString &keyHolder) {
        if (enc != Encryption::ExternalKey)
            return int(Plain);
        if (keyHolder.isEmpty())
            return kNoKeyHolder;
        const int k = nodes->index.value(keyHolder, -1);
        return k < 0 || k == masked ? int(Locked) : k;
    };
    struct Group {
        Held h;
        std::vector<quint64> origins;
        bool hasOrigins = false;
    };
    std::vector<Group> groups;
    thread_local std::vector<int> firstOfCat;
    if (firstOfCat.size() < std::size_t(C))
        firstOfCat.assign(std::size_t(C), -1);
    auto group = [&](int c, int key) -> Group & {
        int &first = firstOfCat[std::size_t(c)];
        if (first >= 0)
            for (std::size_t g = std::size_t(first); g < groups.size(); ++g)
                if (groups[g].h.cat == c && groups[g].h.key == key)
                    return groups[g];
        if (first < 0)
            first = int(groups.size());
        groups.push_back({{c, -1, 0, 0, key, false, false}, {}, false});
        return groups.back();
    };
    auto addCopy = [&](int c, int key, const std::optional<qint64> &records, int peopleAt) {
        Group &g = group(c, key);
        const CatOrigins *o = origins[std::size_t(c)].get();
        const quint64 *bits = o ? o->at(peopleAt) : nullptr;
        if (!bits)
            g.h.unknownPeople = true;
        if (records) {
            g.h.hasRecords = true;
            g.h.maxRecords = std::max(g.h.maxRecords, *records);
        } else if (bits) {
            // No records figure: the population behind this copy is its upper bound.
            g.h.popBasis = std::max(g.h.popBasis, o->peopleAt(peopleAt));
        }
        if (bits) {
            if (!g.hasOrigins) {
                g.origins.assign(bits, bits + W);
                g.hasOrigins = true;
            } else {
                for (int w = 0; w < W; ++w)
                    g.origins[std::size_t(w)] |= bits[w];
            }
        }
    };
    // Copies received: about the people behind the sender's copy.
    for (int i = et.inDataStart[std::size_t(v)]; i < et.inDataStart[std::size_t(v) + 1]; ++i) {
        const int e = et.inData[std::size_t(i)];
        const Edge &edge = m.edges[std::size_t(e)];
        const int key = keyOf(edge.encryption, edge.keyHolder);
        for (int k = et.catStart[std::size_t(e)]; k < et.catStart[std::size_t(e) + 1]; ++k)
            addCopy(et.cats[std::size_t(k)], key, edge.records, et.from[std::size_t(e)]);
    }
    // Copies sent: about the people behind this node's copy.
    if (sends)
        for (int i = et.outDataStart[std::size_t(v)]; i < et.outDataStart[std::size_t(v) + 1]; ++i) {
            const int e = et.outData[std::size_t(i)];
            const Edge &edge = m.edges[std::size_t(e)];
            const int key = keyOf(edge.encryption, edge.keyHolder);
            for (int k = et.catStart[std::size_t(e)]; k < et.catStart[std::size_t(e) + 1]; ++k)
                addCopy(et.cats[std::size_t(k)], key, edge.records, v);
        }
    for (const StoredData &s : node.stores) {
        const int c = catalog->index.value(s.category, -1);
        if (c >= 0)
            addCopy(c, keyOf(s.encryption, s.keyHolder), s.records, v);
    }
    for (const Group &g : groups)
        firstOfCat[std::size_t(g.h.cat)] = -1;
    if (groups.empty())
        return nullptr;

    auto out = std::make_shared<NodeHeld>();
    for (const Group &g : groups)
        if (catalog->isKey[std::size_t(g.h.cat)] && g.h.key == Plain)
            out->holdsKey = true;
    out->groups.reserve(groups.size());
    for (Group &g : groups) {
        // An external key with no key holder opens data at the same holder only.
        if (g.h.key == kNoKeyHolder)
            g.h.key = out->holdsKey ? int(Plain) : int(Locked);
        if (catalog->isCode[std::size_t(g.h.cat)] && g.h.key == Plain)
            out->signs = true;
        if (g.hasOrigins) {
            g.h.origin = int(out->origins.size());
            out->origins.insert(out->origins.end(), g.origins.begin(), g.origins.end());
        }
        out->groups.push_back(g.h);
    }
    return out;
}

} // namespace vg
