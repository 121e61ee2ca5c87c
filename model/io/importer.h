// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/io/importplan.h"

#include <QByteArray>

namespace vg {

// What a file holds. Auto decides by the name and the content: a folder is read as
// nodes.csv, edges.csv and categories.csv inside it; .graphml/.xml is GraphML, .gexf is
// GEXF, .json/.vgdb a VendorGraph model; a CSV file is a sub-processor sheet when its
// header names a vendor and a sub-processor column, edges when it names from and to
// (or source and target), categories when it is called categories.csv, and nodes otherwise.
enum class ImportFormat { Auto, CsvNodes, CsvEdges, CsvCategories, SubprocessorSheet, Graphml, Gexf, VendorGraph };

struct ImportSource {
    QString path; // a file or a folder; also names the source in messages
    ImportFormat format = ImportFormat::Auto;
    QByteArray bytes; // when not empty, read instead of the file at path (not for folders or .vgdb)
};

enum class UncertainPolicy {
    Separate, // add the record as a new node
    Merge, // merge it into the best candidate
};

struct ImportOptions {
    // The kind of a node whose source does not say; unset: vendor for CSV inventories and
    // sub-processor sheets, service for graph files.
    std::optional<NodeKind> defaultNodeKind;
    // The kind of an edge with neither a kind nor categories; unset: such edges are
    // rejected (an edge with categories is a data edge).
    std::optional<EdgeKind> defaultEdgeKind;
    // The column or attribute that holds node names or kinds, instead of the automatic
    // choice (name, label, ..., the yEd label; kind, type, ...).
    QString nameColumn;
    QString kindColumn;
    // Extra spellings of node kinds ("SaaS" -> vendor), compared ignoring case and spacing.
    QHash<QString, NodeKind> kindValues;
    UncertainPolicy uncertain = UncertainPolicy::Separate;
    // Answers for uncertain matches: UncertainMatch::key -> the id of the node to merge
    // with, or an empty string to add a new node.
    QHash<QString, QString> decisions;
};

// Reads the sources and works out what importing them into `existing` would add, match,
// reject and leave uncertain. Pure: writes nothing and changes nothing. Rows that cannot be
// imported are listed in ImportPlan::rejected (file, line, reason) and left out. Fails, with
// the file and line, when a source cannot be read at all (missing, unreadable encoding,
// unterminated quote, malformed XML, a DTD, no usable columns); then nothing is planned.
// The model that applyImport() builds from the plan passes validateModel().
Expected<ImportPlan> planImport(const std::vector<ImportSource> &sources, const Model &existing,
                                const ImportOptions &options = {});

// The model with the plan applied: categories, nodes and edges added, matched ones
// replaced by their updated values, positions set. Fails, changing nothing, when the plan
// no longer fits `existing` (an id it adds is taken, one it matches is gone) or the result
// does not pass validateModel().
Expected<Model> applyImport(const Model &existing, const ImportPlan &plan);

} // namespace vg
