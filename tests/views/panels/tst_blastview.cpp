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
#include "views/canvas/graphscene.h"
#include "views/canvas/graphview.h"
#include "views/charts/categorychart.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/scenariocontroller.h"
#include "views/mainwindow/viewcontroller.h"
#include "views/panels/analysispanel.h"
#include "views/panels/scenariopanel.h"

#include <QAbstractItemModelTester>
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
