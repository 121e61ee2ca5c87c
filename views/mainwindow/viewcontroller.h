// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/layout/layoutgraph.h"
#include "views/mainwindow/theme.h"

#include <QObject>

class QAction;
class QMenu;
class QToolBar;

namespace vg {

class MainWindow;

// The View and Layout menus: zoom, fit, zoom to the selection, focus and filters, the
// theme, the docks; and the three layouts (Tiers, Layered through Graphviz, Organic), of the
// whole map or the selection only, each run off the GUI thread with progress and Cancel and
// applied as one undoable step.
class ViewController final : public QObject {
    Q_OBJECT
public:
    explicit ViewController(MainWindow *window);
    void createActions(QMenu *view, QMenu *layout, QToolBar *toolbar);

    // Runs a layout and applies it as one undo step; false when cancelled or failed.
    bool runLayout(LayoutKind kind, bool selectionOnly);
    void setTheme(Theme theme);
    Theme theme() const { return m_theme; }
    QAction *selectionOnlyAction() const { return m_selectionOnly; }

private:
    MainWindow *m_window;
    Theme m_theme = Theme::System;
    QAction *m_selectionOnly = nullptr;
};

} // namespace vg
