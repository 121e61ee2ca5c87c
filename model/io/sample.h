// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/model.h"

namespace vg {

// The bundled sample (resources/sample.json, compiled in as a Qt resource): a fictional
// company that runs an AI API. Always valid; a test guards that.
Model bundledSample();
QByteArray bundledSampleJson();

} // namespace vg
