// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/io/mermaidwriter.h"
#include "model/io/sample.h"

#include <QRegularExpression>

using namespace vg;

namespace {

// The lines a flowchart may have, as this writer emits them: the header, a comment, a node
// (id, shape, quoted label), an edge (id, arrow, quoted label, id), class lines.
const QRegularExpression
    kNodeLine(QStringLiteral(R"(^  (n_[A-Za-z0-9_]+)(\(\["[^"]*"\]\)|\("[^"]*"\)|\{\{"[^"]*"\}\})$)"));
const QRegularExpression
    kEdgeLine(QStringLiteral(R"(^  (n_[A-Za-z0-9_]+) (-->|-\.->|==>|--->)\|"[^"|]*"\| (n_[A-Za-z0-9_]+)$)"));
const QRegularExpression kOtherLine(QStringLiteral(
    R"(^(flowchart LR|  %% [^{}\r\n]*|  classDef (people|service|vendor) [^ ]+|  class (n_[A-Za-z0-9_]+,?)+ (people|service|vendor))$)"));

Model modelWithNames(const QStringList &names, const QStringList &ids)
{
    Model m;
    m.name = QStringLiteral("%%{init: {'theme': 'dark'}}%%");
    for (int i = 0; i < names.size(); ++i) {
        Node n;
        n.id = ids.value(i, QStringLiteral("n%1").arg(i));
        n.kind = NodeKind(i % 3);
        n.name = names[i];
        m.nodes.push_back(n);
    }
    for (int i = 0; i + 1 < names.size(); ++i) {
        Edge e;
        e.id = QStringLiteral("e%1").arg(i);
        e.from = m.nodes[std::size_t(i)].id;
        e.to = m.nodes[std::size_t(i + 1)].id;
        e.kind = EdgeKind(i % 4);
        if (e.kind == EdgeKind::Data)
            e.categories = {QStringLiteral("ID.NAME")};
        m.edges.push_back(e);
    }
    return m;
}

} // namespace

class TestMermaidWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void labelsAreQuotedWithEntityCodes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("plain") << "Stripe"
                               << "\"Stripe\"";
        QTest::newRow("the reserved word end is just a label") << "end"
                                                               << "\"end\"";
        QTest::newRow("quotes") << "say \"hi\""
                                << "\"say #quot;hi#quot;\"";
        QTest::newRow("brackets and braces stay inside quotes") << "a[b](c){d}"
                                                                << "\"a[b](c){d}\"";
        QTest::newRow("hash, so entity codes cannot be forged") << "#quot;"
                                                                << "\"#35;quot#59;\"";
        QTest::newRow("markup and backticks") << "<b>`x`</b>"
                                              << "\"#lt;b#gt;#96;x#96;#lt;/b#gt;\"";
        QTest::newRow("pipe and semicolon") << "a|b;c"
                                            << "\"a#124;b#59;c\"";
        QTest::newRow("percent and ampersand") << "%% 5% & co"
                                               << "\"#37;#37; 5#37; #amp; co\"";
        QTest::newRow("line breaks become spaces") << "a\nb\r\nc"
                                                   << "\"a b  c\"";
    }
    void labelsAreQuotedWithEntityCodes()
    {
        QFETCH(QString, text);
        QFETCH(QString, quoted);
        QCOMPARE(mermaidQuoted(text), quoted);
    }

    void everyLineFollowsTheGrammar_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("reserved words as names")
            << QStringList{QStringLiteral("end"),   QStringLiteral("graph"), QStringLiteral("subgraph"),
                           QStringLiteral("style"), QStringLiteral("class"), QStringLiteral("click")}
            << QStringList{};
        QTest::newRow("reserved words, dots and colons as ids")
            << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d"),
                           QStringLiteral("e")}
            << QStringList{QStringLiteral("end"), QStringLiteral("crm.tenant"), QStringLiteral("vendor:x"),
                           QStringLiteral("o-ring"), QStringLiteral("x-ray")};
        QTest::newRow("ids that collide once cleaned")
            << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}
            << QStringList{QStringLiteral("a.b"), QStringLiteral("a:b"), QStringLiteral("a_b")};
        QTest::newRow("quotes, brackets and arrows in names") << QStringList{QStringLiteral("A \"quoted\" name"),
                                                                             QStringLiteral("x]) --> y[("),
                                                                             QStringLiteral("{{hex}}"),
                                                                             QStringLiteral("a|b"),
                                                                             QStringLiteral("%%comment"),
                                                                             QStringLiteral("o"),
                                                                             QStringLiteral("x")}
                                                              << QStringList{};
    }
    void everyLineFollowsTheGrammar()
    {
        QFETCH(QStringList, names);
        QFETCH(QStringList, ids);
        const Model m = modelWithNames(names, ids);
        const QStringList lines = QString::fromUtf8(exportMermaid(m)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QSet<QString> declared;
        int nodes = 0, edges = 0;
        for (const QString &line : lines) {
            if (const auto n = kNodeLine.match(line); n.hasMatch()) {
                QVERIFY2(!declared.contains(n.captured(1)), qPrintable(line));
                declared.insert(n.captured(1));
                ++nodes;
            } else if (const auto e = kEdgeLine.match(line); e.hasMatch()) {
                QVERIFY2(declared.contains(e.captured(1)) && declared.contains(e.captured(3)), qPrintable(line));
                ++edges;
            } else {
                QVERIFY2(kOtherLine.match(line).hasMatch(), qPrintable(line));
            }
        }
        QCOMPARE(nodes, int(m.nodes.size()));
        QCOMPARE(edges, int(m.edges.size()));
        for (const QString &id : declared)
            QVERIFY2(id != u"end" && !id.contains(QLatin1Char('.')) && !id.contains(QLatin1Char(':')), qPrintable(id));
    }

    void theSampleBecomesAFlowchart()
    {
        const Model m = bundledSample();
        const QString text = QString::fromUtf8(exportMermaid(m));
        QVERIFY(text.startsWith(QStringLiteral("flowchart LR\n")));
        QVERIFY(text.contains(QStringLiteral("  n_analytics{{\"Pulsegraph Analytics\"}}\n")));
        QVERIFY(text.contains(QStringLiteral("  n_api_users([\"API customers (developers)\"])\n")));
        QVERIFY(text.contains(QStringLiteral(" -.->|\"access: ")));
        QVERIFY(text.contains(QStringLiteral("  classDef vendor fill:#FFE0B2")));
        QCOMPARE(int(text.count(QStringLiteral("|\""))), int(m.edges.size()));
    }
};

QTEST_GUILESS_MAIN(TestMermaidWriter)
#include "tst_mermaidwriter.moc"
