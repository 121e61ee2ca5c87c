// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/obligations.h"

#include "model/domain/taxonomy.h"
#include "model/io/resources.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
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

std::vector<QStringList> groupsOf(const QJsonValue &v)
{
    std::vector<QStringList> out;
    for (const QJsonValue &alt : v.toArray())
        out.push_back(strings(alt));
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
    std::vector<QStringList> comboPartners, comboCredentialPartners;
    qint64 noticeThreshold = 0;
    QString thresholdRegion, thresholdRecipient;
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
            for (const QJsonValue &combo : r.value(u"combinations").toArray())
                g.combinations.push_back(groupsOf(combo));
            g.comboPartners = groupsOf(r.value(u"combo_flag_partners"));
            g.comboCredentialPartners = groupsOf(r.value(u"combo_flag_credential_partners"));
            g.noticeThreshold = r.value(u"notice_threshold").toInteger(0);
            g.thresholdRegion = r.value(u"threshold_region").toString();
            g.thresholdRecipient = r.value(u"threshold_recipient").toString();
            table.regimes.push_back(std::move(g));
        }
        return table;
    }();
    return t;
}

QString number(qint64 n) { return QLocale(QLocale::English).toString(n); }

using Cat = ObligationInput::Category;

// The exposure one evaluation looks at: the direct part alone, or direct and potential.
struct View {
    struct Item {
        const Cat *cat;
        QStringList origins; // sorted
        bool unknown = false; // some copy's population is unknown
    };
    std::vector<Item> cats; // sorted by id
    int controlled = 0;
    bool exposed = false;
};

struct Verdict {
    ObligationStatus status = ObligationStatus::NotTriggered;
    QString reason;
    QStringList categories; // the categories the verdict rests on (sorted)
};

int rank(ObligationStatus s) { return s == ObligationStatus::Likely ? 2 : s == ObligationStatus::Assess ? 1 : 0; }

class Evaluator final {
public:
    Evaluator(const ObligationInput &in, const View &view) : m_in(in), m_v(view), m_groups(regimeTable().groups) { }

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
    Population pop(const QString &id) const { return m_in.populations.value(id); }
    bool popIn(const QString &id, const QString &group) const { return anyInGroup(pop(id).regions, group); }
    bool regionsUnknown(const QString &id) const { return pop(id).regions.isEmpty(); }
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
    static bool personal(const Cat &c) { return !(c.flags & NonPersonal); }

    // "candidates (60,000 people in US, EU, GB)": model facts only, in a stable order.
    QString popText(const QString &id) const
    {
        const Population p = pop(id);
        return QStringLiteral("%1 (%2 %3, %4)")
            .arg(id, number(p.count), p.count == 1 ? QStringLiteral("person") : QStringLiteral("people"),
                 p.regions.isEmpty() ? QStringLiteral("regions unknown")
                                     : QStringLiteral("in ") + p.regions.join(u", "));
    }
    QString popsText(QStringList ids) const
    {
        ids.removeDuplicates();
        ids.sort();
        QStringList parts;
        for (qsizetype i = 0; i < ids.size() && i < 5; ++i)
            parts << popText(ids[i]);
        if (ids.size() > 5)
            parts << QStringLiteral("%1 more populations").arg(ids.size() - 5);
        return parts.join(u", ");
    }
    static QString names(QStringList ids)
    {
        ids.removeDuplicates();
        ids.sort();
        return ids.join(u", ");
    }

