// SPDX-License-Identifier: GPL-3.0-or-later
// Crash consistency (issue 11): a random edit-and-save session (vg_crashsession: edits, Save,
// Save As to .vgdb and .json, autosave, as FileController does them) is killed with SIGKILL at
// random moments, many times over the same files. After every kill each file the session ever
// acknowledged passes its integrity check and is, by the hash of its content, either the
// version last acknowledged or the one being written when the kill came (so no acknowledged
// save is lost); files nobody was writing are byte-for-byte unchanged; and an acknowledged
// autosave that was not yet discarded is offered for recovery. VG_CRASH_ROUNDS sets the number
// of kills (default 120; the figures in resources/HARDENING.md come from 1000, which takes
// longer than Qt Test's 5-minute watchdog: run it with QTEST_FUNCTION_TIMEOUT=5400000).
#include "tests/model/storage/crashsession.h"
#include "tests/testutil.h"

#include "model/io/modelfile.h"
#include "model/storage/autosave.h"
#include "model/storage/sqlite.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <csignal>
#include <map>

using namespace vg;

namespace {

struct FileState {
    QByteArray modelHash; // of the version last acknowledged (or found complete)
    QByteArray fileSha; // of its bytes when last checked
    bool mayBeAbsent = false; // an autosave that a discard may have removed
};

struct Line {
    qint64 at; // ms since the helper started
    QByteArray text;
};

QByteArray sha(const QByteArray &bytes) { return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256); }

bool integrityOk(const QByteArray &bytes, QString *why)
{
    try {
        sql::Database db = sql::Database::fromImage(bytes);
        sql::Statement st = db.prepare("PRAGMA integrity_check");
        if (st.step() && st.text(0) == u"ok" && !st.step())
            return true;
        *why = st.text(0);
        return false;
    } catch (const sql::SqlError &e) {
        *why = e.message;
        return false;
    }
}

} // namespace

