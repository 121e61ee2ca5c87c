// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/graphstore.h"

#include <QPointF>

namespace vg {

// Spacing shared by the layouts: every node has the same footprint (the canvas draws it).
inline constexpr double kNodeWidth = 172, kNodeHeight = 52;
inline constexpr double kColumnGap = 150, kRowGap = 26;

// A place for a node that has none, without moving any other: beside its placed neighbours
// (their mean position, nudged down to a free spot), or else at the bottom of the column of
// nodes of its kind. Deterministic.
QPointF placeNewNode(const GraphStore &store, GraphStore::Handle node);
// The same for a node of this kind that is not in the store yet (and has no edges).
QPointF placeNewNodeOfKind(const GraphStore &store, NodeKind kind);

} // namespace vg
