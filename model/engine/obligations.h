// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/blastradius.h"

#include <QHash>

namespace vg {

// A population as the notification rules see it.
struct Population {
    QStringList regions; // empty: unknown
    qint64 count = 0;
    QMap<QString, qint64> regionCounts; // optional per-region counts
};

// What the notification rules look at: the categories exposed in plaintext, each with the
// people behind its direct copies and behind all of them, and the organization.
struct ObligationInput {
    struct Category {
        QString id;
        int tier = 3;
        unsigned flags = 0;
        bool direct = false; // some plaintext copy is exposed directly
        QStringList directOrigins; // people behind its direct plaintext copies (sorted)
        QStringList origins; // people behind all its plaintext copies, direct and potential (sorted)
        bool directUnknown = false; // some direct plaintext copy has no people behind it
        bool unknown = false; // some plaintext copy has no people behind it
        QString pivot; // when not direct: the exposed credential it hinges on
    };
    std::vector<Category> plaintext; // sorted by id
    QHash<QString, Population> populations; // people id -> population
    std::optional<Organization> organization;
    int controlledDirect = 0; // services controlled directly
    int controlledPotential = 0; // services controlled only potentially
    QString controlPivot; // the credential a potentially controlled service hinges on
    bool exposedDirect = false; // some category exposed directly (encrypted or not)
    bool exposedAny = false; // some category exposed (encrypted or not)
};

// Evaluates every regime of resources/regimes.json, in the table's order. One rule for every
// regime: the regime is evaluated on the direct exposure and on the whole (direct and
// potential) exposure; what only the potential part triggers is `assess`, never `likely`,
// and its reason names the credential it hinges on.
std::vector<Obligation> evaluateObligations(const ObligationInput &input);

} // namespace vg
