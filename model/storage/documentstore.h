// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/domain/model.h"

namespace vg {

// The .vgdb document: an SQLite file (schema in documentstore.cpp, described in
// resources/FORMAT.md). application_id identifies it; user_version is the schema version.
inline constexpr qint32 kDocumentApplicationId = 0x56475244; // "VGRD"
inline constexpr int kDocumentSchemaVersion = 2;
inline constexpr qint64 kMaxDocumentBytes = 256LL * 1024 * 1024;

// Reads a document. The file is treated as hostile input and is never modified: its bytes
// are copied into a private in-memory database with defensive settings, checked
// (quick_check, application_id, version, schema), migrated there if older, and read with
// explicit SELECTs. The model is returned only when it also passes validateModel().
Expected<Model> readDocument(const QString &path);
// The same from bytes already in memory; fileName labels messages. (Also the fuzzing entry.)
Expected<Model> readDocumentImage(const QByteArray &image, const QString &fileName);
// Lenient variant for `validate`: problems found in the data are listed, not fatal.
Model readDocumentLenient(const QString &path, std::vector<Problem> *problems);

// Writes atomically: the document is built in memory, copied with the backup API into a
// new mode-0600 file beside the target, synced, and renamed over the target. A crash at
// any point leaves the previous file as it was.
Status writeDocument(const Model &model, const QString &path);

// Reads a whole input file, refusing one over 256 MiB before reading it. Errors name the file.
Expected<QByteArray> readInputFile(const QString &path);

// The DDL of schema version `version` (1 or 2); used by tests to build old documents.
QByteArray documentSchemaSql(int version);

} // namespace vg
