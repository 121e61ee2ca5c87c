// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/team/teamsession.h"

#include "model/team/teamsessionkeys.h"

#include "model/document/document.h"
#include "model/storage/pgmodelstore.h"
#include "model/storage/pgschema.h"

#include <QSocketNotifier>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <optional>
#include <utility>

namespace vg {

using namespace teamsession;

namespace {

constexpr int kMaxDelayMs = 10000;

} // namespace

TeamSession::TeamSession(Document *doc, QObject *parent)
    : QObject(parent), m_doc(doc), m_retry(new QTimer(this)), m_attemptPoll(new QTimer(this))
{
    m_attemptPoll->setInterval(20);
    connect(m_attemptPoll, &QTimer::timeout, this, &TeamSession::attemptFinished);
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &TeamSession::tryReconnect);
    connect(m_doc, &Document::changeApplied, this, &TeamSession::onChangeApplied);
    connect(m_doc->undoStack(), &QUndoStack::indexChanged, this, &TeamSession::onUndoIndexChanged);
    // Another model opened in the document (File > Open, New): stop following the server.
    connect(m_doc, &Document::modelReset, this, [this] {
        if (!m_applyingRemote && m_state != State::Closed)
            close();
    });
}

TeamSession::~TeamSession()
{
    blockSignals(true); // nobody listens to a session being destroyed
    close();
}

QString TeamSession::statusText() const
{
    QString s;
    switch (m_state) {
    case State::Closed: return tr("Not connected");
    case State::Online:
        s = m_canWrite ? tr("Online as %1").arg(m_user) : tr("Online as %1 (view only)").arg(m_user);
        break;
    case State::Offline: s = tr("Offline, reconnecting (%1)").arg(m_offlineReason); break;
    case State::Failed: s = tr("Disconnected: %1").arg(m_offlineReason); break;
    }
    if (!m_outbox.empty())
        s += tr("; %n edit(s) queued", nullptr, int(m_outbox.size()));
    if (!m_conflicts.empty())
        s += tr("; %n conflict(s) to resolve", nullptr, int(m_conflicts.size()));
    return s;
}

void TeamSession::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

Expected<pg::Connection> TeamSession::connectServer(const TeamUrl &url, const QString &password, QString *user,
                                                    bool *canWrite)
{
    pg::Connection c;
    try {
        c = pg::Connection::open(url.keys(password), url.values(password), 5000);
    } catch (const pg::PgError &e) {
        Error err(url.display(), teamErrorText(e));
        if (e.needsPassword)
            err.problems.front().where = QStringLiteral("password");
        return err;
    }
    if (Status s = checkTeamSchema(c); !s)
        return Error(url.display(), s.error().problems);
    try {
        PgModelStore(c).listen();
        const pg::Result who = c.exec("SELECT session_user, pg_has_role(current_user, $1, 'USAGE')",
                                      {pg::param(QString::fromLatin1(kEditorRole))});
        *user = who.text(0, 0);
        *canWrite = who.boolean(0, 1);
    } catch (const pg::PgError &e) {
        return Error(url.display(), teamErrorText(e));
    }
    return c;
}

void TeamSession::attach(pg::Connection conn)
{
    m_conn = std::move(conn);
    delete m_notifier;
    m_notifier = new QSocketNotifier(m_conn.socket(), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &TeamSession::onSocketReadable);
}

Expected<TeamOpening> TeamSession::prepare(const QString &url, const QString &password)
{
    const auto u = TeamUrl::parse(url);
    if (!u)
        return u.error();
    TeamOpening o;
    o.url = *u;
    o.password = password;
    auto c = connectServer(o.url, password, &o.user, &o.canWrite);
    if (!c)
        return c.error();
    o.conn = std::move(*c);
    try {
        // LISTEN came first: nothing committed after this snapshot goes unnoticed.
        Expected<TeamSnapshot> snap = PgModelStore(o.conn).open(o.url.model());
        if (!snap)
            return Error(o.url.display(), snap.error().problems);
        o.snapshot = std::move(*snap);
    } catch (const pg::PgError &e) {
        return Error(o.url.display(), teamErrorText(e));
    }
    return o;
}

