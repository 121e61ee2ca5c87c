// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/canvas/edgegrid.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vg {

bool clipSegment(const QLineF &l, const QRectF &r, double *t0out, double *t1out)
{
    double t0 = 0, t1 = 1;
    const double dx = l.dx(), dy = l.dy();
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {l.x1() - r.left(), r.right() - l.x1(), l.y1() - r.top(), r.bottom() - l.y1()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    *t0out = t0;
    *t1out = t1;
    return true;
}

template <typename F>
void EdgeGrid::forEachCell(const QLineF &line, F &&f) const
{
    double t0 = 0, t1 = 1;
    if (!clipSegment(line, m_area, &t0, &t1))
        return;
    const QLineF l(line.pointAt(t0), line.pointAt(t1));
    // In cell units.
    const double u0 = (l.x1() - m_area.left()) / m_cellW, v0 = (l.y1() - m_area.top()) / m_cellH;
    const double u1 = (l.x2() - m_area.left()) / m_cellW, v1 = (l.y2() - m_area.top()) / m_cellH;
    int x = std::clamp(int(u0), 0, m_cols - 1), y = std::clamp(int(v0), 0, m_rows - 1);
    const int xe = std::clamp(int(u1), 0, m_cols - 1), ye = std::clamp(int(v1), 0, m_rows - 1);
    const double du = u1 - u0, dv = v1 - v0;
    constexpr double inf = std::numeric_limits<double>::infinity();
    const int sx = du > 0 ? 1 : -1, sy = dv > 0 ? 1 : -1;
    const double dtx = du != 0 ? 1 / std::abs(du) : inf, dty = dv != 0 ? 1 / std::abs(dv) : inf;
    double tx = du > 0 ? (x + 1 - u0) / du : du < 0 ? (u0 - x) / -du : inf;
    double ty = dv > 0 ? (y + 1 - v0) / dv : dv < 0 ? (v0 - y) / -dv : inf;
    f(y * m_cols + x);
    // At most one step per column and row crossed; the bound guards against rounding.
    for (int steps = std::abs(xe - x) + std::abs(ye - y) + 2; (x != xe || y != ye) && steps > 0; --steps) {
        if (tx < ty) {
            x += sx;
            tx += dtx;
        } else {
            y += sy;
            ty += dty;
        }
        if (x < 0 || x >= m_cols || y < 0 || y >= m_rows)
            break;
        f(y * m_cols + x);
    }
}

void EdgeGrid::reset(const std::vector<QLineF> &segments)
{
    m_lines = segments;
    m_version.assign(m_lines.size(), 1);
    m_entriesOf.assign(m_lines.size(), 0);
    m_seen.assign(m_lines.size(), 0);
    m_stamp = 0;
    m_live = int(std::count_if(m_lines.begin(), m_lines.end(), [](const QLineF &l) { return !l.isNull(); }));
    rebuild();
}

void EdgeGrid::rebuild()
{
    ++m_rebuilds;
    // The area: the segments' bounds with a quarter more on every side, so that moving a
    // node a little beyond the map does not send its edges to the outside list.
    double left = std::numeric_limits<double>::max(), top = left, right = std::numeric_limits<double>::lowest(),
           bottom = right;
    for (const QLineF &l : m_lines) {
        if (l.isNull())
            continue;
        left = std::min({left, l.x1(), l.x2()});
        right = std::max({right, l.x1(), l.x2()});
        top = std::min({top, l.y1(), l.y2()});
        bottom = std::max({bottom, l.y1(), l.y2()});
    }
    if (m_live == 0 || left > right) {
        left = top = -1000;
        right = bottom = 1000;
    }
    const double w = std::max(2000.0, right - left), h = std::max(2000.0, bottom - top);
    m_area = QRectF(left - w / 4, top - h / 4, w * 1.5, h * 1.5);
    // About sqrt(segments)/4 cells across (8 to 64), square-ish. A segment costs an entry
    // per cell it crosses (for long random edges about 0.7 per column: 22 M entries, 180 MB,
    // for half a million); a node-sized query reads one cell's entries.
    const double g = std::clamp(std::sqrt(double(std::max(m_live, 1))) / 4.0, 8.0, 64.0);
    const double aspect = m_area.width() / m_area.height();
    m_cols = std::clamp(int(std::lround(g * std::sqrt(aspect))), 1, 96);
    m_rows = std::clamp(int(std::lround(g / std::sqrt(aspect))), 1, 96);
    m_cellW = m_area.width() / m_cols;
    m_cellH = m_area.height() / m_rows;
    m_cells.assign(std::size_t(m_cols) * std::size_t(m_rows), {});
    m_outside.clear();
    m_entries = m_stale = 0;
    std::fill(m_entriesOf.begin(), m_entriesOf.end(), 0);
    for (std::size_t i = 0; i < m_lines.size(); ++i)
        if (!m_lines[i].isNull())
            insert(int(i), m_lines[i]);
}

void EdgeGrid::insert(int id, const QLineF &line)
{
    const Entry e{id, m_version[std::size_t(id)]};
    int n = 0;
    forEachCell(line, [&](int cell) {
        m_cells[std::size_t(cell)].push_back(e);
        ++n;
    });
    if (!m_area.contains(line.p1()) || !m_area.contains(line.p2())) {
        m_outside.push_back(e);
        ++n;
    }
    m_entriesOf[std::size_t(id)] = n;
    m_entries += n;
}

void EdgeGrid::set(int id, const QLineF &line)
{
    if (id < 0)
        return;
    const std::size_t i = std::size_t(id);
    if (i >= m_lines.size()) {
        m_lines.resize(i + 1);
        m_version.resize(i + 1, 1);
        m_entriesOf.resize(i + 1, 0);
        m_seen.resize(i + 1, 0);
    }
    if (!m_lines[i].isNull()) {
        m_stale += m_entriesOf[i];
        m_entries -= m_entriesOf[i];
        m_entriesOf[i] = 0;
        --m_live;
    }
    ++m_version[i];
    m_lines[i] = line;
    if (line.isNull())
        return;
    ++m_live;
    if (m_cols == 0) {
        rebuild();
        return;
    }
    insert(id, line);
    if (m_stale > std::max<qint64>(m_entries, 200000) || qint64(m_outside.size()) > 1000 + m_live / 16)
        rebuild();
}

void EdgeGrid::query(const QRectF &rect, const std::function<void(int)> &visit) const
{
    if (m_cols == 0 || m_live == 0)
        return;
    if (m_seen.size() < m_lines.size())
        m_seen.resize(m_lines.size(), 0);
    if (++m_stamp == 0) {
        std::fill(m_seen.begin(), m_seen.end(), 0);
        m_stamp = 1;
    }
    auto take = [&](const Entry &e) {
        const std::size_t i = std::size_t(e.id);
        if (e.version == m_version[i] && m_seen[i] != m_stamp && !m_lines[i].isNull()) {
            m_seen[i] = m_stamp;
            visit(e.id);
        }
    };
    const QRectF r = rect & m_area;
    if (!r.isEmpty()) {
        const int c0 = std::clamp(int((r.left() - m_area.left()) / m_cellW), 0, m_cols - 1);
        const int c1 = std::clamp(int((r.right() - m_area.left()) / m_cellW), 0, m_cols - 1);
        const int r0 = std::clamp(int((r.top() - m_area.top()) / m_cellH), 0, m_rows - 1);
        const int r1 = std::clamp(int((r.bottom() - m_area.top()) / m_cellH), 0, m_rows - 1);
        // Half the map or more: every segment, without the cells' duplicates.
        if (2 * (c1 - c0 + 1) * (r1 - r0 + 1) >= m_cols * m_rows) {
            for (std::size_t i = 0; i < m_lines.size(); ++i)
                if (!m_lines[i].isNull())
                    visit(int(i));
            return;
        }
        for (int y = r0; y <= r1; ++y)
            for (int x = c0; x <= c1; ++x)
                for (const Entry &e : m_cells[std::size_t(y) * std::size_t(m_cols) + std::size_t(x)])
                    take(e);
    }
    for (const Entry &e : m_outside)
        take(e);
}

} // namespace vg
