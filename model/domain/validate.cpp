// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/domain/validate.h"

#include "model/domain/taxonomy.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace vg {

namespace {

QString idProblem(const QString &id)
{
    if (id.isEmpty())
        return QStringLiteral("empty id; expected 1-128 characters from A-Z a-z 0-9 . _ : -");
    return QStringLiteral("\"%1\" is not a valid id; expected 1-128 characters from A-Z a-z 0-9 . _ : -")
        .arg(id.left(140));
}

} // namespace

std::vector<Problem> validateModel(const Model &m)
{
    std::vector<Problem> out;
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
    for (std::size_t i = 0; i < m.nodes.size(); ++i) {
        const Node &n = m.nodes[i];
        const auto p = [&] { return QStringLiteral("/nodes/%1").arg(i); };
        if (!isValidId(n.id))
            fail(p() + QStringLiteral("/id"), idProblem(n.id));
        else if (nodeKinds.contains(n.id))
            fail(p() + QStringLiteral("/id"), QStringLiteral("duplicate node id \"%1\"").arg(n.id));
        else
            nodeKinds.insert(n.id, n.kind);
        if (n.kind != NodeKind::People) {
            if (n.count)
                fail(p() + QStringLiteral("/count"),
                     QStringLiteral("\"count\" applies only to people nodes; \"%1\" is a %2")
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
        for (std::size_t s = 0; s < n.stores.size(); ++s)
            checkCategory(n.stores[s].category, [&] { return p() + QStringLiteral("/stores/%1/category").arg(s); });
    }

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
            if (!nodeKinds.contains(*ref))
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
                if (e.categories.indexOf(e.categories[c]) < c)
                    fail(cp(), QStringLiteral("category \"%1\" is listed twice").arg(e.categories[c]));
            }
        }
    }

    for (auto it = m.layout.cbegin(); it != m.layout.cend(); ++it)
        if (!nodeKinds.contains(it.key()))
            fail(QStringLiteral("/layout/") + it.key(),
                 QStringLiteral("position for unknown node \"%1\"").arg(it.key().left(140)));
    return out;
}

} // namespace vg
