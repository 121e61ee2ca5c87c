// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/io/importer.h"
#include "model/io/recordtable.h"
#include "model/io/subprocessorsheet.h"

namespace vg {

// One file of an import, read but not yet mapped to the model. Internal to the importer.
struct LoadedSource {
    enum class Kind { Nodes, Edges, Categories, Sheet, Graph, Model };
    Kind kind = Kind::Nodes;
    QString file;
    ImportSourceSummary summary;
    RecordTable table; // Nodes, Edges, Categories (CSV)
    SubprocessorSheet sheet; // Sheet
    GraphDocument graph; // Graph
    Model model; // Model
};

// Reads every source (expanding folders into nodes.csv, edges.csv and categories.csv) and
// decides what each holds (ImportFormat::Auto). Fails on the first source that cannot be
// read at all, naming the file and the line.
Expected<std::vector<LoadedSource>> loadImportSources(const std::vector<ImportSource> &sources);

} // namespace vg
