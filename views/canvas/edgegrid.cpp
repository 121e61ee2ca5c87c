// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/canvas/edgegrid.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

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
void EdgeGrid::Cells::forEachCell(const QLineF &line, F &&f) const
{
    double t0 = 0, t1 = 1;
    if (!clipSegment(line, area, &t0, &t1))
        return;
    const QLineF l(line.pointAt(t0), line.pointAt(t1));
    // In cell units.
    const double u0 = (l.x1() - area.left()) / cellW, v0 = (l.y1() - area.top()) / cellH;
    const double u1 = (l.x2() - area.left()) / cellW, v1 = (l.y2() - area.top()) / cellH;
    int x = std::clamp(int(u0), 0, cols - 1), y = std::clamp(int(v0), 0, rows - 1);
    const int xe = std::clamp(int(u1), 0, cols - 1), ye = std::clamp(int(v1), 0, rows - 1);
    const double du = u1 - u0, dv = v1 - v0;
    constexpr double inf = std::numeric_limits<double>::infinity();
    const int sx = du > 0 ? 1 : -1, sy = dv > 0 ? 1 : -1;
    const double dtx = du != 0 ? 1 / std::abs(du) : inf, dty = dv != 0 ? 1 / std::abs(dv) : inf;
    double tx = du > 0 ? (x + 1 - u0) / du : du < 0 ? (u0 - x) / -du : inf;
    double ty = dv > 0 ? (y + 1 - v0) / dv : dv < 0 ? (v0 - y) / -dv : inf;
    f(y * cols + x);
    // At most one step per column and row crossed; the bound guards against rounding.
    for (int steps = std::abs(xe - x) + std::abs(ye - y) + 2; (x != xe || y != ye) && steps > 0; --steps) {
        if (tx < ty) {
            x += sx;
            tx += dtx;
        } else {
            y += sy;
            ty += dty;
        }
        if (x < 0 || x >= cols || y < 0 || y >= rows)
            break;
        f(y * cols + x);
    }
}

void EdgeGrid::Cells::build(const std::vector<QLineF> &lines, const std::vector<quint32> &versions, int live,
                            const std::atomic<bool> *cancel)
{
    // The area: the segments' bounds with a quarter more on every side, so that moving a
    // node a little beyond the map does not send its edges to the outside list.
    double left = std::numeric_limits<double>::max(), top = left, right = std::numeric_limits<double>::lowest(),
           bottom = right;
    for (const QLineF &l : lines) {
        if (l.isNull())
            continue;
        left = std::min({left, l.x1(), l.x2()});
        right = std::max({right, l.x1(), l.x2()});
        top = std::min({top, l.y1(), l.y2()});
        bottom = std::max({bottom, l.y1(), l.y2()});
    }
    if (live == 0 || left > right) {
        left = top = -1000;
        right = bottom = 1000;
    }
    const double w = std::max(2000.0, right - left), h = std::max(2000.0, bottom - top);
    area = QRectF(left - w / 4, top - h / 4, w * 1.5, h * 1.5);
    // About sqrt(segments)/4 cells across (8 to 64), square-ish. A segment costs an entry
    // per cell it crosses (for long random edges about 0.7 per column: 22 M entries, 180 MB,
    // for half a million); a node-sized query reads one cell's entries.
    const double g = std::clamp(std::sqrt(double(std::max(live, 1))) / 4.0, 8.0, 64.0);
    const double aspect = area.width() / area.height();
    cols = std::clamp(int(std::lround(g * std::sqrt(aspect))), 1, 96);
    rows = std::clamp(int(std::lround(g / std::sqrt(aspect))), 1, 96);
    cellW = area.width() / cols;
    cellH = area.height() / rows;
    cells.assign(std::size_t(cols) * std::size_t(rows), {});
    outside.clear();
    entries = 0;
    entriesOf.assign(lines.size(), 0);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (cancel && i % 4096 == 0 && cancel->load(std::memory_order_relaxed))
            return;
        if (!lines[i].isNull())
            insert(int(i), versions[i], lines[i]);
    }
}

void EdgeGrid::Cells::insert(int id, quint32 version, const QLineF &line)
{
    const Entry e{id, version};
    int n = 0;
    forEachCell(line, [&](int cell) {
        cells[std::size_t(cell)].push_back(e);
        ++n;
    });
    if (!area.contains(line.p1()) || !area.contains(line.p2())) {
        outside.push_back(e);
        ++n;
    }
    if (entriesOf.size() <= std::size_t(id))
        entriesOf.resize(std::size_t(id) + 1, 0);
    entriesOf[std::size_t(id)] = n;
    entries += n;
}

// A background build: its own copy of the segments in, the cells out.
struct EdgeGrid::Job {
    std::vector<QLineF> lines;
    std::vector<quint32> versions;
    int live = 0;
    Cells cells;
    std::atomic<bool> cancel{false}, done{false};
    std::thread thread;
};

EdgeGrid::~EdgeGrid() { cancelJob(); }

void EdgeGrid::cancelJob()
{
    if (!m_job)
        return;
    m_job->cancel = true;
    m_job->thread.join();
    m_job.reset();
    m_changedDuringJob.clear();
}

