// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/io/csvparser.h"

#include <QIODevice>

namespace vg {

// Reads a CSV file in chunks of 1 MiB, before it is read whole, and refuses it as soon as a
// cell or a record breaks limits (the same rules and messages as parseCsv(), which would
// refuse it too, but only after holding the whole file and its decoded text in memory). So
// a 100 MB file of one gigantic cell, or a header of a million columns, costs about a
// megabyte and a few milliseconds. Files with a UTF-16 byte-order mark are decoded as they
// are read; other text is measured in UTF-8 code points (a Windows-1252 file has at least as
// many characters). Never refuses a file that parseCsv() accepts. fileName labels messages.
Status checkCsvShape(QIODevice &in, const QString &fileName, const CsvLimits &limits = {});

// The same for a file on disk (errors opening it are left to the caller's read).
Status checkCsvFileShape(const QString &path, const CsvLimits &limits = {});

} // namespace vg
