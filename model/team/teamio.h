// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/domain/model.h"
#include "model/storage/pgconnection.h"
#include "model/team/historyentry.h"
#include "model/team/teamurl.h"

namespace vg {

// One-shot operations on a team server, for the command line and File ▸ Publish / Save a Copy.
// Each opens its own connection and closes it; every failure is an Error a user can act on.

// Connects to url's server (the password from ~/.pgpass, or password when given) and, when
// checkSchema, verifies that its schema is one this client uses.
Expected<pg::Connection> connectTeam(const TeamUrl &url, const QString &password = {}, bool checkSchema = true);
// Reads the model url names.
Expected<Model> pullModel(const QString &url, const QString &password = {});
// Uploads model as url's model; an existing one is replaced only when replace is set.
Status pushModel(const Model &model, const QString &url, bool replace, const QString &summary = {},
                 const QString &password = {});
// Deletes url's model with its history (admins only); an Error when there is none.
Status deleteModel(const QString &url, const QString &password = {});
// The history of url's model.
Expected<std::vector<HistoryEntry>> modelHistory(const QString &url, const HistoryQuery &q,
                                                 const QString &password = {});
// Creates or migrates the server's schema and roles; returns the version found before.
Expected<int> initServer(const QString &url, const QString &password = {});

} // namespace vg
