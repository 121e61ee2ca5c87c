// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/blastradius.h"

#include <QJsonArray>
#include <QJsonObject>

namespace vg {

// Machine-readable forms (the blast JSON shape is documented in README.md; keys may be
// added, never renamed; lists are sorted).
// Each node names the node and edge it was reached by; paths: also its whole "path".
QJsonObject toJson(const BlastRadius &r, bool paths = false);
QJsonObject toJson(const ScenarioSummary &s);
QJsonArray toJson(const std::vector<VendorRank> &ranks);
QJsonObject toJson(const WhatIf &w);
QJsonArray toJson(const std::vector<SharedSubprocessor> &subs);

} // namespace vg
