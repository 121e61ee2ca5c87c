// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/model.h"

namespace vg {

// How services pass data to each other. Default: any service sends to a popular one, so data
// flows are short and meet in a few hubs. DeepChains: services form regions of 2,000 in which
// each sends data and credentials a few places along, wrapping at the end of its region, so
// that a category travels along deep chains and large strongly connected regions (the way a
// real company's internal services pass data along), and people enter anywhere on them.
enum class GeneratorShape { Default, DeepChains };

struct GeneratorParams {
    int people = 5;
    int services = 50;
    int vendors = 80;
    qint64 edges = 400;
    quint64 seed = 1;
    GeneratorShape shape = GeneratorShape::Default;
};

// A reproducible synthetic model for benchmarks (the same parameters give the same model
// on every platform: it uses its own integer-only random stream). The distribution is
// documented in resources/FORMAT.md, section "Synthetic models". The default shape's output
// never changes for the same parameters (a test guards its bytes).
Model generateModel(const GeneratorParams &params);

} // namespace vg
