// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace vg::cli {

// Exit codes of every subcommand (documented in README.md).
enum ExitCode { Ok = 0, Failed = 1, Usage = 2 };

// True when args (without the program name) name a headless subcommand or option.
bool isHeadless(const QStringList &args);
// True for the headless subcommands that draw with the canvas (they need QApplication,
// on the offscreen platform).
bool needsWidgets(const QStringList &args);
// Runs a headless subcommand. A QCoreApplication must exist. Output goes to stdout,
// messages to stderr.
int run(const QStringList &args);

} // namespace vg::cli
