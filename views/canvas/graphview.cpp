// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/canvas/graphview.h"

#include "model/document/document.h"
#include "model/document/selection.h"
#include "views/canvas/canvasstyle.h"
#include "views/canvas/graphscene.h"
#include "views/canvas/nodeitem.h"

#include <QContextMenuEvent>
#include <QResizeEvent>
#include <QScrollBar>
#include <QStyle>
#include <QWheelEvent>

#include <cmath>

namespace vg {

namespace {

constexpr qreal kMinZoom = 0.005, kMaxZoom = 4.0;

} // namespace

GraphView::GraphView(GraphScene *scene, QWidget *parent) : QGraphicsView(scene, parent), m_scene(scene)
{
    setRenderHint(QPainter::Antialiasing);
    setRenderHint(QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState | QGraphicsView::DontAdjustForAntialiasing);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Vendor map"));
    setToolTip(QString());
}

void GraphView::setZoom(qreal z)
{
    if (!m_fitting)
        m_autoFit = false;
    z = std::clamp(z, kMinZoom, kMaxZoom);
    const qreal f = z / zoom();
    if (std::abs(f - 1.0) < 1e-9)
        return;
    scale(f, f);
    m_scene->setOverview(zoom() < GraphScene::kOverviewZoom);
    Q_EMIT zoomChanged(zoom());
}

void GraphView::zoomBy(qreal factor)
{
    m_autoFit = false;
    setZoom(zoom() * factor);
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (!m_autoFit || m_fitting)
        return;
    // A fit can show or hide a scroll bar, which resizes the viewport by its width: refitting
    // for that would show or hide it again, for ever. Only a real resize refits.
    const QSize change = event->size() - event->oldSize();
    const int bar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this) + 2;
    if (event->oldSize().isValid() && (change.width() == 0 || change.height() == 0)
        && std::abs(change.width()) <= bar && std::abs(change.height()) <= bar)
        return;
    fitAll();
}

void GraphView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    if (!m_fitting && (m_panning || m_spaceHeld))
        m_autoFit = false;
}

void GraphView::fitAll()
{
    const QRectF r = m_scene->contentRect();
    if (r.isNull())
        return;
    m_autoFit = true;
    m_fitting = true;
    fitInView(r.adjusted(-40, -40, 40, 40), Qt::KeepAspectRatio);
    m_scene->setOverview(zoom() < GraphScene::kOverviewZoom);
    if (zoom() > 1.0)
        setZoom(1.0);
    else if (zoom() < kMinZoom)
        setZoom(kMinZoom);
    centerOn(r.center());
    m_fitting = false;
    Q_EMIT zoomChanged(zoom());
}

void GraphView::zoomToSelection()
{
    const QRectF r = m_scene->selectionRect();
    if (r.isNull())
        return;
    m_autoFit = false;
    fitInView(r.adjusted(-120, -120, 120, 120), Qt::KeepAspectRatio);
    m_scene->setOverview(zoom() < GraphScene::kOverviewZoom);
    if (zoom() > 1.2)
        setZoom(1.2);
    centerOn(r.center());
    Q_EMIT zoomChanged(zoom());
}

void GraphView::revealNode(const QString &id)
{
    NodeItem *item = m_scene->nodeItem(id);
    if (!item)
        return;
    m_autoFit = false;
    m_scene->selection()->selectNode(id);
    if (zoom() < 0.5)
        setZoom(0.8);
    centerOn(item);
}

void GraphView::moveSelection(Qt::Key key)
{
    const GraphStore &s = m_scene->document()->store();
    const QString current = m_scene->selection()->currentNode();
    NodeItem *from = m_scene->nodeItem(current);
    if (!from) {
        // Nothing selected: start from the node nearest the view's centre.
        const QPointF c = mapToScene(viewport()->rect().center());
        NodeItem *best = nullptr;
        qreal bestD = 0;
        for (QGraphicsItem *item : m_scene->items(mapToScene(viewport()->rect()).boundingRect()))
            if (item->type() == NodeItem::Type && item->isVisible()) {
                const qreal d = QLineF(item->pos(), c).length();
                if (!best || d < bestD) {
                    best = static_cast<NodeItem *>(item);
                    bestD = d;
                }
            }
        if (best)
            revealNode(s.nodeAt(best->handle()).id);
        return;
    }
    const QPointF o = from->pos();
    const QPointF dir = key == Qt::Key_Left ? QPointF(-1, 0)
        : key == Qt::Key_Right              ? QPointF(1, 0)
        : key == Qt::Key_Up                 ? QPointF(0, -1)
                                            : QPointF(0, 1);
    // The nearest node within a 60-degree cone, weighting the sideways offset.
    int best = -1;
    qreal bestScore = 0;
    s.forEachNode([&](int h, const Node &) {
        NodeItem *item = m_scene->nodeItem(h);
        if (!item || item == from || !item->isVisible())
            return;
        const QPointF d = item->pos() - o;
        const qreal along = d.x() * dir.x() + d.y() * dir.y();
        const qreal side = std::abs(d.x() * dir.y() - d.y() * dir.x());
        if (along <= 0 || side > along * 1.8)
            return;
        const qreal score = along + 2.5 * side;
        if (best < 0 || score < bestScore) {
            best = h;
            bestScore = score;
        }
    });
    if (best >= 0) {
        const QString id = s.nodeAt(best).id;
        m_scene->selection()->selectNode(id);
        ensureVisible(m_scene->nodeItem(best), 80, 80);
    }
}