    Verdict personalData(const Regime &r, bool highRisk) const
    {
        const QString &group = r.regions;
        const bool established = orgIn(group);
        QStringList severe, mid, low, unknownPop, unknownRegion, unsure;
        QHash<QString, QStringList> peopleOf; // category -> its people in scope
        for (const View::Item &it : m_v.cats) {
            const Cat &c = *it.cat;
            if (!personal(c))
                continue;
            const bool isSevere = c.tier <= r.likelyTier || (c.flags & r.likelyFlags) != 0;
            const bool isMid = !isSevere && c.tier <= r.assessTier;
            QStringList inScope, regionless;
            for (const QString &p : it.origins) {
                if (established || popIn(p, group))
                    inScope << p;
                else if (regionsUnknown(p))
                    regionless << p;
            }
            if (!inScope.isEmpty()) {
                peopleOf.insert(c.id, inScope);
                (isSevere ? severe : isMid ? mid : low) << c.id;
            }
            const bool matters = !highRisk || isSevere || isMid;
            if (it.unknown && matters) {
                // Nothing says whose data (some copy of) it is: never "not triggered". For an
                // established controller (Art. 33) it is its personal data all the same.
                if (established && !highRisk && inScope.isEmpty())
                    (isSevere ? severe : isMid ? mid : low) << c.id;
                unknownPop << c.id;
            }
            if (!regionless.isEmpty() && matters) {
                unknownRegion << c.id;
                unsure << regionless;
            }
        }
        Verdict v;
        // The people of the categories a reason names, and no others.
        auto whoseOf = [&](const QStringList &named) {
            QStringList people;
            for (const QString &c : named)
                people << peopleOf.value(c);
            return people.isEmpty() ? QString() : QStringLiteral(" of ") + popsText(people);
        };
        const QString unknownNote = unknownPop.isEmpty()
            ? QString()
            : QStringLiteral("population unknown for %1 (no people edge or subjects say whose "
                             "data it is)")
                  .arg(names(unknownPop));
        const QString regionNote = unknownRegion.isEmpty()
            ? QString()
            : QStringLiteral("regions unknown for %1 (%2)").arg(names(unknownRegion), popsText(unsure));
        auto withNotes = [&](QString s) {
            for (const QString &n : {unknownNote, regionNote})
                if (!n.isEmpty())
                    s += QStringLiteral("; ") + n;
            return s;
        };
        const QString scope = established ? QStringLiteral("the organization is established in %1").arg(group)
                                          : QStringLiteral("people in %1").arg(group);
        if (!severe.isEmpty()) {
            v.status = ObligationStatus::Likely;
            v.categories = severe;
            v.reason = withNotes(QStringLiteral("exposes %1 (tier 1, special or credential data)%2; %3")
                                     .arg(names(severe), whoseOf(severe), scope));
        } else if (!mid.isEmpty() || (!highRisk && !low.isEmpty())) {
            v.status = ObligationStatus::Assess;
            v.categories = highRisk ? mid : mid + low;
            v.reason = withNotes(highRisk ? QStringLiteral("exposes %1 (tier 2)%2; %3; notify them if the risk to "
                                                           "them is high")
                                                .arg(names(mid), whoseOf(mid), scope)
                                          : QStringLiteral("exposes personal data (%1)%2; %3; notify unless the "
                                                           "breach is unlikely to result in a risk to them, and "
                                                           "record the assessment")
                                                .arg(names(mid + low), whoseOf(mid + low), scope));
        } else if (!unknownPop.isEmpty() || !unknownRegion.isEmpty()) {
            v.status = ObligationStatus::Assess;
            v.categories = unknownPop + unknownRegion;
            QStringList notes;
            for (const QString &n : {unknownNote, regionNote})
                if (!n.isEmpty())
                    notes << n;
            v.reason = QStringLiteral("%1; find out whether people in %2 are affected").arg(notes.join(u"; "), group);
        } else if (!low.isEmpty()) {
            v.status = ObligationStatus::NotTriggered;
            v.categories = low;
            v.reason = QStringLiteral("only lower-tier data (%1)%2 is exposed; a high risk to them is unlikely, but "
                                      "record the assessment")
                           .arg(names(low), whoseOf(low));
        } else {
            v.reason = established ? QStringLiteral("no personal data is exposed in plaintext")
                                   : QStringLiteral("no personal data of people in %1 is exposed in plaintext, and "
                                                    "the organization is not established there")
                                         .arg(group);
        }
        return v;
    }

