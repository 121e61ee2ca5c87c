// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/panels/modelbrowser.h"

#include "model/document/selection.h"
#include "model/itemmodels/modelbrowsermodel.h"
#include "views/panels/naturalsortproxymodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

namespace vg {

ModelBrowser::ModelBrowser(Document *doc, Selection *selection, QWidget *parent)
    : QWidget(parent), m_selection(selection), m_model(new ModelBrowserModel(doc, this)),
      m_proxy(new NaturalSortProxyModel(this)), m_search(new QLineEdit(this)), m_tree(new QTreeView(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_search->setPlaceholderText(tr("Search nodes by name or id"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the model browser"));
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(0, Qt::AscendingOrder);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setAccessibleName(tr("Nodes by kind"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_search);
    layout->addWidget(m_tree);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_proxy->setFilterFixedString(t);
        m_tree->expandAll();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ModelBrowser::pushSelection);
    connect(selection, &Selection::changed, this, &ModelBrowser::pullSelection);
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &i) {
        const QString id = i.data(Qt::UserRole).toString();
        if (!id.isEmpty())
            Q_EMIT revealRequested(id);
    });
    connect(m_model, &QAbstractItemModel::modelReset, m_tree, &QTreeView::expandAll);
    m_tree->expandAll();
}

void ModelBrowser::pushSelection()
{
    if (m_syncing)
        return;
    QStringList nodes;
    for (const QModelIndex &i : m_tree->selectionModel()->selectedRows())
        if (const QString id = i.data(Qt::UserRole).toString(); !id.isEmpty())
            nodes << id;
    m_syncing = true;
    m_selection->set(nodes, {});
    m_syncing = false;
}

void ModelBrowser::pullSelection()
{
    if (m_syncing)
        return;
    m_syncing = true;
    QItemSelection sel;
    for (const QString &id : m_selection->nodes()) {
        const QModelIndex i = m_proxy->mapFromSource(m_model->indexOf(id));
        if (i.isValid())
            sel.select(i, i.siblingAtColumn(m_proxy->columnCount() - 1));
    }
    m_tree->selectionModel()->select(sel, QItemSelectionModel::ClearAndSelect);
    if (!m_selection->currentNode().isEmpty()) {
        const QModelIndex cur = m_proxy->mapFromSource(m_model->indexOf(m_selection->currentNode()));
        if (cur.isValid())
            m_tree->scrollTo(cur);
    }
    m_syncing = false;
}

} // namespace vg
