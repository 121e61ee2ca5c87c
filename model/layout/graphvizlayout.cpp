// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/layout/graphvizlayout.h"

#include "model/layout/organiclayout.h"
#include "model/layout/placement.h"
#include "model/layout/tierslayout.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <map>

namespace vg {

namespace {

// The ranks dot is given: the Tiers columns (people, services, vendors by hop distance).
// Left to rank a graph itself, dot gives random edges long spans; on a 1,000-node,
// 2,000-edge model that meant 190,000 virtual nodes and minutes of work, against a fraction
// of a second with the ranks fixed. The ranks also keep the reading order of Tiers.
std::vector<int> dotRanks(const LayoutGraph &g)
{
    std::vector<int> columns = tierColumns(g);
    // Numbered 0, 1, 2, ... without gaps.
    std::map<int, int> dense;
    for (const int c : columns)
        dense.emplace(c, 0);
    int next = 0;
    for (auto &[column, rank] : dense)
        rank = next++;
    for (int &c : columns)
        c = dense[c];
    return columns;
}

// dot's ranks, packed: each rank's nodes in dot's order (which minimises crossings), evenly
// spaced and centred on the tallest rank; a rank of more than about sqrt(2.5 n) nodes
// becomes several sub-columns, so that the map keeps a screen's shape. Ranks are in dot's
// left-to-right order.
void packRanks(std::vector<QPointF> &pos, const std::vector<int> &ranks)
{
    const int n = int(pos.size());
    const int most = std::max(12, int(std::sqrt(2.5 * n)));
    std::map<int, std::vector<int>> byRank;
    for (int i = 0; i < n; ++i)
        byRank[ranks[std::size_t(i)]].push_back(i);
    int tallest = 0;
    for (auto &[rank, members] : byRank) {
        std::sort(members.begin(), members.end(),
                  [&](int a, int b) { return pos[std::size_t(a)].y() < pos[std::size_t(b)].y(); });
        const int parts = int((members.size() + std::size_t(most) - 1) / std::size_t(most));
        tallest = std::max(tallest, int((members.size() + std::size_t(parts) - 1) / std::size_t(parts)));
    }
    const double rowStep = kNodeHeight + kRowGap;
    double left = 0;
    for (auto &[rank, members] : byRank) {
        const int parts = int((members.size() + std::size_t(most) - 1) / std::size_t(most));
        const int rows = int((members.size() + std::size_t(parts) - 1) / std::size_t(parts));
        const double top = (tallest - rows) * rowStep / 2;
        for (std::size_t k = 0; k < members.size(); ++k)
            pos[std::size_t(members[k])] =
                QPointF(left + int(k) / rows * (kNodeWidth + kColumnGap / 2), top + int(k) % rows * rowStep);
        left += parts * (kNodeWidth + kColumnGap / 2) + kColumnGap / 2;
    }
}

// The graph in the DOT language, for Graphviz's own program. Nodes are named by index.
// ranks: for dot, each node's rank (dotRanks()); empty for sfdp.
QByteArray dotText(const LayoutGraph &g, const std::vector<int> &ranks)
{
    QByteArray t;
    t.reserve(int(g.size() * 8 + g.edges.size() * 14 + 256));
    // Overlaps of sfdp's result are removed afterwards (snapToFreeCells), much faster than
    // Graphviz's own prism on big graphs.
    t += "digraph g {\ngraph [rankdir=LR, nodesep=0.35, ranksep=1.6, overlap=true, splines=false];\n";
    t += "node [shape=box, fixedsize=true, width=" + QByteArray::number(kNodeWidth / 72.0)
        + ", height=" + QByteArray::number(kNodeHeight / 72.0) + ", label=\"\"];\n";
    for (int i = 0; i < g.size(); ++i)
        t += QByteArray::number(i) + ";\n";
    for (const auto &[a, b] : g.edges)
        t += QByteArray::number(a) + " -> " + QByteArray::number(b) + ";\n";
    if (!ranks.empty()) {
        // One rank=same subgraph per rank, each with an invisible anchor; a chain of anchors
        // keeps the ranks in order from left to right.
        const int count = *std::max_element(ranks.begin(), ranks.end()) + 1;
        std::vector<QByteArray> members(static_cast<std::size_t>(count));
        for (int i = 0; i < g.size(); ++i)
            members[std::size_t(ranks[std::size_t(i)])] += QByteArray::number(i) + "; ";
        for (int r = 0; r < count; ++r) {
            const QByteArray rank = QByteArray::number(r);
            t += "subgraph rank" + rank + " { rank=same; anchor" + rank + " [style=invis, width=0.01, height=0.01]; "
                + members[std::size_t(r)] + "}\n";
            if (r > 0)
                t += "anchor" + QByteArray::number(r - 1) + " -> anchor" + rank + " [style=invis];\n";
        }
    }
    t += "}\n";
    return t;
}

// Reads the node positions from Graphviz's plain output ("node NAME X Y ...", in inches,
// y pointing up) into out, in points with y pointing down. False if a node is missing.
bool readPlain(const QByteArray &plain, std::vector<QPointF> &out)
{
    std::vector<char> seen(out.size(), 0);
    std::size_t found = 0;
    for (const QByteArray &line : plain.split('\n')) {
        if (!line.startsWith("node "))
            continue;
        const QList<QByteArray> f = line.split(' ');
        if (f.size() < 4)
            continue;
        bool okName = false, okX = false, okY = false;
        const int i = f[1].toInt(&okName);
        const double x = f[2].toDouble(&okX), y = f[3].toDouble(&okY);
        if (!okName || !okX || !okY || i < 0 || std::size_t(i) >= out.size() || seen[std::size_t(i)])
            continue; // the rank anchors, or nothing of ours
        seen[std::size_t(i)] = 1;
        ++found;
        out[std::size_t(i)] = QPointF(x * 72.0, -y * 72.0);
    }
    return found == out.size();
}

} // namespace

Expected<std::vector<QPointF>> graphvizLayout(const LayoutGraph &g, const LayoutControl &control, QString *engineUsed)
{
    const int n = g.size();
    std::vector<QPointF> out(static_cast<std::size_t>(n));
    if (n == 0)
        return out;
    const bool dot = n <= kDotMaxNodes && int(g.edges.size()) <= kDotMaxEdges;
    const char *engine = dot ? "dot" : "sfdp";
    if (engineUsed)
        *engineUsed = QString::fromLatin1(engine);
    const std::vector<int> ranks = dot ? dotRanks(g) : std::vector<int>();
    // Graphviz runs as its own program, not as libgvc in a fork of this one: a fork of a
    // process with other threads (the GUI, the analysis worker) may inherit a lock some thread
    // held, and a child that allocates then hangs (it did under AddressSanitizer). A separate
    // process can also be killed at once on Cancel or at the time limit, with nothing leaked.
    QTemporaryFile input(QDir::tempPath() + QStringLiteral("/vendorgraph-layout-XXXXXX.gv"));
    QTemporaryFile errors(QDir::tempPath() + QStringLiteral("/vendorgraph-layout-XXXXXX.txt"));
    const QByteArray text = dotText(g, ranks);
    if (!input.open() || input.write(text) != text.size() || !input.flush())
        return Error(QString(),
                     QStringLiteral("cannot start the layout: cannot write a temporary file in %1: %2")
                         .arg(QDir::tempPath(), input.errorString()));
    if (!errors.open())
        return Error(QString(),
                     QStringLiteral("cannot start the layout: cannot create a temporary file in %1: %2")
                         .arg(QDir::tempPath(), errors.errorString()));
    input.close();
    errors.close();
    const QString dotPath = QStandardPaths::findExecutable(QStringLiteral("dot"));
    if (dotPath.isEmpty())
        return Error(QString(),
                     QStringLiteral("cannot start the layout: Graphviz's dot program was not found (install "
                                    "the graphviz package). Tiers lays out a model of any size."));
    int fds[2], report[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return Error(QString(),
                     QStringLiteral("cannot start the layout: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    if (::pipe2(report, O_CLOEXEC) != 0) {
        const int e = errno;
        ::close(fds[0]);
        ::close(fds[1]);
        return Error(QString(),
                     QStringLiteral("cannot start the layout: %1").arg(QString::fromLocal8Bit(std::strerror(e))));
    }
    const QByteArray program = QFile::encodeName(dotPath), inputPath = QFile::encodeName(input.fileName()),
                     errorsPath = QFile::encodeName(errors.fileName()), engineFlag = QByteArray("-K") + engine;
    char *argv[] = {const_cast<char *>("dot"), const_cast<char *>(engineFlag.constData()),
                    const_cast<char *>("-Tplain"), const_cast<char *>(inputPath.constData()), nullptr};
    // Between fork and exec the child calls only async-signal-safe functions (nothing that
    // allocates: other threads may hold the allocator's lock). It is killed when the thread
    // that started it ends (PR_SET_PDEATHSIG): a VendorGraph killed or crashed mid-layout
    // leaves no dot running on. An exec that fails reports its errno through `report`.
    const pid_t parent = ::getpid();
    const pid_t child = ::fork();
    if (child == 0) {
        int e = 0;
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)
            ::_exit(127);
        const int in = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        const int err = ::open(errorsPath.constData(), O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (in >= 0 && err >= 0 && ::dup2(in, 0) >= 0 && ::dup2(fds[1], 1) >= 0 && ::dup2(err, 2) >= 0)
            ::execv(program.constData(), argv);
        e = errno;
        [[maybe_unused]] const ssize_t w = ::write(report[1], &e, sizeof e);
        ::_exit(127);
    }
    ::close(fds[1]);
    ::close(report[1]);
    if (child < 0) {
        const int e = errno;
        ::close(fds[0]);
        ::close(report[0]);
        return Error(
            QString(),
            QStringLiteral("cannot start Graphviz's dot program: %1").arg(QString::fromLocal8Bit(std::strerror(e))));
    }
    int execErrno = 0;
    ssize_t reported = 0;
    while ((reported = ::read(report[0], &execErrno, sizeof execErrno)) < 0 && errno == EINTR) { }
    ::close(report[0]);
    if (reported == ssize_t(sizeof execErrno)) { // the exec failed: nothing runs
        ::close(fds[0]);
        int status = 0;
        while (::waitpid(child, &status, 0) < 0 && errno == EINTR) { }
        return Error(QString(),
                     QStringLiteral("cannot start Graphviz's dot program (%1): %2")
                         .arg(dotPath, QString::fromLocal8Bit(std::strerror(execErrno))));
    }
    QByteArray plain;
    char buffer[65536];
    bool cancelled = false, outOfTime = false;
    int ticks = 0;
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        pollfd pfd{fds[0], POLLIN, 0};
        const int r = ::poll(&pfd, 1, 50);
        if (control.cancelled()) {
            cancelled = true;
            break;
        }
        if (clock.elapsed() > control.timeLimitMs) {
            outOfTime = true;
            break;
        }
        if (r == 0) {
            // No output until the layout is done: show that it is alive.
            control.report(std::min(0.9, 0.05 + 0.01 * ++ticks / 2.0));
            continue;
        }
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            break; // cannot wait for output: the exit status or the missing nodes say so below
        const ssize_t k = ::read(fds[0], buffer, sizeof buffer);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        plain.append(buffer, int(k));
    }
    ::close(fds[0]);
    // dot may close its output before it ends (freeing a big graph): Cancel and the time limit
    // still apply while it does.
    int status = 0;
    bool reaped = false;
    while (!reaped && !cancelled && !outOfTime) {
        const pid_t w = ::waitpid(child, &status, WNOHANG);
        if (w == child || (w < 0 && errno != EINTR)) {
            reaped = true;
        } else if (control.cancelled()) {
            cancelled = true;
        } else if (clock.elapsed() > control.timeLimitMs) {
            outOfTime = true;
        } else if (w == 0) {
            ::usleep(20000);
        }
    }
    if (!reaped) {
        ::kill(child, SIGKILL);
        while (::waitpid(child, &status, 0) < 0 && errno == EINTR) { }
    }
    if (cancelled)
        return layoutCancelled();
    if (outOfTime)
        return Error(QString(),
                     QStringLiteral("the layered layout (Graphviz %1) of %2 nodes did not finish within %3 s and was "
                                    "stopped; nothing moved. Tiers lays out a model of any size.")
                         .arg(QString::fromLatin1(engine))
                         .arg(n)
                         .arg(control.timeLimitMs / 1000.0));
    const bool exitedWell = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (!exitedWell || !readPlain(plain, out)) {
        QString said;
        if (errors.open())
            said = QString::fromLocal8Bit(errors.read(400)).trimmed();
        const QString how = !exitedWell
            ? (WIFEXITED(status)
                   ? QStringLiteral("exit status %1").arg(WEXITSTATUS(status))
                   : QStringLiteral("stopped by signal %1").arg(WIFSIGNALED(status) ? WTERMSIG(status) : -1))
            : QStringLiteral("its output lacks some of the %1 nodes").arg(n);
        return Error(
            QString(),
            QStringLiteral("Graphviz (%1) could not lay out the graph (%2)%3")
                .arg(QString::fromLatin1(engine), how, said.isEmpty() ? QString() : QStringLiteral(": ") + said));
    }
    if (dot)
        packRanks(out, ranks);
    else // sfdp places nodes by force: make sure no two overlap
        snapToFreeCells(out, QSizeF(kNodeWidth + 28, kNodeHeight + 28));
    control.report(1.0);
    return out;
}

} // namespace vg
