// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/mainwindow/mainwindow.h"

#include "model/document/analysisservice.h"
#include "model/document/document.h"
#include "model/document/selection.h"
#include "views/canvas/graphscene.h"
#include "views/canvas/graphview.h"
#include "views/canvas/minimap.h"
#include "views/mainwindow/editcontroller.h"
#include "views/mainwindow/filecontroller.h"
#include "views/mainwindow/interchangecontroller.h"
#include "views/mainwindow/scenariocontroller.h"
#include "views/mainwindow/theme.h"
#include "views/mainwindow/viewcontroller.h"
#include "views/panels/analysispanel.h"
#include "views/panels/filterpanel.h"
#include "views/panels/inspector.h"
#include "views/panels/modelbrowser.h"
#include "views/panels/scenariopanel.h"
#include "views/panels/tablespanel.h"
#include "views/team/teamcontroller.h"

#include <QCloseEvent>
#include <QCoreApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QScrollArea>
#include <QSet>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>

namespace vg {

MainWindow::MainWindow(std::unique_ptr<Prompter> prompter, QWidget *parent)
    : QMainWindow(parent), m_prompter(prompter ? std::move(prompter) : std::make_unique<DialogPrompter>()),
      m_doc(new Document(this)), m_selection(new Selection(m_doc, this)),
      m_scene(new GraphScene(m_doc, m_selection, this)), m_view(new GraphView(m_scene, this)),
      m_analysis(new AnalysisService(m_doc, this)), m_counts(new QLabel(this)), m_zoom(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setCentralWidget(m_view);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks | QMainWindow::AllowNestedDocks);
    m_files = new FileController(this);
    m_interchange = new InterchangeController(this);
    m_edits = new EditController(this);
    m_views = new ViewController(this);
    m_scenarios = new ScenarioController(this, m_analysis);
    applyTheme(themeFromString(QSettings().value(QStringLiteral("theme")).toString()));
    m_scene->setCanvasStyle(canvasStyleForPalette());
    createDocks();
    createMenus();
    statusBar()->addPermanentWidget(m_counts);
    statusBar()->addPermanentWidget(m_zoom);
    connect(m_view, &GraphView::zoomChanged, this,
            [this](qreal z) { m_zoom->setText(tr("Zoom %1%").arg(qRound(z * 100))); });
    connect(m_doc, &Document::modifiedChanged, this, &MainWindow::setWindowModified);
    connect(m_doc, &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &Document::modelReset, this, [this] {
        updateTitle();
        updateCounts();
        m_tables->fitColumns();
        QTimer::singleShot(0, m_view, &GraphView::fitAll);
    });
    connect(m_doc, &Document::changeApplied, this, [this](const ChangeSet &c) {
        if (c.changesAnalysis())
            updateCounts();
        if (c.name)
            updateTitle();
    });
    connect(m_selection, &Selection::changed, this, [this] {
        const int n = int(m_selection->nodes().size()), e = int(m_selection->edges().size());
        if (n + e > 0)
            statusBar()->showMessage(tr("Selected: %1 node(s), %2 edge(s)").arg(n).arg(e), 4000);
    });
    connect(m_view, &GraphView::addNodeRequested, this, [this](QPointF p) {
        if (const auto kind = m_prompter->askNodeKind(this, QCursor::pos()))
            m_edits->addNode(*kind, p);
    });
    connect(m_view, &GraphView::connectRequested, this,
            [this](const QString &from, const QString &to, QPoint global) { m_edits->connectNodes(from, to, global); });
    connect(m_view, &GraphView::contextMenuRequested, this, [this](QPointF scenePos, QPoint global) {
        QMenu menu(this);
        if (!m_selection->isEmpty()) {
            menu.addSection(
                m_selection->nodes().size() + m_selection->edges().size() == 1
                    ? (m_selection->currentNode().isEmpty() ? m_selection->currentEdge() : m_selection->currentNode())
                    : tr("%n item(s)", nullptr, int(m_selection->nodes().size() + m_selection->edges().size())));
            menu.addAction(tr("&Inspect"), this, [this] { m_inspector->focusForm(); });
            if (!m_selection->currentNode().isEmpty())
                menu.addAction(tr("C&onnect To..."), m_edits, &EditController::connectFromKeyboard);
            menu.addAction(tr("Fo&cus on Selection"), m_filters, &FilterPanel::focusOnSelection);
            menu.addSeparator();
            if (!m_selection->nodes().isEmpty()) {
                menu.addAction(tr("Cu&t"), m_edits, &EditController::cutSelection);
                menu.addAction(tr("&Copy"), m_edits, &EditController::copySelection);
            }
            menu.addAction(tr("&Delete"), m_edits, &EditController::deleteSelection);
            m_scenarios->addContextActions(&menu);
        } else {
            menu.addSection(tr("Add here"));
            menu.addAction(tr("&People"), this, [this, scenePos] { m_edits->addNode(NodeKind::People, scenePos); });
            menu.addAction(tr("&Service"), this, [this, scenePos] { m_edits->addNode(NodeKind::Service, scenePos); });
            menu.addAction(tr("&Vendor"), this, [this, scenePos] { m_edits->addNode(NodeKind::Vendor, scenePos); });
            menu.addSeparator();
            menu.addAction(tr("&Paste Here"), this, [this, scenePos] { m_edits->paste(scenePos); });
            menu.addAction(tr("&Fit to Window"), m_view, &GraphView::fitAll);
        }
        menu.exec(global);
    });
    restoreSettings();
    updateTitle();
    updateCounts();
}

