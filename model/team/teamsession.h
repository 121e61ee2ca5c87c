// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/storage/pgconnection.h"
#include "model/team/historyentry.h"
#include "model/team/teamedit.h"
#include "model/team/teamurl.h"

#include <QObject>
#include <QSet>

#include <deque>
#include <memory>

class QSocketNotifier;
class QTimer;

namespace vg {

struct ChangeSet;
class Document;

// The part of opening a team model that talks to the server: connected, schema checked,
// listening, the model read. It touches no document and no QObject, so it may be made on a
// worker thread and handed to TeamSession::adopt() on the session's thread.
struct TeamOpening {
    TeamUrl url;
    QString password;
    pg::Connection conn;
    QString user;
    bool canWrite = false;
    TeamSnapshot snapshot;
};

// An edit the server refused because an item it touches changed there since the user saw it.
// Nothing of the edit was written. The document shows the user's version until they choose.
struct TeamConflict {
    int id = 0;
    QString summary; // the edit's ("Rename crm")
    bool undo = false; // an undo or redo of the user's own edit that others have changed since
    std::vector<ItemConflict> items;
    TeamDelta mine; // the user's version of each conflicting item (absent: removed)
    TeamDelta theirs; // the server's current version, with its revision
    QStringList authors; // who made the server's versions
};

// A document opened from a team server and kept in step with it.
//
// Own edits: every change the document applies that does not come from this session (an undo
// command, its undo or redo) is captured from Document::changeApplied, turned into the final
// state of each item it touched, and queued; the queue is sent at once when online, one edit per
// server transaction with the base revision of each item. Remote edits: LISTEN/NOTIFY wakes the
// session, which reads what changed since its last revision and applies it with
// Document::apply(), not through the undo stack, so the user's selection, view and undo history
// stay. Items with queued or conflicting own edits are not overwritten by remote versions.
//
// Undo rule: undo and redo act on the user's own edits only. An undo or redo is itself an edit
// and is sent like one; if an item it touches was last changed by someone else (since the
// user's edit), it is not applied blindly but reported as a conflict showing both versions.
//
// Offline: edits are queued, not refused. The model stays readable and editable; queued edits
// are sent on reconnect with the base revisions they were made on, so the server detects any
// overlap with what others did meanwhile and nothing is overwritten silently or lost. The queue
// lives in memory: closing with queued edits loses them (the GUI warns and offers a copy).
// The session reconnects by itself, retrying after 0.5 s, then doubling up to 10 s.
//
// Lives in the GUI thread; server calls block it for at most the connection's timeout, except
// reconnecting, whose attempts (each up to that timeout when the host does not answer) run on a
// thread of their own.
class TeamSession final : public QObject {
    Q_OBJECT
public:
    enum class State { Closed, Online, Offline, Failed };
    Q_ENUM(State)

    explicit TeamSession(Document *doc, QObject *parent = nullptr);
    ~TeamSession() override;

    // Connects to url, loads its model into the document (replacing what it held, undo history
    // included) and starts following it. password is used when given; otherwise libpq takes it
    // from ~/.pgpass. On failure the document is unchanged; when the server wants a password
    // that was not given, the error's first problem has where == "password".
    Status open(const QString &url, const QString &password = {});
    // open() in two steps: prepare() may run on any thread (it blocks for the download);
    // adopt() then replaces the document's model on the session's thread.
    static Expected<TeamOpening> prepare(const QString &url, const QString &password = {});
    Status adopt(TeamOpening opening);
    // Stops following the server; the document keeps its content. Queued edits are dropped.
    void close();

    State state() const { return m_state; }
    // One line for the status bar: "Online as alice", "Offline, reconnecting; 3 edits queued".
    QString statusText() const;
    const TeamUrl &url() const { return m_url; }
    QString user() const { return m_user; }
    // Whether the server lets this login change the model (editor or admin).
    bool canWrite() const { return m_canWrite; }
    // The server revision this document reflects.
    qint64 revision() const { return m_lastSeen; }
    int queuedEdits() const { return int(m_outbox.size()); }
    const std::vector<TeamConflict> &conflicts() const { return m_conflicts; }
    // Resolves a conflict: keepMine writes the user's versions over the server's; otherwise the
    // server's versions replace the user's in the document. The rest of the edit is then sent.
    void resolveConflict(int id, bool keepMine);

