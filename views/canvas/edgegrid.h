// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLineF>
#include <QRectF>

#include <functional>
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
class EdgeGrid final {
public:
    // Rebuilds the index for segments[i] (a null line: no segment i).
    void reset(const std::vector<QLineF> &segments);
    // Sets or replaces segment id's line; a null line removes it.
    void set(int id, const QLineF &line);
    void remove(int id) { set(id, QLineF()); }
    // Calls visit(id) once for each segment registered in a cell that rect touches (a superset
    // of the segments crossing rect; callers clip). Not reentrant.
    void query(const QRectF &rect, const std::function<void(int)> &visit) const;

    int segmentCount() const { return m_live; }
    qint64 entryCount() const { return m_entries; }
    int columns() const { return m_cols; }
    int rebuildCount() const { return m_rebuilds; }

private:
    struct Entry {
        int id;
        quint32 version;
    };
    void rebuild();
    // Registers line in the cells it crosses; returns false when part of it lies outside
    // the grid's area (it then also goes to the outside list).
    void insert(int id, const QLineF &line);
    template <typename F>
    void forEachCell(const QLineF &line, F &&f) const;

    QRectF m_area; // what the grid covers
    int m_cols = 0, m_rows = 0;
    double m_cellW = 1, m_cellH = 1;
    std::vector<std::vector<Entry>> m_cells;
    std::vector<Entry> m_outside; // segments reaching beyond m_area
    std::vector<QLineF> m_lines; // by id
    std::vector<quint32> m_version; // by id; entries with another version are stale
    std::vector<int> m_entriesOf; // by id: live entries it has
    mutable std::vector<quint32> m_seen; // by id: the stamp of the query that visited it
    mutable quint32 m_stamp = 0;
    qint64 m_entries = 0, m_stale = 0;
    int m_live = 0, m_rebuilds = 0;
};

} // namespace vg
