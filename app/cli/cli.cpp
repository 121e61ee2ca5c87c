// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/cli.h"

#include "app/cli/subcommands.h"

#include <QFileInfo>
#include <QTextStream>

#include <cstdio>

namespace vg::cli {

namespace {

const QList<Command> &commands()
{
    static const QList<Command> all = {
        {QStringLiteral("validate"), QStringLiteral("FILE"), QStringLiteral("list every problem in a model file"),
         &cmdValidate},
        {QStringLiteral("convert"), QStringLiteral("IN OUT"),
         QStringLiteral("convert between .json and .vgdb (by extension)"), &cmdConvert},
        {QStringLiteral("sample"), QStringLiteral("OUT"), QStringLiteral("write the bundled sample model"), &cmdSample},
        {QStringLiteral("generate"),
         QStringLiteral("--people P --services S --vendors V --edges E --seed N [--shape default|deep-chains] OUT"),
         QStringLiteral("write a reproducible synthetic model"), &cmdGenerate},
        {QStringLiteral("blast"),
         QStringLiteral("MODEL ((--breach ID | --control ID)... [--max-hops N] [--no-potential] | --scenario NAME) "
                        "[--paths] [--format text|json|csv]"),
         QStringLiteral("blast radius of a breach or control scenario"), &cmdBlast},
        {QStringLiteral("rank"),
         QStringLiteral("MODEL [--mode breach|control|both] [--top N] "
                        "[--format text|json|csv]"),
         QStringLiteral("rank every vendor by blast radius"), &cmdRank},
        {QStringLiteral("whatif"), QStringLiteral("MODEL --remove ID [--format text|json]"),
         QStringLiteral("what changes when a vendor is dropped"), &cmdWhatIf},
        {QStringLiteral("concentration"), QStringLiteral("MODEL [--format text|json]"),
         QStringLiteral("sub-processors shared by several vendors"), &cmdConcentration},
        {QStringLiteral("bench"), QStringLiteral("MODEL [--queries N]"),
         QStringLiteral("time the blast-radius engine (JSON)"), &cmdBench},
        {QStringLiteral("bench-io"), QStringLiteral("MODEL.json"),
         QStringLiteral("time JSON import, .vgdb save and open (JSON)"), &cmdBenchIo},
        {QStringLiteral("report"),
         QStringLiteral("MODEL (--breach ID | --control ID)... --out FILE.pdf [--page a4|letter] [--max-hops N] "
                        "[--no-potential] [--layout tiers|layered|organic]"),
         QStringLiteral("the incident one-pager of a scenario (PDF)"), &cmdReport},
        {QStringLiteral("bench-canvas"), QStringLiteral("MODEL [--width W --height H] [--skip-layouts] [--save DIR]"),
         QStringLiteral("time opening, drawing, laying out and editing the map, offscreen (JSON)"), &cmdBenchCanvas},
        {QStringLiteral("bench-export"),
         QStringLiteral("MODEL [--breach ID]... [--layout tiers|layered|organic] [--runs N]"),
         QStringLiteral("time PNG 2x, SVG and PDF diagrams and the one-pager, offscreen (JSON)"), &cmdBenchExport},
        {QStringLiteral("export"),
         QStringLiteral("MODEL --format json|csv|graphml|dot|mermaid|png|svg|pdf --out PATH [--raw-csv] [--no-bom] "
                        "[--scope all|blast] [--breach ID]... [--control ID]... [--layout tiers|layered|organic] "
                        "[--scale N] [--title T] [--page a4|letter]"),
         QStringLiteral("write the model in another format (csv: PATH is a folder)"), &cmdExport},
        {QStringLiteral("import"),
         QStringLiteral("IN... --out MODEL [--into EXISTING] [--dry-run] [--uncertain merge|separate] "
                        "[--skip-rejected] [--default-kind K] [--default-edge-kind K] [--name-column C] "
                        "[--kind-column C] [--kind-value VALUE=KIND]..."),
         QStringLiteral("import CSV inventories, sub-processor sheets, GraphML or GEXF"), &cmdImport},
        {QStringLiteral("bench-import"), QStringLiteral("IN... [--into EXISTING]"),
         QStringLiteral("time an import without writing it (JSON)"), &cmdBenchImport},
        {QStringLiteral("server-init"), QStringLiteral("URL"),
         QStringLiteral("create or migrate a team server's schema and roles"), &cmdServerInit},
        {QStringLiteral("push"), QStringLiteral("FILE URL [--replace]"),
         QStringLiteral("publish a model file to a team server"), &cmdPush},
        {QStringLiteral("pull"), QStringLiteral("URL FILE"), QStringLiteral("save a team model as .json or .vgdb"),
         &cmdPull},
        {QStringLiteral("history"),
         QStringLiteral("URL [--node ID | --edge ID] [--since DATE] [--author LOGIN] [--format text|json]"),
         QStringLiteral("who changed what in a team model, and when"), &cmdHistory},
        {QStringLiteral("bench-team"), QStringLiteral("URL [--model FILE] [--clients N] [--seconds S]"),
         QStringLiteral("time push, open, edit round trip and convergence on a team server (JSON; deletes "
                        "URL's model)"),
         &cmdBenchTeam},
    };
    return all;
}

QString usage()
{
    QString out;
    QTextStream s(&out);
    s << "Usage: vendorgraph [FILE]                 open the desktop app (on FILE, the last file or the sample)\n"
         "       vendorgraph --sample               open the desktop app on the bundled sample\n"
         "       vendorgraph COMMAND [ARGS...]      work headless\n\nCommands:\n";
    for (const Command &c : commands())
        s << "  " << c.name << ' ' << c.synopsis << "\n      " << c.summary << '\n';
    s << "\nOptions: --help, --version. `vendorgraph COMMAND --help` describes one command.\n"
         "MODEL is a .json or .vgdb file, or a team server URL postgresql://host/dbname?model=NAME.\n"
         "Exit codes: 0 success; 1 invalid input or failed operation (the message names the file and place);\n"
         "            2 usage error (unknown command, option or id).\n";
    return out;
}

} // namespace

void printOut(const QString &text)
{
    const QByteArray u = text.toUtf8();
    std::fwrite(u.constData(), 1, std::size_t(u.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString &text)
{
    const QByteArray u = text.toUtf8();
    std::fwrite(u.constData(), 1, std::size_t(u.size()), stderr);
    if (!text.endsWith(QLatin1Char('\n')))
        std::fputc('\n', stderr);
}

bool isHeadless(const QStringList &args)
{
    if (args.isEmpty())
        return false;
    const QString &a = args.first();
    if (a == u"--help" || a == u"-h" || a == u"--version" || a == u"-v" || a == u"help")
        return true;
    for (const Command &c : commands())
        if (c.name == a)
            return true;
    if (a == u"--sample")
        return false; // the desktop app on the bundled sample
    if (a.startsWith(QLatin1String("postgresql://")) || a.startsWith(QLatin1String("postgres://")))
        return false; // the desktop app on a team model
    if (a.startsWith(QLatin1Char('-')))
        return true; // an unknown option: reported as a usage error
    // Anything else opens in the desktop app if it can be a model file; a word that is
    // neither a file nor a model name is a mistyped command.
    const QString suffix = QFileInfo(a).suffix().toLower();
    return !QFileInfo::exists(a) && suffix != u"json" && suffix != u"vgdb";
}

bool needsWidgets(const QStringList &args)
{
    if (args.isEmpty())
        return false;
    if (args.first() == u"bench-canvas" || args.first() == u"bench-export" || args.first() == u"report")
        return true;
    // export draws only diagrams with the canvas.
    if (args.first() == u"export")
        for (qsizetype i = 1; i < args.size(); ++i) {
            const QString a = args[i];
            const QString value = a.startsWith(QLatin1String("--format=")) ? a.mid(9)
                : a == u"--format"                                         ? args.value(i + 1)
                                                                           : QString();
            if (value == u"png" || value == u"svg" || value == u"pdf")
                return true;
        }
    return false;
}

int run(const QStringList &args)
{
    const QString &first = args.first();
    if (first == u"--help" || first == u"-h" || first == u"help") {
        printOut(usage());
        return Ok;
    }
    if (first == u"--version" || first == u"-v") {
        printOut(QStringLiteral("vendorgraph %1\n").arg(QStringLiteral(VENDORGRAPH_VERSION)));
        return Ok;
    }
    for (const Command &c : commands())
        if (c.name == first) {
            if (args.contains(QStringLiteral("--help"))) {
                printOut(QStringLiteral("Usage: vendorgraph %1 %2\n  %3\n").arg(c.name, c.synopsis, c.summary));
                return Ok;
            }
            return c.run(c, args.mid(1));
        }
    printErr(QStringLiteral("vendorgraph: unknown command \"%1\"\n\n").arg(first) + usage());
    return Usage;
}

} // namespace vg::cli
