// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/mainwindow/interchangecontroller.h"

#include "model/commands/changecommand.h"
#include "model/document/analysisservice.h"
#include "model/document/document.h"
#include "model/document/selection.h"
#include "model/io/importer.h"
#include "model/layout/layoutgraph.h"
#include "views/canvas/graphview.h"
#include "views/export/incidentreport.h"
#include "views/mainwindow/backgroundtask.h"
#include "views/mainwindow/mainwindow.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QRegularExpression>
#include <QSettings>

namespace vg {

namespace {

const QString kImportDirKey = QStringLiteral("interchange/importDir");
const QString kExportDirKey = QStringLiteral("interchange/exportDir");

// An import plan, or the error that stopped it; computed on a worker thread.
struct PlanOutcome {
    std::optional<ImportPlan> plan;
    Error error;
};

PlanOutcome plan(const QStringList &paths, std::shared_ptr<const Model> model, const ImportOptions &options)
{
    std::vector<ImportSource> sources;
    for (const QString &p : paths)
        sources.push_back({p, ImportFormat::Auto, {}});
    Expected<ImportPlan> r = planImport(sources, *model, options);
    if (!r)
        return {std::nullopt, r.error()};
    return {std::move(*r), {}};
}

QString summary(const ImportPlan &p)
{
    int changed = 0;
    for (const MatchedNode &m : p.matchedNodes)
        changed += !m.changedFields.isEmpty();
    for (const MatchedEdge &m : p.matchedEdges)
        changed += !m.changedFields.isEmpty();
    return QObject::tr("%n node(s) and ", nullptr, int(p.addedNodes.size()))
        + QObject::tr("%n edge(s) added, ", nullptr, int(p.addedEdges.size()))
        + QObject::tr("%n item(s) updated", nullptr, changed)
        + (p.rejected.empty() ? QString() : QObject::tr(", %n record(s) left out", nullptr, int(p.rejected.size())));
}

} // namespace

InterchangeController::InterchangeController(MainWindow *window) : QObject(window), m_window(window) { }

void InterchangeController::createActions(QMenu *file, QAction *before)
{
    auto *imp = new QAction(QIcon::fromTheme(QStringLiteral("document-import")), tr("&Import..."), file);
    file->insertAction(before, imp);
    imp->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    imp->setStatusTip(tr("Add vendors, services and flows from CSV inventories, sub-processor sheets, GraphML, GEXF "
                         "or another model, after a preview"));
    connect(imp, &QAction::triggered, this, [this] { importFiles(); });

    auto *exp = new QMenu(tr("&Export"), file);
    exp->setIcon(QIcon::fromTheme(QStringLiteral("document-export")));
    file->insertMenu(before, exp);
    file->insertSeparator(before);
    auto add = [&](const QString &text, const QString &tip, auto slot) {
        QAction *a = exp->addAction(text);
        a->setStatusTip(tip);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    QAction *png = add(tr("Diagram as &PNG..."), tr("A picture of the map, with a header and a legend"),
                       [this] { exportDiagram(DiagramFormat::Png); });
    png->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    add(tr("Diagram as &SVG..."), tr("The map as vector graphics, for slides and wikis"),
        [this] { exportDiagram(DiagramFormat::Svg); });
    add(tr("Diagram as P&DF..."), tr("The map on one landscape page (A4 or US Letter)"),
        [this] { exportDiagram(DiagramFormat::Pdf); });
    exp->addSeparator();
    QAction *report = add(tr("Incident &Report (PDF)..."),
                          tr("The one-pager for the meeting after a breach: exposed data, people, deadlines, cost"),
                          [this] { exportReport(); });
    report->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    exp->addSeparator();
    add(tr("Data as &JSON..."), tr("The model in VendorGraph's diff-friendly interchange format"),
        [this] { exportData(DataFormat::Json); });
    add(tr("Data as &CSV Folder..."), tr("nodes.csv, edges.csv and categories.csv, for spreadsheets"),
        [this] { exportData(DataFormat::Csv); });
    add(tr("Data as &GraphML..."), tr("For yEd, Gephi and other graph tools"),
        [this] { exportData(DataFormat::Graphml); });
    add(tr("Data as DO&T..."), tr("Graphviz source"), [this] { exportData(DataFormat::Dot); });
    add(tr("Data as &Mermaid..."), tr("A Mermaid flowchart for Markdown documents"),
        [this] { exportData(DataFormat::Mermaid); });
    // The report needs a scenario; the menu says so rather than failing later.
    connect(exp, &QMenu::aboutToShow, this,
            [this, report] { report->setEnabled(!m_window->analysis()->scenario().seeds.empty()); });
}

bool InterchangeController::importFiles()
{
    QSettings settings;
    const QString dir = settings.value(kImportDirKey, QDir::homePath()).toString();
    const QStringList paths = m_window->prompter()->askImportPaths(m_window, dir);
    if (paths.isEmpty())
        return false;
    settings.setValue(kImportDirKey, QFileInfo(paths.first()).absolutePath());
    return importPaths(paths);
}

bool InterchangeController::importPaths(const QStringList &paths)
{
    Document *doc = m_window->document();
    std::shared_ptr<const Model> model = doc->snapshot();
    const QString label = tr("Reading %1...").arg(QFileInfo(paths.first()).fileName());
    ImportOptions options;
    auto first = runInBackground<PlanOutcome>(m_window, label,
                                              [&](const LayoutControl &) { return plan(paths, model, options); });
    if (!first)
        return false;
    if (!first->plan) {
        m_window->prompter()->showError(m_window, tr("Import"), first->error.message());
        return false;
    }
    QHash<QString, QString> decisions;
    if (!m_window->prompter()->confirmImport(m_window, *first->plan, &decisions))
        return false;
    ImportPlan chosen = std::move(*first->plan);
    bool changedDecision = false;
    for (const UncertainMatch &u : chosen.uncertain) {
        const auto it = decisions.constFind(u.key);
        if (it != decisions.cend() && *it != (u.merged ? u.resolvedId : QString()))
            changedDecision = true;
    }
    if (changedDecision) {
        options.decisions = decisions;
        auto second = runInBackground<PlanOutcome>(m_window, label,
                                                   [&](const LayoutControl &) { return plan(paths, model, options); });
        if (!second)
            return false;
        if (!second->plan) {
            m_window->prompter()->showError(m_window, tr("Import"), second->error.message());
            return false;
        }
        chosen = std::move(*second->plan);
    }
    if (!chosen.changesSomething()) {
        m_window->showStatus(tr("Nothing to import: everything in %1 is already in the model.")
                                 .arg(QFileInfo(paths.first()).fileName()));
        return false;
    }
    const ChangeSet change = changeFor(chosen);
    if (change.isEmpty())
        return false;
    const Expected<Model> check = applyImport(*doc->snapshot(), chosen);
    if (!check) {
        m_window->prompter()->showError(m_window, tr("Import"), check.error().message());
        return false;
    }
    const QString name =
        paths.size() == 1 ? QFileInfo(paths.first()).fileName() : tr("%n file(s)", nullptr, int(paths.size()));
    doc->undoStack()->push(new ChangeCommand(doc, change, tr("Import %1").arg(name)));
    m_window->showStatus(tr("Imported %1: %2. Undo takes it back.").arg(name, summary(chosen)), 10000);
    return true;
}

ChangeSet InterchangeController::changeFor(const ImportPlan &plan) const
{
    Document *doc = m_window->document();
    const std::shared_ptr<const Model> current = doc->snapshot();
    const Expected<Model> applied = applyImport(*current, plan);
    if (!applied)
        return {};
    ChangeSet c;
    if (!plan.addedCategories.empty())
        c.categories = applied->categories;
    if (applied->name != current->name)
        c.name = applied->name;
    if (applied->organization != current->organization)
        c.organization = applied->organization;
    QStringList unplaced;
    for (const ImportedNode &n : plan.addedNodes) {
        c.nodesPut.push_back(n.node);
        if (n.position)
            c.positions.insert(n.node.id, *n.position);
        else
            unplaced << n.node.id;
    }
    for (const MatchedNode &m : plan.matchedNodes) {
        if (m.changedFields.isEmpty())
            continue;
        c.nodesPut.push_back(m.updated);
        if (m.position && m.changedFields.contains(QStringLiteral("position")))
            c.positions.insert(m.existingId, *m.position);
    }
    for (const ImportedEdge &e : plan.addedEdges)
        c.edgesPut.push_back(e.edge);
    for (const MatchedEdge &m : plan.matchedEdges)
        if (!m.changedFields.isEmpty())
            c.edgesPut.push_back(m.updated);
    if (!unplaced.isEmpty()) {
        // New nodes without a position go beside the map, in Tiers order among themselves,
        // without moving anything the user placed.
        Model placed = *applied;
        for (auto it = c.positions.cbegin(); it != c.positions.cend(); ++it)
            placed.layout.insert(it.key(), **it);
        LayoutControl none;
        if (auto pos = placeUnplaced(placed, unplaced, none))
            for (auto it = pos->cbegin(); it != pos->cend(); ++it)
                c.positions.insert(it.key(), *it);
    }
    return c;
}

QString InterchangeController::suggestedBase() const
{
    Document *doc = m_window->document();
    const QString dir =
        QSettings()
            .value(kExportDirKey,
                   doc->filePath().isEmpty() ? QDir::homePath() : QFileInfo(doc->filePath()).absolutePath())
            .toString();
    QString base = doc->filePath().isEmpty() ? doc->snapshot()->name : QFileInfo(doc->filePath()).completeBaseName();
    base.replace(QRegularExpression(QStringLiteral("[^\\w.-]+")), QStringLiteral("-"));
    if (base.isEmpty())
        base = QStringLiteral("vendorgraph");
    return QDir(dir).filePath(base);
}

QString InterchangeController::askPath(const QString &suffix, const QString &filter, const QString &what) const
{
    QString path = m_window->prompter()->askExportPath(m_window, suggestedBase() + what + suffix, filter);
    if (path.isEmpty())
        return {};
    if (!suffix.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += suffix;
    QSettings().setValue(kExportDirKey, QFileInfo(path).absolutePath());
    return path;
}

bool InterchangeController::exportDiagram(DiagramFormat format)
{
    AnalysisService *analysis = m_window->analysis();
    const bool hasScenario = !analysis->scenario().seeds.empty();
    DiagramRequest req;
    req.title = m_window->document()->snapshot()->name;
    if (hasScenario) {
        analysis->waitForIdle(60000);
        req.analysis = analysis->result();
    }
    if (!m_window->selection()->nodes().isEmpty())
        req.scope = DiagramRequest::Scope::Selection;
    if (!m_window->prompter()->askDiagramOptions(m_window, &req, format == DiagramFormat::Png,
                                                 format == DiagramFormat::Pdf, req.analysis != nullptr))
        return false;
    if (req.scope == DiagramRequest::Scope::Selection) {
        req.selection = m_window->selection()->nodes();
        if (req.selection.isEmpty()) {
            m_window->prompter()->showError(
                m_window, tr("Export"), tr("Nothing is selected. Select the nodes to show, or export the whole map."));
            return false;
        }
    }
    if (req.scope == DiagramRequest::Scope::View) {
        GraphView *v = m_window->view();
        req.viewRect = v->mapToScene(v->viewport()->rect()).boundingRect();
    }
    if (req.scope == DiagramRequest::Scope::Blast && !req.analysis) {
        m_window->prompter()->showError(m_window, tr("Export"),
                                        tr("The blast subgraph needs a scenario: mark a vendor breached first."));
        return false;
    }
    static const char *const suffixes[] = {".png", ".svg", ".pdf"};
    static const char *const filters[] = {QT_TR_NOOP("PNG image (*.png)"), QT_TR_NOOP("SVG drawing (*.svg)"),
                                          QT_TR_NOOP("PDF document (*.pdf)")};
    const int f = int(format);
    const QString path = askPath(QLatin1String(suffixes[f]), tr(filters[f]),
                                 req.scope == DiagramRequest::Scope::Blast ? QStringLiteral("-blast") : QString());
    if (path.isEmpty())
        return false;
    const Status s = vg::exportDiagram(m_window->document(), req, format, path);
    if (!s) {
        m_window->prompter()->showError(m_window, tr("Export"), s.error().message());
        return false;
    }
    m_window->showStatus(tr("Wrote %1").arg(QDir::toNativeSeparators(path)), 8000);
    return true;
}

bool InterchangeController::exportReport()
{
    AnalysisService *analysis = m_window->analysis();
    if (analysis->scenario().seeds.empty()) {
        m_window->prompter()->showError(
            m_window, tr("Incident report"),
            tr("The report describes a breach: mark a vendor breached (Scenario > Mark Breached) first."));
        return false;
    }
    analysis->waitForIdle(60000);
    const std::shared_ptr<const AnalysisResult> result = analysis->result();
    if (!result || !analysis->isCurrent()) {
        m_window->prompter()->showError(m_window, tr("Incident report"),
                                        tr("The analysis is still running; try again in a moment."));
        return false;
    }
    const QString path = askPath(QStringLiteral(".pdf"), tr("PDF document (*.pdf)"), QStringLiteral("-incident"));
    if (path.isEmpty())
        return false;
    const QPageSize page(QLocale().measurementSystem() == QLocale::ImperialUSSystem ? QPageSize::Letter
                                                                                    : QPageSize::A4);
    const Status s = writeIncidentReport(m_window->document(), result, path, page);
    if (!s) {
        m_window->prompter()->showError(m_window, tr("Incident report"), s.error().message());
        return false;
    }
    m_window->showStatus(tr("Wrote %1").arg(QDir::toNativeSeparators(path)), 8000);
    return true;
}

bool InterchangeController::exportData(DataFormat format)
{
    static const char *const suffixes[] = {".json", "", ".graphml", ".dot", ".mmd"};
    static const char *const filters[] = {QT_TR_NOOP("VendorGraph JSON (*.json)"), QT_TR_NOOP("A new folder (*)"),
                                          QT_TR_NOOP("GraphML (*.graphml)"), QT_TR_NOOP("Graphviz DOT (*.dot *.gv)"),
                                          QT_TR_NOOP("Mermaid (*.mmd *.md)")};
    const int f = int(format);
    const QString path = askPath(QLatin1String(suffixes[f]), tr(filters[f]),
                                 format == DataFormat::Csv ? QStringLiteral("-csv") : QString());
    if (path.isEmpty())
        return false;
    const std::shared_ptr<const Model> model = m_window->document()->snapshot();
    auto status = runInBackground<Status>(m_window, tr("Writing %1...").arg(QFileInfo(path).fileName()),
                                          [&](const LayoutControl &) { return exportModelData(*model, format, path); });
    if (!status)
        return false;
    if (!*status) {
        m_window->prompter()->showError(m_window, tr("Export"), status->error().message());
        return false;
    }
    m_window->showStatus(tr("Wrote %1").arg(QDir::toNativeSeparators(path)), 8000);
    return true;
}

} // namespace vg
