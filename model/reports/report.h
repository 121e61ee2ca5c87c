// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/blastradius.h"

#include <QJsonObject>

namespace vg {

// Machine-readable forms (the blast JSON shape is documented in README.md; keys may be
// added, never renamed; lists are sorted).
QJsonObject toJson(const BlastRadius &r);
QJsonObject toJson(const ScenarioSummary &s);
QJsonArray toJson(const std::vector<VendorRank> &ranks);
QJsonObject toJson(const WhatIf &w);
QJsonArray toJson(const std::vector<SharedSubprocessor> &subs);

// Reports a person reads in a terminal.
QString toText(const BlastRadius &r, const Model &model);
QString toText(const std::vector<VendorRank> &ranks);
QString toText(const WhatIf &w);
QString toText(const std::vector<SharedSubprocessor> &subs);

// CSV (RFC 4180), with cells that a spreadsheet would evaluate (= + - @ tab CR) prefixed
// by an apostrophe.
QString toCsv(const std::vector<VendorRank> &ranks);
QString csvCell(const QString &s);

QString formatCount(qint64 n);
QString formatUsd(double v);

} // namespace vg
