// SPDX-License-Identifier: GPL-3.0-or-later
// Layouts on hostile shapes (issue 11): the organic layout of a star, whose leaves all crowd
// around the hub, costs n x 96 force pairs per step instead of n^2; overlap removal of points
// that all want one cell is no longer quadratic; and a force-directed layout that runs past
// its time limit stops with a message and moves nothing.
#include "model/layout/graphvizlayout.h"
#include "model/layout/layoutgraph.h"
#include "model/layout/organiclayout.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

#include <signal.h>

#if defined(__SANITIZE_ADDRESS__)
#define VG_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VG_SANITIZED 1
#endif
#endif

using namespace vg;

namespace {
// Sanitizer builds run unoptimised and instrumented: there only the results count.
#ifdef VG_SANITIZED
constexpr bool kTimed = false;
constexpr int kScale = 10; // sizes divided by this
#else
constexpr bool kTimed = true;
constexpr int kScale = 1;
#endif
} // namespace

namespace {

LayoutGraph star(int leaves)
{
    LayoutGraph g;
    g.ids.push_back(QStringLiteral("hub"));
    g.kinds.push_back(NodeKind::Service);
    for (int i = 0; i < leaves; ++i) {
        g.ids.push_back(QStringLiteral("leaf%1").arg(i));
        g.kinds.push_back(NodeKind::Vendor);
        g.edges.emplace_back(0, i + 1);
    }
    return g;
}

} // namespace

