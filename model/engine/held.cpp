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

    auto keyOf = [&](int k) { return k >= 0 && k == masked ? int(Locked) : k; };
    auto storeKey = [&](const StoredData &s) {
        if (s.encryption != Encryption::ExternalKey)
            return int(Plain);
        if (s.keyHolder.isEmpty())
            return kNoKeyHolder;
        return keyOf(nodes->index.value(s.keyHolder, int(Locked)));
    };
    // Groups in flat scratch space: no allocation per group.
    thread_local std::vector<Held> groups;
    thread_local std::vector<quint64> words; // W per group
    thread_local std::vector<char> hasOrigins;
    thread_local std::vector<int> firstOfCat;
    groups.clear();
    words.clear();
    hasOrigins.clear();
    if (firstOfCat.size() < std::size_t(C))
        firstOfCat.assign(std::size_t(C), -1);
    auto group = [&](int c, int key) -> std::size_t {
        int &first = firstOfCat[std::size_t(c)];
        if (first >= 0)
            for (std::size_t g = std::size_t(first); g < groups.size(); ++g)
                if (groups[g].cat == c && groups[g].key == key)
                    return g;
        if (first < 0)
            first = int(groups.size());
        groups.push_back({c, -1, 0, 0, key, false, false});
        words.resize(words.size() + std::size_t(W), 0);
        hasOrigins.push_back(0);
        return groups.size() - 1;
    };
    auto addCopy = [&](int c, int key, qint64 records, int peopleAt) {
        const std::size_t g = group(c, key);
        Held &h = groups[g];
        const CatOrigins *o = origins[std::size_t(c)].get();
        const quint64 *bits = o ? o->at(peopleAt) : nullptr;
        if (!bits)
            h.unknownPeople = true;
        if (records >= 0) {
            h.hasRecords = true;
            h.maxRecords = std::max(h.maxRecords, records);
        } else if (bits) {
            // No records figure: the population behind this copy is its upper bound.
            h.popBasis = std::max(h.popBasis, o->peopleAt(peopleAt));
        }
        if (bits) {
            hasOrigins[g] = 1;
            quint64 *dst = &words[g * std::size_t(W)];
            for (int w = 0; w < W; ++w)
                dst[w] |= bits[w];
        }
    };
    // Copies received: about the people behind the sender's copy.
    for (int i = et.inDataStart[std::size_t(v)]; i < et.inDataStart[std::size_t(v) + 1]; ++i) {
        const int e = et.inData[std::size_t(i)];
        const int key = keyOf(et.key[std::size_t(e)]);
        for (int k = et.catStart[std::size_t(e)]; k < et.catStart[std::size_t(e) + 1]; ++k)
            addCopy(et.cats[std::size_t(k)], key, et.records[std::size_t(e)], et.from[std::size_t(e)]);
    }
    // Copies sent: about the people behind this node's copy.
    if (sends)
        for (int i = et.outDataStart[std::size_t(v)]; i < et.outDataStart[std::size_t(v) + 1]; ++i) {
            const int e = et.outData[std::size_t(i)];
            const int key = keyOf(et.key[std::size_t(e)]);
            for (int k = et.catStart[std::size_t(e)]; k < et.catStart[std::size_t(e) + 1]; ++k)
                addCopy(et.cats[std::size_t(k)], key, et.records[std::size_t(e)], v);
        }
    for (const StoredData &s : node.stores) {
        const int c = catalog->index.value(s.category, -1);
        if (c >= 0)
            addCopy(c, storeKey(s), s.records.value_or(-1), v);
    }
    for (const Held &g : groups)
        firstOfCat[std::size_t(g.cat)] = -1;
    if (groups.empty())
        return nullptr;

    auto out = std::make_shared<NodeHeld>();
    for (const Held &g : groups)
        if (catalog->isKey[std::size_t(g.cat)] && g.key == Plain)
            out->holdsKey = true;
    out->groups.reserve(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        Held h = groups[g];
        // An external key with no key holder opens data at the same holder only.
        if (h.key == kNoKeyHolder)
            h.key = out->holdsKey ? int(Plain) : int(Locked);
        if (catalog->isCode[std::size_t(h.cat)] && h.key == Plain)
            out->signs = true;
        if (hasOrigins[g]) {
            h.origin = int(out->origins.size());
            out->origins.insert(out->origins.end(), words.begin() + qsizetype(g) * W,
                                words.begin() + qsizetype(g + 1) * W);
        }
        out->groups.push_back(h);
    }
    return out;
}

} // namespace vg
