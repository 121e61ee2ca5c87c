// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsItem>

namespace vg {

class GraphScene;

// One node on the canvas. Holds the node's store handle and asks the document for what it
// draws (style.md: items never own domain data). Movable and selectable; moves are turned
// into one undo command by the scene when the drag ends.
class NodeItem final : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };
    NodeItem(GraphScene *scene, int handle);

    int handle() const { return m_handle; }
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    GraphScene *m_scene;
    int m_handle;
    bool m_hover = false;
};

} // namespace vg
