// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/blastradius.h"

namespace vg {

// The cost range for a breach of `records` records (resources/cost.json). controlledSystems:
// systems were taken over, which costs something even with no records exposed.
CostEstimate estimateCost(qint64 records, bool controlledSystems);

} // namespace vg
