// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/storage/pgconnection.h"
#include "model/team/historyentry.h"
#include "model/team/teamedit.h"

namespace vg {

// The SQL of the team server: models in the vendorgraph schema (pgschema.h), read and written
// with bound parameters, bulk uploads with COPY. Every write is one transaction, so a client
// that dies mid-edit leaves nothing behind. Calls throw pg::PgError on a server or connection
// error (teamErrorText() words it); problems in the data come back as vg::Error.
class PgModelStore final {
public:
    explicit PgModelStore(pg::Connection &c) : m_c(c) { }

    // The id of the model called name, if the server has one.
    std::optional<qint64> modelId(const QString &name);
    // The names of the models on the server, sorted.
    QStringList modelNames();
    // Uploads model as a new model called name, at revision 1, with COPY. An existing model of
    // that name is an Error unless replace is set (then it is deleted with its history, in the
    // same transaction). Returns the new model's id.
    Expected<qint64> publish(const Model &model, const QString &name, bool replace, const QString &summary);
    // Deletes the model called name with its history (admins only); false when there was none.
    bool remove(const QString &name);
    // The whole model with every item's revision, read in one consistent snapshot (items in the
    // server's order; writers sort). An Error
    // when there is no such model or its data does not form a valid model.
    Expected<TeamSnapshot> open(const QString &name);
    // Commits an edit in one transaction (vendorgraph.commit_edit).
    CommitResult commit(qint64 modelId, const TeamEdit &edit);
    // What changed after revision, in one consistent snapshot. Ok-but-empty when nothing did.
    Expected<TeamDelta> changesSince(qint64 modelId, qint64 revision);
    // The server's current versions of the given items (for showing a conflict).
    Expected<TeamDelta> currentVersions(qint64 modelId, const std::vector<ItemConflict> &items);
    // The field history, newest first.
    std::vector<HistoryEntry> history(qint64 modelId, const HistoryQuery &q);
    // Subscribes to the commit notifications of every model ("<model id> <revision>").
    void listen();

private:
    pg::Connection &m_c;
};

// The channel commit_edit notifies.
inline constexpr const char kTeamChannel[] = "vendorgraph";

} // namespace vg
