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
                        "[--paths] [--format text|json]"),
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
        {QStringLiteral("bench-canvas"), QStringLiteral("MODEL [--width W --height H]"),
         QStringLiteral("time opening, drawing, laying out and editing the map, offscreen (JSON)"), &cmdBenchCanvas},
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
    if (a.startsWith(QLatin1Char('-')))
        return true; // an unknown option: reported as a usage error
    // Anything else opens in the desktop app if it can be a model file; a word that is
    // neither a file nor a model name is a mistyped command.
    const QString suffix = QFileInfo(a).suffix().toLower();
    return !QFileInfo::exists(a) && suffix != u"json" && suffix != u"vgdb";
}

bool needsWidgets(const QStringList &args)
{
    static const QStringList drawing{QStringLiteral("bench-canvas")};
    return !args.isEmpty() && drawing.contains(args.first());
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
