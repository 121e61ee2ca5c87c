// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/io/graphmlwriter.h"
#include "model/io/importer.h"
#include "model/io/sample.h"

#include <QProcess>
#include <QStandardPaths>
#include <QXmlStreamReader>

using namespace vg;

Q_DECLARE_METATYPE(Model)

namespace {

const QString kGraphml = QStringLiteral("http://graphml.graphdrawing.org/xmlns");
const QString kY = QStringLiteral("http://www.yworks.com/xml/graphml");

Model richModel()
{
    return parseModelJson(test::readAll(QStringLiteral(VG_TEST_DATA "/interchange/rich.json"))).value();
}

struct Shape {
    int keys = 0, yfilesKeys = 0, nodes = 0, edges = 0, shapeNodes = 0, geometries = 0, fills = 0, nodeLabels = 0,
        shapes = 0, polyLines = 0, lineStyles = 0, arrows = 0;
    QStringList attrNames;
    QString error;
};

// Reads the whole document with a strict XML reader and counts what yEd and the other
// tools look for.
Shape inspect(const QByteArray &xml)
{
    Shape s;
    QXmlStreamReader r(xml);
    r.setNamespaceProcessing(true);
    while (!r.atEnd()) {
        r.readNext();
        if (r.tokenType() != QXmlStreamReader::StartElement)
            continue;
        const QStringView ns = r.namespaceUri(), name = r.name();
        if (ns == kGraphml && name == u"key") {
            ++s.keys;
            if (r.attributes().hasAttribute(QStringLiteral("yfiles.type")))
                ++s.yfilesKeys;
            else
                s.attrNames << r.attributes().value(QStringLiteral("attr.name")).toString();
        }
        s.nodes += ns == kGraphml && name == u"node";
        s.edges += ns == kGraphml && name == u"edge";
        if (ns != kY)
            continue;
        s.shapeNodes += name == u"ShapeNode";
        s.geometries += name == u"Geometry";
        s.fills += name == u"Fill";
        s.nodeLabels += name == u"NodeLabel";
        s.shapes += name == u"Shape";
        s.polyLines += name == u"PolyLineEdge";
        s.lineStyles += name == u"LineStyle";
        s.arrows += name == u"Arrows";
    }
    if (r.hasError())
        s.error = QStringLiteral("line %1: %2").arg(r.lineNumber()).arg(r.errorString());
    return s;
}

Model importGraphml(const QByteArray &xml)
{
    const Expected<ImportPlan> plan =
        planImport({ImportSource{QStringLiteral("m.graphml"), ImportFormat::Graphml, xml}}, Model());
    if (!plan)
        qFatal("%s", qPrintable(plan.error().message()));
    return applyImport(Model(), *plan).value();
}

} // namespace

class TestGraphmlWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void isWellFormedWithTheKeysYedExpects_data()
    {
        QTest::addColumn<Model>("model");
        QTest::newRow("the bundled sample") << bundledSample();
        QTest::newRow("a model using every field") << richModel();
        QTest::newRow("an empty model") << Model();
    }
    void isWellFormedWithTheKeysYedExpects()
    {
        QFETCH(Model, model);
        const QByteArray xml = exportGraphml(model);
        const Shape s = inspect(xml);
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QVERIFY(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        QVERIFY(xml.contains("xmlns:y=\"http://www.yworks.com/xml/graphml\""));
        QVERIFY(xml.contains("<key id=\"nodegraphics\" for=\"node\" yfiles.type=\"nodegraphics\"/>"));
        QVERIFY(xml.contains("<key id=\"edgegraphics\" for=\"edge\" yfiles.type=\"edgegraphics\"/>"));
        QCOMPARE(s.yfilesKeys, 3);
        const int n = int(model.nodes.size()), e = int(model.edges.size());
        QCOMPARE(s.nodes, n);
        QCOMPARE(s.edges, e);
        for (const int count : {s.shapeNodes, s.geometries, s.fills, s.nodeLabels, s.shapes})
            QCOMPARE(count, n);
        for (const int count : {s.polyLines, s.lineStyles, s.arrows})
            QCOMPARE(count, e);
        // Every domain field is a typed key that Gephi and Cytoscape show as a column.
        for (const char *name : {"kind",
                                 "name",
                                 "description",
                                 "tags",
                                 "count",
                                 "regions",
                                 "stores",
                                 "vendor_tier",
                                 "vendor_dpa",
                                 "vendor_certifications",
                                 "vendor_regions",
                                 "vendor_security_rating",
                                 "vendor_last_assessed",
                                 "vendor_contract_end",
                                 "vendor_exit_plan",
                                 "categories",
                                 "records",
                                 "encryption",
                                 "scope",
                                 "stored",
                                 "source",
                                 "confirmed",
                                 "format",
                                 "organization"})
            QVERIFY2(s.attrNames.contains(QLatin1StringView(name)), name);
    }

    void passesXmllintWhenItIsInstalled()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("xmllint")).isEmpty())
            QSKIP("xmllint is not installed (package libxml2-utils); the strict QXmlStreamReader check still ran");
        QProcess p;
        p.start(QStringLiteral("xmllint"), {QStringLiteral("--noout"), QStringLiteral("-")});
        p.write(exportGraphml(richModel()));
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    }

    void attributesAreTyped()
    {
        const QString xml = QString::fromUtf8(exportGraphml(richModel()));
        QVERIFY(xml.contains(QStringLiteral("attr.name=\"count\" attr.type=\"long\"")));
        QVERIFY(xml.contains(QStringLiteral("attr.name=\"vendor_tier\" attr.type=\"int\"")));
        QVERIFY(xml.contains(QStringLiteral("attr.name=\"vendor_dpa\" attr.type=\"boolean\"")));
        QVERIFY(xml.contains(QStringLiteral("attr.name=\"x\" attr.type=\"double\"")));
        QVERIFY(xml.contains(QStringLiteral("attr.name=\"attr:owner\" attr.type=\"string\"")));
    }

    void kindsGetShapesAndColours()
    {
        const QString xml = QString::fromUtf8(exportGraphml(richModel()));
        QVERIFY(xml.contains(QStringLiteral("<y:Shape type=\"hexagon\"/>")));
        QVERIFY(xml.contains(QStringLiteral("<y:Shape type=\"ellipse\"/>")));
        QVERIFY(xml.contains(QStringLiteral("<y:Shape type=\"roundrectangle\"/>")));
        QVERIFY(xml.contains(QStringLiteral("<y:LineStyle color=\"#C62828\" type=\"dashed\"")));
        QVERIFY(xml.contains(QStringLiteral("<y:Fill color=\"#FFE0B2\" transparent=\"false\"/>")));
    }

    // y:Geometry is the top-left corner; the model's position is the centre.
    void geometryIsCentredOnTheModelPosition()
    {
        Model m;
        Node n;
        n.id = QStringLiteral("a");
        n.name = QStringLiteral("Abc"); // width 80 (the minimum), height 40
        m.nodes.push_back(n);
        m.layout.insert(QStringLiteral("a"), QPointF(100, 50));
        const QString xml = QString::fromUtf8(exportGraphml(m));
        QVERIFY2(xml.contains(QStringLiteral("<y:Geometry height=\"40\" width=\"80\" x=\"60\" y=\"30\"/>")),
                 qPrintable(xml));
    }

    void nodesMovedInYedKeepTheirNewPosition()
    {
        Model m;
        for (const char *id : {"placed", "unplaced"}) {
            Node n;
            n.id = QString::fromLatin1(id);
            n.name = n.id;
            m.nodes.push_back(n);
        }
        m.layout.insert(QStringLiteral("placed"), QPointF(100, 50));
        const QByteArray xml = exportGraphml(m);
        // Unmoved, a node without a position comes back without one.
        QCOMPARE(importGraphml(xml).layout, m.layout);
        // Moved in yEd (the geometry changes, the data keys do not): the drawing wins.
        QByteArray moved = xml;
        const qsizetype placed = moved.indexOf("<node id=\"placed\">");
        const qsizetype unplaced = moved.indexOf("<node id=\"unplaced\">");
        QVERIFY(placed >= 0 && unplaced >= 0);
        auto shift = [&](qsizetype from) {
            const qsizetype g = moved.indexOf("<y:Geometry", from);
            const qsizetype x = moved.indexOf(" x=\"", g) + 4;
            const qsizetype end = moved.indexOf('"', x);
            const double old = moved.mid(x, end - x).toDouble();
            moved.replace(x, end - x, QByteArray::number(old + 500));
        };
        shift(unplaced);
        shift(placed);
        const Model back = importGraphml(moved);
        QCOMPARE(back.layout.value(QStringLiteral("placed")), QPointF(600, 50));
        QVERIFY(back.layout.contains(QStringLiteral("unplaced")));
        QCOMPARE(back.layout.value(QStringLiteral("unplaced")).x(), 820.0); // the services column (x 320), moved 500
    }

    void controlCharactersBecomeReplacementCharacters()
    {
        Model m;
        Node n;
        n.id = QStringLiteral("a");
        n.name = QStringLiteral("bell\x07") + QChar(0) + QStringLiteral("end\r\n");
        m.nodes.push_back(n);
        const QByteArray xml = exportGraphml(m);
        QVERIFY(inspect(xml).error.isEmpty());
        QCOMPARE(importGraphml(xml).nodes.at(0).name, QStringLiteral("bell\uFFFD\uFFFDend\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestGraphmlWriter)
#include "tst_graphmlwriter.moc"