Status TeamSession::open(const QString &url, const QString &password)
{
    Expected<TeamOpening> o = prepare(url, password);
    if (!o)
        return o.error();
    return adopt(std::move(*o));
}

Status TeamSession::adopt(TeamOpening o)
{
    close();
    m_url = o.url;
    m_password = o.password;
    m_user = o.user;
    m_canWrite = o.canWrite;
    attach(std::move(o.conn));
    m_modelId = o.snapshot.modelId;
    m_lastSeen = o.snapshot.revision;
    m_metaRev = o.snapshot.metaRevision;
    m_nodeRev = std::move(o.snapshot.nodeRevisions);
    m_edgeRev = std::move(o.snapshot.edgeRevisions);
    m_applyingRemote = true;
    m_doc->reset(std::move(o.snapshot.model), QString());
    m_applyingRemote = false;
    m_commands.clear();
    m_lastIndex = m_doc->undoStack()->index();
    m_delay = m_firstDelay;
    setState(State::Online);
    sync(); // anything committed between the snapshot and now
    return Done{};
}

void TeamSession::close()
{
    m_retry->stop();
    m_attemptPoll->stop();
    m_attempt.reset();
    delete m_notifier;
    m_notifier = nullptr;
    m_conn.close();
    m_outbox.clear();
    m_conflicts.clear();
    m_conflictEdits.clear();
    m_deferred.clear();
    m_mine.clear();
    m_myRevisions.clear();
    m_nodeRev.clear();
    m_edgeRev.clear();
    m_password.clear();
    m_modelId = 0;
    setState(State::Closed);
}

void TeamSession::dropConnection() { goOffline(tr("connection closed")); }

void TeamSession::goOffline(const QString &why)
{
    delete m_notifier;
    m_notifier = nullptr;
    m_conn.close();
    m_offlineReason = why;
    if (m_state == State::Closed || m_state == State::Failed)
        return;
    if (m_state == State::Offline)
        Q_EMIT stateChanged(m_state); // the reason changed
    setState(State::Offline);
    if (!m_retry->isActive())
        m_retry->start(m_delay);
}

// A reconnect attempt, run off the GUI thread: a host that does not answer holds it for the
// connection timeout (5 s), which must not freeze the window. The session polls for its end;
// the attempt outlives a session closed or destroyed meanwhile (its result is then dropped).
struct TeamSession::Attempt {
    std::atomic<bool> done{false};
    std::optional<Expected<pg::Connection>> result;
    QString user;
    bool canWrite = false;
};

void TeamSession::tryReconnect()
{
    if (m_state != State::Offline || m_attempt)
        return;
    auto attempt = std::make_shared<Attempt>();
    m_attempt = attempt;
    // A pool of their own (not the global one, which ranking jobs may fill); it is destroyed,
    // and so waits for an attempt still running, when the program ends, not while it runs.
    static QThreadPool attempts;
    attempts.start([attempt, url = m_url, password = m_password] {
        attempt->result = connectServer(url, password, &attempt->user, &attempt->canWrite);
        attempt->done = true;
    });
    m_attemptPoll->start();
}

bool TeamSession::reconnecting() const { return m_attempt && !m_attempt->done; }

void TeamSession::attemptFinished()
{
    if (!m_attempt || !m_attempt->done)
        return;
    m_attemptPoll->stop();
    const std::shared_ptr<Attempt> attempt = std::exchange(m_attempt, nullptr);
    if (m_state != State::Offline)
        return; // closed, or opened again, meanwhile: the connection closes with the attempt
    Expected<pg::Connection> &c = *attempt->result;
    if (!c) {
        m_offlineReason = c.error().problems.front().what;
        m_delay = std::min(m_delay * 2, kMaxDelayMs);
        m_retry->start(m_delay);
        Q_EMIT stateChanged(m_state);
        return;
    }
    m_user = attempt->user;
    m_canWrite = attempt->canWrite;
    attach(std::move(*c));
    std::optional<qint64> id;
    try {
        id = PgModelStore(m_conn).modelId(m_url.model());
    } catch (const pg::PgError &e) {
        goOffline(teamErrorText(e));
        return;
    }
    if (!id || *id != m_modelId) {
        m_conn.close();
        m_offlineReason = tr("the model was deleted or replaced on the server; connect again to load it (save a "
                             "copy first to keep unsent edits)");
        setState(State::Failed);
        return;
    }
    m_delay = m_firstDelay;
    setState(State::Online);
    flush();
    sync();
}

