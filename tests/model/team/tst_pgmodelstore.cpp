// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/model/team/pgtestserver.h"
#include "tests/testutil.h"

#include "model/io/generator.h"
#include "model/io/modelfile.h"
#include "model/io/sample.h"
#include "model/storage/pgmodelstore.h"

#include <QRandomGenerator>
#include <QTemporaryDir>

#include <csignal>

using namespace vg;

namespace {

Node vendorNode(const QString &id, const QString &name)
{
    Node n;
    n.id = id;
    n.kind = NodeKind::Vendor;
    n.name = name;
    return n;
}

} // namespace

class TestPgModelStore : public QObject {
    Q_OBJECT
private:
    test::PgTestServer m_server;

    pg::Connection as(const char *user) { return m_server.login(QString::fromLatin1(user)); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString why = m_server.start();
        if (!why.isEmpty())
            QFAIL(qPrintable(why));
    }
    void cleanupTestCase() { m_server.stop(); }

    void pushThenPullIsByteIdentical_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("the bundled sample") << QStringLiteral("sample") << serializeModelJson(bundledSample());
        GeneratorParams g;
        g.people = 5;
        g.services = 300;
        g.vendors = 400;
        g.edges = 3000;
        g.seed = 7;
        QTest::newRow("a generated model") << QStringLiteral("generated") << serializeModelJson(generateModel(g));
        QTest::newRow("the format example, with layout and own categories")
            << QStringLiteral("example") << serializeModelJson(test::exampleModel());
    }
    void pushThenPullIsByteIdentical()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, json);
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("in.json")), out = dir.filePath(QStringLiteral("out.json"));
        QVERIFY(test::writeAll(in, json));
        QProcess push;
        push.start(QStringLiteral(VG_BINARY), {QStringLiteral("push"), in, m_server.url(QStringLiteral("dave"), name)});
        QVERIFY(push.waitForFinished(60000));
        QCOMPARE(push.exitCode(), 0);
        QProcess pull;
        pull.start(QStringLiteral(VG_BINARY),
                   {QStringLiteral("pull"), m_server.url(QStringLiteral("carol"), name), out});
        QVERIFY(pull.waitForFinished(60000));
        QCOMPARE(pull.exitCode(), 0);
        QCOMPARE(test::readAll(out), json);
    }

    void pushRefusesToOverwriteUnlessReplace()
    {
        const Model m = test::exampleModel();
        const QString url = m_server.url(QStringLiteral("dave"), QStringLiteral("twice"));
        QVERIFY(pushModel(m, url, false).ok());
        const Status again = pushModel(m, url, false);
        QVERIFY(!again);
        QVERIFY2(again.error().message().contains(u"already on the server"), qPrintable(again.error().message()));
        Model changed = m;
        changed.name = QStringLiteral("Replaced");
        QVERIFY(pushModel(changed, url, true).ok());
        QCOMPARE(pullModel(url)->name, QStringLiteral("Replaced"));
        // An editor may edit models but not replace them: the server refuses.
        const Status editor = pushModel(m, m_server.url(QStringLiteral("alice"), QStringLiteral("twice")), true);
        QVERIFY(!editor);
        QVERIFY2(editor.error().message().contains(u"permission denied"), qPrintable(editor.error().message()));
        // Deleting is for admins too.
        QVERIFY(!deleteModel(m_server.url(QStringLiteral("alice"), QStringLiteral("twice"))));
        QVERIFY(deleteModel(url).ok());
        QVERIFY(!pullModel(url));
        QVERIFY(!deleteModel(url));
    }

    void commitDetectsConflictsByRevision()
    {
        QVERIFY(pushModel(test::exampleModel(), m_server.url(QStringLiteral("dave"), QStringLiteral("conf")), false));
        pg::Connection a = as("alice"), b = as("bob");
        PgModelStore sa(a), sb(b);
        const TeamSnapshot snap = *sa.open(QStringLiteral("conf"));
        const qint64 base = snap.nodeRevisions.value(QStringLiteral("crm"));
        QCOMPARE(base, 1);
        Node crm = *std::find_if(snap.model.nodes.begin(), snap.model.nodes.end(),
                                 [](const Node &n) { return n.id == u"crm"; });
        TeamEdit ea;
        crm.name = QStringLiteral("Alice's name");
        ea.nodes.push_back({crm.id, base, crm, std::nullopt});
        const CommitResult ra = sa.commit(snap.modelId, ea);
        QVERIFY(ra.committed());
        QCOMPARE(ra.revision, 2);
        // Bob still has revision 1 of crm: refused, nothing written.
        TeamEdit eb;
        crm.name = QStringLiteral("Bob's name");
        eb.nodes.push_back({crm.id, base, crm, std::nullopt});
        eb.nodes.push_back(
            {QStringLiteral("new-one"), 0, vendorNode(QStringLiteral("new-one"), QStringLiteral("x")), std::nullopt});
        const CommitResult rb = sb.commit(snap.modelId, eb);
        QVERIFY(!rb.committed());
        QCOMPARE(rb.conflicts.size(), std::size_t(1));
        QCOMPARE(rb.conflicts[0], (ItemConflict{ItemKind::Node, QStringLiteral("crm"), 2}));
        const TeamSnapshot after = *sb.open(QStringLiteral("conf"));
        QCOMPARE(after.revision, 2);
        QVERIFY(!after.nodeRevisions.contains(QStringLiteral("new-one")));
        // Adding an id that someone else added meanwhile is a conflict too (base 0).
        TeamEdit dup;
        dup.nodes.push_back({QStringLiteral("api_users"), 0,
                             vendorNode(QStringLiteral("api_users"), QStringLiteral("d")), std::nullopt});
        QVERIFY(!sb.commit(snap.modelId, dup).committed());
        // An edge to a node that is not there, and removing a node that still has an edge: refused.
        TeamEdit dangling;
        Edge e;
        e.id = QStringLiteral("dangling");
        e.from = QStringLiteral("crm");
        e.to = QStringLiteral("ghost");
        e.kind = EdgeKind::Code;
        dangling.edges.push_back({e.id, 0, e});
        QVERIFY(!sb.commit(snap.modelId, dangling).committed());
        TeamEdit orphan;
        orphan.nodes.push_back({QStringLiteral("crm"), 2, std::nullopt, std::nullopt});
        const CommitResult ro = sb.commit(snap.modelId, orphan);
        QVERIFY(!ro.committed());
        QVERIFY(std::any_of(ro.conflicts.begin(), ro.conflicts.end(),
                            [](const ItemConflict &c) { return c.kind == ItemKind::Edge; }));
        // The server keeps every edge joined to its nodes even against direct SQL by an editor.
        for (const char *sql : {"DELETE FROM vendorgraph.nodes WHERE model_id = $1 AND id = 'crm'",
                                "INSERT INTO vendorgraph.edges(model_id, id, revision, src, dst, kind, description, "
                                "source) VALUES ($1, 'raw', 9, 'crm', 'ghost', 'code', '', '')",
                                "UPDATE vendorgraph.edges SET dst = 'ghost' WHERE model_id = $1"}) {
            try {
                b.exec(sql, {pg::param(snap.modelId)});
                QFAIL(qPrintable(QStringLiteral("accepted: %1").arg(QLatin1StringView(sql))));
            } catch (const pg::PgError &err) {
                QCOMPARE(err.sqlState, QStringLiteral("23503"));
            }
        }
    }

    void viewerCannotWriteWhateverItSends()
    {
        QVERIFY(pushModel(test::exampleModel(), m_server.url(QStringLiteral("dave"), QStringLiteral("ro")), false));
        pg::Connection c = as("carol");
        PgModelStore s(c);
        const TeamSnapshot snap = *s.open(QStringLiteral("ro"));
        TeamEdit e;
        e.nodes.push_back({QStringLiteral("v"), 0, vendorNode(QStringLiteral("v"), QStringLiteral("V")), std::nullopt});
        try {
            s.commit(snap.modelId, e);
            QFAIL("a viewer's commit was accepted");
        } catch (const pg::PgError &err) {
            QCOMPARE(err.sqlState, QStringLiteral("42501"));
            QVERIFY2(err.message.contains(u"may only view"), qPrintable(err.message));
            QVERIFY(teamErrorText(err).contains(u"vendorgraph_editor"));
        }
        const QByteArray id = QByteArray::number(snap.modelId);
        const char *attempts[] = {
            "INSERT INTO vendorgraph.nodes(model_id, id, revision, kind, name, description) "
            "VALUES ($1, 'x', 9, 'vendor', 'x', '')",
            "UPDATE vendorgraph.nodes SET name = 'hacked' WHERE model_id = $1",
            "DELETE FROM vendorgraph.edges WHERE model_id = $1",
            "UPDATE vendorgraph.models SET revision = 99 WHERE id = $1",
            "DELETE FROM vendorgraph.models WHERE id = $1",
            "INSERT INTO vendorgraph.history(model_id, revision, author, at, item_kind, item_id) "
            "VALUES ($1, 1, 'alice', now(), 'node', 'x')",
            "INSERT INTO vendorgraph.revisions(model_id, revision, author, at) VALUES ($1, 50, 'x', now())",
            "SELECT 1 FROM vendorgraph.models WHERE id = $1 FOR UPDATE",
        };
        for (const char *sql : attempts) {
            try {
                c.exec(sql, {pg::Param(id)});
                QFAIL(qPrintable(QStringLiteral("a viewer ran: %1").arg(QLatin1StringView(sql))));
            } catch (const pg::PgError &err) {
                QCOMPARE(err.sqlState, QStringLiteral("42501"));
            }
        }
        for (const char *sql : {"CREATE TABLE vendorgraph.mine(x int)", "DROP TABLE vendorgraph.nodes",
                                "TRUNCATE vendorgraph.nodes", "ALTER TABLE vendorgraph.nodes DISABLE TRIGGER ALL"}) {
            try {
                c.execScript(sql);
                QFAIL(qPrintable(QStringLiteral("a viewer ran: %1").arg(QLatin1StringView(sql))));
            } catch (const pg::PgError &err) {
                QVERIFY2(err.sqlState == u"42501", qPrintable(err.sqlState + err.message));
            }
        }
        try {
            c.copyIn("COPY vendorgraph.nodes(model_id, id, revision, kind, name, description) FROM STDIN",
                     [&](QByteArray &chunk) {
                         chunk = id + "\tcopied\t5\tvendor\tx\t\n";
                         return false;
                     });
            QFAIL("a viewer's COPY was accepted");
        } catch (const pg::PgError &err) {
            QCOMPARE(err.sqlState, QStringLiteral("42501"));
        }
        // Nothing changed.
        QCOMPARE(
            [&] {
                Model m = PgModelStore(c).open(QStringLiteral("ro"))->model;
                m.sortById();
                return m;
            }(),
            [] {
                Model m = test::exampleModel();
                m.sortById();
                return m;
            }());
    }

    void historyRecordsEveryFieldChangeWithItsAuthor()
    {
        QVERIFY(pushModel(test::exampleModel(), m_server.url(QStringLiteral("dave"), QStringLiteral("hist")), false));
        pg::Connection a = as("alice"), b = as("bob");
        PgModelStore sa(a), sb(b);
        const TeamSnapshot snap = *sa.open(QStringLiteral("hist"));
        Node crm = *std::find_if(snap.model.nodes.begin(), snap.model.nodes.end(),
                                 [](const Node &n) { return n.id == u"crm"; });
        crm.name = QStringLiteral("Cloudforce");
        crm.description = QStringLiteral("Sales CRM");
        TeamEdit e1;
        e1.summary = QStringLiteral("Rename crm");
        e1.nodes.push_back({crm.id, 1, crm, QPointF(5, 6)});
        const qint64 r1 = sa.commit(snap.modelId, e1).revision;
        QCOMPARE(r1, 2);
        crm.tags = QStringList{QStringLiteral("critical")};
        crm.vendor = VendorProfile{};
        crm.vendor->dpa = true;
        TeamEdit e2;
        e2.nodes.push_back({crm.id, r1, crm, QPointF(5, 6)});
        Edge e = snap.model.edges.front();
        e2.edges.push_back({e.id, 1, std::nullopt});
        const qint64 r2 = sb.commit(snap.modelId, e2).revision;
        QCOMPARE(r2, 3);

        HistoryQuery q;
        q.kind = ItemKind::Node;
        q.itemId = QStringLiteral("crm");
        const std::vector<HistoryEntry> h = sa.history(snap.modelId, q);
        auto find = [&](qint64 rev, const char *field) -> const HistoryEntry * {
            for (const HistoryEntry &x : h)
                if (x.revision == rev && x.field == QLatin1StringView(field))
                    return &x;
            return nullptr;
        };
        const HistoryEntry *name = find(r1, "name");
        QVERIFY(name);
        QCOMPARE(name->author, QStringLiteral("alice"));
        QCOMPARE(name->before, std::optional<QString>(QStringLiteral("CRM platform")));
        QCOMPARE(name->after, std::optional<QString>(QStringLiteral("Cloudforce")));
        QCOMPARE(name->summary, QStringLiteral("Rename crm"));
        QVERIFY(find(r1, "description"));
        QCOMPARE(find(r1, "description")->after, std::optional<QString>(QStringLiteral("Sales CRM")));
        QVERIFY(find(r2, "tags"));
        QCOMPARE(find(r2, "tags")->author, QStringLiteral("bob"));
        QCOMPARE(find(r2, "tags")->before, std::nullopt);
        QVERIFY(find(r2, "vendor"));
        QVERIFY(find(r2, "vendor")->after->contains(u"\"dpa\": true"));
        // Exactly the changed fields: two in r1 (positions are layout, not history), two in r2.
        QCOMPARE(std::count_if(h.begin(), h.end(), [&](const HistoryEntry &x) { return x.revision == r1; }), 2);
        QCOMPARE(std::count_if(h.begin(), h.end(), [&](const HistoryEntry &x) { return x.revision == r2; }), 2);
        QVERIFY(h.front().at.isValid());
        QVERIFY(qAbs(h.front().at.secsTo(QDateTime::currentDateTimeUtc())) < 300);

        // The removed edge: one entry holding what it was.
        HistoryQuery qe;
        qe.kind = ItemKind::Edge;
        qe.itemId = e.id;
        const auto he = sb.history(snap.modelId, qe);
        QCOMPARE(he.size(), std::size_t(2));
        QVERIFY(he[0].field.isEmpty() && he[0].before && !he[0].after);
        QCOMPARE(he[0].author, QStringLiteral("bob"));
        // Its creation: the publish (the items of a publish are not logged one by one).
        QCOMPARE(he[1].field, QStringLiteral("published"));
        QCOMPARE(he[1].revision, 1);
        QCOMPARE(he[1].author, QStringLiteral("dave"));
        // An id that never existed has no history at all.
        HistoryQuery none;
        none.kind = ItemKind::Node;
        none.itemId = QStringLiteral("never-there");
        QVERIFY(sb.history(snap.modelId, none).empty());

        // The model-wide log filters by person and date.
        HistoryQuery byBob;
        byBob.author = QStringLiteral("bob");
        const auto hb = sa.history(snap.modelId, byBob);
        QCOMPARE(hb.size(), std::size_t(3));
        QVERIFY(std::all_of(hb.begin(), hb.end(), [](const HistoryEntry &x) { return x.author == u"bob"; }));
        HistoryQuery future;
        future.since = QDateTime::currentDateTimeUtc().addDays(1);
        QVERIFY(sa.history(snap.modelId, future).empty());

        // The author cannot be forged: an editor writing directly still records its login.
        b.exec("INSERT INTO vendorgraph.revisions(model_id, revision, author, at, summary) "
               "VALUES ($1, 99, 'alice', '2001-01-01', 'forged')",
               {pg::param(snap.modelId)});
        const pg::Result forged = a.exec("SELECT author, at > now() - interval '1 hour' FROM vendorgraph.revisions "
                                         "WHERE model_id = $1 AND revision = 99",
                                         {pg::param(snap.modelId)});
        QCOMPARE(forged.text(0, 0), QStringLiteral("bob"));
        QVERIFY(forged.boolean(0, 1));
    }

    void clientRefusesNewerSchemaAndMigratesOlder()
    {
        pg::Connection c = m_server.admin();
        QCOMPARE(teamSchemaVersion(c), kTeamSchemaVersion);
        c.exec("UPDATE vendorgraph.meta SET value = '99' WHERE key = 'schema_version'");
        const Status s = checkTeamSchema(c);
        QVERIFY(!s);
        QVERIFY2(s.error().message().contains(u"newer"), qPrintable(s.error().message()));
        QVERIFY(!pullModel(m_server.url(QStringLiteral("alice"), QStringLiteral("sample"))));
        QVERIFY(!initTeamSchema(c)); // server-init does not downgrade either
        // An older schema: the client asks for server-init, which migrates it.
        c.execScript("DROP INDEX vendorgraph.history_by_time; DROP INDEX vendorgraph.history_by_author;"
                     "ALTER TABLE vendorgraph.nodes DROP COLUMN extra; ALTER TABLE vendorgraph.edges DROP COLUMN extra;"
                     "UPDATE vendorgraph.meta SET value = '1' WHERE key = 'schema_version';");
        QVERIFY(!checkTeamSchema(c));
        QVERIFY(checkTeamSchema(c).error().message().contains(u"server-init"));
        const Expected<int> from = initTeamSchema(c);
        QVERIFY(from);
        QCOMPARE(*from, 1);
        QVERIFY(checkTeamSchema(c).ok());
        QVERIFY(c.exec("SELECT to_regclass('vendorgraph.history_by_author') IS NOT NULL").boolean(0, 0));
        // Schema 3's column is back, and a model with its fields goes round.
        QVERIFY(c.exec("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'vendorgraph' AND "
                       "column_name = 'extra'")
                    .integer(0, 0)
                == 2);
    }

    void killedClientLeavesServerConsistent()
    {
        QVERIFY(pushModel(test::exampleModel(), m_server.url(QStringLiteral("dave"), QStringLiteral("kill")), false));
        QProcess helper;
        helper.setProcessChannelMode(QProcess::SeparateChannels);
        helper.start(QStringLiteral(VG_TEAMHELPER), {m_server.url(QStringLiteral("alice"), QStringLiteral("kill"))});
        QVERIFY(helper.waitForStarted());
        // Wait until big edits are being sent, then kill at a random moment within one.
        QByteArray out;
        QElapsedTimer t;
        t.start();
        while (!out.contains("BIG") && t.elapsed() < 60000) {
            helper.waitForReadyRead(1000);
            out += helper.readAllStandardOutput();
        }
        QVERIFY2(out.contains("BIG"), out.constData());
        QTest::qWait(int(QRandomGenerator::global()->bounded(300)));
        ::kill(pid_t(helper.processId()), SIGKILL);
        QVERIFY(helper.waitForFinished(10000));
        out += helper.readAllStandardOutput();
        QList<int> acked;
        for (const QByteArray &line : out.split('\n'))
            if (line.startsWith("ACK "))
                acked << line.split(' ').at(1).toInt();
        QVERIFY(!acked.isEmpty());

        pg::Connection c = m_server.admin();
        const qint64 model = *PgModelStore(c).modelId(QStringLiteral("kill"));
        const pg::Param id = pg::param(model);
        // Revisions are gap-free and end at the model's revision; no item is newer.
        const pg::Result rev = c.exec("SELECT m.revision, count(r.*), max(r.revision) FROM vendorgraph.models m "
                                      "JOIN vendorgraph.revisions r ON r.model_id = m.id WHERE m.id = $1 "
                                      "GROUP BY m.revision",
                                      {id});
        QCOMPARE(rev.integer(0, 0), rev.integer(0, 1));
        QCOMPARE(rev.integer(0, 0), rev.integer(0, 2));
        QCOMPARE(c.exec("SELECT count(*) FROM vendorgraph.nodes WHERE model_id = $1 AND revision > $2",
                        {id, pg::param(rev.integer(0, 0))})
                     .integer(0, 0),
                 0);
        // Every acknowledged edit is there; every edit is whole: a node k-i with its edge ke-i, a
        // big edit with all of its nodes or none.
        for (const int i : acked)
            QCOMPARE(c.exec("SELECT count(*) FROM vendorgraph.nodes WHERE model_id = $1 AND id = $2",
                            {id, pg::param(QStringLiteral("k-%1").arg(i))})
                         .integer(0, 0),
                     1);
        QCOMPARE(c.exec("SELECT count(*) FROM vendorgraph.nodes n WHERE model_id = $1 AND id LIKE 'k-%' AND NOT "
                        "EXISTS (SELECT 1 FROM vendorgraph.edges e WHERE e.model_id = n.model_id AND e.id = 'ke-' || "
                        "substr(n.id, 3))",
                        {id})
                     .integer(0, 0),
                 0);
        const pg::Result big = c.exec("SELECT split_part(id, '-', 2), count(*) FROM vendorgraph.nodes WHERE model_id "
                                      "= $1 AND id LIKE 'b-%' GROUP BY 1",
                                      {id});
        for (int r = 0; r < big.rows(); ++r)
            QCOMPARE(big.integer(r, 1), 2000);
        // The server is not stuck: the model opens and takes a new edit.
        QVERIFY(pullModel(m_server.url(QStringLiteral("bob"), QStringLiteral("kill"))).ok());
        TeamEdit e;
        e.nodes.push_back({QStringLiteral("after-kill"), 0,
                           vendorNode(QStringLiteral("after-kill"), QStringLiteral("a")), std::nullopt});
        QVERIFY(PgModelStore(c).commit(model, e).committed());
    }
};

QTEST_GUILESS_MAIN(TestPgModelStore)
#include "tst_pgmodelstore.moc"
