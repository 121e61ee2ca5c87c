// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/obligations.h"

#include "model/domain/taxonomy.h"
#include "model/io/resources.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>

namespace vg {

namespace {

QJsonObject resource(const char *name) { return QJsonDocument::fromJson(readResource(name)).object(); }

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out << x.toString();
    return out;
}

// One row of resources/regimes.json.
struct Regime {
    QString id, name, rule, regions, possibleRegions, deadline, recipient, source;
    int likelyTier = 0, assessTier = 0;
    unsigned likelyFlags = 0;
    QStringList categories, sectors;
    qint64 minPeople = 0;
    std::vector<std::vector<QStringList>> combinations; // each: groups of alternatives
};

struct RegimeTable {
    std::vector<Regime> regimes;
    QHash<QString, QSet<QString>> groups;
};

// Parsed once; immutable afterwards.
const RegimeTable &regimeTable()
{
    static const RegimeTable t = [] {
        RegimeTable table;
        const QJsonObject doc = resource("regimes.json");
        const QJsonObject groups = doc.value(u"region_groups").toObject();
        for (auto it = groups.begin(); it != groups.end(); ++it) {
            const QStringList members = strings(it.value());
            table.groups.insert(it.key(), QSet<QString>(members.begin(), members.end()));
        }
        for (const QJsonValue &v : doc.value(u"regimes").toArray()) {
            const QJsonObject r = v.toObject();
            Regime g;
            g.id = r.value(u"id").toString();
            g.name = r.value(u"name").toString();
            g.rule = r.value(u"rule").toString();
            g.regions = r.value(u"regions").toString();
            g.possibleRegions = r.value(u"possible_regions").toString();
            g.deadline = r.value(u"deadline").toString();
            if (r.contains(u"clock"))
                g.deadline += QStringLiteral("; the clock starts at ") + r.value(u"clock").toString();
            g.recipient = r.value(u"recipient").toString();
            g.source = r.value(u"source").toString();
            g.likelyTier = r.value(u"likely_tier").toInt(0);
            g.assessTier = r.value(u"assess_tier").toInt(0);
            for (const QString &f : strings(r.value(u"likely_flags")))
                g.likelyFlags |= flagFromString(f).value_or(0);
            g.categories = strings(r.value(u"categories"));
            g.sectors = strings(r.value(u"sectors"));
            g.minPeople = r.value(u"min_people").toInteger(0);
            for (const QJsonValue &combo : r.value(u"combinations").toArray()) {
                std::vector<QStringList> groupsOf;
                for (const QJsonValue &alt : combo.toArray())
                    groupsOf.push_back(strings(alt));
                g.combinations.push_back(std::move(groupsOf));
            }
            table.regimes.push_back(std::move(g));
        }
        return table;
    }();
    return t;
}

QString number(qint64 n) { return QLocale(QLocale::English).toString(n); }

class Evaluator final {
public:
    explicit Evaluator(const ObligationInput &in) : m_in(in), m_groups(regimeTable().groups) { }

