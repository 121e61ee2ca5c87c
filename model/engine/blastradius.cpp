// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/blastradius.h"

#include "model/engine/cost.h"
#include "model/engine/engineimpl.h"
#include "model/engine/obligations.h"

#include <QSet>

#include <cmath>
#include <numeric>

namespace vg {

QString toString(Compromise c)
{
    return c == Compromise::Controlled ? QStringLiteral("controlled") : QStringLiteral("breached");
}
QString toString(Certainty c)
{
    return c == Certainty::Direct ? QStringLiteral("direct") : QStringLiteral("potential");
}
QString toString(ObligationStatus s)
{
    switch (s) {
    case ObligationStatus::Likely: return QStringLiteral("likely");
    case ObligationStatus::Assess: return QStringLiteral("assess");
    case ObligationStatus::NotTriggered: break;
    }
    return QStringLiteral("not-triggered");
}

double tierWeight(int tier)
{
    switch (tier) {
    case 1: return 10;
    case 2: return 5;
    case 3: return 2;
    default: return 0.5;
    }
}

namespace {

bool labelBit(const std::vector<quint64> &bits, int l) { return (bits[std::size_t(l) >> 6] >> (l & 63)) & 1; }

} // namespace

std::optional<Certainty> BlastRadiusEngine::Impl::reachedAs(const std::vector<quint64> &bits, int node) const
{
    bool direct = false, any = false;
    for (const int v : {node, tenantOf[std::size_t(node)] >= 0 ? N + tenantOf[std::size_t(node)] : -1}) {
        if (v < 0)
            continue;
        for (int l = 0; l < 4; ++l)
            if (labelBit(bits, v * 4 + l)) {
                any = true;
                direct = direct || !isPotential(l);
            }
    }
    if (!any)
        return std::nullopt;
    return direct ? Certainty::Direct : Certainty::Potential;
}

void BlastRadiusEngine::Impl::resolve(CatAgg &agg, const std::vector<quint64> &bits) const
{
    agg.normalize();
    for (const quint32 item : agg.keyed) {
        const Held &h = held[item / 2];
        const std::optional<Certainty> key = reachedAs(bits, h.key);
        if (key) // the key holder's key is exposed: this copy is readable
            agg.addPlain(h, (item & 1) && *key == Certainty::Direct, originPool);
        else
            CatAgg::set(agg.locked, h.cat);
    }
    agg.keyed.clear();
}

NodeCounts BlastRadiusEngine::Impl::countNodes(const std::vector<quint64> &bits) const
{
    NodeCounts n;
    auto count = [&](unsigned nibble, int sign) {
        const bool bd = nibble & 1, cd = nibble & 2, bp = nibble & 4, cp = nibble & 8;
        if (cd)
            n.controlledDirect += sign;
        else if (bd)
            n.breachedDirect += sign;
        else if (cp)
            n.controlledPotential += sign;
        else if (bp)
            n.breachedPotential += sign;
    };
    constexpr quint64 m0 = 0x1111111111111111ULL;
    for (quint64 w : bits) {
        if (!w)
            continue;
        const quint64 bd = w & m0, cd = (w >> 1) & m0, bp = (w >> 2) & m0, cp = (w >> 3) & m0;
        const quint64 direct = bd | cd;
        n.controlledDirect += std::popcount(cd);
        n.breachedDirect += std::popcount(bd & ~cd);
        n.controlledPotential += std::popcount(cp & ~direct);
        n.breachedPotential += std::popcount(bp & ~cp & ~direct);
    }
    // A vendor and our account at it are one node: count it once, by the combined labels.
    // Only the words of the tenant range that have a label set are visited.
    auto nibbleOf = [&](int v) { return unsigned((bits[std::size_t(v) >> 4] >> ((v & 15) * 4)) & 0xF); };
    for (std::size_t w = std::size_t(N) / 16; w < bits.size(); ++w) {
        if (!bits[w])
            continue;
        for (int v = std::max(N, int(w * 16)); v < std::min(V, int(w * 16 + 16)); ++v) {
            const unsigned tenant = nibbleOf(v);
            if (!tenant)
                continue;
            const unsigned vendor = nibbleOf(tenantVendor[std::size_t(v - N)]);
            count(tenant, -1);
            count(vendor, -1);
            count(tenant | vendor, +1);
        }
    }
    return n;
}

ScenarioSummary BlastRadiusEngine::Impl::summarize(const CatAgg &agg, const NodeCounts &n) const
{
    ScenarioSummary s;
    s.reachedDirect = n.controlledDirect + n.breachedDirect;
    s.reached = s.reachedDirect + n.controlledPotential + n.breachedPotential;
    s.controlled = n.controlledDirect + n.controlledPotential;
    std::vector<quint64> all(std::size_t(W), 0);
    double score = 0;
    for (int c = 0; c < C; ++c) {
        if (!agg.any(c))
            continue;
        const int tier = std::clamp(cats[std::size_t(c)]->tier, 1, 4);
        ++s.categoriesByTier[tier - 1];
        const quint64 *o = &agg.originsA[std::size_t(c) * std::size_t(W)];
        for (int w = 0; w < W; ++w)
            all[std::size_t(w)] |= o[w];
        // Certainty and encryption of the copies: plaintext counts at its own certainty;
        // a category with no plaintext copy counts as encrypted.
        double factor;
        qint64 size = 0;
        if (agg.plain(c)) {
            factor = CatAgg::bit(agg.plainD, c) ? 1.0 : kPotentialFactor;
            size = std::max({peopleIn(o), agg.maxRecA[std::size_t(c)], agg.popA[std::size_t(c)]});
        } else {
            factor = (CatAgg::bit(agg.anyD, c) ? 1.0 : kPotentialFactor) * kEncryptedFactor;
        }
        score += tierWeight(tier) * factor * std::max(1.0, std::log10(1.0 + double(size)));
    }
    s.people = peopleIn(all.data());
    score += kNodeWeight
        * (2.0 * n.controlledDirect + 1.0 * n.breachedDirect
           + kPotentialFactor * (2.0 * n.controlledPotential + 1.0 * n.breachedPotential));
    s.score = std::round(score * 100.0) / 100.0;
    return s;
}

BlastRadiusEngine::BlastRadiusEngine(const Model &model) : d(std::make_shared<Impl>(model)) { d->build(); }
BlastRadiusEngine::~BlastRadiusEngine() = default;
const Model &BlastRadiusEngine::model() const { return d->m; }

Expected<BlastRadius> BlastRadiusEngine::run(const Scenario &scenario) const
{
    const Impl &I = *d;
    const Model &m = I.m;
    BlastRadius r;
    r.m_scenario = scenario;
    auto compact = std::make_shared<BlastRadius::Compact>();
    compact->engine = d;
    compact->scenario = scenario;
    for (const Seed &seed : scenario.seeds) {
        const int v = I.nodeIndex.value(seed.nodeId, -1);
        if (v < 0)
            return Error(
                QString(),
                QStringLiteral("unknown node \"%1\"; expected the id of a node in the model").arg(seed.nodeId));
        const int l = v * 4 + (seed.mode == Compromise::Controlled ? CD : BD);
        if (std::find(compact->seedLabels.begin(), compact->seedLabels.end(), l) == compact->seedLabels.end())
            compact->seedLabels.push_back(l);
    }
    std::vector<quint64> &bits = compact->bits;
    CatAgg &agg = compact->agg;
    if (!scenario.maxHops && scenario.potential) {
        // The whole closure: the index has it in aggregate form. The search that explains
        // each node runs when the node list is first asked for.
        I.ensureRankIndex();
        I.closure(compact->seedLabels, bits, agg);
    } else {
        search(I, scenario, compact->seedLabels, *compact);
        bits.assign((std::size_t(I.V) * 4 + 63) / 64, 0);
        agg.init(I.C, I.W);
        for (const int l : compact->label) {
            bits[std::size_t(l) >> 6] |= quint64(1) << (l & 63);
            I.addHeld(l, agg);
        }
    }
    I.resolve(agg, bits);
    const NodeCounts counts = I.countNodes(bits);
    r.m_summary = I.summarize(agg, counts);

    // Obligations and cost look at the categories exposed in plaintext, copy by copy.
    ObligationInput obl;
    CostInput cost;
    obl.organization = m.organization;
    auto ids = [&](const quint64 *bitsOf) {
        QStringList out;
        I.forEachPerson(bitsOf, [&](const Node &p) {
            out << p.id;
            if (!obl.populations.contains(p.id))
                obl.populations.insert(p.id, Population{p.regions, p.count.value_or(0), p.regionCounts});
        });
        out.sort();
        return out;
    };
    BlastRadius::Compact *cp = compact.get();
    for (int c = 0; c < I.C; ++c) {
        if (!agg.any(c))
            continue;
        obl.exposedAny = true;
        obl.exposedDirect = obl.exposedDirect || CatAgg::bit(agg.anyD, c);
        if (!agg.plain(c))
            continue;
        const Category *cat = I.cats[std::size_t(c)];
        ObligationInput::Category pc;
        pc.id = cat->id;
        pc.tier = cat->tier;
        pc.flags = cat->flags;
        pc.direct = CatAgg::bit(agg.plainD, c);
        pc.directOrigins = ids(&agg.originsD[std::size_t(c) * std::size_t(I.W)]);
        pc.origins = ids(&agg.originsA[std::size_t(c) * std::size_t(I.W)]);
        pc.directUnknown = CatAgg::bit(agg.unknownD, c);
        pc.unknown = CatAgg::bit(agg.unknownA, c);
        obl.plaintext.push_back(std::move(pc));
        auto basis = [&](const std::vector<qint64> &rec, const std::vector<qint64> &pop) {
            return std::max(rec[std::size_t(c)], pop[std::size_t(c)]);
        };
        cost.plaintext.push_back({cat->id, cat->tier, basis(agg.maxRecD, agg.popD), basis(agg.maxRecA, agg.popA),
                                  agg.maxRecA[std::size_t(c)] >= agg.popA[std::size_t(c)] && CatAgg::bit(agg.recA, c)});
    }
    std::sort(obl.plaintext.begin(), obl.plaintext.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
    // Services controlled, by certainty (a node counts once with its best label).
    int firstPotentialControl = -1; // the first in id order
    I.ensureOrder();
    for (int v = 0; v < I.N; ++v) {
        if (m.nodes[std::size_t(v)].kind != NodeKind::Service)
            continue;
        const int base = v * 4;
        if (labelBit(bits, base + CD))
            ++obl.controlledDirect;
        else if (labelBit(bits, base + CP)) {
            ++obl.controlledPotential;
            if (firstPotentialControl < 0
                || I.nodeRank[std::size_t(v)] < I.nodeRank[std::size_t(firstPotentialControl)])
                firstPotentialControl = v;
        }
    }
    // Which credential a potential exposure hinges on needs the explaining search: run it
    // only when some obligation can say so.
    const bool needPivots =
        std::any_of(obl.plaintext.begin(), obl.plaintext.end(), [](const auto &c) { return !c.direct; })
        || firstPotentialControl >= 0;
    if (needPivots) {
        cp->materializeOnce();
        for (auto &pc : obl.plaintext)
            if (!pc.direct)
                for (const ExposedCategory &x : cp->exposed)
                    if (x.category == pc.id)
                        pc.pivot = x.pivot;
        if (firstPotentialControl >= 0)
            for (std::size_t i = 0; i < cp->nodes.size(); ++i)
                if (cp->nodes[i].id == m.nodes[std::size_t(firstPotentialControl)].id)
                    obl.controlPivot = cp->nodes[i].pivot;
    }
    r.m_obligations = evaluateObligations(obl);
    cost.controlledDirect = counts.controlledDirect > 0;
    cost.controlledAny = counts.controlledDirect + counts.controlledPotential > 0;
    r.m_cost = estimateCost(cost);
    r.m_compact = std::move(compact);
    return r;
}

const std::vector<ReachedNode> &BlastRadius::nodes() const
{
    m_compact->materializeOnce();
    return m_compact->nodes;
}

const std::vector<ExposedCategory> &BlastRadius::exposed() const
{
    m_compact->materializeOnce();
    return m_compact->exposed;
}

const QStringList &BlastRadius::services() const
{
    m_compact->materializeOnce();
    return m_compact->services;
}

QStringList BlastRadius::path(const QString &nodeId) const
{
    Compact &c = *m_compact;
    c.materializeOnce();
    const auto it =
        std::lower_bound(c.nodes.begin(), c.nodes.end(), nodeId, [&](const ReachedNode &n, const QString &id) {
            return c.engine->nodeRank[std::size_t(c.engine->nodeIndex.value(n.id))]
                < c.engine->nodeRank[std::size_t(c.engine->nodeIndex.value(id))];
        });
    if (it == c.nodes.end() || it->id != nodeId)
        return {};
    QStringList out;
    for (int q = c.nodePos[std::size_t(it - c.nodes.begin())]; c.parentPos[std::size_t(q)] >= 0;
         q = c.parentPos[std::size_t(q)])
        out << c.engine->m.edges[std::size_t(c.edge[std::size_t(q)])].id;
    std::reverse(out.begin(), out.end());
    return out;
}

void search(const BlastRadiusEngine::Impl &I, const Scenario &scenario, const std::vector<int> &seedLabels,
            BlastRadius::Compact &out)
{
    Scratch &s = scratch(0);
    s.prepare(std::size_t(I.V) * 4);
    out.label.clear();
    out.parentPos.clear();
    out.edge.clear();
    for (const int l : seedLabels) {
        s.mark(l);
        s.dist[std::size_t(l)] = 0;
        out.label.push_back(l);
        out.parentPos.push_back(-1);
        out.edge.push_back(-1);
    }
    auto dominated = [&](int v) {
        const int base = v & ~3;
        switch (v & 3) {
        case BD: return s.seen(base + CD);
        case CP: return s.seen(base + CD);
        case BP: return s.seen(base + CD) || s.seen(base + BD) || s.seen(base + CP);
        default: return false;
        }
    };
    for (std::size_t q = 0; q < out.label.size(); ++q) {
        const int u = out.label[q];
        const int du = s.dist[std::size_t(u)];
        if (scenario.maxHops && du >= *scenario.maxHops)
            continue;
        for (auto [it, end] = boost::out_edges(std::size_t(u), I.labels); it != end; ++it) {
            const int v = int(boost::target(*it, I.labels));
            if (s.seen(v) || (!scenario.potential && isPotential(v & 3)) || dominated(v))
                continue;
            s.mark(v);
            s.dist[std::size_t(v)] = du + 1;
            out.label.push_back(v);
            out.parentPos.push_back(int(q));
            out.edge.push_back(I.labels[*it]);
        }
    }
    out.searched = true;
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
    const Edge &e = I.m.edges[std::size_t(edge[std::size_t(q)])];
    const bool vendorTarget = I.tenantOf[std::size_t(I.edgeTo[std::size_t(edge[std::size_t(q)])])] >= 0;
    if (e.kind == EdgeKind::Code)
        return QStringLiteral("the code-signing key at `%1`, which signs the code that `%2` runs").arg(e.from, e.to);
    return QStringLiteral("the stored credential for `%1`%2 at `%3`")
        .arg(e.to, vendorTarget ? QStringLiteral(" (our account there)") : QString(), e.from);
}

void BlastRadius::Compact::materialize()
{
    const BlastRadiusEngine::Impl &I = *engine;
    const Model &m = I.m;
    if (!searched)
        search(I, scenario, seedLabels, *this);
    // Hops by queue position: each label is one hop further than its parent.
    std::vector<int> hopsAt(label.size(), 0);
    for (std::size_t q = 0; q < label.size(); ++q)
        hopsAt[q] = parentPos[q] < 0 ? 0 : hopsAt[std::size_t(parentPos[q])] + 1;
    // Reported label per model node over its own labels and its tenant's: the most severe
    // direct one, else the most severe potential one; the platform before our account there.
    QHash<int, std::array<int, 8>> at; // node -> queue position of each label (4..7: tenant)
    for (int q = 0; q < int(label.size()); ++q) {
        const int vn = label[std::size_t(q)] >> 2;
        const int v = I.realNode(vn);
        auto it = at.find(v);
        if (it == at.end())
            it = at.insert(v, {-1, -1, -1, -1, -1, -1, -1, -1});
        const std::size_t slot = std::size_t(label[std::size_t(q)] & 3) + (vn >= I.N ? 4 : 0);
        if ((*it)[slot] < 0)
            (*it)[slot] = q;
    }
    I.ensureOrder();
    std::vector<int> reached(at.keyBegin(), at.keyEnd());
    std::sort(reached.begin(), reached.end(),
              [&](int a, int b) { return I.nodeRank[std::size_t(a)] < I.nodeRank[std::size_t(b)]; });
    std::vector<std::vector<int>> holders(std::size_t(I.C)), via(std::size_t(I.C));
    // Per category: a potential holder with a plaintext copy (for the pivot), by queue position.
    std::vector<int> potentialPlainPos(std::size_t(I.C), -1);
    nodes.reserve(reached.size());
    nodePos.reserve(reached.size());
    for (const int v : reached) {
        const std::array<int, 8> &pos = at[v];
        ReachedNode rn;
        rn.id = m.nodes[std::size_t(v)].id;
        rn.kind = m.nodes[std::size_t(v)].kind;
        int chosen = -1;
        for (const std::size_t slot : {std::size_t(CD), std::size_t(CD + 4), std::size_t(BD), std::size_t(BD + 4),
                                       std::size_t(CP), std::size_t(CP + 4), std::size_t(BP), std::size_t(BP + 4)})
            if (pos[slot] >= 0) {
                chosen = int(slot);
                break;
            }
        const int l = chosen & 3;
        rn.certainty = isPotential(l) ? Certainty::Potential : Certainty::Direct;
        rn.state = isControlled(l) ? Compromise::Controlled : Compromise::Breached;
        rn.tenant = chosen >= 4;
        if (l == BD && (pos[CP] >= 0 || pos[CP + 4] >= 0))
            rn.escalation = Compromise::Controlled;
        const int q = pos[std::size_t(chosen)];
        rn.hops = hopsAt[std::size_t(q)];
        if (parentPos[std::size_t(q)] >= 0) {
            rn.predecessor = m.nodes[std::size_t(I.realNode(label[std::size_t(parentPos[std::size_t(q)])] >> 2))].id;
            rn.edge = m.edges[std::size_t(edge[std::size_t(q)])].id;
        }
        rn.pivot = pivotOf(q);
        nodes.push_back(std::move(rn));
        nodePos.push_back(q);
        // What it holds, with the certainty it is reached with.
        for (int h = I.heldStart[std::size_t(v)]; h < I.heldStart[std::size_t(v) + 1]; ++h) {
            const Held &hd = I.held[std::size_t(h)];
            holders[std::size_t(hd.cat)].push_back(v);
            if (isPotential(l) && hd.key != Locked && potentialPlainPos[std::size_t(hd.cat)] < 0)
                potentialPlainPos[std::size_t(hd.cat)] = q;
        }
        // The carriers of its copies: data edges into it and out of it.
        auto carriers = [&](const std::vector<int> &start, const std::vector<int> &list) {
            for (int i = start[std::size_t(v)]; i < start[std::size_t(v) + 1]; ++i) {
                const int e = list[std::size_t(i)];
                for (int c = I.edgeCatStart[std::size_t(e)]; c < I.edgeCatStart[std::size_t(e) + 1]; ++c)
                    via[std::size_t(I.edgeCats[std::size_t(c)])].push_back(e);
            }
        };
        carriers(I.inDataStart, I.inData);
        if (rn.kind != NodeKind::People)
            carriers(I.outDataStart, I.outData);
    }
    // Services that sent an exposed category toward a holder: walk back from the holders
    // over the data edges that carry that category, any number of hops.
    std::vector<bool> sender(std::size_t(I.N), false);
    std::vector<int> upstream;
    std::vector<quint32> seen(std::size_t(I.N), 0);
    quint32 gen = 0;
    for (int c = 0; c < I.C; ++c) {
        if (holders[std::size_t(c)].empty())
            continue;
        const Category *cat = I.cats[std::size_t(c)];
        ExposedCategory x;
        x.category = cat->id;
        x.name = cat->name;
        x.tier = cat->tier;
        x.certainty = CatAgg::bit(agg.anyD, c) ? Certainty::Direct : Certainty::Potential;
        if (agg.plain(c))
            x.plaintext = CatAgg::bit(agg.plainD, c) ? Certainty::Direct : Certainty::Potential;
        x.encrypted = !x.plaintext;
        x.someEncrypted = CatAgg::bit(agg.locked, c);
        auto &hs = holders[std::size_t(c)];
        hs.erase(std::unique(hs.begin(), hs.end()), hs.end());
        for (const int v : hs)
            x.holders << m.nodes[std::size_t(v)].id; // already in id order
        std::vector<int> &edges = via[std::size_t(c)];
        std::sort(edges.begin(), edges.end(),
                  [&](int a, int b) { return I.edgeRank[std::size_t(a)] < I.edgeRank[std::size_t(b)]; });
        edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
        x.via.reserve(qsizetype(edges.size()));
        ++gen;
        upstream.clear();
        for (const int e : edges) {
            x.via << m.edges[std::size_t(e)].id;
            const int from = I.edgeFrom[std::size_t(e)];
            if (seen[std::size_t(from)] != gen && at.contains(I.edgeTo[std::size_t(e)])) {
                seen[std::size_t(from)] = gen;
                upstream.push_back(from);
            }
        }
        for (std::size_t q = 0; q < upstream.size(); ++q) {
            const int u = upstream[q];
            if (m.nodes[std::size_t(u)].kind == NodeKind::Service)
                sender[std::size_t(u)] = true;
            for (int i = I.inDataStart[std::size_t(u)]; i < I.inDataStart[std::size_t(u) + 1]; ++i) {
                const int e = I.inData[std::size_t(i)];
                const int from = I.edgeFrom[std::size_t(e)];
                if (seen[std::size_t(from)] != gen && I.carries(e, c)) {
                    seen[std::size_t(from)] = gen;
                    upstream.push_back(from);
                }
            }
        }
        I.forEachPerson(&agg.originsA[std::size_t(c) * std::size_t(I.W)], [&](const Node &p) {
            x.origins << p.id;
            x.people = saturatingAdd(x.people, p.count.value_or(0));
        });
        x.origins.sort();
        x.recordsKnown = CatAgg::bit(agg.recA, c);
        x.records = agg.maxRecA[std::size_t(c)];
        if (x.plaintext == Certainty::Potential)
            x.pivot = pivotOf(potentialPlainPos[std::size_t(c)]);
        exposed.push_back(std::move(x));
    }
    std::sort(exposed.begin(), exposed.end(),
              [](const ExposedCategory &a, const ExposedCategory &b) { return a.category < b.category; });
    for (int v = 0; v < I.N; ++v)
        if (sender[std::size_t(v)])
            services << m.nodes[std::size_t(v)].id;
    services.sort();
}

void BlastRadiusEngine::Impl::ensureOrder() const
{
    std::call_once(orderOnce, [this] {
        auto ranks = [](const auto &items) {
            std::vector<int> idx(items.size());
            std::iota(idx.begin(), idx.end(), 0);
            const bool sorted =
                std::is_sorted(items.begin(), items.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
            if (!sorted)
                std::sort(idx.begin(), idx.end(),
                          [&](int a, int b) { return items[std::size_t(a)].id < items[std::size_t(b)].id; });
            std::vector<int> rank(items.size());
            for (std::size_t i = 0; i < idx.size(); ++i)
                rank[std::size_t(idx[i])] = int(i);
            return rank;
        };
        nodeRank = ranks(m.nodes);
        edgeRank = ranks(m.edges);
    });
}

} // namespace vg
