// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/document/document.h"
#include "model/io/modelfile.h"
#include "model/io/sample.h"
#include "model/itemmodels/edgetablemodel.h"
#include "model/itemmodels/nodetablemodel.h"
#include "tests/views/scriptedprompter.h"
#include "views/mainwindow/mainwindow.h"
#include "views/panels/tablespanel.h"

#include <QAction>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>

using namespace vg;

using test::ScriptedPrompter;

class TestMainWindow : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    ScriptedPrompter *m_prompter = nullptr;
    std::unique_ptr<MainWindow> m_window;

    QString path(const char *n) const { return m_dir.filePath(QLatin1StringView(n)); }
    void edit()
    {
        QAbstractItemModel *m = m_window->nodeView()->model();
        QVERIFY(m->setData(m->index(0, NodeTableModel::Name), QStringLiteral("Edited name")));
        QVERIFY(m_window->document()->isModified());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void init()
    {
        auto p = std::make_unique<ScriptedPrompter>();
        m_prompter = p.get();
        m_window = std::make_unique<MainWindow>(std::move(p));
        m_window->show();
    }
    void cleanup() { m_window.reset(); }

    void opensTheSampleByDefault()
    {
        QSettings().clear();
        m_window->openInitial(QString());
        QCOMPARE(m_window->document()->snapshot()->nodes.size(), bundledSample().nodes.size());
        QCOMPARE(m_window->nodeView()->model()->rowCount(), int(bundledSample().nodes.size()));
        QCOMPARE(m_window->edgeView()->model()->rowCount(), int(bundledSample().edges.size()));
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("Lumen AI")));
        QVERIFY(!m_window->isWindowModified());
    }

    void editMarksModifiedAndUndoRestores()
    {
        m_window->openSample();
        edit();
        QVERIFY(m_window->isWindowModified());
        m_window->document()->undoStack()->undo();
        QVERIFY(!m_window->isWindowModified());
    }

    void newPromptsAndCancelKeepsWork()
    {
        m_window->openSample();
        edit();
        m_prompter->answer = Prompter::Answer::Cancel;
        QVERIFY(!m_window->newDocument());
        QCOMPARE(m_prompter->saveQuestions, 1);
        QVERIFY(m_window->document()->isModified());
        QCOMPARE(m_window->document()->snapshot()->nodes.size(), bundledSample().nodes.size());
    }

    void newWithDiscardDropsWork()
    {
        m_window->openSample();
        edit();
        m_prompter->answer = Prompter::Answer::Discard;
        QVERIFY(m_window->newDocument());
        QVERIFY(m_window->document()->snapshot()->nodes.empty());
        QVERIFY(!m_window->document()->isModified());
    }

    void closeWithSaveWritesTheFile()
    {
        m_window->openSample();
        edit();
        m_prompter->answer = Prompter::Answer::Save;
        m_prompter->savePath = path("closed.vgdb");
        QVERIFY(m_window->close());
        const auto saved = loadModel(path("closed.vgdb"));
        QVERIFY(saved.ok());
        QVERIFY(std::any_of(saved->nodes.begin(), saved->nodes.end(),
                            [](const Node &n) { return n.name == u"Edited name"; }));
    }

    void closeWithCancelStaysOpen()
    {
        m_window->openSample();
        edit();
        m_prompter->answer = Prompter::Answer::Cancel;
        QVERIFY(!m_window->close());
        QVERIFY(m_window->isVisible());
    }

    void saveAsThenSaveAndRecentFiles()
    {
        QSettings().clear();
        m_window->openSample();
        m_prompter->savePath = path("sa.vgdb");
        QVERIFY(m_window->saveAs());
        QCOMPARE(m_window->document()->filePath(), path("sa.vgdb"));
        QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("sa.vgdb")));
        edit();
        QVERIFY(m_window->save());
        QVERIFY(!m_window->document()->isModified());
        QCOMPARE(m_window->recentFiles().value(0), path("sa.vgdb"));
        // A new window opens the most recent file.
        MainWindow other(std::make_unique<ScriptedPrompter>());
        other.openInitial(QString());
        QCOMPARE(other.document()->filePath(), path("sa.vgdb"));
    }

    void badFileShowsErrorAndKeepsTheOpenModel()
    {
        m_window->openSample();
        edit();
        const Model before = *m_window->document()->snapshot();
        QVERIFY(test::writeAll(path("bad.json"),
                               "{\"format\": \"vendorgraph\", \"version\": 1, \"nodes\": [{\"id\": 1}]}"));
        m_prompter->answer = Prompter::Answer::Discard;
        m_prompter->openPath = path("bad.json");
        QVERIFY(!m_window->open());
        QCOMPARE(m_prompter->errors.size(), 1);
        QVERIFY2(m_prompter->errors[0].contains(QStringLiteral("/nodes/0/id")), qPrintable(m_prompter->errors[0]));
        QCOMPARE(*m_window->document()->snapshot(), before);
        QVERIFY(m_window->document()->isModified());
    }

    void failedSaveShowsErrorAndKeepsWork()
    {
        m_window->openSample();
        edit();
        m_prompter->savePath = path("missing-dir/x.vgdb");
        QVERIFY(!m_window->saveAs());
        QCOMPARE(m_prompter->errors.size(), 1);
        QVERIFY(m_window->document()->isModified());
    }

    void filterNarrowsBothTables()
    {
        m_window->openSample();
        QLineEdit *filter = m_window->tables()->filterBox();
        filter->setText(QStringLiteral("crm_tenant"));
        QAbstractItemModel *nodes = m_window->nodeView()->model();
        QAbstractItemModel *edges = m_window->edgeView()->model();
        QCOMPARE(nodes->rowCount(), 1);
        QVERIFY(edges->rowCount() >= 10);
        for (int r = 0; r < edges->rowCount(); ++r) {
            const QString from = edges->index(r, EdgeTableModel::From).data().toString();
            const QString to = edges->index(r, EdgeTableModel::To).data().toString();
            QVERIFY(from == u"crm_tenant" || to == u"crm_tenant");
        }
        m_window->tables()->tabs()->setCurrentIndex(1);
        // Ids sort the way people read them: e12 before e111.
        QStringList ids;
        for (int r = 0; r < edges->rowCount(); ++r)
            ids << edges->index(r, EdgeTableModel::Id).data().toString();
        QVERIFY2(ids.indexOf(QStringLiteral("e12")) < ids.indexOf(QStringLiteral("e111")), qPrintable(ids.join(u' ')));
        // VG_SCREENSHOTS=DIR saves what a person would see, for review.
        if (const QByteArray dir = qgetenv("VG_SCREENSHOTS"); !dir.isEmpty()) {
            m_window->resize(1200, 700);
            QVERIFY(m_window->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/edges-filtered.png")));
        }
        filter->clear();
        QCOMPARE(nodes->rowCount(), int(bundledSample().nodes.size()));
    }

    void fileMenuHasTheDocumentActions()
    {
        QStringList texts;
        for (QAction *a : m_window->menuBar()->actions().first()->menu()->actions())
            texts << a->text().remove(QLatin1Char('&'));
        for (const char *t : {"New", "Open...", "Open Recent", "Save", "Save As...", "Quit"})
            QVERIFY2(texts.contains(QLatin1StringView(t)), t);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