    // Whether a region lies in a group: US-CA lies in US; DE-BY in EU (via DE).
    bool inGroup(const QString &region, const QString &group) const
    {
        const QSet<QString> g = m_groups.value(group);
        if (g.contains(region))
            return true;
        const QString country = region.section(QLatin1Char('-'), 0, 0);
        return country != region && g.contains(country);
    }
    bool anyInGroup(const QStringList &regions, const QString &group) const
    {
        return std::any_of(regions.begin(), regions.end(), [&](const QString &r) { return inGroup(r, group); });
    }
    QStringList regionsInGroup(const QStringList &origins, const QString &group) const
    {
        QSet<QString> out;
        for (const QString &o : origins)
            for (const QString &r : m_in.originRegions.value(o))
                if (inGroup(r, group))
                    out.insert(r);
        QStringList l(out.begin(), out.end());
        l.sort();
        return l;
    }
    bool orgIn(const QString &group) const
    {
        return m_in.organization && anyInGroup(m_in.organization->regions, group);
    }
    bool orgSector(const QStringList &sectors) const
    {
        if (!m_in.organization)
            return false;
        return std::any_of(sectors.begin(), sectors.end(),
                           [&](const QString &s) { return m_in.organization->sectors.contains(s); });
    }
    // Plaintext personal categories (tiers 1-3) about people in `group`; all of them when the
    // organization is established there.
    std::vector<const ObligationInput::Category *> personalIn(const QString &group, QStringList *people) const
    {
        std::vector<const ObligationInput::Category *> out;
        QSet<QString> who;
        const bool established = orgIn(group);
        for (const auto &c : m_in.plaintext) {
            if (c.tier > 3)
                continue;
            bool in = established && !c.origins.isEmpty();
            for (const QString &o : c.origins)
                if (anyInGroup(m_in.originRegions.value(o), group)) {
                    in = true;
                    who.insert(o);
                } else if (established) {
                    who.insert(o);
                }
            if (in || (established && c.origins.isEmpty()))
                out.push_back(&c);
        }
        *people = QStringList(who.begin(), who.end());
        return out;
    }
    qint64 count(const QStringList &people) const
    {
        qint64 n = 0;
        for (const QString &p : people)
            n += m_in.originCounts.value(p);
        return n;
    }
    static QString names(const std::vector<const ObligationInput::Category *> &cats)
    {
        QStringList ids;
        for (const auto *c : cats)
            ids << c->id;
        ids.sort();
        return ids.join(u", ");
    }
    static bool severe(const ObligationInput::Category &c, int tier, unsigned flags)
    {
        return c.tier <= tier || (c.flags & flags) != 0;
    }

