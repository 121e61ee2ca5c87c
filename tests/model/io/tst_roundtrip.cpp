// SPDX-License-Identifier: GPL-3.0-or-later
// Export -> import round trips through CSV and GraphML: every node, edge, attribute,
// category and position comes back (and, for GraphML, the model's name and organization).
#include "tests/testutil.h"

#include "model/domain/validate.h"
#include "model/io/csvexport.h"
#include "model/io/generator.h"
#include "model/io/graphmlwriter.h"
#include "model/io/importer.h"
#include "model/io/sample.h"

#include <QRandomGenerator>

using namespace vg;

Q_DECLARE_METATYPE(Model)

namespace {

// A model holding one node, for printing it.
Model only(const Node &n)
{
    Model m;
    m.nodes.push_back(n);
    return m;
}


// Text made to trip exporters: formula triggers, quotes, delimiters, list separators,
// backslashes, line breaks, blanks, markup, non-ASCII. No control characters other than
// tab and line breaks: XML cannot carry them (tst_graphmlwriter covers that).
QString randomText(QRandomGenerator &rng, bool allowBlankEnds = true)
{
    static const QList<QString> pieces = {
        QStringLiteral("="),    QStringLiteral("+"),       QStringLiteral("-"),     QStringLiteral("@"),
        QStringLiteral("'"),    QStringLiteral("\""),      QStringLiteral(","),     QStringLiteral(";"),
        QStringLiteral("\\"),   QStringLiteral("\n"),      QStringLiteral("\r\n"),  QStringLiteral("\t"),
        QStringLiteral(" "),    QStringLiteral("<b>"),     QStringLiteral("&amp;"), QStringLiteral("]]>"),
        QStringLiteral("1"),    QStringLiteral("-2.5"),    QStringLiteral("Acme"),  QStringLiteral("attr:x"),
        QString::fromUtf8("é"), QString::fromUtf8("中文"), QString::fromUtf8("😀"),  QStringLiteral("#13;")};
    QString s;
    const int n = 1 + int(rng.bounded(6));
    for (int i = 0; i < n; ++i)
        s += pieces[rng.bounded(qsizetype(pieces.size()))];
    if (!allowBlankEnds)
        s = s.trimmed();
    return s.isEmpty() ? QStringLiteral("x") : s;
}

QStringList randomList(QRandomGenerator &rng)
{
    QStringList out;
    const int n = int(rng.bounded(4));
    for (int i = 0; i < n; ++i)
        out << randomText(rng, false); // list items are trimmed on read
    return out;
}

QDate randomDate(QRandomGenerator &rng) { return QDate(2000, 1, 1).addDays(qint64(rng.bounded(12000))); }

// A generated model with every optional field filled at random on some nodes and edges.
Model decoratedModel(quint64 seed)
{
    GeneratorParams g;
    g.people = 4;
    g.services = 40;
    g.vendors = 60;
    g.edges = 300;
    g.seed = seed;
    Model m = generateModel(g);
    QRandomGenerator rng(quint32(seed) * 7919u + 13u);
    m.name = randomText(rng);
    m.categories.push_back({QStringLiteral("X.CUSTOM"), randomText(rng), 2, QStringList{}});
    m.categories.push_back({QStringLiteral("ID.NAME"), std::nullopt, 1, QStringList{QStringLiteral("PIVOT")}});
    const QStringList keys{QStringLiteral("owner"), QStringLiteral("cost centre"), QStringLiteral("=risk"),
                           QStringLiteral("semi;colon \"key\""), QString::fromUtf8("schlüssel")};
    for (Node &n : m.nodes) {
        if (rng.bounded(3) == 0)
            n.description = randomText(rng);
        if (rng.bounded(4) == 0)
            n.name = randomText(rng);
        n.tags = randomList(rng);
        const int attributes = int(rng.bounded(3));
        for (int i = 0; i < attributes; ++i)
            n.attributes.insert(keys[rng.bounded(qsizetype(keys.size()))], randomText(rng));
        if (rng.bounded(2) == 0)
            m.layout.insert(n.id, QPointF(rng.generateDouble() * 4000 - 2000, double(rng.bounded(-500, 500)) / 8));
        if (n.kind == NodeKind::Vendor && rng.bounded(2) == 0) {
            VendorProfile &p = *n.vendor;
            p.certifications = randomList(rng);
            p.regions = {QStringLiteral("US"), QStringLiteral("EU")};
            p.securityRating = randomText(rng);
            p.lastAssessed = randomDate(rng);
            p.contractEnd = randomDate(rng);
            p.exitPlan = ExitPlan(rng.bounded(3));
        }
        if (n.kind == NodeKind::Service && rng.bounded(3) == 0)
        {
            StoredData d;
            d.category = QStringLiteral("X.CUSTOM");
            d.encryption = Encryption::None;
            n.stores.push_back(d);
        }
    }
    for (Edge &e : m.edges) {
        if (rng.bounded(3) == 0)
            e.description = randomText(rng);
        if (rng.bounded(4) == 0)
            e.source = randomText(rng);
        if (rng.bounded(5) == 0)
            e.confirmed = randomDate(rng);
        if (e.kind == EdgeKind::Data && rng.bounded(10) == 0 && !e.categories.contains(QStringLiteral("X.CUSTOM")))
            e.categories << QStringLiteral("X.CUSTOM");
    }
    return m;
}

Model richModel()
{
    return parseModelJson(test::readAll(QStringLiteral(VG_TEST_DATA "/interchange/rich.json"))).value();
}

Expected<Model> importInto(const std::vector<ImportSource> &sources, const Model &into = {})
{
    Expected<ImportPlan> plan = planImport(sources, into);
    if (!plan)
        return plan.error();
    if (!plan->rejected.empty() || !plan->uncertain.empty())
        return Error(QStringLiteral("plan"),
                     plan->rejected.empty() ? QStringLiteral("uncertain matches") : plan->rejected.front().toString());
    return applyImport(into, *plan);
}

std::vector<ImportSource> csvSources(const Model &m)
{
    const CsvExport csv = exportCsv(m);
    return {ImportSource{QStringLiteral("categories.csv"), ImportFormat::CsvCategories, csv.categories},
            ImportSource{QStringLiteral("nodes.csv"), ImportFormat::CsvNodes, csv.nodes},
            ImportSource{QStringLiteral("edges.csv"), ImportFormat::CsvEdges, csv.edges}};
}

std::vector<ImportSource> graphmlSources(const Model &m)
{
    return {ImportSource{QStringLiteral("model.graphml"), ImportFormat::Auto, exportGraphml(m)}};
}

// Compares two models part by part, so a failure names the first differing element.
void compareModels(Model actual, Model expected, bool modelLevel)
{
    actual.sortById();
    expected.sortById();
    QCOMPARE(actual.categories.size(), expected.categories.size());
    for (std::size_t i = 0; i < expected.categories.size(); ++i)
        QCOMPARE(actual.categories[i], expected.categories[i]);
    QCOMPARE(actual.nodes.size(), expected.nodes.size());
    for (std::size_t i = 0; i < expected.nodes.size(); ++i) {
        if (!(actual.nodes[i] == expected.nodes[i]))
            QFAIL(qPrintable(
                QStringLiteral("node %1 differs:\n%2\n%3")
                    .arg(expected.nodes[i].id,
                         QString::fromUtf8(serializeModelJson(only(actual.nodes[i]))),
                         QString::fromUtf8(serializeModelJson(only(expected.nodes[i]))))));
    }
    QCOMPARE(actual.edges.size(), expected.edges.size());
    for (std::size_t i = 0; i < expected.edges.size(); ++i)
        QCOMPARE(actual.edges[i], expected.edges[i]);
    QCOMPARE(actual.layout, expected.layout);
    if (modelLevel) {
        QCOMPARE(actual.name, expected.name);
        QCOMPARE(actual.organization, expected.organization);
    }
}

} // namespace

