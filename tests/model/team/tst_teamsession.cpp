// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/model/team/pgtestserver.h"
#include "tests/testutil.h"

#include "model/commands/changecommand.h"
#include "model/commands/edits.h"
#include "model/document/document.h"
#include "model/document/selection.h"
#include "model/team/teamsession.h"

#include <QSignalSpy>
#include <QTimer>

#include <cstring>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace vg;

namespace {

// A client: a document with its session, as the app has one per window.
struct Client {
    Document doc;
    TeamSession session{&doc};
    explicit Client(const QString &url)
    {
        session.setReconnectDelay(100);
        const Status s = session.open(url);
        if (!s)
            qFatal("open failed: %s", qPrintable(s.error().message()));
    }
    const Node &node(const char *id) const { return *doc.store().findNode(QString::fromLatin1(id)); }
    void rename(const char *id, const QString &name)
    {
        Node n = node(id);
        n.name = name;
        doc.undoStack()->push(
            new ChangeCommand(&doc, replaceNode(doc, n.id, n), QStringLiteral("Rename %1").arg(n.id)));
    }
    void add(const QString &id)
    {
        Node n;
        n.id = id;
        n.kind = NodeKind::Vendor;
        n.name = id;
        doc.undoStack()->push(new ChangeCommand(&doc, addNode(doc, n, QPointF(1, 2)), QStringLiteral("Add")));
    }
    Model model() const
    {
        Model m = *doc.snapshot();
        m.sortById();
        return m;
    }
};

} // namespace

class TestTeamSession : public QObject {
    Q_OBJECT
private:
    test::PgTestServer m_server;
    int m_n = 0;
    QString m_model;

    QString url(const char *user) const { return m_server.url(QString::fromLatin1(user), m_model); }
    Model serverModel() const
    {
        Model m = *pullModel(url("vgadmin"));
        m.sortById();
        return m;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString why = m_server.start();
        if (!why.isEmpty())
            QFAIL(qPrintable(why));
    }
    void init()
    {
        // A fresh model for every test.
        m_model = QStringLiteral("m%1").arg(++m_n);
        QVERIFY(pushModel(test::exampleModel(), url("dave"), false));
    }
    void cleanupTestCase() { m_server.stop(); }

    void editsOfTwoClientsBothArriveLive()
    {
        Client a(url("alice")), b(url("bob"));
        Selection sel(&b.doc);
        sel.selectNode(QStringLiteral("crm"));
        QSignalSpy arrived(&b.session, &TeamSession::remoteChangesApplied);
        a.rename("crm", QStringLiteral("Cloudforce"));
        b.add(QStringLiteral("new-vendor"));
        QTRY_COMPARE(b.node("crm").name, QStringLiteral("Cloudforce"));
        QTRY_VERIFY(a.doc.store().findNode(QStringLiteral("new-vendor")));
        QCOMPARE(a.model(), b.model());
        QCOMPARE(a.model(), serverModel());
        // The remote edit kept B's selection and is not on B's undo stack.
        QCOMPARE(sel.nodes(), QStringList{QStringLiteral("crm")});
        QCOMPARE(b.doc.undoStack()->count(), 1);
        QVERIFY(arrived.count() >= 1);
        // Undo applies to one's own edit only: B's undo removes B's vendor, not A's name.
        b.doc.undoStack()->undo();
        QTRY_VERIFY(!a.doc.store().findNode(QStringLiteral("new-vendor")));
        QCOMPARE(a.node("crm").name, QStringLiteral("Cloudforce"));
        QCOMPARE(b.node("crm").name, QStringLiteral("Cloudforce"));
        QCOMPARE(a.session.queuedEdits(), 0);
        QVERIFY(a.session.conflicts().empty() && b.session.conflicts().empty());
        QVERIFY(!a.doc.isModified()); // everything acknowledged
    }

    void realConflictIsShownAndKeepMineLosesNothing()
    {
        Client a(url("alice")), b(url("bob"));
        QSignalSpy detected(&b.session, &TeamSession::conflictDetected);
        // B edits before it has heard of A's edit: its base revision is stale.
        a.rename("crm", QStringLiteral("Alice's CRM"));
        b.rename("crm", QStringLiteral("Bob's CRM"));
        QCOMPARE(detected.count(), 1);
        const TeamConflict c = b.session.conflicts().front();
        QCOMPARE(c.items.size(), std::size_t(1));
        QCOMPARE(c.mine.nodes.front().node->name, QStringLiteral("Bob's CRM"));
        QCOMPARE(c.theirs.nodes.front().node->name, QStringLiteral("Alice's CRM"));
        QCOMPARE(c.authors, QStringList{QStringLiteral("alice")});
        QCOMPARE(c.summary, QStringLiteral("Rename crm"));
        // Nothing typed is lost while the user decides, not even by A's edit arriving.
        QTest::qWait(200);
        QCOMPARE(b.node("crm").name, QStringLiteral("Bob's CRM"));
        b.session.resolveConflict(c.id, true);
        QVERIFY(b.session.conflicts().empty());
        QTRY_COMPARE(a.node("crm").name, QStringLiteral("Bob's CRM"));
        QCOMPARE(serverModel(), b.model());
        QCOMPARE(a.model(), b.model());
    }

