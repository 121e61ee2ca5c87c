// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/commands/changecommand.h"
#include "model/commands/edits.h"
#include "model/document/document.h"
#include "model/document/selection.h"
#include "model/io/generator.h"
#include "model/io/sample.h"
#include "model/layout/layoutgraph.h"
#include "views/canvas/graphscene.h"
#include "views/canvas/graphview.h"
#include "views/canvas/nodeitem.h"

#include <QApplication>
#include <QGraphicsSceneMouseEvent>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>

using namespace vg;

namespace {

Model placedSample()
{
    Model m = bundledSample();
    LayoutControl none;
    const auto pos = runLayout(LayoutKind::Tiers, m, {}, none);
    for (auto it = pos->cbegin(); it != pos->cend(); ++it)
        m.layout.insert(it.key(), *it);
    return m;
}

void push(Document &doc, ChangeSet c)
{
    doc.undoStack()->push(new ChangeCommand(&doc, std::move(c), QStringLiteral("edit")));
}

// A point on a segment that no node covers (an edge can pass under other nodes).
QPointF freePointOn(const GraphScene &scene, const QLineF &seg)
{
    for (double t = 0.3; t < 0.95; t += 0.01)
        if (!scene.itemAt(seg.pointAt(t), QTransform()))
            return seg.pointAt(t);
    return seg.pointAt(0.5);
}

int itemCount(const GraphScene &scene)
{
    int n = 0;
    for (QGraphicsItem *item : scene.items())
        n += item->type() == NodeItem::Type;
    return n;
}

} // namespace

