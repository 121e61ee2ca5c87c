// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/document/document.h"
#include "model/io/generator.h"
#include "model/io/sample.h"
#include "model/layout/graphvizlayout.h"
#include "model/layout/layoutgraph.h"
#include "model/layout/placement.h"
#include "model/layout/tierslayout.h"

#include <QElapsedTimer>
#include <QThread>

#include <cmath>
#include <thread>

using namespace vg;

namespace {

Model generated(int people, int services, int vendors, qint64 edges, quint64 seed = 7)
{
    GeneratorParams p;
    p.people = people;
    p.services = services;
    p.vendors = vendors;
    p.edges = edges;
    p.seed = seed;
    return generateModel(p);
}

// Every position finite, and no two node footprints overlapping.
void checkPositions(const Model &m, const QHash<QString, QPointF> &pos, const QStringList &only = {})
{
    const qsizetype expected = only.isEmpty() ? qsizetype(m.nodes.size()) : only.size();
    QCOMPARE(pos.size(), expected);
    std::vector<QPointF> points;
    for (auto it = pos.cbegin(); it != pos.cend(); ++it) {
        QVERIFY2(std::isfinite(it->x()) && std::isfinite(it->y()), qPrintable(it.key()));
        points.push_back(*it);
    }
    // Sort by x and compare neighbours within one node width: O(n log n + overlaps).
    std::sort(points.begin(), points.end(), [](QPointF a, QPointF b) { return a.x() < b.x(); });
    for (std::size_t i = 0; i < points.size(); ++i)
        for (std::size_t j = i + 1; j < points.size() && points[j].x() - points[i].x() < kNodeWidth; ++j)
            QVERIFY2(std::abs(points[j].y() - points[i].y()) >= kNodeHeight,
                     qPrintable(QStringLiteral("nodes at (%1, %2) and (%3, %4) overlap")
                                    .arg(points[i].x())
                                    .arg(points[i].y())
                                    .arg(points[j].x())
                                    .arg(points[j].y())));
}

} // namespace

