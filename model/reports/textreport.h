// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

#include "model/engine/blastradius.h"

namespace vg {

// Reports a person reads in a terminal. Names from the model go through printable(). The
// blast report lists each reached node with the node and edge it was reached by (linear in
// the nodes reached); paths: also print every node's whole explaining path.
// With a valid awareness time, each triggered obligation's clocks are printed as dates.
QString toText(const BlastRadius &r, const Model &model, bool paths = false, const QDateTime &awareness = {});
QString toText(const std::vector<VendorRank> &ranks);
QString toText(const WhatIf &w);
QString toText(const std::vector<SharedSubprocessor> &subs);

} // namespace vg