    void realConflictResolvedWithTheirsSendsTheRestOfTheEdit()
    {
        Client a(url("alice")), b(url("bob"));
        a.rename("crm", QStringLiteral("Alice's CRM"));
        // One edit of B touching crm (conflicting) and adding a vendor (not conflicting).
        Node crm = b.node("crm");
        crm.name = QStringLiteral("Bob's CRM");
        ChangeSet change = replaceNode(b.doc, crm.id, crm);
        Node v;
        v.id = QStringLiteral("bobs-vendor");
        v.kind = NodeKind::Vendor;
        v.name = QStringLiteral("B");
        change.nodesPut.push_back(v);
        b.doc.undoStack()->push(new ChangeCommand(&b.doc, change, QStringLiteral("Bob's edit")));
        QCOMPARE(b.session.conflicts().size(), std::size_t(1));
        b.session.resolveConflict(b.session.conflicts().front().id, false);
        QCOMPARE(b.node("crm").name, QStringLiteral("Alice's CRM"));
        QTRY_VERIFY(a.doc.store().findNode(QStringLiteral("bobs-vendor")));
        QTRY_COMPARE(a.model(), b.model());
        QCOMPARE(serverModel(), a.model());
    }

    void removingANodeSomeoneJustAttachedAnEdgeToIsAConflict()
    {
        Client a(url("alice")), b(url("bob"));
        Edge e;
        e.id = QStringLiteral("bobs-edge");
        e.from = QStringLiteral("crm_tenant");
        e.to = QStringLiteral("crm");
        e.kind = EdgeKind::Code;
        b.doc.undoStack()->push(new ChangeCommand(&b.doc, addEdge(b.doc, e), QStringLiteral("Add edge")));
        // A removes crm with the edges it knows of, before Bob's edge has arrived.
        a.doc.undoStack()->push(
            new ChangeCommand(&a.doc, removeItems(a.doc, {QStringLiteral("crm")}, {}), QStringLiteral("Remove crm")));
        QCOMPARE(a.session.conflicts().size(), std::size_t(1));
        const TeamConflict c = a.session.conflicts().front();
        QVERIFY(c.items.front().kind == ItemKind::Edge);
        QCOMPARE(c.items.front().id, QStringLiteral("bobs-edge"));
        QVERIFY(!c.mine.edges.front().edge);
        QVERIFY(c.theirs.edges.front().edge);
        QCOMPARE(serverModel().nodes.size(), test::exampleModel().nodes.size()); // nothing written
        a.session.resolveConflict(c.id, true);
        QVERIFY(a.session.conflicts().empty());
        QTRY_VERIFY(!b.doc.store().findNode(QStringLiteral("crm")));
        QTRY_COMPARE(b.model(), a.model());
        QVERIFY(!a.model().edges.empty());
        QCOMPARE(serverModel(), a.model());
    }

    void undoAfterSomeoneElseChangedTheItemIsAConflict()
    {
        Client a(url("alice")), b(url("bob"));
        a.rename("crm", QStringLiteral("First"));
        QTRY_COMPARE(b.node("crm").name, QStringLiteral("First"));
        b.rename("crm", QStringLiteral("Second"));
        QTRY_COMPARE(a.node("crm").name, QStringLiteral("Second"));
        QSignalSpy detected(&a.session, &TeamSession::conflictDetected);
        a.doc.undoStack()->undo(); // would put back "CRM platform" over Bob's "Second"
        QCOMPARE(detected.count(), 1);
        const TeamConflict c = a.session.conflicts().front();
        QVERIFY(c.undo);
        QCOMPARE(c.mine.nodes.front().node->name, QStringLiteral("CRM platform"));
        QCOMPARE(c.theirs.nodes.front().node->name, QStringLiteral("Second"));
        QCOMPARE(serverModel().nodes, b.model().nodes); // nothing written meanwhile
        a.session.resolveConflict(c.id, false);
        QCOMPARE(a.node("crm").name, QStringLiteral("Second"));
        QTest::qWait(100);
        QCOMPARE(b.node("crm").name, QStringLiteral("Second"));
        QCOMPARE(a.model(), serverModel());
    }

