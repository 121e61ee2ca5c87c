// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace vg {

class Document;
class ModelBrowserModel;
class Selection;

// The model browser: nodes grouped by kind, with search as you type over names and ids.
// Selecting here selects everywhere; a double-click (or Enter) asks to reveal the node.
class ModelBrowser final : public QWidget {
    Q_OBJECT
public:
    ModelBrowser(Document *doc, Selection *selection, QWidget *parent = nullptr);
    QLineEdit *searchBox() const { return m_search; }
    QTreeView *tree() const { return m_tree; }

Q_SIGNALS:
    void revealRequested(const QString &nodeId);

private:
    void pushSelection();
    void pullSelection();

    Selection *m_selection;
    ModelBrowserModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QTreeView *m_tree;
    bool m_syncing = false;
};

} // namespace vg
