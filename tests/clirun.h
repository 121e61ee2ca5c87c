// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the `vendorgraph` binary as a user runs a subcommand: headless, with its exit code and
// what it printed. For the tests of the command line (VG_BINARY is set by tests/CMakeLists.txt).
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace vg::test {

struct Run {
    int code = -1;
    QString out, err;
};

inline Run run(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY")); // every subcommand runs headless
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(VG_BINARY), args);
    p.waitForFinished(120000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace vg::test