class TestCrashConsistency : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killNineAtRandomMomentsLosesNothingAcknowledged()
    {
        bool set = false;
        const int env = qEnvironmentVariableIntValue("VG_CRASH_ROUNDS", &set);
        const int rounds = set && env > 0 ? env : 120;
        QTemporaryDir tmp;
        const QDir dir(tmp.path());
        const QString autosaveDir = dir.filePath(QStringLiteral("autosave"));
        QRandomGenerator rng(20261130);
        std::map<QString, FileState> files;
        int duringSave = 0, duringAutosave = 0, newVersions = 0, oldVersions = 0, recoveries = 0, leftovers = 0;
        qint64 saveMsTotal = 0, saves = 0;
        QElapsedTimer total;
        total.start();

        for (int round = 0; round < rounds; ++round) {
            QProcess helper;
            helper.start(QStringLiteral(VG_CRASHSESSION), {dir.path(), QString::number(round + 1)});
            QVERIFY(helper.waitForStarted());
            QElapsedTimer clock;
            clock.start();
            std::vector<Line> lines;
            auto readLines = [&] {
                while (helper.canReadLine())
                    lines.push_back({clock.elapsed(), helper.readLine().trimmed()});
            };
            auto waitFor = [&](const char *prefix, int timeoutMs) {
                QElapsedTimer w;
                w.start();
                for (;;) {
                    readLines();
                    for (const Line &l : lines)
                        if (l.text.startsWith(prefix))
                            return true;
                    if (w.elapsed() > timeoutMs || helper.state() != QProcess::Running)
                        return false;
                    helper.waitForReadyRead(20);
                }
            };
            QVERIFY2(waitFor("READY", 120000), helper.readAllStandardError().constData());
            const qint64 ready = clock.elapsed();
            // Half the kills aim at a save or autosave in progress; the rest fall anywhere.
            qint64 killAt;
            const qint64 estimate = saves ? std::max<qint64>(5, saveMsTotal / saves) : 100;
            if (rng.bounded(2)) {
                const auto beginsBefore =
                    std::count_if(lines.begin(), lines.end(), [](const Line &l) { return l.text.startsWith("BEGIN"); });
                QElapsedTimer w;
                w.start();
                while (w.elapsed() < 30000) {
                    readLines();
                    if (std::count_if(lines.begin(), lines.end(),
                                      [](const Line &l) { return l.text.startsWith("BEGIN"); })
                        > beginsBefore)
                        break;
                    helper.waitForReadyRead(5);
                }
                killAt = clock.elapsed() + qint64(rng.bounded(quint32(estimate * 6 / 5 + 1)));
            } else {
                killAt = ready + qint64(rng.bounded(quint32(std::max<qint64>(estimate * 12, 200))));
            }
            while (clock.elapsed() < killAt && helper.state() == QProcess::Running) {
                helper.waitForReadyRead(int(std::max<qint64>(1, std::min<qint64>(killAt - clock.elapsed(), 20))));
                readLines();
            }
            ::kill(pid_t(helper.processId()), SIGKILL);
            QVERIFY(helper.waitForFinished(30000));
            readLines();
            const QByteArray rest = helper.readAll().trimmed(); // a line cut short by the kill
            QVERIFY2(helper.exitStatus() == QProcess::CrashExit,
                     qPrintable(QStringLiteral("the session ended by itself: ")
                                + QString::fromUtf8(lines.empty() ? rest : lines.back().text)));

            // What the session said, in order.
            std::optional<std::tuple<QByteArray, QString, QByteArray>> inFlight; // kind, path, hash
            std::map<QString, bool> touched; // paths with a BEGIN in this round
            QString lastAutosavePath;
            bool autosaveAcked = false; // the session's latest autosave is acknowledged and not discarded
            std::map<QString, qint64> begunAt;
            for (const Line &l : lines) {
                const QList<QByteArray> parts = l.text.split(' ');
                QVERIFY2(!l.text.startsWith("ERROR"), l.text.constData());
                if (parts[0] == "BEGIN") {
                    const QString path = QString::fromUtf8(parts[2]);
                    inFlight = std::make_tuple(parts[1], path, parts[3]);
                    touched[path] = true;
                    begunAt[path] = l.at;
                    if (parts[1] == "autosave") {
                        // An autosave to another path (after Save As) removes the previous one.
                        if (!lastAutosavePath.isEmpty() && lastAutosavePath != path)
                            files[lastAutosavePath].mayBeAbsent = true;
                    }
                } else if (parts[0] == "ACK") {
                    const QString path = QString::fromUtf8(parts[2]);
                    files[path].modelHash = parts[3];
                    inFlight.reset();
                    saveMsTotal += l.at - begunAt[path];
                    ++saves;
                    if (parts[1] == "autosave") {
                        lastAutosavePath = path;
                        autosaveAcked = true;
                        files[path].mayBeAbsent = false;
                    } else if (!lastAutosavePath.isEmpty()) {
                        // The discard follows: the autosave may be gone, and need not be offered.
                        files[lastAutosavePath].mayBeAbsent = true;
                        autosaveAcked = false;
                    }
                } else if (parts[0] == "DISCARDED") {
                    autosaveAcked = false;
                    if (!lastAutosavePath.isEmpty()) // removed: nothing of it is acknowledged any more
                        files[lastAutosavePath] = FileState();
                }
            }
            if (inFlight) {
                ++(std::get<0>(*inFlight) == "autosave" ? duringAutosave : duringSave);
            }

            auto transcript = [&] {
                QStringList out;
                for (std::size_t k = lines.size() > 12 ? lines.size() - 12 : 0; k < lines.size(); ++k)
                    out << QString::fromUtf8(lines[k].text).replace(dir.path() + QLatin1Char('/'), QString());
                return QStringLiteral("\nthe session's last lines:\n") + out.join(u'\n');
            };
            // Every file ever acknowledged: intact, and the old or the new version.
            for (auto &[path, state] : files) {
                if (state.modelHash.isEmpty())
                    continue;
                const QString where = QStringLiteral("round %1, %2").arg(round).arg(QFileInfo(path).fileName());
                if (!QFileInfo::exists(path)) {
                    QVERIFY2(state.mayBeAbsent,
                             qPrintable(where + QStringLiteral(": the file is gone") + transcript()));
                    state = FileState();
                    continue;
                }
                const QByteArray bytes = test::readAll(path);
                if (!touched.count(path) && !state.fileSha.isEmpty()) {
                    QVERIFY2(sha(bytes) == state.fileSha,
                             qPrintable(where + QStringLiteral(": changed unasked") + transcript()));
                    continue;
                }
                if (path.endsWith(QStringLiteral(".vgdb"))) {
                    QString why;
                    QVERIFY2(integrityOk(bytes, &why), qPrintable(where + QStringLiteral(": ") + why));
                }
                const Expected<Model> m = loadModel(path);
                QVERIFY2(m.ok(), qPrintable(where + QStringLiteral(": ") + (m.ok() ? QString() : m.error().message())));
                const QByteArray hash = test::crashModelHash(*m);
                const bool isNew = inFlight && std::get<1>(*inFlight) == path && hash == std::get<2>(*inFlight);
                QVERIFY2(hash == state.modelHash || isNew,
                         qPrintable(where + QStringLiteral(": neither the acknowledged version nor the new one")
                                    + transcript()));
                ++(isNew && hash != state.modelHash ? newVersions : oldVersions);
                state.modelHash = hash;
                state.fileSha = sha(bytes);
            }

            // Recovery: the killed session's acknowledged autosave is offered; whatever is
            // offered is an acknowledged (or the completed in-flight) version.
            const std::vector<AutosaveEntry> offered = Autosave::recoverable(autosaveDir);
            for (const AutosaveEntry &e : offered) {
                const auto known = files.find(e.autosavePath);
                if (known == files.end() || known->second.modelHash.isEmpty())
                    continue; // written by a killed first autosave: never acknowledged
                const Expected<Model> m = loadModel(e.autosavePath);
                QVERIFY2(m.ok(), qPrintable(e.autosavePath));
                QCOMPARE(test::crashModelHash(*m), known->second.modelHash);
            }
            if (autosaveAcked) {
                const auto it = std::find_if(offered.begin(), offered.end(), [&](const AutosaveEntry &e) {
                    return QFileInfo(e.autosavePath) == QFileInfo(lastAutosavePath);
                });
                QVERIFY2(it != offered.end(), qPrintable(QStringLiteral("round %1: no recovery offered").arg(round)));
                const Expected<Model> recovered = loadModel(it->autosavePath);
                QVERIFY(recovered.ok());
                QCOMPARE(test::crashModelHash(*recovered), files[lastAutosavePath].modelHash);
                ++recoveries;
            }
            for (const AutosaveEntry &e : offered) {
                Autosave::remove(e); // as after Recover or Discard
                files.erase(e.autosavePath);
            }
            // Temporary files of killed saves: never a target, removed as the app does on open.
            for (const QFileInfo &f : dir.entryInfoList({QStringLiteral(".*.saving-*")}, QDir::Files | QDir::Hidden)) {
                ++leftovers;
                QVERIFY(QFile::remove(f.filePath()));
            }
        }
        qInfo("%d kills in %lld s: %d during Save or Save As, %d during autosave; files found at the new version %d "
              "times, at the acknowledged one %d times; recovery offered and checked %d times; %d temporary files "
              "of killed saves removed; a save took %lld ms on average",
              rounds, total.elapsed() / 1000, duringSave, duringAutosave, newVersions, oldVersions, recoveries,
              leftovers, saves ? saveMsTotal / saves : 0);
        QVERIFY(duringSave + duringAutosave >= rounds / 5);
        // That the test sees both outcomes: a kill between a save's rename and its
        // acknowledgement leaves the new version about once in 60 kills (16 of 1,000 in
        // resources/HARDENING.md), an offered recovery about once in 7, so a short run (CI's
        // 30 kills under ASan, 120 in the suite) may see none and still be right.
        if (rounds >= 500)
            QVERIFY(newVersions > 0);
        if (rounds >= 100)
            QVERIFY(recoveries > 0);
    }
};

QTEST_GUILESS_MAIN(TestCrashConsistency)
#include "tst_crashconsistency.moc"
