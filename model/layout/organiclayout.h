// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/layout/layoutgraph.h"

namespace vg {

// Force-directed (Boost.Graph's Fruchterman-Reingold with grid force pairs), from a seeded
// random start so that the same model gives the same picture; then every node snaps to
// the nearest free cell of a grid the size of a node, so that no two overlap.
Expected<std::vector<QPointF>> organicLayout(const LayoutGraph &graph, const LayoutControl &control);

// Moves points to the nearest free cells of a grid of cell x cell, nearest the centre
// first: the overlap removal shared by the force-directed layouts.
void snapToFreeCells(std::vector<QPointF> &points, QSizeF cell);

} // namespace vg
