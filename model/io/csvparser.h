// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"

#include <QByteArray>
#include <QStringList>

#include <vector>

namespace vg {

// One record of a CSV file: the physical line it starts on (the header is line 1 when the
// file starts with it) and its cells.
struct CsvRow {
    int line = 0;
    QStringList cells;
};

// A parsed CSV file. Blank lines are left out; rows keep the cell count they were written
// with (the caller decides what a wrong count means).
struct CsvTable {
    QString file;
    QString encoding; // as decodeTextFile() named it
    QChar delimiter;
    QStringList header;
    std::vector<CsvRow> rows;
};

// The caps that keep a hostile file from exhausting memory.
struct CsvLimits {
    qsizetype maxCellChars = 1 << 20; // 1 Mi characters
    qsizetype maxColumns = 512;
    qsizetype maxRows = 2'000'000;
};

// Reads CSV the way spreadsheets write it: RFC 4180 quoting ("" inside quotes), quoted line
// breaks, CRLF, LF or CR line ends, a delimiter of `,`, `;` or TAB detected from the header
// line (the most frequent outside quotes; `,` on a tie), text decoded by decodeTextFile()
// (BOM, UTF-8, else Windows-1252). Unquoted cells are trimmed, quoted cells are kept as
// written; text after a closing quote is appended (hand-edited files have `"Acme" Inc`).
// A cell that VendorGraph's writer guarded against formula injection gets its apostrophe
// back off (stripFormulaGuard()). Fails, naming the line, on an unterminated quote, a cell
// or record over the limits, or an unreadable encoding.
Expected<CsvTable> parseCsv(const QByteArray &bytes, const QString &fileName, const CsvLimits &limits = {});

// The same on text already decoded; a null delimiter means "detect".
Expected<CsvTable> parseCsvText(QStringView text, const QString &fileName, QChar delimiter = {},
                                const CsvLimits &limits = {});

// `,`, `;` or TAB: the most frequent outside quotes on the first line; `,` on a tie.
QChar detectCsvDelimiter(QStringView text);

} // namespace vg
