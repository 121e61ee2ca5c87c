// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace vg {

// Numbers as reports print them: digit grouping in English style, money in USD.
QString formatCount(qint64 n);
QString formatUsd(double v);

// One CSV cell (RFC 4180), with a cell that a spreadsheet would evaluate (starting with
// = + - @ tab CR) prefixed by an apostrophe.
QString csvCell(const QString &s);

} // namespace vg
