// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/blastradius.h"

namespace vg {

// CSV (RFC 4180) with formula-neutralised cells (csvCell()).
QString toCsv(const std::vector<VendorRank> &ranks);
// A scenario's exposed categories, one row each: tier, certainty of any exposure and of the
// plaintext, people and records behind it, the holders and the credential it hinges on.
QString toCsv(const BlastRadius &radius);

} // namespace vg
