// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/domain/model.h"

namespace vg {

class Document;

// Checks one node or edge as the user edits it, with the same rules as a whole file
// (validateModel), plus what only the document knows: a new or changed id must be free,
// an edge's ends must exist. Paths in the problems are relative to the item ("/name",
// "/stores/0/category"), so that a form can mark the field.
std::vector<Problem> validateNodeEdit(const Document &doc, const QString &oldId, const Node &node);
std::vector<Problem> validateEdgeEdit(const Document &doc, const QString &oldId, const Edge &edge);

} // namespace vg
