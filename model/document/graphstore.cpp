// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/document/graphstore.h"

#include <algorithm>

namespace vg {

void GraphStore::reset(Model model)
{
    *this = GraphStore(); // everything changed
    const std::size_t n = model.nodes.size(), e = model.edges.size();
    m_nodes = std::move(model.nodes);
    m_nodeAlive.assign(n, 1);
    m_pos.assign(n, std::nullopt);
    m_out.assign(n, {});
    m_in.assign(n, {});
    m_nodeIndex.reserve(qsizetype(n));
    for (std::size_t i = 0; i < n; ++i) {
        m_nodeIndex.insert(m_nodes[i].id, Handle(i));
        const auto it = model.layout.constFind(m_nodes[i].id);
        if (it != model.layout.cend())
            m_pos[i] = *it;
    }
    m_edges = std::move(model.edges);
    m_edgeAlive.assign(e, 1);
    m_edgeEnds.assign(e, {None, None});
    m_edgeIndex.reserve(qsizetype(e));
    for (std::size_t i = 0; i < e; ++i) {
        m_edgeIndex.insert(m_edges[i].id, Handle(i));
        link(Handle(i));
    }
}

Model GraphStore::toModel() const
{
    Model m;
    m.nodes.reserve(std::size_t(nodeCount()));
    m.edges.reserve(std::size_t(edgeCount()));
    forEachNode([&](Handle h, const Node &n) {
        m.nodes.push_back(n);
        if (m_pos[std::size_t(h)])
            m.layout.insert(n.id, *m_pos[std::size_t(h)]);
    });
    forEachEdge([&](Handle, const Edge &e) { m.edges.push_back(e); });
    return m;
}

GraphStore::Handle GraphStore::insertNode(Node n)
{
    Handle h;
    if (!m_freeNodes.empty()) {
        h = m_freeNodes.back();
        m_freeNodes.pop_back();
        m_nodes[std::size_t(h)] = std::move(n);
        m_nodeAlive[std::size_t(h)] = 1;
        m_pos[std::size_t(h)].reset();
    } else {
        h = nodeSlots();
        m_nodes.push_back(std::move(n));
        m_nodeAlive.push_back(1);
        m_pos.emplace_back();
        m_out.emplace_back();
        m_in.emplace_back();
    }
    m_nodeIndex.insert(m_nodes[std::size_t(h)].id, h);
    touchNode(h);
    return h;
}

void GraphStore::eraseNode(Handle h)
{
    Q_ASSERT(m_out[std::size_t(h)].empty() && m_in[std::size_t(h)].empty());
    m_nodeIndex.remove(m_nodes[std::size_t(h)].id);
    m_nodes[std::size_t(h)] = Node();
    m_nodeAlive[std::size_t(h)] = 0;
    m_pos[std::size_t(h)].reset();
    m_freeNodes.push_back(h);
    touchNode(h);
}

void GraphStore::replaceNode(Handle h, Node n)
{
    Q_ASSERT(n.id == m_nodes[std::size_t(h)].id);
    m_nodes[std::size_t(h)] = std::move(n);
    touchNode(h);
}

void GraphStore::renameNode(Handle h, const QString &newId)
{
    Node &n = m_nodes[std::size_t(h)];
    m_nodeIndex.remove(n.id);
    n.id = newId;
    m_nodeIndex.insert(newId, h);
    for (const Handle e : m_out[std::size_t(h)]) {
        m_edges[std::size_t(e)].from = newId;
        touchEdge(e);
    }
    for (const Handle e : m_in[std::size_t(h)]) {
        m_edges[std::size_t(e)].to = newId;
        touchEdge(e);
    }
    touchNode(h);
}

void GraphStore::renameReferences(const QString &from, const QString &to, std::vector<Handle> *nodes,
                                  std::vector<Handle> *edges)
{
    auto fix = [&](QStringList &subjects, QString &keyHolder) {
        bool changed = false;
        for (QString &s : subjects)
            if (s == from) {
                s = to;
                changed = true;
            }
        if (keyHolder == from) {
            keyHolder = to;
            changed = true;
        }
        return changed;
    };
    for (Handle h = 0; h < edgeSlots(); ++h)
        if (m_edgeAlive[std::size_t(h)]) {
            Edge &e = m_edges[std::size_t(h)];
            if (fix(e.subjects, e.keyHolder)) {
                edges->push_back(h);
                touchEdge(h);
            }
        }
    for (Handle h = 0; h < nodeSlots(); ++h)
        if (m_nodeAlive[std::size_t(h)]) {
            bool changed = false;
            for (StoredData &d : m_nodes[std::size_t(h)].stores)
                changed = fix(d.subjects, d.keyHolder) || changed;
            if (changed) {
                nodes->push_back(h);
                touchNode(h);
            }
        }
}

GraphStore::Handle GraphStore::insertEdge(Edge e)
{
    Handle h;
    if (!m_freeEdges.empty()) {
        h = m_freeEdges.back();
        m_freeEdges.pop_back();
        m_edges[std::size_t(h)] = std::move(e);
        m_edgeAlive[std::size_t(h)] = 1;
    } else {
        h = edgeSlots();
        m_edges.push_back(std::move(e));
        m_edgeAlive.push_back(1);
        m_edgeEnds.emplace_back(None, None);
    }
    m_edgeIndex.insert(m_edges[std::size_t(h)].id, h);
    link(h);
    touchEdge(h);
    return h;
}

void GraphStore::eraseEdge(Handle h)
{
    unlink(h);
    m_edgeIndex.remove(m_edges[std::size_t(h)].id);
    m_edges[std::size_t(h)] = Edge();
    m_edgeAlive[std::size_t(h)] = 0;
    m_freeEdges.push_back(h);
    touchEdge(h);
}

void GraphStore::replaceEdge(Handle h, Edge e)
{
    Q_ASSERT(e.id == m_edges[std::size_t(h)].id);
    const bool moved = e.from != m_edges[std::size_t(h)].from || e.to != m_edges[std::size_t(h)].to;
    if (moved)
        unlink(h);
    m_edges[std::size_t(h)] = std::move(e);
    if (moved)
        link(h);
    touchEdge(h);
}

void GraphStore::renameEdge(Handle h, const QString &newId)
{
    Edge &e = m_edges[std::size_t(h)];
    m_edgeIndex.remove(e.id);
    e.id = newId;
    m_edgeIndex.insert(newId, h);
    touchEdge(h);
}

void GraphStore::touchNode(Handle h)
{
    if (m_allChanged)
        return;
    if (m_nodeTouched.size() <= std::size_t(h))
        m_nodeTouched.resize(std::size_t(h) + 1, 0);
    if (!m_nodeTouched[std::size_t(h)]) {
        m_nodeTouched[std::size_t(h)] = 1;
        m_touchedNodes.push_back(h);
    }
}

void GraphStore::touchEdge(Handle h)
{
    if (m_allChanged)
        return;
    if (m_edgeTouched.size() <= std::size_t(h))
        m_edgeTouched.resize(std::size_t(h) + 1, 0);
    if (!m_edgeTouched[std::size_t(h)]) {
        m_edgeTouched[std::size_t(h)] = 1;
        m_touchedEdges.push_back(h);
    }
}

GraphStore::Changes GraphStore::takeChanges()
{
    Changes c;
    c.all = m_allChanged;
    if (!c.all) {
        c.nodes = std::move(m_touchedNodes);
        c.edges = std::move(m_touchedEdges);
        std::sort(c.nodes.begin(), c.nodes.end());
        std::sort(c.edges.begin(), c.edges.end());
    }
    m_allChanged = false;
    m_touchedNodes.clear();
    m_touchedEdges.clear();
    m_nodeTouched.assign(m_nodeTouched.size(), 0);
    m_edgeTouched.assign(m_edgeTouched.size(), 0);
    return c;
}

void GraphStore::link(Handle e)
{
    const Edge &edge = m_edges[std::size_t(e)];
    const Handle a = node(edge.from), b = node(edge.to);
    m_edgeEnds[std::size_t(e)] = {a, b};
    if (a != None)
        m_out[std::size_t(a)].push_back(e);
    if (b != None)
        m_in[std::size_t(b)].push_back(e);
}

void GraphStore::unlink(Handle e)
{
    auto drop = [e](std::vector<Handle> &v) { v.erase(std::find(v.begin(), v.end(), e)); };
    const auto [a, b] = m_edgeEnds[std::size_t(e)];
    if (a != None)
        drop(m_out[std::size_t(a)]);
    if (b != None)
        drop(m_in[std::size_t(b)]);
    m_edgeEnds[std::size_t(e)] = {None, None};
}

} // namespace vg
