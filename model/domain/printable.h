// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace vg {

// A message as one readable line: control characters (C0, DEL, C1), line and paragraph
// separators and bidirectional controls are written as escapes (\n, \x1b, \u202e), so that text
// quoted from a hostile file cannot break a message into forged lines or send terminal
// escapes. Backslashes are kept as they are (unlike printable() in reports/format.h, which
// also escapes them for reports that must be read back).
QString escapeControls(const QString &s);

} // namespace vg
