// SPDX-License-Identifier: GPL-3.0-or-later
// validate, convert, sample, generate, bench-io.
#include "app/cli/cli.h"
#include "app/cli/subcommands.h"

#include "model/io/generator.h"
#include "model/io/inputfile.h"
#include "model/io/jsonreader.h"
#include "model/io/jsonwriter.h"
#include "model/io/modelfile.h"
#include "model/io/sample.h"
#include "model/storage/documentreader.h"
#include "model/storage/documentwriter.h"
#include "model/storage/schema.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <sys/resource.h>

namespace vg::cli {

bool parseArgs(const Command &c, QCommandLineParser &parser, const QStringList &args, int minPositional,
               int maxPositional)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{QStringLiteral("vendorgraph")} + args)) {
        printErr(
            QStringLiteral("vendorgraph %1: %2\nUsage: vendorgraph %1 %3").arg(c.name, parser.errorText(), c.synopsis));
        return false;
    }
    const qsizetype n = parser.positionalArguments().size();
    if (n < minPositional || n > maxPositional) {
        printErr(QStringLiteral("vendorgraph %1: expected %2 argument(s), found %3\nUsage: vendorgraph %1 %4")
                     .arg(c.name)
                     .arg(minPositional == maxPositional
                              ? QString::number(minPositional)
                              : QStringLiteral("%1 to %2").arg(minPositional).arg(maxPositional))
                     .arg(n)
                     .arg(c.synopsis));
        return false;
    }
    return true;
}

int reportError(const Error &e)
{
    printErr(e.message());
    return Failed;
}

std::optional<int> positiveInt(const Command &c, const QCommandLineParser &p, const QString &name, int min)
{
    bool ok = false;
    const int v = p.value(name).toInt(&ok);
    if (!ok || v < min) {
        printErr(QStringLiteral("vendorgraph %1: --%2 expects a whole number of at least %3, found \"%4\"")
                     .arg(c.name, name)
                     .arg(min)
                     .arg(p.value(name)));
        return std::nullopt;
    }
    return v;
}

std::optional<Model> loadOrReport(const QString &path)
{
    Expected<Model> m = loadModel(path);
    if (!m) {
        reportError(m.error());
        return std::nullopt;
    }
    return std::move(*m);
}

std::shared_ptr<const Model> loadSharedOrReport(const QString &path)
{
    std::optional<Model> m = loadOrReport(path);
    return m ? std::make_shared<const Model>(std::move(*m)) : nullptr;
}

int cmdValidate(const Command &c, const QStringList &args)
{
    QCommandLineParser p;
    if (!parseArgs(c, p, args, 1, 1))
        return Usage;
    const QString path = p.positionalArguments().first();
    const std::vector<Problem> problems = validateFile(path);
    if (problems.empty()) {
        printOut(QStringLiteral("%1: valid\n").arg(path));
        return Ok;
    }
    reportError(Error(path, problems));
    printErr(QStringLiteral("%1: %2 %3")
                 .arg(path)
                 .arg(problems.size())
                 .arg(problems.size() == 1 ? QStringLiteral("problem") : QStringLiteral("problems")));
    return Failed;
}

int cmdConvert(const Command &c, const QStringList &args)
{
    QCommandLineParser p;
    if (!parseArgs(c, p, args, 2, 2))
        return Usage;
    const QString in = p.positionalArguments().at(0), out = p.positionalArguments().at(1);
    if (auto f = formatForPath(out); !f)
        return reportError(f.error());
    const auto m = loadOrReport(in);
    if (!m)
        return Failed;
    if (Status s = saveModel(*m, out); !s)
        return reportError(s.error());
    return Ok;
}

int cmdSample(const Command &c, const QStringList &args)
{
    QCommandLineParser p;
    if (!parseArgs(c, p, args, 1, 1))
        return Usage;
    if (Status s = saveModel(bundledSample(), p.positionalArguments().first()); !s)
        return reportError(s.error());
    return Ok;
}

