// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/model.h"

#include <QHash>

#include <vector>

namespace vg {

// Where an imported record came from: its file and the line it starts on (0: the whole file).
struct ImportLocation {
    QString file;
    int line = 0;
    // "file:line" (or "file").
    QString toString() const;
};

// A record left out of the import, or a remark about one that was read.
struct ImportIssue {
    ImportLocation at;
    QString reason;
    // "file:line: reason".
    QString toString() const;
};

enum class MatchBasis {
    Id, // the record named the id of a node or edge in the model
    Name, // the names are the same, ignoring case, spacing, punctuation and accents
    Ends, // an edge with the same ends and kind (data edges: categories are added)
    Decision, // ImportOptions::decisions or UncertainPolicy::Merge chose it
};

// A node the import adds, with its canvas position when the source gave one.
struct ImportedNode {
    Node node;
    std::optional<QPointF> position;
    ImportLocation at;
};

// A record that matched a node already in the model (or one added earlier in the same
// import, for sub-processor sheets): updated holds the node after the import's values are
// applied; changedFields lists the interchange fields that differ ("vendor_tier",
// "attr:owner", "position"), empty when nothing changes.
struct MatchedNode {
    QString existingId;
    QString importedName;
    MatchBasis basis = MatchBasis::Id;
    Node updated;
    std::optional<QPointF> position;
    QStringList changedFields;
    ImportLocation at;
};

struct ImportedEdge {
    Edge edge;
    ImportLocation at;
};

struct MatchedEdge {
    QString existingId;
    MatchBasis basis = MatchBasis::Id;
    Edge updated;
    QStringList changedFields;
    ImportLocation at;
};

// A node the import may already have under another name: the candidates, why each was
// proposed, and what the plan did (merged into `resolvedId`, or added as the new node
// `resolvedId`). A UI asks the user and plans again with ImportOptions::decisions[key].
struct MatchCandidate {
    QString id;
    QString name;
    QString reason;
};
struct UncertainMatch {
    QString key; // the key of ImportOptions::decisions for this name
    QString importedName;
    std::vector<MatchCandidate> candidates; // best first
    bool merged = false;
    bool decided = false; // by ImportOptions::decisions (else by the UncertainPolicy)
    QString resolvedId;
    ImportLocation at;
};

// How a file was read, for a preview.
struct ImportSourceSummary {
    QString file;
    QString format; // "CSV nodes", "CSV edges", "CSV categories", "sub-processor sheet", "GraphML", "GEXF",
                    // "VendorGraph JSON", "VendorGraph document"
    QString detail; // encoding and delimiter, producer, ...
    int records = 0;
};

// What an import would do to a model, computed without changing it (planImport()), and
// applied by applyImport(). Lists are in file order.
struct ImportPlan {
    std::vector<ImportSourceSummary> sources;
    std::vector<CategoryDef> addedCategories;
    std::vector<ImportedNode> addedNodes;
    std::vector<MatchedNode> matchedNodes;
    std::vector<ImportedEdge> addedEdges;
    std::vector<MatchedEdge> matchedEdges;
    std::vector<UncertainMatch> uncertain;
    std::vector<ImportIssue> rejected; // every record left out, with the reason
    std::vector<ImportIssue> notes; // remarks: columns kept as attributes, duplicate rows skipped, ...
    // Model-level values from a source that carries them (GraphML, JSON); applied only
    // when the model has none.
    QString name;
    std::optional<Organization> organization;

    // Nodes and edges added or matched with a change.
    bool changesSomething() const;
};

} // namespace vg
