// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/domain/model.h"

namespace vg {

// Checks the rules that hold across the document: unique and well-formed ids, edges whose
// endpoints exist, known categories, data edges with categories, fields that belong to the
// node's kind, layout entries for existing nodes, scenarios whose seeds name nodes and an
// active scenario that exists. Paths are JSON pointers into the
// interchange form with the model in its current order (/nodes/3/id).
std::vector<Problem> validateModel(const Model &model);

} // namespace vg
