// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/layout/layoutgraph.h"

namespace vg {

// Graphs up to this size are laid out by Graphviz's `dot` (layered, left to right); bigger
// ones by `sfdp` (force-directed), because dot's crossing minimisation can take minutes on
// a dense graph.
inline constexpr int kDotMaxNodes = 1500;
inline constexpr int kDotMaxEdges = 6000;

// The layered layout through libgvc. It runs in a child process (fork), so that Cancel can
// stop even a dot run that would take minutes: the child is killed and nothing leaks.
// *engine receives "dot" or "sfdp".
Expected<std::vector<QPointF>> graphvizLayout(const LayoutGraph &graph, const LayoutControl &control,
                                              QString *engine = nullptr);

} // namespace vg
