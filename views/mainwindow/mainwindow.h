// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/dialogs/prompter.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace vg {

class Document;
class EdgeTableModel;
class NodeTableModel;

// The desktop app's window: the document's nodes and edges, the File and Edit menus.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    // prompter: the dialogs to use; the real ones when null. The window owns it.
    explicit MainWindow(std::unique_ptr<Prompter> prompter = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens path, or else the most recent file that still exists, or else the bundled sample.
    void openInitial(const QString &path);

    Document *document() const { return m_doc; }
    QTableView *nodeView() const { return m_nodeView; }
    QTableView *edgeView() const { return m_edgeView; }
    QStringList recentFiles() const;

    // The File menu's actions, callable from tests. Each returns false when nothing happened
    // (cancelled or failed); a failure has been shown to the user.
    bool newDocument();
    bool openFile(const QString &path);
    bool open();
    bool save();
    bool saveAs();
    void openSample();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    bool maybeSave();
    bool saveTo(const QString &path);
    void addRecent(const QString &path);
    void rebuildRecentMenu();
    void updateTitle();
    void updateStatus();
    void createActions();

    std::unique_ptr<Prompter> m_prompter;
    Document *m_doc;
    NodeTableModel *m_nodes;
    EdgeTableModel *m_edges;
    QSortFilterProxyModel *m_nodeProxy;
    QSortFilterProxyModel *m_edgeProxy;
    QTabWidget *m_tabs;
    QTableView *m_nodeView;
    QTableView *m_edgeView;
    QLineEdit *m_filter;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_counts;
};

} // namespace vg
