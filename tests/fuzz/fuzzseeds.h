// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/fuzz/fuzztargets.h"

#include <QByteArray>
#include <QString>

#include <utility>
#include <vector>

namespace vg::fuzz {

// The seed inputs of a target, built from the bundled sample and the test fixtures under
// testData (tests/data): valid models, documents of each schema version, the sample's own
// CSV and GraphML exports, copied fragments. Named "seed-<what>".
std::vector<std::pair<QString, QByteArray>> seedInputs(Target t, const QString &testData);

// The files of a corpus folder (tests/fuzz/corpus/<target>, tests/fuzz/crashers/<target>),
// sorted by name; none when it does not exist.
std::vector<std::pair<QString, QByteArray>> folderInputs(const QString &folder);

} // namespace vg::fuzz
