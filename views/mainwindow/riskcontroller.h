// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QDockWidget;
class QMenu;

namespace vg {

class AnalysisService;
class CompareDialog;
class ConcentrationPanel;
class MainWindow;
class RankingPanel;
class WhatIfDialog;

// The Risk menu: Rank Vendors (the ranking dock), What-if: Remove Vendor... (on the selected
// vendor, also in the canvas's context menu), Compare Scenarios... and Concentration (the
// shared sub-processors' dock). Owns the two docks; the dialogs are modeless and close
// themselves.
class RiskController final : public QObject {
    Q_OBJECT
public:
    RiskController(MainWindow *window, AnalysisService *analysis);
    // Adds the ranking and concentration docks (hidden) to the window.
    void createDocks();
    void createActions(QMenu *menu);
    // What-if for the selected vendor, in a context menu.
    void addContextActions(QMenu *menu);

    RankingPanel *ranking() const { return m_ranking; }
    ConcentrationPanel *concentration() const { return m_concentration; }
    QAction *rankAction() const { return m_rank; }
    QAction *whatIfAction() const { return m_whatIf; }
    QAction *compareAction() const { return m_compare; }
    QAction *concentrationAction() const { return m_concentrationAction; }

    void showRanking();
    void showConcentration();
    // Opens the what-if dialog for a vendor (the selected one when empty); null when it is
    // not a vendor.
    WhatIfDialog *whatIf(const QString &vendorId = {});
    CompareDialog *compareScenarios();

private:
    QString selectedVendor() const;
    void show(const QStringList &nodes);

    MainWindow *m_window;
    AnalysisService *m_analysis;
    RankingPanel *m_ranking = nullptr;
    ConcentrationPanel *m_concentration = nullptr;
    QDockWidget *m_rankingDock = nullptr, *m_concentrationDock = nullptr;
    QAction *m_rank = nullptr, *m_whatIf = nullptr, *m_compare = nullptr, *m_concentrationAction = nullptr;
    QPointer<CompareDialog> m_compareDialog;
};

} // namespace vg
