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

ScenarioSummary BlastRadiusEngine::Impl::summarize(const CatAgg &agg, const NodeCounts &n) const
{
    ScenarioSummary s;
    s.reachedDirect = n.controlledDirect + n.breachedDirect;
    s.reached = s.reachedDirect + n.controlledPotential + n.breachedPotential;
    s.controlled = n.controlledDirect + n.controlledPotential;
    std::vector<quint64> all(std::size_t(W), 0);
    double score = 0;
    for (int c = 0; c < C; ++c) {
        if (!CatAgg::bit(agg.heldAny, c))
            continue;
        const int tier = std::clamp(cats[std::size_t(c)]->tier, 1, 4);
        ++s.categoriesByTier[tier - 1];
        const quint64 *o = &agg.origins[std::size_t(c) * std::size_t(W)];
        for (int w = 0; w < W; ++w)
            all[std::size_t(w)] |= o[w];
        const qint64 people = peopleIn(o);
        const double magnitude =
            std::max(1.0, std::log10(1.0 + double(std::max(people, agg.maxRecords[std::size_t(c)]))));
        score += tierWeight(tier) * (CatAgg::bit(agg.heldDirect, c) ? 1.0 : kPotentialFactor)
            * (encrypted(agg, c) ? kEncryptedFactor : 1.0) * magnitude;
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
        bits.assign((std::size_t(I.N) * 4 + 63) / 64, 0);
        agg.init(I.C, I.W);
        for (const int l : compact->label) {
            bits[std::size_t(l) >> 6] |= quint64(1) << (l & 63);
            const int v = l >> 2;
            for (int h = I.heldStart[std::size_t(v)]; h < I.heldStart[std::size_t(v) + 1]; ++h)
                agg.add(I.held[std::size_t(h)], !isPotential(l & 3), I.originPool);
        }
    }
    const NodeCounts counts = countLabels(bits);
    r.m_summary = I.summarize(agg, counts);

    // Obligations and cost look at the exposed plaintext categories and their people.
    ObligationInput obl;
    obl.organization = m.organization;
    std::vector<quint64> plainOrigins(std::size_t(I.W), 0);
    qint64 maxRecords = 0;
    for (int c = 0; c < I.C; ++c) {
        if (!CatAgg::bit(agg.heldAny, c))
            continue;
        obl.anyExposure = true;
        if (I.encrypted(agg, c))
            continue;
        const Category *cat = I.cats[std::size_t(c)];
        ObligationInput::Category pc{cat->id, cat->tier, cat->flags, {}};
        const quint64 *o = &agg.origins[std::size_t(c) * std::size_t(I.W)];
        for (int w = 0; w < I.W; ++w)
            plainOrigins[std::size_t(w)] |= o[w];
        I.forEachPerson(o, [&](const Node &p) {
            pc.origins << p.id;
            obl.originRegions.insert(p.id, p.regions);
            obl.originCounts.insert(p.id, p.count.value_or(0));
        });
        maxRecords = std::max(maxRecords, agg.maxRecords[std::size_t(c)]);
        obl.plaintext.push_back(std::move(pc));
    }
    if (counts.controlledDirect > 0)
        for (std::size_t w = 0; w < bits.size(); ++w)
            for (quint64 b = (bits[w] >> CD) & 0x1111111111111111ULL; b; b &= b - 1)
                obl.controlledServices +=
                    m.nodes[w * 16 + std::size_t(std::countr_zero(b)) / 4].kind == NodeKind::Service ? 1 : 0;
    r.m_obligations = evaluateObligations(obl);
    r.m_cost = estimateCost(std::max(I.peopleIn(plainOrigins.data()), maxRecords), counts.controlledDirect > 0);
    r.m_compact = std::move(compact);
    return r;
}

const std::vector<ReachedNode> &BlastRadius::nodes() const
{
    std::call_once(m_compact->once, [this] { m_compact->materialize(); });
    return m_compact->nodes;
}

const std::vector<ExposedCategory> &BlastRadius::exposed() const
{
    std::call_once(m_compact->once, [this] { m_compact->materialize(); });
    return m_compact->exposed;
}

