// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace vg {

class Document;
class EdgeTableModel;
class NodeTableModel;
class Selection;

// The node and edge tables, with a filter over every column. Rows selected here are
// selected everywhere; a double-click asks to reveal the item on the canvas.
class TablesPanel final : public QWidget {
    Q_OBJECT
public:
    TablesPanel(Document *doc, Selection *selection, QWidget *parent = nullptr);
    QTableView *nodeView() const { return m_nodeView; }
    QTableView *edgeView() const { return m_edgeView; }
    QLineEdit *filterBox() const { return m_filter; }
    QTabWidget *tabs() const { return m_tabs; }
    void fitColumns();

Q_SIGNALS:
    void revealRequested(const QString &nodeId, const QString &edgeId);

private:
    void pushSelection(bool edges);
    void pullSelection();

    Selection *m_selection;
    NodeTableModel *m_nodes;
    EdgeTableModel *m_edges;
    QSortFilterProxyModel *m_nodeProxy, *m_edgeProxy;
    QLineEdit *m_filter;
    QTabWidget *m_tabs;
    QTableView *m_nodeView, *m_edgeView;
    bool m_syncing = false;
};

} // namespace vg