bool TeamSession::handleError(const pg::PgError &e)
{
    if (e.connectionLost || !m_conn.isHealthy()) {
        goOffline(teamErrorText(e));
        return true;
    }
    return false;
}

void TeamSession::drainNotifications()
{
    // Notifications that arrived while a statement ran were read with its results; the socket
    // has nothing left to signal, so look at libpq's queue now.
    if (m_state == State::Online && m_conn.isOpen())
        QTimer::singleShot(0, this, &TeamSession::onSocketReadable);
}

void TeamSession::onSocketReadable()
{
    if (!m_conn.isOpen())
        return;
    std::vector<pg::Notification> notes;
    try {
        notes = m_conn.takeNotifications();
    } catch (const pg::PgError &e) {
        goOffline(teamErrorText(e));
        return;
    }
    const QString mine = QString::number(m_modelId);
    for (const pg::Notification &n : notes) {
        const QStringList parts = n.payload.split(QLatin1Char(' '));
        if (parts.value(0) != mine)
            continue;
        if (parts.value(1) == u"replaced") {
            m_conn.close();
            m_offlineReason = tr("the model was replaced on the server; connect again to load it");
            setState(State::Failed);
            return;
        }
        if (parts.value(1).toLongLong() > m_lastSeen)
            scheduleSync();
    }
}

void TeamSession::scheduleSync()
{
    if (m_syncScheduled)
        return;
    m_syncScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_syncScheduled = false;
        sync();
    });
}

QSet<QString> TeamSession::pendingKeys() const
{
    QSet<QString> keys;
    auto add = [&](const Outgoing &o) {
        for (const QString &id : o.nodes)
            keys.insert(nodeKey(id));
        for (const QString &id : o.edges)
            keys.insert(edgeKey(id));
        if (o.meta)
            keys.insert(kMetaKey);
    };
    for (const Outgoing &o : m_outbox)
        add(o);
    for (const Outgoing &o : m_conflictEdits)
        add(o);
    if (m_capturing)
        add(m_capture);
    return keys;
}

void TeamSession::sync()
{
    if (m_state != State::Online)
        return;
    Expected<TeamDelta> d = Error();
    try {
        d = PgModelStore(m_conn).changesSince(m_modelId, m_lastSeen);
    } catch (const pg::PgError &e) {
        if (!handleError(e))
            Q_EMIT editRefused(teamErrorText(e));
        return;
    }
    if (!d) {
        m_conn.close();
        m_offlineReason = d.error().message();
        setState(State::Failed);
        return;
    }
    if (d->revision <= m_lastSeen)
        return;
    // Own commits are in the document already.
    std::erase_if(d->nodes, [&](const NodeVersion &v) { return m_myRevisions.contains(v.revision); });
    std::erase_if(d->edges, [&](const EdgeVersion &v) { return m_myRevisions.contains(v.revision); });
    if (d->meta && m_myRevisions.contains(d->meta->revision))
        d->meta.reset();
    applyRemote(*d, true);
    m_lastSeen = d->revision;
    // Later deltas start after m_lastSeen: older own revisions cannot come back.
    m_myRevisions.removeIf([this](qint64 r) { return r <= m_lastSeen; });
    retryDeferred();
    Q_EMIT remoteChangesApplied(m_lastSeen, {});
    drainNotifications();
}

