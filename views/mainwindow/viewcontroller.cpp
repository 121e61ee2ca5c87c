// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/mainwindow/viewcontroller.h"

#include "model/commands/changecommand.h"
#include "model/commands/edits.h"
#include "model/document/document.h"
#include "model/document/selection.h"
#include "views/canvas/graphscene.h"
#include "views/canvas/graphview.h"
#include "views/mainwindow/backgroundtask.h"
#include "views/mainwindow/mainwindow.h"
#include "views/panels/filterpanel.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QMenu>
#include <QSettings>
#include <QToolBar>

namespace vg {

ViewController::ViewController(MainWindow *window) : QObject(window), m_window(window) { }

void ViewController::createActions(QMenu *view, QMenu *layout, QToolBar *bar)
{
    GraphView *v = m_window->view();
    auto add = [&](QMenu *menu, const QString &text, const QKeySequence &key, auto slot, const QString &tip) {
        QAction *a = menu->addAction(text);
        a->setShortcut(key);
        a->setStatusTip(tip);
        a->setToolTip(tip);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    add(
        view, tr("Zoom &In"), QKeySequence::ZoomIn, [v] { v->zoomBy(1.25); }, tr("Zoom in"));
    add(
        view, tr("Zoom &Out"), QKeySequence::ZoomOut, [v] { v->zoomBy(0.8); }, tr("Zoom out"));
    add(
        view, tr("&Actual Size"), QKeySequence(tr("Ctrl+0")), [v] { v->setZoom(1.0); }, tr("Zoom to 100%"));
    QAction *fit = add(
        view, tr("&Fit to Window"), QKeySequence(tr("Ctrl+1")), [v] { v->fitAll(); }, tr("Show the whole map"));
    QAction *toSel = add(
        view, tr("Zoom to &Selection"), QKeySequence(tr("Ctrl+2")), [v] { v->zoomToSelection(); },
        tr("Zoom to the selected nodes and edges"));
    bar->addSeparator();
    bar->addAction(fit);
    bar->addAction(toSel);
    view->addSeparator();
    QAction *focus = add(
        view, tr("Fo&cus on Selection"), QKeySequence(tr("Ctrl+Shift+F")),
        [this] { m_window->filters()->focusOnSelection(); },
        tr("Show only the neighbourhood of the selection (depth and direction in Filters)"));
    add(
        view, tr("Show A&ll"), QKeySequence(tr("Ctrl+Shift+A")), [this] { m_window->filters()->showAll(); },
        tr("Clear the focus and the filters"));
    bar->addAction(focus);
    view->addSeparator();
    QMenu *themes = view->addMenu(tr("&Theme"));
    auto *group = new QActionGroup(themes);
    for (const auto &[t, label] : {std::pair{Theme::System, tr("&System")}, std::pair{Theme::Light, tr("&Light")},
                                   std::pair{Theme::Dark, tr("&Dark")}}) {
        QAction *a = themes->addAction(label);
        a->setCheckable(true);
        a->setData(int(t));
        group->addAction(a);
        const Theme theme = t;
        connect(a, &QAction::triggered, this, [this, theme] { setTheme(theme); });
    }
    m_theme = themeFromString(QSettings().value(QStringLiteral("theme")).toString());
    for (QAction *a : group->actions())
        a->setChecked(Theme(a->data().toInt()) == m_theme);
    view->addSeparator();
    QMenu *panels = view->addMenu(tr("&Panels"));
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>())
        panels->addAction(d->toggleViewAction());

    m_selectionOnly = layout->addAction(tr("&Selection Only"));
    m_selectionOnly->setCheckable(true);
    m_selectionOnly->setStatusTip(tr("Lay out only the selected nodes, where they are; the rest stay put"));
    layout->addSeparator();
    auto addLayout = [&](LayoutKind kind, const QString &text, const QKeySequence &key, const QString &tip) {
        QAction *a = add(
            layout, text, key, [this, kind] { runLayout(kind, m_selectionOnly->isChecked()); }, tip);
        return a;
    };
    addLayout(LayoutKind::Tiers, tr("&Tiers"), QKeySequence(tr("Ctrl+Shift+1")),
              tr("Columns: people, services, vendors, sub-processors (by hops from your services)"));
    addLayout(LayoutKind::Layered, tr("&Layered (Graphviz)"), QKeySequence(tr("Ctrl+Shift+2")),
              tr("Graphviz dot, left to right; sfdp for big graphs"));
    addLayout(LayoutKind::Organic, tr("&Organic"), QKeySequence(tr("Ctrl+Shift+3")),
              tr("Force-directed: related nodes pull together"));
    auto *layoutButton = new QAction(tr("Layout"), bar);
    layoutButton->setMenu(layout);
    layoutButton->setToolTip(tr("Arrange the map"));
    bar->addAction(layoutButton);
}

void ViewController::setTheme(Theme theme)
{
    m_theme = theme;
    QSettings().setValue(QStringLiteral("theme"), toString(theme));
    applyTheme(theme);
    m_window->scene()->setCanvasStyle(canvasStyleForPalette());
}

bool ViewController::runLayout(LayoutKind kind, bool selectionOnly)
{
    Document *doc = m_window->document();
    const QStringList only = selectionOnly ? m_window->selection()->nodes() : QStringList();
    if (selectionOnly && only.size() < 2) {
        m_window->showStatus(tr("Select at least two nodes to lay out the selection only."));
        return false;
    }
    const std::shared_ptr<const Model> snapshot = doc->snapshot();
    auto note = std::make_shared<QString>();
    auto result = runInBackground<Expected<QHash<QString, QPointF>>>(
        m_window, tr("Laying out (%1)...").arg(toString(kind)), [snapshot, only, kind, note](const LayoutControl &c) {
            return vg::runLayout(kind, *snapshot, only, c, note.get());
        });
    if (!result || (!*result && isCancellation(result->error()))) {
        m_window->showStatus(tr("Layout cancelled; nothing moved."));
        return false;
    }
    if (!*result) {
        m_window->prompter()->showError(m_window, tr("Layout failed"), result->error().message());
        return false;
    }
    const QString what = kind == LayoutKind::Layered && !note->isEmpty()
        ? tr("Layout: %1 (%2)").arg(toString(kind), *note)
        : tr("Layout: %1").arg(toString(kind));
    doc->undoStack()->push(new ChangeCommand(doc, movePositions(**result), what));
    if (!selectionOnly)
        m_window->view()->fitAll();
    m_window->showStatus(what + tr(" — Undo restores the previous positions."));
    return true;
}

} // namespace vg
