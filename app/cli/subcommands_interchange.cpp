// SPDX-License-Identifier: GPL-3.0-or-later
// export, import, bench-import.
#include "app/cli/cli.h"
#include "app/cli/subcommands.h"

#include "model/io/dataexport.h"
#include "model/io/fieldcodec.h"
#include "model/io/importer.h"
#include "model/io/modelfile.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QSet>

namespace vg::cli {

namespace {

int exportData(DataFormat format, const Model &model, const QString &out, const QCommandLineParser &p)
{
    DataExportOptions options;
    options.csv.neutraliseFormulas = !p.isSet(QStringLiteral("raw-csv"));
    options.csv.byteOrderMark = !p.isSet(QStringLiteral("no-bom"));
    if (Status s = exportModelData(model, format, out, options); !s)
        return reportError(s.error());
    return Ok;
}

template <DataFormat F>
int exportAs(const Model &model, const QString &out, const QCommandLineParser &p)
{
    return exportData(F, model, out, p);
}

QString kindNames() { return QStringLiteral("people, service or vendor"); }

} // namespace

QList<ExportFormatHandler> dataExportFormats()
{
    const QList<QCommandLineOption> csvOptions{
        QCommandLineOption(QStringLiteral("raw-csv"),
                           QStringLiteral("do not guard cells against spreadsheet formula injection")),
        QCommandLineOption(QStringLiteral("no-bom"), QStringLiteral("leave out the UTF-8 byte-order mark"))};
    return {
        {QStringLiteral("json"),
         QStringLiteral("the interchange format (resources/FORMAT.md)"),
         {},
         &exportAs<DataFormat::Json>},
        {QStringLiteral("csv"), QStringLiteral("nodes.csv, edges.csv (and categories.csv) in the folder PATH"),
         csvOptions, &exportAs<DataFormat::Csv>},
        {QStringLiteral("graphml"),
         QStringLiteral("GraphML for yEd, Gephi and Cytoscape"),
         {},
         &exportAs<DataFormat::Graphml>},
        {QStringLiteral("dot"), QStringLiteral("Graphviz DOT"), {}, &exportAs<DataFormat::Dot>},
        {QStringLiteral("mermaid"), QStringLiteral("a Mermaid flowchart"), {}, &exportAs<DataFormat::Mermaid>},
    };
}

// Every --format of `export`. Diagram formats (png, svg, pdf) are added here from their own
// file: `return dataExportFormats() + diagramExportFormats();`.
QList<ExportFormatHandler> exportFormats() { return dataExportFormats() + diagramExportFormats(); }

int cmdExport(const Command &c, const QStringList &args)
{
    const QList<ExportFormatHandler> formats = exportFormats();
    QStringList names;
    for (const ExportFormatHandler &f : formats)
        names << f.name;
    QCommandLineParser p;
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("output format"), QStringLiteral("F"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("output file or folder"),
                                 QStringLiteral("PATH"));
    p.addOptions({format, out});
    QSet<QString> added;
    for (const ExportFormatHandler &f : formats)
        for (const QCommandLineOption &o : f.options)
            if (!added.contains(o.names().first())) {
                added.insert(o.names().first());
                p.addOption(o);
            }
    if (!parseArgs(c, p, args, 1, 1))
        return Usage;
    if (!p.isSet(format) || !p.isSet(out)) {
        printErr(QStringLiteral("vendorgraph export: --format and --out are required\nUsage: vendorgraph export %1")
                     .arg(c.synopsis));
        return Usage;
    }
    const auto handler = std::find_if(formats.begin(), formats.end(), [&](const ExportFormatHandler &f) {
        return f.name == p.value(format).toLower();
    });
    if (handler == formats.end()) {
        printErr(QStringLiteral("vendorgraph export: unknown format \"%1\"; expected one of %2")
                     .arg(p.value(format), names.join(QStringLiteral(", "))));
        return Usage;
    }
    for (const ExportFormatHandler &f : formats) {
        if (f.name == handler->name)
            continue;
        for (const QCommandLineOption &o : f.options) {
            const bool own = std::any_of(handler->options.begin(), handler->options.end(),
                                         [&](const QCommandLineOption &h) { return h.names() == o.names(); });
            if (!own && p.isSet(o.names().first())) {
                printErr(QStringLiteral("vendorgraph export: --%1 does not apply to --format %2")
                             .arg(o.names().first(), handler->name));
                return Usage;
            }
        }
    }
    const auto model = loadOrReport(p.positionalArguments().first());
    if (!model)
        return Failed;
    return handler->run(*model, p.value(out), p);
}

namespace {

struct ImportArgs {
    std::vector<ImportSource> sources;
    ImportOptions options;
    QString out, into;
    bool dryRun = false, skipRejected = false, uncertainChosen = false;
};

// Parses the options `import` and `bench-import` share; prints a usage error and returns
// nothing on a bad value.
std::optional<ImportArgs> importArgs(const Command &c, QCommandLineParser &p, const QStringList &args, bool full)
{
    const QCommandLineOption into(QStringLiteral("into"), QStringLiteral("model to import into"),
                                  QStringLiteral("EXISTING"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("model to write"), QStringLiteral("MODEL"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), QStringLiteral("report, write nothing"));
    const QCommandLineOption uncertain(QStringLiteral("uncertain"), QStringLiteral("merge or separate"),
                                       QStringLiteral("POLICY"));
    const QCommandLineOption skip(QStringLiteral("skip-rejected"), QStringLiteral("import the rest"));
    const QCommandLineOption defaultKind(QStringLiteral("default-kind"), QStringLiteral("node kind"),
                                         QStringLiteral("KIND"));
    const QCommandLineOption defaultEdgeKind(QStringLiteral("default-edge-kind"), QStringLiteral("edge kind"),
                                             QStringLiteral("KIND"));
    const QCommandLineOption nameColumn(QStringLiteral("name-column"), QStringLiteral("names"), QStringLiteral("C"));
    const QCommandLineOption kindColumn(QStringLiteral("kind-column"), QStringLiteral("kinds"), QStringLiteral("C"));
    const QCommandLineOption kindValue(QStringLiteral("kind-value"), QStringLiteral("VALUE=KIND"),
                                       QStringLiteral("VALUE=KIND"));
    p.addOptions({into, uncertain, defaultKind, defaultEdgeKind, nameColumn, kindColumn, kindValue});
    if (full)
        p.addOptions({out, dryRun, skip});
    if (!parseArgs(c, p, args, 1, 10000))
        return std::nullopt;
    auto usage = [&](const QString &what) {
        printErr(QStringLiteral("vendorgraph %1: %2\nUsage: vendorgraph %1 %3").arg(c.name, what, c.synopsis));
        return std::nullopt;
    };
    ImportArgs a;
    for (const QString &in : p.positionalArguments())
        a.sources.push_back(ImportSource{in, ImportFormat::Auto, {}});
    a.into = p.value(into);
    if (full) {
        a.out = p.value(out);
        a.dryRun = p.isSet(dryRun);
        a.skipRejected = p.isSet(skip);
        if (a.out.isEmpty() && !a.dryRun)
            return usage(QStringLiteral("--out is required (or --dry-run)"));
        if (!a.out.isEmpty())
            if (auto f = formatForPath(a.out); !f)
                return usage(f.error().message());
    }
    if (p.isSet(uncertain)) {
        a.uncertainChosen = true;
        const QString v = p.value(uncertain);
        if (v == u"merge")
            a.options.uncertain = UncertainPolicy::Merge;
        else if (v == u"separate")
            a.options.uncertain = UncertainPolicy::Separate;
        else
            return usage(QStringLiteral("--uncertain expects merge or separate, found \"%1\"").arg(v));
    }
    if (p.isSet(defaultKind)) {
        a.options.defaultNodeKind = parseNodeKind(p.value(defaultKind));
        if (!a.options.defaultNodeKind)
            return usage(
                QStringLiteral("--default-kind expects %1, found \"%2\"").arg(kindNames(), p.value(defaultKind)));
    }
    if (p.isSet(defaultEdgeKind)) {
        a.options.defaultEdgeKind = parseEdgeKind(p.value(defaultEdgeKind));
        if (!a.options.defaultEdgeKind)
            return usage(QStringLiteral("--default-edge-kind expects data, access, code or hosts, found \"%1\"")
                             .arg(p.value(defaultEdgeKind)));
    }
    a.options.nameColumn = p.value(nameColumn);
    a.options.kindColumn = p.value(kindColumn);
    for (const QString &v : p.values(kindValue)) {
        const qsizetype eq = v.lastIndexOf(QLatin1Char('='));
        const auto kind = eq > 0 ? parseNodeKind(v.mid(eq + 1)) : std::nullopt;
        if (!kind)
            return usage(
                QStringLiteral("--kind-value expects VALUE=KIND with KIND %1, found \"%2\"").arg(kindNames(), v));
        a.options.kindValues.insert(v.left(eq), *kind);
    }
    return a;
}

QString basisName(MatchBasis b)
{
    switch (b) {
    case MatchBasis::Id: return QStringLiteral("by id");
    case MatchBasis::Name: return QStringLiteral("by name");
    case MatchBasis::Ends: return QStringLiteral("by its ends");
    case MatchBasis::Decision: return QStringLiteral("as decided");
    }
    return {};
}

QString uncertainText(const UncertainMatch &u)
{
    QStringList candidates;
    for (const MatchCandidate &c : u.candidates)
        candidates << QStringLiteral("\"%1\" (%2: %3)").arg(c.name, c.id, c.reason);
    return QStringLiteral("%1: \"%2\" may be %3; %4 %5")
        .arg(u.at.toString(), u.importedName, candidates.join(QStringLiteral(" or ")),
             u.merged ? QStringLiteral("merged into") : QStringLiteral("added as"), u.resolvedId);
}

// The dry-run report: everything the import would do.
QString planReport(const ImportPlan &plan)
{
    QString out;
    for (const ImportSourceSummary &s : plan.sources)
        out += QStringLiteral("source %1: %2%3, %4 record(s)\n")
                   .arg(s.file, s.format, s.detail.isEmpty() ? QString() : QStringLiteral(" (") + s.detail + u')')
                   .arg(s.records);
    for (const CategoryDef &c : plan.addedCategories)
        out += QStringLiteral("add category %1\n").arg(c.id);
    for (const ImportedNode &n : plan.addedNodes)
        out += QStringLiteral("add %1 %2 \"%3\" (%4)\n")
                   .arg(toString(n.node.kind), n.node.id, n.node.name, n.at.toString());
    for (const MatchedNode &m : plan.matchedNodes)
        out += QStringLiteral("match node %1 %2%3 (%4)\n")
                   .arg(m.existingId, basisName(m.basis),
                        m.changedFields.isEmpty()
                            ? QStringLiteral(", unchanged")
                            : QStringLiteral(", changes ") + m.changedFields.join(QStringLiteral(", ")),
                        m.at.toString());
    for (const ImportedEdge &e : plan.addedEdges)
        out += QStringLiteral("add %1 edge %2: %3 -> %4 (%5)\n")
                   .arg(toString(e.edge.kind), e.edge.id, e.edge.from, e.edge.to, e.at.toString());
    for (const MatchedEdge &m : plan.matchedEdges)
        out += QStringLiteral("match edge %1 %2%3 (%4)\n")
                   .arg(m.existingId, basisName(m.basis),
                        m.changedFields.isEmpty()
                            ? QStringLiteral(", unchanged")
                            : QStringLiteral(", changes ") + m.changedFields.join(QStringLiteral(", ")),
                        m.at.toString());
    for (const UncertainMatch &u : plan.uncertain)
        out += QStringLiteral("uncertain %1\n").arg(uncertainText(u));
    for (const ImportIssue &n : plan.notes)
        out += QStringLiteral("note %1\n").arg(n.toString());
    for (const ImportIssue &r : plan.rejected)
        out += QStringLiteral("reject %1\n").arg(r.toString());
    return out;
}

QString planSummary(const ImportPlan &plan)
{
    return QStringLiteral("%1 node(s) added, %2 matched; %3 edge(s) added, %4 matched; %5 categor%6 added; %7 "
                          "uncertain; %8 rejected")
        .arg(plan.addedNodes.size())
        .arg(plan.matchedNodes.size())
        .arg(plan.addedEdges.size())
        .arg(plan.matchedEdges.size())
        .arg(plan.addedCategories.size())
        .arg(QLatin1StringView(plan.addedCategories.size() == 1 ? "y" : "ies"))
        .arg(plan.uncertain.size())
        .arg(plan.rejected.size());
}

// The model --into names (loaded, or a message printed and nothing), or an empty one.
std::optional<Model> intoModel(const ImportArgs &a)
{
    if (a.into.isEmpty())
        return Model();
    return loadOrReport(a.into);
}

} // namespace

int cmdImport(const Command &c, const QStringList &args)
{
    QCommandLineParser p;
    const std::optional<ImportArgs> a = importArgs(c, p, args, true);
    if (!a)
        return Usage;
    std::optional<Model> into = intoModel(*a);
    if (!into)
        return Failed;
    const Model &existing = *into;
    Expected<ImportPlan> plan = planImport(a->sources, existing, a->options);
    if (!plan)
        return reportError(plan.error());
    if (a->dryRun)
        printOut(planReport(*plan) + planSummary(*plan) + u'\n');

    bool fails = false;
    const auto undecided = std::count_if(plan->uncertain.begin(), plan->uncertain.end(),
                                         [](const UncertainMatch &u) { return !u.decided; });
    if (undecided > 0 && !a->uncertainChosen) {
        fails = true;
        if (!a->dryRun)
            for (const UncertainMatch &u : plan->uncertain)
                printErr(QStringLiteral("uncertain ") + uncertainText(u));
        printErr(QStringLiteral("vendorgraph import: %1 uncertain match(es); review them (--dry-run) and choose "
                                "--uncertain merge or --uncertain separate")
                     .arg(undecided));
    }
    if (!plan->rejected.empty()) {
        if (!a->dryRun)
            for (const ImportIssue &r : plan->rejected)
                printErr(r.toString());
        if (!a->skipRejected) {
            fails = true;
            printErr(QStringLiteral("vendorgraph import: %1 record(s) rejected; nothing was written (fix them, or "
                                    "import the rest with --skip-rejected)")
                         .arg(plan->rejected.size()));
        }
    }
    if (fails)
        return Failed;
    if (a->dryRun)
        return Ok;
    Expected<Model> result = applyImport(existing, *plan);
    if (!result)
        return reportError(result.error());
    if (Status s = saveModel(*result, a->out); !s)
        return reportError(s.error());
    printOut(planSummary(*plan) + QStringLiteral("; written to %1\n").arg(a->out));
    return Ok;
}

int cmdBenchImport(const Command &c, const QStringList &args)
{
    QCommandLineParser p;
    const std::optional<ImportArgs> a = importArgs(c, p, args, false);
    if (!a)
        return Usage;
    std::optional<Model> into = intoModel(*a);
    if (!into)
        return Failed;
    const Model &existing = *into;
    QElapsedTimer t;
    t.start();
    Expected<ImportPlan> plan = planImport(a->sources, existing, a->options);
    if (!plan)
        return reportError(plan.error());
    const double planSeconds = double(t.nsecsElapsed()) / 1e9;
    t.restart();
    Expected<Model> result = applyImport(existing, *plan);
    if (!result)
        return reportError(result.error());
    const double applySeconds = double(t.nsecsElapsed()) / 1e9;
    qint64 records = 0;
    for (const ImportSourceSummary &s : plan->sources)
        records += s.records;
    QJsonObject out{{QStringLiteral("records"), records},
                    {QStringLiteral("nodes"), qint64(result->nodes.size())},
                    {QStringLiteral("edges"), qint64(result->edges.size())},
                    {QStringLiteral("rejected"), qint64(plan->rejected.size())},
                    {QStringLiteral("plan_s"), planSeconds},
                    {QStringLiteral("apply_s"), applySeconds},
                    {QStringLiteral("import_s"), planSeconds + applySeconds},
                    {QStringLiteral("peak_rss_mb"), peakRssMb()}};
    printOut(json(out));
    return Ok;
}

} // namespace vg::cli
