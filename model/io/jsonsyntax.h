// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace vg {

// Where a text stops being JSON, and why.
struct JsonSyntaxError {
    qsizetype offset = 0; // byte offset of the offending character
    QString what;
};

// Checks that text is exactly one JSON value as RFC 8259 defines it, strictly: UTF-8 without
// a byte-order mark; no raw control character (U+0000-U+001F) in a string; only the escapes
// \" \\ \/ \b \f \n \r \t and \uXXXX, with surrogates in pairs; numbers in the RFC's grammar
// that fit a double; only the literals true, false and null; whitespace only between tokens;
// no trailing commas; and, beyond the RFC's SHOULD, no duplicate key in any object at any
// depth (keys compared after unescaping). Nesting is limited to 256 levels. Runs in one pass
// without recursion; memory is the keys of the objects open at one time.
std::optional<JsonSyntaxError> checkJsonSyntax(QByteArrayView text);

} // namespace vg
