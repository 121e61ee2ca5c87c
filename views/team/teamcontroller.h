// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/team/teamprompter.h"

#include <QObject>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMainWindow;
class QMenu;

namespace vg {

class Document;
class HistoryPanel;
class TeamSession;

// The team features of a main window, installed with one call:
//
//     TeamController::install(window, document, fileMenu);
//
// It adds to fileMenu: Connect to Team Model…, Publish to Team Model…, Save a Copy As…,
// Resolve Conflicts…, Disconnect from Team Model; a permanent status-bar label with the server,
// the model and the connection state; the window title while connected ("model — server");
// and a History dock (View menu: its toggleViewAction()). It asks before the window closes
// while edits are queued. The controller is a child of the window.
class TeamController final : public QObject {
    Q_OBJECT
public:
    // The actions go before insertBefore (e.g. Quit), or at the end when it is null. prompter:
    // the dialogs to use; the real ones when null.
    static TeamController *install(QMainWindow *window, Document *doc, QMenu *fileMenu, QAction *insertBefore = nullptr,
                                   std::unique_ptr<TeamPrompter> prompter = nullptr);

    // Whether the document is a team model now: its edits are saved on the server as they are
    // made, so File ▸ Save has nothing to do (Save a Copy As… writes a file).
    bool isTeamDocument() const;

    TeamSession *session() const { return m_session; }
    HistoryPanel *historyPanel() const { return m_history; }
    QDockWidget *historyDock() const { return m_dock; }
    QLabel *statusLabel() const { return m_status; }
    QAction *connectAction() const { return m_connect; }
    QAction *publishAction() const { return m_publish; }
    QAction *saveCopyAction() const { return m_saveCopy; }
    QAction *resolveAction() const { return m_resolve; }
    QAction *disconnectAction() const { return m_disconnect; }
    // The URLs connected to before (display form: never a password).
    QStringList recentUrls() const;

    // The menu actions, callable from tests; each returns false when nothing happened (cancelled
    // or failed; a failure has been shown). An empty url asks for one.
    bool connectTo(const QString &url = {});
    bool publish(const QString &url = {});
    bool saveCopyAs(const QString &path = {});
    void resolveConflicts();
    void disconnect();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    TeamController(QMainWindow *window, Document *doc, QMenu *fileMenu, QAction *insertBefore,
                   std::unique_ptr<TeamPrompter> prompter);
    bool openSession(const QString &url);
    void addRecent(const QString &url);
    void updateStatus();
    void updateTitle();

    QMainWindow *m_window;
    Document *m_doc;
    std::unique_ptr<TeamPrompter> m_prompter;
    TeamSession *m_session;
    HistoryPanel *m_history;
    QDockWidget *m_dock;
    QLabel *m_status;
    QAction *m_connect, *m_publish, *m_saveCopy, *m_resolve, *m_disconnect;
    bool m_asking = false;
};

} // namespace vg
