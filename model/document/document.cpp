// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/document/document.h"

#include "model/io/modelfile.h"

#include <QFileInfo>

#include <algorithm>

namespace vg {

namespace {

Taxonomy taxonomyFor(const std::vector<CategoryDef> &categories)
{
    Model m;
    m.categories = categories;
    return Taxonomy::forModel(m);
}

} // namespace

Document::Document(QObject *parent) : QObject(parent), m_taxonomy(Taxonomy::builtIn())
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

Document::~Document()
{
    // Commands refer to the document: drop them before the store goes.
    m_undo.clear();
}

std::shared_ptr<const Model> Document::snapshot() const
{
    if (!m_snapshot) {
        Model m = m_store.toModel();
        m.name = m_name;
        m.organization = m_organization;
        m.categories = m_categories;
        m.scenarios = m_scenarios;
        m.activeScenario = m_activeScenario;
        m_snapshot = std::make_shared<const Model>(std::move(m));
    }
    return m_snapshot;
}

const SavedScenario *Document::activeScenario() const
{
    if (m_activeScenario.isEmpty())
        return nullptr;
    for (const SavedScenario &s : m_scenarios)
        if (s.name == m_activeScenario)
            return &s;
    return nullptr;
}

QString Document::displayName() const
{
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    return m_name.isEmpty() ? tr("Untitled") : m_name;
}

void Document::touch()
{
    m_snapshot.reset();
    ++m_revision;
}

void Document::reset(Model model, const QString &filePath)
{
    m_undo.clear();
    m_name = model.name;
    m_organization = model.organization;
    m_categories = model.categories;
    m_scenarios = std::move(model.scenarios);
    m_activeScenario = std::move(model.activeScenario);
    m_taxonomy = taxonomyFor(m_categories);
    m_store.reset(std::move(model));
    touch();
    ++m_contentRevision;
    m_filePath = filePath;
    Q_EMIT modelReset();
    Q_EMIT filePathChanged(m_filePath);
    Q_EMIT modifiedChanged(false);
}

Status Document::open(const QString &path)
{
    Expected<Model> m = loadModel(path);
    if (!m)
        return m.error();
    reset(std::move(*m), QFileInfo(path).absoluteFilePath());
    return Done{};
}

Status Document::saveAs(const QString &path)
{
    Status s = saveModel(*snapshot(), path);
    if (!s)
        return s;
    markSaved(path);
    return s;
}

void Document::markSaved(const QString &path)
{
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_undo.setClean();
    Q_EMIT filePathChanged(m_filePath);
}

void Document::setActiveScenario(const QString &name)
{
    if (name == m_activeScenario
        || std::none_of(m_scenarios.begin(), m_scenarios.end(), [&](const SavedScenario &s) { return s.name == name; }))
        return;
    touch();
    m_activeScenario = name;
    Q_EMIT scenariosChanged();
}

ChangeSet Document::apply(const ChangeSet &c)
{
    ChangeSet inv;
    const std::vector<SavedScenario> scenariosBefore = m_scenarios;
    const QString activeBefore = m_activeScenario;
    touch();
    if (c.changesAnalysis())
        ++m_contentRevision;
    // 1. Edges removed.
    for (const QString &id : c.edgesRemoved) {
        const GraphStore::Handle h = m_store.edge(id);
        if (h == GraphStore::None)
            continue;
        Q_EMIT edgeAboutToBeRemoved(id);
        inv.edgesPut.push_back(m_store.edgeAt(h));
        m_store.eraseEdge(h);
        Q_EMIT edgeRemoved(id);
    }
    // 2. Nodes removed, with their positions.
    for (const QString &id : c.nodesRemoved) {
        const GraphStore::Handle h = m_store.node(id);
        if (h == GraphStore::None)
            continue;
        Q_ASSERT(m_store.outEdges(h).empty() && m_store.inEdges(h).empty());
        Q_EMIT nodeAboutToBeRemoved(id);
        inv.nodesPut.push_back(m_store.nodeAt(h));
        if (const auto &p = m_store.position(h))
            inv.positions.insert(id, *p);
        m_store.eraseNode(h);
        for (SavedScenario &sc : m_scenarios) {
            sc.breach.removeAll(id);
            sc.control.removeAll(id);
        }
        Q_EMIT nodeRemoved(id);
    }
    // 3. Renames; edges follow their nodes.
    for (const auto &[from, to] : c.nodeRenames) {
        const GraphStore::Handle h = m_store.node(from);
        if (h == GraphStore::None || from == to)
            continue;
        m_store.renameNode(h, to);
        for (SavedScenario &sc : m_scenarios)
            for (QStringList *seeds : {&sc.breach, &sc.control})
                for (QString &seed : *seeds)
                    if (seed == from)
                        seed = to;
        inv.nodeRenames.insert(inv.nodeRenames.begin(), {to, from});
        Q_EMIT nodeRenamed(from, to);
        for (const auto *list : {&m_store.outEdges(h), &m_store.inEdges(h)})
            for (const GraphStore::Handle e : *list)
                Q_EMIT edgeChanged(m_store.edgeAt(e).id);
        // Data that names the node (subjects, key holders) follows too.
        std::vector<GraphStore::Handle> nodes, edges;
        m_store.renameReferences(from, to, &nodes, &edges);
        for (const GraphStore::Handle n : nodes)
            Q_EMIT nodeChanged(m_store.nodeAt(n).id);
        for (const GraphStore::Handle e : edges)
            Q_EMIT edgeChanged(m_store.edgeAt(e).id);
    }
    for (const auto &[from, to] : c.edgeRenames) {
        const GraphStore::Handle h = m_store.edge(from);
        if (h == GraphStore::None || from == to)
            continue;
        m_store.renameEdge(h, to);
        inv.edgeRenames.insert(inv.edgeRenames.begin(), {to, from});
        Q_EMIT edgeRenamed(from, to);
    }
    // The inverse renames back before it puts: what it records after this point uses the
    // ids from before the renames.
    QHash<QString, QString> renamedNodes, renamedEdges; // new id -> old id
    for (const auto &[from, to] : c.nodeRenames)
        renamedNodes.insert(to, from);
    for (const auto &[from, to] : c.edgeRenames)
        renamedEdges.insert(to, from);
    auto oldNodeId = [&](const QString &id) { return renamedNodes.value(id, id); };
    auto oldEdgeId = [&](const QString &id) { return renamedEdges.value(id, id); };
    // 4-5. Items put: added, or replaced by id.
    for (const Node &n : c.nodesPut) {
        const GraphStore::Handle h = m_store.node(n.id);
        if (h == GraphStore::None) {
            m_store.insertNode(n);
            inv.nodesRemoved << n.id;
            Q_EMIT nodeAdded(n.id);
        } else {
            inv.nodesPut.push_back(m_store.nodeAt(h));
            inv.nodesPut.back().id = oldNodeId(n.id);
            m_store.replaceNode(h, n);
            Q_EMIT nodeChanged(n.id);
        }
    }
    for (const Edge &e : c.edgesPut) {
        const GraphStore::Handle h = m_store.edge(e.id);
        if (h == GraphStore::None) {
            m_store.insertEdge(e);
            inv.edgesRemoved << e.id;
            Q_EMIT edgeAdded(e.id);
        } else {
            Edge old = m_store.edgeAt(h);
            old.id = oldEdgeId(old.id);
            old.from = oldNodeId(old.from);
            old.to = oldNodeId(old.to);
            inv.edgesPut.push_back(std::move(old));
            m_store.replaceEdge(h, e);
            Q_EMIT edgeChanged(e.id);
        }
    }
    // 6. Positions.
    if (!c.positions.isEmpty()) {
        QStringList moved;
        for (auto it = c.positions.cbegin(); it != c.positions.cend(); ++it) {
            const GraphStore::Handle h = m_store.node(it.key());
            if (h == GraphStore::None)
                continue;
            if (!inv.positions.contains(it.key()) && !inv.nodesRemoved.contains(it.key()))
                inv.positions.insert(oldNodeId(it.key()), m_store.position(h));
            m_store.setPosition(h, *it);
            moved << it.key();
        }
        if (!moved.isEmpty())
            Q_EMIT positionsMoved(moved);
    }
    // 7. Model-wide values.
    if (c.name) {
        inv.name = m_name;
        m_name = *c.name;
    }
    if (c.organization) {
        inv.organization = m_organization;
        m_organization = *c.organization;
        Q_EMIT organizationChanged();
    }
    if (c.categories) {
        inv.categories = m_categories;
        m_categories = *c.categories;
        m_taxonomy = taxonomyFor(m_categories);
        Q_EMIT categoriesChanged();
    }
    // 8. Scenarios. The inverse restores them whole, with the ids from before the edit (its
    // renames run first and are then overwritten).
    if (c.scenarios)
        m_scenarios = *c.scenarios;
    if (c.activeScenario)
        m_activeScenario = *c.activeScenario;
    if (m_scenarios != scenariosBefore)
        inv.scenarios = scenariosBefore;
    // An edit that names the active scenario gets it back on undo, even if it did not change
    // it: undoing a mark shows the scenario it was made in.
    if (m_activeScenario != activeBefore || c.activeScenario)
        inv.activeScenario = activeBefore;
    if (inv.scenarios || inv.activeScenario)
        Q_EMIT scenariosChanged();
    Q_EMIT changeApplied(c);
    return inv;
}

QString Document::freshId(const QString &prefix, const QSet<QString> &alsoTaken, bool node) const
{
    for (qint64 n = 1;; ++n) {
        const QString id = prefix + QString::number(n);
        const bool taken = node ? m_store.node(id) != GraphStore::None : m_store.edge(id) != GraphStore::None;
        if (!taken && !alsoTaken.contains(id))
            return id;
    }
}

QString Document::freshNodeId(NodeKind kind, const QSet<QString> &alsoTaken) const
{
    return freshId(toString(kind) + QLatin1Char('-'), alsoTaken, true);
}

QString Document::freshEdgeId(const QSet<QString> &alsoTaken) const
{
    return freshId(QStringLiteral("e-"), alsoTaken, false);
}

} // namespace vg
