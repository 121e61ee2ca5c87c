// SPDX-License-Identifier: GPL-3.0-or-later
// server-init, push, pull, history, bench-team: the team server from the command line.
#include "app/cli/cli.h"
#include "app/cli/subcommands.h"

#include "model/io/generator.h"
#include "model/io/modelfile.h"
#include "model/team/teambench.h"
#include "model/team/teamio.h"
#include "model/team/teamurl.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>
#include <QTimeZone>

namespace vg::cli {

namespace {

bool checkUrl(const Command &c, const QString &text, bool modelOptional = false)
{
    if (const auto u = TeamUrl::parse(text, modelOptional); !u) {
        printErr(QStringLiteral("vendorgraph %1: %2").arg(c.name, u.error().message()));
        return false;
    }
    return true;
}

QJsonValue optional(const std::optional<QString> &s) { return s ? QJsonValue(*s) : QJsonValue(QJsonValue::Null); }

} // namespace

int cmdServerInit(const Command &c, const QStringList &args)
{
    QCommandLineParser p;
    if (!parseArgs(c, p, args, 1, 1))
        return Usage;
    const QString url = p.positionalArguments().first();
    if (!checkUrl(c, url, true))
        return Usage;
    const Expected<int> before = initServer(url);
    if (!before)
        return reportError(before.error());
    const QString display = TeamUrl::parse(url, true)->display();
    if (*before == 0)
        printOut(QStringLiteral("%1: created the VendorGraph schema and the roles vendorgraph_viewer, "
                                "vendorgraph_editor and vendorgraph_admin\n")
                     .arg(display));
    else
        printOut(
            QStringLiteral("%1: the VendorGraph schema is current (it was version %2)\n").arg(display).arg(*before));
    return Ok;
}

int cmdPush(const Command &c, const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("replace"), QStringLiteral("replace a model of that name (admins only)")});
    if (!parseArgs(c, p, args, 2, 2))
        return Usage;
    const QString file = p.positionalArguments().at(0), url = p.positionalArguments().at(1);
    if (!checkUrl(c, url))
        return Usage;
    const auto m = loadOrReport(file);
    if (!m)
        return Failed;
    if (Status s = pushModel(*m, url, p.isSet(QStringLiteral("replace")),
                             QStringLiteral("Published from %1").arg(QFileInfo(file).fileName()));
        !s)
        return reportError(s.error());
    return Ok;
}

int cmdPull(const Command &c, const QStringList &args)
{
    QCommandLineParser p;
    if (!parseArgs(c, p, args, 2, 2))
        return Usage;
    const QString url = p.positionalArguments().at(0), file = p.positionalArguments().at(1);
    if (!checkUrl(c, url))
        return Usage;
    if (auto f = formatForPath(file); !f || *f == FileFormat::TeamServer) {
        printErr(QStringLiteral("vendorgraph pull: FILE must end in .json or .vgdb, found \"%1\"").arg(file));
        return Usage;
    }
    const auto m = loadOrReport(url);
    if (!m)
        return Failed;
    if (Status s = saveModel(*m, file); !s)
        return reportError(s.error());
    return Ok;
}

