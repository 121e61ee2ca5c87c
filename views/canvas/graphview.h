// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsView>

class QGraphicsLineItem;

namespace vg {

class GraphScene;

// The canvas widget: wheel zoom around the cursor, pan by dragging with the middle button
// (or Space held, or the left button on empty canvas with Alt), rubber-band selection,
// fit and zoom to the selection, and the gestures that start edits: a double-click on empty
// canvas asks for a new node; a drag from a node's connector (the dot on its right edge, or
// anywhere on it with Shift held) to another node asks for a new edge. Arrow keys move the
// selection to the nearest node in that direction.
class GraphView final : public QGraphicsView {
    Q_OBJECT
public:
    explicit GraphView(GraphScene *scene, QWidget *parent = nullptr);

    GraphScene *graphScene() const { return m_scene; }
    qreal zoom() const { return transform().m11(); }
    void setZoom(qreal z);
    void zoomBy(qreal factor);
    void fitAll();
    void zoomToSelection();
    // Centres on a node and selects it (Find).
    void revealNode(const QString &id);
    // A line of text over the top-left corner of the map ("Updating..."); empty hides it.
    void setBanner(const QString &text);
    // Selects the nearest visible node in a direction from the current one.
    void moveSelection(Qt::Key direction);

Q_SIGNALS:
    void addNodeRequested(QPointF scenePos);
    void connectRequested(const QString &fromId, const QString &toId, QPoint globalPos);
    void contextMenuRequested(QPointF scenePos, QPoint globalPos);
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    QString nodeIdAt(QPoint viewPos) const;
    bool onConnector(QPoint viewPos, QString *nodeId) const;

    GraphScene *m_scene;
    bool m_panning = false;
    bool m_spaceHeld = false;
    QPoint m_panStart;
    QString m_connectFrom;
    // Until the user zooms or pans, the view keeps the whole map fitted as it resizes.
    bool m_autoFit = true;
    bool m_fitting = false;
    QString m_banner;
    QPointF m_connectTo;
};

} // namespace vg
