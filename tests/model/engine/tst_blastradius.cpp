// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/domain/taxonomy.h"
#include "model/engine/blastradius.h"
#include "model/engine/cost.h"
#include "model/engine/obligations.h"
#include "model/io/generator.h"
#include "model/io/sample.h"

using namespace vg;

namespace {

Model model(const char *nodes, const char *edges, const char *extra = "")
{
    const QByteArray json = QByteArray(R"({"format": "vendorgraph", "version": 1)") + extra + R"(, "nodes": )" + nodes
        + R"(, "edges": )" + edges + "}";
    auto m = parseModelJson(json);
    if (!m)
        qFatal("test model invalid: %s", qPrintable(m.error().message()));
    return *m;
}

BlastRadius blast(const BlastRadiusEngine &engine, std::vector<Seed> seeds, std::optional<int> maxHops = std::nullopt,
                  bool potential = true)
{
    auto r = engine.run(Scenario{std::move(seeds), maxHops, potential});
    if (!r)
        qFatal("scenario failed: %s", qPrintable(r.error().message()));
    return *r;
}

const ReachedNode *node(const BlastRadius &r, const char *id)
{
    for (const ReachedNode &n : r.nodes())
        if (n.id == QLatin1StringView(id))
            return &n;
    return nullptr;
}

const ExposedCategory *category(const BlastRadius &r, const char *id)
{
    for (const ExposedCategory &x : r.exposed())
        if (x.category == QLatin1StringView(id))
            return &x;
    return nullptr;
}

const Obligation &obligation(const BlastRadius &r, const char *regime)
{
    for (const Obligation &o : r.obligations())
        if (o.regime == QLatin1StringView(regime))
            return o;
    qFatal("no regime %s", regime);
}

Seed breach(const char *id) { return {QString::fromLatin1(id), Compromise::Breached}; }
Seed control(const char *id) { return {QString::fromLatin1(id), Compromise::Controlled}; }

const char *kAB = R"([{"id": "A", "kind": "vendor"}, {"id": "B", "kind": "service"}])";

bool sameSummary(const ScenarioSummary &a, const ScenarioSummary &b)
{
    return a.reached == b.reached && a.reachedDirect == b.reachedDirect && a.controlled == b.controlled
        && std::equal(std::begin(a.categoriesByTier), std::end(a.categoriesByTier), std::begin(b.categoriesByTier))
        && a.people == b.people && a.score == b.score;
}

} // namespace

