// SPDX-License-Identifier: GPL-3.0-or-later
// vg_fuzzseeds TESTDATA OUTDIR: writes every target's seed inputs (fuzzseeds.h) into
// OUTDIR/<target>/, for tests/fuzz/run-fuzzers.
#include "tests/fuzz/fuzzseeds.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: vg_fuzzseeds TESTDATA OUTDIR\n");
        return 2;
    }
    int written = 0;
    for (vg::fuzz::Target t : vg::fuzz::allTargets()) {
        const QString dir = args.at(2) + QLatin1Char('/') + vg::fuzz::targetName(t);
        if (!QDir().mkpath(dir))
            return 1;
        for (const auto &[name, bytes] : vg::fuzz::seedInputs(t, args.at(1))) {
            QFile f(dir + QLatin1Char('/') + name);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
                return 1;
            ++written;
        }
    }
    std::printf("%d seed files written\n", written);
    return 0;
}
