// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/blastradius.h"

#include <QObject>

class QAction;
class QMenu;
class QToolBar;

namespace vg {

class AnalysisService;
class MainWindow;

// The Scenario menu and the canvas's blast-radius overlay: Mark Breached, Mark Controlled,
// Clear Mark, Clear Scenario (for the selected nodes, from the menu, the context menu, the
// toolbar or the keyboard); the overlay follows every published result, and the selected
// node's explaining path is drawn on top of it.
class ScenarioController final : public QObject {
    Q_OBJECT
public:
    ScenarioController(MainWindow *window, AnalysisService *analysis);
    void createActions(QMenu *menu, QToolBar *toolbar);
    // The actions for a context menu on the current selection.
    void addContextActions(QMenu *menu);
    void mark(std::optional<Compromise> mode);

private:
    void updateOverlay();

    MainWindow *m_window;
    AnalysisService *m_analysis;
    QAction *m_breach = nullptr, *m_control = nullptr, *m_clearMark = nullptr, *m_clearAll = nullptr;
};

} // namespace vg
