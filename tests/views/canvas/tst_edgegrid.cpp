// SPDX-License-Identifier: GPL-3.0-or-later
// The canvas's segment index against brute force, through random edits and rebuilds.
#include "views/canvas/edgegrid.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace vg;

namespace {

// Whether the segment touches the rectangle: the exact geometry the grid must not miss.
bool touches(const QLineF &l, const QRectF &r)
{
    double t0, t1;
    return clipSegment(l, r, &t0, &t1);
}

QPointF point(QRandomGenerator &g, double extent) { return {g.bounded(extent), g.bounded(extent)}; }

} // namespace

class TestEdgeGrid : public QObject {
    Q_OBJECT

    // Every segment that touches the rectangle is visited, and each at most once.
    static void check(EdgeGrid &grid, const std::vector<QLineF> &lines, const QRectF &r)
    {
        QSet<int> seen;
        bool twice = false;
        grid.query(r, [&](int id) {
            twice = twice || seen.contains(id);
            seen.insert(id);
        });
        QVERIFY(!twice);
        for (std::size_t i = 0; i < lines.size(); ++i)
            if (!lines[i].isNull() && touches(lines[i], r))
                QVERIFY2(seen.contains(int(i)), qPrintable(QStringLiteral("segment %1 missed").arg(i)));
        for (const int id : seen)
            QVERIFY(!lines[std::size_t(id)].isNull());
    }

private Q_SLOTS:
    void queriesFindEverySegmentThroughEditsAndRebuilds_data()
    {
        QTest::addColumn<bool>("background");
        QTest::newRow("built on the GUI thread") << false;
        QTest::newRow("built in the background") << true;
    }
    void queriesFindEverySegmentThroughEditsAndRebuilds()
    {
        QFETCH(bool, background);
        QRandomGenerator g(7);
        std::vector<QLineF> lines(3000);
        for (QLineF &l : lines)
            l = g.bounded(10) == 0 ? QLineF() : QLineF(point(g, 50000), point(g, 50000));
        EdgeGrid grid;
        if (background)
            grid.setBackgroundFrom(0);
        grid.reset(lines);
        grid.waitForBuild();
        QVERIFY(grid.columns() >= 8);
        const int rebuildsAtStart = grid.rebuildCount();
        for (int round = 0; round < 300; ++round) {
            // Small rectangles (a node's repaint), medium ones (a view) and whole-map ones.
            const double size = round % 3 == 0 ? 60 : round % 3 == 1 ? 4000 : 40000;
            check(grid, lines, QRectF(point(g, 60000) - QPointF(5000, 5000), QSizeF(size, size)));
            // Edits: moves (some far outside the map), removals, additions beyond the end.
            for (int k = 0; k < 40; ++k) {
                const int id = int(g.bounded(int(lines.size()) + 20));
                if (std::size_t(id) >= lines.size())
                    lines.resize(std::size_t(id) + 1);
                const int what = int(g.bounded(4));
                lines[std::size_t(id)] = what == 0 ? QLineF()
                    : what == 1                    ? QLineF(point(g, 50000) + QPointF(80000, 0), point(g, 50000))
                                                   : QLineF(point(g, 50000), point(g, 50000));
                grid.set(id, lines[std::size_t(id)]);
            }
        }
        // Edits outside the area and stale entries made it rebuild itself along the way.
        QVERIFY(grid.rebuildCount() > rebuildsAtStart);
        for (int k = 0; k < 50; ++k)
            check(grid, lines, QRectF(point(g, 130000) - QPointF(2000, 2000), QSizeF(300, 300)));
        QCOMPARE(grid.segmentCount(),
                 int(std::count_if(lines.begin(), lines.end(), [](const QLineF &l) { return !l.isNull(); })));
    }