class TestLayoutLimits : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Before the bounded force pairs, a star of 10,000 leaves took 48 s; 30,000 take a few.
    void anOrganicStarIsLinear()
    {
        const int leaves = 30000 / kScale;
        const LayoutGraph g = star(leaves);
        LayoutControl control;
        QElapsedTimer t;
        t.start();
        const auto out = organicLayout(g, control);
        qInfo("organic layout of a star of %d leaves: %lld ms", leaves, t.elapsed());
        QVERIFY(out.ok());
        QCOMPARE(out->size(), std::size_t(leaves + 1));
        QSet<QPair<qint64, qint64>> cells;
        for (const QPointF &p : *out)
            cells.insert({qint64(std::llround(p.x())), qint64(std::llround(p.y()))});
        QCOMPARE(cells.size(), qsizetype(leaves + 1)); // no two nodes in one place
        QVERIFY2(!kTimed || t.elapsed() < 60000, qPrintable(QStringLiteral("%1 ms").arg(t.elapsed())));
    }

    void pointsWantingOneCellAreSpreadQuickly()
    {
        std::vector<QPointF> points(std::size_t(100000 / kScale), QPointF(5, 5));
        QElapsedTimer t;
        t.start();
        snapToFreeCells(points, QSizeF(10, 10));
        qInfo("%lld points wanting one cell spread in %lld ms", qint64(points.size()), t.elapsed());
        QSet<QPair<qint64, qint64>> cells;
        for (const QPointF &p : points)
            cells.insert({qint64(std::llround(p.x())), qint64(std::llround(p.y()))});
        QCOMPARE(cells.size(), qsizetype(points.size()));
        QVERIFY2(!kTimed || t.elapsed() < 20000, qPrintable(QStringLiteral("%1 ms").arg(t.elapsed())));
    }

    void aLayoutPastItsTimeLimitStopsWithAMessage_data()
    {
        QTest::addColumn<bool>("organic");
        QTest::newRow("organic") << true;
        QTest::newRow("layered (Graphviz sfdp, its process killed)") << false;
    }
    void aLayoutPastItsTimeLimitStopsWithAMessage()
    {
        QFETCH(bool, organic);
        const LayoutGraph g = star(20000 / kScale);
        LayoutControl control;
        control.timeLimitMs = 1;
        QElapsedTimer t;
        t.start();
        const auto out = organic ? organicLayout(g, control) : graphvizLayout(g, control);
        QVERIFY(!out.ok());
        QVERIFY(!isCancellation(out.error()));
        QVERIFY2(out.error().message().contains(QStringLiteral("did not finish within 0.001 s")),
                 qPrintable(out.error().message()));
        QVERIFY2(out.error().message().contains(QStringLiteral("Tiers")), qPrintable(out.error().message()));
        QVERIFY2(!kTimed || t.elapsed() < 10000, qPrintable(QStringLiteral("%1 ms").arg(t.elapsed())));
    }
    // The layered layout once ran Graphviz in a fork of this (multithreaded) process; a fork
    // taken while another thread held the allocator's lock hung until the time limit (it did
    // under AddressSanitizer, with the analysis worker busy). Graphviz now runs as a program
    // of its own: every run here finishes while another thread allocates without pause.
    void theLayeredLayoutFinishesWhileAnotherThreadAllocates()
    {
        std::atomic<bool> stop{false};
        std::thread busy([&stop] {
            while (!stop.load()) {
                std::vector<QString> strings;
                for (int i = 0; i < 1000; ++i)
                    strings.push_back(QString::number(i));
            }
        });
        const LayoutGraph g = star(30);
        LayoutControl control;
        control.timeLimitMs = 60000;
        bool allOk = true;
        QString failure;
        for (int run = 0; run < 20 && allOk; ++run) {
            const auto out = graphvizLayout(g, control);
            allOk = out.ok() && out.value().size() == std::size_t(g.size());
            if (!out.ok())
                failure = out.error().message();
        }
        stop = true;
        busy.join();
        QVERIFY2(allOk, qPrintable(failure));
    }

    void withoutGraphvizTheLayeredLayoutSaysWhatToInstall()
    {
        const QByteArray path = qgetenv("PATH");
        QTemporaryDir empty;
        qputenv("PATH", QFile::encodeName(empty.path()));
        const auto out = graphvizLayout(star(5), LayoutControl());
        qputenv("PATH", path);
        QVERIFY(!out.ok());
        QVERIFY2(out.error().message().contains(QStringLiteral("install the graphviz package")),
                 qPrintable(out.error().message()));
    }
    // A VendorGraph killed in the middle of a layered layout leaves no Graphviz running on
    // (an orphaned sfdp once ran for 40 minutes after its test was killed).
    void aKilledVendorGraphTakesItsGraphvizWithIt()
    {
        QTemporaryDir dir;
        const QString model = dir.filePath(QStringLiteral("m.json"));
        QProcess gen;
        gen.start(QStringLiteral(VG_BINARY),
                  {QStringLiteral("generate"), QStringLiteral("--people"), QStringLiteral("10"),
                   QStringLiteral("--services"), QStringLiteral("6000"), QStringLiteral("--vendors"),
                   QStringLiteral("14000"), QStringLiteral("--edges"), QStringLiteral("150000"),
                   QStringLiteral("--seed"), QStringLiteral("1"), model});
        QVERIFY(gen.waitForFinished(120000));
        QCOMPARE(gen.exitCode(), 0);
        QProcess exporter;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        exporter.setProcessEnvironment(env);
        exporter.start(QStringLiteral(VG_BINARY),
                       {QStringLiteral("export"), model, QStringLiteral("--format"), QStringLiteral("svg"),
                        QStringLiteral("--out"), dir.filePath(QStringLiteral("m.svg")), QStringLiteral("--layout"),
                        QStringLiteral("layered")});
        QVERIFY(exporter.waitForStarted());
        const qint64 parent = exporter.processId();
        // Its dot (sfdp on 20,000 nodes and 150,000 edges: about 10 s of work), found by parent pid.
        auto childDot = [parent]() -> qint64 {
            for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
                QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
                if (!stat.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray line = stat.readAll();
                const qsizetype close = line.lastIndexOf(')');
                const QList<QByteArray> f = line.mid(close + 2).split(' ');
                if (line.contains("(dot)") && f.size() > 1 && f[1].toLongLong() == parent)
                    return pid.toLongLong();
            }
            return 0;
        };
        qint64 dot = 0;
        QTRY_VERIFY_WITH_TIMEOUT((dot = childDot()) != 0, 120000);
        ::kill(pid_t(parent), SIGKILL);
        QVERIFY(exporter.waitForFinished(10000));
        // Gone at once, or a zombie waiting to be reaped: not running on for its 10 s.
        auto running = [dot] {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(dot));
            if (!stat.open(QIODevice::ReadOnly))
                return false;
            const QByteArray line = stat.readAll();
            return line.mid(line.lastIndexOf(')') + 2, 1) != "Z";
        };
        QTRY_VERIFY_WITH_TIMEOUT(!running(), 2000);
    }
};

QTEST_GUILESS_MAIN(TestLayoutLimits)
#include "tst_layoutlimits.moc"