class TestLayout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyLayoutGivesFiniteNonOverlappingPositions_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("big");
        QTest::newRow("tiers, sample") << int(LayoutKind::Tiers) << false;
        QTest::newRow("layered (dot), sample") << int(LayoutKind::Layered) << false;
        QTest::newRow("organic, sample") << int(LayoutKind::Organic) << false;
        QTest::newRow("tiers, 3000 nodes") << int(LayoutKind::Tiers) << true;
        QTest::newRow("layered (sfdp), 3000 nodes") << int(LayoutKind::Layered) << true;
        QTest::newRow("organic, 3000 nodes") << int(LayoutKind::Organic) << true;
    }
    void everyLayoutGivesFiniteNonOverlappingPositions()
    {
        QFETCH(int, kind);
        QFETCH(bool, big);
        const Model m = big ? generated(10, 1000, 1990, 9000) : bundledSample();
        LayoutControl none;
        QString engine;
        const auto pos = runLayout(LayoutKind(kind), m, {}, none, &engine);
        QVERIFY2(pos.ok(), qPrintable(pos.ok() ? QString() : pos.error().message()));
        checkPositions(m, *pos);
        if (LayoutKind(kind) == LayoutKind::Layered)
            QCOMPARE(engine, big ? QStringLiteral("sfdp") : QStringLiteral("dot"));
    }

    void tiersPutsPeopleServicesVendorsAndSubprocessorsInColumnOrder()
    {
        const Model m = bundledSample();
        LayoutControl none;
        const auto pos = runLayout(LayoutKind::Tiers, m, {}, none);
        QVERIFY(pos.ok());
        const LayoutGraph g = LayoutGraph::fromModel(m);
        const std::vector<int> col = tierColumns(g);
        // Column of each id, and the x range each column covers.
        std::map<int, std::pair<double, double>> range;
        for (int i = 0; i < g.size(); ++i) {
            const double x = pos->value(g.ids[std::size_t(i)]).x();
            auto &r = range.try_emplace(col[std::size_t(i)], x, x).first->second;
            r = {std::min(r.first, x), std::max(r.second, x)};
        }
        QVERIFY(range.size() >= 4);
        for (auto it = range.begin(); std::next(it) != range.end(); ++it)
            QVERIFY2(
                it->second.second < std::next(it)->second.first,
                qPrintable(
                    QStringLiteral("column %1 is not left of column %2").arg(it->first).arg(std::next(it)->first)));
        // People first, services second; a vendor the company sends data to directly is in
        // column 2, its sub-processor further right.
        auto colOf = [&](const char *id) {
            return col[std::size_t(std::find(g.ids.begin(), g.ids.end(), QString::fromLatin1(id)) - g.ids.begin())];
        };
        QCOMPARE(colOf("api_users"), 0);
        QCOMPARE(colOf("dashboard"), 1);
        QCOMPARE(colOf("analytics"), 2);
        QVERIFY(colOf("llm_logs") > colOf("llm_provider"));
    }

    void tiersReducesCrossingsOnAChain()
    {
        // Two parallel chains given in crossed order come out uncrossed.
        Model m;
        auto node = [&](const char *id, NodeKind k) {
            Node n;
            n.id = QString::fromLatin1(id);
            n.kind = k;
            m.nodes.push_back(n);
        };
        node("p1", NodeKind::People);
        node("p2", NodeKind::People);
        node("s2", NodeKind::Service);
        node("s1", NodeKind::Service);
        node("v1", NodeKind::Vendor);
        node("v2", NodeKind::Vendor);
        auto edge = [&](const char *a, const char *b) {
            Edge e;
            e.id = QString::fromLatin1(a) + QString::fromLatin1(b);
            e.from = QString::fromLatin1(a);
            e.to = QString::fromLatin1(b);
            e.kind = EdgeKind::Hosts;
            m.edges.push_back(e);
        };
        edge("p1", "s1");
        edge("p2", "s2");
        edge("s1", "v2");
        edge("s2", "v1");
        LayoutControl none;
        const auto pos = runLayout(LayoutKind::Tiers, m, {}, none);
        QVERIFY(pos.ok());
        auto y = [&](const char *id) { return pos->value(QString::fromLatin1(id)).y(); };
        QCOMPARE(y("p1") < y("p2"), y("s1") < y("s2"));
        QCOMPARE(y("s1") < y("s2"), y("v2") < y("v1"));
    }

    void aSelectionIsLaidOutInPlaceAndTheRestStays()
    {
        Model m = bundledSample();
        LayoutControl none;
        const auto all = runLayout(LayoutKind::Tiers, m, {}, none);
        QVERIFY(all.ok());
        for (auto it = all->cbegin(); it != all->cend(); ++it)
            m.layout.insert(it.key(), *it);
        const QStringList only{QStringLiteral("analytics"), QStringLiteral("analytics_cloud"),
                               QStringLiteral("dashboard")};
        const auto part = runLayout(LayoutKind::Organic, m, only, none);
        QVERIFY(part.ok());
        checkPositions(m, *part, only);
        QPointF oldMin(1e9, 1e9), newMin(1e9, 1e9);
        for (const QString &id : only) {
            oldMin =
                QPointF(std::min(oldMin.x(), m.layout.value(id).x()), std::min(oldMin.y(), m.layout.value(id).y()));
            newMin = QPointF(std::min(newMin.x(), part->value(id).x()), std::min(newMin.y(), part->value(id).y()));
        }
        QVERIFY(QLineF(oldMin, newMin).length() < 1.5);
    }

    void cancelStopsEveryLayout_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("tiers") << int(LayoutKind::Tiers);
        QTest::newRow("organic") << int(LayoutKind::Organic);
        QTest::newRow("layered: the Graphviz child is killed") << int(LayoutKind::Layered);
    }
    void cancelStopsEveryLayout()
    {
        QFETCH(int, kind);
        // dot on a dense random graph can run for minutes: what Cancel is for.
        const Model m = generated(5, 600, 790, 5500, 3);
        std::atomic<bool> cancel{false};
        LayoutControl control;
        control.cancel = &cancel;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(kind == int(LayoutKind::Tiers) ? 0 : 300));
            cancel = true;
        });
        QElapsedTimer t;
        t.start();
        if (kind == int(LayoutKind::Tiers))
            canceller.join(); // tiers is too quick to catch in flight: cancel before it starts
        const auto r = runLayout(LayoutKind(kind), m, {}, control);
        if (canceller.joinable())
            canceller.join();
        QVERIFY(!r.ok());
        QVERIFY(isCancellation(r.error()));
        QVERIFY2(t.elapsed() < 10000, "cancel took too long");
    }

    void aNewNodeIsPlacedWithoutMovingTheOthers()
    {
        Model m = bundledSample();
        LayoutControl none;
        const auto pos = runLayout(LayoutKind::Tiers, m, {}, none);
        for (auto it = pos->cbegin(); it != pos->cend(); ++it)
            m.layout.insert(it.key(), *it);
        Document doc;
        doc.reset(m, QString());
        const QPointF p = placeNewNodeOfKind(doc.store(), NodeKind::Vendor);
        QVERIFY(std::isfinite(p.x()) && std::isfinite(p.y()));
        doc.store().forEachNode([&](int h, const Node &) {
            const QPointF q = *doc.store().position(h);
            QVERIFY(std::abs(q.x() - p.x()) >= kNodeWidth || std::abs(q.y() - p.y()) >= kNodeHeight);
        });
    }
};

QTEST_GUILESS_MAIN(TestLayout)
#include "tst_layout.moc"
