// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"

#include <functional>

namespace vg {

// Replaces the file at path atomically. write() fills a new file (mode 0600) created beside
// the target as ".NAME.saving-XXXXXX"; the file is then flushed to disk, renamed over the
// target, and the directory is flushed. A crash at any moment leaves either the old file or
// the new one; a failure of write() leaves the target untouched and removes the new file.
Status writeFileAtomically(const QString &path, const std::function<Status(const QString &tmpPath)> &write);

// The same for bytes already in memory.
Status writeBytesAtomically(const QString &path, const QByteArray &bytes);

} // namespace vg
