// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/canvas/minimap.h"

#include "model/document/document.h"
#include "views/canvas/graphscene.h"
#include "views/canvas/graphview.h"

#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

namespace vg {

Minimap::Minimap(GraphView *view, QWidget *parent) : QWidget(parent), m_view(view)
{
    setMinimumSize(160, 100);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move the view"));
    m_timer.setSingleShot(true);
    m_timer.setInterval(300);
    connect(&m_timer, &QTimer::timeout, this, &Minimap::render);
    connect(view->graphScene(), &GraphScene::contentChanged, this, &Minimap::scheduleRender);
    for (QScrollBar *bar : {view->horizontalScrollBar(), view->verticalScrollBar()})
        connect(bar, &QScrollBar::valueChanged, this, qOverload<>(&QWidget::update));
    connect(view, &GraphView::zoomChanged, this, qOverload<>(&QWidget::update));
}

void Minimap::scheduleRender()
{
    if (isVisible() && !m_timer.isActive())
        m_timer.start();
}

void Minimap::resizeEvent(QResizeEvent *) { scheduleRender(); }

void Minimap::render()
{
    GraphScene *scene = m_view->graphScene();
    m_sceneRect = scene->contentRect().adjusted(-60, -60, 60, 60);
    if (m_sceneRect.isEmpty() || width() < 4 || height() < 4) {
        m_image = QImage();
        update();
        return;
    }
    const qreal dpr = devicePixelRatioF();
    m_image = QImage((size() * dpr), QImage::Format_ARGB32_Premultiplied);
    m_image.setDevicePixelRatio(dpr);
    const CanvasStyle &style = scene->canvasStyle();
    m_image.fill(style.background);
    // Drawn from the store, not by rendering the scene: a dot per node, and the edges while
    // there are few enough to read. This stays a few milliseconds on the largest models.
    QPainter p(&m_image);
    const QRectF ir = imageRect();
    const qreal sx = ir.width() / m_sceneRect.width(), sy = ir.height() / m_sceneRect.height();
    auto map = [&](QPointF q) {
        return QPointF(ir.left() + (q.x() - m_sceneRect.left()) * sx, ir.top() + (q.y() - m_sceneRect.top()) * sy);
    };
    const GraphStore &store = scene->document()->store();
    if (store.edgeCount() <= 20000) {
        QColor c = style.edgeColor[0];
        c.setAlpha(90);
        p.setPen(QPen(c, 0));
        store.forEachEdge([&](int h, const Edge &) {
            if (scene->edgeVisible(h))
                p.drawLine(map(scene->nodePos(store.edgeFrom(h))), map(scene->nodePos(store.edgeTo(h))));
        });
    }
    const QSizeF dot(std::max(2.0, CanvasStyle::nodeSize().width() * sx),
                     std::max(2.0, CanvasStyle::nodeSize().height() * sy));
    store.forEachNode([&](int h, const Node &n) {
        if (!scene->nodeVisible(h))
            return;
        const QPointF c = map(scene->nodePos(h));
        p.fillRect(QRectF(c - QPointF(dot.width() / 2, dot.height() / 2), dot), style.nodeBorder[std::size_t(n.kind)]);
    });
    update();
}

QRectF Minimap::imageRect() const
{
    if (m_sceneRect.isEmpty())
        return {};
    QSizeF s = m_sceneRect.size();
    s.scale(QSizeF(size()), Qt::KeepAspectRatio);
    return QRectF(QPointF((width() - s.width()) / 2, (height() - s.height()) / 2), s);
}

void Minimap::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), m_view->graphScene()->canvasStyle().background);
    if (m_image.isNull()) {
        if (!m_timer.isActive())
            const_cast<Minimap *>(this)->scheduleRender();
        return;
    }
    p.drawImage(0, 0, m_image);
    const QRectF ir = imageRect();
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    const qreal sx = ir.width() / m_sceneRect.width(), sy = ir.height() / m_sceneRect.height();
    QRectF frame((visible.left() - m_sceneRect.left()) * sx + ir.left(),
                 (visible.top() - m_sceneRect.top()) * sy + ir.top(), visible.width() * sx, visible.height() * sy);
    frame = frame.intersected(QRectF(rect()).adjusted(1, 1, -1, -1));
    p.setPen(QPen(m_view->graphScene()->canvasStyle().selection, 2));
    QColor fill = m_view->graphScene()->canvasStyle().selection;
    fill.setAlpha(30);
    p.setBrush(fill);
    p.drawRect(frame);
}

void Minimap::centerAt(QPoint pos)
{
    const QRectF ir = imageRect();
    if (ir.isEmpty())
        return;
    const QPointF scene(m_sceneRect.left() + (pos.x() - ir.left()) / ir.width() * m_sceneRect.width(),
                        m_sceneRect.top() + (pos.y() - ir.top()) / ir.height() * m_sceneRect.height());
    m_view->centerOn(scene);
    update();
}

void Minimap::mousePressEvent(QMouseEvent *event) { centerAt(event->pos()); }

void Minimap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        centerAt(event->pos());
}

} // namespace vg
