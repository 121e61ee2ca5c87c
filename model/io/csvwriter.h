// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace vg {

struct CsvWriteOptions {
    // Prefix cells a spreadsheet would evaluate (see neutraliseFormula()) with an apostrophe.
    // On by default; off only for files that no spreadsheet will open.
    bool neutraliseFormulas = true;
    QChar delimiter = QLatin1Char(',');
};

// True for the characters that make a spreadsheet evaluate a cell (OWASP CSV injection):
// = + - @ TAB CR and NUL.
bool isFormulaTrigger(QChar c);

// The cell as written with neutralisation on: a value that starts with a trigger character
// gets a leading apostrophe, unless it is a plain decimal number ("-12.5" stays numeric).
// A value that starts with an apostrophe followed by a trigger or another apostrophe gets
// one too, so that stripFormulaGuard() restores every value exactly.
QString neutraliseFormula(const QString &value);

// Inverse of neutraliseFormula(): drops a leading apostrophe that is followed by a trigger
// character or an apostrophe.
QString stripFormulaGuard(const QString &cell);

// One RFC 4180 cell: neutralised if asked, then quoted when it holds the delimiter, a quote,
// a line break, or leading or trailing white space (which the reader would trim).
QString csvEscape(const QString &value, const CsvWriteOptions &options = {});

// Appends one record ending in CRLF.
void appendCsvRecord(QString &out, const QStringList &cells, const CsvWriteOptions &options = {});

} // namespace vg
