// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/domain/model.h"

namespace vg {

// Reads a .vgdb document. The file is treated as hostile input and is never modified: its
// bytes are copied into a private in-memory database with defensive settings, checked
// (quick_check, application_id, version, schema), migrated there if older, and read with
// explicit SELECTs. The model is returned only when it also passes validateModel().
Expected<Model> readDocument(const QString &path);
// The same from bytes already in memory; fileName labels messages. (Also the fuzzing entry.)
Expected<Model> readDocumentImage(const QByteArray &image, const QString &fileName);
// Lenient variant for `validate`: problems found in the data are listed, not fatal.
Model readDocumentLenient(const QString &path, std::vector<Problem> *problems);

} // namespace vg
