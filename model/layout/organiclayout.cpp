// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/layout/organiclayout.h"

#include "model/layout/placement.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>

#include <QSet>

#include <cmath>
#include <numeric>

namespace vg {

namespace {

struct Cancelled { };

// Linear cooling that also reports progress and stops on cancel (by throwing, the only way
// out of Boost's loop; caught below).
struct Cooling {
    int iterations;
    double start;
    const LayoutControl *control;
    int step = 0;
    double operator()()
    {
        if (control->cancelled())
            throw Cancelled();
        control->report(double(step) / iterations * 0.9);
        if (step >= iterations)
            return 0;
        return start * (1.0 - double(step++) / iterations);
    }
};

} // namespace

void snapToFreeCells(std::vector<QPointF> &points, QSizeF cell)
{
    if (points.empty())
        return;
    QPointF centre;
    for (const QPointF &p : points)
        centre += p;
    centre /= double(points.size());
    std::vector<std::size_t> order(points.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const double da = QLineF(points[a], centre).length(), db = QLineF(points[b], centre).length();
        return da != db ? da < db : a < b;
    });
    QSet<quint64> taken;
    auto key = [](qint64 x, qint64 y) { return quint64(quint32(qint32(x))) << 32 | quint32(qint32(y)); };
    for (const std::size_t i : order) {
        const qint64 cx = qint64(std::llround(points[i].x() / cell.width()));
        const qint64 cy = qint64(std::llround(points[i].y() / cell.height()));
        // Rings of growing radius around the wanted cell.
        for (qint64 r = 0;; ++r) {
            qint64 bx = 0, by = 0;
            double bestD = -1;
            for (qint64 dx = -r; dx <= r; ++dx)
                for (qint64 dy = -r; dy <= r; ++dy) {
                    if (std::max(std::abs(dx), std::abs(dy)) != r || taken.contains(key(cx + dx, cy + dy)))
                        continue;
                    const double d = double(dx * dx) + double(dy * dy);
                    if (bestD < 0 || d < bestD) {
                        bestD = d;
                        bx = cx + dx;
                        by = cy + dy;
                    }
                }
            if (bestD >= 0) {
                taken.insert(key(bx, by));
                points[i] = QPointF(double(bx) * cell.width(), double(by) * cell.height());
                break;
            }
        }
    }
}

Expected<std::vector<QPointF>> organicLayout(const LayoutGraph &g, const LayoutControl &control)
{
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    using Topology = boost::rectangle_topology<boost::minstd_rand>;
    const int n = g.size();
    std::vector<QPointF> out(static_cast<std::size_t>(n));
    if (n == 0)
        return out;
    Graph graph(static_cast<std::size_t>(n));
    for (const auto &[a, b] : g.edges)
        boost::add_edge(std::size_t(a), std::size_t(b), graph);
    // Boost sizes the grid of force pairs from the topology's area as 2 x area / sqrt(n),
    // which is twice the ideal edge length only for a unit square: so the layout runs in a
    // unit square (ideal edge length 1/sqrt(n)) and is scaled to node spacing afterwards.
    // In a larger square every node falls into one cell and each step costs n^2.
    const double spacing = kNodeWidth * 1.6;
    const double unit = 1.0 / std::sqrt(double(n));
    boost::minstd_rand rng(20251129);
    Topology topology(rng, -0.5, -0.5, 0.5, 0.5);
    std::vector<Topology::point_type> pos(static_cast<std::size_t>(n));
    auto pmap = boost::make_iterator_property_map(pos.begin(), boost::get(boost::vertex_index, graph));
    const int iterations = n < 2000 ? 120 : n < 20000 ? 60 : 30;
    try {
        boost::random_graph_layout(graph, pmap, topology);
        // A start temperature of a few node widths: hotter throws nodes to the borders,
        // where they pile up and the grid of force pairs degenerates.
        Cooling cooling{iterations, unit * 3, &control};
        boost::fruchterman_reingold_force_directed_layout(graph, pmap, topology, boost::cooling(std::ref(cooling)));
    } catch (const Cancelled &) {
        return layoutCancelled();
    } catch (const std::exception &e) {
        return Error(QString(), QStringLiteral("the organic layout failed: %1").arg(QString::fromLocal8Bit(e.what())));
    }
    for (int i = 0; i < n; ++i)
        out[std::size_t(i)] = QPointF(pos[std::size_t(i)][0], pos[std::size_t(i)][1]) * (spacing / unit);
    snapToFreeCells(out, QSizeF(kNodeWidth + 28, kNodeHeight + 28));
    control.report(1.0);
    return out;
}

} // namespace vg
