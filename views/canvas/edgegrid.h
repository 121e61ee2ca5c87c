// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLineF>
#include <QRectF>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace vg {

// Liang-Barsky: the part of segment l inside rectangle r, as the fractions t0..t1 of its
// length; false when it misses r. Shared by the grid, the edge layer and their tests.
bool clipSegment(const QLineF &l, const QRectF &r, double *t0, double *t1);

// A spatial index of line segments for the canvas: a uniform grid over the map in which each
// segment is registered in every cell it passes through (Amanatides-Woo traversal). A query
// for a small rectangle visits only the segments that pass near it, however long they are: a
// bounding-box index (an R-tree) returns every long edge whose box covers the point, which on
// a map with many long edges is most of them.
//
// Updates are lazy: replacing or removing a segment bumps its version and leaves its old
// cell entries behind as stale, skipped by queries; the grid is rebuilt when stale entries
// outnumber live ones, or when segments leave the grid's area. Segments are identified by a
// non-negative integer (the edge's handle).
//
// A big grid (backgroundFrom segments or more; half a million long edges make 22 M entries
// and take a quarter of a second) is built on a thread of its own, so that a layout applied
// to the 70,000-node map does not hold the GUI thread. Until it is ready, queries test every
// segment's bounding box (a few milliseconds) and edits only update the segments; the grid
// is taken over, with the edits made meanwhile, at the first call after it is ready.
class EdgeGrid final {
public:
    EdgeGrid() = default;
    EdgeGrid(const EdgeGrid &) = delete;
    EdgeGrid &operator=(const EdgeGrid &) = delete;
    ~EdgeGrid();

    // Rebuilds the index for segments[i] (a null line: no segment i).
    void reset(const std::vector<QLineF> &segments);
    // Sets or replaces segment id's line; a null line removes it.
    void set(int id, const QLineF &line);
    void remove(int id) { set(id, QLineF()); }
    // Calls visit(id) once for each segment registered in a cell that rect touches (a superset
    // of the segments crossing rect; callers clip). Not reentrant.
    void query(const QRectF &rect, const std::function<void(int)> &visit);

    int segmentCount() const { return m_live; }
    qint64 entryCount() const { return m_cells.entries; }
    int columns() const { return m_cells.cols; }
    int rebuildCount() const { return m_rebuilds; }

    // Grids of at least this many segments are built in the background (tests lower it).
    void setBackgroundFrom(int segments) { m_backgroundFrom = segments; }
    bool building() const { return m_job != nullptr; }
    // Waits for a background build and takes it over (tests, benchmarks).
    void waitForBuild();

private:
    struct Entry {
        int id;
        quint32 version;
    };
    // Everything a build derives from the segments.
    struct Cells {
        QRectF area; // what the grid covers
        int cols = 0, rows = 0;
        double cellW = 1, cellH = 1;
        std::vector<std::vector<Entry>> cells;
        std::vector<Entry> outside; // segments reaching beyond area
        std::vector<int> entriesOf; // by id: live entries it has
        qint64 entries = 0;

        void build(const std::vector<QLineF> &lines, const std::vector<quint32> &versions, int live,
                   const std::atomic<bool> *cancel);
        // Registers line in the cells it crosses, and in outside when part of it lies beyond.
        void insert(int id, quint32 version, const QLineF &line);
        template <typename F>
        void forEachCell(const QLineF &line, F &&f) const;
    };
    struct Job;
    void rebuild();
    void adoptIfReady(bool wait);
    void cancelJob();

    Cells m_cells;
    std::vector<QLineF> m_lines; // by id
    std::vector<quint32> m_version; // by id; entries with another version are stale
    std::vector<quint32> m_seen; // by id: the stamp of the query that visited it
    quint32 m_stamp = 0;
    qint64 m_stale = 0;
    int m_live = 0, m_rebuilds = 0;
    int m_backgroundFrom = 50000;
    std::shared_ptr<Job> m_job; // a build under way
    std::vector<int> m_changedDuringJob; // ids set while it ran
};

} // namespace vg
