// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/canvas/edgelayer.h"

#include <QColor>
#include <QString>

namespace vg {

// How a node is drawn beyond its kind: set by an overlay (the blast radius) or the filters.
struct NodeLook {
    QColor fill, border; // invalid: the kind's colours
    bool faded = false; // out of the overlay's interest
    bool hatched = false; // potential: survives a grey-scale print
    QString badge; // a short state word drawn on the corner
    QColor badgeColor;
    QString caption; // replaces the id under the name
};

// Something drawn over the map, such as a scenario's blast radius. Asked per item at paint
// time, so it must answer quickly; handles are the document store's.
class CanvasOverlay {
public:
    virtual ~CanvasOverlay() = default;
    virtual NodeLook node(int handle) const = 0;
    virtual EdgeLayer::Look edge(int handle) const = 0;
};

} // namespace vg
