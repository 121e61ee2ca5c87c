// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/domain/model.h"

#include <QByteArray>

namespace vg {

inline constexpr int kJsonFormatVersion = 1;

// Reads the JSON interchange format (docs in resources/FORMAT.md). Strict: every problem is
// reported with its JSON path; the model is returned only when there is none. Edges without
// an id get "e<N>", the first free N in file order. fileName only labels messages.
Expected<Model> parseModelJson(const QByteArray &json, const QString &fileName = {});

// Also returns the model when it has problems (for `validate`, which lists them all).
// problems is empty when the model is valid. A syntax error yields an empty model.
Model parseModelJsonLenient(const QByteArray &json, std::vector<Problem> *problems);

} // namespace vg
