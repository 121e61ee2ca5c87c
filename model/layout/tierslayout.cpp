// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/layout/tierslayout.h"

#include "model/layout/placement.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vg {

std::vector<int> tierColumns(const LayoutGraph &g)
{
    const int n = g.size();
    std::vector<std::vector<int>> adj(static_cast<std::size_t>(n));
    for (const auto &[a, b] : g.edges) {
        adj[std::size_t(a)].push_back(b);
        adj[std::size_t(b)].push_back(a);
    }
    std::vector<int> col(std::size_t(n), -1), queue;
    for (int v = 0; v < n; ++v) {
        if (g.kinds[std::size_t(v)] == NodeKind::People)
            col[std::size_t(v)] = 0;
        else if (g.kinds[std::size_t(v)] == NodeKind::Service) {
            col[std::size_t(v)] = 1;
            queue.push_back(v);
        }
    }
    // Vendors: hop distance from the services, over vendors only.
    int deepest = 1;
    for (std::size_t q = 0; q < queue.size(); ++q) {
        const int u = queue[q];
        for (const int v : adj[std::size_t(u)])
            if (g.kinds[std::size_t(v)] == NodeKind::Vendor && col[std::size_t(v)] < 0) {
                col[std::size_t(v)] = col[std::size_t(u)] + 1;
                deepest = std::max(deepest, col[std::size_t(v)]);
                queue.push_back(v);
            }
    }
    for (int &c : col)
        if (c < 0)
            c = deepest + 1;
    return col;
}

Expected<std::vector<QPointF>> tiersLayout(const LayoutGraph &g, const LayoutControl &control)
{
    const int n = g.size();
    std::vector<QPointF> pos(static_cast<std::size_t>(n));
    if (n == 0)
        return pos;
    const std::vector<int> col = tierColumns(g);
    const int columns = *std::max_element(col.begin(), col.end()) + 1;
    std::vector<std::vector<int>> members(static_cast<std::size_t>(columns));
    for (int v = 0; v < n; ++v)
        members[std::size_t(col[std::size_t(v)])].push_back(v); // in id order of the model
    std::vector<std::vector<int>> adj(static_cast<std::size_t>(n));
    for (const auto &[a, b] : g.edges)
        if (col[std::size_t(a)] != col[std::size_t(b)]) {
            adj[std::size_t(a)].push_back(b);
            adj[std::size_t(b)].push_back(a);
        }
    // rank[v]: v's place in its column, scaled to 0..1 so that columns of different sizes
    // pull on each other evenly.
    std::vector<double> rank(static_cast<std::size_t>(n));
    auto renumber = [&](const std::vector<int> &m) {
        const double d = std::max<std::size_t>(1, m.size() - 1);
        for (std::size_t i = 0; i < m.size(); ++i)
            rank[std::size_t(m[i])] = m.size() == 1 ? 0.5 : double(i) / d;
    };
    for (const auto &m : members)
        renumber(m);
    std::vector<double> key(static_cast<std::size_t>(n));
    constexpr int kSweeps = 8;
    for (int sweep = 0; sweep < kSweeps; ++sweep) {
        if (control.cancelled())
            return layoutCancelled();
        const bool down = sweep % 2 == 0;
        for (int step = 0; step < columns; ++step) {
            const int c = down ? step : columns - 1 - step;
            std::vector<int> &m = members[std::size_t(c)];
            for (const int v : m) {
                // Barycentre of the neighbours on the side the sweep comes from (both sides
                // for the first and last column).
                double sum = 0;
                int cnt = 0;
                for (const int u : adj[std::size_t(v)]) {
                    const bool before = col[std::size_t(u)] < c;
                    if ((down && before) || (!down && !before) || c == 0 || c == columns - 1) {
                        sum += rank[std::size_t(u)];
                        ++cnt;
                    }
                }
                key[std::size_t(v)] = cnt ? sum / cnt : rank[std::size_t(v)];
            }
            std::stable_sort(m.begin(), m.end(),
                             [&](int a, int b) { return key[std::size_t(a)] < key[std::size_t(b)]; });
            renumber(m);
        }
        control.report(double(sweep + 1) / kSweeps * 0.9);
    }
    // Rows per (sub-)column: the value that gives the map a screen's shape (about 16:10).
    // Sub-columns of one tier keep room for the flows between them.
    const double cellW = kNodeWidth + 90, colGap = kColumnGap, cellH = kNodeHeight + kRowGap;
    std::size_t tallest = 1;
    for (const auto &m : members)
        tallest = std::max(tallest, m.size());
    auto widthFor = [&](std::size_t rows) {
        double w = 0;
        for (const auto &m : members)
            if (!m.empty())
                w += double((m.size() + rows - 1) / rows) * cellW + colGap;
        return w;
    };
    std::size_t rows = tallest;
    double best = 1e300;
    for (std::size_t r = std::max<std::size_t>(4, std::size_t(std::sqrt(double(tallest)))); r <= tallest;
         r = r < 64 ? r + 1 : r + r / 16) {
        const double aspect = widthFor(r) / (double(r) * cellH);
        const double miss = std::abs(std::log(aspect / 1.6));
        if (miss < best) {
            best = miss;
            rows = r;
        }
    }
    double x = 0;
    const double fullHeight = double(std::min(rows, tallest)) * cellH;
    for (const auto &m : members) {
        if (m.empty())
            continue;
        const std::size_t subColumns = (m.size() + rows - 1) / rows;
        const std::size_t perColumn = (m.size() + subColumns - 1) / subColumns;
        const double height = double(perColumn) * cellH;
        for (std::size_t i = 0; i < m.size(); ++i) {
            const std::size_t sub = i / perColumn, row = i % perColumn;
            pos[std::size_t(m[i])] = QPointF(x + double(sub) * cellW, (fullHeight - height) / 2 + double(row) * cellH);
        }
        x += double(subColumns) * cellW + colGap;
    }
    control.report(1.0);
    return pos;
}

} // namespace vg