    // Reads and applies what others committed; called on notifications (public for tests).
    void sync();
    // Sends the queued edits; called after every edit and on reconnect.
    void flush();
    // The first reconnect delay (doubles up to 10 s); tests shorten it.
    void setReconnectDelay(int ms) { m_firstDelay = ms; }
    // The history of the open model, over this session's connection.
    Expected<std::vector<HistoryEntry>> history(const HistoryQuery &q);
    // Whether a reconnect attempt is under way (off the GUI thread).
    bool reconnecting() const;
    // Forces the connection closed as if the network had failed (tests, diagnostics).
    void dropConnection();

Q_SIGNALS:
    void stateChanged(vg::TeamSession::State state);
    // Others' edits up to revision were applied to the document.
    void remoteChangesApplied(qint64 revision, const QStringList &authors);
    void conflictDetected(int id);
    // The server refused an own edit for a reason other than a conflict (a viewer's write, a
    // broken rule); the document was put back to the server's version of the items.
    void editRefused(const QString &message);
    void queueChanged(int queued);

private:
    struct Outgoing {
        QSet<QString> nodes, edges;
        bool meta = false;
        bool undo = false;
        QString summary;
    };

    void onChangeApplied(const ChangeSet &c);
    void onUndoIndexChanged(int index);
    void finishCapture(bool undo, const QString &summary);
    TeamEdit editFor(const Outgoing &o) const;
    TeamDelta mineFor(const std::vector<ItemConflict> &items) const;
    void applyRemote(const TeamDelta &d, bool skipPending);
    void retryDeferred();
    QSet<QString> pendingKeys() const;
    void setState(State s);
    void goOffline(const QString &why);
    void tryReconnect();
    void attemptFinished();
    struct Attempt;
    // Connects, checks the schema, LISTENs and asks who we are; any thread.
    static Expected<pg::Connection> connectServer(const TeamUrl &url, const QString &password, QString *user,
                                                  bool *canWrite);
    void attach(pg::Connection conn);
    void onSocketReadable();
    void drainNotifications();
    void scheduleSync();
    void refuse(const Outgoing &o, const QString &message);
    bool handleError(const pg::PgError &e);

    Document *m_doc;
    TeamUrl m_url;
    QString m_password; // kept in memory only, for reconnecting
    QString m_user;
    pg::Connection m_conn;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_retry;
    QTimer *m_attemptPoll; // while an attempt runs
    std::shared_ptr<Attempt> m_attempt;
    int m_firstDelay = 500;
    int m_delay = 500;
    State m_state = State::Closed;
    QString m_offlineReason;
    bool m_canWrite = false;
    qint64 m_modelId = 0;
    qint64 m_lastSeen = 0;
    qint64 m_metaRev = 0;
    QHash<QString, qint64> m_nodeRev, m_edgeRev;
    QSet<QString> m_mine; // "n:id", "e:id", "m:" whose last version is this session's
    QSet<qint64> m_myRevisions;
    std::deque<Outgoing> m_outbox;
    std::vector<TeamConflict> m_conflicts;
    std::vector<Outgoing> m_conflictEdits; // parallel to m_conflicts
    std::vector<EdgeVersion> m_deferred; // remote edges waiting for a node
    int m_nextConflict = 1;
    bool m_applyingRemote = false;
    bool m_syncScheduled = false;
    bool m_flushing = false;
    // Capture of the current user action, finished when the undo stack's index changes.
    Outgoing m_capture;
    bool m_capturing = false;
    int m_lastIndex = 0;
    std::vector<const void *> m_commands; // the undo stack's commands, by index, as last seen
};

} // namespace vg
