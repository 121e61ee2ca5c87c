// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"
#include "tests/views/scriptedprompter.h"

#include "model/commands/changecommand.h"
#include "model/commands/edits.h"
#include "model/document/analysisservice.h"
#include "model/document/document.h"
#include "model/document/selection.h"
#include "model/itemmodels/concentrationmodel.h"
#include "model/itemmodels/vendorrankingmodel.h"
#include "views/canvas/graphview.h"
#include "views/dialogs/comparedialog.h"
#include "views/dialogs/riskcells.h"
#include "views/dialogs/whatifdialog.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/riskcontroller.h"
#include "views/mainwindow/viewcontroller.h"
#include "views/panels/concentrationpanel.h"
#include "views/panels/rankingpanel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QTimer>
#include <QLineEdit>
#include <QMenuBar>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>

using namespace vg;

namespace {

constexpr int Patience = 120000; // generous: the machine may be busy; nothing here is timed

QStringList column(const QTableWidget *t, int c)
{
    QStringList out;
    for (int r = 0; r < t->rowCount(); ++r)
        out << (t->item(r, c) ? t->item(r, c)->text() : QString());
    return out;
}

int rowOf(const QTableWidget *t, int c, const QString &text)
{
    for (int r = 0; r < t->rowCount(); ++r)
        if (t->item(r, c) && t->item(r, c)->text() == text)
            return r;
    return -1;
}

// The proxy row of a vendor in the ranking view.
QModelIndex rankingIndex(RankingPanel *p, const QString &vendor, int column)
{
    for (int r = 0; r < p->proxy()->rowCount(); ++r) {
        const QModelIndex i = p->proxy()->index(r, column);
        if (i.data(Qt::UserRole).toString() == vendor)
            return i;
    }
    return {};
}

} // namespace

