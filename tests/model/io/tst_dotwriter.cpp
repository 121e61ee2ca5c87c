// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/io/dotwriter.h"
#include "model/io/generator.h"
#include "model/io/sample.h"

#include <QProcess>
#include <QStandardPaths>

using namespace vg;

namespace {

// Names that would break a DOT file written without quoting and escaping.
const QStringList kHostileNames{QStringLiteral("plain"),        QStringLiteral("say \"hi\""),
                                QStringLiteral("a\" -> \"b"),   QStringLiteral("trailing\\"),
                                QStringLiteral("\\N \\G \\l"),  QStringLiteral("]; evil [label=x"),
                                QStringLiteral("<b>html</b>"),  QStringLiteral("two\nlines\r\n"),
                                QStringLiteral("node"),         QStringLiteral("strict"),
                                QStringLiteral("{ subgraph }"), QStringLiteral("// comment /* x */"),
                                QStringLiteral("#include"),     QString::fromUtf8("Ünïcode 中文 😀"),
                                QStringLiteral("tab\there"),    QString(QChar(0)) + QStringLiteral("nul")};

Model hostileModel()
{
    Model m;
    m.name = QStringLiteral("a \"model\" \\ with } braces");
    for (int i = 0; i < kHostileNames.size(); ++i) {
        Node n;
        n.id = QStringLiteral("n%1").arg(i);
        n.kind = NodeKind(i % 3);
        n.name = kHostileNames[i];
        n.description = kHostileNames[(i + 1) % kHostileNames.size()];
        if (n.kind == NodeKind::Vendor)
            n.vendor = VendorProfile{2, true, {}, {}, {}, {}, {}, {}};
        m.nodes.push_back(n);
        m.layout.insert(n.id, QPointF(i * 10.5, -i * 3.25));
    }
    for (int i = 0; i + 1 < int(m.nodes.size()); ++i) {
        Edge e;
        e.id = QStringLiteral("e:%1").arg(i);
        e.from = m.nodes[std::size_t(i)].id;
        e.to = m.nodes[std::size_t(i + 1)].id;
        e.kind = EdgeKind(i % 4);
        if (e.kind == EdgeKind::Data)
            e.categories = {QStringLiteral("ID.NAME"), QStringLiteral("CONTACT.EMAIL"), QStringLiteral("DEVICE.IP"),
                            QStringLiteral("CRED.PASSWORD")};
        m.edges.push_back(e);
    }
    return m;
}

struct Plain {
    int code = -1;
    QString error;
    int nodes = 0, edges = 0;
};

// Runs `dot -Tplain` on the text and counts what Graphviz read.
Plain renderPlain(const QByteArray &dotText)
{
    QProcess p;
    p.start(QStringLiteral("dot"), {QStringLiteral("-Tplain")});
    p.write(dotText);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    Plain r{p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        r.nodes += line.startsWith("node ");
        r.edges += line.startsWith("edge ");
    }
    return r;
}

} // namespace

class TestDotWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("dot")).isEmpty())
            QFAIL("Graphviz's dot is not installed; bash .ci/deps installs it (package graphviz)");
    }

    void quotingKeepsTextData_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("plain") << "abc"
                               << "\"abc\"";
        QTest::newRow("quote escaped") << "a\"b"
                                       << "\"a\\\"b\"";
        QTest::newRow("backslash doubled, so \\N stays literal") << "\\N"
                                                                 << "\"\\\\N\"";
        QTest::newRow("trailing backslash cannot escape the closing quote") << "x\\"
                                                                            << "\"x\\\\ \"";
        QTest::newRow("line break as \\n, CR dropped") << "a\r\nb"
                                                       << "\"a\\nb\"";
        QTest::newRow("control characters become spaces") << QStringLiteral("a\x01") + QChar(0) << "\"a  \"";
        QTest::newRow("empty") << ""
                               << "\"\"";
    }
    void quotingKeepsTextData()
    {
        QFETCH(QString, text);
        QFETCH(QString, quoted);
        QCOMPARE(dotQuoted(text), quoted);
    }

    void exportedDotParsesWithGraphviz_data()
    {
        QTest::addColumn<QByteArray>("dot");
        QTest::addColumn<int>("nodes");
        QTest::addColumn<int>("edges");
        const Model sample = bundledSample();
        QTest::newRow("the bundled sample")
            << exportDot(sample) << int(sample.nodes.size()) << int(sample.edges.size());
        GeneratorParams g;
        g.people = 3;
        g.services = 30;
        g.vendors = 40;
        g.edges = 200;
        g.seed = 11;
        const Model generated = generateModel(g);
        QTest::newRow("a generated model")
            << exportDot(generated) << int(generated.nodes.size()) << int(generated.edges.size());
        const Model hostile = hostileModel();
        QTest::newRow("names made to break DOT")
            << exportDot(hostile) << int(hostile.nodes.size()) << int(hostile.edges.size());
        QTest::newRow("an empty model") << exportDot(Model()) << 0 << 0;
    }
    void exportedDotParsesWithGraphviz()
    {
        QFETCH(QByteArray, dot);
        QFETCH(int, nodes);
        QFETCH(int, edges);
        const Plain r = renderPlain(dot);
        QVERIFY2(r.code == 0, qPrintable(r.error));
        QVERIFY2(!r.error.contains(QStringLiteral("syntax error")), qPrintable(r.error));
        QCOMPARE(r.nodes, nodes);
        QCOMPARE(r.edges, edges);
    }

    void rendersSvgWithTheNames()
    {
        QProcess p;
        p.start(QStringLiteral("dot"), {QStringLiteral("-Tsvg")});
        p.write(exportDot(hostileModel()));
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QString svg = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY(svg.contains(QStringLiteral("say &quot;hi&quot;")));
        QVERIFY(svg.contains(QStringLiteral("&lt;b&gt;html&lt;/b&gt;")));
        QVERIFY(svg.contains(QStringLiteral("\\N \\G \\l")));
        QVERIFY(svg.contains(QString::fromUtf8("Ünïcode 中文 😀")));
    }

    void stylesFollowTheKinds()
    {
        const QString dot = QString::fromUtf8(exportDot(bundledSample()));
        QVERIFY(dot.startsWith(QStringLiteral("digraph \"Lumen AI (fictional sample)\" {")));
        QVERIFY(dot.contains(QStringLiteral("\"analytics\" [label=\"Pulsegraph Analytics\", shape=hexagon")));
        QVERIFY(dot.contains(QStringLiteral("\"api_users\" [label=\"API customers (developers)\", shape=ellipse")));
        QVERIFY(dot.contains(QStringLiteral("style=dashed, label=\"access: ")));
    }
};

QTEST_GUILESS_MAIN(TestDotWriter)
#include "tst_dotwriter.moc"
