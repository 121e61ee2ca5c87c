// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/domain/validate.h"
#include "model/engine/blastradius.h"
#include "model/io/importer.h"
#include "model/io/modelfile.h"
#include "model/io/sample.h"

#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace vg;

namespace {

QString data(const QString &name) { return QStringLiteral(VG_TEST_DATA "/interchange/") + name; }

ImportSource csv(const char *name, const QByteArray &bytes, ImportFormat format = ImportFormat::Auto)
{
    return ImportSource{QString::fromLatin1(name), format, bytes};
}

const Node *findNode(const Model &m, const QString &id)
{
    for (const Node &n : m.nodes)
        if (n.id == id)
            return &n;
    return nullptr;
}

const Edge *findEdge(const Model &m, const QString &from, const QString &to)
{
    for (const Edge &e : m.edges)
        if (e.from == from && e.to == to)
            return &e;
    return nullptr;
}

// Plans and applies; the applied model must always be valid.
Model imported(const std::vector<ImportSource> &sources, const Model &into = {}, const ImportOptions &o = {},
               ImportPlan *planOut = nullptr)
{
    Expected<ImportPlan> plan = planImport(sources, into, o);
    if (!plan)
        qFatal("planImport failed: %s", qPrintable(plan.error().message()));
    Expected<Model> m = applyImport(into, *plan);
    if (!m)
        qFatal("applyImport failed: %s", qPrintable(m.error().message()));
    if (!validateModel(*m).empty())
        qFatal("invalid import");
    if (planOut)
        *planOut = *plan;
    return *m;
}

QString joined(const std::vector<ImportIssue> &issues)
{
    QStringList out;
    for (const ImportIssue &i : issues)
        out << i.toString();
    return out.join(QLatin1Char('\n'));
}

Model inventory() { return imported({ImportSource{data(QStringLiteral("inventory")), ImportFormat::Auto, {}}}); }

} // namespace