    // A layout applied to a big map: the grid is built on another thread while the segments
    // are queried and edited; queries stay exact meanwhile, and the edits made meanwhile are
    // in the grid it takes over.
    void aBackgroundBuildKeepsQueriesExactAndTakesTheEditsMadeMeanwhile()
    {
        QRandomGenerator g(11);
        std::vector<QLineF> lines(60000);
        for (QLineF &l : lines)
            l = QLineF(point(g, 100000), point(g, 100000));
        EdgeGrid grid;
        grid.reset(lines); // 60,000 segments: past the default threshold
        QVERIFY(grid.building());
        std::vector<int> edited;
        for (int k = 0; k < 200; ++k) {
            const int id = int(g.bounded(int(lines.size()) + 10));
            if (std::size_t(id) >= lines.size())
                lines.resize(std::size_t(id) + 1);
            lines[std::size_t(id)] = k % 5 == 0 ? QLineF() : QLineF(point(g, 100000), point(g, 100000));
            grid.set(id, lines[std::size_t(id)]);
            edited.push_back(id);
        }
        for (int k = 0; k < 5; ++k)
            check(grid, lines, QRectF(point(g, 100000), QSizeF(500, 500)));
        grid.waitForBuild();
        QVERIFY(!grid.building());
        QVERIFY(grid.columns() >= 8);
        QVERIFY(grid.entryCount() >= qint64(grid.segmentCount()));
        // Each segment edited during the build is found through the grid at its new place, and
        // a removed one nowhere.
        for (const int id : edited) {
            const QLineF &l = lines[std::size_t(id)];
            const QPointF mid = l.isNull() ? QPointF(50000, 50000) : l.center();
            check(grid, lines, QRectF(mid - QPointF(2, 2), QSizeF(4, 4)));
        }
        for (int k = 0; k < 50; ++k)
            check(grid, lines, QRectF(point(g, 100000), QSizeF(300, 300)));
        QCOMPARE(grid.segmentCount(),
                 int(std::count_if(lines.begin(), lines.end(), [](const QLineF &l) { return !l.isNull(); })));
        // And a grid dropped while it builds stops its thread (no hang, no leak under ASan).
        EdgeGrid dropped;
        dropped.reset(lines);
        QVERIFY(dropped.building());
    }

    void aSmallQueryVisitsOnlyTheSegmentsNearIt()
    {
        // 20,000 long random segments: a bounding-box index returns a quarter of them for a
        // node-sized rectangle in the middle of the map; the grid only those crossing its cell.
        QRandomGenerator g(3);
        std::vector<QLineF> lines(20000);
        for (QLineF &l : lines)
            l = QLineF(point(g, 100000), point(g, 100000));
        EdgeGrid grid;
        grid.reset(lines);
        grid.waitForBuild();
        int visited = 0, boxes = 0;
        const QRectF r(50000, 50000, 172, 52);
        grid.query(r, [&](int) { ++visited; });
        for (const QLineF &l : lines)
            boxes += QRectF(l.p1(), l.p2()).normalized().intersects(r);
        QVERIFY2(visited * 2 < boxes, qPrintable(QStringLiteral("%1 visited, %2 boxes").arg(visited).arg(boxes)));
    }

    void degenerateSegmentsAndAnEmptyGrid()
    {
        EdgeGrid grid;
        grid.query(QRectF(0, 0, 10, 10), [](int) { QFAIL("nothing to visit"); });
        std::vector<QLineF> lines{QLineF(5, 5, 5, 5.0001), QLineF(0, 0, 0, 3000), QLineF(0, 0, 3000, 0)};
        grid.reset(lines);
        check(grid, lines, QRectF(4, 4, 2, 2));
        check(grid, lines, QRectF(-1, 1000, 2, 2));
        check(grid, lines, QRectF(1000, -1, 2, 2));
        grid.remove(1);
        lines[1] = QLineF();
        check(grid, lines, QRectF(-1, 1000, 2, 2));
    }
};

QTEST_APPLESS_MAIN(TestEdgeGrid)
#include "tst_edgegrid.moc"
