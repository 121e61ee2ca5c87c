// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/layout/layoutgraph.h"

namespace vg {

// The default layout: columns people -> services -> vendors -> sub-processors, a vendor's
// column being its hop distance from the company's own services (vendors that no service
// reaches come last). Within each column, barycentre sweeps reduce crossings; a column too
// tall for the page wraps into sub-columns so that the whole map keeps a screen's shape.
// O(sweeps x (E + N log N)).
Expected<std::vector<QPointF>> tiersLayout(const LayoutGraph &graph, const LayoutControl &control);

// The column of each node (0 people, 1 services, 2+ vendors by hop distance).
std::vector<int> tierColumns(const LayoutGraph &graph);

} // namespace vg
