// SPDX-License-Identifier: GPL-3.0-or-later
// The caps of model/domain/limits.h (issue 11; resources/HARDENING.md): a model one past a
// cap is refused by the JSON reader, the .vgdb reader and the importer, with a message that
// names the cap; a model at the cap is accepted. The count caps of a document are checked
// before a row is read; a file over 256 MiB is refused before it is read. (Nesting depth,
// XML text and depth, CSV cells and columns: tst_hostileinputs.)
#include "tests/testutil.h"

#include "model/domain/limits.h"
#include "model/domain/validate.h"
#include "model/io/importer.h"
#include "model/io/inputfile.h"
#include "model/io/jsonreader.h"
#include "model/io/jsonwriter.h"
#include "model/io/modelfile.h"
#include "model/io/sample.h"
#include "model/storage/documentwriter.h"
#include "model/storage/sqlite.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace vg;

Q_DECLARE_METATYPE(std::function<void(vg::Model &, int)>)

namespace {

using Mutate = std::function<void(Model &, int)>; // (model, how many: the cap or cap + 1)

Node &firstOf(Model &m, NodeKind kind)
{
    for (Node &n : m.nodes)
        if (n.kind == kind)
            return n;
    return m.nodes.front();
}

Edge &firstDataEdge(Model &m)
{
    for (Edge &e : m.edges)
        if (e.kind == EdgeKind::Data)
            return e;
    return m.edges.front();
}

QStringList items(int n, const QString &prefix)
{
    QStringList l;
    l.reserve(n);
    for (int i = 0; i < n; ++i)
        l << prefix + QString::number(i);
    return l;
}

} // namespace

