// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/canvas/nodeitem.h"

#include "model/document/document.h"
#include "views/canvas/canvasstyle.h"
#include "views/canvas/graphscene.h"

#include <QLocale>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace vg {

namespace {

QString shortCount(qint64 n)
{
    if (n >= 1000000)
        return QLocale().toString(double(n) / 1e6, 'f', n >= 10000000 ? 0 : 1) + QStringLiteral(" M");
    if (n >= 10000)
        return QLocale().toString(double(n) / 1e3, 'f', 0) + QStringLiteral(" k");
    return QLocale().toString(n);
}

} // namespace

NodeItem::NodeItem(GraphScene *scene, int handle) : m_scene(scene), m_handle(handle)
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
}

QRectF NodeItem::boundingRect() const { return CanvasStyle::nodeRect().adjusted(-5, -13, 13, 5); }

QPainterPath NodeItem::shape() const { return CanvasStyle::shape(m_scene->document()->store().nodeAt(m_handle).kind); }

void NodeItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const Node &n = m_scene->document()->store().nodeAt(m_handle);
    const CanvasStyle &s = m_scene->canvasStyle();
    const NodeLook look = m_scene->nodeLook(m_handle);
    const qreal lod = option->levelOfDetailFromTransform(p->worldTransform());
    const int kind = int(n.kind);
    QColor fill = s.nodeFill[std::size_t(kind)], border = s.nodeBorder[std::size_t(kind)];
    if (look.fill.isValid())
        fill = look.fill;
    if (look.border.isValid())
        border = look.border;
    const QRectF r = CanvasStyle::nodeRect();
    if (lod < 0.12) { // far out: a coloured block, no text
        p->fillRect(r, look.faded ? s.faded : border);
        if (isSelected())
            p->fillRect(r.adjusted(-20, -20, 20, 20), s.selection);
        return;
    }
    const QPainterPath path = CanvasStyle::shape(n.kind);
    p->setRenderHint(QPainter::Antialiasing, lod > 0.3);
    p->setPen(QPen(look.faded ? s.faded : border, isSelected() ? 3.0 : 1.6));
    p->setBrush(look.faded ? s.background : fill);
    p->drawPath(path);
    if (look.hatched) { // potential: hatched, so that it survives a grey-scale print
        p->save();
        p->setClipPath(path);
        p->fillPath(path, QBrush(border, Qt::BDiagPattern));
        p->restore();
    }
    if (isSelected() || m_hover) {
        p->setBrush(Qt::NoBrush);
        p->setPen(QPen(isSelected() ? s.selection : s.hover, isSelected() ? 2.5 : 4));
        p->drawPath(path.translated(0, 0));
        if (isSelected()) {
            QPainterPath outer;
            outer.addRoundedRect(r.adjusted(-4, -4, 4, 4), 9, 9);
            p->drawPath(outer);
        }
    }
    if (lod < 0.2)
        return;
    if (m_hover && lod >= 0.35) { // the connector: drag from it to another node to add an edge
        p->setPen(QPen(s.selection, 1.5));
        p->setBrush(s.background);
        p->drawEllipse(QPointF(r.right(), 0), 5.5, 5.5);
    }
    const QColor text = look.faded ? s.subtleText : s.text;
    if (lod >= 0.55)
        CanvasStyle::drawGlyph(p, n.kind, QRectF(r.left() + 14, r.center().y() - 10, 18, 20),
                               look.faded ? s.faded : border);
    QRectF textRect = r.adjusted(40, 6, -10, -6);
    QFont f = p->font();
    f.setBold(true);
    const QString name = n.name.isEmpty() ? n.id : n.name;
    // Badges keep about the same size on screen when zoomed out.
    const qreal badgeScale = lod < 0.55 ? std::min(2.2, 0.55 / lod) : 1.0;
    if (lod < 0.55) {
        // Zoomed out: the name alone, large enough to read (about 8 px on screen).
        f.setPixelSize(int(std::min(36.0, 8.5 / lod)));
        p->setFont(f);
        p->setPen(text);
        textRect = r.adjusted(8, 2, -6, -2);
        p->drawText(textRect, Qt::AlignCenter, QFontMetricsF(f).elidedText(name, Qt::ElideRight, textRect.width()));
    } else {
        f.setPixelSize(13);
        p->setFont(f);
        p->setPen(text);
        p->drawText(QRectF(textRect.left(), textRect.top(), textRect.width(), textRect.height() / 2),
                    Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetricsF(f).elidedText(name, Qt::ElideRight, textRect.width()));
        f.setBold(false);
        f.setPixelSize(11);
        p->setFont(f);
        p->setPen(look.faded ? s.faded : s.subtleText);
        QString sub = n.id;
        if (n.kind == NodeKind::People && n.count)
            sub = QObject::tr("%1 people").arg(shortCount(*n.count));
        else if (!look.caption.isEmpty())
            sub = look.caption;
        p->drawText(QRectF(textRect.left(), textRect.center().y(), textRect.width(), textRect.height() / 2),
                    Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetricsF(f).elidedText(sub, Qt::ElideRight, textRect.width()));
    }
    // A vendor's tier as a badge on its corner.
    if (n.kind == NodeKind::Vendor && n.vendor && n.vendor->tier) {
        const int t = std::clamp(*n.vendor->tier, 1, 4);
        const QSizeF size = QSizeF(34, 18) * badgeScale;
        const QRectF badge(QPointF(r.right() + 8 - size.width(), r.top() - size.height() / 2), size);
        p->setPen(Qt::NoPen);
        p->setBrush(s.tierColor[std::size_t(t - 1)]);
        p->drawRoundedRect(badge, size.height() / 2, size.height() / 2);
        f.setBold(true);
        f.setPixelSize(int(11 * badgeScale));
        p->setFont(f);
        p->setPen(s.tierText[std::size_t(t - 1)]);
        p->drawText(badge, Qt::AlignCenter, QStringLiteral("T%1").arg(t));
    }
    if (!look.badge.isEmpty()) { // the overlay's state, top-left
        f.setBold(true);
        f.setPixelSize(int(10 * badgeScale));
        p->setFont(f);
        const QSizeF size(QFontMetricsF(f).horizontalAdvance(look.badge) + 12 * badgeScale, 18 * badgeScale);
        const QRectF badge(QPointF(r.left() - 4, r.top() - size.height() / 2 - 1), size);
        p->setPen(Qt::NoPen);
        p->setBrush(look.badgeColor);
        p->drawRoundedRect(badge, 4, 4);
        p->setPen(Qt::white);
        p->drawText(badge, Qt::AlignCenter, look.badge);
    }
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged)
        m_scene->nodeItemMoved(m_handle);
    else if (change == ItemSelectedHasChanged)
        m_scene->nodeItemSelectionChanged();
    return QGraphicsItem::itemChange(change, value);
}

void NodeItem::hoverEnterEvent(QGraphicsSceneHoverEvent *)
{
    m_hover = true;
    update();
}

void NodeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    m_hover = false;
    update();
}

} // namespace vg
