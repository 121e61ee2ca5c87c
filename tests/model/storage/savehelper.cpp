// SPDX-License-Identifier: GPL-3.0-or-later
// Test helper: saves the model in SOURCE over TARGET again and again until killed,
// printing "saved N" after each save.
#include "model/io/modelfile.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: vg_savehelper SOURCE TARGET\n");
        return 2;
    }
    const auto m = vg::loadModel(QString::fromLocal8Bit(argv[1]));
    if (!m) {
        std::fprintf(stderr, "%s\n", qPrintable(m.error().message()));
        return 1;
    }
    for (long n = 1;; ++n) {
        if (auto s = vg::saveModel(*m, QString::fromLocal8Bit(argv[2])); !s) {
            std::fprintf(stderr, "%s\n", qPrintable(s.error().message()));
            return 1;
        }
        std::printf("saved %ld\n", n);
        std::fflush(stdout);
    }
}
