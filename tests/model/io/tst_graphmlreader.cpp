// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/io/graphmlreader.h"

#include <QElapsedTimer>

using namespace vg;

namespace {

QString graphs(const QString &name) { return QStringLiteral(VG_TEST_DATA "/interchange/graphs/") + name; }

QString cell(const RecordTable &t, const RecordRow &r, const char *column)
{
    const qsizetype c = t.columns.indexOf(QLatin1StringView(column));
    return c >= 0 && c < r.cells.size() ? r.cells[c] : QStringLiteral("<no column>");
}

} // namespace

class TestGraphmlReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsYedLabelsGeometryAndGroups()
    {
        const Expected<GraphDocument> g =
            readGraphml(test::readAll(graphs(QStringLiteral("yed.graphml"))), QStringLiteral("yed.graphml"));
        QVERIFY2(g.ok(), g.ok() ? "" : qPrintable(g.error().message()));
        QCOMPARE(g->producer, QStringLiteral("yEd"));
        QCOMPARE(int(g->nodes.rows.size()), 5); // the group, its two members, two more
        const RecordRow &group = g->nodes.rows[0];
        QVERIFY(group.isGroup);
        QCOMPARE(group.label, QStringLiteral("Production platform")); // runs of spaces collapsed
        const RecordRow &checkout = g->nodes.rows[1];
        QCOMPARE(checkout.elementId, QStringLiteral("n0::n0"));
        QCOMPARE(checkout.label, QStringLiteral("Checkout")); // label text without the label model's children
        QCOMPARE(checkout.group, QStringLiteral("Production platform"));
        QCOMPARE(checkout.position, std::optional<QPointF>(QPointF(100, 65))); // centre of x 40 y 50 w 120 h 30
        QCOMPARE(checkout.line, 37);
        QCOMPARE(cell(g->nodes, checkout, "description"), QStringLiteral("the web checkout"));
        QCOMPARE(cell(g->nodes, checkout, "kind"), QStringLiteral("service")); // the key's <default>
        QCOMPARE(g->nodes.rows[2].label, QStringLiteral("Orders DB"));
        const RecordRow &stripe = g->nodes.rows[3];
        QCOMPARE(stripe.label, QStringLiteral("Stripe")); // a GenericNode
        QCOMPARE(cell(g->nodes, stripe, "kind"), QStringLiteral("vendor"));
        QCOMPARE(int(g->edges.rows.size()), 3);
        QCOMPARE(g->edges.rows[0].label, QStringLiteral("ID.NAME; CONTACT.POSTAL"));
        QCOMPARE(g->edges.rows[1].source, QStringLiteral("n0::n0"));
        QCOMPARE(g->edges.rows[1].target, QStringLiteral("n1"));
        QCOMPARE(cell(g->edges, g->edges.rows[1], "description"), QStringLiteral("card payments"));
        QCOMPARE(g->graphData.value(QStringLiteral("Description")), QString());
    }

    void readsOtherToolsKeys_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("nodes");
        QTest::addColumn<int>("edges");
        QTest::addColumn<QString>("nodeColumn");
        QTest::addColumn<QString>("firstValue");
        QTest::newRow("Gephi: label and x/y keys") << "gephi.graphml" << 2 << 1 << "label"
                                                   << "Checkout";
        QTest::newRow("Cytoscape: one key id for node and edge keys") << "cytoscape.graphml" << 2 << 1 << "name"
                                                                      << "Checkout";
        QTest::newRow("igraph: v_ and e_ key ids") << "igraph.graphml" << 2 << 2 << "name"
                                                   << "CI pipelines";
        QTest::newRow("networkx: node ids are names") << "networkx.graphml" << 2 << 1 << "label"
                                                      << "Web shop";
    }
    void readsOtherToolsKeys()
    {
        QFETCH(QString, file);
        QFETCH(int, nodes);
        QFETCH(int, edges);
        QFETCH(QString, nodeColumn);
        QFETCH(QString, firstValue);
        const Expected<GraphDocument> g = readGraphml(test::readAll(graphs(file)), file);
        QVERIFY2(g.ok(), g.ok() ? "" : qPrintable(g.error().message()));
        QCOMPARE(int(g->nodes.rows.size()), nodes);
        QCOMPARE(int(g->edges.rows.size()), edges);
        QCOMPARE(cell(g->nodes, g->nodes.rows[0], nodeColumn.toLatin1().constData()), firstValue);
        QVERIFY(g->producer.isEmpty());
    }

    void cytoscapeNodeAndEdgeKeysStayApart()
    {
        const Expected<GraphDocument> g =
            readGraphml(test::readAll(graphs(QStringLiteral("cytoscape.graphml"))), QStringLiteral("c"));
        QVERIFY(g.ok());
        QCOMPARE(cell(g->edges, g->edges.rows[0], "name"), QStringLiteral("Checkout (pp) Mailgun"));
        QCOMPARE(cell(g->nodes, g->nodes.rows[1], "name"), QStringLiteral("Mailgun"));
        QCOMPARE(g->graphData.value(QStringLiteral("name")), QStringLiteral("vendors.sif"));
    }

    void refusesHostileXml_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("an external DTD") << "dtd.graphml"
                                         << "line 2: the file declares a DTD";
        QTest::newRow("billion laughs (entity expansion)") << "billion-laughs.graphml"
                                                           << "declares a DTD";
        QTest::newRow("XXE: an external entity") << "xxe.graphml"
                                                 << "declares a DTD";
        QTest::newRow("an undeclared entity without a DTD") << "undeclared-entity.graphml"
                                                            << "line 4: malformed XML: Entity 'secret' not declared";
        QTest::newRow("nesting deeper than 64") << "deep.graphml"
                                                << "nested deeper than 64 levels";
        QTest::newRow("truncated") << "truncated.graphml"
                                   << "line 5: malformed XML: Premature end of document";
    }
    void refusesHostileXml()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        QElapsedTimer t;
        t.start();
        const Expected<GraphDocument> g = readGraphml(test::readAll(graphs(file)), file);
        QVERIFY(!g.ok());
        QVERIFY2(g.error().message().startsWith(file + QStringLiteral(": ")), qPrintable(g.error().message()));
        QVERIFY2(g.error().message().contains(message), qPrintable(g.error().message()));
        QVERIFY2(t.elapsed() < 100, "hostile XML is refused quickly");
    }

    void refusesWhatIsNotGraphml_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("another root element") << QByteArray("<gexf/>") << "the root element is <gexf>";
        QTest::newRow("an empty file") << QByteArray() << "malformed XML";
        QTest::newRow("a node without an id")
            << QByteArray("<graphml><graph><node/></graph></graphml>") << "a <node> without an id";
        QTest::newRow("an edge without a target")
            << QByteArray("<graphml><graph><edge source=\"a\"/></graph></graphml>") << "without a source or a target";
    }
    void refusesWhatIsNotGraphml()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const Expected<GraphDocument> g = readGraphml(bytes, QStringLiteral("x.graphml"));
        QVERIFY(!g.ok());
        QVERIFY2(g.error().message().contains(message), qPrintable(g.error().message()));
    }

    void capsTheNumberOfElements()
    {
        QByteArray xml("<graphml><graph>");
        for (int i = 0; i < 20; ++i)
            xml += "<node id=\"n" + QByteArray::number(i) + "\"/>";
        xml += "</graph></graphml>";
        const Expected<GraphDocument> g = readGraphml(xml, QStringLiteral("many.graphml"), 10);
        QVERIFY(!g.ok());
        QVERIFY2(g.error().message().contains(QStringLiteral("more than 10 nodes and edges")),
                 qPrintable(g.error().message()));
    }

    void skipsPortsAndHyperedgesWithANote()
    {
        const QByteArray xml("<graphml><graph><node id=\"a\"><port name=\"p\"/></node><node id=\"b\"/>"
                             "<hyperedge><endpoint node=\"a\"/><endpoint node=\"b\"/></hyperedge></graph></graphml>");
        const Expected<GraphDocument> g = readGraphml(xml, QStringLiteral("h.graphml"));
        QVERIFY(g.ok());
        QCOMPARE(int(g->nodes.rows.size()), 2);
        QCOMPARE(g->notes.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestGraphmlReader)
#include "tst_graphmlreader.moc"
