// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/reports/jsonreport.h"

namespace vg {

namespace {

QJsonArray strings(const QStringList &l) { return QJsonArray::fromStringList(l); }

} // namespace

QJsonObject toJson(const ScenarioSummary &s)
{
    QJsonObject o;
    o.insert(u"reached", s.reached);
    o.insert(u"reached_direct", s.reachedDirect);
    o.insert(u"controlled", s.controlled);
    o.insert(u"categories_by_tier",
             QJsonArray{s.categoriesByTier[0], s.categoriesByTier[1], s.categoriesByTier[2], s.categoriesByTier[3]});
    o.insert(u"people", s.people);
    o.insert(u"score", s.score);
    return o;
}

QJsonObject toJson(const BlastRadius &r, bool paths)
{
    QJsonObject scenario;
    QStringList breach, control;
    for (const Seed &s : r.scenario().seeds)
        (s.mode == Compromise::Breached ? breach : control) << s.nodeId;
    breach.sort();
    control.sort();
    scenario.insert(u"breach", strings(breach));
    scenario.insert(u"control", strings(control));
    scenario.insert(u"max_hops", r.scenario().maxHops ? QJsonValue(*r.scenario().maxHops) : QJsonValue());
    scenario.insert(u"potential", r.scenario().potential);

    QJsonArray nodes;
    auto text = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    for (const ReachedNode &n : r.nodes()) {
        QJsonObject o{{QStringLiteral("id"), n.id},
                      {QStringLiteral("kind"), toString(n.kind)},
                      {QStringLiteral("state"), toString(n.state)},
                      {QStringLiteral("certainty"), toString(n.certainty)},
                      {QStringLiteral("hops"), n.hops},
                      {QStringLiteral("predecessor"), text(n.predecessor)},
                      {QStringLiteral("edge"), text(n.edge)},
                      {QStringLiteral("tenant"), n.tenant},
                      {QStringLiteral("escalation"), n.escalation ? QJsonValue(toString(*n.escalation)) : QJsonValue()},
                      {QStringLiteral("pivot"), text(n.pivot)}};
        if (paths)
            o.insert(u"path", strings(r.path(n.id)));
        nodes.append(o);
    }
    QJsonArray exposed;
    for (const ExposedCategory &x : r.exposed())
        exposed.append(
            QJsonObject{{QStringLiteral("category"), x.category},
                        {QStringLiteral("name"), x.name},
                        {QStringLiteral("tier"), x.tier},
                        {QStringLiteral("certainty"), toString(x.certainty)},
                        {QStringLiteral("plaintext"), x.plaintext ? toString(*x.plaintext) : QStringLiteral("none")},
                        {QStringLiteral("encrypted"), x.encrypted},
                        {QStringLiteral("some_encrypted"), x.someEncrypted},
                        {QStringLiteral("holders"), strings(r.holders(x.category))},
                        {QStringLiteral("via"), strings(r.via(x.category))},
                        {QStringLiteral("origins"), strings(x.origins)},
                        {QStringLiteral("people"), x.people},
                        {QStringLiteral("records"), x.records},
                        {QStringLiteral("records_known"), x.recordsKnown},
                        {QStringLiteral("pivot"), text(x.pivot)}});
    std::vector<Obligation> obligations = r.obligations();
    std::sort(obligations.begin(), obligations.end(),
              [](const Obligation &a, const Obligation &b) { return a.regime < b.regime; });
    QJsonArray obl;
    for (const Obligation &o : obligations)
        obl.append(QJsonObject{{QStringLiteral("regime"), o.regime},
                               {QStringLiteral("name"), o.name},
                               {QStringLiteral("status"), toString(o.status)},
                               {QStringLiteral("deadline"), o.deadline},
                               {QStringLiteral("recipient"), o.recipient},
                               {QStringLiteral("reason"), o.reason},
                               {QStringLiteral("source"), o.source}});
    QJsonObject out;
    out.insert(u"scenario", scenario);
    out.insert(u"nodes", nodes);
    out.insert(u"exposed", exposed);
    out.insert(u"services", strings(r.services()));
    out.insert(u"obligations", obl);
    out.insert(u"cost",
               QJsonObject{{QStringLiteral("low"), r.cost().low},
                           {QStringLiteral("high"), r.cost().high},
                           {QStringLiteral("direct_low"), r.cost().directLow},
                           {QStringLiteral("direct_high"), r.cost().directHigh},
                           {QStringLiteral("currency"), r.cost().currency},
                           {QStringLiteral("records_basis"), r.cost().recordsBasis},
                           {QStringLiteral("assumptions"), strings(r.cost().assumptions)}});
    out.insert(u"score", r.summary().score);
    out.insert(u"summary", toJson(r.summary()));
    return out;
}

QJsonArray toJson(const std::vector<VendorRank> &ranks)
{
    QJsonArray a;
    int i = 0;
    for (const VendorRank &r : ranks) {
        QJsonObject o = toJson(r.summary);
        o.insert(u"rank", ++i);
        o.insert(u"vendor", r.vendorId);
        o.insert(u"name", r.name);
        o.insert(u"mode", r.mode == Compromise::Breached ? QStringLiteral("breach") : QStringLiteral("control"));
        a.append(o);
    }
    return a;
}

QJsonObject toJson(const WhatIf &w)
{
    QJsonObject services;
    for (auto it = w.servicesLosingEdges.cbegin(); it != w.servicesLosingEdges.cend(); ++it)
        services.insert(it.key(), strings(it.value()));
    return QJsonObject{
        {QStringLiteral("removed"), w.removed},
        {QStringLiteral("categories_no_longer_held_by_vendors"), strings(w.categoriesNoLongerHeldByVendors)},
        {QStringLiteral("services_losing_edges"), services},
        {QStringLiteral("top_before"), toJson(w.topBefore)},
        {QStringLiteral("top_after"), toJson(w.topAfter)}};
}

QJsonArray toJson(const std::vector<SharedSubprocessor> &subs)
{
    QJsonArray a;
    for (const SharedSubprocessor &s : subs)
        a.append(QJsonObject{{QStringLiteral("id"), s.id},
                             {QStringLiteral("name"), s.name},
                             {QStringLiteral("vendors"), strings(s.vendors)},
                             {QStringLiteral("categories"), strings(s.categories)},
                             {QStringLiteral("weight"), s.weight},
                             {QStringLiteral("score"), s.score}});
    return a;
}

} // namespace vg
