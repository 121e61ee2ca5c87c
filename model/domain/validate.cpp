// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/domain/validate.h"

#include "model/domain/limits.h"
#include "model/domain/regions.h"
#include "model/domain/taxonomy.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace vg {

namespace {

QString idProblem(const QString &id)
{
    if (id.isEmpty())
        return QStringLiteral("empty id; expected 1-128 characters from A-Z a-z 0-9 . _ : -");
    return QStringLiteral("\"%1\" is not a valid id; expected 1-128 characters from A-Z a-z 0-9 . _ : -")
        .arg(id.left(140));
}

QString figureProblem(qint64 v)
{
    return v < 0
        ? QStringLiteral("must be 0 or more, found %1").arg(v)
        : QStringLiteral("must be at most %1 (the world's population, rounded up), found %2").arg(kMaxCount).arg(v);
}
bool badFigure(const std::optional<qint64> &v) { return v && (*v < 0 || *v > kMaxCount); }

} // namespace

std::vector<Problem> validateModel(const Model &m)
{
    // The caps first; over a count cap nothing else is checked (the model is refused anyway).
    std::vector<Problem> out = limitProblems(m);
    if (m.nodes.size() > std::size_t(kMaxNodes) || m.edges.size() > std::size_t(kMaxEdges)
        || m.categories.size() > std::size_t(kMaxModelCategories))
        return out;
    auto fail = [&](QString where, QString what) { out.push_back({std::move(where), std::move(what)}); };

    // Categories defined by the model.
    QSet<QString> catIds;
    const Taxonomy &builtIn = Taxonomy::builtIn();
    for (std::size_t i = 0; i < m.categories.size(); ++i) {
        const CategoryDef &c = m.categories[i];
        const auto p = [&] { return QStringLiteral("/categories/%1").arg(i); };
        if (!isValidId(c.id))
            fail(p() + QStringLiteral("/id"), idProblem(c.id));
        else if (catIds.contains(c.id))
            fail(p() + QStringLiteral("/id"), QStringLiteral("duplicate category id \"%1\"").arg(c.id));
        catIds.insert(c.id);
        if (c.tier && (*c.tier < 1 || *c.tier > 4))
            fail(p() + QStringLiteral("/tier"), QStringLiteral("must be from 1 to 4, found %1").arg(*c.tier));
        if (c.flags)
            for (qsizetype f = 0; f < c.flags->size(); ++f)
                if (!flagFromString(c.flags->at(f)))
                    fail(p() + QStringLiteral("/flags/%1").arg(f),
                         QStringLiteral("unknown flag \"%1\"; expected %2")
                             .arg(c.flags->at(f).left(40), flagNames(~0u).join(u", ")));
        if (!builtIn.contains(c.id) && (!c.name || !c.tier))
            fail(p(),
                 QStringLiteral("new category \"%1\" needs a name and a tier (1-4); only built-in categories "
                                "may be overridden partially")
                     .arg(c.id));
    }
    const Taxonomy tax = Taxonomy::forModel(m);
    // where is a callable: paths are formatted only for problems.
    auto checkCategory = [&](const QString &cat, auto where) {
        if (!tax.contains(cat))
            fail(where(),
                 QStringLiteral("unknown category \"%1\"; expected a built-in category id (for example "
                                "CONTACT.EMAIL) or one defined under /categories")
                     .arg(cat));
    };

    // Nodes.
    QHash<QString, NodeKind> nodeKinds;
    nodeKinds.reserve(qsizetype(m.nodes.size()));
    for (const Node &n : m.nodes)
        nodeKinds.insert(n.id, n.kind);
    // Whether l[k] is a repeat; called for k = 0, 1, ... in turn. Long lists use a set: a file
    // can hold lists of thousands of items, and a scan per item would be quadratic.
    QSet<QString> seen;
    auto repeated = [&](const QStringList &l, qsizetype k) {
        if (l.size() <= 16)
            return l.indexOf(l[k]) < k;
        if (k == 0)
            seen.clear();
        const auto size = seen.size();
        seen.insert(l[k]);
        return seen.size() == size;
    };
    // subjects name people; key holders name any node.
    auto checkSubjects = [&](const QStringList &subjects, auto where) {
        for (qsizetype k = 0; k < subjects.size(); ++k) {
            if (nodeKinds.value(subjects[k], NodeKind::Service) != NodeKind::People)
                fail(where() + QStringLiteral("/subjects/%1").arg(k),
                     QStringLiteral("\"%1\" is not a people node; subjects name the populations the data is about")
                         .arg(subjects[k].left(140)));
            if (repeated(subjects, k) && nodeKinds.value(subjects[k], NodeKind::Service) == NodeKind::People)
                fail(where() + QStringLiteral("/subjects/%1").arg(k),
                     QStringLiteral("\"%1\" is listed twice").arg(subjects[k].left(140)));
        }
    };
    auto checkKey = [&](const QString &keyHolder, const std::optional<Encryption> &enc, auto where) {
        if (keyHolder.isEmpty())
            return;
        if (!nodeKinds.contains(keyHolder))
            fail(where() + QStringLiteral("/key_holder"),
                 QStringLiteral("unknown node \"%1\"; expected the id of the node that holds the key")
                     .arg(keyHolder.left(140)));
        if (enc != Encryption::ExternalKey)
            fail(where() + QStringLiteral("/key_holder"),
                 QStringLiteral("\"key_holder\" applies only with \"encryption\": \"external-key\""));
    };
    QSet<QString> nodeIds;
    nodeIds.reserve(qsizetype(m.nodes.size()));
    for (std::size_t i = 0; i < m.nodes.size(); ++i) {
        const Node &n = m.nodes[i];
        const auto p = [&] { return QStringLiteral("/nodes/%1").arg(i); };
        if (!isValidId(n.id))
            fail(p() + QStringLiteral("/id"), idProblem(n.id));
        else if (nodeIds.contains(n.id))
            fail(p() + QStringLiteral("/id"), QStringLiteral("duplicate node id \"%1\"").arg(n.id));
        else
            nodeIds.insert(n.id);
        if (badFigure(n.count))
            fail(p() + QStringLiteral("/count"), figureProblem(*n.count));
        for (qsizetype r = 0; r < n.regions.size(); ++r)
            if (auto why = regions::problem(n.regions[r]))
                fail(p() + QStringLiteral("/regions/%1").arg(r), *why);
        const QSet<QString> regionSet =
            n.regionCounts.isEmpty() ? QSet<QString>() : QSet<QString>(n.regions.cbegin(), n.regions.cend());
        for (auto it = n.regionCounts.cbegin(); it != n.regionCounts.cend(); ++it) {
            const QString where = p() + QStringLiteral("/region_counts/") + it.key().left(40);
            if (!regionSet.contains(it.key()))
                fail(where,
                     QStringLiteral("\"%1\" is not one of the node's regions (%2)")
                         .arg(it.key().left(40), n.regions.mid(0, 20).join(u", ")));
            if (*it < 0 || *it > kMaxCount)
                fail(where, figureProblem(*it));
            else if (n.count && *it > *n.count)
                fail(where,
                     QStringLiteral("%1 people in %2 is more than the population's count, %3")
                         .arg(*it)
                         .arg(it.key().left(40))
                         .arg(*n.count));
        }
        if (n.vendor) {
            if (n.vendor->tier && (*n.vendor->tier < 1 || *n.vendor->tier > 4))
                fail(p() + QStringLiteral("/vendor/tier"),
                     QStringLiteral("must be from 1 to 4, found %1").arg(*n.vendor->tier));
            for (qsizetype r = 0; r < n.vendor->regions.size(); ++r)
                if (auto why = regions::problem(n.vendor->regions[r]))
                    fail(p() + QStringLiteral("/vendor/regions/%1").arg(r), *why);
        }
        if (n.kind != NodeKind::People) {
            if (n.count)
                fail(p() + QStringLiteral("/count"),
                     QStringLiteral("\"count\" applies only to people nodes; \"%1\" is a %2")
                         .arg(n.id, toString(n.kind)));
            if (!n.regionCounts.isEmpty())
                fail(p() + QStringLiteral("/region_counts"),
                     QStringLiteral("\"region_counts\" applies only to people nodes; \"%1\" is a %2")
                         .arg(n.id, toString(n.kind)));
            if (!n.regions.isEmpty())
                fail(p() + QStringLiteral("/regions"),
                     QStringLiteral("\"regions\" applies only to people nodes; \"%1\" is a %2 "
                                    "(vendors list processing regions under vendor/regions)")
                         .arg(n.id, toString(n.kind)));
        }
        if (n.vendor && n.kind != NodeKind::Vendor)
            fail(p() + QStringLiteral("/vendor"),
                 QStringLiteral("\"vendor\" due diligence applies only to vendor nodes; \"%1\" is a %2")
                     .arg(n.id, toString(n.kind)));
        for (std::size_t s = 0; s < n.stores.size(); ++s) {
            const StoredData &sd = n.stores[s];
            const auto sp = [&] { return p() + QStringLiteral("/stores/%1").arg(s); };
            checkCategory(sd.category, [&] { return sp() + QStringLiteral("/category"); });
            if (badFigure(sd.records))
                fail(sp() + QStringLiteral("/records"), figureProblem(*sd.records));
            checkKey(sd.keyHolder, sd.encryption, sp);
            checkSubjects(sd.subjects, sp);
        }
    }
    if (const auto *org = m.organization ? &*m.organization : nullptr)
        for (qsizetype r = 0; r < org->regions.size(); ++r)
            if (auto why = regions::problem(org->regions[r]))
                fail(QStringLiteral("/organization/regions/%1").arg(r), *why);

    // Edges. Documents and canonical JSON list them sorted by id; then a duplicate is
    // always next to its twin and no set of 500k ids is needed.
    const bool edgesSorted =
        std::is_sorted(m.edges.begin(), m.edges.end(), [](const Edge &a, const Edge &b) { return a.id < b.id; });
    QSet<QString> edgeIds;
    if (!edgesSorted)
        edgeIds.reserve(qsizetype(m.edges.size()));
    for (std::size_t i = 0; i < m.edges.size(); ++i) {
        const Edge &e = m.edges[i];
        const auto p = [&] { return QStringLiteral("/edges/%1").arg(i); };
        const bool duplicate = edgesSorted ? i > 0 && m.edges[i - 1].id == e.id : edgeIds.contains(e.id);
        if (!isValidId(e.id))
            fail(p() + QStringLiteral("/id"), idProblem(e.id));
        else if (duplicate)
            fail(p() + QStringLiteral("/id"), QStringLiteral("duplicate edge id \"%1\"").arg(e.id));
        if (!edgesSorted)
            edgeIds.insert(e.id);
        for (const auto &[key, ref] :
             {std::pair{QStringLiteral("/from"), &e.from}, std::pair{QStringLiteral("/to"), &e.to}})
            if (!nodeIds.contains(*ref))
                fail(p() + key,
                     QStringLiteral("unknown node \"%1\"; expected the id of a node under /nodes").arg(ref->left(140)));
        if (e.from == e.to && !e.from.isEmpty())
            fail(p() + QStringLiteral("/to"), QStringLiteral("an edge cannot lead from \"%1\" to itself").arg(e.from));
        if (e.kind == EdgeKind::Data) {
            if (e.categories.isEmpty())
                fail(p() + QStringLiteral("/categories"), QStringLiteral("a data edge needs at least one category"));
            for (qsizetype c = 0; c < e.categories.size(); ++c) {
                const auto cp = [&] { return p() + QStringLiteral("/categories/%1").arg(c); };
                checkCategory(e.categories[c], cp);
                if (repeated(e.categories, c))
                    fail(cp(), QStringLiteral("category \"%1\" is listed twice").arg(e.categories[c].left(140)));
            }
            if (badFigure(e.records))
                fail(p() + QStringLiteral("/records"), figureProblem(*e.records));
            checkKey(e.keyHolder, e.encryption, p);
            checkSubjects(e.subjects, p);
        } else if (!e.categories.isEmpty() || e.records || e.encryption || !e.keyHolder.isEmpty()
                   || !e.subjects.isEmpty()) {
            fail(p(),
                 QStringLiteral("categories, records, encryption, key_holder and subjects apply only to data edges"));
        }
    }

    // Scenarios: unique names, seeds that name nodes (each once), a hop limit in range, and an
    // active scenario that is one of them.
    QSet<QString> scenarioNames;
    for (std::size_t i = 0; i < m.scenarios.size(); ++i) {
        const SavedScenario &sc = m.scenarios[i];
        const auto p = [&] { return QStringLiteral("/scenarios/%1").arg(i); };
        if (sc.name.trimmed().isEmpty() || sc.name.size() > 200)
            fail(p() + QStringLiteral("/name"), QStringLiteral("a scenario needs a name of 1-200 characters"));
        else if (scenarioNames.contains(sc.name))
            fail(p() + QStringLiteral("/name"), QStringLiteral("duplicate scenario name \"%1\"").arg(sc.name));
        scenarioNames.insert(sc.name);
        // A set per list, not a scan per seed: a hostile file may list many seeds. (A plain
        // pair, not a structured binding: clang cannot capture those in a lambda in C++17.)
        for (const auto &entry : {std::pair{"breach", &sc.breach}, std::pair{"control", &sc.control}}) {
            const char *const key = entry.first;
            const QStringList *const list = entry.second;
            QSet<QString> seen;
            for (qsizetype k = 0; k < list->size(); ++k) {
                const QString &id = list->at(k);
                const auto where = [&] { return p() + QStringLiteral("/%1/%2").arg(QLatin1StringView(key)).arg(k); };
                const bool again = seen.contains(id);
                seen.insert(id);
                if (!nodeIds.contains(id))
                    fail(where(),
                         QStringLiteral("unknown node \"%1\"; expected the id of a node under /nodes")
                             .arg(id.left(140)));
                else if (again)
                    fail(where(), QStringLiteral("\"%1\" is listed twice").arg(id.left(140)));
                else if (list == &sc.control && sc.breach.contains(id))
                    fail(where(),
                         QStringLiteral("\"%1\" is both breached and controlled; list it under control only "
                                        "(control covers breach)")
                             .arg(id.left(140)));
            }
        }
        if (sc.maxHops && (*sc.maxHops < 0 || *sc.maxHops > kMaxHops))
            fail(p() + QStringLiteral("/max_hops"),
                 QStringLiteral("must be from 0 to %1, found %2").arg(kMaxHops).arg(*sc.maxHops));
    }
    if (!m.activeScenario.isEmpty() && !scenarioNames.contains(m.activeScenario))
        fail(QStringLiteral("/active_scenario"),
             QStringLiteral("unknown scenario \"%1\"; expected the name of a scenario under /scenarios")
                 .arg(m.activeScenario.left(200)));

    for (auto it = m.layout.cbegin(); it != m.layout.cend(); ++it) {
        if (!nodeIds.contains(it.key()))
            fail(QStringLiteral("/layout/") + it.key().left(140),
                 QStringLiteral("position for unknown node \"%1\"").arg(it.key().left(140)));
        if (!std::isfinite(it->x()) || !std::isfinite(it->y()))
            fail(QStringLiteral("/layout/") + it.key().left(140),
                 QStringLiteral("a position must be two finite numbers"));
    }
    return out;
}

} // namespace vg
