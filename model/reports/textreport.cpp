// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/reports/textreport.h"

#include "model/domain/taxonomy.h"
#include "model/reports/format.h"

#include <QTextStream>

namespace vg {

namespace {

QString pad(const QString &s, int width) { return s.leftJustified(width, QLatin1Char(' '), false); }
QString rpad(const QString &s, int width) { return s.rightJustified(width, QLatin1Char(' '), false); }

QString statusWord(ObligationStatus s)
{
    switch (s) {
    case ObligationStatus::Likely: return QStringLiteral("LIKELY");
    case ObligationStatus::Assess: return QStringLiteral("ASSESS");
    case ObligationStatus::NotTriggered: break;
    }
    return QStringLiteral("no");
}

} // namespace

QString toText(const BlastRadius &r, const Model &model, bool paths)
{
    QHash<QString, const Node *> byId;
    for (const Node &n : model.nodes)
        byId.insert(n.id, &n);
    auto label = [&](const QString &id) {
        const Node *n = byId.value(id);
        return n && !n->name.isEmpty() ? QStringLiteral("%1 (%2)").arg(id, printable(n->name)) : id;
    };
    QString out;
    QTextStream t(&out);
    QStringList seeds;
    for (const Seed &s : r.scenario().seeds)
        seeds << QStringLiteral("%1 %2").arg(s.mode == Compromise::Breached ? QStringLiteral("breach of")
                                                                            : QStringLiteral("control of"),
                                             label(s.nodeId));
    t << "BLAST RADIUS: " << seeds.join(u"; ") << '\n';
    t << "Options: "
      << (r.scenario().potential ? "pivots through exposed credentials counted as potential"
                                 : "pivots through exposed credentials ignored")
      << ", "
      << (r.scenario().maxHops ? QStringLiteral("at most %1").arg(plural(*r.scenario().maxHops, "hop", "hops"))
                               : QStringLiteral("no hop limit"))
      << "\n";
    const ScenarioSummary &s = r.summary();
    t << QStringLiteral("Score %1 | %2 reached (%3 direct, %4 potential), %5 controlled | %6 exposed (tier 1: %7) | "
                        "%8 behind the plaintext exposure\n\n")
             .arg(formatNumber(s.score), plural(s.reached, "system", "systems"), formatCount(s.reachedDirect),
                  formatCount(s.reached - s.reachedDirect), formatCount(s.controlled),
                  plural(qint64(r.exposed().size()), "category", "categories"), formatCount(s.categoriesByTier[0]),
                  plural(s.people, "person", "people"));

    t << "SYSTEMS REACHED\n";
    t << "  " << pad(QStringLiteral("STATE"), 11) << pad(QStringLiteral("CERTAINTY"), 10)
      << rpad(QStringLiteral("HOPS"), 4) << "  " << pad(QStringLiteral("NODE"), 44)
      << (paths ? "PATH\n" : "REACHED FROM (EDGE)\n");
    std::vector<const ReachedNode *> nodes;
    for (const ReachedNode &n : r.nodes())
        nodes.push_back(&n);
    std::stable_sort(nodes.begin(), nodes.end(), [](const ReachedNode *a, const ReachedNode *b) {
        if (a->certainty != b->certainty)
            return a->certainty < b->certainty;
        if (a->state != b->state)
            return a->state > b->state;
        return a->hops < b->hops;
    });
    bool anyTenant = false, anyEscalation = false;
    for (const ReachedNode *n : nodes) {
        QString state = toString(n->state);
        if (n->escalation)
            state += QLatin1Char('+');
        anyEscalation = anyEscalation || n->escalation;
        anyTenant = anyTenant || n->tenant;
        const QString kind = n->tenant ? QStringLiteral("our account at this vendor") : toString(n->kind);
        QString how;
        if (n->predecessor.isEmpty())
            how = QStringLiteral("(seed)");
        else if (paths)
            how = r.path(n->id).join(u" > ");
        else
            how = QStringLiteral("%1 (%2)").arg(n->predecessor, n->edge);
        t << "  " << pad(state, 11) << pad(toString(n->certainty), 10) << rpad(QString::number(n->hops), 4) << "  "
          << pad(label(n->id) + QStringLiteral(" [") + kind + QLatin1Char(']'), 44) << ' ' << how << '\n';
        if (!n->pivot.isEmpty())
            t << "  " << pad(QString(), 27) << "hinges on " << n->pivot << '\n';
    }
    if (anyEscalation)
        t << "  breached+ = breached directly; controlled only potentially, through an exposed credential\n";
    if (anyTenant)
        t << "  [our account at this vendor] = reached through an access edge into the vendor: our tenant there, not "
             "its platform (its code and hosts edges do not propagate)\n";

    t << "\nDATA EXPOSED\n";
    if (r.exposed().empty())
        t << "  none: no reached system holds data\n";
    else
        t << "  " << pad(QStringLiteral("TIER"), 5) << pad(QStringLiteral("CATEGORY"), 26)
          << rpad(QStringLiteral("PEOPLE"), 14) << rpad(QStringLiteral("RECORDS≥"), 14) << "  "
          << pad(QStringLiteral("PLAINTEXT"), 10) << "HELD BY\n";
    const Taxonomy tax = Taxonomy::forModel(model);
    auto peopleText = [&](const ExposedCategory &x) {
        if (!x.plaintext || !x.origins.isEmpty())
            return formatCount(x.people);
        const Category *c = tax.find(x.category);
        return c && c->has(NonPersonal) ? QStringLiteral("n/a") : QStringLiteral("unknown");
    };
    std::vector<const ExposedCategory *> ex;
    for (const ExposedCategory &x : r.exposed())
        ex.push_back(&x);
    std::stable_sort(ex.begin(), ex.end(), [](auto *a, auto *b) { return a->tier < b->tier; });
    for (const ExposedCategory *x : ex) {
        const QString plain = x->plaintext ? toString(*x->plaintext) : QStringLiteral("none");
        const QString name = x->category
            + (x->encrypted           ? QStringLiteral(" (encrypted)")
                   : x->someEncrypted ? QStringLiteral(" (partly enc.)")
                                      : QString());
        t << "  " << pad(QStringLiteral("T%1").arg(x->tier), 5) << pad(name, 26) << rpad(peopleText(*x), 14)
          << rpad(x->recordsKnown ? formatCount(x->records) : QStringLiteral("-"), 14) << "  " << pad(plain, 10)
          << r.holders(x->category).join(u", ") << '\n';
        if (!x->pivot.isEmpty())
            t << "  " << pad(QString(), 31) << "plaintext only potentially, through " << x->pivot << '\n';
    }
    if (!r.exposed().empty())
        t << "  PEOPLE: behind the plaintext copies (unknown: no people edge or subjects say whose data it is; n/a: "
             "not personal data); RECORDS≥: the largest records figure stated (-: none)\n";
    if (!r.services().isEmpty())
        t << "\nAFFECTED SERVICES (sent exposed data toward a holder)\n  " << r.services().join(u", ") << '\n';

    t << "\nNOTIFICATION OBLIGATIONS\n";
    for (const Obligation &o : r.obligations()) {
        t << "  " << pad(statusWord(o.status), 7) << pad(o.regime, 16) << o.name << '\n';
        if (o.status != ObligationStatus::NotTriggered)
            t << "  " << pad(QString(), 23) << "deadline: " << o.deadline << "\n  " << pad(QString(), 23)
              << "notify: " << o.recipient << '\n';
        t << "  " << pad(QString(), 23) << "why: " << o.reason << '\n';
    }
    const CostEstimate &c = r.cost();
    t << "\nCOST ESTIMATE: " << formatUsd(c.low) << " to " << formatUsd(c.high);
    if (c.directLow != c.low || c.directHigh != c.high)
        t << " (direct part: " << formatUsd(c.directLow) << " to " << formatUsd(c.directHigh) << ")";
    t << '\n';
    for (const QString &a : c.assumptions)
        t << "  - " << a << '\n';
    return out;
}

QString toText(const std::vector<VendorRank> &ranks)
{
    QString out;
    QTextStream t(&out);
    t << rpad(QStringLiteral("#"), 4) << "  " << pad(QStringLiteral("VENDOR"), 40) << pad(QStringLiteral("MODE"), 9)
      << rpad(QStringLiteral("SCORE"), 9) << rpad(QStringLiteral("REACHED"), 9) << rpad(QStringLiteral("DIRECT"), 8)
      << rpad(QStringLiteral("T1"), 4) << rpad(QStringLiteral("T2"), 4) << rpad(QStringLiteral("T3"), 4)
      << rpad(QStringLiteral("T4"), 4) << rpad(QStringLiteral("PEOPLE"), 15) << '\n';
    int i = 0;
    for (const VendorRank &r : ranks) {
        const ScenarioSummary &s = r.summary;
        const QString who =
            r.name.isEmpty() ? r.vendorId : QStringLiteral("%1 (%2)").arg(r.vendorId, printable(r.name));
        t << rpad(QString::number(++i), 4) << "  " << pad(who.left(39), 40)
          << pad(r.mode == Compromise::Breached ? QStringLiteral("breach") : QStringLiteral("control"), 9)
          << rpad(formatNumber(s.score), 9) << rpad(QString::number(s.reached), 9)
          << rpad(QString::number(s.reachedDirect), 8) << rpad(QString::number(s.categoriesByTier[0]), 4)
          << rpad(QString::number(s.categoriesByTier[1]), 4) << rpad(QString::number(s.categoriesByTier[2]), 4)
          << rpad(QString::number(s.categoriesByTier[3]), 4) << rpad(formatCount(s.people), 15) << '\n';
    }
    return out;
}

QString toText(const WhatIf &w)
{
    QString out;
    QTextStream t(&out);
    t << "WHAT IF " << w.removed << " IS DROPPED\n\n";
    t << "Categories no vendor would hold any more: "
      << (w.categoriesNoLongerHeldByVendors.isEmpty() ? QStringLiteral("none (other vendors still hold them all)")
                                                      : w.categoriesNoLongerHeldByVendors.join(u", "))
      << "\n\nServices that lose an edge to or from it:\n";
    if (w.servicesLosingEdges.isEmpty())
        t << "  none\n";
    for (auto it = w.servicesLosingEdges.cbegin(); it != w.servicesLosingEdges.cend(); ++it)
        t << "  " << pad(it.key(), 30) << it.value().join(u", ") << '\n';
    t << "\nTop 10 of the ranking (breach and control), before -> after:\n";
    for (std::size_t i = 0; i < std::max(w.topBefore.size(), w.topAfter.size()); ++i) {
        auto cell = [](const std::vector<VendorRank> &v, std::size_t i) {
            if (i >= v.size())
                return QString();
            return QStringLiteral("%1 %2 (%3)")
                .arg(v[i].vendorId,
                     v[i].mode == Compromise::Breached ? QStringLiteral("breach") : QStringLiteral("control"))
                .arg(formatNumber(v[i].summary.score));
        };
        t << rpad(QString::number(i + 1), 4) << "  " << pad(cell(w.topBefore, i), 44) << cell(w.topAfter, i) << '\n';
    }
    return out;
}

QString toText(const std::vector<SharedSubprocessor> &subs)
{
    QString out;
    QTextStream t(&out);
    if (subs.empty())
        return QStringLiteral("No sub-processor is shared by two or more vendors.\n");
    t << pad(QStringLiteral("PROVIDER"), 44) << rpad(QStringLiteral("VENDORS"), 8) << rpad(QStringLiteral("WEIGHT"), 8)
      << rpad(QStringLiteral("SCORE"), 8) << "  SHARED BY / DATA THAT REACHES IT\n";
    for (const SharedSubprocessor &s : subs) {
        t << pad(QStringLiteral("%1 (%2)").arg(s.id, printable(s.name)).left(43), 44)
          << rpad(QString::number(s.vendors.size()), 8) << rpad(formatNumber(s.weight), 8)
          << rpad(formatNumber(s.score), 8) << "  " << s.vendors.join(u", ") << '\n';
        if (!s.categories.isEmpty())
            t << pad(QString(), 70) << s.categories.join(u", ") << '\n';
    }
    return out;
}

} // namespace vg
