// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/document/selection.h"

#include "model/document/document.h"

namespace vg {

Selection::Selection(Document *doc, QObject *parent) : QObject(parent)
{
    connect(doc, &Document::modelReset, this, &Selection::clear);
    connect(doc, &Document::nodeAboutToBeRemoved, this, [this](const QString &id) { drop(id, false); });
    connect(doc, &Document::edgeAboutToBeRemoved, this, [this](const QString &id) { drop(id, true); });
    connect(doc, &Document::nodeRenamed, this, [this](const QString &a, const QString &b) { rename(a, b, false); });
    connect(doc, &Document::edgeRenamed, this, [this](const QString &a, const QString &b) { rename(a, b, true); });
}

void Selection::set(const QStringList &nodes, const QStringList &edges)
{
    const QSet<QString> n(nodes.begin(), nodes.end()), e(edges.begin(), edges.end());
    // The current item stays while it is selected (adding to a selection); otherwise it is
    // the last node named, or else the last edge.
    std::pair<QString, bool> current;
    if (!m_current.first.isEmpty() && (m_current.second ? e.contains(m_current.first) : n.contains(m_current.first)))
        current = m_current;
    else if (!nodes.isEmpty())
        current = {nodes.last(), false};
    else if (!edges.isEmpty())
        current = {edges.last(), true};
    if (n == m_nodeSet && e == m_edgeSet && current == m_current)
        return;
    m_nodes = QStringList(n.begin(), n.end());
    m_edges = QStringList(e.begin(), e.end());
    m_nodes.sort();
    m_edges.sort();
    m_nodeSet = n;
    m_edgeSet = e;
    m_current = current;
    Q_EMIT changed();
}

void Selection::drop(const QString &id, bool edge)
{
    if (edge ? !m_edgeSet.contains(id) : !m_nodeSet.contains(id))
        return;
    QStringList nodes = m_nodes, edges = m_edges;
    (edge ? edges : nodes).removeAll(id);
    if (m_current == std::pair<QString, bool>{id, edge})
        m_current = {};
    set(nodes, edges);
}

void Selection::rename(const QString &from, const QString &to, bool edge)
{
    if (edge ? !m_edgeSet.contains(from) : !m_nodeSet.contains(from))
        return;
    QStringList nodes = m_nodes, edges = m_edges;
    QStringList &list = edge ? edges : nodes;
    list.replace(list.indexOf(from), to);
    if (m_current == std::pair<QString, bool>{from, edge})
        m_current = {to, edge};
    set(nodes, edges);
}

} // namespace vg
