// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/panels/tablespanel.h"

#include "model/document/document.h"
#include "model/document/selection.h"
#include "model/itemmodels/edgetablemodel.h"
#include "model/itemmodels/nodetablemodel.h"
#include "views/panels/naturalsortproxymodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace vg {

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSortingEnabled(true);
    view->sortByColumn(0, Qt::AscendingOrder);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                          | QAbstractItemView::AnyKeyPressed);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->setWordWrap(false);
    return view;
}

} // namespace

TablesPanel::TablesPanel(Document *doc, Selection *selection, QWidget *parent)
    : QWidget(parent), m_selection(selection), m_nodes(new NodeTableModel(doc, this)),
      m_edges(new EdgeTableModel(doc, this)), m_nodeProxy(new NaturalSortProxyModel(this)),
      m_edgeProxy(new NaturalSortProxyModel(this)), m_filter(new QLineEdit(this)), m_tabs(new QTabWidget(this))
{
    m_nodeProxy->setSourceModel(m_nodes);
    m_edgeProxy->setSourceModel(m_edges);
    m_filter->setPlaceholderText(tr("Filter nodes and edges (id, name, category, ...)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_nodeProxy->setFilterFixedString(text);
        m_edgeProxy->setFilterFixedString(text);
    });
    m_nodeView = makeTable(m_nodeProxy, m_tabs);
    m_edgeView = makeTable(m_edgeProxy, m_tabs);
    m_nodeView->setAccessibleName(tr("Node table"));
    m_edgeView->setAccessibleName(tr("Edge table"));
    m_tabs->addTab(m_nodeView, tr("&Nodes"));
    m_tabs->addTab(m_edgeView, tr("&Edges"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filter);
    layout->addWidget(m_tabs);
    connect(m_nodeView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { pushSelection(false); });
    connect(m_edgeView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { pushSelection(true); });
    connect(selection, &Selection::changed, this, &TablesPanel::pullSelection);
    connect(m_nodeView, &QTableView::doubleClicked, this, [this](const QModelIndex &i) {
        if (!(i.flags() & Qt::ItemIsEditable))
            Q_EMIT revealRequested(i.data(Qt::UserRole).toString(), QString());
    });
    connect(m_edgeView, &QTableView::doubleClicked, this,
            [this](const QModelIndex &i) { Q_EMIT revealRequested(QString(), i.data(Qt::UserRole).toString()); });
    connect(doc, &Document::modelReset, this, &TablesPanel::fitColumns);
}

void TablesPanel::fitColumns()
{
    for (QTableView *v : {m_nodeView, m_edgeView}) {
        if (v->model()->rowCount() > 5000) // measuring every row of a large model takes seconds
            continue;
        v->resizeColumnsToContents();
        for (int c = 0; c < v->model()->columnCount(); ++c)
            v->setColumnWidth(c, std::min(v->columnWidth(c), 320));
    }
}

void TablesPanel::pushSelection(bool edges)
{
    if (m_syncing)
        return;
    QTableView *view = edges ? m_edgeView : m_nodeView;
    QStringList ids;
    for (const QModelIndex &i : view->selectionModel()->selectedRows())
        ids << i.data(Qt::UserRole).toString();
    m_syncing = true;
    if (edges)
        m_selection->set({}, ids);
    else
        m_selection->set(ids, {});
    m_syncing = false;
}

void TablesPanel::pullSelection()
{
    if (m_syncing)
        return;
    m_syncing = true;
    auto apply = [](QTableView *view, QSortFilterProxyModel *proxy, auto rowOf, const QStringList &ids,
                    const QString &current) {
        QItemSelection sel;
        const int last = proxy->columnCount() - 1;
        for (const QString &id : ids) {
            const QModelIndex i = proxy->mapFromSource(proxy->sourceModel()->index(rowOf(id), 0));
            if (i.isValid())
                sel.select(i, i.siblingAtColumn(last));
        }
        view->selectionModel()->select(sel, QItemSelectionModel::ClearAndSelect);
        if (!current.isEmpty()) {
            const QModelIndex cur = proxy->mapFromSource(proxy->sourceModel()->index(rowOf(current), 0));
            if (cur.isValid())
                view->scrollTo(cur);
        }
    };
    apply(
        m_nodeView, m_nodeProxy, [this](const QString &id) { return m_nodes->rowOf(id); }, m_selection->nodes(),
        m_selection->currentNode());
    apply(
        m_edgeView, m_edgeProxy, [this](const QString &id) { return m_edges->rowOf(id); }, m_selection->edges(),
        m_selection->currentEdge());
    m_syncing = false;
}

} // namespace vg
