// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace vg {

// Numbers as reports print them, at full precision: digit grouping in English style, money
// in whole US dollars, other numbers in their shortest exact decimal form.
QString formatCount(qint64 n);
QString formatUsd(double v);
QString formatNumber(double v);
// "1 hop", "2 hops".
QString plural(qint64 n, const char *one, const char *many);
// Text from the model (names, descriptions) as a terminal line may show it: control
// characters (C0, DEL, C1), line and paragraph separators and bidirectional overrides are
// written as escapes (\n, \x1b, \u202e), and a backslash as \\, so that a name cannot forge
// report lines or send terminal escapes.
QString printable(const QString &s);

// One CSV cell (RFC 4180), with a cell that a spreadsheet would evaluate (starting with
// = + - @ tab CR NUL) prefixed by an apostrophe (csvEscape()).
QString csvCell(const QString &s);

} // namespace vg
