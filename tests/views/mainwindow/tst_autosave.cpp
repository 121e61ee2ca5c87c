// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"
#include "tests/views/scriptedprompter.h"

#include "model/commands/changecommand.h"
#include "model/commands/edits.h"
#include "model/document/analysisservice.h"
#include "model/document/document.h"
#include "model/io/generator.h"
#include "model/io/modelfile.h"
#include "model/io/sample.h"
#include "model/storage/autosave.h"
#include "views/mainwindow/filecontroller.h"
#include "views/mainwindow/mainwindow.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <sys/stat.h>

#include <csignal>
#include <map>

using namespace vg;

class TestAutosave : public QObject {
    Q_OBJECT
    QTemporaryDir m_home;

    QString path(const char *n) const { return m_home.filePath(QLatin1StringView(n)); }
    // A desktop session in another process, on the same folders as this test.
    QProcess *session(const QString &model, const QStringList &extra)
    {
        auto *p = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(VG_AUTOSAVEHELPER), QStringList{model, QStringLiteral("crm")} + extra);
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Both processes keep settings and autosave records under this temporary home.
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toLocal8Bit());
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QCoreApplication::setOrganizationName(QStringLiteral("VendorGraph"));
        QCoreApplication::setApplicationName(QStringLiteral("VendorGraph"));
    }

    void aKilledSessionsUnsavedEditIsRecovered()
    {
        const QString model = path("kill.vgdb");
        QVERIFY(saveModel(bundledSample(), model).ok());
        QProcess *p = session(model, {});
        QVERIFY(p->waitForReadyRead(60000));
        QCOMPARE(p->readLine().trimmed(), QByteArray("autosaved"));
        // The autosave sits beside the document, readable only by its owner.
        const QString autosave = m_home.filePath(QStringLiteral(".kill.vgdb.autosave.vgdb"));
        QVERIFY(QFileInfo::exists(autosave));
        struct stat st { };
        QCOMPARE(::stat(QFile::encodeName(autosave).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        ::kill(pid_t(p->processId()), SIGKILL);
        QVERIFY(p->waitForFinished(10000));

        auto prompter = std::make_unique<test::ScriptedPrompter>();
        prompter->recovery = Prompter::Recovery::Recover;
        test::ScriptedPrompter *answers = prompter.get();
        MainWindow window(std::move(prompter));
        window.openInitial(QString());
        QCOMPARE(answers->recoverQuestions, 1);
        Document *doc = window.document();
        QCOMPARE(doc->store().findNode(QStringLiteral("crm"))->name, QStringLiteral("Renamed before the crash"));
        QVERIFY(doc->isModified());
        QCOMPARE(doc->filePath(), model); // Save writes over the original
        QVERIFY(!QFileInfo::exists(autosave)); // taken back, so not offered again
        // The document on disk still has the old name: nothing was saved behind the user's back.
        QCOMPARE(loadModel(model)->nodes.size(), bundledSample().nodes.size());
        QVERIFY(window.save());
        const Model saved = *loadModel(model);
        const auto crm =
            std::find_if(saved.nodes.begin(), saved.nodes.end(), [](const Node &n) { return n.id == u"crm"; });
        QCOMPARE(crm->name, QStringLiteral("Renamed before the crash"));
        window.files()->shutdown();
    }

    // The app autosaves on its timer: after kill -9, the work recovered is at most one
    // autosave interval (5 s here) behind the last edit.
    void aKilledSessionLosesAtMostOneAutosaveInterval()
    {
        constexpr qint64 intervalMs = 5000, slackMs = 1500; // slack: the autosave's own run and timers
        QRandomGenerator rng(5);
        for (int round = 0; round < 2; ++round) {
            const QString model = path("interval.vgdb");
            QVERIFY(saveModel(bundledSample(), model).ok());
            QProcess *p = session(model, {QStringLiteral("--edit-every"), QStringLiteral("100")});
            QVERIFY(p->waitForStarted());
            QElapsedTimer running;
            bool first = false;
            int lastEdit = 0;
            std::map<int, qint64> editAt;
            const qint64 killAfter = 6000 + rng.bounded(5000);
            while (!first || running.elapsed() < killAfter) {
                p->waitForReadyRead(50);
                while (p->canReadLine()) {
                    const QList<QByteArray> parts = p->readLine().trimmed().split(' ');
                    if (parts.size() == 3 && parts[0] == "EDIT") {
                        if (!first) {
                            first = true;
                            running.start();
                        }
                        lastEdit = parts[1].toInt();
                        editAt[lastEdit] = parts[2].toLongLong();
                    }
                }
                QVERIFY(p->state() == QProcess::Running);
            }
            ::kill(pid_t(p->processId()), SIGKILL);
            QVERIFY(p->waitForFinished(10000));
            while (p->canReadLine()) {
                const QList<QByteArray> parts = p->readLine().trimmed().split(' ');
                if (parts.size() == 3 && parts[0] == "EDIT") {
                    lastEdit = parts[1].toInt();
                    editAt[lastEdit] = parts[2].toLongLong();
                }
            }
            auto prompter = std::make_unique<test::ScriptedPrompter>();
            prompter->recovery = Prompter::Recovery::Recover;
            test::ScriptedPrompter *answers = prompter.get();
            MainWindow window(std::move(prompter));
            window.openInitial(QString());
            QCOMPARE(answers->recoverQuestions, 1);
            const QString name = window.document()->store().findNode(QStringLiteral("crm"))->name;
            QVERIFY2(name.startsWith(QStringLiteral("edit ")), qPrintable(name));
            const int recovered = name.mid(5).toInt();
            QVERIFY(editAt.count(recovered));
            const qint64 lostMs = editAt[lastEdit] - editAt[recovered];
            qInfo("killed after edit %d; recovered edit %d: %lld ms of work lost (interval %lld ms)", lastEdit,
                  recovered, lostMs, intervalMs);
            QVERIFY2(lostMs <= intervalMs + slackMs, qPrintable(QStringLiteral("%1 ms lost").arg(lostMs)));
            window.document()->undoStack()->setClean();
            window.files()->shutdown();
            for (const AutosaveEntry &e : Autosave::recoverable())
                Autosave::remove(e);
        }
    }

    void aCleanQuitLeavesNothingToRecover()
    {
        const QString model = path("clean.vgdb");
        QVERIFY(saveModel(bundledSample(), model).ok());
        QProcess *p = session(model, {QStringLiteral("--quit")});
        QVERIFY(p->waitForFinished(60000));
        QCOMPARE(p->exitCode(), 0);
        QVERIFY(!QFileInfo::exists(m_home.filePath(QStringLiteral(".clean.vgdb.autosave.vgdb"))));
        QVERIFY(Autosave::recoverable().empty());
    }

    void laterKeepsTheWorkAndDiscardDeletesIt()
    {
        const QString model = path("later.vgdb");
        QVERIFY(saveModel(bundledSample(), model).ok());
        QProcess *p = session(model, {});
        QVERIFY(p->waitForReadyRead(60000));
        ::kill(pid_t(p->processId()), SIGKILL);
        QVERIFY(p->waitForFinished(10000));
        for (const auto answer : {Prompter::Recovery::Later, Prompter::Recovery::Discard}) {
            auto prompter = std::make_unique<test::ScriptedPrompter>();
            prompter->recovery = answer;
            MainWindow window(std::move(prompter));
            QVERIFY(!window.files()->offerRecovery());
            window.files()->shutdown();
            QCOMPARE(Autosave::recoverable().size(),
                     answer == Prompter::Recovery::Later ? std::size_t(1) : std::size_t(0));
        }
    }

    // A large model is autosaved without a whole copy on the GUI thread: from the analysis's
    // copy of the content, completed on the worker with positions, name and scenarios. What
    // is written must be the document exactly.
    void aLargeModelIsAutosavedExactly()
    {
        const QString model = path("large.vgdb");
        QVERIFY(saveModel(generateModel({5, 3000, 7000, 12000, 3, GeneratorShape::Default}), model).ok());
        MainWindow window(std::make_unique<test::ScriptedPrompter>());
        QVERIFY(window.openFile(model));
        Document *doc = window.document();
        QVERIFY(doc->store().nodeCount() + doc->store().edgeCount() >= 20000);
        Node n = doc->store().nodeAt(0);
        n.name = QStringLiteral("Renamed before the autosave");
        doc->undoStack()->push(new ChangeCommand(doc, replaceNode(*doc, n.id, n), QStringLiteral("rename")));
        window.analysis()->setSeed(n.id, Compromise::Breached);
        doc->undoStack()->push(new ChangeCommand(
            doc, movePositions({{n.id, QPointF(12345, 678)}}), QStringLiteral("move")));
        window.analysis()->waitForIdle();
        QVERIFY(window.files()->autosaveNow());
        window.files()->waitForAutosave();
        const QString autosave = m_home.filePath(QStringLiteral(".large.vgdb.autosave.vgdb"));
        const Expected<Model> written = loadModel(autosave);
        QVERIFY2(written, written ? "" : qPrintable(written.error().message()));
        Model expected = *doc->snapshot();
        Model got = *written;
        expected.sortById();
        got.sortById();
        QCOMPARE(got.nodes.size(), expected.nodes.size());
        QVERIFY(got.nodes == expected.nodes);
        QVERIFY(got.edges == expected.edges);
        QCOMPARE(got.layout, expected.layout);
        QCOMPARE(got.scenarios, expected.scenarios);
        QCOMPARE(got.activeScenario, expected.activeScenario);
        QCOMPARE(got.name, expected.name);
        window.files()->shutdown();
    }

    void anUnsavedModelIsAutosavedInTheAppFolder()
    {
        Autosave a(m_home.filePath(QStringLiteral("own")));
        QVERIFY(a.begin());
        QVERIFY(a.write(bundledSample(), QString(), QStringLiteral("Untitled")).ok());
        const QString file = a.pathFor(QString());
        QVERIFY(file.startsWith(m_home.filePath(QStringLiteral("own"))));
        QVERIFY(QFileInfo::exists(file));
        a.end();
        QVERIFY(!QFileInfo::exists(file));
    }

    void staleSavingFilesAreRemoved()
    {
        const QString model = path("stale.vgdb");
        QVERIFY(saveModel(bundledSample(), model).ok());
        const QString stale = m_home.filePath(QStringLiteral(".stale.vgdb.saving-abc123"));
        QVERIFY(test::writeAll(stale, "half a save"));
        QFile f(stale);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600), QFileDevice::FileModificationTime));
        f.close();
        const QString fresh = m_home.filePath(QStringLiteral(".stale.vgdb.saving-def456"));
        QVERIFY(test::writeAll(fresh, "a save in progress elsewhere"));
        auto prompter = std::make_unique<test::ScriptedPrompter>();
        MainWindow window(std::move(prompter));
        QVERIFY(window.openFile(model));
        QVERIFY(!QFileInfo::exists(stale));
        QVERIFY(QFileInfo::exists(fresh));
        window.files()->shutdown();
    }
};

QTEST_MAIN(TestAutosave)
#include "tst_autosave.moc"
