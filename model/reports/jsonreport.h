// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/blastradius.h"

#include <QJsonArray>
#include <QDateTime>
#include <QJsonObject>

namespace vg {

// Machine-readable forms (the blast JSON shape is documented in README.md; keys may be
// added, never renamed; lists are sorted).
// Each node names the node and edge it was reached by; paths: also its whole "path".
// With a valid awareness time, each triggered obligation lists its clocks as absolute times
// ("due": [{"clock", "label", "at", "rule"}]) and the scenario says "awareness".
QJsonObject toJson(const BlastRadius &r, bool paths = false, const QDateTime &awareness = {});
QJsonObject toJson(const ScenarioSummary &s);
QJsonArray toJson(const std::vector<VendorRank> &ranks);
QJsonObject toJson(const WhatIf &w);
QJsonArray toJson(const std::vector<SharedSubprocessor> &subs);

} // namespace vg
