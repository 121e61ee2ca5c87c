// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/model.h"

#include <QHash>

#include <optional>
#include <vector>

namespace vg {

// The live document's indexed store: nodes and edges in slots addressed by stable handles
// (a handle stays valid until its item is removed), the string id as a unique key, in- and
// out-adjacency kept current on every change, and node positions. Model stays the plain
// exchange value; toModel() makes one. Not thread-safe; the Document owns it.
class GraphStore final {
public:
    using Handle = int;
    static constexpr Handle None = -1;

    void reset(Model model);
    // The whole store as a plain Model (nodes and edges in slot order, positions as layout).
    Model toModel() const;

    int nodeCount() const { return int(m_nodeIndex.size()); }
    int edgeCount() const { return int(m_edgeIndex.size()); }
    Handle node(const QString &id) const { return m_nodeIndex.value(id, None); }
    Handle edge(const QString &id) const { return m_edgeIndex.value(id, None); }
    const Node &nodeAt(Handle h) const { return m_nodes[std::size_t(h)]; }
    const Edge &edgeAt(Handle h) const { return m_edges[std::size_t(h)]; }
    const Node *findNode(const QString &id) const
    {
        const Handle h = node(id);
        return h == None ? nullptr : &nodeAt(h);
    }
    const Edge *findEdge(const QString &id) const
    {
        const Handle h = edge(id);
        return h == None ? nullptr : &edgeAt(h);
    }
    Handle edgeFrom(Handle e) const { return m_edgeEnds[std::size_t(e)].first; }
    Handle edgeTo(Handle e) const { return m_edgeEnds[std::size_t(e)].second; }
    // Edge handles out of and into a node, in insertion order.
    const std::vector<Handle> &outEdges(Handle n) const { return m_out[std::size_t(n)]; }
    const std::vector<Handle> &inEdges(Handle n) const { return m_in[std::size_t(n)]; }
    const std::optional<QPointF> &position(Handle n) const { return m_pos[std::size_t(n)]; }
    // One past the largest handle ever used: iterate handles below it with isNode/isEdge.
    Handle nodeSlots() const { return Handle(m_nodes.size()); }
    Handle edgeSlots() const { return Handle(m_edges.size()); }
    bool isNode(Handle h) const { return h >= 0 && h < nodeSlots() && m_nodeAlive[std::size_t(h)]; }
    bool isEdge(Handle h) const { return h >= 0 && h < edgeSlots() && m_edgeAlive[std::size_t(h)]; }
    template <typename F>
    void forEachNode(F f) const
    {
        for (Handle h = 0; h < nodeSlots(); ++h)
            if (m_nodeAlive[std::size_t(h)])
                f(h, m_nodes[std::size_t(h)]);
    }
    template <typename F>
    void forEachEdge(F f) const
    {
        for (Handle h = 0; h < edgeSlots(); ++h)
            if (m_edgeAlive[std::size_t(h)])
                f(h, m_edges[std::size_t(h)]);
    }

    // Low-level changes; the caller keeps the model consistent (ids unique, edges name live
    // nodes, a node is erased only without edges). Document::apply() is the only caller.
    Handle insertNode(Node n);
    void eraseNode(Handle h);
    void replaceNode(Handle h, Node n); // same id
    void renameNode(Handle h, const QString &newId); // edges follow
    // Renames a node id where data refers to it (subjects, key holders); returns the handles
    // of the edges and nodes changed.
    void renameReferences(const QString &from, const QString &to, std::vector<Handle> *nodes,
                          std::vector<Handle> *edges);
    Handle insertEdge(Edge e);
    void eraseEdge(Handle h);
    void replaceEdge(Handle h, Edge e); // same id; endpoints may change
    void renameEdge(Handle h, const QString &newId);
    void setPosition(Handle n, std::optional<QPointF> p) { m_pos[std::size_t(n)] = p; }

    // The slots whose node or edge changed (added, replaced, renamed, erased; not positions)
    // since the last call, for one consumer that keeps a replica (the analysis copies only
    // these instead of the whole model). all: everything changed (a reset, or never taken).
    struct Changes {
        bool all = false;
        std::vector<Handle> nodes, edges;
    };
    Changes takeChanges();

private:
    void link(Handle e);
    void unlink(Handle e);
    void touchNode(Handle h);
    void touchEdge(Handle h);

    std::vector<Node> m_nodes;
    std::vector<char> m_nodeAlive;
    std::vector<Handle> m_freeNodes;
    std::vector<std::optional<QPointF>> m_pos;
    std::vector<std::vector<Handle>> m_out, m_in;
    std::vector<Edge> m_edges;
    std::vector<char> m_edgeAlive;
    std::vector<Handle> m_freeEdges;
    std::vector<std::pair<Handle, Handle>> m_edgeEnds;
    QHash<QString, Handle> m_nodeIndex, m_edgeIndex;
    bool m_allChanged = true;
    std::vector<char> m_nodeTouched, m_edgeTouched;
    std::vector<Handle> m_touchedNodes, m_touchedEdges;
};

} // namespace vg
