// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/domain/model.h"

namespace vg {

// Writes a .vgdb document atomically (writeFileAtomically()): the document is built in
// memory and copied with the backup API into the new file. A crash at any point leaves
// the previous file as it was.
Status writeDocument(const Model &model, const QString &path);

} // namespace vg
