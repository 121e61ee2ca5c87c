// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/io/csvexport.h"

#include <QStringList>

namespace vg {

// The data formats a model exports to (diagrams are rendered elsewhere).
enum class DataFormat { Json, Csv, Graphml, Dot, Mermaid };

struct DataExportOptions {
    CsvExportOptions csv;
};

// "json", "csv", "graphml", "dot", "mermaid", in that order.
QStringList dataFormatNames();
std::optional<DataFormat> dataFormatFromName(QStringView name);

// Writes the model to path in the format: the canonical JSON, a folder of CSV files
// (writeCsvFolder()), GraphML, DOT or Mermaid. Files are replaced atomically (mode 0600 when
// new); a failure names the file and leaves it as it was.
Status exportModelData(const Model &model, DataFormat format, const QString &path,
                       const DataExportOptions &options = {});

} // namespace vg