    void serverRestartReconnectsAndLosesNoAcknowledgedEdit()
    {
        Client a(url("alice"));
        QSignalSpy states(&a.session, &TeamSession::stateChanged);
        a.rename("crm", QStringLiteral("Before restart"));
        QCOMPARE(a.session.queuedEdits(), 0); // acknowledged
        QVERIFY(m_server.restart());
        QTRY_VERIFY_WITH_TIMEOUT(states.count() >= 2, 10000); // offline, then online again
        QTRY_COMPARE_WITH_TIMEOUT(a.session.state(), TeamSession::State::Online, 10000);
        QCOMPARE(serverModel().nodes, a.model().nodes);

        // Offline: edits are queued, the model stays readable, and they are sent on reconnect.
        QVERIFY(m_server.pause());
        QTRY_COMPARE_WITH_TIMEOUT(a.session.state(), TeamSession::State::Offline, 10000);
        a.rename("crm", QStringLiteral("While offline"));
        a.add(QStringLiteral("offline-vendor"));
        QCOMPARE(a.session.queuedEdits(), 2);
        QVERIFY(a.session.statusText().contains(u"queued"));
        QVERIFY(a.doc.isModified());
        QVERIFY(m_server.resume());
        QTRY_COMPARE_WITH_TIMEOUT(a.session.state(), TeamSession::State::Online, 20000);
        QTRY_COMPARE(a.session.queuedEdits(), 0);
        QCOMPARE(serverModel(), a.model());
        QVERIFY(!a.doc.isModified());
    }

    // A server host that takes connections and never answers holds each reconnect attempt
    // for the connection timeout (5 s). The attempt runs off the GUI thread: the event loop
    // keeps running while it waits, and the session comes back once the server does.
    void aReconnectToAServerThatDoesNotAnswerLeavesTheEventLoopRunning()
    {
        Client a(url("alice"));
        QVERIFY(m_server.pause());
        QTRY_COMPARE_WITH_TIMEOUT(a.session.state(), TeamSession::State::Offline, 10000);
        // Something listens on the server's socket, accepts nothing and says nothing.
        const QByteArray path = QFile::encodeName(m_server.socketDir() + QStringLiteral("/.s.PGSQL.5432"));
        const int silent = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(silent >= 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        QVERIFY(std::size_t(path.size()) < sizeof addr.sun_path);
        std::memcpy(addr.sun_path, path.constData(), std::size_t(path.size()));
        QVERIFY(::bind(silent, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0);
        QVERIFY(::listen(silent, 16) == 0);
        QTRY_VERIFY_WITH_TIMEOUT(a.session.reconnecting(), 15000);
        bool ran = false;
        QTimer::singleShot(0, &a.session, [&ran] { ran = true; });
        QTRY_VERIFY(ran);
        QVERIFY(a.session.reconnecting()); // the event loop ran while the attempt waited
        QCOMPARE(a.session.state(), TeamSession::State::Offline);
        ::close(silent);
        ::unlink(path.constData());
        QVERIFY(m_server.resume());
        QTRY_COMPARE_WITH_TIMEOUT(a.session.state(), TeamSession::State::Online, 30000);
        QVERIFY(!a.session.reconnecting());
    }

    void viewerEditIsRefusedByTheServerAndUndone()
    {
        Client c(url("carol"));
        QVERIFY(!c.session.canWrite());
        QVERIFY(c.session.statusText().contains(u"view only"));
        QSignalSpy refused(&c.session, &TeamSession::editRefused);
        c.rename("crm", QStringLiteral("Viewer was here"));
        QCOMPARE(refused.count(), 1);
        QVERIFY2(refused.first().first().toString().contains(u"may only view"),
                 qPrintable(refused.first().first().toString()));
        QCOMPARE(c.node("crm").name, QStringLiteral("CRM platform"));
        QCOMPARE(serverModel(), c.model());
    }

    void historyThroughTheSession()
    {
        Client a(url("alice"));
        a.rename("crm", QStringLiteral("Logged"));
        HistoryQuery q;
        q.kind = ItemKind::Node;
        q.itemId = QStringLiteral("crm");
        const auto h = a.session.history(q);
        QVERIFY(h);
        QCOMPARE(h->size(), std::size_t(2)); // the rename, then the publish that created crm
        QCOMPARE(h->back().field, QStringLiteral("published"));
        QCOMPARE(h->front().author, QStringLiteral("alice"));
        QCOMPARE(h->front().after, std::optional<QString>(QStringLiteral("Logged")));
        QCOMPARE(h->front().summary, QStringLiteral("Rename crm"));
    }
};

QTEST_GUILESS_MAIN(TestTeamSession)
#include "tst_teamsession.moc"
