// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/blastradius.h"

namespace vg {

// What the cost estimate looks at, per category exposed in plaintext.
struct CostInput {
    struct Category {
        QString id;
        int tier = 3;
        // The size of its exposure: per copy, the records figure stated on the carrier or
        // store, else (an upper bound) the population behind the copy; the largest over copies.
        qint64 basisDirect = 0; // over direct plaintext copies
        qint64 basisAny = 0; // over all plaintext copies
        bool fromRecords = false; // the largest figure is a stated records figure
    };
    std::vector<Category> plaintext;
    bool controlledDirect = false; // some system is controlled directly
    bool controlledAny = false; // ... or potentially
};

// The cost range (resources/cost.json, resources/ANALYSIS.md "Cost"). Monotone: more
// exposure never lowers either end.
CostEstimate estimateCost(const CostInput &input);

} // namespace vg
