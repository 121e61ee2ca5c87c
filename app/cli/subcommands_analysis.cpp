// SPDX-License-Identifier: GPL-3.0-or-later
// blast, rank, whatif, concentration, bench.
#include "app/cli/cli.h"
#include "app/cli/subcommands.h"

#include "model/engine/blastradius.h"
#include "model/reports/csvreport.h"
#include "model/reports/jsonreport.h"
#include "model/reports/textreport.h"

#include <QElapsedTimer>
#include <QJsonArray>

namespace vg::cli {

namespace {

QCommandLineOption formatOption(const char *values)
{
    return QCommandLineOption(QStringLiteral("format"),
                              QStringLiteral("output format: %1").arg(QLatin1StringView(values)),
                              QStringLiteral("FORMAT"), QStringLiteral("text"));
}

// Checks --format against the allowed values; prints a usage error when it is not one.
bool checkFormat(const Command &c, const QCommandLineParser &p, const QStringList &allowed)
{
    if (allowed.contains(p.value(QStringLiteral("format"))))
        return true;
    printErr(QStringLiteral("vendorgraph %1: --format must be %2, found \"%3\"")
                 .arg(c.name, allowed.join(u" or "), p.value(QStringLiteral("format"))));
    return false;
}

} // namespace

int cmdBlast(const Command &c, const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("breach"), QStringLiteral("node whose data the attacker read"), QStringLiteral("ID")});
    p.addOption({QStringLiteral("control"), QStringLiteral("node the attacker can act as"), QStringLiteral("ID")});
    p.addOption({QStringLiteral("max-hops"), QStringLiteral("bound propagation"), QStringLiteral("N")});
    p.addOption({QStringLiteral("no-potential"), QStringLiteral("ignore pivots through exposed credentials")});
    p.addOption({QStringLiteral("paths"),
                 QStringLiteral("print every reached node's whole explaining path (output grows with path lengths)")});
    p.addOption(formatOption("text, json or csv (the exposed categories)"));
    if (!parseArgs(c, p, args, 1, 1)
        || !checkFormat(c, p, {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("csv")}))
        return Usage;
    Scenario s;
    for (const QString &id : p.values(QStringLiteral("breach")))
        s.seeds.push_back({id, Compromise::Breached});
    for (const QString &id : p.values(QStringLiteral("control")))
        s.seeds.push_back({id, Compromise::Controlled});
    if (s.seeds.empty()) {
        printErr(QStringLiteral("vendorgraph blast: name at least one seed with --breach ID or --control ID"));
        return Usage;
    }
    if (p.isSet(QStringLiteral("max-hops"))) {
        const auto hops = positiveInt(c, p, QStringLiteral("max-hops"), 0);
        if (!hops)
            return Usage;
        s.maxHops = *hops;
    }
    s.potential = !p.isSet(QStringLiteral("no-potential"));
    const auto model = loadOrReport(p.positionalArguments().first());
    if (!model)
        return Failed;
    const BlastRadiusEngine engine(*model);
    const Expected<BlastRadius> r = engine.run(s);
    if (!r) {
        printErr(QStringLiteral("vendorgraph blast: %1").arg(r.error().message()));
        return Usage;
    }
    const bool paths = p.isSet(QStringLiteral("paths"));
    const QString format = p.value(QStringLiteral("format"));
    printOut(format == u"json" ? json(toJson(*r, paths)) : format == u"csv" ? toCsv(*r) : toText(*r, *model, paths));
    return Ok;
}

int cmdRank(const Command &c, const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("mode"), QStringLiteral("breach, control or both"), QStringLiteral("MODE"),
                 QStringLiteral("both")});
    p.addOption({QStringLiteral("top"), QStringLiteral("show the first N"), QStringLiteral("N")});
    p.addOption(formatOption("text, json or csv"));
    if (!parseArgs(c, p, args, 1, 1)
        || !checkFormat(c, p, {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("csv")}))
        return Usage;
    const QString mode = p.value(QStringLiteral("mode"));
    if (mode != u"breach" && mode != u"control" && mode != u"both") {
        printErr(QStringLiteral("vendorgraph rank: --mode must be breach, control or both, found \"%1\"").arg(mode));
        return Usage;
    }
    std::optional<int> top;
    if (p.isSet(QStringLiteral("top")) && !(top = positiveInt(c, p, QStringLiteral("top"), 1)))
        return Usage;
    const auto model = loadOrReport(p.positionalArguments().first());
    if (!model)
        return Failed;
    std::vector<VendorRank> ranks = BlastRadiusEngine(*model).rank(mode != u"control", mode != u"breach");
    if (top && ranks.size() > std::size_t(*top))
        ranks.resize(std::size_t(*top));
    const QString format = p.value(QStringLiteral("format"));
    printOut(format == u"json" ? json(toJson(ranks)) : format == u"csv" ? toCsv(ranks) : toText(ranks));
    return Ok;
}

