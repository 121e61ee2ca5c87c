// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/importer.h"

#include "model/domain/validate.h"
#include "model/io/importplanner.h"
#include "model/io/importsources.h"

#include <QSet>

namespace vg {

QString ImportLocation::toString() const { return line > 0 ? QStringLiteral("%1:%2").arg(file).arg(line) : file; }

QString ImportIssue::toString() const { return at.toString() + QStringLiteral(": ") + reason; }

bool ImportPlan::changesSomething() const
{
    if (!addedCategories.empty() || !addedNodes.empty() || !addedEdges.empty())
        return true;
    for (const MatchedNode &m : matchedNodes)
        if (!m.changedFields.isEmpty())
            return true;
    for (const MatchedEdge &m : matchedEdges)
        if (!m.changedFields.isEmpty())
            return true;
    return false;
}

Expected<ImportPlan> planImport(const std::vector<ImportSource> &sources, const Model &existing,
                                const ImportOptions &options)
{
    Expected<std::vector<LoadedSource>> loaded = loadImportSources(sources);
    if (!loaded)
        return loaded.error();
    ImportPlanner planner(existing, options);
    Expected<ImportPlan> plan = planner.plan(*loaded);
    if (!plan)
        return plan;
    // The plan must build a valid model; a problem here is a gap in the row checks, reported
    // rather than written.
    Expected<Model> result = applyImport(existing, *plan);
    if (!result)
        return result.error();
    return plan;
}

Expected<Model> applyImport(const Model &existing, const ImportPlan &plan)
{
    Model m = existing;
    std::vector<Problem> stale;
    auto fail = [&](const QString &what) { stale.push_back({QStringLiteral("import"), what}); };

    for (const CategoryDef &c : plan.addedCategories) {
        const auto it =
            std::find_if(m.categories.begin(), m.categories.end(), [&](const CategoryDef &o) { return o.id == c.id; });
        if (it == m.categories.end())
            m.categories.push_back(c);
        else if (!(*it == c))
            fail(QStringLiteral("category \"%1\" was defined in the model since the import was planned").arg(c.id));
    }

    QHash<QString, std::size_t> nodeAt;
    nodeAt.reserve(qsizetype(m.nodes.size() + plan.addedNodes.size()));
    for (std::size_t i = 0; i < m.nodes.size(); ++i)
        nodeAt.insert(m.nodes[i].id, i);
    for (const MatchedNode &mn : plan.matchedNodes) {
        const auto it = nodeAt.constFind(mn.existingId);
        if (it == nodeAt.cend()) {
            fail(QStringLiteral("node \"%1\" is no longer in the model").arg(mn.existingId));
            continue;
        }
        m.nodes[*it] = mn.updated;
        if (mn.position)
            m.layout.insert(mn.existingId, *mn.position);
    }
    m.nodes.reserve(m.nodes.size() + plan.addedNodes.size());
    for (const ImportedNode &a : plan.addedNodes) {
        if (nodeAt.contains(a.node.id)) {
            fail(QStringLiteral("node id \"%1\" is taken in the model since the import was planned").arg(a.node.id));
            continue;
        }
        nodeAt.insert(a.node.id, m.nodes.size());
        m.nodes.push_back(a.node);
        if (a.position)
            m.layout.insert(a.node.id, *a.position);
    }

    QHash<QString, std::size_t> edgeAt;
    edgeAt.reserve(qsizetype(m.edges.size() + plan.addedEdges.size()));
    for (std::size_t i = 0; i < m.edges.size(); ++i)
        edgeAt.insert(m.edges[i].id, i);
    for (const MatchedEdge &me : plan.matchedEdges) {
        const auto it = edgeAt.constFind(me.existingId);
        if (it == edgeAt.cend()) {
            fail(QStringLiteral("edge \"%1\" is no longer in the model").arg(me.existingId));
            continue;
        }
        m.edges[*it] = me.updated;
    }
    m.edges.reserve(m.edges.size() + plan.addedEdges.size());
    for (const ImportedEdge &a : plan.addedEdges) {
        if (edgeAt.contains(a.edge.id)) {
            fail(QStringLiteral("edge id \"%1\" is taken in the model since the import was planned").arg(a.edge.id));
            continue;
        }
        edgeAt.insert(a.edge.id, m.edges.size());
        m.edges.push_back(a.edge);
    }
    if (m.name.isEmpty())
        m.name = plan.name;
    if (!m.organization)
        m.organization = plan.organization;
    if (!stale.empty())
        return Error(QString(), stale);
    std::vector<Problem> problems = validateModel(m);
    if (!problems.empty()) {
        for (Problem &p : problems)
            p.where = QStringLiteral("imported model ") + p.where;
        return Error(QString(), problems);
    }
    return m;
}

} // namespace vg
