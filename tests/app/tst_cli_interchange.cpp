// SPDX-License-Identifier: GPL-3.0-or-later
// `vendorgraph export`, `import` and `bench-import`, run as a user runs them.
#include "tests/clirun.h"
#include "tests/testutil.h"

#include "model/io/modelfile.h"
#include "model/io/sample.h"

#include <QDir>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace vg;

namespace {

using test::Run;
using test::run;

QString data(const char *name) { return QStringLiteral(VG_TEST_DATA "/interchange/") + QLatin1StringView(name); }

QStringList args(std::initializer_list<QString> list) { return QStringList(list); }

} // namespace

class TestCliInterchange : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const char *n) const { return m_dir.filePath(QLatin1StringView(n)); }

private Q_SLOTS:
    void initTestCase() { QCOMPARE(run({QStringLiteral("sample"), path("sample.vgdb")}).code, 0); }

    void helpListsTheNewCommands()
    {
        const Run r = run({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        for (const char *cmd : {"export MODEL --format json|csv|graphml|dot|mermaid|png|svg|pdf --out PATH",
                                "import IN...", "bench-import"})
            QVERIFY2(r.out.contains(QLatin1StringView(cmd)), cmd);
    }

    void exportsEveryDataFormat_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("out");
        QTest::addColumn<QString>("starts");
        QTest::newRow("json") << "json"
                              << "m.json"
                              << "{";
        QTest::newRow("graphml") << "graphml"
                                 << "m.graphml"
                                 << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
        QTest::newRow("dot") << "dot"
                             << "m.dot"
                             << "digraph \"Lumen AI (fictional sample)\" {";
        QTest::newRow("mermaid") << "mermaid"
                                 << "m.mmd"
                                 << "flowchart LR";
        QTest::newRow("csv: a folder with nodes.csv") << "csv"
                                                      << "csv/nodes.csv"
                                                      << "\xEF\xBB\xBFid,kind,name,";
        QTest::newRow("format names ignore case") << "GraphML"
                                                  << "m2.graphml"
                                                  << "<?xml";
    }
    void exportsEveryDataFormat()
    {
        QFETCH(QString, format);
        QFETCH(QString, out);
        QFETCH(QString, starts);
        const QString target = format == u"csv" ? m_dir.filePath(QStringLiteral("csv")) : m_dir.filePath(out);
        const Run r = run({QStringLiteral("export"), path("sample.vgdb"), QStringLiteral("--format"), format,
                           QStringLiteral("--out"), target});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(QString::fromUtf8(test::readAll(m_dir.filePath(out))).startsWith(starts));
        QCOMPARE(QFileInfo(m_dir.filePath(out)).permissions() & (QFile::ReadOther | QFile::ReadGroup),
                 QFileDevice::Permissions());
    }

    // blast --format csv: the scenario's exposed categories, one RFC 4180 row each.
    void blastWritesExposedCategoriesAsCsv()
    {
        const Run r = run({QStringLiteral("blast"), path("sample.vgdb"), QStringLiteral("--breach"),
                           QStringLiteral("analytics"), QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QVERIFY(lines.value(0).startsWith(QStringLiteral("category,name,tier,exposure,plaintext")));
        QCOMPARE(lines.size(), 7); // the six categories the analytics SDK received
        QVERIFY2(lines.contains(QStringLiteral("CONTACT.EMAIL,Email address,3,direct,direct,no,4200000,4200000,"
                                               "analytics,api_users,")),
                 qPrintable(lines.join(u'|')));
    }

    // report and export --scope blast run a saved scenario by name; --aware dates the deadlines.
    void reportAndBlastDiagramRunSavedScenarios()
    {
        Model m = bundledSample();
        SavedScenario a;
        a.name = QStringLiteral("Analytics breach");
        a.breach = {QStringLiteral("analytics")};
        a.awareness = QDateTime(QDate(2026, 11, 27), QTime(9, 30), QTimeZone(3600));
        SavedScenario empty;
        empty.name = QStringLiteral("Nothing yet");
        m.scenarios = {a, empty};
        m.activeScenario = a.name;
        QVERIFY(saveModel(m, path("saved.vgdb")).ok());
        Run r = run({QStringLiteral("report"), path("saved.vgdb"), QStringLiteral("--scenario"),
                     QStringLiteral("active"), QStringLiteral("--out"), path("saved.pdf")});
        QCOMPARE(r.code, 0);
        QVERIFY(test::readAll(path("saved.pdf")).startsWith("%PDF-"));
        r = run({QStringLiteral("report"), path("saved.vgdb"), QStringLiteral("--scenario"), QStringLiteral("Nope"),
                 QStringLiteral("--out"), path("nope.pdf")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("\"Analytics breach\", \"Nothing yet\"")), qPrintable(r.err));
        QVERIFY(!QFile::exists(path("nope.pdf")));
        r = run({QStringLiteral("report"), path("saved.vgdb"), QStringLiteral("--scenario"),
                 QStringLiteral("Nothing yet"), QStringLiteral("--out"), path("empty.pdf")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("has no seeds")), qPrintable(r.err));
        r = run({QStringLiteral("report"), path("saved.vgdb"), QStringLiteral("--scenario"), QStringLiteral("active"),
                 QStringLiteral("--breach"), QStringLiteral("crm"), QStringLiteral("--out"), path("both.pdf")});
        QCOMPARE(r.code, 2);
        r = run({QStringLiteral("report"), path("saved.vgdb"), QStringLiteral("--breach"), QStringLiteral("crm"),
                 QStringLiteral("--aware"), QStringLiteral("yesterday"), QStringLiteral("--out"), path("bad.pdf")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("--aware must be a time with its UTC offset")));
        r = run({QStringLiteral("report"), path("saved.vgdb"), QStringLiteral("--breach"), QStringLiteral("crm"),
                 QStringLiteral("--aware"), QStringLiteral("2026-11-27T09:30:00Z"), QStringLiteral("--out"),
                 path("crm.pdf")});
        QCOMPARE(r.code, 0);
        r = run({QStringLiteral("export"), path("saved.vgdb"), QStringLiteral("--format"), QStringLiteral("svg"),
                 QStringLiteral("--scope"), QStringLiteral("blast"), QStringLiteral("--scenario"),
                 QStringLiteral("Analytics breach"), QStringLiteral("--out"), path("blast.svg")});
        QCOMPARE(r.code, 0);
        QVERIFY(test::readAll(path("blast.svg")).contains("Pulsegraph"));
    }

    // bench-export times the diagrams and the one-pager, with the busiest vendor as the seed.
    void benchExportPrintsTimings()
    {
        const Run r =
            run({QStringLiteral("bench-export"), path("sample.vgdb"), QStringLiteral("--runs"), QStringLiteral("1")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        for (const char *key : {"png_2x_s", "svg_s", "pdf_s", "blast_png_2x_s", "report_s"})
            QVERIFY2(o.value(QLatin1StringView(key)).toDouble() > 0, key);
        QVERIFY(o.value(QStringLiteral("seeds")).toString().endsWith(QStringLiteral("breached")));
        QVERIFY(o.value(QStringLiteral("reached")).toInt() > 1);
    }

    // bench-canvas prints every key the canvas benchmark promises (issue 7), with sane values.
    void benchCanvasPrintsEveryKey()
    {
        const QString shots = path("shots");
        QVERIFY(QDir().mkpath(shots));
        const Run r = run({QStringLiteral("bench-canvas"), path("sample.vgdb"), QStringLiteral("--save"), shots});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        for (const char *key : {"nodes", "edges", "load_s", "scene_s", "fit_paint_ms", "zoom100_paint_ms", "tiers_s",
                                "organic_s", "layered_s", "edit_ms", "overlay_ms", "overlay_run_ms", "peak_rss_mb"})
            QVERIFY2(o.contains(QLatin1StringView(key)), key);
        // The overlay round really ran a scenario that reached something, and painted it.
        QVERIFY(o.value(QStringLiteral("overlay_ms")).toDouble() > 0);
        QVERIFY(o.value(QStringLiteral("overlay_reached_max")).toInt() > 1);
        QVERIFY(!QImage(shots + QStringLiteral("/overlay.png")).isNull());
        QCOMPARE(o.value(QStringLiteral("nodes")).toInt(), 76);
        QVERIFY(o.value(QStringLiteral("edit_ms")).toDouble() > 0);
        QCOMPARE(o.value(QStringLiteral("edit_items_refreshed")).toDouble(), 1.0);
        QVERIFY(o.value(QStringLiteral("layered_s")).toDouble() > 0); // the sample is small enough for dot
        QVERIFY(!QImage(shots + QStringLiteral("/zoom100.png")).isNull());
    }

    void exportedDotRendersWithGraphviz()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("dot")).isEmpty())
            QFAIL("Graphviz's dot is not installed; bash .ci/deps installs it (package graphviz)");
        QCOMPARE(run({QStringLiteral("export"), path("sample.vgdb"), QStringLiteral("--format"), QStringLiteral("dot"),
                      QStringLiteral("--out"), path("r.dot")})
                     .code,
                 0);
        QProcess dot;
        dot.start(QStringLiteral("dot"), {QStringLiteral("-Tsvg"), path("r.dot"), QStringLiteral("-o"), path("r.svg")});
        QVERIFY(dot.waitForFinished(60000));
        QVERIFY2(dot.exitCode() == 0, dot.readAllStandardError().constData());
        QVERIFY(test::readAll(path("r.svg")).contains("Pulsegraph Analytics"));
    }

    void exportUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown format lists the valid ones")
            << args({QStringLiteral("--format"), QStringLiteral("xlsx"), QStringLiteral("--out"), QStringLiteral("x")})
            << "unknown format \"xlsx\"; expected one of json, csv, graphml, dot, mermaid";
        QTest::newRow("missing --out") << args({QStringLiteral("--format"), QStringLiteral("dot")})
                                       << "--format and --out are required";
        QTest::newRow("an option of another format")
            << args({QStringLiteral("--format"), QStringLiteral("dot"), QStringLiteral("--out"), QStringLiteral("x"),
                     QStringLiteral("--raw-csv")})
            << "--raw-csv does not apply to --format dot";
        QTest::newRow("unknown option") << args(
            {QStringLiteral("--format"), QStringLiteral("dot"), QStringLiteral("--out"), QStringLiteral("x"),
             QStringLiteral("--bogus")}) << "bogus";
    }
    void exportUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run r = run(QStringList{QStringLiteral("export"), path("sample.vgdb")} + arguments);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void exportOfAnInvalidModelFails()
    {
        QVERIFY(test::writeAll(path("broken.json"), "{\"format\": \"vendorgraph\", \"version\": 1, \"nodes\": [,]}"));
        const Run r = run({QStringLiteral("export"), path("broken.json"), QStringLiteral("--format"),
                           QStringLiteral("csv"), QStringLiteral("--out"), path("never")});
        QCOMPARE(r.code, 1);
        QVERIFY(!QFileInfo::exists(path("never")));
    }

    void csvAndGraphmlRoundTripThroughTheCommandLine_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("out");
        QTest::newRow("csv folder") << "csv"
                                    << "rt-csv";
        QTest::newRow("graphml") << "graphml"
                                 << "rt.graphml";
    }
    void csvAndGraphmlRoundTripThroughTheCommandLine()
    {
        QFETCH(QString, format);
        QFETCH(QString, out);
        const QString target = m_dir.filePath(out), back = m_dir.filePath(out + QStringLiteral(".vgdb"));
        QCOMPARE(run({QStringLiteral("export"), path("sample.vgdb"), QStringLiteral("--format"), format,
                      QStringLiteral("--out"), target})
                     .code,
                 0);
        const Run r = run({QStringLiteral("import"), target, QStringLiteral("--out"), back});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("%1 node(s) added").arg(bundledSample().nodes.size())));
        Model expected = bundledSample(), actual = loadModel(back).value();
        expected.sortById();
        actual.sortById();
        QCOMPARE(actual.nodes, expected.nodes);
        QCOMPARE(actual.edges, expected.edges);
        QCOMPARE(actual.categories, expected.categories);
    }

    void importFailsWithFileLineAndReason_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("truncated CSV") << data("truncated.csv") << "truncated.csv: line 2: the quoted cell";
        QTest::newRow("wrong column count")
            << data("wrong-columns.csv") << "wrong-columns.csv:3: 4 cells, but the header has 3 columns";
        QTest::newRow("unknown category")
            << data("unknown-category")
            << "unknown-category/edges.csv:2: categories: unknown category \"LOYALTY.POINTS\"";
        QTest::newRow("GraphML with a DTD")
            << data("graphs/dtd.graphml") << "dtd.graphml: line 2: the file declares a DTD";
        QTest::newRow("GraphML with entity expansion") << data("graphs/billion-laughs.graphml") << "declares a DTD";
        QTest::newRow("an unreadable encoding")
            << data("utf16-nobom.csv") << "utf16-nobom.csv: line 1: unreadable encoding";
    }
    void importFailsWithFileLineAndReason()
    {
        QFETCH(QString, input);
        QFETCH(QString, message);
        const Run r = run({QStringLiteral("import"), input, QStringLiteral("--out"), path("never.vgdb")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(path("never.vgdb")));
    }

    void aFailedImportIntoAModelChangesNothing()
    {
        QCOMPARE(run({QStringLiteral("sample"), path("into.vgdb")}).code, 0);
        const QByteArray before = test::sha(path("into.vgdb"));
        const Run r = run({QStringLiteral("import"), data("wrong-columns.csv"), QStringLiteral("--into"),
                           path("into.vgdb"), QStringLiteral("--out"), path("into.vgdb")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("nothing was written")));
        QCOMPARE(test::sha(path("into.vgdb")), before);
    }

    void dryRunListsEveryRowItWouldReject()
    {
        const Run r = run({QStringLiteral("import"), data("subprocessors.csv"), QStringLiteral("--into"),
                           path("sample.vgdb"), QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 1); // what the real import would do: rows are rejected
        for (const char *line :
             {"reject " VG_TEST_DATA "/interchange/subprocessors.csv:8: no sub-processor",
              "reject " VG_TEST_DATA "/interchange/subprocessors.csv:9: 5 cells, but the header has 4 columns",
              "note " VG_TEST_DATA "/interchange/subprocessors.csv:4: duplicate of line 2; skipped",
              "source " VG_TEST_DATA "/interchange/subprocessors.csv: sub-processor sheet (UTF-8, delimiter \",\")",
              "add vendor amazon_web_services_inc \"Amazon Web Services, Inc.\""})
            QVERIFY2(r.out.contains(QString::fromUtf8(line)), line);
        QVERIFY(r.out.contains(QStringLiteral("uncertain ")));
        const QDir dir(m_dir.path());
        QVERIFY(!dir.entryList().contains(QStringLiteral("never.vgdb")));
        // A dry run that would succeed exits 0 and writes nothing.
        const Run ok = run({QStringLiteral("import"), data("inventory"), QStringLiteral("--dry-run")});
        QVERIFY2(ok.code == 0, qPrintable(ok.err));
        QVERIFY(ok.out.contains(QStringLiteral("5 node(s) added, 0 matched; 4 edge(s) added")));
    }

    void uncertainMatchesNeedADecision()
    {
        QCOMPARE(run({QStringLiteral("import"), data("inventory"), QStringLiteral("--out"), path("inv.vgdb")}).code, 0);
        const QStringList base{QStringLiteral("import"), data("subprocessors.csv"),         QStringLiteral("--into"),
                               path("inv.vgdb"),         QStringLiteral("--skip-rejected"), QStringLiteral("--out"),
                               path("inv2.vgdb")};
        Run r = run(base);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("uncertain match(es)")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("\"Stripe\" may be \"Stripe, Inc.\"")));
        QVERIFY(!QFileInfo::exists(path("inv2.vgdb")));
        r = run(base + QStringList{QStringLiteral("--uncertain"), QStringLiteral("merge")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // The rejected rows are still reported on stderr.
        QVERIFY(r.err.contains(QStringLiteral("subprocessors.csv:8: no sub-processor")));
        const Run c = run({QStringLiteral("concentration"), path("inv2.vgdb")});
        QCOMPARE(c.code, 0);
        QVERIFY2(c.out.contains(QStringLiteral("amazon_web_services_inc")), qPrintable(c.out));
    }

    void importUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no --out and no --dry-run") << args({data("inventory")}) << "--out is required";
        QTest::newRow("an output that is not a model")
            << args({data("inventory"), QStringLiteral("--out"), QStringLiteral("x.txt")})
            << "expected a name ending in .vgdb";
        QTest::newRow("bad --uncertain") << args(
            {data("inventory"), QStringLiteral("--dry-run"), QStringLiteral("--uncertain"), QStringLiteral("maybe")})
                                         << "--uncertain expects merge or separate";
        QTest::newRow("bad --default-kind") << args(
            {data("inventory"), QStringLiteral("--dry-run"), QStringLiteral("--default-kind"), QStringLiteral("robot")})
                                            << "--default-kind expects people, service or vendor";
        QTest::newRow("bad --kind-value") << args(
            {data("inventory"), QStringLiteral("--dry-run"), QStringLiteral("--kind-value"), QStringLiteral("SaaS")})
                                          << "--kind-value expects VALUE=KIND";
        QTest::newRow("no input") << args({QStringLiteral("--dry-run")}) << "expected 1 to 10000 argument(s)";
    }
    void importUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run r = run(QStringList{QStringLiteral("import")} + arguments);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void importsGraphFilesWithMappingOptions()
    {
        const Run r = run({QStringLiteral("import"), data("graphs/yed.graphml"), data("graphs/gephi.gexf"),
                           QStringLiteral("--out"), path("graphs.json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const Model m = loadModel(path("graphs.json")).value();
        QCOMPARE(m.nodes.size(), std::size_t(6));
        QCOMPARE(m.layout.size(), 6);
        // A plain diagram needs a default edge kind.
        QVERIFY(test::writeAll(path("plain.graphml"),
                               "<graphml><graph><node id=\"a\"/><node id=\"b\"/>"
                               "<edge source=\"a\" target=\"b\"/></graph></graphml>"));
        QCOMPARE(
            run({QStringLiteral("import"), path("plain.graphml"), QStringLiteral("--out"), path("plain.json")}).code,
            1);
        const Run d = run({QStringLiteral("import"), path("plain.graphml"), QStringLiteral("--default-edge-kind"),
                           QStringLiteral("hosts"), QStringLiteral("--default-kind"), QStringLiteral("vendor"),
                           QStringLiteral("--out"), path("plain.json")});
        QVERIFY2(d.code == 0, qPrintable(d.err));
        const Model p = loadModel(path("plain.json")).value();
        QCOMPARE(toString(p.edges.at(0).kind), QStringLiteral("hosts"));
        QCOMPARE(toString(p.nodes.at(0).kind), QStringLiteral("vendor"));
    }

    void benchImportPrintsTimings()
    {
        const Run r = run({QStringLiteral("bench-import"), data("inventory")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        for (const char *key : {"records", "nodes", "edges", "plan_s", "apply_s", "import_s", "peak_rss_mb"})
            QVERIFY2(o.contains(QLatin1StringView(key)), key);
        QCOMPARE(o.value(u"records").toInt(), 9);
        QCOMPARE(o.value(u"nodes").toInt(), 5);
    }
};

QTEST_GUILESS_MAIN(TestCliInterchange)
#include "tst_cli_interchange.moc"
