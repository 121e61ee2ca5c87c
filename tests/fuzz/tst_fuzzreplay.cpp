// SPDX-License-Identifier: GPL-3.0-or-later
// Replays every fuzz target's seeds, its corpus (tests/fuzz/corpus/<target>) and every crasher
// it ever found (tests/fuzz/crashers/<target>) through the harness code, as SQLite's
// fuzzcheck does: each crasher stays a regression test, and the sanitizer build (.ci/run)
// replays the corpora under ASan and UBSan. A broken invariant aborts (qFatal) naming it.
#include "tests/fuzz/fuzzseeds.h"
#include "tests/fuzz/fuzztargets.h"

#include <QElapsedTimer>
#include <QTest>

using namespace vg::fuzz;

class TestFuzzReplay : public QObject {
    Q_OBJECT

    QString m_slowest;
    qint64 m_slowestMs = -1;
    int m_inputs = 0;

private Q_SLOTS:
    void replays_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QByteArray>("input");
        for (Target t : allTargets()) {
            const QString name = targetName(t);
            for (const auto &[file, bytes] : seedInputs(t, QStringLiteral(VG_TEST_DATA)))
                QTest::newRow(qPrintable(name + QStringLiteral(" seed ") + file)) << name << bytes;
            for (const auto &[file, bytes] : folderInputs(QStringLiteral(VG_FUZZ_DIR "/crashers/") + name))
                QTest::newRow(qPrintable(name + QStringLiteral(" crasher ") + file)) << name << bytes;
            const auto corpus = folderInputs(QStringLiteral(VG_FUZZ_DIR "/corpus/") + name);
            // Every harness keeps the corpus of its fuzzing runs (tests/fuzz/run-fuzzers).
            if (corpus.empty())
                qFatal("no corpus for %s in %s", qPrintable(name), VG_FUZZ_DIR "/corpus");
            for (const auto &[file, bytes] : corpus)
                QTest::newRow(qPrintable(name + QStringLiteral(" corpus ") + file)) << name << bytes;
        }
    }

    // Each input is refused with a message or accepted as a valid model, the invariants of
    // its target hold, and it takes well under the fuzzers' 1 s (10 s here: sanitizer builds
    // on a loaded machine are slower; the figure is printed).
    void replays()
    {
        QFETCH(QString, target);
        QFETCH(QByteArray, input);
        const auto t = targetFromName(target);
        QVERIFY(t);
        QElapsedTimer timer;
        timer.start();
        runOne(*t, input);
        const qint64 ms = timer.elapsed();
        ++m_inputs;
        if (ms > m_slowestMs) {
            m_slowestMs = ms;
            m_slowest = QString::fromUtf8(QTest::currentDataTag());
        }
        QVERIFY2(ms < 10000, qPrintable(QStringLiteral("%1 ms").arg(ms)));
    }

    void cleanupTestCase()
    {
        qInfo("%d inputs replayed; the slowest took %lld ms: %s", m_inputs, m_slowestMs, qPrintable(m_slowest));
    }
};

QTEST_GUILESS_MAIN(TestFuzzReplay)
#include "tst_fuzzreplay.moc"