int cmdGenerate(const Command &c, const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption people(QStringLiteral("people"), QStringLiteral("populations"), QStringLiteral("P"));
    const QCommandLineOption services(QStringLiteral("services"), QStringLiteral("services"), QStringLiteral("S"));
    const QCommandLineOption vendors(QStringLiteral("vendors"), QStringLiteral("vendors"), QStringLiteral("V"));
    const QCommandLineOption edges(QStringLiteral("edges"), QStringLiteral("edges"), QStringLiteral("E"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("seed"), QStringLiteral("N"));
    const QCommandLineOption shape(QStringLiteral("shape"),
                                   QStringLiteral("default, or deep-chains: services pass data along long chains"),
                                   QStringLiteral("SHAPE"), QStringLiteral("default"));
    p.addOptions({people, services, vendors, edges, seed, shape});
    if (!parseArgs(c, p, args, 1, 1))
        return Usage;
    GeneratorParams g;
    bool allOk = true;
    auto number = [&](const QCommandLineOption &o, qint64 def, qint64 min, qint64 max) {
        if (!p.isSet(o))
            return def;
        bool ok = false;
        const qint64 v = p.value(o).toLongLong(&ok);
        if (!ok || v < min || v > max) {
            printErr(QStringLiteral("vendorgraph generate: --%1 expects a whole number from %2 to %3, found \"%4\"")
                         .arg(o.names().first())
                         .arg(min)
                         .arg(max)
                         .arg(p.value(o)));
            allOk = false;
        }
        return v;
    };
    g.people = int(number(people, g.people, 1, 1000000));
    g.services = int(number(services, g.services, 1, 5000000));
    g.vendors = int(number(vendors, g.vendors, 2, 5000000));
    g.edges = number(edges, g.edges, 0, 50000000);
    g.seed = quint64(number(seed, qint64(g.seed), 0, std::numeric_limits<qint64>::max()));
    if (p.value(shape) == u"deep-chains") {
        g.shape = GeneratorShape::DeepChains;
    } else if (p.value(shape) != u"default") {
        printErr(QStringLiteral("vendorgraph generate: --shape must be default or deep-chains, found \"%1\"")
                     .arg(p.value(shape)));
        allOk = false;
    }
    if (!allOk)
        return Usage;
    const QString out = p.positionalArguments().first();
    if (auto f = formatForPath(out); !f)
        return reportError(f.error());
    // What the readers would refuse is not written: the JSON form (the larger of the two)
    // must fit the input limit. Every node takes at least 60 bytes of JSON and every edge
    // 80, so sizes far over the limit are refused before anything is generated.
    const qint64 lowerBound = 60 * (qint64(g.people) + g.services + g.vendors) + 80 * g.edges;
    const Model m = lowerBound > kMaxInputBytes ? Model() : generateModel(g);
    const qint64 jsonBytes = lowerBound > kMaxInputBytes ? lowerBound : serializeModelJson(m).size();
    if (jsonBytes > kMaxInputBytes) {
        printErr(QStringLiteral(
                     "vendorgraph generate: a model of this size takes at least %1 MiB as JSON; VendorGraph reads "
                     "files up to %2 MiB, so nothing was written. Ask for fewer edges or nodes.")
                     .arg(jsonBytes / (1024 * 1024))
                     .arg(kMaxInputBytes / (1024 * 1024)));
        return Usage;
    }
    if (Status s = saveModel(m, out); !s)
        return reportError(s.error());
    return Ok;
}

QString json(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)); }
QString json(const QJsonArray &a) { return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Indented)); }

double peakRssMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0;
}

int cmdBenchIo(const Command &c, const QStringList &args)
{
    QCommandLineParser p;
    if (!parseArgs(c, p, args, 1, 1))
        return Usage;
    const QString in = p.positionalArguments().first();
    QJsonObject out;
    QElapsedTimer t;
    t.start();
    Expected<Model> m = loadModel(in);
    if (!m)
        return reportError(m.error());
    out.insert(u"json_import_s", double(t.nsecsElapsed()) / 1e9);
    out.insert(u"nodes", qint64(m->nodes.size()));
    out.insert(u"edges", qint64(m->edges.size()));
    // The document goes to a private temporary folder that is removed with everything in it,
    // all of which bench-io created; nothing next to the input is touched.
    const QTemporaryDir dir;
    if (!dir.isValid())
        return reportError(
            Error(QString(), QStringLiteral("cannot create a temporary folder: %1").arg(dir.errorString())));
    const QString doc = dir.filePath(QStringLiteral("bench.vgdb"));
    t.restart();
    if (Status s = saveModel(*m, doc); !s)
        return reportError(s.error());
    out.insert(u"vgdb_save_s", double(t.nsecsElapsed()) / 1e9);
    out.insert(u"vgdb_bytes", QFileInfo(doc).size());
    *m = Model();
    t.restart();
    Expected<Model> again = loadModel(doc);
    if (!again)
        return reportError(again.error());
    out.insert(u"vgdb_open_s", double(t.nsecsElapsed()) / 1e9);
    out.insert(u"peak_rss_mb", peakRssMb());
    printOut(json(out));
    return Ok;
}

} // namespace vg::cli
