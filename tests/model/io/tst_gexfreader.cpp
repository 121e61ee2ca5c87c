// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/io/gexfreader.h"

using namespace vg;

namespace {

QString cell(const RecordTable &t, const RecordRow &r, const char *column)
{
    const qsizetype c = t.columns.indexOf(QLatin1StringView(column));
    return c >= 0 && c < r.cells.size() ? r.cells[c] : QStringLiteral("<no column>");
}

} // namespace

class TestGexfReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsGephiAttributesLabelsAndPositions()
    {
        const Expected<GraphDocument> g =
            readGexf(test::readAll(QStringLiteral(VG_TEST_DATA "/interchange/graphs/gephi.gexf")), QStringLiteral("g"));
        QVERIFY2(g.ok(), g.ok() ? "" : qPrintable(g.error().message()));
        QCOMPARE(g->format, QStringLiteral("GEXF"));
        QCOMPARE(g->producer, QStringLiteral("Gephi 0.10.1"));
        QCOMPARE(g->nodes.columns, (QStringList{QStringLiteral("kind"), QStringLiteral("DPA")}));
        QCOMPARE(int(g->nodes.rows.size()), 2);
        const RecordRow &desk = g->nodes.rows[0];
        QCOMPARE(desk.label, QStringLiteral("Help desk"));
        QCOMPARE(cell(g->nodes, desk, "kind"), QStringLiteral("service"));
        QCOMPARE(desk.position, std::optional<QPointF>(QPointF(-80.5, 12)));
        const RecordRow &zendesk = g->nodes.rows[1];
        QCOMPARE(cell(g->nodes, zendesk, "kind"), QStringLiteral("vendor")); // the attribute's default
        QCOMPARE(cell(g->nodes, zendesk, "DPA"), QStringLiteral("true"));
        QCOMPARE(int(g->edges.rows.size()), 1);
        QCOMPARE(g->edges.rows[0].label, QStringLiteral("ticket text"));
        QCOMPARE(cell(g->edges, g->edges.rows[0], "categories"), QStringLiteral("CONTENT.SUPPORT; CONTACT.EMAIL"));
    }

    void readsNestedAndParentNodesAsGroups_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::newRow("nested <nodes>") << QByteArray(
            "<gexf><graph><nodes><node id=\"g\" label=\"Cloud\"><nodes><node id=\"a\" label=\"A\"/></nodes></node>"
            "</nodes></graph></gexf>");
        QTest::newRow("pid attribute (GEXF 1.1)") << QByteArray(
            "<gexf><graph><nodes><node id=\"g\" label=\"Cloud\"/><node id=\"a\" label=\"A\" pid=\"g\"/></nodes>"
            "</graph></gexf>");
    }
    void readsNestedAndParentNodesAsGroups()
    {
        QFETCH(QByteArray, xml);
        const Expected<GraphDocument> g = readGexf(xml, QStringLiteral("n.gexf"));
        QVERIFY2(g.ok(), g.ok() ? "" : qPrintable(g.error().message()));
        QCOMPARE(int(g->nodes.rows.size()), 2);
        QVERIFY(g->nodes.rows[0].isGroup);
        QCOMPARE(g->nodes.rows[1].group, QStringLiteral("Cloud"));
    }

    void refusesHostileXml_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("message");
        QTest::newRow("recursive entity in a DTD")
            << test::readAll(QStringLiteral(VG_TEST_DATA "/interchange/graphs/entities.gexf")) << "declares a DTD";
        QTest::newRow("not GEXF") << QByteArray("<graphml/>") << "the root element is <graphml>";
        QTest::newRow("edge without ends") << QByteArray("<gexf><graph><edges><edge id=\"1\"/></edges></graph></gexf>")
                                           << "without a source or a target";
    }
    void refusesHostileXml()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, message);
        const Expected<GraphDocument> g = readGexf(xml, QStringLiteral("bad.gexf"));
        QVERIFY(!g.ok());
        QVERIFY2(g.error().message().contains(message), qPrintable(g.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestGexfReader)
#include "tst_gexfreader.moc"
