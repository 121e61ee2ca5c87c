// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/layout/organiclayout.h"

#include "model/layout/placement.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>

#include <QElapsedTimer>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vg {

namespace {

struct Cancelled { };
struct OutOfTime { };

// Repulsion between the vertices of neighbouring grid cells, as boost::grid_force_pairs
// computes it, but with at most kMaxRepulsions forces on a vertex per step. Where vertices
// crowd into a few cells (the leaves of a star all sit around their hub) Boost's version
// costs n^2 per step: a star of 10,000 leaves took 48 s and one of 100,000 would take hours.
// This one costs n x kMaxRepulsions, and gives Boost's result wherever cells hold fewer.
constexpr std::size_t kMaxRepulsions = 96;

template <typename Topology, typename PositionMap>
struct BoundedGridForcePairs {
    const Topology &topology;
    PositionMap position;
    double twoK;

    template <typename Graph, typename ApplyForce>
    void operator()(const Graph &g, ApplyForce applyForce) const
    {
        using Vertex = typename boost::graph_traits<Graph>::vertex_descriptor;
        const std::size_t columns = std::size_t(topology.extent()[0] / twoK + 1.);
        const std::size_t rows = std::size_t(topology.extent()[1] / twoK + 1.);
        std::vector<std::vector<Vertex>> buckets(rows * columns);
        for (auto [v, end] = boost::vertices(g); v != end; ++v) {
            const auto p = boost::get(position, *v);
            const std::size_t column =
                std::min(columns - 1, std::size_t(std::max(0.0, (p[0] + topology.extent()[0] / 2) / twoK)));
            const std::size_t row =
                std::min(rows - 1, std::size_t(std::max(0.0, (p[1] + topology.extent()[1] / 2) / twoK)));
            buckets[row * columns + column].push_back(*v);
        }
        for (std::size_t row = 0; row < rows; ++row)
            for (std::size_t column = 0; column < columns; ++column) {
                const std::vector<Vertex> &bucket = buckets[row * columns + column];
                for (std::size_t i = 0; i < bucket.size(); ++i) {
                    const Vertex u = bucket[i];
                    std::size_t budget = kMaxRepulsions;
                    // The same cell: the vertices after u, cyclically.
                    for (std::size_t k = 1; k < bucket.size() && budget > 0; ++k, --budget)
                        applyForce(u, bucket[(i + k) % bucket.size()]);
                    // The eight cells around, within 2k.
                    for (std::size_t r = row == 0 ? 0 : row - 1; r <= std::min(row + 1, rows - 1) && budget > 0; ++r)
                        for (std::size_t c = column == 0 ? 0 : column - 1;
                             c <= std::min(column + 1, columns - 1) && budget > 0; ++c) {
                            if (r == row && c == column)
                                continue;
                            const std::vector<Vertex> &other = buckets[r * columns + c];
                            for (std::size_t k = 0; k < other.size() && budget > 0; ++k) {
                                const Vertex v = other[(i + k) % other.size()];
                                if (topology.distance(boost::get(position, u), boost::get(position, v)) < twoK) {
                                    applyForce(u, v);
                                    --budget;
                                }
                            }
                        }
                }
            }
    }
};

// Linear cooling that also reports progress and stops on cancel (by throwing, the only way
// out of Boost's loop; caught below).
struct Cooling {
    int iterations;
    double start;
    const LayoutControl *control;
    QElapsedTimer clock;
    int step = 0;
    double operator()()
    {
        if (control->cancelled())
            throw Cancelled();
        if (clock.elapsed() > control->timeLimitMs)
            throw OutOfTime();
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
    // For each wanted cell, the first ring that may still have a free cell: the rings inside
    // it were full when a point that wanted the same cell looked, and cells are never freed.
    // Without it, k points wanting one cell (the leaves of a star) cost k^2.
    QHash<quint64, qint64> firstRing;
    auto key = [](qint64 x, qint64 y) { return quint64(quint32(qint32(x))) << 32 | quint32(qint32(y)); };
    for (const std::size_t i : order) {
        const qint64 cx = qint64(std::llround(points[i].x() / cell.width()));
        const qint64 cy = qint64(std::llround(points[i].y() / cell.height()));
        qint64 &start = firstRing[key(cx, cy)];
        // Rings of growing radius around the wanted cell.
        for (qint64 r = start;; ++r) {
            qint64 bx = 0, by = 0;
            double bestD = -1;
            // The ring's cells in the order of a scan by dx, then dy (ties go to the first).
            auto consider = [&](qint64 dx, qint64 dy) {
                if (taken.contains(key(cx + dx, cy + dy)))
                    return;
                const double d = double(dx * dx) + double(dy * dy);
                if (bestD < 0 || d < bestD) {
                    bestD = d;
                    bx = cx + dx;
                    by = cy + dy;
                }
            };
            for (qint64 dx = -r; dx <= r; ++dx) {
                if (dx == -r || dx == r) {
                    for (qint64 dy = -r; dy <= r; ++dy)
                        consider(dx, dy);
                } else {
                    consider(dx, -r);
                    consider(dx, r);
                }
            }
            if (bestD >= 0) {
                taken.insert(key(bx, by));
                points[i] = QPointF(double(bx) * cell.width(), double(by) * cell.height());
                start = r;
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
        Cooling cooling{iterations, unit * 3, &control, {}};
        cooling.clock.start();
        // Boost's grid size: twice the ideal edge length (see above).
        const BoundedGridForcePairs<Topology, decltype(pmap)> pairs{
            topology, pmap, 2.0 * topology.volume(topology.extent()) / std::sqrt(double(n))};
        boost::fruchterman_reingold_force_directed_layout(graph, pmap, topology,
                                                          boost::cooling(std::ref(cooling)).force_pairs(pairs));
    } catch (const Cancelled &) {
        return layoutCancelled();
    } catch (const OutOfTime &) {
        return Error(QString(),
                     QStringLiteral("the organic layout of %1 nodes did not finish within %2 s and was "
                                    "stopped; nothing moved. Tiers lays out a model of any size.")
                         .arg(n)
                         .arg(control.timeLimitMs / 1000.0));
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
