// SPDX-License-Identifier: GPL-3.0-or-later
// A result's parts built from its compact form: the reported label of each reached node,
// the node and category lists with their strings, per-node states, edge flags and paths.
#include "model/engine/engineimpl.h"

#include <unordered_map>

namespace vg {

void BlastRadius::Compact::report()
{
    const BlastRadiusEngine::Impl &I = *engine;
    // The search left each visited label's queue position in its scratch (same thread, and
    // nothing has searched since).
    const Scratch &labels = scratch(0);
    auto positionOf = [&](int l) { return labels.seen(l) ? labels.dist[std::size_t(l)] : -1; };
    Scratch &s = scratch(2);
    s.prepare(std::size_t(I.N));
    reached.clear();
    for (const int l : label) {
        const int v = I.realNode(l >> 2);
        if (!s.seen(v)) {
            s.mark(v);
            reached.push_back(v);
        }
    }
    const std::vector<int> &rank = I.nodes->rank;
    std::sort(reached.begin(), reached.end(),
              [&](int a, int b) { return rank[std::size_t(a)] < rank[std::size_t(b)]; });
    chosen.resize(reached.size());
    chosenSlot.resize(reached.size());
    escalates.resize(reached.size());
    potentialPlainPos.assign(std::size_t(I.C), -1);
    // Reported label: the most severe direct one, else the most severe potential one; the
    // platform before our account there.
    constexpr std::array<int, 8> preference{CD, CD + 4, BD, BD + 4, CP, CP + 4, BP, BP + 4};
    for (std::size_t i = 0; i < reached.size(); ++i) {
        const int v = reached[i];
        const int t = I.tenantNode(v);
        std::array<int, 8> pos;
        for (int l = 0; l < 4; ++l) {
            pos[std::size_t(l)] = positionOf(v * 4 + l);
            pos[std::size_t(l) + 4] = t < 0 ? -1 : positionOf(t * 4 + l);
        }
        int slot = -1;
        for (const int p : preference)
            if (pos[std::size_t(p)] >= 0) {
                slot = p;
                break;
            }
        chosen[i] = pos[std::size_t(slot)];
        chosenSlot[i] = quint8(slot);
        escalates[i] = (slot & 3) == BD && (pos[CP] >= 0 || pos[CP + 4] >= 0);
        // The first potential holder in id order with a readable copy names the pivot of a
        // category whose plaintext is only potential.
        if (isPotential(slot & 3))
            if (const NodeHeld *nh = I.held[std::size_t(v)].get())
                for (const Held &h : nh->groups)
                    if (I.openable(h) && potentialPlainPos[std::size_t(h.cat)] < 0)
                        potentialPlainPos[std::size_t(h.cat)] = chosen[i];
    }
}

int BlastRadius::Compact::reachedIndex(int node) const
{
    if (node < 0 || node >= engine->N)
        return -1;
    const std::vector<int> &rank = engine->nodes->rank;
    const auto it = std::lower_bound(reached.begin(), reached.end(), node,
                                     [&](int a, int b) { return rank[std::size_t(a)] < rank[std::size_t(b)]; });
    return it != reached.end() && *it == node ? int(it - reached.begin()) : -1;
}

QString BlastRadius::Compact::pivotOf(int pos) const
{
    const BlastRadiusEngine::Impl &I = *engine;
    if (pos < 0 || !isPotential(label[std::size_t(pos)] & 3))
        return {};
    int q = pos;
    while (parentPos[std::size_t(q)] >= 0 && isPotential(label[std::size_t(parentPos[std::size_t(q)])] & 3))
        q = parentPos[std::size_t(q)];
    if (parentPos[std::size_t(q)] < 0)
        return {};
    const int e = edge[std::size_t(q)];
    const Edge &ed = I.m.edges[std::size_t(e)];
    const bool vendorTarget = I.prop->tenantOf[std::size_t(I.edges->to[std::size_t(e)])] >= 0;
    if (ed.kind == EdgeKind::Code)
        return QStringLiteral("the code-signing key at `%1`, which signs the code that `%2` runs").arg(ed.from, ed.to);
    return QStringLiteral("the stored credential for `%1`%2 at `%3`")
        .arg(ed.to, vendorTarget ? QStringLiteral(" (our account there)") : QString(), ed.from);
}

void BlastRadius::Compact::buildNodes()
{
    const BlastRadiusEngine::Impl &I = *engine;
    const Model &m = I.m;
    // Many nodes hinge on the same step: one string per step.
    std::unordered_map<int, QString> pivots;
    nodes.reserve(reached.size());
    for (std::size_t i = 0; i < reached.size(); ++i) {
        const int v = reached[i];
        const int q = chosen[i];
        const int l = chosenSlot[i] & 3;
        ReachedNode rn;
        rn.id = m.nodes[std::size_t(v)].id;
        rn.kind = m.nodes[std::size_t(v)].kind;
        rn.certainty = isPotential(l) ? Certainty::Potential : Certainty::Direct;
        rn.state = isControlled(l) ? Compromise::Controlled : Compromise::Breached;
        rn.tenant = chosenSlot[i] >= 4;
        if (escalates[i])
            rn.escalation = Compromise::Controlled;
        rn.hops = hops[std::size_t(q)];
        if (parentPos[std::size_t(q)] >= 0) {
            rn.predecessor = m.nodes[std::size_t(I.realNode(label[std::size_t(parentPos[std::size_t(q)])] >> 2))].id;
            rn.edge = m.edges[std::size_t(edge[std::size_t(q)])].id;
        }
        if (isPotential(l)) {
            int step = q;
            while (parentPos[std::size_t(step)] >= 0
                   && isPotential(label[std::size_t(parentPos[std::size_t(step)])] & 3))
                step = parentPos[std::size_t(step)];
            auto it = pivots.find(step);
            if (it == pivots.end())
                it = pivots.emplace(step, pivotOf(q)).first;
            rn.pivot = it->second;
        }
        nodes.push_back(std::move(rn));
    }
}

void BlastRadius::Compact::buildExposed()
{
    const BlastRadiusEngine::Impl &I = *engine;
    const EdgeTable &et = *I.edges;
    // Holders and carriers are counted here; their ids are listed by buildCarriers().
    std::vector<int> holderCount(std::size_t(I.C), 0), viaCount(std::size_t(I.C), 0), lastHolder(std::size_t(I.C), -1);
    std::vector<char> isReached(std::size_t(I.N), 0);
    for (const int v : reached) {
        isReached[std::size_t(v)] = 1;
        if (const NodeHeld *nh = I.held[std::size_t(v)].get())
            for (const Held &h : nh->groups)
                if (lastHolder[std::size_t(h.cat)] != v) {
                    lastHolder[std::size_t(h.cat)] = v;
                    ++holderCount[std::size_t(h.cat)];
                }
    }
    for (const int v : reached) {
        // The carriers of the copies: data edges into a reached node, or out of a reached node
        // that holds what it sends (counted once when both ends are reached).
        for (int i = et.inDataStart[std::size_t(v)]; i < et.inDataStart[std::size_t(v) + 1]; ++i) {
            const int e = et.inData[std::size_t(i)];
            for (int k = et.catStart[std::size_t(e)]; k < et.catStart[std::size_t(e) + 1]; ++k)
                ++viaCount[std::size_t(et.cats[std::size_t(k)])];
        }
        if (I.nodes->kind[std::size_t(v)] == NodeKind::People)
            continue;
        for (int i = et.outDataStart[std::size_t(v)]; i < et.outDataStart[std::size_t(v) + 1]; ++i) {
            const int e = et.outData[std::size_t(i)];
            if (isReached[std::size_t(et.to[std::size_t(e)])])
                continue;
            for (int k = et.catStart[std::size_t(e)]; k < et.catStart[std::size_t(e) + 1]; ++k)
                ++viaCount[std::size_t(et.cats[std::size_t(k)])];
        }
    }
    for (int c = 0; c < I.C; ++c) {
        if (!holderCount[std::size_t(c)])
            continue;
        const Category &cat = I.cat(c);
        ExposedCategory x;
        x.category = cat.id;
        x.name = cat.name;
        x.tier = cat.tier;
        x.certainty = CatAgg::bit(agg.anyD, c) ? Certainty::Direct : Certainty::Potential;
        if (agg.plain(c))
            x.plaintext = CatAgg::bit(agg.plainD, c) ? Certainty::Direct : Certainty::Potential;
        x.encrypted = !x.plaintext;
        x.someEncrypted = CatAgg::bit(agg.locked, c);
        x.holderCount = holderCount[std::size_t(c)];
        x.carrierCount = viaCount[std::size_t(c)];
        x.origins = I.peopleIds(&agg.originsA[std::size_t(c) * std::size_t(I.W)]);
        x.people = I.peopleIn(&agg.originsA[std::size_t(c) * std::size_t(I.W)]);
        x.recordsKnown = CatAgg::bit(agg.recA, c);
        x.records = agg.maxRecA[std::size_t(c)];
        if (x.plaintext == Certainty::Potential)
            x.pivot = pivotOf(potentialPlainPos[std::size_t(c)]);
        exposed.push_back(std::move(x));
    }
    std::sort(exposed.begin(), exposed.end(),
              [](const ExposedCategory &a, const ExposedCategory &b) { return a.category < b.category; });
}

void BlastRadius::Compact::buildCarriers()
{
    const BlastRadiusEngine::Impl &I = *engine;
    const Model &m = I.m;
    const EdgeTable &et = *I.edges;
    holders.assign(std::size_t(I.C), {});
    via.assign(std::size_t(I.C), {});
    std::vector<char> isReached(std::size_t(I.N), 0);
    for (const int v : reached)
        isReached[std::size_t(v)] = 1;
    std::vector<int> lastHolder(std::size_t(I.C), -1);
    for (const int v : reached) // in id order
        if (const NodeHeld *nh = I.held[std::size_t(v)].get())
            for (const Held &h : nh->groups)
                if (lastHolder[std::size_t(h.cat)] != v) {
                    lastHolder[std::size_t(h.cat)] = v;
                    holders[std::size_t(h.cat)] << m.nodes[std::size_t(v)].id;
                }
    for (const int e : et.order) { // in id order
        if (et.kind[std::size_t(e)] != EdgeKind::Data || !et.live(e))
            continue;
        const int a = et.from[std::size_t(e)], b = et.to[std::size_t(e)];
        if (!isReached[std::size_t(b)]
            && !(isReached[std::size_t(a)] && I.nodes->kind[std::size_t(a)] != NodeKind::People))
            continue;
        for (int i = et.catStart[std::size_t(e)]; i < et.catStart[std::size_t(e) + 1]; ++i)
            via[std::size_t(et.cats[std::size_t(i)])] << m.edges[std::size_t(e)].id;
    }
}

void BlastRadius::Compact::buildServices()
{
    // Services that sent an exposed category toward a holder: walk back from the reached
    // receivers over the data edges that carry that category, any number of hops.
    const BlastRadiusEngine::Impl &I = *engine;
    const EdgeTable &et = *I.edges;
    std::vector<char> isReached(std::size_t(I.N), 0);
    for (const int v : reached)
        isReached[std::size_t(v)] = 1;
    // Upstream starts per category: senders of a copy a reached node received.
    std::vector<std::vector<int>> starts(std::size_t(I.C));
    for (const int v : reached)
        for (int i = et.inDataStart[std::size_t(v)]; i < et.inDataStart[std::size_t(v) + 1]; ++i) {
            const int e = et.inData[std::size_t(i)];
            for (int k = et.catStart[std::size_t(e)]; k < et.catStart[std::size_t(e) + 1]; ++k)
                starts[std::size_t(et.cats[std::size_t(k)])].push_back(et.from[std::size_t(e)]);
        }
    std::vector<char> sender(std::size_t(I.N), 0);
    std::vector<quint32> seen(std::size_t(I.N), 0);
    std::vector<int> upstream;
    quint32 gen = 0;
    for (int c = 0; c < I.C; ++c) {
        if (starts[std::size_t(c)].empty())
            continue;
        ++gen;
        upstream.clear();
        for (const int u : starts[std::size_t(c)])
            if (seen[std::size_t(u)] != gen) {
                seen[std::size_t(u)] = gen;
                upstream.push_back(u);
            }
        for (std::size_t q = 0; q < upstream.size(); ++q) {
            const int u = upstream[q];
            if (I.nodes->kind[std::size_t(u)] == NodeKind::Service)
                sender[std::size_t(u)] = 1;
            for (int i = et.inDataStart[std::size_t(u)]; i < et.inDataStart[std::size_t(u) + 1]; ++i) {
                const int e = et.inData[std::size_t(i)];
                const int from = et.from[std::size_t(e)];
                if (seen[std::size_t(from)] != gen && et.carries(e, c)) {
                    seen[std::size_t(from)] = gen;
                    upstream.push_back(from);
                }
            }
        }
    }
    for (int v = 0; v < I.N; ++v)
        if (sender[std::size_t(v)])
            services << I.m.nodes[std::size_t(v)].id;
    services.sort();
}

NodeState BlastRadius::Compact::stateAt(std::size_t i) const
{
    NodeState st;
    const int l = chosenSlot[i] & 3;
    st.reached = true;
    st.seed = parentPos[std::size_t(chosen[i])] < 0;
    st.tenant = chosenSlot[i] >= 4;
    st.escalation = escalates[i];
    st.state = isControlled(l) ? Compromise::Controlled : Compromise::Breached;
    st.certainty = isPotential(l) ? Certainty::Potential : Certainty::Direct;
    st.hops = hops[std::size_t(chosen[i])];
    return st;
}

void BlastRadius::Compact::buildStates()
{
    states.assign(std::size_t(engine->N), NodeState());
    for (std::size_t i = 0; i < reached.size(); ++i)
        states[std::size_t(reached[i])] = stateAt(i);
}

void BlastRadius::Compact::buildEdgeFlags()
{
    const BlastRadiusEngine::Impl &I = *engine;
    const EdgeTable &et = *I.edges;
    edgeFlags.assign(std::size_t(et.E), 0);
    for (const int e : edge)
        if (e >= 0)
            edgeFlags[std::size_t(e)] |= CarriedCompromise;
    std::vector<char> isReached(std::size_t(I.N), 0);
    for (const int v : reached)
        isReached[std::size_t(v)] = 1;
    for (int e = 0; e < et.E; ++e) {
        if (et.kind[std::size_t(e)] != EdgeKind::Data || !et.live(e))
            continue;
        const int a = et.from[std::size_t(e)], b = et.to[std::size_t(e)];
        if (isReached[std::size_t(b)]
            || (isReached[std::size_t(a)] && I.nodes->kind[std::size_t(a)] != NodeKind::People))
            edgeFlags[std::size_t(e)] |= CarriesExposedData;
    }
}

const std::shared_ptr<const Model> &BlastRadius::model() const { return m_compact->engine->model; }

const std::vector<ReachedNode> &BlastRadius::nodes() const
{
    std::call_once(m_compact->nodesOnce, [this] { m_compact->buildNodes(); });
    return m_compact->nodes;
}

const std::vector<ExposedCategory> &BlastRadius::exposed() const
{
    std::call_once(m_compact->exposedOnce, [this] { m_compact->buildExposed(); });
    return m_compact->exposed;
}

QStringList BlastRadius::holders(const QString &category) const
{
    std::call_once(m_compact->carriersOnce, [this] { m_compact->buildCarriers(); });
    const int c = m_compact->engine->catalog->index.value(category, -1);
    return c < 0 ? QStringList() : m_compact->holders[std::size_t(c)];
}

QStringList BlastRadius::via(const QString &category) const
{
    std::call_once(m_compact->carriersOnce, [this] { m_compact->buildCarriers(); });
    const int c = m_compact->engine->catalog->index.value(category, -1);
    return c < 0 ? QStringList() : m_compact->via[std::size_t(c)];
}

const QStringList &BlastRadius::services() const
{
    std::call_once(m_compact->servicesOnce, [this] { m_compact->buildServices(); });
    return m_compact->services;
}

const std::vector<NodeState> &BlastRadius::nodeStates() const
{
    std::call_once(m_compact->statesOnce, [this] { m_compact->buildStates(); });
    return m_compact->states;
}

NodeState BlastRadius::state(int nodeIndex) const
{
    const int i = m_compact->reachedIndex(nodeIndex);
    return i < 0 ? NodeState() : m_compact->stateAt(std::size_t(i));
}

NodeState BlastRadius::state(const QString &nodeId) const
{
    return state(m_compact->engine->nodes->index.value(nodeId, -1));
}

const std::vector<quint8> &BlastRadius::edgeFlags() const
{
    std::call_once(m_compact->edgesOnce, [this] { m_compact->buildEdgeFlags(); });
    return m_compact->edgeFlags;
}

QStringList BlastRadius::path(const QString &nodeId) const
{
    const Compact &c = *m_compact;
    const int i = c.reachedIndex(c.engine->nodes->index.value(nodeId, -1));
    if (i < 0)
        return {};
    QStringList out;
    for (int q = c.chosen[std::size_t(i)]; c.parentPos[std::size_t(q)] >= 0; q = c.parentPos[std::size_t(q)])
        out << c.engine->m.edges[std::size_t(c.edge[std::size_t(q)])].id;
    std::reverse(out.begin(), out.end());
    return out;
}

} // namespace vg
