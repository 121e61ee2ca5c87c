// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/mainwindow/scenariocontroller.h"

#include "model/document/analysisservice.h"
#include "model/document/document.h"
#include "model/document/selection.h"
#include "views/canvas/blastoverlay.h"
#include "views/canvas/graphscene.h"
#include "views/canvas/graphview.h"
#include "views/mainwindow/mainwindow.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QToolBar>

namespace vg {

ScenarioController::ScenarioController(MainWindow *window, AnalysisService *analysis)
    : QObject(window), m_window(window), m_analysis(analysis)
{
    connect(analysis, &AnalysisService::resultChanged, this, &ScenarioController::updateOverlay);
    connect(analysis, &AnalysisService::currencyChanged, this, [this](bool current) {
        m_window->view()->setBanner(
            current || m_analysis->scenario().seeds.empty() ? QString() : tr("Updating the blast radius..."));
    });
    connect(window->selection(), &Selection::changed, this, &ScenarioController::updateOverlay);
    connect(analysis, &AnalysisService::scenarioChanged, this, [this] {
        if (m_analysis->scenario().seeds.empty())
            updateOverlay();
    });
}

void ScenarioController::createActions(QMenu *menu, QToolBar *bar)
{
    auto add = [&](const QString &text, const QKeySequence &key, std::optional<Compromise> mode, const QString &tip) {
        QAction *a = menu->addAction(text);
        a->setShortcut(key);
        a->setStatusTip(tip);
        a->setToolTip(tip);
        connect(a, &QAction::triggered, this, [this, mode] { mark(mode); });
        return a;
    };
    m_breach = add(tr("Mark &Breached"), QKeySequence(tr("Ctrl+B")), Compromise::Breached,
                   tr("The attacker read the data held at the selected nodes (the Mixpanel case)"));
    m_control = add(tr("Mark &Controlled"), QKeySequence(tr("Ctrl+Shift+B")), Compromise::Controlled,
                    tr("The attacker can act as the selected nodes, with their code and credentials"));
    m_clearMark =
        add(tr("C&lear Mark"), QKeySequence(), std::nullopt, tr("Remove the selected nodes from the scenario"));
    menu->addSeparator();
    m_clearAll = menu->addAction(tr("Clear the &Scenario"));
    connect(m_clearAll, &QAction::triggered, m_analysis, &AnalysisService::clearSeeds);
    bar->addSeparator();
    bar->addAction(m_breach);
    bar->addAction(m_control);
    auto enable = [this] {
        const bool nodes = !m_window->selection()->nodes().isEmpty();
        m_breach->setEnabled(nodes);
        m_control->setEnabled(nodes);
        m_clearMark->setEnabled(nodes);
        m_clearAll->setEnabled(!m_analysis->scenario().seeds.empty());
    };
    connect(m_window->selection(), &Selection::changed, this, enable);
    connect(m_analysis, &AnalysisService::scenarioChanged, this, enable);
    enable();
}

void ScenarioController::addContextActions(QMenu *menu)
{
    if (m_window->selection()->nodes().isEmpty())
        return;
    menu->addSeparator();
    menu->addAction(m_breach);
    menu->addAction(m_control);
    menu->addAction(m_clearMark);
}

void ScenarioController::mark(std::optional<Compromise> mode)
{
    Scenario s = m_analysis->scenario();
    const QStringList ids = m_window->selection()->nodes();
    for (const QString &id : ids) {
        std::erase_if(s.seeds, [&](const Seed &x) { return x.nodeId == id; });
        if (mode)
            s.seeds.push_back({id, *mode});
    }
    const QString what = ids.size() == 1 ? ids.first() : tr("%n nodes", nullptr, int(ids.size()));
    m_analysis->setScenario(s, !mode ? tr("Clear mark on %1").arg(what)
                               : *mode == Compromise::Breached ? tr("Mark %1 breached").arg(what)
                                                               : tr("Mark %1 controlled").arg(what));
    if (mode)
        if (QDockWidget *d = m_window->dock(QStringLiteral("scenarioDock"))) {
            d->show();
            d->raise();
        }
}

void ScenarioController::updateOverlay()
{
    GraphScene *scene = m_window->scene();
    const auto r = m_analysis->result();
    if (!r || !r->radius || m_analysis->scenario().seeds.empty()) {
        scene->setOverlay(nullptr);
        return;
    }
    // The selected node's explaining path, hop by hop.
    QSet<int> path;
    const QString current = m_window->selection()->currentNode();
    if (!current.isEmpty())
        for (const QString &e : r->radius->path(current))
            if (const int h = m_window->document()->store().edge(e); h >= 0)
                path.insert(h);
    scene->setOverlay(std::make_shared<BlastOverlay>(r, scene->canvasStyle(), path));
}

} // namespace vg
