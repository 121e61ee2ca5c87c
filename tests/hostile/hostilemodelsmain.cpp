// SPDX-License-Identifier: GPL-3.0-or-later
// vg_hostilemodels OUTDIR [SCALE]: writes the valid-but-hostile models (hostilemodels.h) as
// NAME.json and NAME.vgdb, and million-categories.json (a file over the category cap), for
// tests/hostile/run-hostile-models and tst_hostilemodels. Prints "NAME SEED-NODE" per model.
#include "tests/hostile/hostilemodels.h"

#include "model/io/modelfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args.size() > 3) {
        std::fprintf(stderr, "usage: vg_hostilemodels OUTDIR [SCALE]\n");
        return 2;
    }
    const QDir dir(args.at(1));
    if (!QDir().mkpath(dir.path()))
        return 1;
    const double scale = args.size() == 3 ? args.at(2).toDouble() : 1.0;
    for (const vg::test::HostileShape &s : vg::test::hostileShapes(scale > 0 ? scale : 1.0)) {
        for (const char *ext : {".json", ".vgdb"}) {
            const QString path = dir.filePath(s.name + QLatin1StringView(ext));
            QFile::remove(path);
            if (vg::Status st = vg::saveModel(s.model, path); !st) {
                std::fprintf(stderr, "%s\n", qPrintable(st.error().message()));
                return 1;
            }
        }
        std::printf("%s %s\n", qPrintable(s.name), qPrintable(s.seedNode));
    }
    QFile f(dir.filePath(QStringLiteral("million-categories.json")));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(vg::test::hostileCategoriesJson(1000000)) < 0)
        return 1;
    std::printf("million-categories v\n");
    return 0;
}