const QStringList &BlastRadius::services() const
{
    std::call_once(m_compact->once, [this] { m_compact->materialize(); });
    return m_compact->services;
}

void search(const BlastRadiusEngine::Impl &I, const Scenario &scenario, const std::vector<int> &seedLabels,
            BlastRadius::Compact &out)
{
    Scratch &s = scratch(0);
    s.prepare(std::size_t(I.N) * 4);
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

void BlastRadius::Compact::materialize()
{
    const BlastRadiusEngine::Impl &I = *engine;
    const Model &m = I.m;
    if (!searched)
        search(I, scenario, seedLabels, *this);
    // Reported label per node: the most severe direct one, else the most severe potential one.
    QHash<int, std::array<int, 4>> at; // node -> queue position of each label (-1: not visited)
    for (int q = 0; q < int(label.size()); ++q) {
        auto it = at.find(label[std::size_t(q)] >> 2);
        if (it == at.end())
            it = at.insert(label[std::size_t(q)] >> 2, {-1, -1, -1, -1});
        (*it)[std::size_t(label[std::size_t(q)] & 3)] = q;
    }
    I.ensureOrder();
    std::vector<int> reached(at.keyBegin(), at.keyEnd());
    std::sort(reached.begin(), reached.end(),
              [&](int a, int b) { return I.nodeRank[std::size_t(a)] < I.nodeRank[std::size_t(b)]; });
    std::vector<std::vector<int>> holders(std::size_t(I.C)), via(std::size_t(I.C));
    nodes.reserve(reached.size());
    for (const int v : reached) {
        const std::array<int, 4> &pos = at[v];
        ReachedNode rn;
        rn.id = m.nodes[std::size_t(v)].id;
        rn.kind = m.nodes[std::size_t(v)].kind;
        int l;
        if (pos[CD] >= 0 || pos[BD] >= 0) {
            l = pos[CD] >= 0 ? CD : BD;
            rn.certainty = Certainty::Direct;
            if (l == BD && pos[CP] >= 0)
                rn.escalation = Compromise::Controlled;
        } else {
            l = pos[CP] >= 0 ? CP : BP;
            rn.certainty = Certainty::Potential;
        }
        rn.state = isControlled(l) ? Compromise::Controlled : Compromise::Breached;
        int hops = 0;
        for (int q = pos[std::size_t(l)]; parentPos[std::size_t(q)] >= 0; q = parentPos[std::size_t(q)])
            ++hops;
        rn.hops = hops;
        rn.path.resize(hops);
        for (int q = pos[std::size_t(l)]; parentPos[std::size_t(q)] >= 0; q = parentPos[std::size_t(q)])
            rn.path[--hops] = m.edges[std::size_t(edge[std::size_t(q)])].id;
        nodes.push_back(std::move(rn));
        for (int h = I.heldStart[std::size_t(v)]; h < I.heldStart[std::size_t(v) + 1]; ++h)
            holders[std::size_t(I.held[std::size_t(h)].cat)].push_back(v);
        // Every category on a data edge into a holder is held there: the edge carried it.
        for (int i = I.inDataStart[std::size_t(v)]; i < I.inDataStart[std::size_t(v) + 1]; ++i) {
            const int e = I.inData[std::size_t(i)];
            for (int c = I.edgeCatStart[std::size_t(e)]; c < I.edgeCatStart[std::size_t(e) + 1]; ++c)
                via[std::size_t(I.edgeCats[std::size_t(c)])].push_back(e);
        }
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
        x.certainty = CatAgg::bit(agg.heldDirect, c) ? Certainty::Direct : Certainty::Potential;
        x.encrypted = I.encrypted(agg, c);
        for (const int v : holders[std::size_t(c)])
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
            if (seen[std::size_t(from)] != gen) {
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
        I.forEachPerson(&agg.origins[std::size_t(c) * std::size_t(I.W)], [&](const Node &p) {
            x.origins << p.id;
            x.people += p.count.value_or(0);
        });
        x.origins.sort();
        x.records = agg.maxRecords[std::size_t(c)];
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
