// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"

#include <QByteArray>
#include <QString>

namespace vg {

// Text of an imported file and how it was decoded.
struct DecodedText {
    QString text;
    QString encoding; // "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE" or "Windows-1252"
};

// Decodes the bytes of an imported text file (CSV): a UTF-8 or UTF-16 byte-order mark is
// honoured and removed; otherwise valid UTF-8 is read as UTF-8 and anything else as
// Windows-1252. Fails, naming the line, on bytes that are text in none of these (UTF-16
// without a byte-order mark, binary data, the five bytes Windows-1252 leaves undefined).
// fileName only labels messages.
Expected<DecodedText> decodeTextFile(const QByteArray &bytes, const QString &fileName);

// Windows-1252 to Unicode for one byte; 0 for the five undefined bytes 0x81 0x8D 0x8F 0x90 0x9D.
char16_t windows1252ToUnicode(unsigned char byte);

} // namespace vg