class TestImporter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // A risk team's spreadsheet: semicolons, BOM, CRLF, a quoted line break, synonym
    // headers, names instead of ids, a column that is not a field.
    void readsAnInventoryAsRiskTeamsKeepIt()
    {
        ImportPlan plan;
        const Model m =
            imported({ImportSource{data(QStringLiteral("inventory")), ImportFormat::Auto, {}}}, {}, {}, &plan);
        QCOMPARE(plan.sources.size(), std::size_t(2));
        QCOMPARE(plan.sources[0].format, QStringLiteral("CSV nodes"));
        QCOMPARE(plan.sources[0].detail, QStringLiteral("UTF-8 with BOM, delimiter \";\""));
        QCOMPARE(plan.sources[1].format, QStringLiteral("CSV edges"));
        QCOMPARE(m.nodes.size(), std::size_t(5));
        const Node *stripe = findNode(m, QStringLiteral("stripe_inc"));
        QVERIFY(stripe);
        QCOMPARE(stripe->name, QStringLiteral("Stripe, Inc."));
        QCOMPARE(toString(stripe->kind), toString(NodeKind::Vendor));
        QCOMPARE(stripe->vendor->tier, std::optional<int>(1)); // "Critical"
        QCOMPARE(stripe->vendor->dpa, std::optional<bool>(true)); // "yes"
        QCOMPARE(stripe->vendor->certifications,
                 (QStringList{QStringLiteral("PCI DSS Level 1"), QStringLiteral("SOC 2 Type II")}));
        QCOMPARE(stripe->vendor->regions, (QStringList{QStringLiteral("US"), QStringLiteral("EU")}));
        QCOMPARE(stripe->attributes.value(QStringLiteral("Business owner")), QStringLiteral("Finance"));
        QCOMPARE(toString(findNode(m, QStringLiteral("mailgun"))->kind), toString(NodeKind::Vendor)); // "Supplier"
        QCOMPARE(findNode(m, QStringLiteral("zendesk"))->vendor->regions, QStringList{QStringLiteral("DE")}); // Germany
        QCOMPARE(findNode(m, QStringLiteral("mailgun"))->description,
                 QStringLiteral("transactional \"receipt\" emails"));
        QCOMPARE(findNode(m, QStringLiteral("checkout"))->description,
                 QStringLiteral("Web checkout;\r\nserves EU and US"));
        const Edge *signup = findEdge(m, QStringLiteral("customers"), QStringLiteral("checkout"));
        QVERIFY(signup);
        QCOMPARE(signup->categories, (QStringList{QStringLiteral("CONTACT.EMAIL"), QStringLiteral("CONTACT.POSTAL")}));
        QCOMPARE(signup->records, std::optional<qint64>(1200000));
        QCOMPARE(signup->description, QStringLiteral("sign-up"));
        QCOMPARE(findEdge(m, QStringLiteral("checkout"), QStringLiteral("stripe_inc"))->categories,
                 QStringList{QStringLiteral("FIN.CARD_PAN")}); // by name
        QVERIFY2(joined(plan.notes).contains(QStringLiteral("\"Business owner\" is not a VendorGraph field")),
                 qPrintable(joined(plan.notes)));
        QVERIFY(plan.rejected.empty());
    }

    void readsWindows1252()
    {
        const Model m = imported({ImportSource{data(QStringLiteral("cp1252-nodes.csv")), ImportFormat::Auto, {}}});
        QCOMPARE(findNode(m, QStringLiteral("muller_logistik_gmbh"))->description,
                 QString::fromUtf8("Lieferung – Straße"));
        QCOMPARE(findNode(m, QStringLiteral("cafe_analytics"))->description, QString::fromUtf8("“smart” dashboards €"));
    }

    void rejectsRowsWithTheReason_data()
    {
        QTest::addColumn<QByteArray>("nodes");
        QTest::addColumn<QByteArray>("edges");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("reason");
        const QByteArray ab("id,kind,name\r\na,service,A\r\nb,vendor,B\r\n");
        QTest::newRow("wrong column count")
            << QByteArray("id,kind,name\r\na,service,A,extra\r\n") << QByteArray() << "nodes.csv:2"
            << "4 cells, but the header has 3 columns";
        QTest::newRow("too few columns") << QByteArray("id,kind,name\r\na,service\r\n") << QByteArray() << "nodes.csv:2"
                                         << "2 cells, but the header has 3 columns";
        QTest::newRow("unknown kind") << QByteArray("id,kind\r\na,robot\r\n") << QByteArray() << "nodes.csv:2"
                                      << "\"robot\" is not a node kind";
        QTest::newRow("field of another kind")
            << QByteArray("id,kind,count\r\na,vendor,5\r\n") << QByteArray() << "nodes.csv:2"
            << "count: \"count\" applies only to people nodes";
        QTest::newRow("duplicate id") << QByteArray("id,name\r\na,A\r\na,B\r\n") << QByteArray() << "nodes.csv:3"
                                      << "duplicate node id \"a\" (also at nodes.csv:2)";
        QTest::newRow("duplicate name without ids")
            << QByteArray("name\r\nAcme\r\nACME \r\n") << QByteArray() << "nodes.csv:3"
            << "line 2 already names \"ACME\"";
        QTest::newRow("x without y") << QByteArray("id,x\r\na,5\r\n") << QByteArray() << "nodes.csv:2"
                                     << "a position needs both x and y";
        QTest::newRow("no id and no name")
            << QByteArray("id,name,kind\r\n,,vendor\r\n") << QByteArray() << "nodes.csv:2"
            << "no id and no name";
        QTest::newRow("no id or name column") << QByteArray("tier,dpa\r\n1,yes\r\n") << QByteArray() << "nodes.csv:1"
                                              << "no id or name column";
        QTest::newRow("unknown category")
            << ab << QByteArray("from,to,categories\r\na,b,ID.NAME; LOYALTY\r\n") << "edges.csv:2"
            << "unknown category \"LOYALTY\"";
        QTest::newRow("data edge without categories")
            << ab << QByteArray("from,to,kind\r\na,b,data\r\n") << "edges.csv:2"
            << "a data edge needs at least one category";
        QTest::newRow("edge without kind or categories") << ab << QByteArray("from,to\r\na,b\r\n") << "edges.csv:2"
                                                         << "no kind and no categories";
        QTest::newRow("edge to an unknown node")
            << ab << QByteArray("from,to,kind\r\na,ghost,code\r\n") << "edges.csv:2"
            << "to: unknown node \"ghost\"";
        QTest::newRow("edge to itself") << ab << QByteArray("from,to,kind\r\na,A,code\r\n") << "edges.csv:2"
                                        << "cannot lead from \"a\" to itself";
        QTest::newRow("scope on a data edge")
            << ab << QByteArray("from,to,categories,scope\r\na,b,ID.NAME,admin\r\n") << "edges.csv:2"
            << "applies only to access edges";
        QTest::newRow("edge without a to") << ab << QByteArray("from,to,kind\r\na,,code\r\n") << "edges.csv:2"
                                           << "needs both ends";
    }
    void rejectsRowsWithTheReason()
    {
        QFETCH(QByteArray, nodes);
        QFETCH(QByteArray, edges);
        QFETCH(QString, where);
        QFETCH(QString, reason);
        std::vector<ImportSource> sources{csv("nodes.csv", nodes, ImportFormat::CsvNodes)};
        if (!edges.isEmpty())
            sources.push_back(csv("edges.csv", edges, ImportFormat::CsvEdges));
        const Expected<ImportPlan> plan = planImport(sources, Model());
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message()));
        const QString all = joined(plan->rejected);
        QVERIFY2(all.contains(where + QStringLiteral(": ")) && all.contains(reason), qPrintable(all));
        QVERIFY(applyImport(Model(), *plan).ok()); // the rest still imports, valid
    }

    void failsOnFilesThatCannotBeRead_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("truncated CSV") << "truncated.csv"
                                       << "truncated.csv: line 2: the quoted cell";
        QTest::newRow("unreadable encoding") << "utf16-nobom.csv"
                                             << "utf16-nobom.csv: line 1: unreadable encoding";
        QTest::newRow("GraphML with a DTD") << "graphs/dtd.graphml"
                                            << "dtd.graphml: line 2: the file declares a DTD";
        QTest::newRow("GraphML with entity expansion") << "graphs/billion-laughs.graphml"
                                                       << "declares a DTD";
        QTest::newRow("a missing file") << "no-such-file.csv"
                                        << "no-such-file.csv: no such file";
        QTest::newRow("a folder without CSV files") << "graphs"
                                                    << "holds no nodes.csv, edges.csv or categories.csv";
    }
    void failsOnFilesThatCannotBeRead()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        const Model before = bundledSample();
        const Expected<ImportPlan> plan = planImport({ImportSource{data(file), ImportFormat::Auto, {}}}, before);
        QVERIFY(!plan.ok());
        QVERIFY2(plan.error().message().contains(message), qPrintable(plan.error().message()));
    }

    void matchesNodesAlreadyInTheModel()
    {
        Model existing = inventory();
        // By id: a CSV with the model's ids updates what its cells give.
        ImportPlan plan;
        Model m = imported({csv("nodes.csv", "id,vendor_tier,attr:owner\r\nmailgun,2,Ops\r\n")}, existing, {}, &plan);
        QCOMPARE(plan.matchedNodes.size(), std::size_t(1));
        QVERIFY(plan.matchedNodes[0].basis == MatchBasis::Id);
        QCOMPARE(plan.matchedNodes[0].changedFields,
                 (QStringList{QStringLiteral("vendor_tier"), QStringLiteral("attr:owner")}));
        QCOMPARE(findNode(m, QStringLiteral("mailgun"))->vendor->tier, std::optional<int>(2));
        QCOMPARE(findNode(m, QStringLiteral("mailgun"))->vendor->dpa, std::optional<bool>(false)); // kept
        // By name, ignoring case, spacing and punctuation.
        m = imported({csv("nodes.csv", "name,description\r\n\"  STRIPE  inc \",payments\r\n")}, existing, {}, &plan);
        QCOMPARE(plan.matchedNodes.size(), std::size_t(1));
        QCOMPARE(plan.matchedNodes[0].existingId, QStringLiteral("stripe_inc"));
        QVERIFY(plan.matchedNodes[0].basis == MatchBasis::Name);
        QCOMPARE(findNode(m, QStringLiteral("stripe_inc"))->description, QStringLiteral("payments"));
        QCOMPARE(m.nodes.size(), existing.nodes.size());
        // A kind that contradicts the model is a rejection, not a silent change.
        const Expected<ImportPlan> conflict =
            planImport({csv("nodes.csv", "id,kind\r\nmailgun,service\r\n")}, existing);
        QVERIFY(joined(conflict->rejected)
                    .contains(QStringLiteral("\"mailgun\" is a vendor in the model; this record says service")));
    }

    void edgesMatchByIdOrByTheirEnds()
    {
        const Model existing = inventory();
        ImportPlan plan;
        // The same flow seen again (no id): its categories are added to the model's edge.
        const Model m =
            imported({csv("edges.csv", "from,to,categories\r\ncheckout,mailgun,ID.NAME\r\n")}, existing, {}, &plan);
        QCOMPARE(plan.matchedEdges.size(), std::size_t(1));
        QVERIFY(plan.matchedEdges[0].basis == MatchBasis::Ends);
        QCOMPARE(plan.matchedEdges[0].changedFields, QStringList{QStringLiteral("categories")});
        QCOMPARE(findEdge(m, QStringLiteral("checkout"), QStringLiteral("mailgun"))->categories,
                 (QStringList{QStringLiteral("CONTACT.EMAIL"), QStringLiteral("ID.NAME")}));
        // A new flow gets the first free e<N>.
        const Model m2 = imported({csv("edges.csv", "from,to,kind\r\nmailgun,checkout,code\r\n")}, existing);
        QCOMPARE(findEdge(m2, QStringLiteral("mailgun"), QStringLiteral("checkout"))->id, QStringLiteral("e5"));
    }

    void uncertainMatchesAreListedAndCanBeDecided()
    {
        const Model existing = inventory();
        const QByteArray nodes("name,kind\r\nStripe,vendor\r\nMailgunn,vendor\r\n");
        ImportPlan plan;
        // By default an uncertain record is added as a new node, and listed.
        Model m = imported({csv("nodes.csv", nodes)}, existing, {}, &plan);
        QCOMPARE(plan.uncertain.size(), std::size_t(2));
        const UncertainMatch &stripe = plan.uncertain[0];
        QCOMPARE(stripe.importedName, QStringLiteral("Stripe"));
        QCOMPARE(stripe.candidates.at(0).id, QStringLiteral("stripe_inc"));
        QVERIFY(stripe.candidates.at(0).reason.contains(QStringLiteral("legal form")));
        QVERIFY(!stripe.merged && !stripe.decided);
        QCOMPARE(stripe.resolvedId, QStringLiteral("stripe"));
        QVERIFY(plan.uncertain[1].candidates.at(0).reason.contains(QStringLiteral("1 letter")));
        QCOMPARE(m.nodes.size(), existing.nodes.size() + 2);
        // The user's answers: merge Stripe, keep Mailgunn apart.
        ImportOptions o;
        o.decisions.insert(stripe.key, QStringLiteral("stripe_inc"));
        o.decisions.insert(plan.uncertain[1].key, QString());
        m = imported({csv("nodes.csv", nodes)}, existing, o, &plan);
        QVERIFY(plan.uncertain[0].decided && plan.uncertain[0].merged);
        QCOMPARE(plan.uncertain[0].resolvedId, QStringLiteral("stripe_inc"));
        QVERIFY(plan.matchedNodes.at(0).basis == MatchBasis::Decision);
        QVERIFY(plan.uncertain[1].decided && !plan.uncertain[1].merged);
        QCOMPARE(m.nodes.size(), existing.nodes.size() + 1);
        // Or merge every uncertain one into its best candidate.
        ImportOptions merge;
        merge.uncertain = UncertainPolicy::Merge;
        m = imported({csv("nodes.csv", nodes)}, existing, merge, &plan);
        QCOMPARE(m.nodes.size(), existing.nodes.size());
        // A decision naming no node is a rejection.
        ImportOptions bad;
        bad.decisions.insert(stripe.key, QStringLiteral("ghost"));
        QVERIFY(joined(planImport({csv("nodes.csv", nodes)}, existing, bad)->rejected)
                    .contains(QStringLiteral("names \"ghost\", which is not a node")));
    }

    void subprocessorSheetsAddSharedFourthParties()
    {
        const Model existing = inventory();
        ImportOptions o;
        o.uncertain = UncertainPolicy::Merge;
        ImportPlan plan;
        const Model m = imported({ImportSource{data(QStringLiteral("subprocessors.csv")), ImportFormat::Auto, {}}},
                                 existing, o, &plan);
        QCOMPARE(plan.sources.at(0).format, QStringLiteral("sub-processor sheet"));
        // "Amazon Web Services, Inc.", “Amazon Web Services Inc” and (merged) "Amazon Web Services" are one node.
        const Node *aws = findNode(m, QStringLiteral("amazon_web_services_inc"));
        QVERIFY(aws);
        QCOMPARE(toString(aws->kind), toString(NodeKind::Vendor));
        QVERIFY(aws->tags.contains(QStringLiteral("sub-processor")));
        QCOMPARE(aws->vendor->regions, QStringList{QStringLiteral("US")});
        QCOMPARE(aws->attributes.value(QStringLiteral("location")), QStringLiteral("Worldwide"));
        QVERIFY(!findNode(m, QStringLiteral("amazon_web_services")));
        // Data edges carry what each vendor receives (an upper bound), with the purpose and the source.
        const Edge *e = findEdge(m, QStringLiteral("stripe_inc"), QStringLiteral("amazon_web_services_inc"));
        QVERIFY(e);
        QCOMPARE(toString(e->kind), toString(EdgeKind::Data));
        QCOMPARE(e->categories, QStringList{QStringLiteral("FIN.CARD_PAN")});
        QCOMPARE(e->description, QStringLiteral("Cloud hosting"));
        QCOMPARE(e->source, QStringLiteral("published sub-processor list (subprocessors.csv)"));
        QCOMPARE(findEdge(m, QStringLiteral("zendesk"), QStringLiteral("amazon_web_services_inc"))->categories,
                 (QStringList{QStringLiteral("CONTACT.EMAIL"), QStringLiteral("ID.NAME")}));
        QCOMPARE(findNode(m, QStringLiteral("google_llc"))->vendor->regions,
                 (QStringList{QStringLiteral("US"), QStringLiteral("IE")}));
        // The concentration analysis sees the shared fourth party.
        const std::vector<SharedSubprocessor> shared = BlastRadiusEngine(m).concentration();
        QVERIFY(!shared.empty());
        QCOMPARE(shared.front().id, QStringLiteral("amazon_web_services_inc"));
        QCOMPARE(shared.front().vendors,
                 (QStringList{QStringLiteral("mailgun"), QStringLiteral("stripe_inc"), QStringLiteral("zendesk")}));
        // The sheet's messy rows are reported, in line order.
        QCOMPARE(plan.rejected.size(), std::size_t(2));
        QCOMPARE(plan.rejected[0].at.line, 8);
        QCOMPARE(plan.rejected[1].at.line, 9);
        QVERIFY(joined(plan.notes).contains(QStringLiteral("subprocessors.csv:4: duplicate of line 2")));
        QCOMPARE(plan.uncertain.size(), std::size_t(2)); // Stripe ~ Stripe, Inc.; AWS ~ AWS, Inc.
        // Matched vendors keep their own names.
        QCOMPARE(findNode(m, QStringLiteral("stripe_inc"))->name, QStringLiteral("Stripe, Inc."));
    }

    void sheetCategoriesFlowDownChainsOrComeFromAColumn()
    {
        const Model existing = inventory();
        // A chain: Mailgun -> Sinch -> Telco; Telco inherits what Sinch receives.
        const QByteArray chain("Vendor,Sub-processor\r\nMailgun,Sinch\r\nSinch,Telco\r\n");
        Model m = imported({csv("s.csv", chain)}, existing);
        QCOMPARE(findEdge(m, QStringLiteral("sinch"), QStringLiteral("telco"))->categories,
                 QStringList{QStringLiteral("CONTACT.EMAIL")});
        // An explicit column wins, by id or name.
        m = imported({csv("s.csv", "Vendor,Sub-processor,Data categories\r\nMailgun,Sinch,Phone number\r\n")},
                     existing);
        QCOMPARE(findEdge(m, QStringLiteral("mailgun"), QStringLiteral("sinch"))->categories,
                 QStringList{QStringLiteral("CONTACT.PHONE")});
        // A vendor that receives nothing leaves nothing to inherit: the row is rejected.
        ImportPlan plan;
        imported({csv("s.csv", "Vendor,Sub-processor\r\nNewco,Cloudy\r\n")}, existing, {}, &plan);
        QVERIFY2(joined(plan.rejected).contains(QStringLiteral("s.csv:2: no data categories for newco -> cloudy")),
                 qPrintable(joined(plan.rejected)));
    }

    void graphFilesFromOtherToolsMapToTheModel_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("edgeFrom");
        QTest::addColumn<QString>("edgeTo");
        QTest::addColumn<QString>("edge"); // kind and categories, or scope
        QTest::newRow("yEd: labels are names, label categories") << "yed.graphml"
                                                                 << "stripe"
                                                                 << "vendor"
                                                                 << "checkout"
                                                                 << "orders_db"
                                                                 << "data ID.NAME,CONTACT.POSTAL";
        QTest::newRow("Gephi GraphML: label and tier") << "gephi.graphml"
                                                       << "stripe"
                                                       << "vendor"
                                                       << "checkout"
                                                       << "stripe"
                                                       << "data FIN.CARD_PAN,ID.NAME";
        QTest::newRow("Cytoscape: type synonyms, data column") << "cytoscape.graphml"
                                                               << "mailgun"
                                                               << "vendor"
                                                               << "checkout"
                                                               << "mailgun"
                                                               << "data CONTACT.EMAIL";
        QTest::newRow("igraph: access edge with a scope") << "igraph.graphml"
                                                          << "loopci"
                                                          << "vendor"
                                                          << "loopci"
                                                          << "ci_pipelines"
                                                          << "access admin";
        QTest::newRow("networkx: names as node ids") << "networkx.graphml"
                                                     << "amazon_web_services_inc"
                                                     << "vendor"
                                                     << "web_shop"
                                                     << "amazon_web_services_inc"
                                                     << "data ID.NAME,CONTACT.EMAIL";
        QTest::newRow("Gephi GEXF: attribute default and viz position") << "gephi.gexf"
                                                                        << "zendesk"
                                                                        << "vendor"
                                                                        << "help_desk"
                                                                        << "zendesk"
                                                                        << "data CONTENT.SUPPORT,CONTACT.EMAIL";
    }
    void graphFilesFromOtherToolsMapToTheModel()
    {
        QFETCH(QString, file);
        QFETCH(QString, node);
        QFETCH(QString, kind);
        QFETCH(QString, edgeFrom);
        QFETCH(QString, edgeTo);
        QFETCH(QString, edge);
        const Model m = imported({ImportSource{data(QStringLiteral("graphs/") + file), ImportFormat::Auto, {}}});
        const Node *n = findNode(m, node);
        QVERIFY2(n, qPrintable(node));
        QCOMPARE(toString(n->kind), kind);
        const Edge *e = findEdge(m, edgeFrom, edgeTo);
        QVERIFY(e);
        const QString got = e->kind == EdgeKind::Access ? QStringLiteral("access ") + toString(e->scope)
                                                        : toString(e->kind) + u' ' + e->categories.join(u',');
        QCOMPARE(got, edge);
    }

    void yedGroupsAndPositionsComeAlong()
    {
        ImportPlan plan;
        const Model m =
            imported({ImportSource{data(QStringLiteral("graphs/yed.graphml")), ImportFormat::Auto, {}}}, {}, {}, &plan);
        QCOMPARE(findNode(m, QStringLiteral("checkout"))->attributes.value(QStringLiteral("group")),
                 QStringLiteral("Production platform"));
        QCOMPARE(m.layout.value(QStringLiteral("checkout")), QPointF(100, 65));
        QCOMPARE(m.layout.value(QStringLiteral("stripe")), QPointF(450, 70));
        QCOMPARE(findNode(m, QStringLiteral("checkout"))->description, QStringLiteral("the web checkout"));
        QCOMPARE(findEdge(m, QStringLiteral("checkout"), QStringLiteral("stripe"))->description,
                 QStringLiteral("card payments"));
        QCOMPARE(m.nodes.size(), std::size_t(4)); // the group is not a node
        QVERIFY(joined(plan.notes).contains(QStringLiteral("group \"Production platform\" is not imported as a node")));
        // Gephi's coordinates are positions too; its colours and sizes are not attributes.
        const Model g = imported({ImportSource{data(QStringLiteral("graphs/gephi.graphml")), ImportFormat::Auto, {}}});
        QCOMPARE(g.layout.value(QStringLiteral("checkout")), QPointF(-12.5, 45.25));
        QCOMPARE(findNode(g, QStringLiteral("checkout"))->attributes.keys(),
                 QStringList{QStringLiteral("Modularity Class")});
    }

    void optionsMapColumnsAndKinds()
    {
        const QByteArray sheet("Supplier code,Supplier,Category\r\nS1,Acme Cloud,SaaS\r\nS2,Staff,Employees\r\n");
        ImportOptions o;
        o.nameColumn = QStringLiteral("supplier");
        o.kindColumn = QStringLiteral("Category");
        o.kindValues.insert(QStringLiteral("saas"), NodeKind::Vendor);
        const Model m = imported({csv("n.csv", sheet)}, {}, o);
        QCOMPARE(toString(findNode(m, QStringLiteral("acme_cloud"))->kind), toString(NodeKind::Vendor));
        QCOMPARE(toString(findNode(m, QStringLiteral("staff"))->kind), toString(NodeKind::People));
        QCOMPARE(findNode(m, QStringLiteral("acme_cloud"))->attributes.value(QStringLiteral("Supplier code")),
                 QStringLiteral("S1"));
        // A default edge kind lets plain diagrams in.
        ImportOptions e;
        e.defaultEdgeKind = EdgeKind::Code;
        e.defaultNodeKind = NodeKind::Vendor;
        const QByteArray plain("<graphml><graph><node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"/>"
                               "</graph></graphml>");
        const Model d = imported({ImportSource{QStringLiteral("p.graphml"), ImportFormat::Graphml, plain}}, {}, e);
        QCOMPARE(toString(d.edges.at(0).kind), toString(EdgeKind::Code));
        QCOMPARE(toString(d.nodes.at(0).kind), toString(NodeKind::Vendor));
    }

    void vendorgraphModelsImportById()
    {
        QTemporaryDir dir;
        const Model sample = bundledSample();
        ImportPlan plan;
        // Into itself: all matched, nothing changes.
        imported({ImportSource{QStringLiteral("sample.json"), ImportFormat::VendorGraph, bundledSampleJson()}}, sample,
                 {}, &plan);
        QCOMPARE(plan.matchedNodes.size(), sample.nodes.size());
        QVERIFY(!plan.changesSomething());
        // Into an empty model: the same model (a .vgdb document is read too).
        QVERIFY(saveModel(sample, dir.filePath(QStringLiteral("s.vgdb"))).ok());
        Model back = imported({ImportSource{dir.filePath(QStringLiteral("s.vgdb")), ImportFormat::Auto, {}}});
        back.sortById();
        Model expected = sample;
        expected.sortById();
        QCOMPARE(back, expected);
    }

    void aStalePlanIsRefusedAndChangesNothing()
    {
        const Model existing = inventory();
        const Expected<ImportPlan> plan = planImport({csv("nodes.csv", "id,name\r\nnewco,Newco\r\n")}, existing);
        QVERIFY(plan.ok());
        Model changed = existing;
        Node clash;
        clash.id = QStringLiteral("newco");
        changed.nodes.push_back(clash);
        const Expected<Model> applied = applyImport(changed, *plan);
        QVERIFY(!applied.ok());
        QVERIFY(applied.error().message().contains(QStringLiteral("\"newco\" is taken")));
        const Expected<ImportPlan> matched = planImport({csv("nodes.csv", "id,tier\r\nmailgun,1\r\n")}, existing);
        Model removed = existing;
        removed.nodes.erase(std::remove_if(removed.nodes.begin(), removed.nodes.end(),
                                           [](const Node &n) { return n.id == u"mailgun"; }),
                            removed.nodes.end());
        removed.edges.erase(std::remove_if(removed.edges.begin(), removed.edges.end(),
                                           [](const Edge &e) { return e.to == u"mailgun"; }),
                            removed.edges.end());
        QVERIFY(applyImport(removed, *matched).error().message().contains(QStringLiteral("no longer in the model")));
    }

    // Hostile input, a little fuzzing: mutated files never crash the importer, and never
    // slip past the row checks into an invalid model (applyImport's last-line check).
    void survivesMutatedInputs_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("name");
        QTest::newRow("inventory nodes") << data(QStringLiteral("inventory/nodes.csv")) << "nodes.csv";
        QTest::newRow("inventory edges") << data(QStringLiteral("inventory/edges.csv")) << "edges.csv";
        QTest::newRow("sub-processor sheet") << data(QStringLiteral("subprocessors.csv")) << "sheet.csv";
        QTest::newRow("yEd GraphML") << data(QStringLiteral("graphs/yed.graphml")) << "g.graphml";
        QTest::newRow("Gephi GEXF") << data(QStringLiteral("graphs/gephi.gexf")) << "g.gexf";
    }
    void survivesMutatedInputs()
    {
        QFETCH(QString, file);
        QFETCH(QString, name);
        const QByteArray original = test::readAll(file);
        QVERIFY(!original.isEmpty());
        const Model into = inventory();
        QRandomGenerator rng(4242);
        static const char kAlphabet[] = "\"',;\r\n\t<>&=/ -x\0\xC3\xFF";
        const QByteArray alphabet(kAlphabet, sizeof kAlphabet - 1); // with the NUL
        bool set = false;
        const int env = qEnvironmentVariableIntValue("VG_FUZZ_ROUNDS", &set); // more by hand, e.g. under ASan
        const int rounds = set && env > 0 ? env : 300;
        for (int round = 0; round < rounds; ++round) {
            QByteArray bytes = original;
            const int edits = 1 + int(rng.bounded(4));
            for (int e = 0; e < edits && !bytes.isEmpty(); ++e) {
                const qsizetype at = rng.bounded(bytes.size());
                switch (rng.bounded(4)) {
                case 0: bytes[at] = alphabet[rng.bounded(alphabet.size())]; break;
                case 1: bytes.insert(at, alphabet[rng.bounded(alphabet.size())]); break;
                case 2: bytes.remove(at, 1 + rng.bounded(8)); break;
                default: bytes.truncate(at); break;
                }
            }
            const Expected<ImportPlan> plan =
                planImport({ImportSource{name, ImportFormat::Auto, bytes}}, round % 2 ? into : Model());
            if (!plan.ok()) {
                QVERIFY2(!plan.error().message().contains(QStringLiteral("imported model")),
                         qPrintable(plan.error().message()));
                continue;
            }
            QVERIFY(applyImport(round % 2 ? into : Model(), *plan).ok());
        }
    }

    void anImportOfFiftyThousandRowsIsQuick_data()
    {
        QTest::addColumn<bool>("ids");
        QTest::newRow("with an id column") << true;
        QTest::newRow("names only: a file's rows are not compared with each other") << false;
    }
    void anImportOfFiftyThousandRowsIsQuick()
    {
        // A coarse guard, far above the 2 s target that `bench-import` measures (README).
        QFETCH(bool, ids);
        QString nodes =
            ids ? QStringLiteral("id,kind,name,vendor_tier\r\n") : QStringLiteral("kind,name,vendor_tier\r\n");
        const QString letters = QStringLiteral("bcdfghjklmnpqrstvwxz");
        for (int i = 0; i < 50000; ++i) {
            QString name;
            for (int n = i + 1; n > 0; n /= 20)
                name += letters[n % 20];
            if (ids)
                nodes += QStringLiteral("v%1,").arg(i);
            nodes += QStringLiteral("vendor,%1 %2 Ltd,%3\r\n").arg(name, name.left(3)).arg(1 + i % 4);
        }
        QElapsedTimer t;
        t.start();
        const Model m = imported({csv("nodes.csv", nodes.toUtf8())});
        QCOMPARE(m.nodes.size(), std::size_t(50000));
        QVERIFY2(t.elapsed() < 20000, qPrintable(QString::number(t.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
