// SPDX-License-Identifier: GPL-3.0-or-later
// TeamSession, its own edits: captured from the document, queued, sent one server transaction
// each, and their conflicts resolved. (Connecting, following the server and applying others'
// edits are in teamsession.cpp.)
#include "model/team/teamsession.h"

#include "model/team/teamsessionkeys.h"

#include "model/document/document.h"
#include "model/storage/pgmodelstore.h"
#include "model/storage/pgschema.h"

#include <QScopeGuard>
#include <QTimer>

namespace vg {

using namespace teamsession;

void TeamSession::onChangeApplied(const ChangeSet &c)
{
    if (m_applyingRemote || m_state == State::Closed || m_state == State::Failed)
        return;
    const GraphStore &s = m_doc->store();
    Outgoing &o = m_capture;
    for (const QString &id : c.nodesRemoved)
        o.nodes.insert(id);
    for (const QString &id : c.edgesRemoved)
        o.edges.insert(id);
    for (const auto &[from, to] : c.nodeRenames) {
        o.nodes.insert(from);
        o.nodes.insert(to);
        // Edges follow a renamed node: their endpoints changed.
        const GraphStore::Handle h = s.node(to);
        if (h != GraphStore::None)
            for (const auto *list : {&s.outEdges(h), &s.inEdges(h)})
                for (const GraphStore::Handle e : *list)
                    o.edges.insert(s.edgeAt(e).id);
    }
    for (const auto &[from, to] : c.edgeRenames) {
        o.edges.insert(from);
        o.edges.insert(to);
    }
    for (const Node &n : c.nodesPut)
        o.nodes.insert(n.id);
    for (const Edge &e : c.edgesPut)
        o.edges.insert(e.id);
    for (auto it = c.positions.cbegin(); it != c.positions.cend(); ++it)
        o.nodes.insert(it.key());
    if (c.name || c.organization || c.categories)
        o.meta = true;
    if (!m_capturing) {
        m_capturing = true;
        // A change made outside the undo stack is finished when control returns to the loop.
        QTimer::singleShot(0, this, [this] {
            if (m_capturing)
                finishCapture(false, tr("Edit"));
        });
    }
}

void TeamSession::onUndoIndexChanged(int index)
{
    const QUndoStack *stack = m_doc->undoStack();
    // Mirror the stack's commands so that an index that goes up can be told apart: the same
    // command as before is a redo; another one is a new edit (or one merged into the top).
    bool undo = false;
    QString summary;
    if (index < m_lastIndex) {
        undo = true;
        summary = tr("Undo %1").arg(stack->text(index));
    } else if (index > m_lastIndex && std::size_t(index) <= m_commands.size()
               && m_commands[std::size_t(index - 1)] == stack->command(index - 1)) {
        undo = true;
        summary = tr("Redo %1").arg(stack->text(index - 1));
    } else {
        summary = index > 0 ? stack->text(index - 1) : tr("Edit");
    }
    m_commands.resize(std::size_t(stack->count()));
    for (int i = 0; i < stack->count(); ++i)
        m_commands[std::size_t(i)] = stack->command(i);
    m_lastIndex = index;
    if (m_capturing)
        finishCapture(undo, summary);
}

void TeamSession::finishCapture(bool undo, const QString &summary)
{
    m_capturing = false;
    Outgoing o = std::move(m_capture);
    m_capture = {};
    if (o.nodes.isEmpty() && o.edges.isEmpty() && !o.meta)
        return;
    o.undo = undo;
    o.summary = summary;
    m_outbox.push_back(std::move(o));
    Q_EMIT queueChanged(int(m_outbox.size()));
    flush();
}

TeamEdit TeamSession::editFor(const Outgoing &o) const
{
    const GraphStore &s = m_doc->store();
    TeamEdit e;
    e.summary = o.summary;
    for (const QString &id : o.nodes) {
        NodeVersion v{id, m_nodeRev.value(id, 0), std::nullopt, std::nullopt};
        if (const GraphStore::Handle h = s.node(id); h != GraphStore::None) {
            v.node = s.nodeAt(h);
            v.pos = s.position(h);
        } else if (v.revision == 0) {
            continue; // added and removed again before it was sent
        }
        e.nodes.push_back(std::move(v));
    }
    for (const QString &id : o.edges) {
        EdgeVersion v{id, m_edgeRev.value(id, 0), std::nullopt};
        if (const GraphStore::Handle h = s.edge(id); h != GraphStore::None)
            v.edge = s.edgeAt(h);
        else if (v.revision == 0)
            continue;
        e.edges.push_back(std::move(v));
    }
    if (o.meta)
        e.meta = MetaVersion{m_metaRev, m_doc->name(), m_doc->organization(), m_doc->categories()};
    return e;
}

TeamDelta TeamSession::mineFor(const std::vector<ItemConflict> &items) const
{
    const GraphStore &s = m_doc->store();
    TeamDelta d;
    for (const ItemConflict &c : items) {
        if (c.kind == ItemKind::Node) {
            NodeVersion v{c.id, m_nodeRev.value(c.id), std::nullopt, std::nullopt};
            if (const GraphStore::Handle h = s.node(c.id); h != GraphStore::None) {
                v.node = s.nodeAt(h);
                v.pos = s.position(h);
            }
            d.nodes.push_back(std::move(v));
        } else if (c.kind == ItemKind::Edge) {
            EdgeVersion v{c.id, m_edgeRev.value(c.id), std::nullopt};
            if (const GraphStore::Handle h = s.edge(c.id); h != GraphStore::None)
                v.edge = s.edgeAt(h);
            d.edges.push_back(std::move(v));
        } else {
            d.meta = MetaVersion{m_metaRev, m_doc->name(), m_doc->organization(), m_doc->categories()};
        }
    }
    return d;
}

void TeamSession::flush()
{
    if (m_flushing || m_state != State::Online)
        return;
    m_flushing = true;
    const auto done = qScopeGuard([this] { m_flushing = false; });
    int autoRetries = 0;
    while (!m_outbox.empty() && m_conflicts.empty() && m_state == State::Online) {
        Outgoing &o = m_outbox.front();
        const TeamEdit edit = editFor(o);
        std::vector<ItemConflict> conflicts;
        if (o.undo) {
            // Undo and redo act on the user's own edits only.
            for (const NodeVersion &v : edit.nodes)
                if (v.revision != 0 && !m_mine.contains(nodeKey(v.id)))
                    conflicts.push_back({ItemKind::Node, v.id, v.revision});
            for (const EdgeVersion &v : edit.edges)
                if (v.revision != 0 && !m_mine.contains(edgeKey(v.id)))
                    conflicts.push_back({ItemKind::Edge, v.id, v.revision});
            if (edit.meta && !m_mine.contains(kMetaKey))
                conflicts.push_back({ItemKind::Meta, QString(), m_metaRev});
        }
        try {
            if (conflicts.empty() && !edit.isEmpty()) {
                const CommitResult r = PgModelStore(m_conn).commit(m_modelId, edit);
                if (r.committed()) {
                    m_myRevisions.insert(r.revision);
                    for (const NodeVersion &v : edit.nodes) {
                        if (v.node)
                            m_nodeRev.insert(v.id, r.revision);
                        else
                            m_nodeRev.remove(v.id);
                        m_mine.insert(nodeKey(v.id));
                    }
                    for (const EdgeVersion &v : edit.edges) {
                        if (v.edge)
                            m_edgeRev.insert(v.id, r.revision);
                        else
                            m_edgeRev.remove(v.id);
                        m_mine.insert(edgeKey(v.id));
                    }
                    if (edit.meta) {
                        m_metaRev = r.revision;
                        m_mine.insert(kMetaKey);
                    }
                    if (r.revision == m_lastSeen + 1)
                        m_lastSeen = r.revision;
                    m_outbox.pop_front();
                    autoRetries = 0;
                    continue;
                }
                conflicts = r.conflicts;
            } else if (edit.isEmpty()) {
                m_outbox.pop_front();
                continue;
            }
            // Fetch the server's versions; items where both sides already agree are no conflict.
            Expected<TeamDelta> theirs = PgModelStore(m_conn).currentVersions(m_modelId, conflicts);
            if (!theirs) {
                refuse(o, theirs.error().message());
                m_outbox.pop_front();
                continue;
            }
            const TeamDelta mine = mineFor(conflicts);
            std::vector<ItemConflict> real;
            TeamDelta theirsReal, mineReal;
            for (std::size_t i = 0; i < theirs->nodes.size(); ++i) {
                const NodeVersion &t = theirs->nodes[i], &m = mine.nodes[i];
                if (t.node == m.node && t.pos == m.pos) {
                    m_nodeRev.insert(t.id, t.revision); // the same state: rebase on it
                    continue;
                }
                real.push_back({ItemKind::Node, t.id, t.revision});
                theirsReal.nodes.push_back(t);
                mineReal.nodes.push_back(m);
            }
            for (std::size_t i = 0; i < theirs->edges.size(); ++i) {
                const EdgeVersion &t = theirs->edges[i], &m = mine.edges[i];
                if (t.edge == m.edge) {
                    m_edgeRev.insert(t.id, t.revision);
                    continue;
                }
                real.push_back({ItemKind::Edge, t.id, t.revision});
                theirsReal.edges.push_back(t);
                mineReal.edges.push_back(m);
            }
            if (theirs->meta && mine.meta) {
                MetaVersion a = *theirs->meta, b = *mine.meta;
                a.revision = b.revision = 0;
                if (a == b) {
                    m_metaRev = theirs->meta->revision;
                } else {
                    real.push_back({ItemKind::Meta, QString(), theirs->meta->revision});
                    theirsReal.meta = theirs->meta;
                    mineReal.meta = mine.meta;
                }
            }
            if (real.empty() && ++autoRetries <= kMaxAutoRetries)
                continue; // rebased on identical versions: send again
            if (real.empty()) { // the server keeps refusing what it already has: report it
                real = conflicts;
                theirsReal = *theirs;
                mineReal = mine;
            }
            TeamConflict tc;
            tc.id = m_nextConflict++;
            tc.summary = o.summary;
            tc.undo = o.undo;
            tc.items = real;
            tc.mine = std::move(mineReal);
            tc.theirs = std::move(theirsReal);
            tc.theirs.revision = theirs->revision;
            try {
                HistoryQuery q;
                q.limit = 1;
                for (const ItemConflict &ic : real) {
                    q.kind = ic.kind;
                    q.itemId = ic.id;
                    const auto h = PgModelStore(m_conn).history(m_modelId, q);
                    if (!h.empty() && !tc.authors.contains(h.front().author))
                        tc.authors << h.front().author;
                }
            } catch (const pg::PgError &) {
                // Authors are a courtesy; the conflict stands without them.
            }
            m_conflicts.push_back(std::move(tc));
            m_conflictEdits.push_back(std::move(o));
            m_outbox.pop_front();
            Q_EMIT conflictDetected(m_conflicts.back().id);
            Q_EMIT stateChanged(m_state);
            break;
        } catch (const pg::PgError &e) {
            if (handleError(e))
                break;
            Outgoing refused = std::move(o);
            m_outbox.pop_front();
            refuse(refused, teamErrorText(e));
        }
    }
    Q_EMIT queueChanged(int(m_outbox.size()));
    if (m_outbox.empty() && m_conflicts.empty() && m_state == State::Online)
        m_doc->undoStack()->setClean(); // everything the user did is on the server
    drainNotifications();
}

void TeamSession::refuse(const Outgoing &o, const QString &message)
{
    // Put the items back to the server's versions, so the document shows what is true.
    std::vector<ItemConflict> items;
    for (const QString &id : o.nodes)
        items.push_back({ItemKind::Node, id, 0});
    for (const QString &id : o.edges)
        items.push_back({ItemKind::Edge, id, 0});
    if (o.meta)
        items.push_back({ItemKind::Meta, QString(), 0});
    try {
        Expected<TeamDelta> server = PgModelStore(m_conn).currentVersions(m_modelId, items);
        if (server)
            applyRemote(*server, false);
    } catch (const pg::PgError &e) {
        handleError(e);
    }
    Q_EMIT editRefused(tr("%1 was not saved: %2").arg(o.summary, message));
}

void TeamSession::resolveConflict(int id, bool keepMine)
{
    const auto it =
        std::find_if(m_conflicts.begin(), m_conflicts.end(), [&](const TeamConflict &c) { return c.id == id; });
    if (it == m_conflicts.end())
        return;
    const std::size_t i = std::size_t(it - m_conflicts.begin());
    TeamConflict c = std::move(*it);
    Outgoing o = std::move(m_conflictEdits[i]);
    m_conflicts.erase(it);
    m_conflictEdits.erase(m_conflictEdits.begin() + std::ptrdiff_t(i));
    // Either way the server's versions have now been seen: later sends are based on them.
    for (const NodeVersion &v : c.theirs.nodes)
        m_nodeRev.insert(v.id, v.revision);
    for (const EdgeVersion &v : c.theirs.edges)
        m_edgeRev.insert(v.id, v.revision);
    if (c.theirs.meta)
        m_metaRev = c.theirs.meta->revision;
    if (keepMine) {
        o.undo = false; // chosen knowingly: written like a new edit
        // The user's state of every conflicting item is written, also of items the edit did not
        // name (an edge someone attached to a node the user removed).
        for (const ItemConflict &ic : c.items) {
            if (ic.kind == ItemKind::Node)
                o.nodes.insert(ic.id);
            else if (ic.kind == ItemKind::Edge)
                o.edges.insert(ic.id);
            else
                o.meta = true;
        }
        for (const NodeVersion &v : c.theirs.nodes)
            if (!v.node)
                m_nodeRev.remove(v.id);
        for (const EdgeVersion &v : c.theirs.edges)
            if (!v.edge)
                m_edgeRev.remove(v.id);
    } else {
        // The server's versions replace the user's; their nodes come along for their edges.
        TeamDelta theirs = c.theirs;
        std::vector<ItemConflict> ends;
        for (const EdgeVersion &v : theirs.edges)
            if (v.edge)
                for (const QString &n : {v.edge->from, v.edge->to})
                    if (m_doc->store().node(n) == GraphStore::None)
                        ends.push_back({ItemKind::Node, n, 0});
        if (!ends.empty() && m_conn.isOpen()) {
            try {
                if (Expected<TeamDelta> more = PgModelStore(m_conn).currentVersions(m_modelId, ends))
                    for (NodeVersion &v : more->nodes)
                        theirs.nodes.push_back(std::move(v));
            } catch (const pg::PgError &e) {
                handleError(e);
            }
        }
        for (const ItemConflict &ic : c.items) {
            if (ic.kind == ItemKind::Node)
                o.nodes.remove(ic.id);
            else if (ic.kind == ItemKind::Edge)
                o.edges.remove(ic.id);
            else
                o.meta = false;
        }
        applyRemote(theirs, false);
        o.undo = false;
    }
    if (!o.nodes.isEmpty() || !o.edges.isEmpty() || o.meta)
        m_outbox.push_front(std::move(o));
    Q_EMIT stateChanged(m_state);
    flush();
    retryDeferred();
}

} // namespace vg
