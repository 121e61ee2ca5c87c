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

#include <ctime>

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
    p.addOption({QStringLiteral("scenario"),
                 QStringLiteral("run a scenario saved in the model (\"active\": the active one)"),
                 QStringLiteral("NAME")});
    p.addOption(formatOption("text, json or csv (the exposed categories)"));
    if (!parseArgs(c, p, args, 1, 1)
        || !checkFormat(c, p, {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("csv")}))
        return Usage;
    Scenario s;
    for (const QString &id : p.values(QStringLiteral("breach")))
        s.seeds.push_back({id, Compromise::Breached});
    for (const QString &id : p.values(QStringLiteral("control")))
        s.seeds.push_back({id, Compromise::Controlled});
    const bool saved = p.isSet(QStringLiteral("scenario"));
    if (saved && (!s.seeds.empty() || p.isSet(QStringLiteral("max-hops")) || p.isSet(QStringLiteral("no-potential")))) {
        printErr(QStringLiteral("vendorgraph blast: --scenario takes its seeds and options from the model; "
                                "leave out --breach, --control, --max-hops and --no-potential"));
        return Usage;
    }
    if (!saved && s.seeds.empty()) {
        printErr(QStringLiteral("vendorgraph blast: name at least one seed with --breach ID or --control ID, "
                                "or a saved scenario with --scenario NAME"));
        return Usage;
    }
    if (p.isSet(QStringLiteral("max-hops"))) {
        const auto hops = positiveInt(c, p, QStringLiteral("max-hops"), 0);
        if (!hops)
            return Usage;
        s.maxHops = *hops;
    }
    s.potential = !p.isSet(QStringLiteral("no-potential"));
    const auto model = loadSharedOrReport(p.positionalArguments().first());
    if (!model)
        return Failed;
    if (saved) {
        QString name = p.value(QStringLiteral("scenario"));
        if (name == u"active")
            name = model->activeScenario;
        const auto it = std::find_if(model->scenarios.begin(), model->scenarios.end(),
                                     [&](const SavedScenario &x) { return x.name == name; });
        if (it == model->scenarios.end() || name.isEmpty()) {
            QStringList names;
            for (const SavedScenario &x : model->scenarios)
                names << QStringLiteral("\"%1\"").arg(x.name);
            printErr(QStringLiteral("vendorgraph blast: %1 has no scenario \"%2\"; it has %3")
                         .arg(p.positionalArguments().first(), p.value(QStringLiteral("scenario")),
                              names.isEmpty() ? QStringLiteral("none") : names.join(u", ")));
            return Usage;
        }
        s = scenarioOf(*it);
    }
    const BlastRadiusEngine engine(model);
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
    const auto model = loadSharedOrReport(p.positionalArguments().first());
    if (!model)
        return Failed;
    std::vector<VendorRank> ranks = BlastRadiusEngine(model).rank(mode != u"control", mode != u"breach");
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
    const auto model = loadSharedOrReport(p.positionalArguments().first());
    if (!model)
        return Failed;
    const Expected<WhatIf> w = BlastRadiusEngine(model).whatIfRemove(p.value(QStringLiteral("remove")));
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
    const auto model = loadSharedOrReport(p.positionalArguments().first());
    if (!model)
        return Failed;
    const auto subs = BlastRadiusEngine(model).concentration();
    printOut(p.value(QStringLiteral("format")) == u"json" ? json(toJson(subs)) : toText(subs));
    return Ok;
}