MainWindow::~MainWindow() = default;

QDockWidget *MainWindow::dock(const QString &objectName) const { return findChild<QDockWidget *>(objectName); }

void MainWindow::showStatus(const QString &message, int timeoutMs) { statusBar()->showMessage(message, timeoutMs); }

void MainWindow::createDocks()
{
    // title has the mnemonic for the Panels menu; the dock's own title shows without it.
    auto makeDock = [this](const QString &title, const char *name, QWidget *content, Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(QString(title).remove(QLatin1Char('&')), this);
        d->setObjectName(QLatin1StringView(name));
        d->setWidget(content);
        d->toggleViewAction()->setText(title);
        addDockWidget(area, d);
        return d;
    };
    m_browser = new ModelBrowser(m_doc, m_selection, this);
    m_filters = new FilterPanel(m_doc, m_selection, this);
    m_inspector = new Inspector(m_doc, m_selection, m_prompter.get(), this);
    m_tables = new TablesPanel(m_doc, m_selection, this);
    m_minimap = new Minimap(m_view, this);
    QDockWidget *browser = makeDock(tr("Model &Browser"), "browserDock", m_browser, Qt::LeftDockWidgetArea);
    QDockWidget *filters = makeDock(tr("&Filters"), "filtersDock", m_filters, Qt::LeftDockWidgetArea);
    tabifyDockWidget(browser, filters);
    browser->raise();
    m_scenarioPanel = new ScenarioPanel(m_doc, m_selection, m_analysis, this);
    m_analysisPanel = new AnalysisPanel(m_doc, m_selection, m_analysis, this);
    QDockWidget *inspector = makeDock(tr("&Inspector"), "inspectorDock", m_inspector, Qt::RightDockWidgetArea);
    auto *scenarioScroll = new QScrollArea(this);
    scenarioScroll->setWidget(m_scenarioPanel);
    scenarioScroll->setWidgetResizable(true);
    scenarioScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scenarioScroll->setFrameShape(QFrame::NoFrame);
    QDockWidget *scenario = makeDock(tr("&Scenario"), "scenarioDock", scenarioScroll, Qt::RightDockWidgetArea);
    tabifyDockWidget(inspector, scenario);
    inspector->raise();
    makeDock(tr("&Overview"), "overviewDock", m_minimap, Qt::RightDockWidgetArea);
    QDockWidget *tables = makeDock(tr("&Tables"), "tablesDock", m_tables, Qt::BottomDockWidgetArea);
    QDockWidget *blast = makeDock(tr("Blast &Radius"), "blastDock", m_analysisPanel, Qt::BottomDockWidgetArea);
    tabifyDockWidget(tables, blast);
    // The canvas comes first: the tables and the analysis views are one click away
    // (View > Panels); the analysis shows itself when a scenario starts.
    tables->hide();
    blast->hide();
    connect(m_analysis, &AnalysisService::scenarioChanged, this, [this, blast] {
        if (!m_analysis->scenario().seeds.empty() && blast->isHidden()) {
            blast->show();
            blast->raise();
        }
    });
    connect(m_analysisPanel, &AnalysisPanel::showRequested, this,
            [this](const QStringList &nodes, const QStringList &edges) {
                m_selection->set(nodes, edges);
                m_view->zoomToSelection();
            });
    resizeDocks({tables}, {220}, Qt::Vertical);
    resizeDocks({browser}, {250}, Qt::Horizontal);
    connect(m_filters, &FilterPanel::filterChanged, m_scene, &GraphScene::setFilter);
    connect(m_browser, &ModelBrowser::revealRequested, m_view, &GraphView::revealNode);
    connect(m_tables, &TablesPanel::revealRequested, this, [this](const QString &node, const QString &edge) {
        if (!node.isEmpty())
            m_view->revealNode(node);
        else if (!edge.isEmpty()) {
            m_selection->selectEdge(edge);
            m_view->zoomToSelection();
        }
    });
}

