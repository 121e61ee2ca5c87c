// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/domain/model.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace vg::cli {

struct Command;
using Handler = int (*)(const Command &, const QStringList &);

struct Command {
    QString name;
    QString synopsis;
    QString summary;
    Handler run;
};

void printOut(const QString &text);
void printErr(const QString &text);

// Parses args (without the command name) with parser; prints a usage error and returns
// false on unknown options or a wrong number of positional arguments.
bool parseArgs(const Command &c, QCommandLineParser &parser, const QStringList &args, int minPositional,
               int maxPositional);
// Indented JSON text.
QString json(const QJsonObject &o);
QString json(const QJsonArray &a);
// The process's peak resident memory so far, in MB.
double peakRssMb();
// Prints every problem of a failed load and returns 1.
int reportError(const Error &e);
// The option's value as a whole number of at least min; prints a usage error when it is not.
std::optional<int> positiveInt(const Command &c, const QCommandLineParser &p, const QString &name, int min);
// Loads MODEL (.json or .vgdb); on failure prints the problems.
std::optional<Model> loadOrReport(const QString &path);
// The same, as a shared immutable model (what the engine indexes); null on failure.
std::shared_ptr<const Model> loadSharedOrReport(const QString &path);

int cmdValidate(const Command &, const QStringList &);
int cmdConvert(const Command &, const QStringList &);
int cmdSample(const Command &, const QStringList &);
int cmdGenerate(const Command &, const QStringList &);
int cmdBenchIo(const Command &, const QStringList &);
int cmdBlast(const Command &, const QStringList &);
int cmdRank(const Command &, const QStringList &);
int cmdWhatIf(const Command &, const QStringList &);
int cmdConcentration(const Command &, const QStringList &);
int cmdBench(const Command &, const QStringList &);
int cmdBenchCanvas(const Command &, const QStringList &);

// export, import, bench-import (subcommands_interchange.cpp).
// One value of `export --format`: its own options and what writes it. Data formats are
// dataExportFormats(); another file may define more (diagrams) and list them in
// exportFormats(), which cmdExport dispatches on.
struct ExportFormatHandler {
    QString name;
    QString summary;
    QList<QCommandLineOption> options; // accepted only with this format
    int (*run)(const Model &model, const QString &out, const QCommandLineParser &parser);
};
QList<ExportFormatHandler> dataExportFormats();
QList<ExportFormatHandler> exportFormats();
// png, svg, pdf (subcommands_diagram.cpp).
QList<ExportFormatHandler> diagramExportFormats();
int cmdReport(const Command &, const QStringList &);
int cmdBenchExport(const Command &, const QStringList &);
int cmdExport(const Command &, const QStringList &);
int cmdImport(const Command &, const QStringList &);
int cmdBenchImport(const Command &, const QStringList &);
int cmdServerInit(const Command &, const QStringList &);
int cmdPush(const Command &, const QStringList &);
int cmdPull(const Command &, const QStringList &);
int cmdHistory(const Command &, const QStringList &);
int cmdBenchTeam(const Command &, const QStringList &);

} // namespace vg::cli