namespace {

double ms(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e6; }

// CPU time of the calling thread, in ms: what a quiet machine would take. On a shared machine
// the wall time also counts the time other processes held the cores.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Three data edges a user might draw, each added to the model before: into the middle of
// the services (data passed along), into the active scenario's vendor, and from a population.
std::vector<Edge> benchEdits(const Model &m, const QString &vendor)
{
    std::vector<const Node *> services, people;
    for (const Node &n : m.nodes)
        (n.kind == NodeKind::Service ? services : people).push_back(&n);
    people.erase(
        std::remove_if(people.begin(), people.end(), [](const Node *n) { return n->kind != NodeKind::People; }),
        people.end());
    std::vector<Edge> out;
    auto add = [&](const QString &from, const QString &to, const char *cat) {
        Edge e;
        e.id = QStringLiteral("bench-edit-%1").arg(out.size() + 1);
        e.from = from;
        e.to = to;
        e.kind = EdgeKind::Data;
        e.categories = {QString::fromLatin1(cat)};
        if (e.from != e.to)
            out.push_back(e);
    };
    if (services.size() >= 2)
        add(services[services.size() / 3]->id, services[services.size() / 2]->id, "ID.NAME");
    if (!services.empty())
        add(services[services.size() / 4]->id, vendor, "CONTACT.EMAIL");
    if (!people.empty() && !services.empty())
        add(people.front()->id, services[services.size() / 5]->id, "ID.NAME");
    return out;
}

} // namespace

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
    const auto model = loadSharedOrReport(p.positionalArguments().first());
    if (!model)
        return Failed;
    const double loadS = double(t.nsecsElapsed()) / 1e9;
    t.restart();
    double cpu = threadCpuMs();
    const BlastRadiusEngine engine(model);
    const double prepareS = double(t.nsecsElapsed()) / 1e9;
    const double prepareCpuS = (threadCpuMs() - cpu) / 1e3;
    t.restart();
    cpu = threadCpuMs();
    engine.prepareIndex();
    const double indexS = double(t.nsecsElapsed()) / 1e9;
    const double indexCpuS = (threadCpuMs() - cpu) / 1e3;

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
    // scenario: the analysis (propagation, exposure, obligations, cost); lists: its node and
    // category lists with their ids, as a report builds them; full: both; states: the per-node
    // states an overlay draws (instead of the lists).
    std::vector<double> scenarioMs, listMs, fullMs, statesMs, fullCpuMs;
    double reached = 0;
    for (const Node *v : vendors) {
        QElapsedTimer q;
        const double cpu = threadCpuMs();
        q.start();
        const auto r = engine.run(Scenario{{{v->id, Compromise::Controlled}}, std::nullopt, true});
        scenarioMs.push_back(ms(q));
        if (!r)
            continue;
        const double cpuScenario = threadCpuMs() - cpu;
        QElapsedTimer s;
        s.start();
        r->nodeStates();
        statesMs.push_back(ms(s));
        q.restart();
        const double cpuLists = threadCpuMs();
        reached += double(r->nodes().size());
        r->exposed();
        listMs.push_back(ms(q));
        fullMs.push_back(scenarioMs.back() + listMs.back());
        fullCpuMs.push_back(cpuScenario + threadCpuMs() - cpuLists);
    }
    t.restart();
    const auto ranks = engine.rank(true, true);
    const double rankS = double(t.nsecsElapsed()) / 1e9;
    const double engineRssMb = peakRssMb(); // before what-if and edits, which hold second copies
    // Edits: a data edge added, then the active scenario (the first vendor's) rerun to a
    // complete result (summary, node and category lists). The copy of the model an editor
    // hands over is timed apart.
    std::vector<double> editMs, copyMs, editCpuMs;
    QString editPath;
    if (!vendors.empty()) {
        // The model's active scenario when it has one, else the first vendor controlled.
        Scenario active{{{vendors.front()->id, Compromise::Controlled}}, std::nullopt, true};
        for (const SavedScenario &x : model->scenarios)
            if (x.name == model->activeScenario)
                active = scenarioOf(x);
        BlastRadiusEngine current = engine;
        std::shared_ptr<const Model> m = model;
        for (const Edge &e : benchEdits(*model, vendors.front()->id)) {
            QElapsedTimer q;
            q.start();
            auto edited = std::make_shared<Model>(*m);
            edited->edges.push_back(e);
            copyMs.push_back(ms(q));
            q.restart();
            const double cpu = threadCpuMs();
            current = current.updated(edited);
            const auto r = current.run(active);
            if (r) {
                r->nodes();
                r->exposed();
            }
            editMs.push_back(ms(q));
            editCpuMs.push_back(threadCpuMs() - cpu);
            editPath = current.origin() == BlastRadiusEngine::Origin::Updated ? QStringLiteral("incremental")
                                                                              : QStringLiteral("rebuild");
            m = std::move(edited);
        }
    }
    // What-if on the top vendor, from the engine (its ranking computed above).
    double whatIfS = 0;
    if (!ranks.empty()) {
        t.restart();
        const auto w = engine.whatIfRemove(ranks.front().vendorId);
        whatIfS = w ? double(t.nsecsElapsed()) / 1e9 : -1;
    }
    QJsonObject o;
    o.insert(u"nodes", qint64(model->nodes.size()));
    o.insert(u"edges", qint64(model->edges.size()));
    o.insert(u"load_s", loadS);
    o.insert(u"prepare_s", prepareS);
    o.insert(u"index_s", indexS);
    o.insert(u"prepare_cpu_s", prepareCpuS);
    o.insert(u"index_cpu_s", indexCpuS);
    o.insert(u"queries", qint64(scenarioMs.size()));
    o.insert(u"scenario_median_ms", median(scenarioMs));
    o.insert(u"lists_median_ms", median(listMs));
    o.insert(u"full_scenario_median_ms", median(fullMs));
    o.insert(u"full_scenario_cpu_median_ms", median(fullCpuMs));
    o.insert(u"states_median_ms", median(statesMs));
    std::vector<double> sorted = scenarioMs;
    std::sort(sorted.begin(), sorted.end());
    o.insert(u"scenario_p95_ms", sorted.empty() ? 0.0 : sorted[std::size_t(0.95 * double(sorted.size() - 1))]);
    o.insert(u"mean_reached", scenarioMs.empty() ? 0.0 : reached / double(scenarioMs.size()));
    o.insert(u"edit_update_ms", median(editMs));
    o.insert(u"edit_update_cpu_ms", median(editCpuMs));
    o.insert(u"edit_update_max_ms", editMs.empty() ? 0.0 : *std::max_element(editMs.begin(), editMs.end()));
    o.insert(u"edit_model_copy_ms", median(copyMs));
    o.insert(u"edit_path", editPath);
    o.insert(u"rank_rows", qint64(ranks.size()));
    o.insert(u"rank_s", rankS);
    o.insert(u"whatif_s", whatIfS);
    o.insert(u"peak_rss_before_edits_mb", engineRssMb);
    o.insert(u"peak_rss_mb", peakRssMb());
    printOut(json(o));
    return Ok;
}

} // namespace vg::cli