void MainWindow::createMenus()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_files->createActions(file, bar);
    // The team server's File entries go before Quit; it keeps the title while connected.
    QAction *quit = nullptr;
    for (QAction *a : file->actions())
        if (a->menuRole() == QAction::QuitRole)
            quit = a;
    // Import and Export come after Save As; the team server's entries after them.
    QAction *quitSeparator = nullptr;
    for (QAction *a : file->actions()) {
        if (a == quit)
            break;
        if (a->isSeparator())
            quitSeparator = a;
    }
    m_interchange->createActions(file, quitSeparator ? quitSeparator : quit);
    connect(m_scenarioPanel, &ScenarioPanel::reportRequested, m_interchange, [this] { m_interchange->exportReport(); });
    m_team = TeamController::install(this, m_doc, file, quit);
    m_edits->createActions(menuBar()->addMenu(tr("&Edit")), bar);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QMenu *layout = menuBar()->addMenu(tr("&Layout"));
    m_views->createActions(view, layout, bar);
    m_scenarios->createActions(menuBar()->addMenu(tr("&Scenario")), bar);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Canvas Gestures"), this, [this] {
        showStatus(tr("Double-click: add a node · drag a node's dot (or Shift+drag) to another: connect · "
                      "middle button or Space+drag: pan · wheel: zoom · arrows: move the selection"),
                   15000);
    });
    help->addAction(tr("&About VendorGraph"), this, [this] {
        m_prompter->showError(this, tr("About VendorGraph"),
                              tr("VendorGraph %1: if this vendor is compromised, what do we lose?\nGPL-3.0-or-later.")
                                  .arg(QCoreApplication::applicationVersion()));
    });
}

QTableView *MainWindow::nodeView() const { return m_tables->nodeView(); }
QTableView *MainWindow::edgeView() const { return m_tables->edgeView(); }
QStringList MainWindow::recentFiles() const { return m_files->recentFiles(); }
bool MainWindow::newDocument() { return m_files->newDocument(); }
bool MainWindow::openFile(const QString &path) { return m_files->openFile(path); }
bool MainWindow::open() { return m_files->open(); }
bool MainWindow::save() { return m_files->save(); }
bool MainWindow::saveAs() { return m_files->saveAs(); }
void MainWindow::openSample() { m_files->openSample(); }

void MainWindow::updateTitle()
{
    setWindowTitle(QStringLiteral("%1[*] — VendorGraph").arg(m_doc->displayName()));
    setWindowModified(m_doc->isModified());
}

void MainWindow::updateCounts()
{
    const GraphStore &s = m_doc->store();
    QSet<QString> cats;
    s.forEachEdge([&](int, const Edge &e) {
        for (const QString &c : e.categories)
            cats.insert(c);
    });
    s.forEachNode([&](int, const Node &n) {
        for (const StoredData &d : n.stores)
            cats.insert(d.category);
    });
    const QLocale locale;
    m_counts->setText(tr("%1 nodes · %2 edges · %3 categories in use")
                          .arg(locale.toString(s.nodeCount()), locale.toString(s.edgeCount()))
                          .arg(cats.size()));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    resize(1400, 880);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::openInitial(const QString &path)
{
    if (m_files->offerRecovery())
        return;
    if (!path.isEmpty() && openFile(path))
        return;
    if (path.isEmpty()) {
        for (const QString &recent : recentFiles())
            if (QFileInfo::exists(recent)) {
                if (openFile(recent))
                    return;
                break;
            }
    }
    openSample();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    m_files->shutdown();
    event->accept();
}

} // namespace vg
