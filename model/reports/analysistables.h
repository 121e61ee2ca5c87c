// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/taxonomy.h"
#include "model/engine/blastradius.h"
#include "model/engine/deadlines.h"
#include "model/itemmodels/tablemodel.h"

namespace vg {

// The tables of the analysis views, built from one scenario's result. Presentation only:
// every figure comes from the engine.

// Every regime with its status, deadline, recipient and reason (likely first). With a valid
// awareness time, the Due column gives each clock of a triggered obligation (likely or assess)
// as an absolute date and time.
Table obligationsTable(const BlastRadius &r, const QDateTime &awareness = {});
// One clock of a triggered obligation, made absolute.
struct DueDeadline {
    Deadline deadline;
    ObligationStatus status = ObligationStatus::Likely;
    QString name; // the obligation's
};
// The clocks of the triggered obligations counted from awareness, earliest first; empty for
// an invalid awareness time.
std::vector<DueDeadline> dueDeadlines(const BlastRadius &r, const QDateTime &awareness);
// "Tue 1 Dec 2026 09:30 UTC+01:00": a due time in its own UTC offset, unambiguous.
QString formatDue(const QDateTime &due);
// The populations behind the exposed data: count, regions, and what of theirs is exposed.
Table populationsTable(const BlastRadius &r, const Model &model);
// Holders (rows) x exposed categories (columns). A cell: 2 direct plaintext, 1 potential
// plaintext, 3 only encrypted copies, empty when the holder has none. Column keys are the
// category ids; the tier is in the header ("T1 ...").
Table categoryMatrix(const BlastRadius &r, const Model &model);
// The categories the company holds somewhere (on data flows or in stores) that this scenario
// does not reach, with where they are held.
Table notExposedTable(const BlastRadius &r, const Model &model, const Taxonomy &taxonomy);
// Shared sub-processors (fourth parties), heaviest first.
Table concentrationTable(const std::vector<SharedSubprocessor> &subs);

// The matrix cell codes.
enum MatrixCell { NotHeld = 0, PotentialPlain = 1, DirectPlain = 2, EncryptedOnly = 3 };

// Words a person reads for why a node is reached: its state and certainty, the credential it
// hinges on, and the hops of its explaining path ("dashboard --data e21--> analytics").
QString explainReached(const BlastRadius &r, const Model &model, const QString &nodeId);

} // namespace vg
