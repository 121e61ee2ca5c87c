// SPDX-License-Identifier: GPL-3.0-or-later
#include "testutil.h"

#include <modelfile.h>
#include <sample.h>

#include <QProcess>
#include <QTemporaryDir>

using namespace vg;

namespace {

struct Run {
    int code = -1;
    QString out, err;
};

Run run(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY")); // every subcommand runs headless
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(VG_BINARY), args);
    p.waitForFinished(120000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const char *n) const { return m_dir.filePath(QLatin1StringView(n)); }
private Q_SLOTS:
    void helpAndVersion()
    {
        Run r = run({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        for (const char *cmd : {"validate", "convert", "sample", "generate", "blast", "rank", "whatif", "concentration",
                                "bench"})
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
        QVERIFY(r.err.contains(QStringLiteral("3 problem(s)")));
    }

    void failedConvertWritesNothing()
    {
        QVERIFY(test::writeAll(path("broken.json"), "{\"format\": \"vendorgraph\",\n \"version\": 1,\n \"nodes\": [,]}"));
        const Run r = run({QStringLiteral("convert"), path("broken.json"), path("never.vgdb")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("line 3, column")), qPrintable(r.err));
        QVERIFY(!QFile::exists(path("never.vgdb")));
        QCOMPARE(run({QStringLiteral("convert"), path("broken.json"), path("x.txt")}).code, 1);
    }

    void generateIsReproducible()
    {
        const QStringList args{QStringLiteral("generate"), QStringLiteral("--people"), QStringLiteral("3"),
                               QStringLiteral("--services"), QStringLiteral("50"), QStringLiteral("--vendors"),
                               QStringLiteral("80"), QStringLiteral("--edges"), QStringLiteral("900"),
                               QStringLiteral("--seed"), QStringLiteral("42")};
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
