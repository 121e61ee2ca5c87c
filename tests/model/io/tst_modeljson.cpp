// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/io/jsonreader.h"
#include "model/io/jsonwriter.h"

using namespace vg;

namespace {

// A minimal valid document with the given nodes and edges arrays spliced in.
QByteArray doc(const char *nodes, const char *edges, const char *extra = "")
{
    return QByteArray(R"({"format": "vendorgraph", "version": 1)") + extra + R"(, "nodes": )" + nodes + R"(, "edges": )"
        + edges + "}";
}

const char *kTwoNodes = R"([{"id": "a", "kind": "service"}, {"id": "b", "kind": "vendor"}])";

} // namespace

class TestModelJson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void acceptsTheDocumentedExample()
    {
        const auto m = parseModelJson(test::exampleJson());
        QVERIFY2(m.ok(), m.ok() ? "" : qPrintable(m.error().message()));
        QCOMPARE(m->nodes.size(), std::size_t(6));
        QCOMPARE(m->edges.size(), std::size_t(5));
        QCOMPARE(m->name, QStringLiteral("Example AI Inc."));
        QCOMPARE(m->nodes[0].count, std::optional<qint64>(4000000));
        QCOMPARE(m->nodes[2].vendor->tier, std::optional<int>(2));
        QVERIFY(m->edges[3].scope == Scope::Read);
        QVERIFY(m->edges[3].stored);
        QCOMPARE(m->layout.value(QStringLiteral("dashboard")), QPointF(120, 40));
    }

    void generatesMissingEdgeIdsDeterministically()
    {
        const auto m = parseModelJson(test::exampleJson());
        QVERIFY(m.ok());
        // e1 is taken by the first edge, so the others get e2, e3, ...
        QCOMPARE(m->edges[0].id, QStringLiteral("e1"));
        QCOMPARE(m->edges[1].id, QStringLiteral("e2"));
        QCOMPARE(m->edges[4].id, QStringLiteral("e5"));
    }

    void exportImportExportIsByteIdentical()
    {
        const QByteArray once = serializeModelJson(test::exampleModel());
        const auto again = parseModelJson(once);
        QVERIFY(again.ok());
        QCOMPARE(serializeModelJson(*again), once);
        QCOMPARE(*again, [] {
            Model m = test::exampleModel();
            m.sortById();
            return m;
        }());
    }

    void writerSortsAndIsStable()
    {
        Model m = test::exampleModel();
        std::reverse(m.nodes.begin(), m.nodes.end());
        std::reverse(m.edges.begin(), m.edges.end());
        QCOMPARE(serializeModelJson(m), serializeModelJson(test::exampleModel()));
        const QByteArray text = serializeModelJson(m);
        QVERIFY(text.indexOf("\"analytics\"") < text.indexOf("\"api_users\""));
    }

    void escapesStrings()
    {
        Model m;
        m.name = QStringLiteral("Quote \" backslash \\ newline \n tab \t bell \x07 é 漢");
        const QByteArray text = serializeModelJson(m);
        QVERIFY(text.contains(R"(\u0007)"));
        const auto back = parseModelJson(text);
        QVERIFY(back.ok());
        QCOMPARE(back->name, m.name);
    }

    void rejectsBadInput_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("what");
        QTest::newRow("malformed JSON names line and column")
            << QByteArray("{\"format\": \"vendorgraph\",\n  \"version\": 1,\n  \"nodes\": [}") << "line 3, column"
            << "malformed JSON";
        QTest::newRow("not an object") << QByteArray("[1, 2]") << "line 1, column 1"
                                       << "expected a JSON object";
        QTest::newRow("unknown format") << QByteArray(R"({"format": "graphml", "version": 1})") << "/format"
                                        << "unknown format";
        QTest::newRow("missing format") << QByteArray(R"({"version": 1})") << "/format"
                                        << "missing";
        QTest::newRow("newer version") << QByteArray(R"({"format": "vendorgraph", "version": 2})") << "/version"
                                       << "newer VendorGraph";
        QTest::newRow("duplicate node ids")
            << doc(R"([{"id": "a", "kind": "service"}, {"id": "a", "kind": "vendor"}])", "[]") << "/nodes/1/id"
            << "duplicate node id";
        QTest::newRow("duplicate edge ids") << doc(kTwoNodes, R"([{"id": "x", "from": "a", "to": "b", "kind": "code"},
                                  {"id": "x", "from": "b", "to": "a", "kind": "code"}])")
                                            << "/edges/1/id"
                                            << "duplicate edge id";
        QTest::newRow("dangling endpoint")
            << doc(kTwoNodes, R"([{"from": "a", "to": "nowhere", "kind": "code"}])") << "/edges/0/to"
            << "unknown node \"nowhere\"";
        QTest::newRow("unknown node kind") << doc(R"([{"id": "a", "kind": "robot"}])", "[]") << "/nodes/0/kind"
                                           << "expected people, service or vendor";
        QTest::newRow("unknown edge kind")
            << doc(kTwoNodes, R"([{"from": "a", "to": "b", "kind": "flows"}])") << "/edges/0/kind"
            << "expected data, access, code or hosts";
        QTest::newRow("unknown category")
            << doc(kTwoNodes, R"([{"from": "a", "to": "b", "kind": "data", "categories": ["ID.NAME", "SHOE.SIZE"]}])")
            << "/edges/0/categories/1"
            << "unknown category \"SHOE.SIZE\"";
        QTest::newRow("unknown stored category")
            << doc(R"([{"id": "a", "kind": "service", "stores": [{"category": "NOPE"}]}])", "[]")
            << "/nodes/0/stores/0/category"
            << "unknown category";
        QTest::newRow("negative count") << doc(R"([{"id": "p", "kind": "people", "count": -5}])", "[]")
                                        << "/nodes/0/count"
                                        << "must be 0 or more";
        QTest::newRow("negative records")
            << doc(kTwoNodes, R"([{"from": "a", "to": "b", "kind": "data", "categories": ["ID.NAME"], "records": -1}])")
            << "/edges/0/records"
            << "must be 0 or more";
        QTest::newRow("data edge without categories")
            << doc(kTwoNodes, R"([{"from": "a", "to": "b", "kind": "data"}])") << "/edges/0/categories"
            << "missing";
        QTest::newRow("data edge with empty categories")
            << doc(kTwoNodes, R"([{"from": "a", "to": "b", "kind": "data", "categories": []}])")
            << "/edges/0/categories"
            << "at least one category";
        QTest::newRow("wrong type: count as string")
            << doc(R"([{"id": "p", "kind": "people", "count": "many"}])", "[]") << "/nodes/0/count"
            << "expected an integer, found a string";
        QTest::newRow("wrong type: fractional count")
            << doc(R"([{"id": "p", "kind": "people", "count": 1.5}])", "[]") << "/nodes/0/count"
            << "expected an integer";
        QTest::newRow("wrong type: id as number") << doc(R"([{"id": 7, "kind": "service"}])", "[]") << "/nodes/0/id"
                                                  << "expected a string, found a number";
        QTest::newRow("wrong type: stored as string")
            << doc(kTwoNodes, R"([{"from": "a", "to": "b", "kind": "access", "stored": "yes"}])") << "/edges/0/stored"
            << "expected true or false";
        QTest::newRow("wrong type: nodes not an array") << doc("{}", "[]") << "/nodes"
                                                        << "expected an array";
        QTest::newRow("unknown key") << doc(R"([{"id": "a", "kind": "service", "colour": "red"}])", "[]")
                                     << "/nodes/0/colour"
                                     << "unknown key \"colour\"";
        QTest::newRow("unknown root key") << doc("[]", "[]", R"(, "vendors": [])") << "/vendors"
                                          << "unknown key";
        QTest::newRow("scope on a data edge") << doc(
            kTwoNodes, R"([{"from": "a", "to": "b", "kind": "data", "categories": ["ID.NAME"], "scope": "read"}])")
                                              << "/edges/0/scope"
                                              << "applies only to access edges";
        QTest::newRow("bad scope") << doc(kTwoNodes, R"([{"from": "a", "to": "b", "kind": "access", "scope": "root"}])")
                                   << "/edges/0/scope"
                                   << "expected read, write or admin";
        QTest::newRow("bad id characters") << doc(R"([{"id": "a b", "kind": "service"}])", "[]") << "/nodes/0/id"
                                           << "not a valid id";
        QTest::newRow("bad region") << doc(R"([{"id": "p", "kind": "people", "regions": ["Europe"]}])", "[]")
                                    << "/nodes/0/regions/0"
                                    << "not a region";
        QTest::newRow("count on a service")
            << doc(R"([{"id": "s", "kind": "service", "count": 5}])", "[]") << "/nodes/0/count"
            << "only to people";
        QTest::newRow("vendor fields on a service")
            << doc(R"([{"id": "s", "kind": "service", "vendor": {"tier": 1}}])", "[]") << "/nodes/0/vendor"
            << "only to vendor nodes";
        QTest::newRow("vendor tier out of range")
            << doc(R"([{"id": "v", "kind": "vendor", "vendor": {"tier": 7}}])", "[]") << "/nodes/0/vendor/tier"
            << "from 1 to 4";
        QTest::newRow("bad date") << doc(R"([{"id": "v", "kind": "vendor", "vendor": {"last_assessed": "March"}}])",
                                         "[]")
                                  << "/nodes/0/vendor/last_assessed"
                                  << "YYYY-MM-DD";
        QTest::newRow("new category without tier")
            << doc("[]", "[]", R"(, "categories": [{"id": "X.NEW", "name": "New"}])") << "/categories/0"
            << "needs a name and a tier";
        QTest::newRow("layout for unknown node")
            << doc("[]", "[]", R"(, "layout": {"ghost": [1, 2]})") << "/layout/ghost"
            << "unknown node";
        QTest::newRow("self loop") << doc(kTwoNodes, R"([{"from": "a", "to": "a", "kind": "code"}])") << "/edges/0/to"
                                   << "to itself";
        QTest::newRow("duplicate root key") << doc("[]", "[]", R"(, "name": "x", "name": "y")") << "line 1, column"
                                            << "duplicate key \"name\"";
        QTest::newRow("UK is refused with a hint")
            << doc(R"([{"id": "p", "kind": "people", "regions": ["UK"]}])", "[]") << "/nodes/0/regions/0"
            << "did you mean GB?";
        QTest::newRow("EL is refused with a hint")
            << doc(R"([{"id": "p", "kind": "people", "regions": ["EL"]}])", "[]") << "/nodes/0/regions/0"
            << "did you mean GR?";
        QTest::newRow("unknown country code")
            << doc(R"([{"id": "p", "kind": "people", "regions": ["ZZ"]}])", "[]") << "/nodes/0/regions/0"
            << "not a region";
        QTest::newRow("unknown subdivision")
            << doc(R"([{"id": "p", "kind": "people", "regions": ["US-XX"]}])", "[]") << "/nodes/0/regions/0"
            << "not an ISO 3166-2 subdivision of US";
        QTest::newRow("organization region checked too")
            << doc("[]", "[]", R"(, "organization": {"regions": ["UK"]})") << "/organization/regions/0"
            << "did you mean GB?";
        QTest::newRow("count above the world's population")
            << doc(R"([{"id": "p", "kind": "people", "count": 9000000000}])", "[]") << "/nodes/0/count"
            << "world's population";
        QTest::newRow("records above the world's population") << doc(
            kTwoNodes, R"([{"from": "a", "to": "b", "kind": "data", "categories": ["ID.NAME"], "records": 1e12}])")
                                                              << "/edges/0/records"
                                                              << "world's population";
        QTest::newRow("region count for a region the population does not list") << doc(
            R"([{"id": "p", "kind": "people", "count": 10, "regions": ["US"], "region_counts": {"US-CA": 3}}])", "[]")
                                                                                << "/nodes/0/region_counts/US-CA"
                                                                                << "not one of the node's regions";
        QTest::newRow("region count above the population") << doc(
            R"([{"id": "p", "kind": "people", "count": 10, "regions": ["US-CA"], "region_counts": {"US-CA": 11}}])",
            "[]") << "/nodes/0/region_counts/US-CA"
                                                           << "more than the population's count";
        QTest::newRow("subjects must be people") << doc(
            kTwoNodes, R"([{"from": "a", "to": "b", "kind": "data", "categories": ["ID.NAME"], "subjects": ["a"]}])")
                                                 << "/edges/0/subjects/0"
                                                 << "not a people node";
        QTest::newRow("store subjects must be people") << doc(
            R"([{"id": "a", "kind": "service", "stores": [{"category": "ID.NAME", "subjects": ["ghost"]}]}])", "[]")
                                                       << "/nodes/0/stores/0/subjects/0"
                                                       << "not a people node";
        QTest::newRow("key holder needs an external key") << doc(
            kTwoNodes,
            R"([{"from": "a", "to": "b", "kind": "data", "categories": ["ID.NAME"], "encryption": "holder-key", "key_holder": "a"}])")
                                                          << "/edges/0/key_holder"
                                                          << "only with";
        QTest::newRow("key holder must exist") << doc(
            R"([{"id": "a", "kind": "service", "stores": [{"category": "ID.NAME", "encryption": "external-key", "key_holder": "kms"}]}])",
            "[]") << "/nodes/0/stores/0/key_holder"
                                               << "unknown node \"kms\"";
        QTest::newRow("subjects on an access edge")
            << doc(kTwoNodes, R"([{"from": "a", "to": "b", "kind": "access", "subjects": []}])") << "/edges/0/subjects"
            << "applies only to data edges";
        QTest::newRow("unknown category flag")
            << doc("[]", "[]", R"(, "categories": [{"id": "ID.NAME", "flags": ["SHINY"]}])") << "/categories/0/flags/0"
            << "unknown flag";
        const char *kScenarioNodes = R"([{"id": "a", "kind": "service"}, {"id": "b", "kind": "vendor"}])";
        auto scenarios = [&](const char *list, const char *active = "") {
            return doc(kScenarioNodes, "[]", (QByteArray(R"(, "scenarios": )") + list + active).constData());
        };
        QTest::newRow("scenario seed that is not a node")
            << scenarios(R"([{"name": "s", "breach": ["b", "ghost"]}])") << "/scenarios/0/breach/1"
            << "unknown node \"ghost\"";
        QTest::newRow("scenario control seed that is not a node")
            << scenarios(R"([{"name": "s", "control": ["nope"]}])") << "/scenarios/0/control/0"
            << "unknown node";
        QTest::newRow("scenario seed listed twice")
            << scenarios(R"([{"name": "s", "breach": ["b", "b"]}])") << "/scenarios/0/breach/1"
            << "listed twice";
        QTest::newRow("scenario seed both breached and controlled")
            << scenarios(R"([{"name": "s", "breach": ["b"], "control": ["b"]}])") << "/scenarios/0/control/0"
            << "both breached and controlled";
        QTest::newRow("two scenarios with one name")
            << scenarios(R"([{"name": "s"}, {"name": "s"}])") << "/scenarios/1/name"
            << "duplicate scenario name";
        QTest::newRow("scenario without a name") << scenarios(R"([{"breach": ["b"]}])") << "/scenarios/0/name"
                                                 << "missing";
        QTest::newRow("scenario with a blank name") << scenarios(R"([{"name": "  "}])") << "/scenarios/0/name"
                                                    << "1-200 characters";
        QTest::newRow("negative hop limit")
            << scenarios(R"([{"name": "s", "max_hops": -1}])") << "/scenarios/0/max_hops"
            << "must be from 0";
        QTest::newRow("awareness without a UTC offset")
            << scenarios(R"([{"name": "s", "aware_at": "2025-11-26T18:30:00"}])") << "/scenarios/0/aware_at"
            << "with its UTC offset";
        QTest::newRow("awareness that is no date")
            << scenarios(R"([{"name": "s", "aware_at": "2025-02-30T18:30:00Z"}])") << "/scenarios/0/aware_at"
            << "with its UTC offset";
        QTest::newRow("unknown key in a scenario")
            << scenarios(R"([{"name": "s", "seeds": ["b"]}])") << "/scenarios/0/seeds"
            << "unknown key";
        QTest::newRow("potential as a string")
            << scenarios(R"([{"name": "s", "potential": "no"}])") << "/scenarios/0/potential"
            << "true or false";
        QTest::newRow("active scenario that does not exist")
            << scenarios(R"([{"name": "s"}])", R"(, "active_scenario": "t")") << "/active_scenario"
            << "unknown scenario \"t\"";
        QTest::newRow("scenarios not an array") << scenarios(R"({"name": "s"})") << "/scenarios"
                                                << "expected an array";
        QTest::newRow("trailing garbage")
            << QByteArray(R"({"format": "vendorgraph", "version": 1} x)") << "line 1, column"
            << "after the end";
    }
    void rejectsBadInput()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, where);
        QFETCH(QString, what);
        const auto m = parseModelJson(json, QStringLiteral("in.json"));
        QVERIFY(!m.ok());
        const QString message = m.error().message();
        QVERIFY2(message.startsWith(QStringLiteral("in.json: ")), qPrintable(message));
        bool found = false;
        for (const Problem &p : m.error().problems)
            found = found || (p.where.startsWith(where) && p.what.contains(what));
        QVERIFY2(found, qPrintable(message));
    }

    void newFieldsRoundTrip()
    {
        const QByteArray json = doc(
            R"([{"id": "p", "kind": "people", "count": 10, "regions": ["US", "US-CA"], "region_counts": {"US-CA": 4}},
                {"id": "k", "kind": "service"},
                {"id": "a", "kind": "service", "stores": [{"category": "ID.GOV", "encryption": "external-key", "key_holder": "k", "subjects": ["p"]}]},
                {"id": "b", "kind": "vendor"}])",
            R"([{"id": "e1", "from": "a", "to": "b", "kind": "data", "categories": ["CRIMINAL"], "encryption": "external-key", "key_holder": "k", "subjects": ["p"]}])");
        const auto m = parseModelJson(json);
        QVERIFY2(m.ok(), m.ok() ? "" : qPrintable(m.error().message()));
        const Node &p = m->nodes[0];
        QCOMPARE(p.regionCounts.value(QStringLiteral("US-CA")), qint64(4));
        QCOMPARE(m->nodes[2].stores[0].keyHolder, QStringLiteral("k"));
        QCOMPARE(m->nodes[2].stores[0].subjects, QStringList{QStringLiteral("p")});
        QCOMPARE(m->edges[0].keyHolder, QStringLiteral("k"));
        QCOMPARE(m->edges[0].subjects, QStringList{QStringLiteral("p")});
        const QByteArray once = serializeModelJson(*m);
        QVERIFY(once.contains(R"("region_counts": {"US-CA": 4})"));
        QVERIFY(once.contains(R"("key_holder": "k", "subjects": ["p"])"));
        const auto again = parseModelJson(once);
        QVERIFY(again.ok());
        QCOMPARE(serializeModelJson(*again), once);
    }

    // Scenarios: every field, both kinds of offsets, the user's order kept, canonical bytes.
    void scenariosRoundTrip()
    {
        const QByteArray json = doc(
            R"([{"id": "a", "kind": "service"}, {"id": "b", "kind": "vendor"}, {"id": "c", "kind": "vendor"}])", "[]",
            R"(, "scenarios": [{"name": "Zeta: chat app controlled", "control": ["c"], "breach": ["a", "b"], "max_hops": 3, "potential": false, "aware_at": "2025-11-26T19:30:00+01:00"},
                                {"name": "Analytics breach", "breach": ["b"], "potential": true, "aware_at": "2025-11-26T18:30:00Z"},
                                {"name": "Empty so far"}], "active_scenario": "Analytics breach")");
        const auto m = parseModelJson(json);
        QVERIFY2(m.ok(), m.ok() ? "" : qPrintable(m.error().message()));
        QCOMPARE(m->scenarios.size(), std::size_t(3));
        const SavedScenario &z = m->scenarios[0];
        QCOMPARE(z.name, QStringLiteral("Zeta: chat app controlled")); // not sorted
        QCOMPARE(z.breach, test::ids({"a", "b"}));
        QCOMPARE(z.control, test::ids({"c"}));
        QCOMPARE(z.maxHops, std::optional<int>(3));
        QVERIFY(!z.potential);
        QCOMPARE(z.awareness.toUTC(), QDateTime(QDate(2025, 11, 26), QTime(18, 30), Qt::UTC));
        QCOMPARE(z.awareness.offsetFromUtc(), 3600);
        QVERIFY(m->scenarios[1].potential && !m->scenarios[1].maxHops);
        QVERIFY(!m->scenarios[2].awareness.isValid() && m->scenarios[2].breach.isEmpty());
        QCOMPARE(m->activeScenario, QStringLiteral("Analytics breach"));
        const QByteArray once = serializeModelJson(*m);
        QVERIFY(once.contains(
            R"(    {"name": "Zeta: chat app controlled", "breach": ["a", "b"], "control": ["c"], "max_hops": 3, "potential": false, "aware_at": "2025-11-26T19:30:00+01:00"},)"));
        QVERIFY(
            once.contains(R"(    {"name": "Analytics breach", "breach": ["b"], "aware_at": "2025-11-26T18:30:00Z"},)"));
        QVERIFY(once.endsWith("  ],\n  \"active_scenario\": \"Analytics breach\"\n}\n"));
        const auto again = parseModelJson(once);
        QVERIFY(again.ok());
        QCOMPARE(*again, *m);
        QCOMPARE(serializeModelJson(*again), once);
        // A model without scenarios keeps the bytes it had before scenarios existed.
        Model none = *m;
        none.scenarios.clear();
        none.activeScenario.clear();
        QVERIFY(serializeModelJson(none).endsWith("\"layout\": {}\n}\n"));
    }

    void awarenessFormat_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("written"); // the canonical form, when valid
        QTest::newRow("UTC with Z") << "2025-11-26T18:30:00Z" << true << "2025-11-26T18:30:00Z";
        QTest::newRow("a positive offset is kept")
            << "2025-11-26T19:30:00+01:00" << true << "2025-11-26T19:30:00+01:00";
        QTest::newRow("a negative offset with minutes")
            << "2025-03-09T01:59:59-03:30" << true << "2025-03-09T01:59:59-03:30";
        QTest::newRow("+00:00 is written as Z") << "2025-11-26T18:30:00+00:00" << true << "2025-11-26T18:30:00Z";
        QTest::newRow("a leap day") << "2024-02-29T00:00:00Z" << true << "2024-02-29T00:00:00Z";
        QTest::newRow("no offset: local time is ambiguous") << "2025-11-26T18:30:00" << false << "";
        QTest::newRow("no seconds") << "2025-11-26T18:30Z" << false << "";
        QTest::newRow("milliseconds") << "2025-11-26T18:30:00.000Z" << false << "";
        QTest::newRow("a space instead of T") << "2025-11-26 18:30:00Z" << false << "";
        QTest::newRow("no such day") << "2025-02-29T18:30:00Z" << false << "";
        QTest::newRow("hour 24") << "2025-11-26T24:00:00Z" << false << "";
        QTest::newRow("offset beyond 14 hours") << "2025-11-26T18:30:00+15:00" << false << "";
        QTest::newRow("a date only") << "2025-11-26" << false << "";
    }
    void awarenessFormat()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, written);
        const auto t = parseAwareness(text);
        QCOMPARE(t.has_value(), valid);
        if (t)
            QCOMPARE(formatAwareness(*t), written);
    }

    void listsEveryProblemNotOnlyTheFirst()
    {
        const QByteArray json =
            doc(R"([{"id": "a", "kind": "robot"}, {"id": "p", "kind": "people", "count": -1}])",
                R"([{"from": "a", "to": "zz", "kind": "code"}, {"from": "a", "to": "p", "kind": "data"}])");
        std::vector<Problem> problems;
        parseModelJsonLenient(json, &problems);
        QCOMPARE(problems.size(), std::size_t(4));
    }

    void problemsNameTheirLine()
    {
        const QByteArray json = "{\"format\": \"vendorgraph\", \"version\": 1,\n\"nodes\": [\n{\"id\": \"a\", "
                                "\"kind\": \"service\"},\n{\"id\": \"b\", \"kind\": \"nope\"}\n]}";
        std::vector<Problem> problems;
        parseModelJsonLenient(json, &problems);
        QCOMPARE(problems.size(), std::size_t(1));
        QCOMPARE(problems[0].where, QStringLiteral("/nodes/1/kind (line 4)"));
    }

    void wrongTypeIsReportedOnce()
    {
        std::vector<Problem> problems;
        parseModelJsonLenient(doc(R"([{"id": 5, "kind": "service"}])", "[]"), &problems);
        QCOMPARE(problems.size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestModelJson)
#include "tst_modeljson.moc"
