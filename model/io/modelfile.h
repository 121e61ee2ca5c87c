// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/domain/model.h"

namespace vg {

enum class FileFormat { Json, Document, TeamServer };

// .json -> Json, .vgdb -> Document, postgresql://host/db?model=NAME -> TeamServer; anything
// else is an error naming the expected endings.
Expected<FileFormat> formatForPath(const QString &path);

// Loads a model, choosing the reader by extension (or from a team server for a URL). Files over 256 MiB are refused
// before they are read. The model is returned only when it is valid.
Expected<Model> loadModel(const QString &path);
// Lists every problem of a file (an empty list when it is valid).
std::vector<Problem> validateFile(const QString &path);
// Saves atomically in the format the extension names; new files get mode 0600. A server URL
// publishes a new model there (an existing model of that name is not overwritten).
Status saveModel(const Model &model, const QString &path);

} // namespace vg