class TestRoundTrip : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exportThenImportGivesTheModelBack_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<Model>("model");
        struct Case {
            const char *name;
            Model model;
        };
        GeneratorParams big;
        big.people = 20;
        big.services = 300;
        big.vendors = 700;
        big.edges = 5000;
        big.seed = 99;
        const std::vector<Case> cases{
            {"the bundled sample", bundledSample()},
            {"a model using every field", richModel()},
            {"a generated model", generateModel(big)},
            {"a generated model with random text, seed 1", decoratedModel(1)},
            {"a generated model with random text, seed 2", decoratedModel(2)},
            {"a generated model with random text, seed 3", decoratedModel(3)},
            {"an empty model", Model()},
        };
        for (const char *format : {"csv", "graphml"})
            for (const Case &c : cases)
                QTest::addRow("%s: %s", format, c.name) << QString::fromLatin1(format) << c.model;
    }
    void exportThenImportGivesTheModelBack()
    {
        QFETCH(QString, format);
        QFETCH(Model, model);
        QVERIFY(validateModel(model).empty());
        const Expected<Model> back = importInto(format == u"csv" ? csvSources(model) : graphmlSources(model));
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message()));
        QVERIFY(validateModel(*back).empty());
        compareModels(*back, model, format == u"graphml");
    }

    // Importing a model's own export into it matches everything by id and changes nothing.
    void reimportingAnExportChangesNothing_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("csv") << "csv";
        QTest::newRow("graphml") << "graphml";
    }
    void reimportingAnExportChangesNothing()
    {
        QFETCH(QString, format);
        const Model m = decoratedModel(5);
        const Expected<ImportPlan> plan = planImport(format == u"csv" ? csvSources(m) : graphmlSources(m), m);
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message()));
        QVERIFY(plan->rejected.empty());
        QVERIFY(plan->addedNodes.empty());
        QVERIFY(plan->addedEdges.empty());
        QCOMPARE(plan->matchedNodes.size(), m.nodes.size());
        QCOMPARE(plan->matchedEdges.size(), m.edges.size());
        for (const MatchedNode &n : plan->matchedNodes)
            QVERIFY2(n.changedFields.isEmpty(), qPrintable(n.existingId + u' ' + n.changedFields.join(u',')));
        QVERIFY(!plan->changesSomething());
        QCOMPARE(applyImport(m, *plan).value(), m);
    }
};

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "tst_roundtrip.moc"
