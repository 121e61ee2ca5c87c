// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/domain/model.h"

#include <QJsonObject>

#include <functional>

namespace vg {

struct TeamBenchParams {
    int clients = 10; // simulated clients in the convergence run
    int editsPerSecond = 10; // per client
    int seconds = 30;
    int roundtrips = 20; // edits timed from one client to another
};

// The team server benchmark (`vendorgraph bench-team URL`). It deletes url's model if there is
// one, then measures:
//   push_s            publishing the model as a new one (validation, COPY, commit);
//   open_s            a client opening it into a Document (read and index);
//   edit_roundtrip_ms the median time from one client's edit (its commit) until a second client
//                     has applied it;
//   converge_ms       clients × editsPerSecond edits a second for `seconds` s on random nodes;
//                     the time from the last edit until every client holds the same model as the
//                     server (checked by comparing the canonical JSON of all of them).
// Also reported: the edits made and committed, conflicts met (kept automatically), and the 95th
// percentile of an edit's arrival at every other client. progress gets one line per phase.
Expected<QJsonObject> runTeamBench(const Model &model, const QString &url, const TeamBenchParams &p,
                                   const std::function<void(const QString &)> &progress);

} // namespace vg
