// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/model.h"

#include <QHash>
#include <QPointF>

#include <optional>
#include <utility>
#include <vector>

namespace vg {

// One edit of a document, as data: what Document::apply() does, and what it returns to undo
// it. Undo commands, paste, import, layouts and the team server all speak it.
//
// apply() takes the parts in this order, so that an edit and its inverse are both valid:
//   1. edgesRemoved, 2. nodesRemoved (their edges must be in edgesRemoved),
//   3. nodeRenames and edgeRenames (old id -> new id; edges follow their nodes),
//   4. nodesPut, 5. edgesPut (each adds the item, or replaces the one with its id),
//   6. positions (a node id -> a position, or none to clear it),
//   7. name, organization and categories, when set;
//   8. scenarios and the active scenario's name, when set.
// Saved scenarios follow the nodes they name: a rename renames their seeds, a removal drops
// the removed node from them (and the inverse restores the scenarios as they were).
struct ChangeSet {
    QStringList edgesRemoved;
    QStringList nodesRemoved;
    std::vector<std::pair<QString, QString>> nodeRenames;
    std::vector<std::pair<QString, QString>> edgeRenames;
    std::vector<Node> nodesPut;
    std::vector<Edge> edgesPut;
    QHash<QString, std::optional<QPointF>> positions;
    std::optional<QString> name;
    std::optional<std::optional<Organization>> organization;
    std::optional<std::vector<CategoryDef>> categories;
    std::optional<std::vector<SavedScenario>> scenarios;
    std::optional<QString> activeScenario;

    bool isEmpty() const
    {
        return edgesRemoved.isEmpty() && nodesRemoved.isEmpty() && nodeRenames.empty() && edgeRenames.empty()
            && nodesPut.empty() && edgesPut.empty() && positions.isEmpty() && !name && !organization && !categories
            && !scenarios && !activeScenario;
    }
    // Whether the change touches the model the analysis reads (everything but positions and
    // the saved scenarios, which say what to ask of it).
    bool changesAnalysis() const
    {
        return !edgesRemoved.isEmpty() || !nodesRemoved.isEmpty() || !nodeRenames.empty() || !edgeRenames.empty()
            || !nodesPut.empty() || !edgesPut.empty() || organization || categories;
    }
    bool operator==(const ChangeSet &) const = default;
};

} // namespace vg
