// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace vg {

// The bytes of a file compiled in from resources/ (":/vendorgraph/<name>"). A missing one
// is a build error, so it aborts with the name rather than returning nothing.
QByteArray readResource(const char *name);

} // namespace vg
