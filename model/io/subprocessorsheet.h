// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/io/csvparser.h"

namespace vg {

// One row of a compiled sheet of published sub-processor lists: vendor V uses
// sub-processor S for a purpose, at a location. Names are cleaned (cleanName()).
struct SubprocessorRow {
    int line = 0;
    QString vendor;
    QString subprocessor;
    QString purpose;
    QString location;
    QString categories; // as written; empty when the sheet has no such column
    bool vendorFilledDown = false; // the vendor cell was empty and the one above was used
};

// A problem with one row of a file: where and why. Rejections (the row is left out) and
// notes (the row was read, with a remark) share it.
struct RowIssue {
    QString file;
    int line = 0;
    QString reason;
};

struct SubprocessorSheet {
    std::vector<SubprocessorRow> rows;
    std::vector<RowIssue> rejected;
    std::vector<RowIssue> notes; // duplicate rows skipped, vendors filled down
    bool hasCategories = false;
};

// True when a header names a vendor column and a sub-processor column (the synonyms are in
// resources/INTERCHANGE.md).
bool isSubprocessorHeader(const QStringList &header);

// Reads a sheet's rows. Real sheets are messy; this reader cleans names (runs of spaces,
// surrounding straight or curly quotes), fills an empty vendor cell from the row above (as
// merged cells export), skips exact duplicate rows (ignoring case, spacing and
// punctuation) with a note, and rejects, with the reason, a row without a sub-processor, a
// row before any vendor, and a row with more cells than the header (an unquoted comma).
// Rows with fewer cells are padded. Fails when the header lacks a vendor or sub-processor
// column.
Expected<SubprocessorSheet> readSubprocessorSheet(const CsvTable &table);

} // namespace vg
