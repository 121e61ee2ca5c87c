// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/storage/pgconnection.h"

namespace vg {

// The team server's schema: one PostgreSQL schema, "vendorgraph", holding many models. Its
// version is the row schema_version of vendorgraph.meta; it is migrated the way .vgdb is
// (each step in one transaction, the version set last), and a client refuses a newer one.
inline constexpr int kTeamSchemaVersion = 3;

// The roles the server enforces (created by server-init; membership is granted by an admin):
// viewers read, editors also change items of existing models, admins also publish, replace
// and delete models. Editors are viewers and admins are editors.
inline constexpr const char kViewerRole[] = "vendorgraph_viewer";
inline constexpr const char kEditorRole[] = "vendorgraph_editor";
inline constexpr const char kAdminRole[] = "vendorgraph_admin";

// Creates the schema or migrates it to targetVersion, creates the three roles if missing and
// grants their privileges, in one transaction. Needs the database owner (or a superuser) and,
// the first time, the right to create roles. Returns the version found (0: none).
Expected<int> initTeamSchema(pg::Connection &c, int targetVersion = kTeamSchemaVersion);
// Checks that the server has a schema this client can use (present, not newer, migrated).
Status checkTeamSchema(pg::Connection &c);
// The schema version on the server (0 when there is none).
int teamSchemaVersion(pg::Connection &c);
// A message a user can act on for a server error.
QString teamErrorText(const pg::PgError &e);

} // namespace vg
