// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/canvas/canvasstyle.h"

#include <QPainter>

#include <cmath>

namespace vg {

CanvasStyle CanvasStyle::light()
{
    CanvasStyle s;
    s.background = QColor(0xfa, 0xfa, 0xfb);
    s.text = QColor(0x1f, 0x23, 0x28);
    s.subtleText = QColor(0x5f, 0x67, 0x70);
    s.selection = QColor(0x0b, 0x6b, 0xcb);
    s.hover = QColor(0x0b, 0x6b, 0xcb, 90);
    s.faded = QColor(0xd5, 0xd8, 0xdc);
    s.nodeFill = {QColor(0xe6, 0xf0, 0xfc), QColor(0xe7, 0xf5, 0xec), QColor(0xfd, 0xf1, 0xe3)};
    s.nodeBorder = {QColor(0x2f, 0x6f, 0xce), QColor(0x27, 0x80, 0x4d), QColor(0xc0, 0x6a, 0x12)};
    s.edgeColor = {QColor(0x4b, 0x58, 0x68), QColor(0x8a, 0x3f, 0xb0), QColor(0x16, 0x7a, 0xd8),
                   QColor(0x3c, 0x76, 0x6f)};
    s.tierColor = {QColor(0xc6, 0x28, 0x28), QColor(0xe6, 0x6a, 0x00), QColor(0xf2, 0xc0, 0x2b),
                   QColor(0xa0, 0xa6, 0xad)};
    s.tierText = {Qt::white, Qt::white, QColor(0x2b, 0x22, 0x00), QColor(0x1f, 0x23, 0x28)};
    return s;
}

CanvasStyle CanvasStyle::darkTheme()
{
    CanvasStyle s;
    s.dark = true;
    s.background = QColor(0x1c, 0x1e, 0x22);
    s.text = QColor(0xe8, 0xea, 0xed);
    s.subtleText = QColor(0xa4, 0xab, 0xb4);
    s.selection = QColor(0x5a, 0xb0, 0xff);
    s.hover = QColor(0x5a, 0xb0, 0xff, 90);
    s.faded = QColor(0x3a, 0x3e, 0x45);
    s.nodeFill = {QColor(0x1b, 0x2e, 0x4a), QColor(0x18, 0x36, 0x26), QColor(0x3b, 0x2a, 0x14)};
    s.nodeBorder = {QColor(0x6e, 0xa8, 0xfe), QColor(0x5c, 0xc0, 0x8a), QColor(0xf0, 0xa0, 0x4b)};
    s.edgeColor = {QColor(0xb3, 0xbd, 0xc8), QColor(0xc9, 0x8b, 0xea), QColor(0x6c, 0xb6, 0xff),
                   QColor(0x7f, 0xc4, 0xb8)};
    s.tierColor = {QColor(0xef, 0x53, 0x50), QColor(0xff, 0x98, 0x3a), QColor(0xf7, 0xd0, 0x4f),
                   QColor(0x8a, 0x91, 0x99)};
    s.tierText = {Qt::white, QColor(0x1c, 0x1e, 0x22), QColor(0x2b, 0x22, 0x00), QColor(0x1c, 0x1e, 0x22)};
    return s;
}

QPainterPath CanvasStyle::shape(NodeKind kind)
{
    const QRectF r = nodeRect();
    QPainterPath p;
    switch (kind) {
    case NodeKind::People: p.addRoundedRect(r, r.height() / 2, r.height() / 2); break;
    case NodeKind::Service: p.addRoundedRect(r, 7, 7); break;
    case NodeKind::Vendor: {
        const qreal c = 12; // cut corners: a vendor reads as a "tag"
        p.moveTo(r.left() + c, r.top());
        p.lineTo(r.right() - c, r.top());
        p.lineTo(r.right(), r.top() + c);
        p.lineTo(r.right(), r.bottom() - c);
        p.lineTo(r.right() - c, r.bottom());
        p.lineTo(r.left() + c, r.bottom());
        p.lineTo(r.left(), r.bottom() - c);
        p.lineTo(r.left(), r.top() + c);
        p.closeSubpath();
        break;
    }
    }
    return p;
}

void CanvasStyle::drawGlyph(QPainter *p, NodeKind kind, const QRectF &r, const QColor &color)
{
    p->save();
    p->setPen(Qt::NoPen);
    p->setBrush(color);
    const qreal w = r.width(), h = r.height();
    switch (kind) {
    case NodeKind::People: { // head and shoulders
        p->drawEllipse(QRectF(r.left() + w * 0.32, r.top(), w * 0.36, h * 0.4));
        QPainterPath body;
        body.addRoundedRect(QRectF(r.left() + w * 0.12, r.top() + h * 0.48, w * 0.76, h * 0.52), w * 0.3, w * 0.3);
        p->drawPath(body);
        break;
    }
    case NodeKind::Service: // a stack of three servers
        for (int i = 0; i < 3; ++i)
            p->drawRoundedRect(QRectF(r.left(), r.top() + i * h * 0.36, w, h * 0.28), 1.5, 1.5);
        break;
    case NodeKind::Vendor: { // a building with windows
        QPainterPath b;
        b.addRect(QRectF(r.left() + w * 0.1, r.top(), w * 0.8, h));
        for (int row = 0; row < 3; ++row)
            for (int col = 0; col < 2; ++col)
                b.addRect(
                    QRectF(r.left() + w * (0.25 + col * 0.32), r.top() + h * (0.12 + row * 0.27), w * 0.18, h * 0.15));
        b.setFillRule(Qt::OddEvenFill);
        p->drawPath(b);
        break;
    }
    }
    p->restore();
}

QPointF CanvasStyle::borderPoint(QPointF d)
{
    const QRectF r = nodeRect();
    if (d.isNull())
        return {};
    const qreal sx = std::abs(d.x()) > 1e-9 ? (r.width() / 2) / std::abs(d.x()) : 1e18;
    const qreal sy = std::abs(d.y()) > 1e-9 ? (r.height() / 2) / std::abs(d.y()) : 1e18;
    return d * std::min(sx, sy);
}

} // namespace vg