int cmdHistory(const Command &c, const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("node"), QStringLiteral("only this node"), QStringLiteral("ID")});
    p.addOption({QStringLiteral("edge"), QStringLiteral("only this edge"), QStringLiteral("ID")});
    p.addOption({QStringLiteral("since"), QStringLiteral("only changes from this date (YYYY-MM-DD, local time)"),
                 QStringLiteral("DATE")});
    p.addOption({QStringLiteral("author"), QStringLiteral("only changes by this login"), QStringLiteral("LOGIN")});
    p.addOption({QStringLiteral("limit"), QStringLiteral("at most N entries (default 1000)"), QStringLiteral("N")});
    p.addOption(
        {QStringLiteral("format"), QStringLiteral("text or json"), QStringLiteral("FORMAT"), QStringLiteral("text")});
    if (!parseArgs(c, p, args, 1, 1))
        return Usage;
    const QString url = p.positionalArguments().first();
    if (!checkUrl(c, url))
        return Usage;
    const QString format = p.value(QStringLiteral("format"));
    if (format != u"text" && format != u"json") {
        printErr(QStringLiteral("vendorgraph history: --format must be text or json, found \"%1\"").arg(format));
        return Usage;
    }
    if (p.isSet(QStringLiteral("node")) && p.isSet(QStringLiteral("edge"))) {
        printErr(QStringLiteral("vendorgraph history: give --node or --edge, not both"));
        return Usage;
    }
    HistoryQuery q;
    if (p.isSet(QStringLiteral("node"))) {
        q.kind = ItemKind::Node;
        q.itemId = p.value(QStringLiteral("node"));
    } else if (p.isSet(QStringLiteral("edge"))) {
        q.kind = ItemKind::Edge;
        q.itemId = p.value(QStringLiteral("edge"));
    }
    q.author = p.value(QStringLiteral("author"));
    if (p.isSet(QStringLiteral("since"))) {
        const QDate d = QDate::fromString(p.value(QStringLiteral("since")), Qt::ISODate);
        if (!d.isValid()) {
            printErr(QStringLiteral("vendorgraph history: --since expects a date as YYYY-MM-DD, found \"%1\"")
                         .arg(p.value(QStringLiteral("since"))));
            return Usage;
        }
        q.since = d.startOfDay();
    }
    if (p.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        q.limit = p.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || q.limit < 1) {
            printErr(QStringLiteral("vendorgraph history: --limit expects a whole number of at least 1"));
            return Usage;
        }
    }
    const auto entries = modelHistory(url, q);
    if (!entries)
        return reportError(entries.error());
    if (format == u"json") {
        QJsonArray a;
        for (const HistoryEntry &h : *entries)
            a.append(QJsonObject{{QStringLiteral("revision"), h.revision},
                                 {QStringLiteral("author"), h.author},
                                 {QStringLiteral("at"), h.at.toUTC().toString(Qt::ISODateWithMs)},
                                 {QStringLiteral("kind"), toString(h.kind)},
                                 {QStringLiteral("id"), h.itemId},
                                 {QStringLiteral("field"), h.field.isEmpty() ? QJsonValue() : QJsonValue(h.field)},
                                 {QStringLiteral("before"), optional(h.before)},
                                 {QStringLiteral("after"), optional(h.after)},
                                 {QStringLiteral("summary"), h.summary}});
        printOut(json(a));
        return Ok;
    }
    QString out;
    QTextStream s(&out);
    for (const HistoryEntry &h : *entries) {
        s << 'r' << h.revision << "  " << h.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << "  "
          << h.author << "  " << toString(h.kind) << ' ' << (h.itemId.isEmpty() ? QStringLiteral("-") : h.itemId)
          << "  ";
        if (h.field == u"published" && !h.before && !h.after)
            s << (h.itemId.isEmpty() ? "published the model" : "created by the publish");
        else if (h.field.isEmpty() && h.after)
            s << "created " << *h.after;
        else if (h.field.isEmpty())
            s << "removed (was " << h.before.value_or(QString()) << ')';
        else
            s << h.field << ": " << h.before.value_or(QStringLiteral("(none)")) << " -> "
              << h.after.value_or(QStringLiteral("(none)"));
        if (!h.summary.isEmpty())
            s << "  [" << h.summary << ']';
        s << '\n';
    }
    if (entries->empty())
        s << "no changes recorded for this selection\n";
    s.flush();
    printOut(out);
    return Ok;
}

} // namespace vg::cli

namespace vg::cli {

int cmdBenchTeam(const Command &c, const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("model"),
                 QStringLiteral("the model to upload (default: the generated 70,000-node "
                                "/ 500,000-edge model, seed 1)"),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("clients"), QStringLiteral("simulated clients (default 10)"), QStringLiteral("N")});
    p.addOption(
        {QStringLiteral("seconds"), QStringLiteral("length of the edit storm (default 30)"), QStringLiteral("S")});
    if (!parseArgs(c, p, args, 1, 1))
        return Usage;
    const QString url = p.positionalArguments().first();
    if (!checkUrl(c, url))
        return Usage;
    TeamBenchParams params;
    for (const auto &[name, target] : {std::pair{QStringLiteral("clients"), &params.clients},
                                       std::pair{QStringLiteral("seconds"), &params.seconds}}) {
        if (!p.isSet(name))
            continue;
        bool ok = false;
        *target = p.value(name).toInt(&ok);
        if (!ok || *target < (name == u"clients" ? 2 : 1)) {
            printErr(
                QStringLiteral("vendorgraph bench-team: --%1 expects a whole number (clients: 2 or more)").arg(name));
            return Usage;
        }
    }
    Model model;
    if (p.isSet(QStringLiteral("model"))) {
        auto m = loadOrReport(p.value(QStringLiteral("model")));
        if (!m)
            return Failed;
        model = std::move(*m);
    } else {
        GeneratorParams g;
        g.people = 50;
        g.services = 20000;
        g.vendors = 50000;
        g.edges = 500000;
        g.seed = 1;
        model = generateModel(g);
    }
    const auto out = runTeamBench(model, url, params, [](const QString &line) { printErr(line); });
    if (!out)
        return reportError(out.error());
    printOut(json(*out));
    return Ok;
}

} // namespace vg::cli
