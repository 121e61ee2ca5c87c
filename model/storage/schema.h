// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/storage/sqlite.h"

#include <QByteArray>
#include <QString>

#include <map>

namespace vg {

// The .vgdb document: an SQLite file (described in resources/FORMAT.md). application_id
// identifies it; user_version is the schema version.
inline constexpr qint32 kDocumentApplicationId = 0x56475244; // "VGRD"
inline constexpr int kDocumentSchemaVersion = 4;

// The DDL of schema version `version` (1 .. kDocumentSchemaVersion).
QByteArray documentSchemaSql(int version);
// Takes a database at schema `from` to the current version, in one transaction.
void migrateSchema(sql::Database &db, int from);
// The schema objects ("type name" -> sql) a valid current document has, taken from a freshly
// created database so that the check can never drift from the DDL.
const std::map<QString, QString> &expectedSchema();
// A message a user can act on for an SQLite failure.
QString sqlErrorText(const sql::SqlError &e);

} // namespace vg
