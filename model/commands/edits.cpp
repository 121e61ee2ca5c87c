// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/commands/edits.h"

#include "model/document/document.h"

#include <QObject>
#include <QSet>

#include <algorithm>

namespace vg {

ChangeSet removeItems(const Document &doc, const QStringList &nodeIds, const QStringList &edgeIds)
{
    const GraphStore &s = doc.store();
    ChangeSet c;
    QSet<QString> edges;
    for (const QString &id : edgeIds)
        if (s.edge(id) != GraphStore::None && !edges.contains(id)) {
            edges.insert(id);
            c.edgesRemoved << id;
        }
    for (const QString &id : nodeIds) {
        const GraphStore::Handle h = s.node(id);
        if (h == GraphStore::None || c.nodesRemoved.contains(id))
            continue;
        for (const auto *list : {&s.outEdges(h), &s.inEdges(h)})
            for (const GraphStore::Handle e : *list) {
                const QString &eid = s.edgeAt(e).id;
                if (!edges.contains(eid)) {
                    edges.insert(eid);
                    c.edgesRemoved << eid;
                }
            }
        c.nodesRemoved << id;
    }
    // Data that names a removed node as its subjects or key holder stops naming it.
    if (!c.nodesRemoved.isEmpty()) {
        const QSet<QString> gone(c.nodesRemoved.begin(), c.nodesRemoved.end());
        auto strip = [&](QStringList &subjects, QString &keyHolder) {
            const qsizetype before = subjects.size();
            subjects.removeIf([&](const QString &x) { return gone.contains(x); });
            const bool key = gone.contains(keyHolder);
            if (key)
                keyHolder.clear();
            return key || subjects.size() != before;
        };
        s.forEachEdge([&](int, const Edge &e) {
            if (edges.contains(e.id) || (e.subjects.isEmpty() && e.keyHolder.isEmpty()))
                return;
            Edge copy = e;
            if (strip(copy.subjects, copy.keyHolder))
                c.edgesPut.push_back(std::move(copy));
        });
        s.forEachNode([&](int, const Node &n) {
            if (gone.contains(n.id))
                return;
            Node copy = n;
            bool changed = false;
            for (StoredData &d : copy.stores)
                changed = strip(d.subjects, d.keyHolder) || changed;
            if (changed)
                c.nodesPut.push_back(std::move(copy));
        });
    }
    return c;
}

ChangeSet addNode(const Document &doc, Node node, std::optional<QPointF> pos)
{
    if (node.id.isEmpty())
        node.id = doc.freshNodeId(node.kind);
    ChangeSet c;
    if (pos)
        c.positions.insert(node.id, *pos);
    c.nodesPut.push_back(std::move(node));
    return c;
}

ChangeSet addEdge(const Document &doc, Edge edge)
{
    if (edge.id.isEmpty())
        edge.id = doc.freshEdgeId();
    ChangeSet c;
    c.edgesPut.push_back(std::move(edge));
    return c;
}

ChangeSet replaceNode(const Document &doc, const QString &oldId, Node updated)
{
    Q_UNUSED(doc);
    ChangeSet c;
    if (updated.id != oldId)
        c.nodeRenames.emplace_back(oldId, updated.id);
    c.nodesPut.push_back(std::move(updated));
    return c;
}

ChangeSet replaceEdge(const Document &doc, const QString &oldId, Edge updated)
{
    Q_UNUSED(doc);
    ChangeSet c;
    if (updated.id != oldId)
        c.edgeRenames.emplace_back(oldId, updated.id);
    c.edgesPut.push_back(std::move(updated));
    return c;
}

ChangeSet movePositions(const QHash<QString, QPointF> &positions)
{
    ChangeSet c;
    for (auto it = positions.cbegin(); it != positions.cend(); ++it)
        c.positions.insert(it.key(), *it);
    return c;
}

QString freshScenarioName(const Document &doc, const QString &base)
{
    auto taken = [&](const QString &name) {
        return std::any_of(doc.scenarios().begin(), doc.scenarios().end(),
                           [&](const SavedScenario &s) { return s.name == name; });
    };
    if (base.isEmpty()) {
        for (int n = int(doc.scenarios().size()) + 1;; ++n)
            if (const QString name = QObject::tr("Scenario %1").arg(n); !taken(name))
                return name;
    }
    if (!taken(base))
        return base;
    for (int n = 2;; ++n)
        if (const QString name = QStringLiteral("%1 (%2)").arg(base).arg(n); !taken(name))
            return name;
}

ChangeSet setActiveScenarioQuestion(const Document &doc, const Scenario &question)
{
    ChangeSet c;
    std::vector<SavedScenario> list = doc.scenarios();
    auto it = std::find_if(list.begin(), list.end(),
                           [&](const SavedScenario &s) { return s.name == doc.activeScenarioName(); });
    if (it == list.end()) {
        SavedScenario s;
        s.name = freshScenarioName(doc);
        list.push_back(std::move(s));
        it = list.end() - 1;
    }
    // Named even when unchanged: the undo of this edit makes this scenario active again.
    c.activeScenario = it->name;
    it->breach.clear();
    it->control.clear();
    for (const Seed &seed : question.seeds)
        (seed.mode == Compromise::Breached ? it->breach : it->control) << seed.nodeId;
    it->maxHops = question.maxHops;
    it->potential = question.potential;
    c.scenarios = std::move(list);
    return c;
}

ChangeSet addScenario(const Document &doc, const SavedScenario &scenario)
{
    ChangeSet c;
    std::vector<SavedScenario> list = doc.scenarios();
    list.push_back(scenario);
    c.scenarios = std::move(list);
    c.activeScenario = scenario.name;
    return c;
}

ChangeSet replaceScenario(const Document &doc, const QString &name, const SavedScenario &updated)
{
    ChangeSet c;
    std::vector<SavedScenario> list = doc.scenarios();
    for (SavedScenario &s : list)
        if (s.name == name)
            s = updated;
    c.scenarios = std::move(list);
    if (doc.activeScenarioName() == name && updated.name != name)
        c.activeScenario = updated.name;
    return c;
}

ChangeSet removeScenario(const Document &doc, const QString &name)
{
    ChangeSet c;
    std::vector<SavedScenario> list = doc.scenarios();
    const auto it = std::find_if(list.begin(), list.end(), [&](const SavedScenario &s) { return s.name == name; });
    if (it == list.end())
        return c;
    const std::size_t at = std::size_t(it - list.begin());
    list.erase(it);
    if (doc.activeScenarioName() == name)
        c.activeScenario = list.empty() ? QString() : list[at > 0 ? at - 1 : 0].name;
    c.scenarios = std::move(list);
    return c;
}

ChangeSet activateScenario(const QString &name)
{
    ChangeSet c;
    c.activeScenario = name;
    return c;
}

Model copyFragment(const Document &doc, const QStringList &nodeIds)
{
    const GraphStore &s = doc.store();
    Model m;
    m.name = doc.name();
    QSet<QString> inside, usedCategories;
    for (const QString &id : nodeIds) {
        const GraphStore::Handle h = s.node(id);
        if (h == GraphStore::None || inside.contains(id))
            continue;
        inside.insert(id);
        m.nodes.push_back(s.nodeAt(h));
        if (const auto &p = s.position(h))
            m.layout.insert(id, *p);
        for (const StoredData &st : s.nodeAt(h).stores)
            usedCategories.insert(st.category);
    }
    for (const QString &id : nodeIds) {
        const GraphStore::Handle h = s.node(id);
        if (h == GraphStore::None)
            continue;
        for (const GraphStore::Handle e : s.outEdges(h)) {
            const Edge &edge = s.edgeAt(e);
            if (inside.contains(edge.to)) {
                m.edges.push_back(edge);
                for (const QString &cat : edge.categories)
                    usedCategories.insert(cat);
            }
        }
    }
    for (const CategoryDef &c : doc.categories())
        if (usedCategories.contains(c.id))
            m.categories.push_back(c);
    return m;
}

ChangeSet pasteFragment(const Document &doc, const Model &fragment, QPointF offset, QStringList *newNodeIds)
{
    const GraphStore &s = doc.store();
    ChangeSet c;
    QHash<QString, QString> nodeId;
    QSet<QString> reservedNodes, reservedEdges;
    for (Node n : fragment.nodes) {
        const QString old = n.id;
        if (s.node(n.id) != GraphStore::None || reservedNodes.contains(n.id))
            n.id = doc.freshNodeId(n.kind, reservedNodes);
        reservedNodes.insert(n.id);
        nodeId.insert(old, n.id);
        if (newNodeIds)
            *newNodeIds << n.id;
        c.positions.insert(n.id, fragment.layout.value(old) + offset);
        c.nodesPut.push_back(std::move(n));
    }
    for (Edge e : fragment.edges) {
        if (!nodeId.contains(e.from) || !nodeId.contains(e.to))
            continue;
        e.from = nodeId.value(e.from);
        e.to = nodeId.value(e.to);
        if (s.edge(e.id) != GraphStore::None || reservedEdges.contains(e.id))
            e.id = doc.freshEdgeId(reservedEdges);
        reservedEdges.insert(e.id);
        c.edgesPut.push_back(std::move(e));
    }
    std::vector<CategoryDef> categories = doc.categories();
    bool added = false;
    for (const CategoryDef &cat : fragment.categories)
        if (std::none_of(categories.begin(), categories.end(), [&](const CategoryDef &x) { return x.id == cat.id; })) {
            categories.push_back(cat);
            added = true;
        }
    if (added)
        c.categories = std::move(categories);
    return c;
}

} // namespace vg