void TeamSession::applyRemote(const TeamDelta &d, bool skipPending)
{
    const QSet<QString> pending = skipPending ? pendingKeys() : QSet<QString>();
    const GraphStore &s = m_doc->store();
    ChangeSet c;
    QSet<QString> removedNodes, putNodes, removedEdges;
    // A node with a pending own edge stays until that edge is settled (as a conflict, if the
    // server no longer has the node), so that the edge is not lost.
    auto hasPendingEdge = [&](const QString &id) {
        const GraphStore::Handle h = s.node(id);
        if (h == GraphStore::None || pending.isEmpty())
            return false;
        for (const auto *list : {&s.outEdges(h), &s.inEdges(h)})
            for (const GraphStore::Handle e : *list)
                if (pending.contains(edgeKey(s.edgeAt(e).id)))
                    return true;
        return false;
    };
    for (const NodeVersion &v : d.nodes) {
        if (pending.contains(nodeKey(v.id)) || (!v.node && hasPendingEdge(v.id)))
            continue;
        m_mine.remove(nodeKey(v.id));
        if (!v.node) {
            m_nodeRev.remove(v.id);
            if (s.node(v.id) != GraphStore::None) {
                removedNodes.insert(v.id);
                c.nodesRemoved << v.id;
            }
            continue;
        }
        m_nodeRev.insert(v.id, v.revision);
        putNodes.insert(v.id);
        const GraphStore::Handle h = s.node(v.id);
        if (h == GraphStore::None || s.nodeAt(h) != *v.node)
            c.nodesPut.push_back(*v.node);
        if (h == GraphStore::None ? v.pos.has_value() : s.position(h) != v.pos)
            c.positions.insert(v.id, v.pos);
    }
    QHash<QString, const Edge *> edgePuts;
    for (const EdgeVersion &v : d.edges) {
        if (pending.contains(edgeKey(v.id)))
            continue;
        m_mine.remove(edgeKey(v.id));
        if (!v.edge) {
            m_edgeRev.remove(v.id);
            if (s.edge(v.id) != GraphStore::None && !removedEdges.contains(v.id)) {
                removedEdges.insert(v.id);
                c.edgesRemoved << v.id;
            }
            continue;
        }
        m_edgeRev.insert(v.id, v.revision);
        edgePuts.insert(v.id, &*v.edge);
    }
    // A removed node takes its local edges along (they are re-put below if the server has them).
    for (const QString &id : removedNodes) {
        const GraphStore::Handle h = s.node(id);
        for (const auto *list : {&s.outEdges(h), &s.inEdges(h)})
            for (const GraphStore::Handle e : *list) {
                const QString &eid = s.edgeAt(e).id;
                if (!removedEdges.contains(eid)) {
                    removedEdges.insert(eid);
                    c.edgesRemoved << eid;
                }
            }
    }
    auto nodeWillExist = [&](const QString &id) {
        return putNodes.contains(id) || (s.node(id) != GraphStore::None && !removedNodes.contains(id));
    };
    for (auto it = edgePuts.cbegin(); it != edgePuts.cend(); ++it) {
        const Edge &e = **it;
        if (!nodeWillExist(e.from) || !nodeWillExist(e.to)) {
            // Its node is held back by a pending own edit: apply it when that is settled.
            m_deferred.push_back({e.id, m_edgeRev.value(e.id), e});
            if (s.edge(e.id) != GraphStore::None && !removedEdges.contains(e.id)) {
                removedEdges.insert(e.id);
                c.edgesRemoved << e.id;
            }
            continue;
        }
        const GraphStore::Handle h = s.edge(e.id);
        if (h == GraphStore::None || removedEdges.contains(e.id) || s.edgeAt(h) != e)
            c.edgesPut.push_back(e);
    }
    if (d.meta && !pending.contains(kMetaKey)) {
        m_mine.remove(kMetaKey);
        m_metaRev = d.meta->revision;
        if (d.meta->name != m_doc->name())
            c.name = d.meta->name;
        if (d.meta->organization != m_doc->organization())
            c.organization = d.meta->organization;
        if (d.meta->categories != m_doc->categories())
            c.categories = d.meta->categories;
    }
    if (c.isEmpty())
        return;
    m_applyingRemote = true;
    m_doc->apply(c);
    m_applyingRemote = false;
}

void TeamSession::retryDeferred()
{
    if (m_deferred.empty())
        return;
    TeamDelta d;
    d.edges = std::move(m_deferred);
    m_deferred.clear();
    applyRemote(d, true);
}

Expected<std::vector<HistoryEntry>> TeamSession::history(const HistoryQuery &q)
{
    if (m_state != State::Online)
        return Error(m_url.display(), tr("the history needs the server, which is not connected now"));
    try {
        return PgModelStore(m_conn).history(m_modelId, q);
    } catch (const pg::PgError &e) {
        handleError(e);
        return Error(m_url.display(), teamErrorText(e));
    }
}

} // namespace vg
