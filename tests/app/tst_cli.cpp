// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/clirun.h"
#include "tests/testutil.h"

#include "model/io/modelfile.h"
#include "model/io/sample.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace vg;

using test::Run;
using test::run;

class TestCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const char *n) const { return m_dir.filePath(QLatin1StringView(n)); }
private Q_SLOTS:
    void helpAndVersion()
    {
        Run r = run({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        for (const char *cmd :
             {"validate", "convert", "sample", "generate", "blast", "rank", "whatif", "concentration", "bench"})
            QVERIFY2(r.out.contains(QLatin1StringView(cmd)), cmd);
        r = run({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("vendorgraph ")));
    }

    void unknownCommandOrOptionIsUsageError()
    {
        Run r = run({QStringLiteral("frobnicate")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("unknown command")));
        r = run({QStringLiteral("validate"), QStringLiteral("--bogus"), QStringLiteral("x.json")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("bogus")));
        r = run({QStringLiteral("convert"), QStringLiteral("only-one.json")});
        QCOMPARE(r.code, 2);
    }

    void sampleValidateConvertRoundTrip()
    {
        QCOMPARE(run({QStringLiteral("sample"), path("s.json")}).code, 0);
        Run r = run({QStringLiteral("validate"), path("s.json")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("valid")));
        QCOMPARE(run({QStringLiteral("convert"), path("s.json"), path("s.vgdb")}).code, 0);
        QCOMPARE(run({QStringLiteral("validate"), path("s.vgdb")}).code, 0);
        QCOMPARE(run({QStringLiteral("convert"), path("s.vgdb"), path("s2.json")}).code, 0);
        QCOMPARE(test::readAll(path("s2.json")), test::readAll(path("s.json")));
        QCOMPARE(run({QStringLiteral("sample"), path("s.vgdb")}).code, 0);
    }

    void validateListsEveryProblem()
    {
        QVERIFY(test::writeAll(path("bad.json"), R"({"format": "vendorgraph", "version": 1,
 "nodes": [{"id": "a", "kind": "robot"}, {"id": "p", "kind": "people", "count": -2}],
 "edges": [{"from": "a", "to": "ghost", "kind": "code"}]})"));
        const Run r = run({QStringLiteral("validate"), path("bad.json")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("/nodes/0/kind (line 2)")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("/nodes/1/count (line 2)")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("/edges/0/to (line 3)")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("3 problems")));
    }

    void failedConvertWritesNothing()
    {
        QVERIFY(
            test::writeAll(path("broken.json"), "{\"format\": \"vendorgraph\",\n \"version\": 1,\n \"nodes\": [,]}"));
        const Run r = run({QStringLiteral("convert"), path("broken.json"), path("never.vgdb")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("line 3, column")), qPrintable(r.err));
        QVERIFY(!QFile::exists(path("never.vgdb")));
        QCOMPARE(run({QStringLiteral("convert"), path("broken.json"), path("x.txt")}).code, 1);
    }

    void generateIsReproducible()
    {
        const QStringList args{QStringLiteral("generate"),   QStringLiteral("--people"), QStringLiteral("3"),
                               QStringLiteral("--services"), QStringLiteral("50"),       QStringLiteral("--vendors"),
                               QStringLiteral("80"),         QStringLiteral("--edges"),  QStringLiteral("900"),
                               QStringLiteral("--seed"),     QStringLiteral("42")};
        QCOMPARE(run(args + QStringList{path("g1.json")}).code, 0);
        QCOMPARE(run(args + QStringList{path("g2.json")}).code, 0);
        QCOMPARE(test::readAll(path("g1.json")), test::readAll(path("g2.json")));
        const auto m = loadModel(path("g1.json"));
        QVERIFY(m.ok());
        QCOMPARE(m->nodes.size(), std::size_t(133));
        Run bad = run({QStringLiteral("generate"), QStringLiteral("--edges"), QStringLiteral("lots"), path("g3.json")});
        QCOMPARE(bad.code, 2);
        QVERIFY(bad.err.contains(QStringLiteral("--edges")));
    }

    void generateRefusesSizesTheReadersRefuse()
    {
        const Run r = run(
            {QStringLiteral("generate"), QStringLiteral("--edges"), QStringLiteral("4000000"), path("toobig.json")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("up to 256 MiB")), qPrintable(r.err));
        QVERIFY(!QFile::exists(path("toobig.json")));
    }

    void benchIoWorksInATemporaryFolder()
    {
        QCOMPARE(run({QStringLiteral("sample"), path("bio.json")}).code, 0);
        // A file where the old bench-io wrote (and then deleted) its document.
        QVERIFY(test::writeAll(path("bio.bench.vgdb"), "mine"));
        const QStringList before = QDir(m_dir.path()).entryList(QDir::Files);
        const Run r = run({QStringLiteral("bench-io"), path("bio.json")});
        QCOMPARE(r.code, 0);
        QVERIFY(QJsonDocument::fromJson(r.out.toUtf8()).object().contains(u"vgdb_open_s"));
        QCOMPARE(test::readAll(path("bio.bench.vgdb")), QByteArray("mine"));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), before);
    }

    void blastJsonHasTheDocumentedShape()
    {
        QCOMPARE(run({QStringLiteral("sample"), path("m.vgdb")}).code, 0);
        const Run r = run({QStringLiteral("blast"), path("m.vgdb"), QStringLiteral("--breach"),
                           QStringLiteral("analytics"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        for (const char *key : {"scenario", "nodes", "exposed", "services", "obligations", "cost", "score"})
            QVERIFY2(o.contains(QLatin1StringView(key)), key);
        const QJsonObject scenario = o.value(u"scenario").toObject();
        QCOMPARE(scenario.value(u"breach").toArray().at(0).toString(), QStringLiteral("analytics"));
        QVERIFY(scenario.value(u"max_hops").isNull());
        QCOMPARE(scenario.value(u"potential").toBool(), true);
        const QJsonObject n = o.value(u"nodes").toArray().at(0).toObject();
        QVERIFY(!n.contains(u"path")); // only with --paths
        for (const char *key :
             {"id", "kind", "state", "certainty", "hops", "predecessor", "edge", "tenant", "escalation"})
            QVERIFY2(n.contains(QLatin1StringView(key)), key);
        const QJsonArray exposed = o.value(u"exposed").toArray();
        QCOMPARE(exposed.size(), 6);
        QCOMPARE(exposed.at(0).toObject().value(u"category").toString(), QStringLiteral("CONTACT.EMAIL")); // sorted
        for (const char *key : {"category", "tier", "certainty", "plaintext", "encrypted", "some_encrypted", "holders",
                                "via", "origins", "people", "records", "records_known"})
            QVERIFY2(exposed.at(0).toObject().contains(QLatin1StringView(key)), key);
        const QJsonObject ob = o.value(u"obligations").toArray().at(0).toObject();
        for (const char *key : {"regime", "status", "deadline", "recipient", "reason"})
            QVERIFY2(ob.contains(QLatin1StringView(key)), key);
        const QJsonObject cost = o.value(u"cost").toObject();
        QVERIFY(cost.value(u"low").toDouble() <= cost.value(u"high").toDouble());
        QCOMPARE(cost.value(u"currency").toString(), QStringLiteral("USD"));
        QVERIFY(!cost.value(u"assumptions").toArray().isEmpty());
        QVERIFY(o.value(u"score").toDouble() > 0);
    }

    void blastTextAndOptions()
    {
        QCOMPARE(run({QStringLiteral("sample"), path("t.json")}).code, 0);
        Run r =
            run({QStringLiteral("blast"), path("t.json"), QStringLiteral("--control"), QStringLiteral("chat_widget"),
                 QStringLiteral("--max-hops"), QStringLiteral("1"), QStringLiteral("--no-potential")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("crm_tenant")));
        QVERIFY(!r.out.contains(QStringLiteral("api_gateway"))); // only through a pasted key, i.e. potential
        QVERIFY(r.out.contains(QStringLiteral("NOTIFICATION OBLIGATIONS")));
        QVERIFY(r.out.contains(QStringLiteral("COST ESTIMATE")));
        // --aware: each triggered clock as a date in the offset given.
        r = run({QStringLiteral("blast"), path("t.json"), QStringLiteral("--breach"), QStringLiteral("analytics"),
                 QStringLiteral("--aware"), QStringLiteral("2026-11-27T09:30:00+01:00")});
        QCOMPARE(r.code, 0);
        QVERIFY2(
            r.out.contains(QStringLiteral("due: Mon 30 Nov 2026 09:30 UTC+01:00 (notify the supervisory authority)")),
            qPrintable(r.out));
        r = run({QStringLiteral("blast"), path("t.json"), QStringLiteral("--breach"), QStringLiteral("analytics"),
                 QStringLiteral("--aware"), QStringLiteral("tomorrow")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("--aware must be a time with its UTC offset")));
    }

    void blastPrintsPathsOnlyOnRequest()
    {
        QCOMPARE(run({QStringLiteral("sample"), path("p.vgdb")}).code, 0);
        const QStringList args{QStringLiteral("blast"),     path("p.vgdb"),
                               QStringLiteral("--control"), QStringLiteral("chat_widget"),
                               QStringLiteral("--format"),  QStringLiteral("json")};
        const Run plain = run(args), withPaths = run(args + QStringList{QStringLiteral("--paths")});
        QCOMPARE(plain.code, 0);
        QCOMPARE(withPaths.code, 0);
        auto find = [](const QString &out, const char *id) {
            for (const QJsonValue &n : QJsonDocument::fromJson(out.toUtf8()).object().value(u"nodes").toArray())
                if (n.toObject().value(u"id").toString() == QLatin1StringView(id))
                    return n.toObject();
            return QJsonObject();
        };
        const QJsonObject gw = find(plain.out, "api_gateway");
        QCOMPARE(gw.value(u"predecessor").toString(), QStringLiteral("crm_tenant"));
        QCOMPARE(gw.value(u"edge").toString(), QStringLiteral("e90"));
        QVERIFY(!gw.contains(u"path"));
        QCOMPARE(find(withPaths.out, "api_gateway").value(u"path").toArray(),
                 QJsonArray({QStringLiteral("e89"), QStringLiteral("e90")}));
        const Run text = run({QStringLiteral("blast"), path("p.vgdb"), QStringLiteral("--control"),
                              QStringLiteral("chat_widget"), QStringLiteral("--paths")});
        QVERIFY2(text.out.contains(QStringLiteral("e89 > e90")), qPrintable(text.out));
        QCOMPARE(run({QStringLiteral("blast"), path("p.vgdb"), QStringLiteral("--control"),
                      QStringLiteral("chat_widget"), QStringLiteral("--format"), QStringLiteral("json")})
                     .out,
                 plain.out); // the same bytes every time
    }

    void textReportsEscapeNamesAndPrintExactNumbers()
    {
        Model m;
        Node evil;
        evil.id = QStringLiteral("v");
        evil.kind = NodeKind::Vendor;
        evil.name = QStringLiteral("Evil\nBREACH: none\x1b[2J\u202e");
        evil.stores.push_back({QStringLiteral("ID.GOV"), 123456789, std::nullopt, {}, {}});
        m.nodes.push_back(evil);
        QVERIFY(saveModel(m, path("evil.json")).ok());
        Run r = run({QStringLiteral("blast"), path("evil.json"), QStringLiteral("--breach"), QStringLiteral("v"),
                     QStringLiteral("--max-hops"), QStringLiteral("1")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Evil\\nBREACH: none\\x1b[2J\\u202e")), qPrintable(r.out));
        QVERIFY(!r.out.contains(QChar(0x1b)));
        QVERIFY(!r.out.contains(QChar(0x202e)));
        QVERIFY(r.out.contains(QStringLiteral("at most 1 hop\n"))); // singular
        QVERIFY(r.out.contains(QStringLiteral("1 system reached")));
        QVERIFY(r.out.contains(QStringLiteral("123,456,789"))); // records in full
        QVERIFY2(r.out.contains(QStringLiteral("COST ESTIMATE: USD 42,000,000 to USD 3,100,000,000")),
                 qPrintable(r.out));
        r = run({QStringLiteral("rank"), path("evil.json")});
        QVERIFY(r.out.contains(QStringLiteral("Evil\\nBREACH")));
        QVERIFY(!r.out.contains(QChar(0x1b)));
    }

    void analysisUsageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown seed") << test::ids({"blast", "MODEL", "--breach", "nobody"});
        QTest::newRow("no seed") << test::ids({"blast", "MODEL"});
        QTest::newRow("unknown option") << test::ids({"blast", "MODEL", "--breach", "analytics", "--colour"});
        QTest::newRow("bad max hops") << test::ids({"blast", "MODEL", "--breach", "analytics", "--max-hops", "x"});
        QTest::newRow("bad format") << test::ids({"blast", "MODEL", "--breach", "analytics", "--format", "xml"});
        QTest::newRow("bad rank mode") << test::ids({"rank", "MODEL", "--mode", "sideways"});
        QTest::newRow("bad top") << test::ids({"rank", "MODEL", "--top", "0"});
        QTest::newRow("whatif without remove") << test::ids({"whatif", "MODEL"});
        QTest::newRow("whatif on a service") << test::ids({"whatif", "MODEL", "--remove", "dashboard"});
        QTest::newRow("whatif unknown id") << test::ids({"whatif", "MODEL", "--remove", "ghost"});
        QTest::newRow("bench bad queries") << test::ids({"bench", "MODEL", "--queries", "-1"});
    }
    void analysisUsageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QCOMPARE(run({QStringLiteral("sample"), path("u.vgdb")}).code, 0);
        args.replaceInStrings(QStringLiteral("MODEL"), path("u.vgdb"));
        const Run r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY(!r.err.isEmpty());
        QVERIFY(r.out.isEmpty());
    }

    void rankWhatIfConcentrationAndBench()
    {
        QCOMPARE(run({QStringLiteral("sample"), path("r.vgdb")}).code, 0);
        Run r = run({QStringLiteral("rank"), path("r.vgdb"), QStringLiteral("--top"), QStringLiteral("5"),
                     QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(r.code, 0);
        QStringList lines = r.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 6);
        QVERIFY(lines[0].startsWith(QStringLiteral("rank,vendor,name,mode,score")));
        r = run({QStringLiteral("rank"), path("r.vgdb"), QStringLiteral("--mode"), QStringLiteral("breach"),
                 QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        const QJsonArray ranks = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QVERIFY(ranks.size() >= 30);
        for (qsizetype i = 1; i < ranks.size(); ++i)
            QVERIFY(ranks[i - 1].toObject().value(u"score").toDouble()
                    >= ranks[i].toObject().value(u"score").toDouble());
        QCOMPARE(ranks[0].toObject().value(u"mode").toString(), QStringLiteral("breach"));
        r = run({QStringLiteral("whatif"), path("r.vgdb"), QStringLiteral("--remove"), QStringLiteral("analytics"),
                 QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        QVERIFY(QJsonDocument::fromJson(r.out.toUtf8())
                    .object()
                    .value(u"services_losing_edges")
                    .toObject()
                    .contains(u"dashboard"));
        r = run({QStringLiteral("concentration"), path("r.vgdb")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("analytics_cloud")));
        r = run({QStringLiteral("bench"), path("r.vgdb"), QStringLiteral("--queries"), QStringLiteral("5")});
        QCOMPARE(r.code, 0);
        const QJsonObject b = QJsonDocument::fromJson(r.out.toUtf8()).object();
        for (const char *key : {"queries", "scenario_median_ms", "scenario_p95_ms", "rank_s", "peak_rss_mb",
                                "full_scenario_median_ms", "lists_median_ms", "states_median_ms", "edit_update_ms",
                                "edit_update_max_ms", "edit_model_copy_ms", "whatif_s", "prepare_s", "index_s"})
            QVERIFY2(b.contains(QLatin1StringView(key)), key);
        QCOMPARE(b.value(u"queries").toInt(), 5);
        QCOMPARE(b.value(u"edit_path").toString(), QStringLiteral("incremental"));
        QVERIFY(b.value(u"edit_update_ms").toDouble() > 0);
        QVERIFY(b.value(u"full_scenario_median_ms").toDouble() >= b.value(u"scenario_median_ms").toDouble());
    }

    void generateWritesDeepChains()
    {
        const QStringList args{QStringLiteral("generate"), QStringLiteral("--shape"), QStringLiteral("deep-chains"),
                               QStringLiteral("--people"), QStringLiteral("30"),      QStringLiteral("--services"),
                               QStringLiteral("600"),      QStringLiteral("--edges"), QStringLiteral("5000"),
                               QStringLiteral("--seed"),   QStringLiteral("3")};
        QCOMPARE(run(args + QStringList{path("deep1.json")}).code, 0);
        QCOMPARE(run(args + QStringList{path("deep2.json")}).code, 0);
        QCOMPARE(test::readAll(path("deep1.json")), test::readAll(path("deep2.json")));
        const auto m = loadModel(path("deep1.json"));
        QVERIFY(m.ok());
        QVERIFY(m->name.endsWith(QStringLiteral("deep chains")));
        const Run bad =
            run({QStringLiteral("generate"), QStringLiteral("--shape"), QStringLiteral("spiral"), path("deep3.json")});
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("--shape must be default or deep-chains")), qPrintable(bad.err));
        QVERIFY(!QFile::exists(path("deep3.json")));
    }

    // A scenario saved in the model runs by name, or as the active one, like the same seeds.
    void blastRunsSavedScenarios_data()
    {
        QTest::addColumn<QStringList>("saved");
        QTest::addColumn<QStringList>("explicit_");
        QTest::newRow("by name") << test::ids({"--scenario", "Chat app controlled"})
                                 << test::ids({"--control", "chat_widget", "--max-hops", "3"});
        // The saved awareness time comes with it: the deadlines are dates.
        QTest::newRow("the active one") << test::ids({"--scenario", "active"})
                                        << test::ids({"--breach", "analytics", "--aware", "2025-11-26T18:00:00Z"});
    }
    void blastRunsSavedScenarios()
    {
        QFETCH(QStringList, saved);
        QFETCH(QStringList, explicit_);
        Model m = bundledSample();
        m.scenarios.push_back({QStringLiteral("Analytics breach"),
                               {QStringLiteral("analytics")},
                               {},
                               std::nullopt,
                               true,
                               QDateTime(QDate(2025, 11, 26), QTime(18, 0), Qt::UTC)});
        m.scenarios.push_back(
            {QStringLiteral("Chat app controlled"), {}, {QStringLiteral("chat_widget")}, 3, true, {}});
        m.activeScenario = QStringLiteral("Analytics breach");
        QVERIFY(saveModel(m, path("scen.vgdb")).ok());
        const QStringList json{QStringLiteral("--format"), QStringLiteral("json")};
        const Run a = run(QStringList{QStringLiteral("blast"), path("scen.vgdb")} + saved + json);
        const Run b = run(QStringList{QStringLiteral("blast"), path("scen.vgdb")} + explicit_ + json);
        QCOMPARE(a.code, 0);
        QCOMPARE(a.out, b.out);
        if (explicit_.contains(QStringLiteral("--aware")))
            QVERIFY2(a.out.contains(QStringLiteral("\"at\": \"2025-11-29T18:00:00Z\"")), qPrintable(a.out));
        const Run missing =
            run({QStringLiteral("blast"), path("scen.vgdb"), QStringLiteral("--scenario"), QStringLiteral("Nope")});
        QCOMPARE(missing.code, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("\"Analytics breach\", \"Chat app controlled\"")),
                 qPrintable(missing.err));
        const Run both = run({QStringLiteral("blast"), path("scen.vgdb"), QStringLiteral("--scenario"),
                              QStringLiteral("active"), QStringLiteral("--breach"), QStringLiteral("crm")});
        QCOMPARE(both.code, 2);
    }

    void csvNeutralisesFormulas()
    {
        Model m;
        Node v;
        v.id = QStringLiteral("v");
        v.kind = NodeKind::Vendor;
        v.name = QStringLiteral("=HYPERLINK(\"x\")");
        m.nodes.push_back(v);
        QVERIFY(saveModel(m, path("f.json")).ok());
        const Run r = run({QStringLiteral("rank"), path("f.json"), QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\"")), qPrintable(r.out));
    }

    void oversizeFileIsRefused()
    {
        QFile f(path("huge.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(300LL * 1024 * 1024));
        f.close();
        const Run r = run({QStringLiteral("validate"), path("huge.json")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("256 MiB")));
        QFile::remove(path("huge.json"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
