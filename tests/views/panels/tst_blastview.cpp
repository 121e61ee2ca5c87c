// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"
#include "tests/views/scriptedprompter.h"

#include "model/commands/changecommand.h"
#include "model/commands/edits.h"
#include "model/document/analysisservice.h"
#include "model/document/document.h"
#include "model/document/selection.h"
#include "model/io/sample.h"
#include "model/itemmodels/tablemodel.h"
#include "model/reports/analysistables.h"
#include "views/canvas/blastoverlay.h"
#include "views/charts/deadlinetimeline.h"
#include "views/canvas/graphscene.h"
#include "views/canvas/graphview.h"
#include "views/charts/categorychart.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/scenariocontroller.h"
#include "views/mainwindow/viewcontroller.h"
#include "views/panels/analysispanel.h"
#include "views/panels/scenariopanel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QToolButton>
#include <QDockWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>

using namespace vg;

class TestBlastView : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> m_window;

    AnalysisService *analysis() const { return m_window->analysis(); }
    GraphScene *scene() const { return m_window->scene(); }
    int h(const char *id) const { return m_window->document()->store().node(QString::fromLatin1(id)); }
    int e(const char *id) const { return m_window->document()->store().edge(QString::fromLatin1(id)); }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_window = std::make_unique<MainWindow>(std::make_unique<test::ScriptedPrompter>());
        m_window->resize(1600, 1000);
        m_window->show();
        m_window->openSample();
    }
    void cleanup() { m_window.reset(); }

    void theAnalyticsBreachOnTheMap()
    {
        m_window->selection()->selectNode(QStringLiteral("analytics"));
        m_window->scenarios()->mark(Compromise::Breached);
        analysis()->waitForIdle();
        QVERIFY(analysis()->isCurrent());
        const NodeLook seed = scene()->nodeLook(h("analytics"));
        QVERIFY2(seed.badge.contains(QStringLiteral("SEED")), qPrintable(seed.badge));
        QVERIFY(!seed.faded);
        // Only what was sent to it: nothing else is reached, the rest is faded.
        QVERIFY(scene()->nodeLook(h("crm")).faded);
        QVERIFY(scene()->nodeLook(h("dashboard")).faded);
        // The flows that carried the exposed data stand out; the others fade.
        QVERIFY(scene()->edgeLook(e("e21")).emphasis);
        QVERIFY(scene()->edgeLook(e("e90")).faded);
        QVERIFY(m_window->dock(QStringLiteral("scenarioDock"))->isVisible());
        QVERIFY(m_window->scenarioPanel()->summaryText().contains(QStringLiteral("systems reached")));
        QVERIFY(m_window->scenarioPanel()->costText().contains(QStringLiteral("USD")));
        // The category chart has the six categories the SDK sent.
        QCOMPARE(m_window->analysisPanel()->chart()->categories().size(), 6);
    }

    void theChatAppControlledWithAPotentialPathSelected()
    {
        m_window->selection()->selectNode(QStringLiteral("chat_widget"));
        m_window->scenarios()->mark(Compromise::Controlled);
        analysis()->waitForIdle();
        const auto r = analysis()->result();
        QVERIFY(r && r->radius);
        // A node reached only potentially: hatched, so that grey scale keeps it apart.
        QString potential;
        for (const ReachedNode &n : r->radius->nodes())
            if (n.certainty == Certainty::Potential && n.hops > 1) {
                potential = n.id;
                break;
            }
        QVERIFY(!potential.isEmpty());
        const NodeLook look = scene()->nodeLook(m_window->document()->store().node(potential));
        QVERIFY(look.hatched);
        QVERIFY(look.badge.contains(QStringLiteral("POTENTIALLY")));
        const NodeLook direct = scene()->nodeLook(h("crm_tenant"));
        QVERIFY(!direct.hatched && !direct.faded);
        // Selecting it draws its path and says why in words.
        m_window->selection()->selectNode(potential);
        const QStringList path = r->radius->path(potential);
        QVERIFY(path.size() >= 2);
        for (const QString &edge : path)
            QCOMPARE(scene()->edgeLook(m_window->document()->store().edge(edge)).color, BlastOverlay::pathColor());
        const QString why = m_window->scenarioPanel()->explanationText();
        QVERIFY2(why.contains(QStringLiteral("potential")) && why.contains(path.first()), qPrintable(why));
    }

    void aStaleResultIsNeverShownAsCurrent()
    {
        analysis()->setSeed(QStringLiteral("analytics"), Compromise::Breached);
        analysis()->waitForIdle();
        const quint64 before = analysis()->result()->revision;
        QVERIFY(analysis()->isCurrent());
        // An edit the analysis reads: a new data flow into the analytics vendor.
        Document *doc = m_window->document();
        Edge edge;
        edge.from = QStringLiteral("crm_tenant");
        edge.to = QStringLiteral("analytics");
        edge.kind = EdgeKind::Data;
        edge.categories = {QStringLiteral("FIN.CARD_PAN")};
        doc->undoStack()->push(new ChangeCommand(doc, addEdge(*doc, edge), QStringLiteral("flow")));
        QVERIFY(!analysis()->isCurrent());
        QVERIFY(m_window->scenarioPanel()->statusText().contains(QStringLiteral("Updating")));
        analysis()->waitForIdle();
        QVERIFY(analysis()->isCurrent());
        QVERIFY(analysis()->result()->revision > before);
        QCOMPARE(analysis()->result()->revision, doc->contentRevision());
        bool card = false;
        for (const ExposedCategory &c : analysis()->result()->radius->exposed())
            card = card || c.category == u"FIN.CARD_PAN";
        QVERIFY(card);
        QVERIFY(m_window->scenarioPanel()->statusText().contains(QStringLiteral("Up to date")));
        // A move (positions only) does not make it stale.
        doc->undoStack()->push(
            new ChangeCommand(doc, movePositions({{QStringLiteral("crm"), QPointF(1, 1)}}), QStringLiteral("move")));
        QVERIFY(analysis()->isCurrent());
        // Removing a seed's node drops the seed.
        doc->undoStack()->push(
            new ChangeCommand(doc, removeItems(*doc, {QStringLiteral("analytics")}, {}), QStringLiteral("rm")));
        QVERIFY(analysis()->scenario().seeds.empty());
    }

    void markingIsAnUndoableEditSavedWithTheDocument_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("vgdb") << QStringLiteral("marked.vgdb");
        QTest::newRow("json") << QStringLiteral("marked.json");
    }

    void markingIsAnUndoableEditSavedWithTheDocument()
    {
        QFETCH(QString, file);
        Document *doc = m_window->document();
        QVERIFY(!doc->isModified());
        m_window->selection()->selectNode(QStringLiteral("analytics"));
        m_window->scenarios()->mark(Compromise::Breached);
        QVERIFY(doc->isModified());
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Mark analytics breached"));
        QCOMPARE(doc->activeScenarioName(), QStringLiteral("Scenario 1"));
        QCOMPARE(m_window->scenarioPanel()->scenarioBox()->currentText(), QStringLiteral("Scenario 1"));
        analysis()->waitForIdle();
        QVERIFY(analysis()->result()->radius);
        // Undo takes the mark away, and the overlay with it; redo brings both back.
        doc->undoStack()->undo();
        QVERIFY(analysis()->scenario().seeds.empty());
        QVERIFY(!doc->isModified());
        doc->undoStack()->redo();
        QCOMPARE(analysis()->scenario().seeds.size(), std::size_t(1));
        // Saved and opened again: the scenario is there and runs.
        QTemporaryDir dir;
        const QString path = dir.filePath(file);
        QVERIFY(doc->saveAs(path).ok());
        QVERIFY(m_window->newDocument());
        QVERIFY(analysis()->scenario().seeds.empty());
        QVERIFY(m_window->openFile(path));
        QCOMPARE(analysis()->scenario().seeds.size(), std::size_t(1));
        QCOMPARE(analysis()->scenario().seeds[0].nodeId, QStringLiteral("analytics"));
        QCOMPARE(m_window->scenarioPanel()->scenarioBox()->currentText(), QStringLiteral("Scenario 1"));
        analysis()->waitForIdle();
        QVERIFY(analysis()->result() && analysis()->result()->radius);
        QVERIFY(scene()->nodeLook(h("analytics")).badge.contains(QStringLiteral("SEED")));
    }

    void theScenarioPanelSwitchesRenamesCopiesAndDeletesScenarios()
    {
        Document *doc = m_window->document();
        ScenarioPanel *panel = m_window->scenarioPanel();
        analysis()->setSeed(QStringLiteral("analytics"), Compromise::Breached);
        panel->copyButton()->click();
        QCOMPARE(doc->activeScenarioName(), QStringLiteral("Scenario 1 (2)"));
        QCOMPARE(analysis()->scenario().seeds.size(), std::size_t(1));
        panel->newButton()->click();
        QCOMPARE(doc->activeScenarioName(), QStringLiteral("Scenario 3"));
        QVERIFY(analysis()->scenario().seeds.empty());
        QCOMPARE(panel->scenarioBox()->count(), 3);
        // Switching back brings its seeds back. A switch is not an edit: Undo still undoes the
        // last edit, and undoing a mark in another scenario shows that scenario again.
        const int steps = doc->undoStack()->count();
        Q_EMIT panel->scenarioBox()->activated(0);
        QCOMPARE(doc->undoStack()->count(), steps);
        QCOMPARE(doc->activeScenarioName(), QStringLiteral("Scenario 1"));
        QCOMPARE(analysis()->scenario().seeds[0].nodeId, QStringLiteral("analytics"));
        // Typing a name renames the active one; a taken name is refused and nothing changes.
        panel->scenarioBox()->lineEdit()->setText(QStringLiteral("Analytics vendor breached"));
        Q_EMIT panel->scenarioBox()->lineEdit()->editingFinished();
        QCOMPARE(doc->activeScenarioName(), QStringLiteral("Analytics vendor breached"));
        // An empty name is refused with a message, and the box shows the name again.
        panel->scenarioBox()->lineEdit()->setText(QStringLiteral("  "));
        Q_EMIT panel->scenarioBox()->lineEdit()->editingFinished();
        QCOMPARE(doc->activeScenarioName(), QStringLiteral("Analytics vendor breached"));
        QVERIFY(panel->statusText().contains(QStringLiteral("1 to 200 characters")));
        QCOMPARE(panel->scenarioBox()->currentText(), QStringLiteral("Analytics vendor breached"));
        // Typing the name of another scenario switches to it (the combo box's own completion).
        panel->scenarioBox()->lineEdit()->setText(QStringLiteral("Scenario 3"));
        Q_EMIT panel->scenarioBox()->lineEdit()->editingFinished();
        QCOMPARE(doc->activeScenarioName(), QStringLiteral("Scenario 3"));
        QCOMPARE(doc->scenarios().size(), std::size_t(3));
        Q_EMIT panel->scenarioBox()->activated(0);
        analysis()->setSeed(QStringLiteral("crm"), Compromise::Controlled);
        Q_EMIT panel->scenarioBox()->activated(2);
        QCOMPARE(doc->activeScenarioName(), QStringLiteral("Scenario 3"));
        doc->undoStack()->undo();
        QCOMPARE(doc->activeScenarioName(), QStringLiteral("Analytics vendor breached"));
        QCOMPARE(analysis()->scenario().seeds.size(), std::size_t(1));
        // Delete, then undo it.
        panel->deleteButton()->click();
        QCOMPARE(doc->scenarios().size(), std::size_t(2));
        QVERIFY(doc->activeScenarioName() != QStringLiteral("Analytics vendor breached"));
        doc->undoStack()->undo();
        QCOMPARE(doc->activeScenarioName(), QStringLiteral("Analytics vendor breached"));
        QCOMPARE(analysis()->scenario().seeds[0].nodeId, QStringLiteral("analytics"));
    }

    void theAwarenessTimeMakesEachDeadlineADateOnTheTimeline()
    {
        Document *doc = m_window->document();
        AnalysisPanel *panel = m_window->analysisPanel();
        analysis()->setSeed(QStringLiteral("analytics"), Compromise::Breached);
        analysis()->waitForIdle();
        QVERIFY(panel->timeline()->deadlines().empty());
        QVERIFY(panel->awareBox()->isEnabled());
        // Ticking the box sets "now" with the local offset, as one undoable step.
        panel->awareBox()->setChecked(true);
        QVERIFY(doc->activeScenario()->awareness.isValid());
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Set awareness time of Scenario 1"));
        // A known time in a known offset: GDPR Art. 33's 72 hours.
        SavedScenario s = *doc->activeScenario();
        s.awareness = QDateTime(QDate(2026, 11, 27), QTime(9, 30), QTimeZone(3600));
        doc->undoStack()->push(new ChangeCommand(doc, replaceScenario(*doc, s.name, s), QStringLiteral("aware")));
        const TableModel *obligations = panel->obligationsModel();
        int gdpr = -1;
        for (int row = 0; row < obligations->rowCount(); ++row)
            if (obligations->index(row, 0).data().toString().startsWith(QStringLiteral("GDPR Art. 33")))
                gdpr = row;
        QVERIFY(gdpr >= 0);
        QCOMPARE(obligations->index(gdpr, 1).data().toString(), QStringLiteral("assess"));
        QCOMPARE(obligations->index(gdpr, 2).data().toString(), QStringLiteral("Mon 30 Nov 2026 09:30 UTC+01:00"));
        bool onTimeline = false;
        for (const DueDeadline &d : panel->timeline()->deadlines())
            onTimeline = onTimeline
                || (d.deadline.regime == u"GDPR-33" && d.deadline.due == QDateTime(QDate(2026, 11, 30), QTime(9, 30), QTimeZone(3600)));
        QVERIFY(onTimeline);
        QCOMPARE(panel->awareEdit()->dateTime(), QDateTime(QDate(2026, 11, 27), QTime(9, 30)));
        // Editing the field keeps the offset the time was entered in.
        panel->awareEdit()->setDateTime(QDateTime(QDate(2026, 11, 28), QTime(8, 0)));
        QCOMPARE(doc->activeScenario()->awareness, QDateTime(QDate(2026, 11, 28), QTime(8, 0), QTimeZone(3600)));
        // Unticking clears it: no dates, the timeline says what to do.
        panel->awareBox()->setChecked(false);
        QVERIFY(!doc->activeScenario()->awareness.isValid());
        QVERIFY(panel->timeline()->deadlines().empty());
        QVERIFY(obligations->index(gdpr, 2).data().toString().isEmpty());
    }

    void theAnalysisViewsAreItemModelsThatPassTheTester()
    {
        analysis()->setSeed(QStringLiteral("chat_widget"), Compromise::Controlled);
        analysis()->waitForIdle();
        AnalysisPanel *panel = m_window->analysisPanel();
        for (TableModel *m :
             {panel->matrixModel(), panel->obligationsModel(), panel->populationsModel(), panel->notExposedModel()}) {
            QAbstractItemModelTester tester(m, QAbstractItemModelTester::FailureReportingMode::QtTest);
            QVERIFY(m->rowCount() > 0);
        }
        // The matrix: a row per holder, a column per exposed category; crm_tenant holds
        // B2B.CONTACT directly in plaintext.
        TableModel *matrix = panel->matrixModel();
        const int col = int(matrix->table().columnKeys.indexOf(QStringLiteral("B2B.CONTACT")));
        const int row = int(matrix->table().rowIds.indexOf(QStringLiteral("crm_tenant")));
        QVERIFY(col > 0 && row >= 0);
        QCOMPARE(matrix->index(row, col).data().toInt(), int(DirectPlain));
        // Not exposed: what the company holds elsewhere, such as the clinical notes.
        QVERIFY(panel->notExposedModel()->table().rowIds.contains(QStringLiteral("HEALTH.CLINICAL")));
        // Obligations, likely ones first.
        QVERIFY(panel->obligationsModel()->rowCount() >= 10);
    }

    void clickingABarShowsItsHoldersOnTheCanvas()
    {
        analysis()->setSeed(QStringLiteral("analytics"), Compromise::Breached);
        analysis()->waitForIdle();
        Q_EMIT m_window->analysisPanel()->chart()->categoryClicked(QStringLiteral("CONTACT.EMAIL"));
        QVERIFY(m_window->selection()->containsNode(QStringLiteral("analytics")));
        QVERIFY(m_window->selection()->containsEdge(QStringLiteral("e21")));
    }

    // VG_SCREENSHOTS=DIR saves the blast-radius views.
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("VG_SCREENSHOTS");
        if (dir.isEmpty())
            QSKIP("set VG_SCREENSHOTS=DIR to save screenshots");
        auto shot = [&](QWidget *w, const char *name) {
            QCoreApplication::processEvents();
            QVERIFY(w->grab().save(dir + QLatin1Char('/') + QLatin1StringView(name)));
        };
        m_window->views()->setTheme(Theme::Light);
        m_window->selection()->selectNode(QStringLiteral("analytics"));
        m_window->scenarios()->mark(Compromise::Breached);
        analysis()->waitForIdle();
        m_window->selection()->clear();
        m_window->view()->fitAll();
        shot(m_window.get(), "20-analytics-breached.png");
        QTabWidget *tabs = m_window->analysisPanel()->tabs();
        const char *names[] = {"21-chart.png", "22-flow.png", "23-matrix.png", "24-people-obligations.png",
                               "25-not-exposed.png"};
        analysis()->clearSeeds();
        m_window->selection()->selectNode(QStringLiteral("chat_widget"));
        m_window->scenarios()->mark(Compromise::Controlled);
        analysis()->waitForIdle();
        QString potential;
        for (const ReachedNode &n : analysis()->result()->radius->nodes())
            if (n.certainty == Certainty::Potential && n.hops > 1)
                potential = n.id;
        m_window->selection()->selectNode(potential);
        m_window->view()->fitAll();
        shot(m_window.get(), "26-chat-controlled-potential-path.png");
        // Aware since yesterday morning: the timeline shows where "now" is.
        {
            Document *doc = m_window->document();
            SavedScenario s = *doc->activeScenario();
            const QDateTime now = QDateTime::currentDateTime();
            s.awareness = QDateTime(now.date().addDays(-1), QTime(9, 30), QTimeZone(now.offsetFromUtc()));
            doc->undoStack()->push(new ChangeCommand(doc, replaceScenario(*doc, s.name, s), QStringLiteral("aware")));
        }
        for (int i = 0; i < tabs->count() && i < 5; ++i) {
            tabs->setCurrentIndex(i);
            QDockWidget *dock = m_window->dock(QStringLiteral("blastDock"));
            dock->setFloating(true);
            dock->resize(1300, 640);
            shot(dock, names[i]);
            dock->setFloating(false);
        }
        m_window->views()->setTheme(Theme::Dark);
        shot(m_window.get(), "27-chat-controlled-dark.png");
        m_window->views()->setTheme(Theme::Light);
    }
};

QTEST_MAIN(TestBlastView)
#include "tst_blastview.moc"
