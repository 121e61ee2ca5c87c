// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/layout/layoutgraph.h"

namespace vg {

// Graphs up to this size are laid out by Graphviz's `dot` (layered, left to right); bigger
// ones by `sfdp` (force-directed), because dot's crossing minimisation can take minutes on
// a dense graph.
inline constexpr int kDotMaxNodes = 1500;
inline constexpr int kDotMaxEdges = 6000;

// The layered layout by Graphviz's `dot` program (found on PATH), given the graph in DOT and
// read back from its plain output. It is a process of its own, so that Cancel (or the time
// limit) can stop even a dot run that would take minutes: the process is killed and nothing
// leaks.
// *engine receives "dot" or "sfdp".
Expected<std::vector<QPointF>> graphvizLayout(const LayoutGraph &graph, const LayoutControl &control,
                                              QString *engine = nullptr);

} // namespace vg