    Obligation evaluate(const Regime &r) const
    {
        Obligation o;
        o.regime = r.id;
        o.name = r.name;
        o.deadline = r.deadline;
        o.recipient = r.recipient;
        o.source = r.source;
        const QString &rule = r.rule;
        const QString &group = r.regions;
        const unsigned likelyFlags = r.likelyFlags;
        const int likelyTier = r.likelyTier;

        if (rule == u"personal-data" || rule == u"high-risk") {
            QStringList people;
            const auto cats = personalIn(group, &people);
            if (cats.empty()) {
                o.status = ObligationStatus::NotTriggered;
                o.reason = orgIn(group)
                    ? QStringLiteral("no plaintext personal data is exposed")
                    : QStringLiteral("no plaintext personal data of people in %1 is exposed, and the organization is "
                                     "not established there")
                          .arg(group);
                return o;
            }
            std::vector<const ObligationInput::Category *> severeCats, midCats;
            for (const auto *c : cats) {
                if (severe(*c, likelyTier, likelyFlags))
                    severeCats.push_back(c);
                else if (c->tier <= r.assessTier)
                    midCats.push_back(c);
            }
            const QString whom = QStringLiteral("%1 people in populations with residents in %2")
                                     .arg(number(count(people)), regionsInGroup(people, group).join(u", "));
            if (!severeCats.empty()) {
                o.status = ObligationStatus::Likely;
                o.reason = QStringLiteral("exposes %1 (tier 1, special or credential data) of %2")
                               .arg(names(severeCats), whom);
            } else if (rule == u"personal-data" || !midCats.empty()) {
                o.status = ObligationStatus::Assess;
                o.reason = rule == u"personal-data"
                    ? QStringLiteral("exposes personal data (%1) of %2; notify unless the breach is unlikely to "
                                     "result in a risk to them, and record the assessment")
                          .arg(names(cats), whom)
                    : QStringLiteral("exposes %1 (tier 2) of %2; notify them if the risk to them is high")
                          .arg(names(midCats), whom);
            } else {
                o.status = ObligationStatus::NotTriggered;
                o.reason = QStringLiteral("only lower-tier data (%1) of %2 is exposed; a high risk to them is "
                                          "unlikely, but record the assessment")
                               .arg(names(cats), whom);
            }
            return o;
        }

        if (rule == u"combination") {
            const QString &possible = r.possibleRegions;
            // Categories per origin: a combination must concern the same people.
            QHash<QString, QSet<QString>> perOrigin;
            for (const auto &c : m_in.plaintext)
                for (const QString &p : c.origins)
                    perOrigin[p].insert(c.id);
            auto satisfied = [&](const QSet<QString> &have) -> QStringList {
                for (const std::vector<QStringList> &combo : r.combinations) {
                    QStringList used;
                    bool all = true;
                    for (const QStringList &alternatives : combo) {
                        const auto hit = std::find_if(alternatives.begin(), alternatives.end(),
                                                      [&](const QString &a) { return have.contains(a); });
                        if (hit == alternatives.end()) {
                            all = false;
                            break;
                        }
                        used << *hit;
                    }
                    if (all)
                        return used;
                }
                return {};
            };
            QStringList definite, maybe, anyIn;
            QStringList combo;
            for (auto it = perOrigin.cbegin(); it != perOrigin.cend(); ++it) {
                const QStringList regions = m_in.originRegions.value(it.key());
                const bool inRegion = anyInGroup(regions, group);
                const bool inPossible = !inRegion && std::any_of(regions.begin(), regions.end(), [&](const QString &x) {
                    return m_groups.value(possible).contains(x);
                });
                if (inRegion || inPossible)
                    anyIn << it.key();
                const QStringList used = satisfied(it.value());
                if (used.isEmpty())
                    continue;
                if (inRegion)
                    definite << it.key();
                else if (inPossible)
                    maybe << it.key();
                if ((inRegion || inPossible) && combo.isEmpty())
                    combo = used;
            }
            if (!definite.isEmpty()) {
                o.status = ObligationStatus::Likely;
                o.reason = QStringLiteral("exposes the combination %1 of %2 people in %3")
                               .arg(combo.join(u" + "), number(count(definite)), group);
            } else if (!maybe.isEmpty()) {
                o.status = ObligationStatus::Assess;
                o.reason = QStringLiteral("exposes the combination %1 of %2 people in %3 with no state recorded; "
                                          "find out whether any are %4 residents")
                               .arg(combo.join(u" + "), number(count(maybe)), possible, group);
            } else {
                o.status = ObligationStatus::NotTriggered;
                if (anyIn.isEmpty()) {
                    o.reason = QStringLiteral("no exposed data concerns people in %1").arg(group);
                } else {
                    QSet<QString> have;
                    for (const QString &p : anyIn)
                        have.unite(perOrigin.value(p));
                    QStringList h(have.begin(), have.end());
                    h.sort();
                    o.reason = QStringLiteral("the exposed data (%1) completes no combination of elements; for "
                                              "example, a name or email alone is not a trigger")
                                   .arg(h.join(u", "));
                }
            }
            return o;
        }

        if (rule == u"categories" || rule == u"sector-categories") {
            const QStringList &wanted = r.categories;
            std::vector<const ObligationInput::Category *> hits;
            QStringList people;
            for (const auto &c : m_in.plaintext) {
                if (!wanted.contains(c.id))
                    continue;
                bool in = group.isEmpty();
                for (const QString &p : c.origins)
                    if (group.isEmpty() || anyInGroup(m_in.originRegions.value(p), group)) {
                        in = true;
                        people << p;
                    }
                if (in)
                    hits.push_back(&c);
            }
            people.removeDuplicates();
            if (hits.empty()) {
                o.status = ObligationStatus::NotTriggered;
                o.reason = QStringLiteral("none of %1 is exposed in plaintext%2")
                               .arg(wanted.join(u", "),
                                    group.isEmpty() ? QString() : QStringLiteral(" for people in ") + group);
                return o;
            }
            const QString what =
                QStringLiteral("exposes %1%2")
                    .arg(names(hits),
                         people.isEmpty() ? QString() : QStringLiteral(" of %1 people").arg(number(count(people))));
            const QStringList &sectors = r.sectors;
            if (rule == u"categories" || orgSector(sectors)) {
                o.status = ObligationStatus::Likely;
                o.reason = what;
            } else {
                o.status = ObligationStatus::Assess;
                o.reason = what
                    + QStringLiteral("; applies if the organization is a covered entity or business "
                                     "associate (sector %1 is not set)")
                          .arg(sectors.join(u"/"));
            }
            return o;
        }

        if (rule == u"sector-people") {
            const QStringList &sectors = r.sectors;
            if (!orgSector(sectors)) {
                o.status = ObligationStatus::NotTriggered;
                o.reason = QStringLiteral("applies to non-bank financial institutions (organization sector %1)")
                               .arg(sectors.join(u"/"));
                return o;
            }
            QStringList people;
            std::vector<const ObligationInput::Category *> cats;
            for (const auto &c : m_in.plaintext) {
                if (c.tier > 3)
                    continue;
                bool in = false;
                for (const QString &p : c.origins)
                    if (anyInGroup(m_in.originRegions.value(p), group)) {
                        people << p;
                        in = true;
                    }
                if (in)
                    cats.push_back(&c);
            }
            people.removeDuplicates();
            const qint64 n = count(people);
            const qint64 min = r.minPeople > 0 ? r.minPeople : 500;
            o.status = n >= min ? ObligationStatus::Likely : ObligationStatus::NotTriggered;
            o.reason = n >= min ? QStringLiteral("unencrypted customer information (%1) of %2 consumers in %3 "
                                                 "(threshold %4)")
                                      .arg(names(cats), number(n), group, number(min))
                                : QStringLiteral("%1 consumers in %2 affected, below the threshold of %3")
                                      .arg(number(n), group, number(min));
            return o;
        }

        if (rule == u"registrant") {
            if (!m_in.organization || !m_in.organization->secRegistrant) {
                o.status = ObligationStatus::NotTriggered;
                o.reason = QStringLiteral("the organization is not an SEC registrant");
            } else if (m_in.anyExposure || m_in.controlledServices > 0) {
                o.status = ObligationStatus::Assess;
                o.reason = QStringLiteral("a registrant must determine whether the incident is material (%1 "
                                          "categories exposed, %2 services controlled)")
                               .arg(m_in.plaintext.size())
                               .arg(m_in.controlledServices);
            } else {
                o.status = ObligationStatus::NotTriggered;
                o.reason = QStringLiteral("no data exposed and no service controlled");
            }
            return o;
        }

        if (rule == u"sector-incident") {
            const QStringList &sectors = r.sectors;
            if (!orgSector(sectors) || !orgIn(group)) {
                o.status = ObligationStatus::NotTriggered;
                o.reason =
                    QStringLiteral("applies to organizations in %1 with sector %2").arg(group, sectors.join(u" or "));
            } else if (m_in.controlledServices > 0) {
                o.status = ObligationStatus::Likely;
                o.reason = QStringLiteral("%1 services are controlled by the attacker: a severe operational "
                                          "disruption is possible")
                               .arg(m_in.controlledServices);
            } else if (m_in.anyExposure) {
                o.status = ObligationStatus::Assess;
                o.reason = QStringLiteral("data is exposed; classify whether the incident is significant/major");
            } else {
                o.status = ObligationStatus::NotTriggered;
                o.reason = QStringLiteral("no data exposed and no service controlled");
            }
            return o;
        }
        o.reason = QStringLiteral("unknown rule \"%1\" in regimes.json").arg(rule);
        return o;
    }

private:
    const ObligationInput &m_in;
    const QHash<QString, QSet<QString>> &m_groups;
};

} // namespace

std::vector<Obligation> evaluateObligations(const ObligationInput &input)
{
    Evaluator ev(input);
    std::vector<Obligation> out;
    for (const Regime &r : regimeTable().regimes)
        out.push_back(ev.evaluate(r));
    return out;
}

} // namespace vg
