// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/model.h"

#include <QHash>
#include <QPointF>

#include <optional>
#include <vector>

namespace vg {

// The data that travels between a client and the team server. Every item carries a revision:
// the model revision in which the server last changed it (0: the item does not exist). In a
// TeamEdit it is the base revision, the version the client last saw; the server refuses the
// edit if any item it touches has moved on since (a conflict), so conflicts are detected by
// revision, never by timestamp.

// One node's state: present with its position, or absent (node empty: removed or never there).
struct NodeVersion {
    QString id;
    qint64 revision = 0;
    std::optional<Node> node;
    std::optional<QPointF> pos;
    bool operator==(const NodeVersion &) const = default;
};

struct EdgeVersion {
    QString id;
    qint64 revision = 0;
    std::optional<Edge> edge;
    bool operator==(const EdgeVersion &) const = default;
};

// The model-wide values: its display name, organization and own categories.
struct MetaVersion {
    qint64 revision = 0;
    QString name;
    std::optional<Organization> organization;
    std::vector<CategoryDef> categories;
    bool operator==(const MetaVersion &) const = default;
};

// One user edit as the server receives it: the final state of every item it touches (a rename
// is the old id removed and the new one written), each with its base revision.
struct TeamEdit {
    std::vector<NodeVersion> nodes;
    std::vector<EdgeVersion> edges;
    std::optional<MetaVersion> meta;
    QString summary; // shown in the model-wide log ("Rename crm", "Move 3 nodes")
    bool isEmpty() const { return nodes.empty() && edges.empty() && !meta; }
};

// What changed on the server after a revision: current versions of the items changed since
// (absent ones were removed, in the revision given), up to and including revision.
struct TeamDelta {
    qint64 revision = 0;
    std::vector<NodeVersion> nodes;
    std::vector<EdgeVersion> edges;
    std::optional<MetaVersion> meta;
    bool isEmpty() const { return nodes.empty() && edges.empty() && !meta; }
};

enum class ItemKind { Node, Edge, Meta };

// An item whose server revision differs from the edit's base revision.
struct ItemConflict {
    ItemKind kind = ItemKind::Node;
    QString id; // empty for Meta
    qint64 revision = 0; // the server's (0: absent there)
    bool operator==(const ItemConflict &) const = default;
};

// The outcome of committing an edit: the new revision, or the conflicts (nothing was written).
struct CommitResult {
    qint64 revision = 0;
    std::vector<ItemConflict> conflicts;
    bool committed() const { return conflicts.empty(); }
};

// A whole model as a client opens it, with every item's revision.
struct TeamSnapshot {
    qint64 modelId = 0;
    qint64 revision = 0;
    qint64 metaRevision = 0;
    Model model;
    QHash<QString, qint64> nodeRevisions;
    QHash<QString, qint64> edgeRevisions;
};

} // namespace vg
