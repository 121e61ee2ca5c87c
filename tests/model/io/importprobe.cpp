// SPDX-License-Identifier: GPL-3.0-or-later
// Test helper for tst_hostileinputs: imports FILE (planImport, as `vendorgraph import` and the
// app's import wizard do) or, with --model, opens it as a model (loadModel), in a process of
// its own so that its memory can be measured. Prints one line:
//   ok=0|1 ms=WALL cpu_ms=CPU rss_before_kb=N rss_peak_kb=N message=FIRST LINE OF THE ERROR
// (CPU: the process's processor time, which a busy machine does not inflate).
#include "model/io/importer.h"
#include "model/io/modelfile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>
#include <ctime>

namespace {

// A figure of /proc/self/status in kB: VmRSS now, VmHWM the peak since exec (getrusage's
// ru_maxrss would also count the parent's pages before the exec).
long statusKb(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(int(qstrlen(key))).trimmed().split(' ').value(0).toLong();
    return -1;
}

qint64 cpuMsNow()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const bool model = args.contains(QStringLiteral("--model"));
    const QString file = args.last();
    if (args.size() < 2)
        return 2;
    const long before = statusKb("VmRSS:");
    QElapsedTimer t;
    t.start();
    const qint64 cpuBefore = cpuMsNow();
    QString message;
    bool ok = false;
    if (model) {
        const vg::Expected<vg::Model> m = vg::loadModel(file);
        ok = m.ok();
        message = ok ? QString() : m.error().message();
    } else {
        const vg::Expected<vg::ImportPlan> plan =
            vg::planImport({vg::ImportSource{file, vg::ImportFormat::Auto, {}}}, vg::Model());
        ok = plan.ok();
        message = ok ? QString() : plan.error().message();
    }
    const qint64 ms = t.elapsed();
    const qint64 cpuMs = cpuMsNow() - cpuBefore;
    std::printf("ok=%d ms=%lld cpu_ms=%lld rss_before_kb=%ld rss_peak_kb=%ld message=%s\n", ok ? 1 : 0, ms, cpuMs,
                before, statusKb("VmHWM:"), qPrintable(message.section(QLatin1Char('\n'), 0, 0).left(300)));
    return 0;
}
