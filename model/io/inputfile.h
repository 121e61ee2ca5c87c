// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"

#include <QByteArray>

namespace vg {

// The largest model file (JSON or .vgdb) VendorGraph reads.
inline constexpr qint64 kMaxInputBytes = 256LL * 1024 * 1024;

// Reads a whole input file, refusing one over kMaxInputBytes before reading it. Errors name
// the file.
Expected<QByteArray> readInputFile(const QString &path);

} // namespace vg