class TestRiskViews : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> m_window;

    Document *doc() const { return m_window->document(); }
    AnalysisService *analysis() const { return m_window->analysis(); }
    RiskController *risk() const { return m_window->risk(); }

    void addScenario(const QString &name, const QStringList &breach, const QStringList &control)
    {
        SavedScenario s;
        s.name = name;
        s.breach = breach;
        s.control = control;
        doc()->undoStack()->push(new ChangeCommand(doc(), vg::addScenario(*doc(), s), QStringLiteral("add")));
    }

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

    void theRiskMenuHasItsActions()
    {
        QMenu *menu = nullptr;
        for (QAction *a : m_window->menuBar()->actions())
            if (a->text().remove(QLatin1Char('&')) == u"Risk")
                menu = a->menu();
        QVERIFY(menu);
        QVERIFY(menu->actions().contains(risk()->rankAction()));
        QVERIFY(menu->actions().contains(risk()->whatIfAction()));
        QVERIFY(menu->actions().contains(risk()->compareAction()));
        QVERIFY(menu->actions().contains(risk()->concentrationAction()));
        // What-if acts on one selected vendor.
        m_window->selection()->selectNode(QStringLiteral("dashboard"));
        QVERIFY(!risk()->whatIfAction()->isEnabled());
        m_window->selection()->selectNode(QStringLiteral("analytics"));
        QVERIFY(risk()->whatIfAction()->isEnabled());
        QVERIFY(!risk()->whatIf(QStringLiteral("dashboard"))); // a service: no what-if
        QVERIFY(m_window->dock(QStringLiteral("rankingDock"))->isHidden());
        risk()->rankAction()->trigger();
        QVERIFY(m_window->dock(QStringLiteral("rankingDock"))->isVisible());
        risk()->concentrationAction()->trigger();
        QVERIFY(m_window->dock(QStringLiteral("concentrationDock"))->isVisible());
    }

    void theRankingRanksSortsFiltersAndFollowsEdits()
    {
        RankingPanel *p = risk()->ranking();
        QAbstractItemModelTester source(p->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxy(p->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!p->isVisible());
        QCOMPARE(p->model()->rowCount(), 0); // a hidden panel does not rank
        risk()->showRanking();
        QTRY_VERIFY_WITH_TIMEOUT(p->isCurrent() && !p->model()->isRunning(), Patience);
        const auto model = doc()->snapshot();
        const int vendors = int(std::count_if(model->nodes.begin(), model->nodes.end(),
                                              [](const Node &n) { return n.kind == NodeKind::Vendor; }));
        QCOMPARE(p->proxy()->rowCount(), vendors);
        QVERIFY2(p->statusText().contains(QStringLiteral("as it is now")), qPrintable(p->statusText()));
        // Sorted by control score, highest first, with the engine's figures.
        double last = 1e300;
        for (int r = 0; r < p->proxy()->rowCount(); ++r) {
            const double score = p->proxy()->index(r, VendorRankingModel::ControlScore).data().toDouble();
            QVERIFY(score <= last);
            last = score;
        }
        const BlastRadiusEngine engine(model);
        for (const VendorRank &r : engine.rank(true, true))
            if (r.vendorId == u"analytics" && r.mode == Compromise::Breached)
                QCOMPARE(rankingIndex(p, r.vendorId, VendorRankingModel::BreachScore).data().toDouble(),
                         r.summary.score);
        // Sorting by another column through the header.
        p->view()->sortByColumn(VendorRankingModel::Name, Qt::AscendingOrder);
        QVERIFY(p->proxy()->index(0, VendorRankingModel::Name).data().toString().localeAwareCompare(
                    p->proxy()->index(1, VendorRankingModel::Name).data().toString())
                <= 0);
        // The filter box.
        p->filterEdit()->setText(QStringLiteral("analytics"));
        QVERIFY(p->proxy()->rowCount() >= 1 && p->proxy()->rowCount() < vendors);
        for (int r = 0; r < p->proxy()->rowCount(); ++r) {
            bool hit = false;
            for (int c = 0; c < p->proxy()->columnCount(); ++c)
                hit = hit || p->proxy()->index(r, c).data().toString().contains(u"analytics", Qt::CaseInsensitive);
            QVERIFY(hit);
        }
        p->filterEdit()->clear();
        QCOMPARE(p->proxy()->rowCount(), vendors);
        // An edit the analysis reads makes it out of date, then it ranks again on its own.
        const quint64 before = p->model()->revision();
        Edge edge;
        edge.from = QStringLiteral("crm_tenant");
        edge.to = QStringLiteral("analytics");
        edge.kind = EdgeKind::Data;
        edge.categories = {QStringLiteral("FIN.CARD_PAN")};
        doc()->undoStack()->push(new ChangeCommand(doc(), vg::addEdge(*doc(), edge), QStringLiteral("flow")));
        QVERIFY(!p->isCurrent());
        QTRY_VERIFY_WITH_TIMEOUT(p->isCurrent() && !p->model()->isRunning(), Patience);
        QVERIFY(p->model()->revision() > before);
        QCOMPARE(p->model()->revision(), doc()->contentRevision());
    }

    void doubleClickingAVendorMakesItTheScenario()
    {
        RankingPanel *p = risk()->ranking();
        risk()->showRanking();
        QTRY_VERIFY_WITH_TIMEOUT(p->isCurrent() && !p->model()->isRunning(), Patience);
        QVERIFY(analysis()->scenario().seeds.empty());
        const int steps = doc()->undoStack()->count();
        // On a breach column: breached.
        const QModelIndex breach = rankingIndex(p, QStringLiteral("analytics"), VendorRankingModel::BreachScore);
        QVERIFY(breach.isValid());
        p->view()->scrollTo(breach);
        // (A click first: QTest's double click alone does not make the view's press.)
        QSignalSpy doubleClicked(p->view(), &QAbstractItemView::doubleClicked);
        QTest::mouseClick(p->view()->viewport(), Qt::LeftButton, {}, p->view()->visualRect(breach).center());
        QTest::mouseDClick(p->view()->viewport(), Qt::LeftButton, {}, p->view()->visualRect(breach).center());
        QCOMPARE(doubleClicked.size(), 1);
        QCOMPARE(analysis()->scenario().seeds.size(), std::size_t(1));
        QCOMPARE(analysis()->scenario().seeds.front().nodeId, QStringLiteral("analytics"));
        QVERIFY(analysis()->scenario().seeds.front().mode == Compromise::Breached);
        QCOMPARE(doc()->undoStack()->count(), steps + 1); // one undoable edit
        QCOMPARE(doc()->activeScenario()->breach, QStringList{QStringLiteral("analytics")});
        // Selected on the canvas (and centred there).
        QCOMPARE(m_window->selection()->nodes(), QStringList{QStringLiteral("analytics")});
        // On a control column: controlled, replacing the seed.
        const QModelIndex control = rankingIndex(p, QStringLiteral("chat_widget"), VendorRankingModel::ControlScore);
        QVERIFY(control.isValid());
        p->view()->scrollTo(control);
        QTest::mouseClick(p->view()->viewport(), Qt::LeftButton, {}, p->view()->visualRect(control).center());
        QTest::mouseDClick(p->view()->viewport(), Qt::LeftButton, {}, p->view()->visualRect(control).center());
        QCOMPARE(analysis()->scenario().seeds.size(), std::size_t(1));
        QCOMPARE(analysis()->scenario().seeds.front().nodeId, QStringLiteral("chat_widget"));
        QVERIFY(analysis()->scenario().seeds.front().mode == Compromise::Controlled);
        QCOMPARE(m_window->selection()->currentNode(), QStringLiteral("chat_widget"));
        // Undo goes back to the analytics breach.
        doc()->undoStack()->undo();
        QCOMPARE(analysis()->scenario().seeds.front().nodeId, QStringLiteral("analytics"));
        QVERIFY(analysis()->scenario().seeds.front().mode == Compromise::Breached);
    }

    void theWhatIfShowsWhatChangesAndAppliesAsOneUndoableStep()
    {
        analysis()->setSeed(QStringLiteral("analytics"), Compromise::Breached);
        analysis()->waitForIdle();
        const auto before = doc()->snapshot();
        const int steps = doc()->undoStack()->count();
        WhatIfDialog *dialog = risk()->whatIf(QStringLiteral("analytics"));
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isReady(), Patience);
        QVERIFY(dialog->answer()->error.isEmpty());
        // The services with an edge to or from the analytics vendor on the sample: the
        // dashboard (data to it, its code from it) and the marketing site (data to it).
        QTableWidget *services = dialog->servicesTable();
        QStringList ids = column(services, 0);
        ids.sort();
        QCOMPARE(ids, (QStringList{QStringLiteral("dashboard"), QStringLiteral("marketing_site")}));
        const QString dashboardKinds = services->item(rowOf(services, 0, QStringLiteral("dashboard")), 2)->text();
        QVERIFY2(dashboardKinds.contains(u"data") && dashboardKinds.contains(u"code"), qPrintable(dashboardKinds));
        QCOMPARE(services->item(rowOf(services, 0, QStringLiteral("marketing_site")), 2)->text(),
                 QStringLiteral("data"));
        // The vendor is the scenario's only seed: said, and nothing is reached after.
        QVERIFY2(dialog->noteText().contains(QStringLiteral("only seed")), qPrintable(dialog->noteText()));
        QTableWidget *exposure = dialog->exposureTable();
        const int reached = rowOf(exposure, 0, QStringLiteral("Systems reached"));
        QVERIFY(reached >= 0);
        QCOMPARE(exposure->item(reached, 1)->text().toInt(), analysis()->result()->radius->summary().reached);
        QCOMPARE(exposure->item(reached, 2)->text(), QStringLiteral("0"));
        QVERIFY(exposure->item(reached, 3)->text().startsWith(QStringLiteral("▼")));
        QVERIFY(riskcells::toneOf(exposure->item(reached, 3)) == riskcells::Tone::Better);
        // The ranking before names the vendor as removed; after, it is gone.
        QTableWidget *ranking = dialog->rankingTable();
        QVERIFY(ranking->rowCount() >= 10);
        for (const QString &after : column(ranking, 3))
            QVERIFY(!after.contains(QStringLiteral("Analytics SDK")) || after.isEmpty());
        // Nothing has changed yet.
        QCOMPARE(doc()->undoStack()->count(), steps);
        QVERIFY(doc()->store().findNode(QStringLiteral("analytics")));
        // Apply: one undoable step that removes the vendor and its edges.
        QVERIFY(dialog->applyButton()->isEnabled());
        QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
        QCOMPARE(doc()->undoStack()->count(), steps + 1);
        QVERIFY(doc()->undoStack()->undoText().startsWith(QStringLiteral("Remove vendor ")));
        QVERIFY(doc()->undoStack()->undoText().endsWith(QStringLiteral("(what-if)")));
        QVERIFY(!doc()->store().findNode(QStringLiteral("analytics")));
        for (const char *e : {"e21", "e22", "e23", "e24", "e63"})
            QVERIFY(!doc()->store().findEdge(QString::fromLatin1(e)));
        // Undo restores the model exactly.
        doc()->undoStack()->undo();
        const auto restored = doc()->snapshot();
        auto sortedEdges = [](const Model &m) {
            std::vector<Edge> edges = m.edges;
            std::sort(edges.begin(), edges.end(), [](const Edge &a, const Edge &b) { return a.id < b.id; });
            return edges;
        };
        QCOMPARE(restored->nodes.size(), before->nodes.size());
        QVERIFY(restored->nodes == before->nodes);
        QVERIFY(sortedEdges(*restored) == sortedEdges(*before));
        QVERIFY(restored->scenarios == before->scenarios);
        QVERIFY(restored->categories == before->categories);
        QVERIFY(restored->organization == before->organization);
        // The store puts the restored edges back at the end: the same model in the canonical
        // order every writer uses, so a saved file is byte for byte the same.
        Model a = *before, b = *restored;
        a.sortById();
        b.sortById();
        QVERIFY(a == b);
        QCOMPARE(serializeModelJson(*restored), serializeModelJson(*before));
    }

    void closingTheWhatIfChangesNothing()
    {
        const int steps = doc()->undoStack()->count();
        const auto before = doc()->snapshot();
        WhatIfDialog *dialog = risk()->whatIf(QStringLiteral("analytics_cloud"));
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isReady(), Patience);
        dialog->reject();
        QCOMPARE(doc()->undoStack()->count(), steps);
        QVERIFY(*doc()->snapshot() == *before);
    }

    void compareNeedsTwoSavedScenarios()
    {
        QVERIFY(doc()->scenarios().empty());
        CompareDialog *dialog = risk()->compareScenarios();
        QVERIFY(dialog->isReady());
        QVERIFY2(dialog->messageText().contains(QStringLiteral("two saved scenarios")), qPrintable(dialog->messageText()));
        QVERIFY(!dialog->comboA()->isEnabled());
        addScenario(QStringLiteral("Analytics breach"), {QStringLiteral("analytics")}, {});
        QVERIFY(dialog->messageText().contains(QStringLiteral("has one")));
        dialog->close();
    }

    void compareShowsTwoScenariosAndTheirDifferences()
    {
        addScenario(QStringLiteral("Analytics breach"), {QStringLiteral("analytics")}, {});
        addScenario(QStringLiteral("Chat control"), {}, {QStringLiteral("chat_widget")});
        CompareDialog *dialog = risk()->compareScenarios();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isReady(), Patience);
        // A is the active scenario, B the other.
        QCOMPARE(dialog->comboA()->currentText(), QStringLiteral("Chat control"));
        QCOMPARE(dialog->comboB()->currentText(), QStringLiteral("Analytics breach"));
        const BlastRadiusEngine engine(doc()->snapshot());
        const auto ra = engine.run(scenarioOf(doc()->scenarios()[1]));
        const auto rb = engine.run(scenarioOf(doc()->scenarios()[0]));
        QVERIFY(ra && rb);
        QTableWidget *figures = dialog->figuresTable();
        const int reached = rowOf(figures, 0, QStringLiteral("Systems reached"));
        QVERIFY(reached >= 0);
        QCOMPARE(figures->item(reached, 1)->text().toInt(), ra->summary().reached);
        QCOMPARE(figures->item(reached, 2)->text().toInt(), rb->summary().reached);
        QVERIFY(ra->summary().reached != rb->summary().reached);
        // The difference: a marker and a colour.
        const QString diff = figures->item(reached, 3)->text();
        QVERIFY2(diff.startsWith(QStringLiteral("▲")) || diff.startsWith(QStringLiteral("▼")), qPrintable(diff));
        QVERIFY(riskcells::toneOf(figures->item(reached, 3)) != riskcells::Tone::None);
        QVERIFY(figures->item(reached, 3)->background().color().isValid());
        QCOMPARE(figures->item(rowOf(figures, 0, QStringLiteral("Seeds")), 3)->text(), QStringLiteral("≠ differs"));
        QVERIFY(rowOf(figures, 0, QStringLiteral("Cost range (USD)")) >= 0);
        QVERIFY(column(figures, 0).filter(QStringLiteral("Obligation: ")).size() >= 5);
        // Exposed in one but not the other: exactly the engine's set differences.
        QSet<QString> expected;
        QSet<QString> ca, cb, na, nb;
        for (const ExposedCategory &c : ra->exposed())
            ca.insert(c.category);
        for (const ExposedCategory &c : rb->exposed())
            cb.insert(c.category);
        for (const ReachedNode &n : ra->nodes())
            na.insert(n.id);
        for (const ReachedNode &n : rb->nodes())
            nb.insert(n.id);
        for (const QString &c : ca - cb)
            expected.insert(QStringLiteral("A ") + c);
        for (const QString &c : cb - ca)
            expected.insert(QStringLiteral("B ") + c);
        for (const QString &n : na - nb)
            expected.insert(QStringLiteral("A ") + n);
        for (const QString &n : nb - na)
            expected.insert(QStringLiteral("B ") + n);
        QVERIFY(!expected.isEmpty());
        QTableWidget *only = dialog->differencesTable();
        QSet<QString> shown;
        for (int r = 0; r < only->rowCount(); ++r) {
            const QString side = only->item(r, 0)->text();
            QVERIFY(side == u"◀ only in A" || side == u"only in B ▶");
            QVERIFY(riskcells::toneOf(only->item(r, 0)) != riskcells::Tone::None);
            shown.insert((side.contains(u"in A") ? QStringLiteral("A ") : QStringLiteral("B ")) + only->item(r, 2)->text());
        }
        QCOMPARE(shown, expected);
        // An edit of the map runs both again: a card number now flows to the analytics vendor.
        Edge edge;
        edge.from = QStringLiteral("crm_tenant");
        edge.to = QStringLiteral("analytics");
        edge.kind = EdgeKind::Data;
        edge.categories = {QStringLiteral("FIN.CARD_PAN")};
        doc()->undoStack()->push(new ChangeCommand(doc(), vg::addEdge(*doc(), edge), QStringLiteral("flow")));
        QVERIFY(!dialog->isReady());
        QVERIFY(dialog->messageText().contains(QStringLiteral("The map changed")));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isReady(), Patience);
        const auto edited = BlastRadiusEngine(doc()->snapshot()).run(scenarioOf(doc()->scenarios()[0]));
        QVERIFY(edited && edited->summary().categoriesByTier[0] > rb->summary().categoriesByTier[0]);
        const int tier1 = rowOf(figures, 0, QStringLiteral("Tier 1 categories"));
        QCOMPARE(figures->item(tier1, 2)->text().toInt(), edited->summary().categoriesByTier[0]);
        doc()->undoStack()->undo();
        QVERIFY(!dialog->isReady());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isReady(), Patience);
        QCOMPARE(figures->item(tier1, 2)->text().toInt(), rb->summary().categoriesByTier[0]);
        // Swapping the two swaps the sides.
        dialog->comboA()->setCurrentIndex(0);
        dialog->comboB()->setCurrentIndex(1);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isReady(), Patience);
        QCOMPARE(figures->item(reached, 1)->text().toInt(), rb->summary().reached);
        dialog->close();
    }

    void selectingAFourthPartySelectsItsVendorsOnTheCanvas()
    {
        ConcentrationPanel *p = risk()->concentration();
        QAbstractItemModelTester tester(p->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        risk()->showConcentration();
        QTRY_VERIFY_WITH_TIMEOUT(p->revision() == doc()->contentRevision() && !p->isRunning(), Patience);
        const auto subs = BlastRadiusEngine(doc()->snapshot()).concentration();
        QVERIFY(!subs.empty());
        QCOMPARE(p->model()->rowCount(), int(subs.size()));
        // Heaviest first.
        for (int r = 1; r < p->proxy()->rowCount(); ++r)
            QVERIFY(p->proxy()->index(r - 1, ConcentrationModel::Weight).data().toDouble()
                    >= p->proxy()->index(r, ConcentrationModel::Weight).data().toDouble());
        QCOMPARE(p->proxy()->index(0, ConcentrationModel::VendorCount).data().toInt(),
                 int(p->proxy()->index(0, 0).data(ConcentrationModel::VendorsRole).toStringList().size()));
        // Selecting the top row selects the fourth party and every vendor that depends on it.
        p->view()->selectRow(0);
        const QString id = p->proxy()->index(0, 0).data(Qt::UserRole).toString();
        const QStringList vendors = p->proxy()->index(0, 0).data(ConcentrationModel::VendorsRole).toStringList();
        QVERIFY(vendors.size() >= 2);
        QVERIFY(m_window->selection()->containsNode(id));
        for (const QString &v : vendors)
            QVERIFY2(m_window->selection()->containsNode(v), qPrintable(v));
        QCOMPARE(m_window->selection()->nodes().size(), vendors.size() + 1);
    }

    // VG_LARGE_MODEL=FILE: the ranking, a what-if and the concentration on a large model, with
    // the longest time the event loop went without turning while they computed (printed, not
    // asserted: the machine may be busy).
    void onALargeModelTheWindowStaysResponsive()
    {
        const QString path = qEnvironmentVariable("VG_LARGE_MODEL");
        if (path.isEmpty())
            QSKIP("set VG_LARGE_MODEL=FILE to try the risk views on a large model");
        QVERIFY(m_window->openFile(path));
        QTest::qWait(3000); // let the canvas settle after opening: its work is not measured here
        qint64 worst = 0;
        QElapsedTimer beat;
        beat.start();
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, this, [&] {
            worst = std::max(worst, beat.restart());
        });
        ticker.start();
        QElapsedTimer clock;
        clock.start();
        // Opening the bottom dock area re-lays the window out, canvas included: measured
        // apart, so that the ranking's own figure is its own.
        m_window->dock(QStringLiteral("tablesDock"))->show();
        QTest::qWait(1500);
        qInfo("opening the bottom dock area: longest event-loop gap %lld ms", worst);
        worst = 0;
        clock.restart();
        RankingPanel *ranking = risk()->ranking();
        risk()->showRanking();
        QTRY_VERIFY_WITH_TIMEOUT(ranking->isCurrent() && !ranking->model()->isRunning(), 600000);
        qInfo("ranking: %d vendors in %lld ms; longest event-loop gap %lld ms", ranking->model()->rowCount(),
              clock.restart(), worst);
        const QString vendor = ranking->proxy()->index(0, 0).data(Qt::UserRole).toString();
        analysis()->setSeed(vendor, Compromise::Breached);
        analysis()->waitForIdle();
        QCoreApplication::processEvents();
        clock.restart();
        worst = 0;
        beat.restart();
        WhatIfDialog *dialog = risk()->whatIf(vendor);
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isReady(), 600000);
        qInfo("what-if %s: %lld ms, %d services lose an edge; longest event-loop gap %lld ms", qPrintable(vendor),
              clock.restart(), dialog->servicesTable()->rowCount(), worst);
        dialog->close();
        worst = 0;
        risk()->showConcentration();
        ConcentrationPanel *c = risk()->concentration();
        QTRY_VERIFY_WITH_TIMEOUT(c->revision() == doc()->contentRevision() && !c->isRunning(), 600000);
        qInfo("concentration: %d rows in %lld ms; longest event-loop gap %lld ms", c->model()->rowCount(),
              clock.restart(), worst);
    }

    // VG_SCREENSHOTS=DIR saves the ranking, a what-if, a comparison and the concentration.
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("VG_SCREENSHOTS");
        if (dir.isEmpty())
            QSKIP("set VG_SCREENSHOTS=DIR to save screenshots");
        m_window->views()->setTheme(Theme::Light);
        auto save = [&](const QImage &image, const char *name) {
            QVERIFY(image.save(dir + QLatin1Char('/') + QLatin1StringView(name)));
        };
        // A dialog over the window, as the user sees it.
        auto over = [&](QWidget *dialog) {
            QCoreApplication::processEvents();
            QImage image = m_window->grab().toImage();
            const QImage top = dialog->grab().toImage();
            QPainter p(&image);
            const QPoint at((image.width() - top.width()) / 2, (image.height() - top.height()) / 2);
            p.fillRect(QRect(at + QPoint(6, 6), top.size()), QColor(0, 0, 0, 60));
            p.drawImage(at, top);
            p.setPen(QColor(0x60, 0x60, 0x60));
            p.drawRect(QRect(at, top.size()).adjusted(0, 0, -1, -1));
            return image;
        };
        auto bottomDock = [&](const char *name) {
            QDockWidget *d = m_window->dock(QLatin1StringView(name));
            m_window->resizeDocks({d}, {430}, Qt::Vertical);
        };
        risk()->showRanking();
        bottomDock("rankingDock");
        RankingPanel *ranking = risk()->ranking();
        QTRY_VERIFY_WITH_TIMEOUT(ranking->isCurrent() && !ranking->model()->isRunning(), Patience);
        const QModelIndex analytics = rankingIndex(ranking, QStringLiteral("analytics"), VendorRankingModel::BreachScore);
        ranking->view()->selectRow(analytics.row());
        ranking->useRow(analytics);
        analysis()->waitForIdle();
        QCoreApplication::processEvents();
        save(m_window->grab().toImage(), "ranking.png");

        WhatIfDialog *whatIf = risk()->whatIf(QStringLiteral("analytics"));
        whatIf->resize(1280, 760);
        QTRY_VERIFY_WITH_TIMEOUT(whatIf->isReady(), Patience);
        save(over(whatIf), "whatif.png");
        m_window->views()->setTheme(Theme::Dark);
        save(over(whatIf), "whatif-dark.png");
        m_window->views()->setTheme(Theme::Light);
        whatIf->close();

        addScenario(QStringLiteral("Analytics breach"), {QStringLiteral("analytics")}, {});
        addScenario(QStringLiteral("Chat app controlled"), {}, {QStringLiteral("chat_widget")});
        analysis()->waitForIdle();
        // The chart of the chat app's 30-odd categories asks for more height than the window
        // has (its minimum grows with the bars); the comparison does not need it.
        m_window->dock(QStringLiteral("blastDock"))->hide();
        CompareDialog *compare = risk()->compareScenarios();
        compare->resize(1300, 900);
        compare->comboB()->setCurrentText(QStringLiteral("Analytics breach"));
        QTRY_VERIFY_WITH_TIMEOUT(compare->isReady(), Patience);
        m_window->resize(1600, 1000);
        save(over(compare), "compare.png");
        compare->close();

        analysis()->clearSeeds();
        analysis()->waitForIdle();
        risk()->showConcentration();
        bottomDock("concentrationDock");
        ConcentrationPanel *concentration = risk()->concentration();
        QTRY_VERIFY_WITH_TIMEOUT(concentration->revision() == doc()->contentRevision() && !concentration->isRunning(),
                                 Patience);
        concentration->view()->selectRow(0);
        m_window->resize(1600, 1000);
        QCoreApplication::processEvents();
        save(m_window->grab().toImage(), "concentration.png");
    }
};

QTEST_MAIN(TestRiskViews)
#include "tst_riskviews.moc"