    Verdict combination(const Regime &r) const
    {
        const QString &group = r.regions, &possible = r.possibleRegions;
        // Combinations: the table's, plus one per COMBO-flagged category the table does not list.
        std::vector<std::vector<QStringList>> combos = r.combinations;
        QSet<QString> listed;
        for (const auto &combo : r.combinations)
            for (const QStringList &alts : combo)
                for (const QString &a : alts)
                    listed.insert(a);
        for (const View::Item &it : m_v.cats)
            if ((it.cat->flags & Combo) && !listed.contains(it.cat->id)) {
                std::vector<QStringList> combo = (it.cat->flags & Pivot) ? r.comboCredentialPartners : r.comboPartners;
                combo.push_back({it.cat->id});
                combos.push_back(std::move(combo));
            }
        auto satisfied = [&](const QSet<QString> &have) -> QStringList {
            for (const auto &combo : combos) {
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
        QMap<QString, QSet<QString>> perOrigin; // sorted by population id
        QSet<QString> unknown; // categories whose population is unknown
        for (const View::Item &it : m_v.cats) {
            for (const QString &p : it.origins)
                perOrigin[p].insert(it.cat->id);
            if (it.unknown)
                unknown.insert(it.cat->id);
        }
        QStringList definite, maybe;
        QStringList combo, maybeCombo;
        bool maybeFromUnknown = false;
        for (auto it = perOrigin.cbegin(); it != perOrigin.cend(); ++it) {
            const QStringList regions = pop(it.key()).regions;
            const bool inRegion = anyInGroup(regions, group);
            const bool inPossible = !inRegion && (regions.isEmpty() || anyInGroup(regions, possible));
            if (!inRegion && !inPossible)
                continue;
            const QStringList used = satisfied(it.value());
            const QStringList usedWithUnknown = used.isEmpty() ? satisfied(it.value() + unknown) : used;
            if (!used.isEmpty() && inRegion) {
                definite << it.key();
                if (combo.isEmpty())
                    combo = used;
            } else if (!usedWithUnknown.isEmpty()) {
                maybe << it.key();
                maybeFromUnknown = maybeFromUnknown || used.isEmpty();
                if (maybeCombo.isEmpty())
                    maybeCombo = usedWithUnknown;
            }
        }
        const QStringList unknownOnly = satisfied(unknown);
        Verdict v;
        if (!definite.isEmpty()) {
            v.status = ObligationStatus::Likely;
            v.categories = combo;
            v.reason = QStringLiteral("exposes the combination %1 of %2 in %3")
                           .arg(combo.join(u" + "), popsText(definite), group);
            if (r.noticeThreshold > 0) {
                qint64 residents = 0;
                QStringList whole;
                for (const QString &p : definite) {
                    const Population pp = pop(p);
                    const auto it = pp.regionCounts.constFind(r.thresholdRegion);
                    if (it != pp.regionCounts.cend()) {
                        residents = saturatingAdd(residents, *it);
                    } else {
                        residents = saturatingAdd(residents, pp.count);
                        whole << p;
                    }
                }
                if (whole.isEmpty())
                    v.reason += residents > r.noticeThreshold
                        ? QStringLiteral("; %1 residents of %2 by the per-region counts, more than %3: notify %4 too")
                              .arg(number(residents), r.thresholdRegion, number(r.noticeThreshold),
                                   r.thresholdRecipient)
                        : QStringLiteral("; %1 residents of %2 by the per-region counts, not more than %3: no notice "
                                         "to %4")
                              .arg(number(residents), r.thresholdRegion, number(r.noticeThreshold),
                                   r.thresholdRecipient);
                else
                    v.reason += QStringLiteral("; up to %1 residents of %2: the figure is the whole population of %3 "
                                               "(no count for %2 given); if more than %4 live in %2, notify %5 too")
                                    .arg(number(residents), r.thresholdRegion, names(whole), number(r.noticeThreshold),
                                         r.thresholdRecipient);
            }
        } else if (!maybe.isEmpty() || !unknownOnly.isEmpty()) {
            v.status = ObligationStatus::Assess;
            v.categories = maybe.isEmpty() ? unknownOnly : maybeCombo;
            if (maybe.isEmpty())
                v.reason = QStringLiteral("the combination %1 is exposed, but its population is unknown (no people "
                                          "edge or subjects say whose data it is); find out whether any are %2 "
                                          "residents")
                               .arg(unknownOnly.join(u" + "), group);
            else
                v.reason = QStringLiteral("exposes the combination %1 of %2%3; find out whether any are %4 residents")
                               .arg(maybeCombo.join(u" + "), popsText(maybe),
                                    maybeFromUnknown ? QStringLiteral(", with data of unknown population")
                                                     : QStringLiteral(" (no state recorded)"),
                                    group);
        } else {
            QStringList have;
            for (const View::Item &it : m_v.cats)
                have << it.cat->id;
            v.reason = perOrigin.isEmpty() && unknown.isEmpty()
                ? QStringLiteral("no data is exposed in plaintext")
                : QStringLiteral("the exposed data (%1) completes no combination of elements for people in %2 or "
                                 "%3; for example, a name or email alone is not a trigger")
                      .arg(names(have), group, possible);
        }
        return v;
    }

    Verdict categories(const Regime &r, bool sector) const
    {
        const QString &group = r.regions;
        QStringList hits, people, unsure;
        for (const View::Item &it : m_v.cats) {
            if (!r.categories.contains(it.cat->id))
                continue;
            if (group.isEmpty()) {
                hits << it.cat->id;
                people << it.origins;
                continue;
            }
            bool in = false;
            for (const QString &p : it.origins)
                if (popIn(p, group)) {
                    in = true;
                    people << p;
                }
            if (in)
                hits << it.cat->id;
            else if (it.unknown || std::any_of(it.origins.begin(), it.origins.end(), [&](const QString &p) {
                         return regionsUnknown(p);
                     }))
                unsure << it.cat->id;
        }
        Verdict v;
        if (hits.isEmpty() && unsure.isEmpty()) {
            v.reason = QStringLiteral("none of %1 is exposed in plaintext%2")
                           .arg(r.categories.join(u", "),
                                group.isEmpty() ? QString() : QStringLiteral(" for people in ") + group);
            return v;
        }
        if (hits.isEmpty()) {
            v.status = ObligationStatus::Assess;
            v.categories = unsure;
            v.reason = QStringLiteral("exposes %1, but whose data it is (population or regions) is unknown; find out "
                                      "whether people in %2 are affected")
                           .arg(names(unsure), group);
            return v;
        }
        v.categories = hits;
        const QString what =
            QStringLiteral("exposes %1%2")
                .arg(names(hits), people.isEmpty() ? QString() : QStringLiteral(" of ") + popsText(people));
        if (!sector || orgSector(r.sectors)) {
            v.status = ObligationStatus::Likely;
            v.reason = what;
        } else {
            v.status = ObligationStatus::Assess;
            v.reason = what
                + QStringLiteral("; applies if the organization is a covered entity or business associate (sector %1 "
                                 "is not set)")
                      .arg(r.sectors.join(u"/"));
        }
        return v;
    }

    Verdict sectorPeople(const Regime &r) const
    {
        Verdict v;
        if (!orgSector(r.sectors)) {
            v.reason = QStringLiteral("applies to non-bank financial institutions (organization sector %1)")
                           .arg(r.sectors.join(u"/"));
            return v;
        }
        QStringList people, cats, unsure;
        for (const View::Item &it : m_v.cats) {
            if (!personal(*it.cat))
                continue;
            bool in = false;
            for (const QString &p : it.origins)
                if (popIn(p, r.regions)) {
                    people << p;
                    in = true;
                } else if (regionsUnknown(p)) {
                    unsure << it.cat->id;
                }
            if (in)
                cats << it.cat->id;
            if (it.unknown)
                unsure << it.cat->id;
        }
        people.removeDuplicates();
        people.sort();
        qint64 n = 0;
        for (const QString &p : people) {
            const Population pp = pop(p);
            n = saturatingAdd(n, pp.regionCounts.value(r.thresholdRegion, pp.count));
        }
        const qint64 min = r.minPeople > 0 ? r.minPeople : 500;
        if (n >= min) {
            v.status = ObligationStatus::Likely;
            v.categories = cats;
            v.reason = QStringLiteral("unencrypted customer information (%1) of %2 consumers in %3 (threshold %4): %5")
                           .arg(names(cats), number(n), r.regions, number(min), popsText(people));
        } else if (!unsure.isEmpty()) {
            v.status = ObligationStatus::Assess;
            v.categories = unsure;
            v.reason = QStringLiteral("%1 consumers in %2 known; whose data %3 is (population or regions) is unknown: "
                                      "find out whether %4 or more are affected")
                           .arg(number(n), r.regions, names(unsure), number(min));
        } else {
            v.reason = QStringLiteral("%1 consumers in %2 affected, below the threshold of %3")
                           .arg(number(n), r.regions, number(min));
        }
        return v;
    }

    Verdict evaluate(const Regime &r) const
    {
        const QString &rule = r.rule;
        if (rule == u"personal-data")
            return personalData(r, false);
        if (rule == u"high-risk")
            return personalData(r, true);
        if (rule == u"combination")
            return combination(r);
        if (rule == u"categories")
            return categories(r, false);
        if (rule == u"sector-categories")
            return categories(r, true);
        if (rule == u"sector-people")
            return sectorPeople(r);
        Verdict v;
        if (rule == u"registrant") {
            if (!m_in.organization || !m_in.organization->secRegistrant) {
                v.reason = QStringLiteral("the organization is not an SEC registrant");
            } else if (m_v.exposed || m_v.controlled > 0) {
                v.status = ObligationStatus::Assess;
                v.reason = QStringLiteral("a registrant must determine whether the incident is material (%1 exposed "
                                          "in plaintext, %2 controlled)")
                               .arg(plural(qint64(m_v.cats.size()), "category", "categories"),
                                    plural(m_v.controlled, "service", "services"));
            } else {
                v.reason = QStringLiteral("no data exposed and no service controlled");
            }
            return v;
        }
        if (rule == u"sector-incident") {
            if (!orgSector(r.sectors) || !orgIn(r.regions)) {
                v.reason = QStringLiteral("applies to organizations in %1 with sector %2")
                               .arg(r.regions, r.sectors.join(u" or "));
            } else if (m_v.controlled > 0) {
                v.status = ObligationStatus::Likely;
                v.reason = QStringLiteral("%1 controlled by the attacker: a severe operational disruption is possible")
                               .arg(plural(m_v.controlled, "service is", "services are"));
            } else if (m_v.exposed) {
                v.status = ObligationStatus::Assess;
                v.reason = QStringLiteral("data is exposed; classify whether the incident is significant/major");
            } else {
                v.reason = QStringLiteral("no data exposed and no service controlled");
            }
            return v;
        }
        v.reason = QStringLiteral("unknown rule \"%1\" in regimes.json").arg(rule);
        return v;
    }

    static QString plural(qint64 n, const char *one, const char *many)
    {
        return QStringLiteral("%1 %2").arg(number(n), QLatin1StringView(n == 1 ? one : many));
    }

private:
    const ObligationInput &m_in;
    const View &m_v;
    const QHash<QString, QSet<QString>> &m_groups;
};

} // namespace

std::vector<Obligation> evaluateObligations(const ObligationInput &input)
{
    View direct, any;
    for (const Cat &c : input.plaintext) {
        any.cats.push_back({&c, c.origins, c.unknown});
        if (c.direct)
            direct.cats.push_back({&c, c.directOrigins, c.directUnknown});
    }
    auto byId = [](const View::Item &a, const View::Item &b) { return a.cat->id < b.cat->id; };
    std::sort(direct.cats.begin(), direct.cats.end(), byId);
    std::sort(any.cats.begin(), any.cats.end(), byId);
    direct.controlled = input.controlledDirect;
    any.controlled = input.controlledDirect + input.controlledPotential;
    direct.exposed = input.exposedDirect;
    any.exposed = input.exposedAny;
    const Evaluator onDirect(input, direct), onAny(input, any);

    std::vector<Obligation> out;
    for (const Regime &r : regimeTable().regimes) {
        Obligation o;
        o.regime = r.id;
        o.name = r.name;
        o.deadline = r.deadline;
        o.recipient = r.recipient;
        o.source = r.source;
        const Verdict d = onDirect.evaluate(r);
        const Verdict a = onAny.evaluate(r);
        if (rank(a.status) > rank(d.status)) {
            // Only the potential part triggers more: a credential exposed but not known to be used.
            QString pivot;
            for (const Cat &c : input.plaintext)
                if (!c.direct && a.categories.contains(c.id) && !c.pivot.isEmpty()) {
                    pivot = c.pivot;
                    break;
                }
            if (pivot.isEmpty())
                for (const Cat &c : input.plaintext)
                    if (a.categories.contains(c.id) && !c.direct && c.pivot.isEmpty())
                        pivot = QStringLiteral("an exposed credential");
            if (pivot.isEmpty())
                pivot = input.controlPivot.isEmpty() ? QStringLiteral("an exposed credential") : input.controlPivot;
            o.status = rank(d.status) >= 1 ? d.status : ObligationStatus::Assess;
            o.reason = (rank(d.status) >= 1 ? d.reason + QStringLiteral("; and beyond that, ") : QString())
                + QStringLiteral("potentially: %1; this part is potentially exposed through %2, which is not known "
                                 "to have been used: assess")
                      .arg(a.reason, pivot);
        } else {
            o.status = d.status;
            o.reason = d.reason;
        }
        out.push_back(std::move(o));
    }
    return out;
}

} // namespace vg
