// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/layout/graphvizlayout.h"

#include "model/layout/organiclayout.h"
#include "model/layout/placement.h"
#include "model/layout/tierslayout.h"

#include <QElapsedTimer>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <poll.h>
#include <signal.h>
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

// In the child: lays out and writes 2 doubles per node to fd. Returns the exit code.
// ranks: for dot, each node's rank (dotRanks()); empty for sfdp.
int layoutInChild(const LayoutGraph &g, const char *engine, const std::vector<int> &ranks, int fd)
{
    GVC_t *gvc = gvContext();
    Agraph_t *graph = agopen(const_cast<char *>("g"), Agdirected, nullptr);
    agattr(graph, AGRAPH, const_cast<char *>("rankdir"), const_cast<char *>("LR"));
    agattr(graph, AGRAPH, const_cast<char *>("nodesep"), const_cast<char *>("0.35"));
    agattr(graph, AGRAPH, const_cast<char *>("ranksep"), const_cast<char *>("1.6"));
    // Overlaps of sfdp's result are removed afterwards (snapToFreeCells), much faster than
    // Graphviz's own prism on big graphs.
    agattr(graph, AGRAPH, const_cast<char *>("overlap"), const_cast<char *>("true"));
    agattr(graph, AGRAPH, const_cast<char *>("splines"), const_cast<char *>("false"));
    const QByteArray w = QByteArray::number(kNodeWidth / 72.0), h = QByteArray::number(kNodeHeight / 72.0);
    agattr(graph, AGNODE, const_cast<char *>("shape"), const_cast<char *>("box"));
    agattr(graph, AGNODE, const_cast<char *>("fixedsize"), const_cast<char *>("true"));
    agattr(graph, AGNODE, const_cast<char *>("width"), const_cast<char *>(w.constData()));
    agattr(graph, AGNODE, const_cast<char *>("height"), const_cast<char *>(h.constData()));
    agattr(graph, AGNODE, const_cast<char *>("label"), const_cast<char *>(""));
    std::vector<Agnode_t *> nodes(std::size_t(g.size()));
    for (int i = 0; i < g.size(); ++i) {
        const QByteArray name = QByteArray::number(i);
        nodes[std::size_t(i)] = agnode(graph, const_cast<char *>(name.constData()), 1);
    }
    for (const auto &[a, b] : g.edges)
        agedge(graph, nodes[std::size_t(a)], nodes[std::size_t(b)], nullptr, 1);
    if (!ranks.empty()) {
        // One rank=same subgraph per rank, each with an invisible anchor; a chain of anchors
        // keeps the ranks in order from left to right.
        const int count = *std::max_element(ranks.begin(), ranks.end()) + 1;
        agattr(graph, AGNODE, const_cast<char *>("style"), const_cast<char *>(""));
        agattr(graph, AGEDGE, const_cast<char *>("style"), const_cast<char *>(""));
        std::vector<Agraph_t *> groups(static_cast<std::size_t>(count), nullptr);
        Agnode_t *previous = nullptr;
        for (int r = 0; r < count; ++r) {
            const QByteArray name = "rank" + QByteArray::number(r);
            groups[std::size_t(r)] = agsubg(graph, const_cast<char *>(name.constData()), 1);
            agsafeset(groups[std::size_t(r)], const_cast<char *>("rank"), const_cast<char *>("same"),
                      const_cast<char *>(""));
            const QByteArray anchorName = "anchor" + QByteArray::number(r);
            Agnode_t *anchor = agnode(groups[std::size_t(r)], const_cast<char *>(anchorName.constData()), 1);
            agset(anchor, const_cast<char *>("style"), const_cast<char *>("invis"));
            agset(anchor, const_cast<char *>("width"), const_cast<char *>("0.01"));
            agset(anchor, const_cast<char *>("height"), const_cast<char *>("0.01"));
            if (previous) {
                Agedge_t *e = agedge(graph, previous, anchor, nullptr, 1);
                agset(e, const_cast<char *>("style"), const_cast<char *>("invis"));
            }
            previous = anchor;
        }
        for (int i = 0; i < g.size(); ++i)
            agsubnode(groups[std::size_t(ranks[std::size_t(i)])], nodes[std::size_t(i)], 1);
    }
    if (gvLayout(gvc, graph, engine) != 0)
        return 3;
    std::vector<double> out;
    out.reserve(std::size_t(g.size()) * 2);
    for (Agnode_t *n : nodes) {
        out.push_back(ND_coord(n).x);
        out.push_back(-ND_coord(n).y); // Graphviz's y axis points up
    }
    const char *p = reinterpret_cast<const char *>(out.data());
    std::size_t left = out.size() * sizeof(double);
    while (left > 0) {
        const ssize_t k = ::write(fd, p, left);
        if (k <= 0)
            return 4;
        p += k;
        left -= std::size_t(k);
    }
    // No cleanup: the process ends here.
    return 0;
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
    int fds[2];
    if (::pipe(fds) != 0)
        return Error(QString(),
                     QStringLiteral("cannot start the layout: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    const pid_t child = ::fork();
    if (child < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return Error(QString(),
                     QStringLiteral("cannot start the layout: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    }
    if (child == 0) {
        ::close(fds[0]);
        ::_exit(layoutInChild(g, engine, ranks, fds[1]));
    }
    ::close(fds[1]);
    std::vector<double> coords(std::size_t(n) * 2);
    char *dst = reinterpret_cast<char *>(coords.data());
    std::size_t want = coords.size() * sizeof(double), got = 0;
    bool cancelled = false, outOfTime = false;
    int ticks = 0;
    QElapsedTimer clock;
    clock.start();
    while (got < want) {
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
        const ssize_t k = ::read(fds[0], dst + got, want - got);
        if (k <= 0)
            break;
        got += std::size_t(k);
    }
    ::close(fds[0]);
    if (cancelled || outOfTime)
        ::kill(child, SIGKILL);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) { }
    if (cancelled)
        return layoutCancelled();
    if (outOfTime)
        return Error(QString(),
                     QStringLiteral("the layered layout (Graphviz %1) of %2 nodes did not finish within %3 s and was "
                                    "stopped; nothing moved. Tiers lays out a model of any size.")
                         .arg(QString::fromLatin1(engine))
                         .arg(n)
                         .arg(control.timeLimitMs / 1000.0));
    if (got < want || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return Error(QString(),
                     QStringLiteral("Graphviz (%1) could not lay out the graph (exit status %2)")
                         .arg(QString::fromLatin1(engine))
                         .arg(WIFEXITED(status) ? WEXITSTATUS(status) : -1));
    for (int i = 0; i < n; ++i)
        out[std::size_t(i)] = QPointF(coords[std::size_t(2 * i)], coords[std::size_t(2 * i + 1)]);
    if (dot)
        packRanks(out, ranks);
    else // sfdp places nodes by force: make sure no two overlap
        snapToFreeCells(out, QSizeF(kNodeWidth + 28, kNodeHeight + 28));
    control.report(1.0);
    return out;
}

} // namespace vg
