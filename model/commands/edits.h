// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/changeset.h"
#include "model/engine/blastradius.h"

#include <QHash>
#include <QPointF>

namespace vg {

class Document;

// Builders of the ChangeSets behind the user's edits. They read the document and return the
// change; a ChangeCommand applies it. Inputs are assumed validated (itemvalidation.h).

// Removes nodes and edges; a node's edges go with it (and come back with their ids on undo).
ChangeSet removeItems(const Document &doc, const QStringList &nodeIds, const QStringList &edgeIds);
// Adds a node (an empty id gets a fresh one, "vendor-7") at pos.
ChangeSet addNode(const Document &doc, Node node, std::optional<QPointF> pos);
// Adds an edge (an empty id gets a fresh one, "e-231").
ChangeSet addEdge(const Document &doc, Edge edge);
// Replaces the node oldId with updated; a new id renames it, and its edges follow.
ChangeSet replaceNode(const Document &doc, const QString &oldId, Node updated);
ChangeSet replaceEdge(const Document &doc, const QString &oldId, Edge updated);
ChangeSet movePositions(const QHash<QString, QPointF> &positions);

// Saved scenarios. A scenario's name is unique in the document (1-200 characters).
// A free name: "Scenario 3", or base, base (2), ...
QString freshScenarioName(const Document &doc, const QString &base = {});
// Makes the active saved scenario ask `question` (seeds, hops, pivots); with none active, adds
// one with a fresh name and makes it active. Its name and awareness time stay.
ChangeSet setActiveScenarioQuestion(const Document &doc, const Scenario &question);
// Adds a saved scenario (its name must be free) and makes it active.
ChangeSet addScenario(const Document &doc, const SavedScenario &scenario);
// Replaces the saved scenario called `name` (renaming it if updated's name differs; the
// active name follows).
ChangeSet replaceScenario(const Document &doc, const QString &name, const SavedScenario &updated);
// Removes a saved scenario; if it was active, the one before it (or after) becomes active.
ChangeSet removeScenario(const Document &doc, const QString &name);
// As an edit (Document::setActiveScenario() switches without one).
ChangeSet activateScenario(const QString &name);

// The nodes with the edges between them, their positions, and the model's own categories
// they use: what Copy puts on the clipboard (as interchange JSON).
Model copyFragment(const Document &doc, const QStringList &nodeIds);
// Adds a fragment: ids that are taken get fresh ones (edges follow), positions move by
// offset, and categories the document lacks are added. newNodeIds receives the ids used.
ChangeSet pasteFragment(const Document &doc, const Model &fragment, QPointF offset, QStringList *newNodeIds = nullptr);

} // namespace vg