class TestCanvas : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theSceneFollowsTheDocument()
    {
        Document doc;
        Selection sel(&doc);
        GraphScene scene(&doc, &sel);
        doc.reset(placedSample(), QString());
        const int n0 = int(bundledSample().nodes.size());
        QCOMPARE(itemCount(scene), n0);
        QCOMPARE(scene.nodeItem(QStringLiteral("crm"))->pos(), doc.snapshot()->layout.value(QStringLiteral("crm")));
        // Add: an item at its place.
        Node n;
        n.id = QStringLiteral("new_vendor");
        n.kind = NodeKind::Vendor;
        push(doc, addNode(doc, n, QPointF(5000, 5000)));
        QCOMPARE(itemCount(scene), n0 + 1);
        QCOMPARE(scene.nodeItem(QStringLiteral("new_vendor"))->pos(), QPointF(5000, 5000));
        // Connect: the edge is drawn between them.
        Edge e;
        e.id = QStringLiteral("e-new");
        e.from = QStringLiteral("crm");
        e.to = QStringLiteral("new_vendor");
        e.kind = EdgeKind::Hosts;
        push(doc, addEdge(doc, e));
        const QLineF seg = scene.edgeLayer()->segment(doc.store().edge(QStringLiteral("e-new")));
        QCOMPARE(seg.p2(), QPointF(5000, 5000));
        QCOMPARE(scene.edgeIdAt(seg.pointAt(0.5), 4), QStringLiteral("e-new"));
        // Move: the item and its edges follow.
        push(doc, movePositions({{QStringLiteral("new_vendor"), QPointF(6000, 5000)}}));
        QCOMPARE(scene.nodeItem(QStringLiteral("new_vendor"))->pos(), QPointF(6000, 5000));
        QCOMPARE(scene.edgeLayer()->segment(doc.store().edge(QStringLiteral("e-new"))).p2(), QPointF(6000, 5000));
        // Remove: the item and the edge go; undo brings both back where they were.
        push(doc, removeItems(doc, {QStringLiteral("new_vendor")}, {}));
        QCOMPARE(itemCount(scene), n0);
        QVERIFY(scene.edgeIdAt(seg.pointAt(0.5), 4).isEmpty());
        doc.undoStack()->undo();
        QCOMPARE(itemCount(scene), n0 + 1);
        QCOMPARE(scene.nodeItem(QStringLiteral("new_vendor"))->pos(), QPointF(6000, 5000));
        QCOMPARE(
            scene.edgeIdAt(
                QLineF(scene.nodePos(doc.store().node(QStringLiteral("crm"))), QPointF(6000, 5000)).pointAt(0.5), 4),
            QStringLiteral("e-new"));
        doc.undoStack()->undo(); // the move
        QCOMPARE(scene.nodeItem(QStringLiteral("new_vendor"))->pos(), QPointF(5000, 5000));
        doc.undoStack()->redo();
        QCOMPARE(scene.nodeItem(QStringLiteral("new_vendor"))->pos(), QPointF(6000, 5000));
        // Rename: the same item, now under the new id.
        NodeItem *item = scene.nodeItem(QStringLiteral("new_vendor"));
        Node renamed = *doc.store().findNode(QStringLiteral("new_vendor"));
        renamed.id = QStringLiteral("renamed_vendor");
        push(doc, replaceNode(doc, QStringLiteral("new_vendor"), renamed));
        QCOMPARE(scene.nodeItem(QStringLiteral("renamed_vendor")), item);
    }

    // Parallel edges between two nodes are spread evenly around the line between them; when
    // one goes, the others close ranks around the middle again.
    void parallelEdgesStaySpreadAroundTheMiddleWhenOneIsRemoved()
    {
        Document doc;
        Selection sel(&doc);
        GraphScene scene(&doc, &sel);
        doc.reset(placedSample(), QString());
        for (const char *id : {"p1", "p2"}) {
            Node n;
            n.id = QString::fromLatin1(id);
            n.kind = NodeKind::Vendor;
            push(doc, addNode(doc, n, QPointF(id[1] == '1' ? 5000 : 6000, 5000)));
        }
        for (const char *id : {"pa", "pb", "pc"}) {
            Edge e;
            e.id = QString::fromLatin1(id);
            e.from = QStringLiteral("p1");
            e.to = QStringLiteral("p2");
            e.kind = EdgeKind::Hosts;
            push(doc, addEdge(doc, e));
        }
        const double middle = (scene.nodePos(doc.store().node(QStringLiteral("p1"))).y()
                               + scene.nodePos(doc.store().node(QStringLiteral("p2"))).y())
            / 2;
        auto offsetOf = [&](const char *id) {
            return scene.edgeLayer()->segment(doc.store().edge(QString::fromLatin1(id))).center().y() - middle;
        };
        QCOMPARE(offsetOf("pa") + offsetOf("pb") + offsetOf("pc"), 0.0);
        QVERIFY(offsetOf("pa") != offsetOf("pc"));
        push(doc, removeItems(doc, {}, {QStringLiteral("pa")}));
        QCOMPARE(offsetOf("pb") + offsetOf("pc"), 0.0);
        QVERIFY(offsetOf("pb") != 0.0);
    }

    void aDragIsOneUndoStepAndRepeatedDragsMerge()
    {
        Document doc;
        Selection sel(&doc);
        GraphScene scene(&doc, &sel);
        doc.reset(placedSample(), QString());
        GraphView view(&scene);
        view.resize(800, 600);
        view.show();
        sel.set({QStringLiteral("crm"), QStringLiteral("dashboard")}, {});
        const QPointF crm0 = scene.nodeItem(QStringLiteral("crm"))->pos();
        for (int drag = 1; drag <= 2; ++drag) {
            // What a drag does: the selected items move, then the button is released.
            for (const QString &id : sel.nodes())
                scene.nodeItem(id)->moveBy(30, 10);
            QGraphicsSceneMouseEvent release(QEvent::GraphicsSceneMouseRelease);
            release.setButton(Qt::LeftButton);
            QApplication::sendEvent(&scene, &release);
        }
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(*doc.store().position(doc.store().node(QStringLiteral("crm"))), crm0 + QPointF(60, 20));
        doc.undoStack()->undo();
        QCOMPARE(scene.nodeItem(QStringLiteral("crm"))->pos(), crm0);
    }

    void selectionIsOneThing()
    {
        Document doc;
        Selection sel(&doc);
        GraphScene scene(&doc, &sel);
        doc.reset(placedSample(), QString());
        sel.set({QStringLiteral("crm")}, {});
        QVERIFY(scene.nodeItem(QStringLiteral("crm"))->isSelected());
        scene.nodeItem(QStringLiteral("dashboard"))->setSelected(true);
        QCOMPARE(sel.nodes(), (QStringList{QStringLiteral("crm"), QStringLiteral("dashboard")}));
        sel.selectEdge(QStringLiteral("e21"));
        QVERIFY(!scene.nodeItem(QStringLiteral("crm"))->isSelected());
        QVERIFY(scene.isEdgeSelected(doc.store().edge(QStringLiteral("e21"))));
        // Clicking an edge on the canvas selects it.
        GraphView view(&scene);
        view.resize(800, 600);
        view.show();
        const QLineF seg = scene.edgeLayer()->segment(doc.store().edge(QStringLiteral("e22")));
        QGraphicsSceneMouseEvent press(QEvent::GraphicsSceneMousePress);
        press.setButton(Qt::LeftButton);
        press.setScenePos(freePointOn(scene, seg));
        QApplication::sendEvent(&scene, &press);
        QCOMPARE(sel.edges(), QStringList{QStringLiteral("e22")});
    }

    void filtersAndFocusAreViewsNotEdits()
    {
        Document doc;
        Selection sel(&doc);
        GraphScene scene(&doc, &sel);
        doc.reset(placedSample(), QString());
        const int steps = doc.undoStack()->count();
        ViewFilter f;
        f.focus = {QStringLiteral("analytics")};
        f.depth = 1;
        scene.setFilter(f);
        int visible = 0;
        doc.store().forEachNode([&](int h, const Node &) { visible += scene.nodeVisible(h); });
        // analytics, its neighbours: dashboard, marketing_site, analytics_cloud.
        QCOMPARE(visible, 4);
        QVERIFY(scene.nodeVisible(doc.store().node(QStringLiteral("dashboard"))));
        QVERIFY(!scene.nodeVisible(doc.store().node(QStringLiteral("crm"))));
        QVERIFY(!scene.nodeItem(QStringLiteral("crm"))->isVisible());
        f.direction = ViewFilter::Direction::Downstream;
        scene.setFilter(f);
        QVERIFY(scene.nodeVisible(doc.store().node(QStringLiteral("analytics_cloud")))); // e23 analytics -> cloud
        QVERIFY(scene.nodeVisible(doc.store().node(QStringLiteral("dashboard")))); // e22 code analytics -> dashboard
        QVERIFY(!scene.nodeVisible(doc.store().node(QStringLiteral("marketing_site")))); // only upstream
        // Edge kinds: no code edges.
        ViewFilter kinds;
        kinds.edgeKinds[int(EdgeKind::Code)] = false;
        scene.setFilter(kinds);
        QVERIFY(!scene.edgeVisible(doc.store().edge(QStringLiteral("e22"))));
        QVERIFY(scene.edgeVisible(doc.store().edge(QStringLiteral("e21"))));
        // Categories: only data edges carrying one of them.
        ViewFilter cats;
        cats.categories = {QStringLiteral("CRED.SESSION")};
        scene.setFilter(cats);
        QVERIFY(scene.edgeVisible(doc.store().edge(QStringLiteral("e72"))));
        QVERIFY(!scene.edgeVisible(doc.store().edge(QStringLiteral("e21"))));
        // Tiers: tier-4 vendors hidden.
        ViewFilter tiers;
        tiers.vendorTiers[3] = false;
        scene.setFilter(tiers);
        QVERIFY(!scene.nodeVisible(doc.store().node(QStringLiteral("ad_network"))));
        QVERIFY(scene.nodeVisible(doc.store().node(QStringLiteral("crm"))));
        scene.setFilter(ViewFilter());
        QCOMPARE(doc.undoStack()->count(), steps);
        QVERIFY(scene.nodeItem(QStringLiteral("ad_network"))->isVisible());
    }

    void aFineGrainedEditOnTenThousandNodesTouchesOneItem()
    {
        GeneratorParams p;
        p.people = 20;
        p.services = 3000;
        p.vendors = 6980;
        p.edges = 50000;
        Model m = generateModel(p);
        LayoutControl none;
        const auto pos = runLayout(LayoutKind::Tiers, m, {}, none);
        for (auto it = pos->cbegin(); it != pos->cend(); ++it)
            m.layout.insert(it.key(), *it);
        Document doc;
        Selection sel(&doc);
        GraphScene scene(&doc, &sel);
        doc.reset(std::move(m), QString());
        QCOMPARE(itemCount(scene), 10000);
        const int before = scene.refreshCount();
        Node n = *doc.store().findNode(QStringLiteral("vendor-000003"));
        n.name = QStringLiteral("Renamed");
        push(doc, replaceNode(doc, n.id, n));
        QCOMPARE(scene.refreshCount() - before, 1);
        // A whole-model change is counted too: moving one node repaints no other item.
        const int beforeMove = scene.refreshCount();
        push(doc, movePositions({{n.id, QPointF(-500, -500)}}));
        QCOMPARE(scene.refreshCount(), beforeMove);
        QCOMPARE(scene.nodeItem(n.id)->pos(), QPointF(-500, -500));
    }

    void farOutTheOverviewDrawsBlocksAndAggregatesEdges()
    {
        GeneratorParams p;
        p.people = 10;
        p.services = 1500;
        p.vendors = 2500;
        p.edges = 20000;
        Model m = generateModel(p);
        LayoutControl none;
        const auto pos = runLayout(LayoutKind::Tiers, m, {}, none);
        for (auto it = pos->cbegin(); it != pos->cend(); ++it)
            m.layout.insert(it.key(), *it);
        Document doc;
        Selection sel(&doc);
        GraphScene scene(&doc, &sel);
        doc.reset(std::move(m), QString());
        GraphView view(&scene);
        view.resize(1200, 800);
        view.show();
        view.fitAll();
        QVERIFY(scene.overview());
        QVERIFY(!scene.nodeItem(QStringLiteral("vendor-000001"))->isVisible());
        QImage image(1200, 800, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            view.render(&painter);
        }
        QVERIFY(scene.edgeLayer()->lastPaintAggregated());
        QCOMPARE(scene.edgeLayer()->lastDrawnCount(), 20000);
        // Something was drawn: not a blank image.
        int coloured = 0;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                coloured += image.pixel(x, y) != qRgb(255, 255, 255);
        QVERIFY(coloured > 500);
        // Zooming in brings the items back.
        view.setZoom(1.0);
        QVERIFY(!scene.overview());
        QVERIFY(scene.nodeItem(QStringLiteral("vendor-000001"))->isVisible());
    }

    // A crowded view (hundreds of edges on screen) draws each edge as a thin line in its
    // kind's colour, straight into an image: every edge is there, at the right place.
    void crowdedViewsDrawEveryEdgeAsAThinLine()
    {
        Model m;
        m.name = QStringLiteral("crowd");
        for (int i = 0; i < 30; ++i) {
            Node a;
            a.id = QStringLiteral("s%1").arg(i);
            a.name = a.id;
            a.kind = NodeKind::Service;
            m.nodes.push_back(a);
            m.layout.insert(a.id, QPointF(0, i * 80));
            Node b = a;
            b.id = QStringLiteral("v%1").arg(i);
            b.name = b.id;
            b.kind = NodeKind::Vendor;
            m.nodes.push_back(b);
            m.layout.insert(b.id, QPointF(1400, i * 80));
        }
        for (int i = 0; i < 30; ++i)
            for (int j = 0; j < 30; ++j) {
                Edge e;
                e.id = QStringLiteral("e%1_%2").arg(i).arg(j);
                e.from = QStringLiteral("s%1").arg(i);
                e.to = QStringLiteral("v%1").arg(j);
                e.kind = EdgeKind::Code;
                m.edges.push_back(e);
            }
        Document doc;
        Selection sel(&doc);
        GraphScene scene(&doc, &sel);
        doc.reset(std::move(m), QString());
        GraphView view(&scene);
        view.resize(1000, 800);
        view.show();
        view.setZoom(0.6); // close enough for detail, but 900 edges on screen
        view.centerOn(QPointF(700, 1160));
        QImage image(1000, 800, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            view.render(&painter);
        }
        QVERIFY(scene.edgeLayer()->lastDrawnCount() > 700); // beyond the detailed drawing
        QVERIFY(!scene.edgeLayer()->lastPaintAggregated());
        // The column of pixels in the middle of the view (scene x = 700) crosses the lines at
        // y = 40 (i + j): about 33 distinct heights are on screen, each in the code colour.
        const QColor code = scene.canvasStyle().edgeColor[std::size_t(EdgeKind::Code)];
        const QColor background = scene.canvasStyle().background;
        int tinted = 0, rows = 0;
        for (int y = 0; y < image.height(); ++y) {
            const QColor c = image.pixelColor(500, y);
            ++rows;
            // Pre-mixed with the background: the blue channel leads like the code colour's.
            tinted += c.rgb() != background.rgb() && (c.blue() - c.red()) - (background.blue() - background.red()) != 0
                && ((c.blue() - c.red()) > (background.blue() - background.red())) == (code.blue() > code.red());
        }
        QVERIFY2(tinted >= 30, qPrintable(QStringLiteral("%1 of %2").arg(tinted).arg(rows)));
    }

    void tooltipsDescribeNodesAndEdges()
    {
        Document doc;
        Selection sel(&doc);
        GraphScene scene(&doc, &sel);
        doc.reset(placedSample(), QString());
        const QString node = scene.toolTipAt(scene.nodePos(doc.store().node(QStringLiteral("analytics"))), 4);
        QVERIFY2(node.contains(QStringLiteral("Pulsegraph Analytics")) && node.contains(QStringLiteral("tier 2")),
                 qPrintable(node));
        const QLineF seg = scene.edgeLayer()->segment(doc.store().edge(QStringLiteral("e21")));
        const QString edge = scene.toolTipAt(freePointOn(scene, seg), 4);
        QVERIFY2(edge.contains(QStringLiteral("CONTACT.EMAIL")) && edge.contains(QStringLiteral("DPA and code scan")),
                 qPrintable(edge));
    }
};

QTEST_MAIN(TestCanvas)
#include "tst_canvas.moc"
