// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/blastradius.h"

#include <QHash>

namespace vg {

// What the notification rules look at: the exposed plaintext categories with the people they
// came from, and the organization.
struct ObligationInput {
    struct Category {
        QString id;
        int tier = 3;
        unsigned flags = 0;
        QStringList origins; // people node ids
    };
    std::vector<Category> plaintext;
    QHash<QString, QStringList> originRegions; // people id -> regions
    QHash<QString, qint64> originCounts; // people id -> count
    std::optional<Organization> organization;
    int controlledServices = 0; // services reached in the controlled state, directly
    bool anyExposure = false; // any category exposed, encrypted or not
};

// Evaluates every regime of resources/regimes.json, in the table's order.
std::vector<Obligation> evaluateObligations(const ObligationInput &input);

} // namespace vg
