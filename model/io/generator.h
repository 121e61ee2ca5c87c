// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/model.h"

namespace vg {

struct GeneratorParams {
    int people = 5;
    int services = 50;
    int vendors = 80;
    qint64 edges = 400;
    quint64 seed = 1;
};

// A reproducible synthetic model for benchmarks (the same parameters give the same model
// on every platform: it uses its own integer-only random stream). The distribution is
// documented in resources/FORMAT.md, section "Synthetic models".
Model generateModel(const GeneratorParams &params);

} // namespace vg
