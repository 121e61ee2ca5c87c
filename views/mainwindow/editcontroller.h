// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/model.h"

#include <QObject>
#include <QPointF>

#include <optional>

class QAction;
class QLineEdit;
class QMenu;
class QToolBar;

namespace vg {

class MainWindow;

// The Edit menu and the canvas's editing gestures: undo and redo; cut, copy and paste of
// nodes with the edges between them (interchange JSON on the clipboard, so it works between
// windows); delete; select all; find; add a node; connect two nodes (by dragging on the
// canvas, or from the keyboard); and the Categories dialog. Every change is one undo step.
class EditController final : public QObject {
    Q_OBJECT
public:
    explicit EditController(MainWindow *window);
    void createActions(QMenu *edit, QToolBar *toolbar);
    QLineEdit *findBox() const { return m_find; }

    // Adds a node of a kind at a scene position (its own placement when none); returns its id.
    QString addNode(NodeKind kind, std::optional<QPointF> pos);
    // Asks the edge kind (and a data edge's categories), then adds the edge; returns its id.
    QString connectNodes(const QString &from, const QString &to, QPoint globalPos);
    // Adds an edge of a known kind (and categories, for data) between two nodes.
    QString addEdge(const QString &from, const QString &to, EdgeKind kind, const QStringList &categories = {});
    void deleteSelection();
    void copySelection();
    void cutSelection();
    // Pastes the clipboard's nodes near scenePos (or beside the copied ones).
    bool paste(std::optional<QPointF> scenePos = std::nullopt);
    void selectAll();
    // Jumps to the node whose id or name matches text (exact first, then the first that contains it).
    bool find(const QString &text);
    // The keyboard's way to start a connection: choose a target and a kind in a small dialog.
    void connectFromKeyboard();
    void showCategories();

private:
    MainWindow *m_window;
    QLineEdit *m_find = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_cut = nullptr;
    QAction *m_copy = nullptr;
    int m_pasteCount = 0;
};

} // namespace vg
