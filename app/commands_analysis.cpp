// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"
#include "commands.h"
namespace vg::cli {
int cmdBlast(const Command &, const QStringList &) { return Failed; }
int cmdRank(const Command &, const QStringList &) { return Failed; }
int cmdWhatIf(const Command &, const QStringList &) { return Failed; }
int cmdConcentration(const Command &, const QStringList &) { return Failed; }
int cmdBench(const Command &, const QStringList &) { return Failed; }
}