class TestLimits : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void overCapRefused_data()
    {
        QTest::addColumn<Mutate>("mutate");
        QTest::addColumn<int>("cap");
        QTest::addColumn<QString>("message");
        QTest::newRow("model name") << Mutate([](Model &m, int n) { m.name = QString(n, u'n'); })
                                    << int(kMaxNameChars) << QStringLiteral("at most 1 000 here");
        QTest::newRow("node name") << Mutate([](Model &m, int n) { firstOf(m, NodeKind::Vendor).name = QString(n, u'v'); })
                                   << int(kMaxNameChars) << QStringLiteral("at most 1 000 here");
        QTest::newRow("node description")
            << Mutate([](Model &m, int n) { firstOf(m, NodeKind::Service).description = QString(n, u'd'); })
            << int(kMaxTextChars) << QStringLiteral("at most 100 000 here");
        QTest::newRow("edge source") << Mutate([](Model &m, int n) { firstDataEdge(m).source = QString(n, u's'); })
                                     << int(kMaxTextChars) << QStringLiteral("at most 100 000 here");
        QTest::newRow("node tags")
            << Mutate([](Model &m, int n) { firstOf(m, NodeKind::Vendor).tags = items(n, QStringLiteral("t")); })
            << int(kMaxListItems) << QStringLiteral("at most 10 000 in one list");
        QTest::newRow("categories of the model's own")
            << Mutate([](Model &m, int n) {
                   // The sample's own categories stay (its edges use them); more up to n.
                   for (int i = int(m.categories.size()); i < n; ++i) {
                       CategoryDef c;
                       c.id = QStringLiteral("X.C%1").arg(i);
                       c.name = QStringLiteral("Custom %1").arg(i);
                       c.tier = 3;
                       m.categories.push_back(c);
                   }
               })
            << int(kMaxModelCategories) << QStringLiteral("up to 10 000");
        QTest::newRow("saved scenarios")
            << Mutate([](Model &m, int n) {
                   m.scenarios.clear();
                   m.activeScenario.clear();
                   const QString seed = firstOf(m, NodeKind::Vendor).id;
                   for (int i = 0; i < n; ++i) {
                       SavedScenario s;
                       s.name = QStringLiteral("scenario %1").arg(i);
                       s.breach = {seed};
                       m.scenarios.push_back(s);
                   }
               })
            << int(kMaxScenarios) << QStringLiteral("up to 1 000");
    }

    // One past the cap: refused by both readers with a message naming it; at the cap: the
    // cap is not what is reported.
    void overCapRefused()
    {
        QFETCH(Mutate, mutate);
        QFETCH(int, cap);
        QFETCH(QString, message);
        for (int n : {cap, cap + 1}) {
            Model m = bundledSample();
            mutate(m, n);
            const QString json = m_dir.filePath(QStringLiteral("m%1.json").arg(n));
            const QString doc = m_dir.filePath(QStringLiteral("m%1.vgdb").arg(n));
            QVERIFY(test::writeAll(json, serializeModelJson(m)));
            QVERIFY(writeDocument(m, doc).ok());
            for (const QString &path : {json, doc}) {
                QElapsedTimer t;
                t.start();
                const Expected<Model> read = loadModel(path);
                const QString text = read ? QString() : read.error().message();
                // Readers write 10000 or 10 000: compare without the spaces.
                const QString flat = QString(text).remove(u' '), want = QString(message).remove(u' ');
                qInfo("%s, %d: %lld ms: %s", QTest::currentDataTag(), n, t.elapsed(), qPrintable(text.left(160)));
                if (n == cap) {
                    QVERIFY2(!flat.contains(want), qPrintable(text.left(400)));
                } else {
                    QVERIFY2(!read, qPrintable(path));
                    QVERIFY2(flat.contains(want), qPrintable(text.left(400)));
                    QVERIFY2(text.contains(QStringLiteral("VendorGraph")), qPrintable(text.left(400)));
                }
            }
        }
    }

    // A document's counts are checked before a row is read: a file of a million and one nodes
    // (inserted by SQL, nothing else changed) is refused at once, naming the cap.
    void documentCountsCheckedFirst_data()
    {
        QTest::addColumn<QByteArray>("table");
        QTest::addColumn<QByteArray>("insert");
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<QString>("message");
        QTest::newRow("nodes") << QByteArray("nodes")
                               << QByteArray("INSERT INTO nodes(id,kind,name,description) SELECT 'x'||v,'vendor','X','' FROM c")
                               << qint64(kMaxNodes + 1) << QStringLiteral("up to 1000000 nodes");
        QTest::newRow("scenarios") << QByteArray("scenarios")
                                   << QByteArray("INSERT INTO scenarios(name,position,potential) SELECT 's'||v,v,1 FROM c")
                                   << qint64(kMaxScenarios + 1) << QStringLiteral("up to 1000 saved scenarios");
    }
    void documentCountsCheckedFirst()
    {
        QFETCH(QByteArray, insert);
        QFETCH(qint64, rows);
        QFETCH(QString, message);
        const QString path = m_dir.filePath(QStringLiteral("count-%1.vgdb").arg(QString::fromLatin1(QTest::currentDataTag())));
        QVERIFY(writeDocument(bundledSample(), path).ok());
        {
            sql::Database db = sql::Database::openReadWrite(path);
            db.exec(QByteArray("WITH RECURSIVE c(v) AS (SELECT 1 UNION ALL SELECT v+1 FROM c WHERE v < "
                               + QByteArray::number(rows) + ") " + insert)
                        .constData());
        }
        QElapsedTimer t;
        t.start();
        const Expected<Model> read = loadModel(path);
        QVERIFY(!read);
        qInfo("%lld ms: %s", t.elapsed(), qPrintable(read.error().message()));
        QVERIFY2(read.error().message().contains(message), qPrintable(read.error().message()));
    }

    // The importer leaves out a record over a cap, saying which cap, and imports the rest.
    void importRejectsRecordOverCap()
    {
        const QByteArray csv = "id,name,kind,description\nok,Fine vendor,vendor,short\nbig,Big vendor,vendor,"
            + QByteArray(kMaxTextChars + 1, 'x') + "\n";
        const Expected<ImportPlan> plan =
            planImport({ImportSource{QStringLiteral("nodes.csv"), ImportFormat::CsvNodes, csv}}, Model(), {});
        QVERIFY2(plan, plan ? "" : qPrintable(plan.error().message()));
        QCOMPARE(plan->rejected.size(), std::size_t(1));
        QVERIFY2(plan->rejected[0].toString().contains(QStringLiteral("at most 100000")),
                 qPrintable(plan->rejected[0].toString()));
        const Expected<Model> applied = applyImport(Model(), *plan);
        QVERIFY(applied);
        QCOMPARE(applied->nodes.size(), std::size_t(1));
    }

    // A file over 256 MiB is refused from its size alone (a sparse file: nothing is read).
    void fileSizeCap()
    {
        const QString path = m_dir.filePath(QStringLiteral("huge.json"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(kMaxInputBytes + 1));
        }
        QElapsedTimer t;
        t.start();
        const Expected<Model> read = loadModel(path);
        QVERIFY(!read);
        QVERIFY2(read.error().message().contains(QStringLiteral("up to 256 MiB")), qPrintable(read.error().message()));
        QVERIFY(t.elapsed() < 1000);
        QFile::remove(path);
    }
};

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
