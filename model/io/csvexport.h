// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/domain/model.h"

#include <QByteArray>

namespace vg {

struct CsvExportOptions {
    // Guard cells a spreadsheet would evaluate (= + - @ TAB CR NUL) with a leading
    // apostrophe (neutraliseFormula()). On by default; the importer removes the guard again.
    bool neutraliseFormulas = true;
    // Start each file with a UTF-8 byte-order mark, so that Excel reads it as UTF-8.
    bool byteOrderMark = true;
};

// The model as a CSV inventory (RFC 4180, UTF-8, CRLF): nodes.csv and edges.csv with one
// column per interchange field (interchangefields.h) and one "attr:KEY" column per node
// attribute key, and categories.csv with the categories the model defines. Rows in id
// order. Importing the three files into an empty model gives back every node, edge,
// category and position.
struct CsvExport {
    QByteArray nodes;
    QByteArray edges;
    QByteArray categories;
};
CsvExport exportCsv(const Model &model, const CsvExportOptions &options = {});

// Writes nodes.csv, edges.csv and (when the model defines categories, or the folder already
// has one) categories.csv into folder, creating it if needed. Each file is replaced
// atomically; a failure names the file.
Status writeCsvFolder(const Model &model, const QString &folder, const CsvExportOptions &options = {});

} // namespace vg