void EdgeGrid::reset(const std::vector<QLineF> &segments)
{
    cancelJob();
    m_lines = segments;
    m_version.assign(m_lines.size(), 1);
    m_seen.assign(m_lines.size(), 0);
    m_stamp = 0;
    m_live = int(std::count_if(m_lines.begin(), m_lines.end(), [](const QLineF &l) { return !l.isNull(); }));
    rebuild();
}

void EdgeGrid::rebuild()
{
    ++m_rebuilds;
    cancelJob();
    if (m_live < m_backgroundFrom) {
        m_cells.build(m_lines, m_version, m_live, nullptr);
        m_stale = 0;
        return;
    }
    m_cells = Cells(); // unread until the new cells arrive: free its entries now
    auto job = std::make_shared<Job>();
    job->lines = m_lines;
    job->versions = m_version;
    job->live = m_live;
    Job *j = job.get();
    job->thread = std::thread([j] {
        j->cells.build(j->lines, j->versions, j->live, &j->cancel);
        j->done = true;
    });
    m_job = std::move(job);
}

void EdgeGrid::adoptIfReady(bool wait)
{
    if (!m_job || (!wait && !m_job->done.load()))
        return;
    m_job->thread.join();
    m_cells = std::move(m_job->cells);
    m_stale = 0;
    m_job.reset();
    // The segments set while it ran: their entries in the new cells (if any) carry an older
    // version and are stale; their current lines go in now.
    std::sort(m_changedDuringJob.begin(), m_changedDuringJob.end());
    m_changedDuringJob.erase(std::unique(m_changedDuringJob.begin(), m_changedDuringJob.end()),
                             m_changedDuringJob.end());
    for (const int id : m_changedDuringJob) {
        const std::size_t i = std::size_t(id);
        if (i < m_cells.entriesOf.size()) {
            m_stale += m_cells.entriesOf[i];
            m_cells.entries -= m_cells.entriesOf[i];
            m_cells.entriesOf[i] = 0;
        }
        if (!m_lines[i].isNull())
            m_cells.insert(id, m_version[i], m_lines[i]);
    }
    m_changedDuringJob.clear();
}

void EdgeGrid::waitForBuild() { adoptIfReady(true); }

void EdgeGrid::set(int id, const QLineF &line)
{
    if (id < 0)
        return;
    adoptIfReady(false);
    const std::size_t i = std::size_t(id);
    if (i >= m_lines.size()) {
        m_lines.resize(i + 1);
        m_version.resize(i + 1, 1);
        m_seen.resize(i + 1, 0);
    }
    if (!m_lines[i].isNull()) {
        --m_live;
        if (!m_job && i < m_cells.entriesOf.size()) {
            m_stale += m_cells.entriesOf[i];
            m_cells.entries -= m_cells.entriesOf[i];
            m_cells.entriesOf[i] = 0;
        }
    }
    ++m_version[i];
    m_lines[i] = line;
    if (!line.isNull())
        ++m_live;
    if (m_job) { // the build's copy is older: this one goes in when it is taken over
        m_changedDuringJob.push_back(id);
        return;
    }
    if (line.isNull())
        return;
    if (m_cells.cols == 0) {
        rebuild();
        return;
    }
    m_cells.insert(id, m_version[i], line);
    if (m_stale > std::max<qint64>(m_cells.entries, 200000) || qint64(m_cells.outside.size()) > 1000 + m_live / 16)
        rebuild();
}

void EdgeGrid::query(const QRectF &rect, const std::function<void(int)> &visit)
{
    adoptIfReady(false);
    if (m_live == 0)
        return;
    if (m_job) {
        // No grid yet: every segment whose bounding box meets rect.
        for (std::size_t i = 0; i < m_lines.size(); ++i) {
            const QLineF &l = m_lines[i];
            if (!l.isNull() && std::max(l.x1(), l.x2()) >= rect.left() && std::min(l.x1(), l.x2()) <= rect.right()
                && std::max(l.y1(), l.y2()) >= rect.top() && std::min(l.y1(), l.y2()) <= rect.bottom())
                visit(int(i));
        }
        return;
    }
    const Cells &c = m_cells;
    if (c.cols == 0)
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
    const QRectF r = rect & c.area;
    if (!r.isEmpty()) {
        const int c0 = std::clamp(int((r.left() - c.area.left()) / c.cellW), 0, c.cols - 1);
        const int c1 = std::clamp(int((r.right() - c.area.left()) / c.cellW), 0, c.cols - 1);
        const int r0 = std::clamp(int((r.top() - c.area.top()) / c.cellH), 0, c.rows - 1);
        const int r1 = std::clamp(int((r.bottom() - c.area.top()) / c.cellH), 0, c.rows - 1);
        // Half the map or more: every segment, without the cells' duplicates.
        if (2 * (c1 - c0 + 1) * (r1 - r0 + 1) >= c.cols * c.rows) {
            for (std::size_t i = 0; i < m_lines.size(); ++i)
                if (!m_lines[i].isNull())
                    visit(int(i));
            return;
        }
        for (int y = r0; y <= r1; ++y)
            for (int x = c0; x <= c1; ++x)
                for (const Entry &e : c.cells[std::size_t(y) * std::size_t(c.cols) + std::size_t(x)])
                    take(e);
    }
    for (const Entry &e : c.outside)
        take(e);
}

} // namespace vg
