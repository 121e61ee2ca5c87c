// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/blastradius.h"

#include "model/engine/cost.h"
#include "model/engine/engineimpl.h"
#include "model/engine/obligations.h"

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

Scenario scenarioOf(const SavedScenario &saved)
{
    Scenario s;
    for (const QString &id : saved.breach)
        s.seeds.push_back({id, Compromise::Breached});
    for (const QString &id : saved.control)
        s.seeds.push_back({id, Compromise::Controlled});
    s.maxHops = saved.maxHops;
    s.potential = saved.potential;
    return s;
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

std::optional<Certainty> BlastRadiusEngine::Impl::reachedAs(const LabelSet &bits, int node, const quint64 *base) const
{
    bool direct = false, any = false;
    for (const int v : {node, tenantNode(node)}) {
        if (v < 0)
            continue;
        for (int l = 0; l < 4; ++l)
            if (bits.test(v * 4 + l) || (base && ((base[(v * 4 + l) >> 6] >> ((v * 4 + l) & 63)) & 1))) {
                any = true;
                direct = direct || !isPotential(l);
            }
    }
    if (!any)
        return std::nullopt;
    return direct ? Certainty::Direct : Certainty::Potential;
}

void BlastRadiusEngine::Impl::resolve(CatAgg &agg, const LabelSet &bits, const quint64 *base) const
{
    agg.normalize();
    for (const quint64 item : agg.keyed) {
        const NodeHeld &nh = *held[std::size_t(item >> 32)];
        const Held &h = nh.groups[std::size_t((item & 0xFFFFFFFFULL) >> 1)];
        const std::optional<Certainty> key = reachedAs(bits, h.key, base);
        if (key) // the key holder's key is exposed: this copy is readable
            agg.addPlain(h, (item & 1) && *key == Certainty::Direct,
                         h.origin < 0 ? nullptr : &nh.origins[std::size_t(h.origin)]);
        else
            CatAgg::set(agg.locked, h.cat);
    }
    agg.keyed.clear();
}

namespace {

// Adds sign x the reported states of the 16 nodes in a word of labels (4 bits per node).
void countWord(NodeCounts &n, quint64 w, int sign)
{
    constexpr quint64 m0 = 0x1111111111111111ULL;
    const quint64 bd = w & m0, cd = (w >> 1) & m0, bp = (w >> 2) & m0, cp = (w >> 3) & m0;
    const quint64 direct = bd | cd;
    n.controlledDirect += sign * popcount64(cd);
    n.breachedDirect += sign * popcount64(bd & ~cd);
    n.controlledPotential += sign * popcount64(cp & ~direct);
    n.breachedPotential += sign * popcount64(bp & ~cp & ~direct);
}

// Adds sign x the reported state of one node's nibble.
void countNibble(NodeCounts &n, unsigned nibble, int sign)
{
    const bool bd = nibble & 1, cd = nibble & 2, bp = nibble & 4, cp = nibble & 8;
    if (cd)
        n.controlledDirect += sign;
    else if (bd)
        n.breachedDirect += sign;
    else if (cp)
        n.controlledPotential += sign;
    else if (bp)
        n.breachedPotential += sign;
}

// A vendor and our account at it are one node: the correction for one pair, given both nibbles.
void countPair(NodeCounts &n, unsigned tenant, unsigned vendor, int sign)
{
    if (!tenant)
        return;
    countNibble(n, tenant, -sign);
    countNibble(n, vendor, -sign);
    countNibble(n, tenant | vendor, sign);
}

unsigned nibbleIn(const quint64 *bits, int v) { return unsigned((bits[std::size_t(v) >> 4] >> ((v & 15) * 4)) & 0xF); }

} // namespace

NodeCounts BlastRadiusEngine::Impl::countNodes(const LabelSet &set) const
{
    NodeCounts n;
    const quint64 *bits = set.bits.data();
    for (const int wi : set.touched)
        countWord(n, bits[std::size_t(wi)], +1);
    // Only the touched words of the tenant range are visited for the pairs.
    for (const int wi : set.touched) {
        if (wi * 16 + 16 <= N)
            continue;
        for (int v = std::max(N, wi * 16); v < std::min(V, wi * 16 + 16); ++v)
            countPair(n, nibbleIn(bits, v), nibbleIn(bits, prop->tenantVendor[std::size_t(v - N)]), +1);
    }
    return n;
}

NodeCounts BlastRadiusEngine::Impl::countNodesOver(const quint64 *base, const NodeCounts &baseCounts,
                                                   const LabelSet &set) const
{
    NodeCounts n = baseCounts;
    const quint64 *bits = set.bits.data();
    auto both = [&](int v) { return nibbleIn(base, v) | nibbleIn(bits, v); };
    thread_local std::vector<int> pairs;
    pairs.clear();
    for (const int wi : set.touched) {
        const quint64 b = base[std::size_t(wi)], u = b | bits[std::size_t(wi)];
        if (u == b)
            continue;
        countWord(n, b, -1);
        countWord(n, u, +1);
        // Tenant pairs whose tenant or vendor changed.
        for (quint64 changed = u ^ b; changed; changed &= changed - 1) {
            const int v = wi * 16 + std::countr_zero(changed) / 4;
            if (v >= N)
                pairs.push_back(v - N);
            else if (prop->tenantOf[std::size_t(v)] >= 0)
                pairs.push_back(prop->tenantOf[std::size_t(v)]);
        }
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    for (const int t : pairs) {
        const int tv = N + t, vendor = prop->tenantVendor[std::size_t(t)];
        countPair(n, nibbleIn(base, tv), nibbleIn(base, vendor), -1);
        countPair(n, both(tv), both(vendor), +1);
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
        const int tier = std::clamp(cat(c).tier, 1, 4);
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

BlastRadiusEngine::BlastRadiusEngine(std::shared_ptr<const Model> model)
{
    auto impl = std::make_shared<Impl>(model ? std::move(model) : std::make_shared<const Model>());
    impl->build();
    d = std::move(impl);
}
BlastRadiusEngine::BlastRadiusEngine(Model model) : BlastRadiusEngine(std::make_shared<const Model>(std::move(model)))
{
}
BlastRadiusEngine::BlastRadiusEngine(std::shared_ptr<Impl> impl, Origin origin) : d(std::move(impl)), m_origin(origin)
{
}
BlastRadiusEngine::~BlastRadiusEngine() = default;
const Model &BlastRadiusEngine::model() const { return d->m; }
const std::shared_ptr<const Model> &BlastRadiusEngine::sharedModel() const { return d->model; }
BlastRadiusEngine::Origin BlastRadiusEngine::origin() const { return m_origin; }

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
        const int v = I.nodes->index.value(seed.nodeId, -1);
        if (v < 0 || v == I.masked)
            return Error(
                QString(),
                QStringLiteral("unknown node \"%1\"; expected the id of a node in the model").arg(seed.nodeId));
        const int l = v * 4 + (seed.mode == Compromise::Controlled ? CD : BD);
        if (std::find(compact->seedLabels.begin(), compact->seedLabels.end(), l) == compact->seedLabels.end())
            compact->seedLabels.push_back(l);
    }
    BlastRadius::Compact &cp = *compact;
    try {
        search(I, scenario, cp.seedLabels, cp);
    } catch (const std::exception &e) {
        return Error(QString(), QStringLiteral("the analysis failed: %1").arg(QString::fromLocal8Bit(e.what())));
    }
    cp.bits.reset((std::size_t(I.V) * 4 + 63) / 64);
    for (const int l : cp.label)
        cp.bits.set(l);
    cp.report();
    // What the reached nodes hold, once per node at its best certainty.
    cp.agg.init(I.C, I.W);
    for (std::size_t i = 0; i < cp.reached.size(); ++i)
        I.addHeldAt(cp.reached[i], !isPotential(cp.chosenSlot[i] & 3), cp.agg);
    I.resolve(cp.agg, cp.bits);
    const CatAgg &agg = cp.agg;
    const NodeCounts counts = I.countNodes(cp.bits);
    r.m_summary = I.summarize(agg, counts);

    // Obligations and cost look at the categories exposed in plaintext, copy by copy.
    ObligationInput obl;
    CostInput cost;
    obl.organization = m.organization;
    std::vector<quint64> everyone(std::size_t(I.W), 0);
    auto ids = [&](const quint64 *bitsOf) {
        for (int w = 0; w < I.W; ++w)
            everyone[std::size_t(w)] |= bitsOf[w];
        return I.peopleIds(bitsOf);
    };
    for (int c = 0; c < I.C; ++c) {
        if (!agg.any(c))
            continue;
        obl.exposedAny = true;
        obl.exposedDirect = obl.exposedDirect || CatAgg::bit(agg.anyD, c);
        if (!agg.plain(c))
            continue;
        const Category &cat = I.cat(c);
        ObligationInput::Category pc;
        pc.id = cat.id;
        pc.tier = cat.tier;
        pc.flags = cat.flags;
        pc.direct = CatAgg::bit(agg.plainD, c);
        pc.directOrigins = ids(&agg.originsD[std::size_t(c) * std::size_t(I.W)]);
        pc.origins = ids(&agg.originsA[std::size_t(c) * std::size_t(I.W)]);
        pc.directUnknown = CatAgg::bit(agg.unknownD, c);
        pc.unknown = CatAgg::bit(agg.unknownA, c);
        // Which credential a potential exposure hinges on.
        if (!pc.direct)
            pc.pivot = cp.pivotOf(cp.potentialPlainPos[std::size_t(c)]);
        obl.plaintext.push_back(std::move(pc));
        auto basis = [&](const std::vector<qint64> &rec, const std::vector<qint64> &pop) {
            return std::max(rec[std::size_t(c)], pop[std::size_t(c)]);
        };
        cost.plaintext.push_back({cat.id, cat.tier, basis(agg.maxRecD, agg.popD), basis(agg.maxRecA, agg.popA),
                                  agg.maxRecA[std::size_t(c)] >= agg.popA[std::size_t(c)] && CatAgg::bit(agg.recA, c)});
    }
    I.forEachPerson(everyone.data(), [&](const Node &p) {
        obl.populations.insert(p.id, Population{p.regions, p.count.value_or(0), p.regionCounts});
    });
    std::sort(obl.plaintext.begin(), obl.plaintext.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
    // Services controlled, by certainty (a node counts once with its best label); the pivot
    // of the first one controlled only potentially, in id order.
    for (std::size_t i = 0; i < cp.reached.size(); ++i) {
        const int v = cp.reached[i];
        if (I.nodes->kind[std::size_t(v)] != NodeKind::Service)
            continue;
        if (cp.bits.test(v * 4 + CD)) {
            ++obl.controlledDirect;
        } else if (cp.bits.test(v * 4 + CP)) {
            if (!obl.controlledPotential++)
                obl.controlPivot = cp.pivotOf(cp.chosen[i]);
        }
    }
    r.m_obligations = evaluateObligations(obl);
    cost.controlledDirect = counts.controlledDirect > 0;
    cost.controlledAny = counts.controlledDirect + counts.controlledPotential > 0;
    r.m_cost = estimateCost(cost);
    r.m_compact = std::move(compact);
    return r;
}

void search(const BlastRadiusEngine::Impl &I, const Scenario &scenario, const std::vector<int> &seedLabels,
            BlastRadius::Compact &out)
{
    Scratch &s = scratch(0);
    s.prepare(std::size_t(I.V) * 4);
    out.label.clear();
    out.parentPos.clear();
    out.edge.clear();
    out.hops.clear();
    for (const int l : seedLabels) {
        s.mark(l);
        s.dist[std::size_t(l)] = int(out.label.size()); // its queue position, for report()
        out.label.push_back(l);
        out.parentPos.push_back(-1);
        out.edge.push_back(-1);
        out.hops.push_back(0);
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
    const LabelGraph &g = I.prop->labels;
    for (std::size_t q = 0; q < out.label.size(); ++q) {
        const int u = out.label[q];
        const int du = out.hops[q];
        if (scenario.maxHops && du >= *scenario.maxHops)
            continue;
        for (auto [it, end] = boost::out_edges(std::size_t(u), g); it != end; ++it) {
            const int v = int(boost::target(*it, g));
            if (s.seen(v) || (!scenario.potential && isPotential(v & 3)) || dominated(v))
                continue;
            s.mark(v);
            s.dist[std::size_t(v)] = int(out.label.size());
            out.label.push_back(v);
            out.parentPos.push_back(int(q));
            out.edge.push_back(g[*it]);
            out.hops.push_back(du + 1);
        }
    }
}

} // namespace vg
