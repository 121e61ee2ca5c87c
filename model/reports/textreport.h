// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/blastradius.h"

namespace vg {

// Reports a person reads in a terminal.
QString toText(const BlastRadius &r, const Model &model);
QString toText(const std::vector<VendorRank> &ranks);
QString toText(const WhatIf &w);
QString toText(const std::vector<SharedSubprocessor> &subs);

} // namespace vg
