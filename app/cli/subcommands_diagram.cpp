// SPDX-License-Identifier: GPL-3.0-or-later
// Diagrams (export --format png|svg|pdf) and the incident one-pager (report): drawn offscreen
// by the canvas's own code.
#include "app/cli/cli.h"
#include "app/cli/subcommands.h"

#include "model/document/analysisservice.h"
#include "model/document/document.h"
#include "model/layout/layoutgraph.h"
#include "views/export/diagramexport.h"
#include "views/export/incidentreport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QPageSize>
#include <QTemporaryDir>

#include <algorithm>

namespace vg::cli {

namespace {

QList<QCommandLineOption> scenarioOptions()
{
    return {QCommandLineOption(QStringLiteral("breach"), QStringLiteral("node whose data the attacker read"),
                               QStringLiteral("ID")),
            QCommandLineOption(QStringLiteral("control"), QStringLiteral("node the attacker can act as"),
                               QStringLiteral("ID")),
            QCommandLineOption(QStringLiteral("max-hops"), QStringLiteral("bound propagation"), QStringLiteral("N")),
            QCommandLineOption(QStringLiteral("no-potential"),
                               QStringLiteral("ignore pivots through exposed credentials"))};
}

Scenario scenarioFrom(const QCommandLineParser &p)
{
    Scenario s;
    for (const QString &id : p.values(QStringLiteral("breach")))
        s.seeds.push_back({id, Compromise::Breached});
    for (const QString &id : p.values(QStringLiteral("control")))
        s.seeds.push_back({id, Compromise::Controlled});
    if (p.isSet(QStringLiteral("max-hops")))
        s.maxHops = p.value(QStringLiteral("max-hops")).toInt();
    s.potential = !p.isSet(QStringLiteral("no-potential"));
    return s;
}

// Loads the model into a document, lays it out (a layout given, or Tiers for nodes without
// a place) and runs the scenario. Prints what is wrong and returns false on a usage error.
bool prepare(const Model &model, const QCommandLineParser &p, Document &doc, AnalysisService &analysis,
             std::shared_ptr<const AnalysisResult> *result)
{
    Model m = model;
    const QString layout = p.isSet(QStringLiteral("layout")) ? p.value(QStringLiteral("layout")) : QString();
    std::optional<LayoutKind> kind;
    if (layout == u"tiers")
        kind = LayoutKind::Tiers;
    else if (layout == u"layered")
        kind = LayoutKind::Layered;
    else if (layout == u"organic")
        kind = LayoutKind::Organic;
    else if (!layout.isEmpty()) {
        printErr(QStringLiteral("vendorgraph: --layout must be tiers, layered or organic, found \"%1\"").arg(layout));
        return false;
    }
    if (!kind && m.layout.size() < qsizetype(m.nodes.size()))
        kind = LayoutKind::Tiers;
    if (kind) {
        LayoutControl none;
        const auto pos = runLayout(*kind, m, {}, none);
        if (!pos) {
            printErr(pos.error().message());
            return false;
        }
        for (auto it = pos->cbegin(); it != pos->cend(); ++it)
            m.layout.insert(it.key(), *it);
    }
    const Scenario s = scenarioFrom(p);
    for (const Seed &seed : s.seeds)
        if (std::none_of(m.nodes.begin(), m.nodes.end(), [&](const Node &n) { return n.id == seed.nodeId; })) {
            printErr(QStringLiteral("vendorgraph: unknown node \"%1\"; expected the id of a node in the model")
                         .arg(seed.nodeId));
            return false;
        }
    doc.reset(std::move(m), QString());
    if (!s.seeds.empty()) {
        analysis.setScenario(s);
        analysis.waitForIdle(600000);
        *result = analysis.result();
        if (!*result || !(*result)->radius) {
            printErr(
                QStringLiteral("vendorgraph: the analysis failed: %1").arg(*result ? (*result)->error : QString()));
            return false;
        }
    }
    return true;
}

int exportDiagramAs(const Model &model, const QString &out, const QCommandLineParser &p, DiagramFormat format)
{
    Document doc;
    AnalysisService analysis(&doc);
    std::shared_ptr<const AnalysisResult> result;
    if (!prepare(model, p, doc, analysis, &result))
        return Usage;
    DiagramRequest req;
    req.analysis = result;
    req.title = p.value(QStringLiteral("title"));
    const QString scope = p.isSet(QStringLiteral("scope")) ? p.value(QStringLiteral("scope")) : QStringLiteral("all");
    if (scope == u"blast") {
        if (!result) {
            printErr(QStringLiteral("vendorgraph export: --scope blast needs a scenario: --breach ID or --control ID"));
            return Usage;
        }
        req.scope = DiagramRequest::Scope::Blast;
    } else if (scope != u"all") {
        printErr(QStringLiteral("vendorgraph export: --scope must be all or blast, found \"%1\"").arg(scope));
        return Usage;
    }
    if (p.isSet(QStringLiteral("scale"))) {
        bool ok = false;
        req.scale = p.value(QStringLiteral("scale")).toDouble(&ok);
        if (!ok || req.scale < 1 || req.scale > 3) {
            printErr(QStringLiteral("vendorgraph export: --scale must be 1, 2 or 3, found \"%1\"")
                         .arg(p.value(QStringLiteral("scale"))));
            return Usage;
        }
    }
    if (p.value(QStringLiteral("page")) == u"letter")
        req.pageSize = QPageSize(QPageSize::Letter);
    const Status s = exportDiagram(&doc, req, format, out);
    if (!s)
        return reportError(s.error());
    return Ok;
}

} // namespace

QList<ExportFormatHandler> diagramExportFormats()
{
    QList<QCommandLineOption> options = scenarioOptions();
    options << QCommandLineOption(QStringLiteral("scope"), QStringLiteral("all or blast"), QStringLiteral("SCOPE"))
            << QCommandLineOption(QStringLiteral("layout"), QStringLiteral("tiers, layered or organic"),
                                  QStringLiteral("LAYOUT"))
            << QCommandLineOption(QStringLiteral("title"), QStringLiteral("the diagram's title"), QStringLiteral("T"));
    QList<QCommandLineOption> png = options, pdf = options;
    png << QCommandLineOption(QStringLiteral("scale"), QStringLiteral("1, 2 or 3"), QStringLiteral("N"));
    pdf << QCommandLineOption(QStringLiteral("page"), QStringLiteral("a4 or letter"), QStringLiteral("PAGE"));
    return {{QStringLiteral("png"), QStringLiteral("a diagram for slides (PNG, --scale 1|2|3)"), png,
             [](const Model &m, const QString &out, const QCommandLineParser &p) {
                 return exportDiagramAs(m, out, p, DiagramFormat::Png);
             }},
            {QStringLiteral("svg"), QStringLiteral("a diagram as SVG (vector)"), options,
             [](const Model &m, const QString &out, const QCommandLineParser &p) {
                 return exportDiagramAs(m, out, p, DiagramFormat::Svg);
             }},
            {QStringLiteral("pdf"), QStringLiteral("a diagram as PDF (vector; --page a4|letter)"), pdf,
             [](const Model &m, const QString &out, const QCommandLineParser &p) {
                 return exportDiagramAs(m, out, p, DiagramFormat::Pdf);
             }}};
}

int cmdReport(const Command &c, const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions(scenarioOptions());
    p.addOption({QStringLiteral("out"), QStringLiteral("the PDF to write"), QStringLiteral("FILE.pdf")});
    p.addOption({QStringLiteral("page"), QStringLiteral("a4 or letter"), QStringLiteral("PAGE"), QStringLiteral("a4")});
    p.addOption({QStringLiteral("layout"), QStringLiteral("tiers, layered or organic"), QStringLiteral("LAYOUT")});
    if (!parseArgs(c, p, args, 1, 1))
        return Usage;
    if (!p.isSet(QStringLiteral("out"))
        || !p.value(QStringLiteral("out")).endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        printErr(QStringLiteral("vendorgraph report: name the PDF to write with --out FILE.pdf"));
        return Usage;
    }
    const QString page = p.value(QStringLiteral("page"));
    if (page != u"a4" && page != u"letter") {
        printErr(QStringLiteral("vendorgraph report: --page must be a4 or letter, found \"%1\"").arg(page));
        return Usage;
    }
    if (scenarioFrom(p).seeds.empty()) {
        printErr(QStringLiteral("vendorgraph report: name at least one seed with --breach ID or --control ID"));
        return Usage;
    }
    const auto model = loadOrReport(p.positionalArguments().first());
    if (!model)
        return Failed;
    Document doc;
    AnalysisService analysis(&doc);
    std::shared_ptr<const AnalysisResult> result;
    if (!prepare(*model, p, doc, analysis, &result))
        return Usage;
    const Status s = writeIncidentReport(&doc, result, p.value(QStringLiteral("out")),
                                         QPageSize(page == u"letter" ? QPageSize::Letter : QPageSize::A4));
    if (!s)
        return reportError(s.error());
    return Ok;
}

int cmdBenchExport(const Command &c, const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions(scenarioOptions());
    p.addOption({QStringLiteral("layout"), QStringLiteral("tiers, layered or organic"), QStringLiteral("LAYOUT")});
    p.addOption({QStringLiteral("runs"), QStringLiteral("timed runs of each (median reported)"), QStringLiteral("N"),
                 QStringLiteral("3")});
    if (!parseArgs(c, p, args, 1, 1))
        return Usage;
    const auto runs = positiveInt(c, p, QStringLiteral("runs"), 1);
    if (!runs)
        return Usage;
    const auto model = loadOrReport(p.positionalArguments().first());
    if (!model)
        return Failed;
    // Without a seed, the vendor with the most edges: a large blast subgraph and report.
    QStringList extra;
    if (scenarioFrom(p).seeds.empty()) {
        QHash<QString, int> degree;
        for (const Edge &e : model->edges) {
            ++degree[e.from];
            ++degree[e.to];
        }
        QString best;
        for (const Node &n : model->nodes)
            if (n.kind == NodeKind::Vendor && (best.isEmpty() || degree.value(n.id) > degree.value(best)))
                best = n.id;
        if (best.isEmpty()) {
            printErr(QStringLiteral("vendorgraph bench-export: the model has no vendor; name a seed with --breach ID"));
            return Usage;
        }
        extra << QStringLiteral("--breach") << best;
    }
    QCommandLineParser q;
    q.addOptions(scenarioOptions());
    q.addOption({QStringLiteral("layout"), QString(), QStringLiteral("LAYOUT")});
    q.addOption({QStringLiteral("runs"), QString(), QStringLiteral("N")});
    q.parse(QStringList{QStringLiteral("vendorgraph")} + args.mid(1) + extra);
    Document doc;
    AnalysisService analysis(&doc);
    std::shared_ptr<const AnalysisResult> result;
    if (!prepare(*model, q, doc, analysis, &result))
        return Usage;
    QTemporaryDir dir;
    if (!dir.isValid()) {
        printErr(QStringLiteral("vendorgraph bench-export: cannot create a temporary folder"));
        return Failed;
    }
    auto median = [&](const std::function<Status(const QString &)> &work,
                      const QString &name) -> std::optional<double> {
        std::vector<double> t;
        for (int i = 0; i < *runs; ++i) {
            QElapsedTimer timer;
            timer.start();
            const Status s = work(dir.filePath(name));
            t.push_back(timer.nsecsElapsed() / 1e9);
            if (!s) {
                printErr(s.error().message());
                return std::nullopt;
            }
        }
        std::sort(t.begin(), t.end());
        return t[t.size() / 2];
    };
    DiagramRequest all;
    all.scale = 2;
    DiagramRequest blast;
    blast.scope = DiagramRequest::Scope::Blast;
    blast.analysis = result;
    blast.scale = 2;
    const auto png = median([&](const QString &f) { return exportDiagram(&doc, all, DiagramFormat::Png, f); },
                            QStringLiteral("map.png"));
    const auto svg = median([&](const QString &f) { return exportDiagram(&doc, all, DiagramFormat::Svg, f); },
                            QStringLiteral("map.svg"));
    const auto pdf = median([&](const QString &f) { return exportDiagram(&doc, all, DiagramFormat::Pdf, f); },
                            QStringLiteral("map.pdf"));
    const auto blastPng = median([&](const QString &f) { return exportDiagram(&doc, blast, DiagramFormat::Png, f); },
                                 QStringLiteral("blast.png"));
    const auto report =
        median([&](const QString &f) { return writeIncidentReport(&doc, result, f); }, QStringLiteral("report.pdf"));
    if (!png || !svg || !pdf || !blastPng || !report)
        return Failed;
    QJsonObject o;
    o.insert(QStringLiteral("nodes"), qint64(model->nodes.size()));
    o.insert(QStringLiteral("edges"), qint64(model->edges.size()));
    o.insert(QStringLiteral("seeds"), scenarioLine(result->scenario));
    o.insert(QStringLiteral("reached"), result->radius ? qint64(result->radius->nodes().size()) : 0);
    o.insert(QStringLiteral("png_2x_s"), *png);
    o.insert(QStringLiteral("svg_s"), *svg);
    o.insert(QStringLiteral("pdf_s"), *pdf);
    o.insert(QStringLiteral("blast_png_2x_s"), *blastPng);
    o.insert(QStringLiteral("report_s"), *report);
    o.insert(QStringLiteral("png_bytes"), QFileInfo(dir.filePath(QStringLiteral("map.png"))).size());
    o.insert(QStringLiteral("report_bytes"), QFileInfo(dir.filePath(QStringLiteral("report.pdf"))).size());
    printOut(json(o));
    return Ok;
}

} // namespace vg::cli
