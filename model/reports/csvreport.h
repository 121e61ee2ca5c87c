// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/blastradius.h"

namespace vg {

// CSV (RFC 4180) with formula-neutralised cells (csvCell()).
QString toCsv(const std::vector<VendorRank> &ranks);

} // namespace vg
