// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/engine/blastradius.h"

#include <QDateTime>

namespace vg {

// One notification clock of a regime, made absolute.
struct Deadline {
    QString regime; // "NIS2"
    QString id; // "early", "notification", "final"
    QString label; // "early warning"
    QDateTime due; // in the awareness time's UTC offset
    QString rule; // how it was counted: "24 hours after awareness", "1 month after incident notification"
    bool operator==(const Deadline &) const = default;
};

// The deadlines of a regime counted from the time the organization became aware, by the
// rules in resources/regimes.json ("clocks"; ANALYSIS.md "Deadlines"). Hours are exact; days
// and months are calendar days and months in the awareness time's UTC offset; business days
// skip Saturdays and Sundays (public holidays are not modelled). A regime with no fixed
// deadline (GDPR Art. 34: "without undue delay") gives none, and note() says why.
// Errors: an invalid awareness time, or a regime the table does not know.
Expected<std::vector<Deadline>> deadlinesFor(const QString &regime, const QDateTime &awareness);
Expected<std::vector<Deadline>> deadlinesFor(const Obligation &obligation, const QDateTime &awareness);
// Why a regime has no fixed deadline, or what its first clock counts from; empty otherwise.
QString deadlineNote(const QString &regime);

} // namespace vg