int cmdWhatIf(const Command &c, const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("remove"), QStringLiteral("the vendor to drop"), QStringLiteral("ID")});
    p.addOption(formatOption("text or json"));
    if (!parseArgs(c, p, args, 1, 1) || !checkFormat(c, p, {QStringLiteral("text"), QStringLiteral("json")}))
        return Usage;
    if (!p.isSet(QStringLiteral("remove"))) {
        printErr(QStringLiteral("vendorgraph whatif: name the vendor to drop with --remove ID"));
        return Usage;
    }
    const auto model = loadOrReport(p.positionalArguments().first());
    if (!model)
        return Failed;
    const Expected<WhatIf> w = whatIfRemove(*model, p.value(QStringLiteral("remove")));
    if (!w) {
        printErr(QStringLiteral("vendorgraph whatif: %1").arg(w.error().message()));
        return Usage;
    }
    printOut(p.value(QStringLiteral("format")) == u"json" ? json(toJson(*w)) : toText(*w));
    return Ok;
}

int cmdConcentration(const Command &c, const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(formatOption("text or json"));
    if (!parseArgs(c, p, args, 1, 1) || !checkFormat(c, p, {QStringLiteral("text"), QStringLiteral("json")}))
        return Usage;
    const auto model = loadOrReport(p.positionalArguments().first());
    if (!model)
        return Failed;
    const auto subs = BlastRadiusEngine(*model).concentration();
    printOut(p.value(QStringLiteral("format")) == u"json" ? json(toJson(subs)) : toText(subs));
    return Ok;
}

int cmdBench(const Command &c, const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("queries"), QStringLiteral("control scenarios to time"), QStringLiteral("N"),
                 QStringLiteral("50")});
    if (!parseArgs(c, p, args, 1, 1))
        return Usage;
    const auto queries = positiveInt(c, p, QStringLiteral("queries"), 1);
    if (!queries)
        return Usage;
    QElapsedTimer t;
    t.start();
    const auto model = loadOrReport(p.positionalArguments().first());
    if (!model)
        return Failed;
    const double loadS = double(t.nsecsElapsed()) / 1e9;
    t.restart();
    const BlastRadiusEngine engine(*model);
    const double prepareS = double(t.nsecsElapsed()) / 1e9;
    t.restart();
    engine.prepareIndex();
    const double indexS = double(t.nsecsElapsed()) / 1e9;

    // The N vendors with the most outgoing edges, ties broken by id (as peers.py does).
    QHash<QString, int> out;
    for (const Edge &e : model->edges)
        ++out[e.from];
    std::vector<const Node *> vendors;
    for (const Node &n : model->nodes)
        if (n.kind == NodeKind::Vendor)
            vendors.push_back(&n);
    std::sort(vendors.begin(), vendors.end(), [&](const Node *a, const Node *b) {
        const int oa = out.value(a->id), ob = out.value(b->id);
        return oa != ob ? oa > ob : a->id < b->id;
    });
    if (vendors.size() > std::size_t(*queries))
        vendors.resize(std::size_t(*queries));
    // scenario: the analysis (propagation, exposure, obligations, cost); lists: building the
    // per-node and per-category lists with their ids and paths, as a report does.
    std::vector<double> ms, listMs;
    double reached = 0;
    for (const Node *v : vendors) {
        QElapsedTimer q;
        q.start();
        const auto r = engine.run(Scenario{{{v->id, Compromise::Controlled}}, std::nullopt, true});
        ms.push_back(double(q.nsecsElapsed()) / 1e6);
        q.restart();
        reached += r ? double(r->nodes().size()) : 0;
        listMs.push_back(double(q.nsecsElapsed()) / 1e6);
    }
    std::vector<double> sorted = ms, sortedLists = listMs;
    std::sort(sorted.begin(), sorted.end());
    std::sort(sortedLists.begin(), sortedLists.end());
    auto median = [](const std::vector<double> &v) {
        if (v.empty())
            return 0.0;
        const std::size_t n = v.size();
        return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    };
    t.restart();
    const auto ranks = engine.rank(true, true);
    const double rankS = double(t.nsecsElapsed()) / 1e9;
    QJsonObject o;
    o.insert(u"nodes", qint64(model->nodes.size()));
    o.insert(u"edges", qint64(model->edges.size()));
    o.insert(u"load_s", loadS);
    o.insert(u"prepare_s", prepareS);
    o.insert(u"index_s", indexS);
    o.insert(u"queries", qint64(ms.size()));
    o.insert(u"scenario_median_ms", median(sorted));
    o.insert(u"lists_median_ms", median(sortedLists));
    o.insert(u"scenario_p95_ms", sorted.empty() ? 0.0 : sorted[std::size_t(0.95 * double(sorted.size() - 1))]);
    o.insert(u"mean_reached", ms.empty() ? 0.0 : reached / double(ms.size()));
    o.insert(u"rank_rows", qint64(ranks.size()));
    o.insert(u"rank_s", rankS);
    o.insert(u"peak_rss_mb", peakRssMb());
    printOut(json(o));
    return Ok;
}

} // namespace vg::cli
