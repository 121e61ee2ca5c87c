// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/model.h"

#include <QColor>
#include <QPainterPath>
#include <QSizeF>

#include <array>

class QPainter;

namespace vg {

// Colours, shapes and sizes of the canvas, for one theme. The canvas, the minimap and the
// diagram exports all draw with it, so a file shows what the screen shows.
struct CanvasStyle {
    bool dark = false;
    QColor background, text, subtleText, selection, hover, faded;
    std::array<QColor, 3> nodeFill, nodeBorder; // by NodeKind
    std::array<QColor, 4> edgeColor; // by EdgeKind
    std::array<QColor, 4> tierColor, tierText; // tiers 1-4 (index tier-1)

    static CanvasStyle light();
    static CanvasStyle darkTheme();

    // Every node has the same footprint, so that layouts can space them evenly.
    static QSizeF nodeSize() { return {172, 52}; }
    static QRectF nodeRect() { return {-86, -26, 172, 52}; }
    // The outline of a node of this kind, centred on (0, 0).
    static QPainterPath shape(NodeKind kind);
    // Draws the kind's small glyph (person, server stack, building) in rect.
    static void drawGlyph(QPainter *p, NodeKind kind, const QRectF &rect, const QColor &color);
    // Where the line from the node's centre towards `towards` leaves its outline (in node
    // coordinates, relative to the centre).
    static QPointF borderPoint(QPointF towards);
};

} // namespace vg
