// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSet>
#include <QStringList>

namespace vg {

class Document;

// What the user has selected, shared by the canvas, the browser, the tables and the
// inspector: selecting in one selects everywhere. Follows the document: removed items leave
// the selection, renamed ones keep their place. Emits changed() once per actual change; the
// views that react set it without echo because equal sets are ignored.
class Selection final : public QObject {
    Q_OBJECT
public:
    explicit Selection(Document *doc, QObject *parent = nullptr);

    const QStringList &nodes() const { return m_nodes; }
    const QStringList &edges() const { return m_edges; }
    bool isEmpty() const { return m_nodes.isEmpty() && m_edges.isEmpty(); }
    bool containsNode(const QString &id) const { return m_nodeSet.contains(id); }
    bool containsEdge(const QString &id) const { return m_edgeSet.contains(id); }
    // The item the inspector shows: the last one selected.
    QString currentNode() const { return m_current.second ? QString() : m_current.first; }
    QString currentEdge() const { return m_current.second ? m_current.first : QString(); }

    void set(const QStringList &nodes, const QStringList &edges);
    void selectNode(const QString &id) { set({id}, {}); }
    void selectEdge(const QString &id) { set({}, {id}); }
    void clear() { set({}, {}); }

Q_SIGNALS:
    void changed();

private:
    void drop(const QString &id, bool edge);
    void rename(const QString &from, const QString &to, bool edge);

    QStringList m_nodes, m_edges;
    QSet<QString> m_nodeSet, m_edgeSet;
    std::pair<QString, bool> m_current; // id, is an edge
};

} // namespace vg