class TestBlastRadius : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Every cell of the propagation table: edge A -> B, A breached or controlled.
    void propagationTable_data()
    {
        QTest::addColumn<QByteArray>("edge");
        QTest::addColumn<bool>("controlSeed");
        QTest::addColumn<QString>("expected"); // "state certainty" or "none"
        auto row = [](const char *name, const char *edge, bool ctl, const char *expected) {
            QTest::newRow(name) << QByteArray(edge) << ctl << QString::fromLatin1(expected);
        };
        row("hosts, breached -> breached", R"("kind": "hosts")", false, "breached direct");
        row("hosts, controlled -> controlled", R"("kind": "hosts")", true, "controlled direct");
        row("code, breached -> nothing", R"("kind": "code")", false, "none");
        row("code, controlled -> controlled", R"("kind": "code")", true, "controlled direct");
        row("read stored, breached -> breached potential", R"("kind": "access", "scope": "read")", false,
            "breached potential");
        row("read not stored, breached -> nothing", R"("kind": "access", "scope": "read", "stored": false)", false,
            "none");
        row("read, controlled -> breached", R"("kind": "access", "scope": "read", "stored": false)", true,
            "breached direct");
        row("write stored, breached -> controlled potential", R"("kind": "access", "scope": "write")", false,
            "controlled potential");
        row("write not stored, breached -> nothing", R"("kind": "access", "scope": "write", "stored": false)", false,
            "none");
        row("admin stored, breached -> controlled potential", R"("kind": "access", "scope": "admin")", false,
            "controlled potential");
        row("write, controlled -> controlled", R"("kind": "access", "scope": "write")", true, "controlled direct");
        row("admin, controlled -> controlled", R"("kind": "access", "scope": "admin", "stored": false)", true,
            "controlled direct");
        row("default scope is read", R"("kind": "access")", true, "breached direct");
        row("data, breached -> nothing", R"("kind": "data", "categories": ["ID.NAME"])", false, "none");
        row("data, controlled -> nothing", R"("kind": "data", "categories": ["ID.NAME"])", true, "none");
    }
    void propagationTable()
    {
        QFETCH(QByteArray, edge);
        QFETCH(bool, controlSeed);
        QFETCH(QString, expected);
        const QByteArray edges = R"([{"id": "e", "from": "A", "to": "B", )" + edge + "}]";
        const Model m = model(kAB, edges.constData());
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {controlSeed ? control("A") : breach("A")});
        const ReachedNode *b = node(r, "B");
        if (expected == u"none") {
            QVERIFY(!b);
            QCOMPARE(r.nodes().size(), std::size_t(1));
        } else {
            QVERIFY(b);
            QCOMPARE(toString(b->state) + QLatin1Char(' ') + toString(b->certainty), expected);
            QCOMPARE(b->hops, 1);
            QCOMPARE(r.path(QStringLiteral("B")), QStringList{QStringLiteral("e")});
            QCOMPARE(b->predecessor, QStringLiteral("A"));
            QCOMPARE(b->edge, QStringLiteral("e"));
        }
        // The seed itself.
        QCOMPARE(toString(node(r, "A")->state), toString(controlSeed ? Compromise::Controlled : Compromise::Breached));
        QCOMPARE(node(r, "A")->hops, 0);
    }

    void anythingFollowingAPotentialNodeIsPotential()
    {
        const Model m = model(R"([{"id": "A", "kind": "vendor"}, {"id": "B", "kind": "service"},
                                  {"id": "C", "kind": "service"}, {"id": "D", "kind": "service"}])",
                              R"([{"id": "e1", "from": "A", "to": "B", "kind": "access", "scope": "admin"},
                                  {"id": "e2", "from": "B", "to": "C", "kind": "hosts"},
                                  {"id": "e3", "from": "C", "to": "D", "kind": "access", "scope": "read", "stored": false}])");
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {breach("A")});
        QCOMPARE(toString(node(r, "C")->state), toString(Compromise::Controlled));
        QCOMPARE(toString(node(r, "C")->certainty), toString(Certainty::Potential));
        QCOMPARE(toString(node(r, "D")->state), toString(Compromise::Breached));
        QCOMPARE(toString(node(r, "D")->certainty), toString(Certainty::Potential));
        QCOMPARE(r.path(QStringLiteral("D")),
                 QStringList({QStringLiteral("e1"), QStringLiteral("e2"), QStringLiteral("e3")}));
        QCOMPARE(r.summary().reachedDirect, 1);
    }

    void severestDirectStateWinsAndPotentialEscalates()
    {
        // B is breached directly through hosts, and controlled only through a stored admin credential.
        const Model m = model(kAB, R"([{"id": "h", "from": "A", "to": "B", "kind": "hosts"},
                                       {"id": "k", "from": "A", "to": "B", "kind": "access", "scope": "admin"}])");
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {breach("A")});
        const ReachedNode *b = node(r, "B");
        QCOMPARE(toString(b->state), toString(Compromise::Breached));
        QCOMPARE(toString(b->certainty), toString(Certainty::Direct));
        QVERIFY(b->escalation == Compromise::Controlled);
        QCOMPARE(r.path(QStringLiteral("B")), QStringList{QStringLiteral("h")});
    }

    void multipleRoutesReportTheSevereStateWithItsOwnShortestPath()
    {
        // Breached in one hop (read credential), controlled in two (code via X).
        const Model m = model(R"([{"id": "A", "kind": "vendor"}, {"id": "B", "kind": "service"},
                                  {"id": "X", "kind": "service"}])",
                              R"([{"id": "r", "from": "A", "to": "B", "kind": "access", "scope": "read"},
                                  {"id": "c1", "from": "A", "to": "X", "kind": "code"},
                                  {"id": "c2", "from": "X", "to": "B", "kind": "code"}])");
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {control("A")});
        const ReachedNode *b = node(r, "B");
        QCOMPARE(toString(b->state), toString(Compromise::Controlled));
        QCOMPARE(toString(b->certainty), toString(Certainty::Direct));
        QCOMPARE(b->hops, 2);
        QCOMPARE(r.path(QStringLiteral("B")), QStringList({QStringLiteral("c1"), QStringLiteral("c2")}));
        QCOMPARE(b->predecessor, QStringLiteral("X"));
        QVERIFY(!b->escalation);
    }

    void cyclesTerminate()
    {
        const Model m =
            model(R"([{"id": "A", "kind": "service"}, {"id": "B", "kind": "service"}, {"id": "C", "kind": "service"}])",
                  R"([{"from": "A", "to": "B", "kind": "access", "scope": "write"},
                                  {"from": "B", "to": "C", "kind": "access", "scope": "write"},
                                  {"from": "C", "to": "A", "kind": "access", "scope": "write"}])");
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {control("A")});
        QCOMPARE(r.nodes().size(), std::size_t(3));
        QCOMPARE(node(r, "C")->hops, 2);
        QCOMPARE(node(r, "A")->hops, 0);
        const BlastRadius p = blast(engine, {breach("B")});
        QCOMPARE(toString(node(p, "A")->certainty), toString(Certainty::Potential));
        QCOMPARE(toString(node(p, "B")->certainty), toString(Certainty::Direct));
    }

    void options_data()
    {
        QTest::addColumn<std::optional<int>>("maxHops");
        QTest::addColumn<bool>("potential");
        QTest::addColumn<QStringList>("reached");
        QTest::newRow("no limit, potential") << std::optional<int>() << true << test::ids({"A", "B", "C", "D", "P"});
        QTest::newRow("max hops 0: the seed only") << std::optional<int>(0) << true << test::ids({"A"});
        QTest::newRow("max hops 1") << std::optional<int>(1) << true << test::ids({"A", "B", "P"});
        QTest::newRow("max hops 2") << std::optional<int>(2) << true << test::ids({"A", "B", "C", "P"});
        QTest::newRow("no potential: credentials not pivoted")
            << std::optional<int>() << false << test::ids({"A", "B", "C", "D"});
        QTest::newRow("no potential and max hops 1") << std::optional<int>(1) << false << test::ids({"A", "B"});
    }
    void options()
    {
        QFETCH(std::optional<int>, maxHops);
        QFETCH(bool, potential);
        QFETCH(QStringList, reached);
        // A -hosts-> B -hosts-> C -hosts-> D; A holds a stored read credential to P.
        const Model m = model(R"([{"id": "A", "kind": "vendor"}, {"id": "B", "kind": "service"},
                                  {"id": "C", "kind": "service"}, {"id": "D", "kind": "service"},
                                  {"id": "P", "kind": "service"}])",
                              R"([{"from": "A", "to": "B", "kind": "hosts"}, {"from": "B", "to": "C", "kind": "hosts"},
                                  {"from": "C", "to": "D", "kind": "hosts"}, {"from": "A", "to": "P", "kind": "access"}])");
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {breach("A")}, maxHops, potential);
        QStringList ids;
        for (const ReachedNode &n : r.nodes())
            ids << n.id;
        QCOMPARE(ids, reached);
        QCOMPARE(r.scenario().maxHops, maxHops);
        QCOMPARE(r.summary().reached, int(reached.size()));
    }

    void unknownSeedIsAnError()
    {
        const Model m = model(kAB, "[]");
        const auto r = BlastRadiusEngine(m).run(Scenario{{breach("nope")}, std::nullopt, true});
        QVERIFY(!r.ok());
        QVERIFY(r.error().message().contains(QStringLiteral("nope")));
    }

    void exposureFollowsEdgesNotOwnership()
    {
        const Model m =
            model(R"([{"id": "users", "kind": "people", "count": 1000, "regions": ["DE"]},
                                  {"id": "app", "kind": "service", "stores": [{"category": "ID.GOV", "records": 5}]},
                                  {"id": "ana", "kind": "vendor"}])",
                  R"([{"id": "e1", "from": "users", "to": "app", "kind": "data", "categories": ["ID.NAME", "ID.GOV"]},
                                  {"id": "e2", "from": "app", "to": "ana", "kind": "data", "categories": ["ID.NAME"], "records": 700}])");
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {breach("ana")});
        QCOMPARE(r.exposed().size(), std::size_t(1));
        const ExposedCategory *name = category(r, "ID.NAME");
        QVERIFY(name);
        QCOMPARE(r.holders(name->category), QStringList{QStringLiteral("ana")});
        QCOMPARE(r.via(name->category), QStringList{QStringLiteral("e2")});
        QCOMPARE(name->holderCount, 1);
        QCOMPARE(name->carrierCount, 1);
        QCOMPARE(name->origins, QStringList{QStringLiteral("users")});
        QCOMPARE(name->people, qint64(1000));
        QCOMPARE(name->records, qint64(700));
        QCOMPARE(toString(name->certainty), toString(Certainty::Direct));
        QVERIFY(!category(r, "ID.GOV")); // held by app, which is not reached
        QCOMPARE(r.services(), QStringList{QStringLiteral("app")});
    }

    void originsAreTracedOverManyHopsOfTheSameCategory()
    {
        const Model m =
            model(R"([{"id": "p1", "kind": "people", "count": 10}, {"id": "p2", "kind": "people", "count": 5},
                                  {"id": "s1", "kind": "service"}, {"id": "s2", "kind": "service"},
                                  {"id": "v", "kind": "vendor", "stores": [{"category": "ID.NAME", "records": 9000}]}])",
                  R"([{"from": "p1", "to": "s1", "kind": "data", "categories": ["ID.NAME", "CONTACT.EMAIL"]},
                                  {"from": "s1", "to": "s2", "kind": "data", "categories": ["ID.NAME", "CONTACT.EMAIL"]},
                                  {"from": "s2", "to": "v", "kind": "data", "categories": ["ID.NAME", "CONTACT.PHONE"], "records": 40},
                                  {"from": "p2", "to": "s2", "kind": "data", "categories": ["CONTACT.EMAIL"]},
                                  {"from": "s2", "to": "s1", "kind": "data", "categories": ["CONTACT.EMAIL"]}])");
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {breach("v")});
        QCOMPARE(category(r, "ID.NAME")->origins, QStringList{QStringLiteral("p1")});
        QCOMPARE(category(r, "ID.NAME")->people, qint64(10));
        QCOMPARE(category(r, "ID.NAME")->records, qint64(9000)); // the store's figure is larger
        QVERIFY(category(r, "CONTACT.PHONE")->origins.isEmpty()); // no population sent phone numbers
        QVERIFY(!category(r, "CONTACT.EMAIL")); // email never reached v
        // breaching s1 exposes email from both populations (p2's went s2 -> s1)
        const BlastRadius s1 = blast(engine, {breach("s1")});
        QCOMPARE(category(s1, "CONTACT.EMAIL")->origins, QStringList({QStringLiteral("p1"), QStringLiteral("p2")}));
        QCOMPARE(category(s1, "CONTACT.EMAIL")->people, qint64(15));
        QCOMPARE(s1.summary().people, qint64(15));
    }

    void encryption_data()
    {
        QTest::addColumn<QByteArray>("edges");
        QTest::addColumn<bool>("encrypted");
        QTest::newRow("external key on every carrier") << QByteArray(
            R"([{"from": "s", "to": "v", "kind": "data", "categories": ["FIN.CARD_PAN"], "encryption": "external-key"}])")
                                                       << true;
        QTest::newRow("holder key counts as readable") << QByteArray(
            R"([{"from": "s", "to": "v", "kind": "data", "categories": ["FIN.CARD_PAN"], "encryption": "holder-key"}])")
                                                       << false;
        QTest::newRow("unspecified counts as readable")
            << QByteArray(R"([{"from": "s", "to": "v", "kind": "data", "categories": ["FIN.CARD_PAN"]}])") << false;
        QTest::newRow("one plaintext carrier is enough") << QByteArray(
            R"([{"from": "s", "to": "v", "kind": "data", "categories": ["FIN.CARD_PAN"], "encryption": "external-key"},
                              {"from": "t", "to": "v", "kind": "data", "categories": ["FIN.CARD_PAN"]}])")
                                                         << false;
        QTest::newRow("exposed encryption keys decrypt") << QByteArray(
            R"([{"from": "s", "to": "v", "kind": "data", "categories": ["FIN.CARD_PAN"], "encryption": "external-key"},
                              {"from": "t", "to": "v", "kind": "data", "categories": ["CRED.ENC_KEY"]}])")
                                                         << false;
    }
    void encryption()
    {
        QFETCH(QByteArray, edges);
        QFETCH(bool, encrypted);
        const Model m = model(
            R"([{"id": "s", "kind": "service"}, {"id": "t", "kind": "service"}, {"id": "v", "kind": "vendor"}])",
            edges.constData(), R"(, "organization": {"regions": ["US"], "sectors": [], "sec_registrant": false})");
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {breach("v")});
        QCOMPARE(category(r, "FIN.CARD_PAN")->encrypted, encrypted);
        QCOMPARE(category(r, "FIN.CARD_PAN")->plaintext.has_value(), !encrypted);
        QCOMPARE(toString(obligation(r, "PCI-DSS").status),
                 toString(encrypted ? ObligationStatus::NotTriggered : ObligationStatus::Likely));
    }

    void categoryHeldOnlyPotentiallyIsPotential()
    {
        const Model m =
            model(R"([{"id": "A", "kind": "vendor"}, {"id": "B", "kind": "service", "stores": [{"category": "BIO"}]}])",
                  R"([{"from": "A", "to": "B", "kind": "access"}])");
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {breach("A")});
        QCOMPARE(toString(category(r, "BIO")->certainty), toString(Certainty::Potential));
        QCOMPARE(r.summary().categoriesByTier[0], 1);
    }

    // Each regime, triggered and not.
    void regimes_data()
    {
        QTest::addColumn<QStringList>("categories");
        QTest::addColumn<QStringList>("regions");
        QTest::addColumn<QStringList>("sectors");
        QTest::addColumn<bool>("registrant");
        QTest::addColumn<int>("controlled");
        QTest::addColumn<QString>("regime");
        QTest::addColumn<ObligationStatus>("status");
        using L = std::initializer_list<const char *>;
        const L none{}, nameEmail{"ID.NAME", "CONTACT.EMAIL"};
        auto row = [](const char *n, L c, L r, L s, bool reg, int ctl, const char *regime, ObligationStatus st) {
            QTest::newRow(n) << test::ids(c) << test::ids(r) << test::ids(s) << reg << ctl
                             << QString::fromLatin1(regime) << st;
        };
        using S = ObligationStatus;
        row("GDPR-33 assess: names of EU people", nameEmail, L{"DE"}, none, false, 0, "GDPR-33", S::Assess);
        row("GDPR-33 likely: health data", L{"HEALTH.CLINICAL"}, L{"FR"}, none, false, 0, "GDPR-33", S::Likely);
        row("GDPR-33 likely: credentials", L{"CRED.PASSWORD", "CONTACT.EMAIL"}, L{"EU"}, none, false, 0, "GDPR-33",
            S::Likely);
        row("GDPR-33 not triggered: no EU people", nameEmail, L{"US"}, none, false, 0, "GDPR-33", S::NotTriggered);
        row("GDPR-33 not triggered: only anonymised data", L{"AGG.ANON"}, L{"DE"}, none, false, 0, "GDPR-33",
            S::NotTriggered);
        row("GDPR-34 likely: special category", L{"SPECIAL.OTHER"}, L{"IT"}, none, false, 0, "GDPR-34", S::Likely);
        row("GDPR-34 assess: tier 2", L{"DEMO.DOB"}, L{"IT"}, none, false, 0, "GDPR-34", S::Assess);
        row("GDPR-34 not triggered: tier 3 only", nameEmail, L{"IT"}, none, false, 0, "GDPR-34", S::NotTriggered);
        row("UK GDPR assess: GB people", nameEmail, L{"GB"}, none, false, 0, "UK-GDPR-33", S::Assess);
        row("UK GDPR not triggered: no GB people", nameEmail, L{"DE"}, none, false, 0, "UK-GDPR-33", S::NotTriggered);
        row("California not triggered: name plus email", nameEmail, L{"US-CA"}, none, false, 0, "CA-1798.82",
            S::NotTriggered);
        row("California likely: name plus SSN", L{"ID.NAME", "ID.GOV"}, L{"US-CA"}, none, false, 0, "CA-1798.82",
            S::Likely);
        row("California likely: email plus password", L{"CONTACT.EMAIL", "CRED.PASSWORD"}, L{"US-CA"}, none, false, 0,
            "CA-1798.82", S::Likely);
        row("California not triggered: card without code", L{"ID.NAME", "FIN.CARD_PAN"}, L{"US-CA"}, none, false, 0,
            "CA-1798.82", S::NotTriggered);
        row("California likely: card with code", L{"ID.NAME", "FIN.CARD_PAN", "FIN.CARD_SAD"}, L{"US-CA"}, none, false,
            0, "CA-1798.82", S::Likely);
        row("California assess: US without a state", L{"ID.NAME", "ID.GOV"}, L{"US"}, none, false, 0, "CA-1798.82",
            S::Assess);
        row("California not triggered: no US people", L{"ID.NAME", "ID.GOV"}, L{"DE"}, none, false, 0, "CA-1798.82",
            S::NotTriggered);
        row("HIPAA likely: health org", L{"HEALTH.CLINICAL"}, L{"US"}, L{"health"}, false, 0, "HIPAA", S::Likely);
        row("HIPAA assess: not a health org", L{"HEALTH.INSURANCE"}, L{"US-NY"}, none, false, 0, "HIPAA", S::Assess);
        row("HIPAA not triggered: no health data", nameEmail, L{"US"}, L{"health"}, false, 0, "HIPAA", S::NotTriggered);
        row("PCI likely: card numbers", L{"FIN.CARD_PAN"}, L{"DE"}, none, false, 0, "PCI-DSS", S::Likely);
        row("PCI not triggered", nameEmail, L{"DE"}, none, false, 0, "PCI-DSS", S::NotTriggered);
        row("FTC likely: financial institution", nameEmail, L{"US"}, L{"finance"}, false, 0, "FTC-SAFEGUARDS",
            S::Likely);
        row("FTC not triggered: not financial", nameEmail, L{"US"}, none, false, 0, "FTC-SAFEGUARDS", S::NotTriggered);
        row("SEC assess: registrant", nameEmail, L{"US"}, none, true, 0, "SEC-8K-1.05", S::Assess);
        row("SEC not triggered: not a registrant", nameEmail, L{"US"}, none, false, 0, "SEC-8K-1.05", S::NotTriggered);
        row("NIS2 likely: essential entity, service controlled", nameEmail, L{"DE"}, L{"essential-entity"}, false, 1,
            "NIS2", S::Likely);
        row("NIS2 assess: data only", nameEmail, L{"DE"}, L{"important-entity"}, false, 0, "NIS2", S::Assess);
        row("NIS2 not triggered: not in scope", nameEmail, L{"DE"}, none, false, 1, "NIS2", S::NotTriggered);
        row("DORA likely: financial entity, service controlled", nameEmail, L{"DE"}, L{"finance"}, false, 2, "DORA",
            S::Likely);
        row("DORA not triggered: not financial", nameEmail, L{"DE"}, none, false, 2, "DORA", S::NotTriggered);
    }
    void regimes()
    {
        QFETCH(QStringList, categories);
        QFETCH(QStringList, regions);
        QFETCH(QStringList, sectors);
        QFETCH(bool, registrant);
        QFETCH(int, controlled);
        QFETCH(QString, regime);
        QFETCH(ObligationStatus, status);
        ObligationInput in;
        in.organization = Organization{QStringLiteral("Org"),
                                       regions.contains(u"DE") ? QStringList{QStringLiteral("DE")}
                                                               : QStringList{QStringLiteral("US")},
                                       sectors, registrant};
        in.populations.insert(QStringLiteral("people"), Population{regions, 2000, {}});
        for (const QString &c : categories) {
            const Category *cat = Taxonomy::builtIn().find(c);
            in.plaintext.push_back({c,
                                    cat->tier,
                                    cat->flags,
                                    true,
                                    {QStringLiteral("people")},
                                    {QStringLiteral("people")},
                                    false,
                                    false,
                                    {}});
        }
        std::sort(in.plaintext.begin(), in.plaintext.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
        in.exposedAny = in.exposedDirect = true;
        in.controlledDirect = controlled;
        const std::vector<Obligation> all = evaluateObligations(in);
        QCOMPARE(all.size(), std::size_t(10));
        const auto it = std::find_if(all.begin(), all.end(), [&](const Obligation &o) { return o.regime == regime; });
        QVERIFY(it != all.end());
        QVERIFY2(it->status == status, qPrintable(toString(it->status) + QStringLiteral(": ") + it->reason));
        QVERIFY(!it->reason.isEmpty());
        QVERIFY(!it->deadline.isEmpty() && !it->recipient.isEmpty());
    }

    void costBands_data()
    {
        QTest::addColumn<qint64>("records");
        QTest::addColumn<bool>("controlled");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::newRow("nothing") << qint64(0) << false << 0.0 << 0.0;
        QTest::newRow("no records, systems controlled") << qint64(0) << true << 0.0 << 4910000.0;
        QTest::newRow("below IBM's range") << qint64(1000) << false << 150000.0 << 2960.0 * 178;
        QTest::newRow("inside IBM's range: per record") << qint64(50000) << false << 50000.0 * 150 << 50000.0 * 178;
        QTest::newRow("between the range and mega band") << qint64(500000) << false << 113620.0 * 150 << 42e6;
        QTest::newRow("mega breach band") << qint64(5000000) << false << 42e6 << 420e6;
        QTest::newRow("largest band anchored on Change Healthcare") << qint64(200000000) << false << 42e6 << 3.1e9;
    }
    void costBands()
    {
        QFETCH(qint64, records);
        QFETCH(bool, controlled);
        QFETCH(double, low);
        QFETCH(double, high);
        CostInput in;
        if (records > 0)
            in.plaintext.push_back({QStringLiteral("ID.GOV"), 1, records, records, true});
        in.controlledDirect = in.controlledAny = controlled;
        const CostEstimate c = estimateCost(in);
        QCOMPARE(c.low, low);
        QCOMPARE(c.high, high);
        QCOMPARE(c.currency, QStringLiteral("USD"));
        QVERIFY(c.assumptions.size() >= 2);
        QVERIFY(c.low <= c.high);
    }

    void rankingIsSortedAndMatchesSingleScenarios()
    {
        const Model m = bundledSample();
        const BlastRadiusEngine engine(m);
        const std::vector<VendorRank> ranks = engine.rank(true, true);
        int vendors = 0;
        for (const Node &n : m.nodes)
            vendors += n.kind == NodeKind::Vendor;
        QCOMPARE(int(ranks.size()), 2 * vendors);
        for (std::size_t i = 1; i < ranks.size(); ++i)
            QVERIFY(ranks[i - 1].summary.score >= ranks[i].summary.score);
        for (const VendorRank &r : ranks) {
            const BlastRadius single = blast(engine, {{r.vendorId, r.mode}});
            QVERIFY2(sameSummary(r.summary, single.summary()), qPrintable(r.vendorId));
            QCOMPARE(r.summary.reached, int(single.nodes().size()));
        }
        QCOMPARE(engine.rank(true, false).size(), std::size_t(vendors));
    }

    void indexAndSearchAgreeOnRandomModels()
    {
        // The index (SCC closures) and the explicit search must give the same answer.
        for (quint64 seed : {1ULL, 2ULL, 3ULL}) {
            GeneratorParams g;
            g.people = 6;
            g.services = 300;
            g.vendors = 500;
            g.edges = 6000;
            g.seed = seed;
            const Model m = generateModel(g);
            const BlastRadiusEngine engine(m);
            const auto ranks = engine.rank(true, true);
            for (std::size_t i = 0; i < ranks.size(); i += 37) {
                const VendorRank &r = ranks[i];
                const BlastRadius viaSearch = blast(engine, {{r.vendorId, r.mode}}, 1000000);
                QVERIFY2(sameSummary(r.summary, viaSearch.summary()), qPrintable(r.vendorId));
                QCOMPARE(int(viaSearch.nodes().size()), r.summary.reached);
            }
        }
    }

    void sampleAnalyticsBreachExposesOnlyWhatWasSent()
    {
        const Model m = bundledSample();
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {breach("analytics")});
        QCOMPARE(r.nodes().size(), std::size_t(1));
        QStringList cats;
        for (const ExposedCategory &x : r.exposed())
            cats << x.category;
        QCOMPARE(cats,
                 test::ids({"CONTACT.EMAIL", "DEVICE.TECH", "ID.ACCOUNT", "ID.NAME", "LOC.COARSE", "ONLINE.REFERRER"}));
        QVERIFY(category(r, "ID.NAME")->origins.contains(QStringLiteral("api_users")));
        QVERIFY(r.services().contains(QStringLiteral("dashboard")));
        QCOMPARE(toString(obligation(r, "GDPR-33").status), toString(ObligationStatus::Assess));
        QCOMPARE(toString(obligation(r, "CA-1798.82").status), toString(ObligationStatus::NotTriggered));
        QCOMPARE(toString(obligation(r, "PCI-DSS").status), toString(ObligationStatus::NotTriggered));
        QCOMPARE(toString(obligation(r, "SEC-8K-1.05").status), toString(ObligationStatus::Assess));
        // Controlling the SDK vendor is worse: its code runs in the dashboard.
        const BlastRadius c = blast(engine, {control("analytics")});
        QCOMPARE(toString(node(c, "dashboard")->state), toString(Compromise::Controlled));
        QVERIFY(category(c, "CRED.API_KEY"));
        QVERIFY(c.summary().score > r.summary().score);
    }

    void sampleChatAppControlReachesTheCrmAndPastedKeys()
    {
        const Model m = bundledSample();
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {control("chat_widget")});
        QCOMPARE(toString(node(r, "crm_tenant")->state), toString(Compromise::Breached));
        QCOMPARE(toString(node(r, "crm_tenant")->certainty), toString(Certainty::Direct));
        QCOMPARE(toString(category(r, "CONTENT.SUPPORT")->certainty), toString(Certainty::Direct));
        // The API keys pasted into support cases open the API gateway: potentially.
        QCOMPARE(toString(node(r, "api_gateway")->state), toString(Compromise::Controlled));
        QCOMPARE(toString(node(r, "api_gateway")->certainty), toString(Certainty::Potential));
        QCOMPARE(r.path(QStringLiteral("api_gateway")).first(), r.path(QStringLiteral("crm_tenant")).first());
    }

    void sampleHarFilesAndCiKeys()
    {
        const Model m = bundledSample();
        const BlastRadiusEngine engine(m);
        const BlastRadius har = blast(engine, {breach("idp_support")});
        QCOMPARE(toString(node(har, "corp_idp_tenant")->state), toString(Compromise::Controlled));
        QCOMPARE(toString(node(har, "corp_idp_tenant")->certainty), toString(Certainty::Potential));
        QVERIFY(node(har, "hr_system"));
        const BlastRadius ci = blast(engine, {control("ci_provider")});
        QCOMPARE(toString(node(ci, "cloud_prod")->state), toString(Compromise::Controlled));
        QCOMPARE(toString(node(ci, "cloud_prod")->certainty), toString(Certainty::Direct));
        QCOMPARE(toString(node(ci, "inference")->state),
                 toString(Compromise::Controlled)); // hosted in the cloud account
        QVERIFY(ci.summary().controlled >= 15); // the platform hosted in the cloud account
        QVERIFY(ci.cost().high > 0);
    }

    void subprocessorBreachNamesTheServicesAtTheStartOfTheChain()
    {
        // inference -> llm_router -> llm_provider -> llm_logs all carry prompts (CONTENT.USER).
        const Model m = bundledSample();
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {breach("llm_logs")});
        QCOMPARE(r.nodes().size(), std::size_t(1));
        for (const char *service : {"inference", "llm_router", "chat_web"})
            QVERIFY2(r.services().contains(QLatin1StringView(service)), service);
        QVERIFY(!r.services().contains(QStringLiteral("llm_provider"))); // a vendor, not our service
        QVERIFY(!r.services().contains(QStringLiteral("dashboard"))); // never sent prompts that way
        QVERIFY(category(r, "CONTENT.USER")->origins.contains(QStringLiteral("chat_users")));
    }

    void whatIfDroppingTheAnalyticsVendor()
    {
        const auto w = BlastRadiusEngine(bundledSample()).whatIfRemove(QStringLiteral("analytics"));
        QVERIFY(w.ok());
        QCOMPARE(w->servicesLosingEdges.value(QStringLiteral("dashboard")), test::ids({"code", "data"}));
        QCOMPARE(w->servicesLosingEdges.value(QStringLiteral("marketing_site")), test::ids({"data"}));
        QVERIFY(w->categoriesNoLongerHeldByVendors.contains(QStringLiteral("LOC.COARSE")));
        QVERIFY(!w->categoriesNoLongerHeldByVendors.contains(QStringLiteral("ID.NAME")));
        QCOMPARE(w->topBefore.size(), std::size_t(10));
        QVERIFY(!BlastRadiusEngine(bundledSample()).whatIfRemove(QStringLiteral("dashboard")).ok()); // not a vendor
    }

    void concentrationFindsSharedSubprocessors()
    {
        const auto subs = BlastRadiusEngine(bundledSample()).concentration();
        QVERIFY(!subs.empty());
        const auto it = std::find_if(subs.begin(), subs.end(),
                                     [](const SharedSubprocessor &s) { return s.id == u"analytics_cloud"; });
        QVERIFY(it != subs.end());
        QCOMPARE(it->vendors, test::ids({"analytics", "chat_widget", "helpdesk"}));
        QVERIFY(it->weight > 0);
        for (std::size_t i = 1; i < subs.size(); ++i)
            QVERIFY(subs[i - 1].score >= subs[i].score);
    }
};

QTEST_GUILESS_MAIN(TestBlastRadius)
#include "tst_blastradius.moc"