QString GraphView::nodeIdAt(QPoint viewPos) const
{
    for (QGraphicsItem *item : items(viewPos))
        if (item->type() == NodeItem::Type)
            return m_scene->document()->store().nodeAt(static_cast<NodeItem *>(item)->handle()).id;
    return {};
}

bool GraphView::onConnector(QPoint viewPos, QString *nodeId) const
{
    const QString id = nodeIdAt(viewPos);
    NodeItem *item = m_scene->nodeItem(id);
    if (!item || zoom() < 0.35)
        return false;
    const QPointF local = item->mapFromScene(mapToScene(viewPos));
    const QPointF connector(CanvasStyle::nodeRect().right(), 0);
    if (QLineF(local, connector).length() * zoom() > 10)
        return false;
    *nodeId = id;
    return true;
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ShiftModifier) { // Shift+wheel scrolls sideways
        QGraphicsView::wheelEvent(event);
        return;
    }
    const qreal steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    zoomBy(std::pow(1.2, steps));
    event->accept();
}

void GraphView::mousePressEvent(QMouseEvent *event)
{
    const bool panButton = event->button() == Qt::MiddleButton
        || (event->button() == Qt::LeftButton && (m_spaceHeld || (event->modifiers() & Qt::AltModifier)));
    if (panButton) {
        m_panning = true;
        m_panStart = event->pos();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QString from;
    if (event->button() == Qt::LeftButton
        && (onConnector(event->pos(), &from)
            || ((event->modifiers() & Qt::ShiftModifier) && !(from = nodeIdAt(event->pos())).isEmpty()))) {
        m_connectFrom = from;
        m_connectTo = mapToScene(event->pos());
        viewport()->setCursor(Qt::CrossCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint d = event->pos() - m_panStart;
        m_panStart = event->pos();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
        event->accept();
        return;
    }
    if (!m_connectFrom.isEmpty()) {
        m_connectTo = mapToScene(event->pos());
        viewport()->update();
        event->accept();
        return;
    }
    QString id;
    viewport()->setCursor(onConnector(event->pos(), &id) ? Qt::CrossCursor : Qt::ArrowCursor);
    QGraphicsView::mouseMoveEvent(event);
}

void GraphView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        viewport()->setCursor(Qt::ArrowCursor);
        event->accept();
        return;
    }
    if (!m_connectFrom.isEmpty()) {
        const QString from = m_connectFrom, to = nodeIdAt(event->pos());
        m_connectFrom.clear();
        viewport()->setCursor(Qt::ArrowCursor);
        viewport()->update();
        if (!to.isEmpty() && to != from)
            Q_EMIT connectRequested(from, to, event->globalPosition().toPoint());
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void GraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && nodeIdAt(event->pos()).isEmpty()
        && m_scene->edgeIdAt(mapToScene(event->pos()), 6 / zoom()).isEmpty()) {
        Q_EMIT addNodeRequested(mapToScene(event->pos()));
        event->accept();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
        if (event->modifiers() == Qt::NoModifier) {
            moveSelection(Qt::Key(event->key()));
            event->accept();
            return;
        }
        break;
    case Qt::Key_Space:
        if (!event->isAutoRepeat())
            m_spaceHeld = true;
        event->accept();
        return;
    case Qt::Key_Escape:
        if (!m_connectFrom.isEmpty()) {
            m_connectFrom.clear();
            viewport()->update();
        } else {
            m_scene->selection()->clear();
        }
        event->accept();
        return;
    default: break;
    }
    QGraphicsView::keyPressEvent(event);
}

void GraphView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat())
        m_spaceHeld = false;
    QGraphicsView::keyReleaseEvent(event);
}

void GraphView::contextMenuEvent(QContextMenuEvent *event)
{
    const QPointF p = mapToScene(event->pos());
    // A right-click on an unselected node or edge selects it first.
    const QString node = nodeIdAt(event->pos());
    if (!node.isEmpty() && !m_scene->selection()->containsNode(node))
        m_scene->selection()->selectNode(node);
    if (node.isEmpty()) {
        const QString edge = m_scene->edgeIdAt(p, 6 / zoom());
        if (!edge.isEmpty() && !m_scene->selection()->containsEdge(edge))
            m_scene->selection()->selectEdge(edge);
    }
    Q_EMIT contextMenuRequested(p, event->globalPos());
}

void GraphView::setBanner(const QString &text)
{
    if (text == m_banner)
        return;
    m_banner = text;
    viewport()->update();
}

void GraphView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    if (!m_banner.isEmpty()) {
        painter->save();
        painter->resetTransform();
        QFont f = painter->font();
        f.setBold(true);
        f.setPixelSize(13);
        painter->setFont(f);
        const QRectF box(8, 8, QFontMetricsF(f).horizontalAdvance(m_banner) + 20, 26);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xe6, 0x51, 0x00, 220));
        painter->drawRoundedRect(box, 6, 6);
        painter->setPen(Qt::white);
        painter->drawText(box, Qt::AlignCenter, m_banner);
        painter->restore();
    }
    if (m_connectFrom.isEmpty())
        return;
    NodeItem *from = m_scene->nodeItem(m_connectFrom);
    if (!from)
        return;
    QPen pen(m_scene->canvasStyle().selection, 2.0, Qt::DashLine);
    pen.setCosmetic(true);
    painter->setPen(pen);
    painter->drawLine(QLineF(from->pos(), m_connectTo));
}

} // namespace vg
