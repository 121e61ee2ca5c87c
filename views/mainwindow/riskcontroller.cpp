// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/mainwindow/riskcontroller.h"

#include "model/document/analysisservice.h"
#include "model/document/document.h"
#include "model/document/selection.h"
#include "views/canvas/graphview.h"
#include "views/dialogs/comparedialog.h"
#include "views/dialogs/whatifdialog.h"
#include "views/mainwindow/mainwindow.h"
#include "views/panels/concentrationpanel.h"
#include "views/panels/rankingpanel.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QTimer>

namespace vg {

RiskController::RiskController(MainWindow *window, AnalysisService *analysis)
    : QObject(window), m_window(window), m_analysis(analysis)
{
}

void RiskController::createDocks()
{
    Document *doc = m_window->document();
    m_ranking = new RankingPanel(doc, m_analysis, m_window);
    m_concentration = new ConcentrationPanel(doc, m_analysis, m_window);
    auto makeDock = [this](const QString &title, const char *name, QWidget *content) {
        auto *d = new QDockWidget(QString(title).remove(QLatin1Char('&')), m_window);
        d->setObjectName(QLatin1StringView(name));
        d->setWidget(content);
        d->toggleViewAction()->setText(title);
        // Beside the tables and the blast radius, not in their tabs: making a vendor the
        // scenario from the ranking raises the blast radius, and the ranking stays in view.
        m_window->addDockWidget(Qt::BottomDockWidgetArea, d, Qt::Horizontal);
        d->hide();
        return d;
    };
    m_rankingDock = makeDock(tr("Vendor &Ranking"), "rankingDock", m_ranking);
    m_concentrationDock = makeDock(tr("&Concentration"), "concentrationDock", m_concentration);
    m_window->tabifyDockWidget(m_rankingDock, m_concentrationDock);
    connect(m_ranking, &RankingPanel::vendorChosen, this, [this](const QString &id) {
        show({id});
        // The blast radius shows itself for the new scenario beside the ranking: give it
        // room for its chart when it came up squeezed.
        QTimer::singleShot(0, this, [this] {
            QDockWidget *blast = m_window->dock(QStringLiteral("blastDock"));
            if (blast && blast->isVisible() && !blast->isFloating() && m_rankingDock->isVisible()
                && !m_rankingDock->isFloating() && blast->width() < m_window->width() / 3)
                m_window->resizeDocks({blast, m_rankingDock}, {m_window->width() * 2 / 5, m_window->width() * 3 / 5},
                                      Qt::Horizontal);
        });
    });
    connect(m_concentration, &ConcentrationPanel::showRequested, this,
            [this](const QStringList &nodes) { show(nodes); });
}

void RiskController::createActions(QMenu *menu)
{
    m_rank = menu->addAction(tr("&Rank Vendors"), this, &RiskController::showRanking);
    m_rank->setStatusTip(tr("Every vendor's breach and control scenario, ranked"));
    m_whatIf = menu->addAction(tr("&What-if: Remove Vendor..."), this, [this] { whatIf(); });
    m_whatIf->setStatusTip(tr("What removing the selected vendor would change, before you change anything"));
    m_compare = menu->addAction(tr("Com&pare Scenarios..."), this, &RiskController::compareScenarios);
    m_compare->setStatusTip(tr("Two saved scenarios side by side, with the differences marked"));
    m_concentrationAction = menu->addAction(tr("&Concentration"), this, &RiskController::showConcentration);
    m_concentrationAction->setStatusTip(tr("The sub-processors that several vendors share (fourth parties)"));
    auto enable = [this] { m_whatIf->setEnabled(!selectedVendor().isEmpty()); };
    connect(m_window->selection(), &Selection::changed, this, enable);
    enable();
}

void RiskController::addContextActions(QMenu *menu)
{
    if (selectedVendor().isEmpty())
        return;
    menu->addSeparator();
    menu->addAction(m_whatIf);
}

QString RiskController::selectedVendor() const
{
    const QStringList nodes = m_window->selection()->nodes();
    if (nodes.size() != 1)
        return {};
    const Node *n = m_window->document()->store().findNode(nodes.first());
    return n && n->kind == NodeKind::Vendor ? n->id : QString();
}

void RiskController::show(const QStringList &nodes)
{
    if (nodes.isEmpty())
        return;
    if (nodes.size() == 1) {
        m_window->view()->revealNode(nodes.first()); // selects it and centres it
        return;
    }
    m_window->selection()->set(nodes, {});
    m_window->view()->zoomToSelection();
}

void RiskController::showRanking()
{
    const bool opening = m_rankingDock->isHidden() && !m_rankingDock->isFloating();
    m_rankingDock->show();
    if (opening) // beside the blast radius: half the width each
        m_window->resizeDocks({m_rankingDock}, {m_window->width() / 2}, Qt::Horizontal);
    m_rankingDock->raise();
}

void RiskController::showConcentration()
{
    const bool opening = m_concentrationDock->isHidden() && !m_concentrationDock->isFloating();
    m_concentrationDock->show();
    if (opening) // beside the blast radius: half the width each
        m_window->resizeDocks({m_concentrationDock}, {m_window->width() / 2}, Qt::Horizontal);
    m_concentrationDock->raise();
}

WhatIfDialog *RiskController::whatIf(const QString &vendorId)
{
    const QString id = vendorId.isEmpty() ? selectedVendor() : vendorId;
    const Node *n = m_window->document()->store().findNode(id);
    if (!n || n->kind != NodeKind::Vendor) {
        m_window->showStatus(tr("Select one vendor on the map for the what-if."));
        return nullptr;
    }
    auto *dialog = new WhatIfDialog(m_window->document(), m_analysis, id, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

CompareDialog *RiskController::compareScenarios()
{
    if (!m_compareDialog) {
        m_compareDialog = new CompareDialog(m_window->document(), m_analysis, m_window);
        m_compareDialog->setAttribute(Qt::WA_DeleteOnClose);
    } else {
        m_compareDialog->compare();
    }
    m_compareDialog->show();
    m_compareDialog->raise();
    return m_compareDialog;
}

} // namespace vg
