// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/io/importer.h"
#include "model/io/importsources.h"

#include <memory>

namespace vg {

// Maps loaded sources onto a model and records the outcome in an ImportPlan: categories
// first, then nodes (matched by id or by name, or added), then edges (matched by id or by
// their ends, or added), then sub-processor sheets, whose data edges without categories
// inherit what the vendor receives. Internal to planImport(); one instance per import.
class ImportPlanner final {
public:
    ImportPlanner(const Model &existing, const ImportOptions &options);
    ~ImportPlanner();
    ImportPlanner(const ImportPlanner &) = delete;
    ImportPlanner &operator=(const ImportPlanner &) = delete;

    Expected<ImportPlan> plan(std::vector<LoadedSource> &sources);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace vg
