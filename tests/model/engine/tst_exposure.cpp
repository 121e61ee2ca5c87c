// SPDX-License-Identifier: GPL-3.0-or-later
// Exposure and propagation rules: per-copy certainty and encryption, lineage, keys, signing
// keys, tenants, concentration, and results that stay linear in the nodes reached.
#include "tests/model/engine/scenario.h"

#include "model/reports/jsonreport.h"
#include "model/reports/textreport.h"

#include <QJsonDocument>

using namespace vg;
using namespace vg::test;

class TestExposure : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The bug of the issue: the only direct copy is encrypted, the only plaintext copy is
    // potential. Before, the category read "direct, plaintext".
    void certaintyAndEncryptionArePerCopy()
    {
        const Model m = model(
            R"([{"id": "p", "kind": "people", "count": 700, "regions": ["US-CA"]},
            {"id": "A", "kind": "vendor"}, {"id": "B", "kind": "service"}, {"id": "src", "kind": "service"}])",
            R"([{"id": "e1", "from": "p", "to": "src", "kind": "data", "categories": ["ID.NAME", "FIN.CARD_PAN", "FIN.CARD_SAD"]},
            {"id": "e2", "from": "src", "to": "A", "kind": "data", "categories": ["FIN.CARD_PAN", "FIN.CARD_SAD", "ID.NAME"], "encryption": "external-key"},
            {"id": "e3", "from": "src", "to": "B", "kind": "data", "categories": ["FIN.CARD_PAN", "FIN.CARD_SAD", "ID.NAME"]},
            {"id": "k", "from": "A", "to": "B", "kind": "access", "scope": "read"}])",
            kUsOrg);
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {breach("A")});
        const ExposedCategory *pan = category(r, "FIN.CARD_PAN");
        QVERIFY(pan);
        QCOMPARE(toString(pan->certainty), QStringLiteral("direct")); // a copy is exposed directly (encrypted)
        QVERIFY(pan->plaintext == Certainty::Potential); // its plaintext only potentially
        QVERIFY(pan->someEncrypted);
        QVERIFY(!pan->encrypted);
        QVERIFY2(pan->pivot.contains(QStringLiteral("the stored credential for `B` at `A`")), qPrintable(pan->pivot));
        for (const char *regime : {"PCI-DSS", "CA-1798.82"}) {
            const Obligation &o = obligation(r, QLatin1StringView(regime));
            QVERIFY2(o.status == ObligationStatus::Assess,
                     qPrintable(QString::fromLatin1(regime) + QStringLiteral(": ") + o.reason));
            QVERIFY2(o.reason.contains(QStringLiteral("the stored credential for `B` at `A`")), qPrintable(o.reason));
        }
        // The same data reached directly is likely.
        const BlastRadius both = blast(engine, {breach("A"), breach("B")});
        QVERIFY(obligation(both, QStringLiteral("PCI-DSS")).status == ObligationStatus::Likely);
        QVERIFY(category(both, "FIN.CARD_PAN")->plaintext == Certainty::Direct);
    }

    void aNodeHoldsWhatItSends()
    {
        // A background-check vendor produces results and sends them on: it holds them.
        const Model m = model(R"([{"id": "cand", "kind": "people", "count": 60000, "regions": ["DE"]},
            {"id": "ats", "kind": "service"}, {"id": "bg", "kind": "vendor"}])",
                              R"([{"id": "e1", "from": "cand", "to": "ats", "kind": "data", "categories": ["ID.NAME"]},
            {"id": "e2", "from": "ats", "to": "bg", "kind": "data", "categories": ["ID.NAME"]},
            {"id": "e3", "from": "bg", "to": "ats", "kind": "data", "categories": ["CRIMINAL"], "records": 3000, "subjects": ["cand"]}])",
                              kUsOrg);
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {breach("bg")});
        const ExposedCategory *crim = category(r, "CRIMINAL");
        QVERIFY(crim);
        QCOMPARE(r.holders(crim->category), QStringList{QStringLiteral("bg")});
        QCOMPARE(r.via(crim->category), QStringList{QStringLiteral("e3")});
        QCOMPARE(crim->origins, QStringList{QStringLiteral("cand")});
        QCOMPARE(crim->people, qint64(60000));
        QVERIFY(obligation(r, QStringLiteral("GDPR-34")).status == ObligationStatus::Likely);
    }

    void subjectsNameThePeopleOfDataThatEntersMidChain_data()
    {
        QTest::addColumn<QByteArray>("stores");
        QTest::addColumn<QStringList>("origins");
        QTest::addColumn<ObligationStatus>("gdpr34");
        QTest::newRow("a store with subjects") << QByteArray(R"([{"category": "ID.GOV", "subjects": ["p"]}])")
                                               << test::ids({"p"}) << ObligationStatus::Likely;
        QTest::newRow("no subjects: population unknown, assess")
            << QByteArray(R"([{"category": "ID.GOV"}])") << QStringList() << ObligationStatus::Assess;
    }
    void subjectsNameThePeopleOfDataThatEntersMidChain()
    {
        QFETCH(QByteArray, stores);
        QFETCH(QStringList, origins);
        QFETCH(ObligationStatus, gdpr34);
        const QByteArray nodes = R"([{"id": "p", "kind": "people", "count": 10, "regions": ["FR"]},
            {"id": "svc", "kind": "service", "stores": )"
            + stores + "}]";
        const Model m = model(nodes.constData(), "[]", kUsOrg);
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {breach("svc")});
        QCOMPARE(category(r, "ID.GOV")->origins, origins);
        const Obligation &o = obligation(r, QStringLiteral("GDPR-34"));
        QVERIFY2(o.status == gdpr34, qPrintable(o.reason));
        if (origins.isEmpty())
            QVERIFY2(o.reason.contains(QStringLiteral("population unknown")), qPrintable(o.reason));
    }

    void anExposedKeyOpensWhatItProtects_data()
    {
        QTest::addColumn<QByteArray>("extraEdges");
        QTest::addColumn<QByteArray>("keyHolder"); // "" or a node id
        QTest::addColumn<QStringList>("seeds");
        QTest::addColumn<QString>("plaintext"); // direct, potential or none
        const QByteArray kmsKey =
            R"(, {"id": "kk", "from": "ops", "to": "kms", "kind": "data", "categories": ["CRED.ENC_KEY"]})";
        const QByteArray selfKey =
            R"(, {"id": "sk", "from": "ops", "to": "store", "kind": "data", "categories": ["CRED.ENC_KEY"]})";
        QTest::newRow("key holder not reached: encrypted")
            << kmsKey << QByteArray("kms") << test::ids({"store"}) << "none";
        QTest::newRow("key holder breached too: plaintext")
            << kmsKey << QByteArray("kms") << test::ids({"store", "kms"}) << "direct";
        QTest::newRow("key holder reached potentially: plaintext, potentially")
            << kmsKey + R"(, {"id": "acc", "from": "store", "to": "kms", "kind": "access"})" << QByteArray("kms")
            << test::ids({"store"}) << "potential";
        QTest::newRow("key holder holds no key: encrypted")
            << QByteArray() << QByteArray("kms") << test::ids({"store", "kms"}) << "none";
        QTest::newRow("no key holder, the holder has the key: plaintext")
            << selfKey << QByteArray() << test::ids({"store"}) << "direct";
        QTest::newRow("no key holder, a key exposed elsewhere opens nothing")
            << kmsKey << QByteArray() << test::ids({"store", "kms"}) << "none";
    }
    void anExposedKeyOpensWhatItProtects()
    {
        QFETCH(QByteArray, extraEdges);
        QFETCH(QByteArray, keyHolder);
        QFETCH(QStringList, seeds);
        QFETCH(QString, plaintext);
        const QByteArray holder =
            keyHolder.isEmpty() ? QByteArray() : QByteArray(", \"key_holder\": \"") + keyHolder + QByteArray("\"");
        const QByteArray edges =
            R"([{"id": "e1", "from": "ops", "to": "store", "kind": "data", "categories": ["HEALTH.CLINICAL"], "encryption": "external-key")"
            + holder + "}" + extraEdges + "]";
        const Model m = model(
            R"([{"id": "ops", "kind": "service"}, {"id": "store", "kind": "vendor"}, {"id": "kms", "kind": "service"}])",
            edges.constData());
        const BlastRadiusEngine engine(m);
        std::vector<Seed> s;
        for (const QString &id : seeds)
            s.push_back({id, Compromise::Breached});
        const BlastRadius r = blast(engine, s);
        const ExposedCategory *x = category(r, "HEALTH.CLINICAL");
        QVERIFY(x);
        QCOMPARE(x->plaintext ? toString(*x->plaintext) : QStringLiteral("none"), plaintext);
        QCOMPARE(x->encrypted, plaintext == u"none");
    }

    void aStolenSigningKeyIsACodeChannel_data()
    {
        QTest::addColumn<QByteArray>("stores");
        QTest::addColumn<QString>("expected"); // state of B, or "none"
        QTest::newRow("plaintext signing key: code targets controlled, potentially")
            << QByteArray(R"([{"category": "CRED.SIGNING_KEY"}])") << "controlled potential";
        QTest::newRow("no signing key: a breach does not run code") << QByteArray("[]") << "none";
        QTest::newRow("a key encrypted with an unexposed key is not stolen")
            << QByteArray(R"([{"category": "CRED.SIGNING_KEY", "encryption": "external-key"}])") << "none";
    }
    void aStolenSigningKeyIsACodeChannel()
    {
        QFETCH(QByteArray, stores);
        QFETCH(QString, expected);
        const QByteArray nodes =
            R"([{"id": "A", "kind": "vendor", "stores": )" + stores + R"(}, {"id": "B", "kind": "service"}])";
        const Model m = model(nodes.constData(), R"([{"id": "c", "from": "A", "to": "B", "kind": "code"}])");
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {breach("A")});
        const ReachedNode *b = node(r, "B");
        QCOMPARE(b ? toString(b->state) + QLatin1Char(' ') + toString(b->certainty) : QStringLiteral("none"), expected);
        if (b)
            QVERIFY2(b->pivot.contains(QStringLiteral("code-signing key at `A`")), qPrintable(b->pivot));
        // The rank index and the search agree on it.
        const auto ranks = engine.rank(true, false);
        QCOMPARE(ranks.front().summary.reached, int(r.nodes().size()));
    }

    void anAccessEdgeIntoAVendorReachesOurAccountNotItsPlatform()
    {
        // billing -> processor (API key, write); the processor's JavaScript runs in the
        // dashboard and it hosts a status page; our account's integrations (access edges) still work.
        const Model m = model(
            R"([{"id": "billing", "kind": "service"}, {"id": "proc", "kind": "vendor", "stores": [{"category": "FIN.BILLING"}]},
            {"id": "dash", "kind": "service"}, {"id": "hosted", "kind": "service"}, {"id": "crm", "kind": "service"}])",
            R"([{"id": "key", "from": "billing", "to": "proc", "kind": "access", "scope": "write"},
            {"id": "js", "from": "proc", "to": "dash", "kind": "code"},
            {"id": "h", "from": "proc", "to": "hosted", "kind": "hosts"},
            {"id": "hook", "from": "proc", "to": "crm", "kind": "access", "scope": "write"}])");
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {control("billing")});
        const ReachedNode *proc = node(r, "proc");
        QVERIFY(proc);
        QVERIFY(proc->tenant);
        QCOMPARE(toString(proc->state), QStringLiteral("controlled"));
        QVERIFY(!node(r, "dash"));
        QVERIFY(!node(r, "hosted"));
        QVERIFY(node(r, "crm")); // our account's own integration
        QVERIFY(category(r, "FIN.BILLING")); // our data at the vendor
        QCOMPARE(r.summary().reached, 3); // billing, proc (once), crm
        // The vendor itself compromised: its platform reaches further.
        const BlastRadius v = blast(engine, {control("proc")});
        QVERIFY(!node(v, "proc")->tenant);
        QVERIFY(node(v, "dash") && node(v, "hosted"));
        // Both routes: the node is listed once, as the platform.
        const BlastRadius both = blast(engine, {control("billing"), control("proc")});
        QCOMPARE(std::count_if(both.nodes().begin(), both.nodes().end(),
                               [](const ReachedNode &n) { return n.id == u"proc"; }),
                 1);
        QCOMPARE(both.summary().reached, 5);
        // rank() and run() agree with tenant nodes in the graph.
        for (const VendorRank &rk : engine.rank(true, true))
            QCOMPARE(rk.summary.reached, int(blast(engine, {{rk.vendorId, rk.mode}}).nodes().size()));
    }

    void concentrationCountsWhatAHostHoldsThroughItsTenants()
    {
        const Model m = model(
            R"([{"id": "cloud", "kind": "vendor"}, {"id": "v1", "kind": "vendor", "stores": [{"category": "HEALTH.CLINICAL"}]},
            {"id": "v2", "kind": "vendor", "stores": [{"category": "ID.NAME"}]}])",
            R"([{"from": "cloud", "to": "v1", "kind": "hosts"}, {"from": "cloud", "to": "v2", "kind": "hosts"}])");
        const auto subs = BlastRadiusEngine(m).concentration();
        QCOMPARE(subs.size(), std::size_t(1));
        QCOMPARE(subs[0].id, QStringLiteral("cloud"));
        QCOMPARE(subs[0].categories, test::ids({"HEALTH.CLINICAL", "ID.NAME"}));
        QCOMPARE(subs[0].weight, tierWeight(1) + tierWeight(3));
        QCOMPARE(subs[0].score, 2 * std::max(1.0, subs[0].weight)); // ANALYSIS.md: vendors x max(1, weight)
    }

    // A shared sub-processor is weighted by the sensitivity of what reaches it: each category's
    // tier weight, at the encrypted factor when every copy there is encrypted with a key held
    // elsewhere.
    void concentrationWeighsWhatReachesTheProvider_data()
    {
        QTest::addColumn<QByteArray>("edges"); // data edges from v1 and v2 into "sub"
        QTest::addColumn<double>("weight");
        auto row = [](const char *name, const char *edges, double weight) {
            QTest::newRow(name) << QByteArray(edges) << weight;
        };
        row("tier-1 data in plaintext: the full weight",
            R"([{"from": "v1", "to": "sub", "kind": "data", "categories": ["HEALTH.CLINICAL"]},
                {"from": "v2", "to": "sub", "kind": "data", "categories": ["HEALTH.CLINICAL"]}])",
            10.0);
        row("tier-1 data only under an external key: the encrypted factor",
            R"([{"from": "v1", "to": "sub", "kind": "data", "categories": ["HEALTH.CLINICAL"], "encryption": "external-key"},
                {"from": "v2", "to": "sub", "kind": "data", "categories": ["HEALTH.CLINICAL"], "encryption": "external-key"}])",
            2.0);
        row("one readable copy is enough for the full weight",
            R"([{"from": "v1", "to": "sub", "kind": "data", "categories": ["HEALTH.CLINICAL"], "encryption": "external-key"},
                {"from": "v2", "to": "sub", "kind": "data", "categories": ["HEALTH.CLINICAL"], "encryption": "holder-key"}])",
            10.0);
        row("categories add up: tier 3 plain and tier 1 encrypted",
            R"([{"from": "v1", "to": "sub", "kind": "data", "categories": ["CONTACT.EMAIL"]},
                {"from": "v2", "to": "sub", "kind": "data", "categories": ["HEALTH.CLINICAL"], "encryption": "external-key"}])",
            4.0);
        row("tier 4 alone weighs little: the score keeps at least one per vendor",
            R"([{"from": "v1", "to": "sub", "kind": "data", "categories": ["AGG.ANON"]},
                {"from": "v2", "to": "sub", "kind": "data", "categories": ["AGG.ANON"]}])",
            tierWeight(4));
    }
    void concentrationWeighsWhatReachesTheProvider()
    {
        QFETCH(QByteArray, edges);
        QFETCH(double, weight);
        const Model m = model(
            R"([{"id": "sub", "kind": "vendor"}, {"id": "v1", "kind": "vendor"}, {"id": "v2", "kind": "vendor"}])",
            edges.constData());
        const auto subs = BlastRadiusEngine(m).concentration();
        QCOMPARE(subs.size(), std::size_t(1));
        QCOMPARE(subs[0].id, QStringLiteral("sub"));
        QCOMPARE(subs[0].vendors, test::ids({"v1", "v2"}));
        QCOMPARE(subs[0].weight, weight);
        QCOMPARE(subs[0].score, 2 * std::max(1.0, weight));
    }

    // A 12,000-hop chain: each node names its predecessor and edge; paths only on request.
    void outputStaysLinearOnALongChain()
    {
        const int n = 12000;
        Model m;
        for (int i = 0; i <= n; ++i) {
            Node x;
            x.id = QStringLiteral("n%1").arg(i);
            x.kind = i == 0 ? NodeKind::Vendor : NodeKind::Service;
            m.nodes.push_back(x);
        }
        for (int i = 0; i < n; ++i) {
            Edge e;
            e.id = QStringLiteral("h%1").arg(i);
            e.from = QStringLiteral("n%1").arg(i);
            e.to = QStringLiteral("n%1").arg(i + 1);
            e.kind = EdgeKind::Hosts;
            m.edges.push_back(e);
        }
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {breach("n0")});
        const ReachedNode *last = node(r, "n12000");
        QVERIFY(last);
        QCOMPARE(last->hops, n);
        QCOMPARE(last->predecessor, QStringLiteral("n11999"));
        QCOMPARE(last->edge, QStringLiteral("h11999"));
        const QStringList path = r.path(QStringLiteral("n12000"));
        QCOMPARE(path.size(), n);
        QCOMPARE(path.first(), QStringLiteral("h0"));
        const QByteArray json = QJsonDocument(toJson(r)).toJson(QJsonDocument::Compact);
        const QString text = toText(r, m);
        qInfo("12,000-hop chain: JSON %lld bytes, text %lld characters", qint64(json.size()), qint64(text.size()));
        QVERIFY(json.size() < 300 * (n + 1)); // linear: a few hundred bytes per node
        QVERIFY(text.size() < 200 * (n + 1));
        QVERIFY(!json.contains("\"path\""));
    }

    // The issue's example: a controlled SDK with no data cost USD 0-4.91 M, and the same plus
    // one exposed email record USD 150-526,880. More exposure never lowers either end.
    void costNeverFallsAsTheDamageGrows()
    {
        const char *nodes = R"([{"id": "p", "kind": "people", "count": 1, "regions": ["US"]},
            {"id": "sdk", "kind": "vendor"}, {"id": "app", "kind": "service"}, {"id": "mail", "kind": "service"}])";
        const Model bare = model(nodes, R"([{"id": "c", "from": "sdk", "to": "app", "kind": "code"}])");
        const Model more = model(nodes, R"([{"id": "c", "from": "sdk", "to": "app", "kind": "code"},
            {"id": "d", "from": "p", "to": "app", "kind": "data", "categories": ["CONTACT.EMAIL"], "records": 1}])");
        const CostEstimate a = blast(BlastRadiusEngine(bare), {control("sdk")}).cost();
        const CostEstimate b = blast(BlastRadiusEngine(more), {control("sdk")}).cost();
        QCOMPARE(a.high, 4910000.0);
        QVERIFY2(b.low >= a.low && b.high >= a.high, qPrintable(QStringLiteral("%1-%2").arg(b.low).arg(b.high)));
    }

    void costWeighsSensitivityAndPrefersStatedRecords_data()
    {
        QTest::addColumn<QByteArray>("categories");
        QTest::addColumn<QByteArray>("records"); // "" or a figure
        QTest::addColumn<double>("low");
        QTest::addColumn<QString>("assumption");
        // A million records: the mega-breach band floor is USD 42 M, weighted by tier.
        QTest::newRow("a million health records, tier 1: full weight")
            << QByteArray(R"(["HEALTH.CLINICAL"])") << QByteArray("1000000") << 42e6 << "records basis";
        QTest::newRow("a million emails, tier 3: 70 %")
            << QByteArray(R"(["CONTACT.EMAIL"])") << QByteArray("1000000") << 0.7 * 42e6 << "records basis";
        QTest::newRow("anonymised aggregates, tier 4: nothing")
            << QByteArray(R"(["AGG.ANON"])") << QByteArray("1000000") << 0.0 << "cost nothing per record";
        QTest::newRow("no records stated: the population is the upper bound")
            << QByteArray(R"(["HEALTH.CLINICAL"])") << QByteArray() << 2000.0 * 150 << "upper bound";
        QTest::newRow("records stated: they are the basis, not the population")
            << QByteArray(R"(["HEALTH.CLINICAL"])") << QByteArray("40") << 40.0 * 150 << "records basis";
    }
    void costWeighsSensitivityAndPrefersStatedRecords()
    {
        QFETCH(QByteArray, categories);
        QFETCH(QByteArray, records);
        QFETCH(double, low);
        QFETCH(QString, assumption);
        const QByteArray edges = R"([{"id": "d", "from": "p", "to": "v", "kind": "data", "categories": )" + categories
            + (records.isEmpty() ? QByteArray() : QByteArray(R"(, "records": )") + records) + "}]";
        const Model m =
            model(R"([{"id": "p", "kind": "people", "count": 2000, "regions": ["US"]}, {"id": "v", "kind": "vendor"}])",
                  edges.constData());
        const CostEstimate c = blast(BlastRadiusEngine(m), {breach("v")}).cost();
        QCOMPARE(c.low, low);
        QVERIFY(c.high >= c.low);
        QVERIFY2(c.assumptions.join(u"\n").contains(assumption), qPrintable(c.assumptions.join(u"\n")));
        QVERIFY(c.assumptions.join(u"\n").contains(QStringLiteral("heuristic")));
    }

    void sameInputGivesTheSameBytes()
    {
        Model m = bundledSampleForTests();
        const BlastRadiusEngine engine(m);
        const QByteArray once = QJsonDocument(toJson(blast(engine, {control("chat_widget")}))).toJson();
        // Another engine, and the model in another order (hash seeds and insertion order differ).
        Model reversed = m;
        std::reverse(reversed.nodes.begin(), reversed.nodes.end());
        std::reverse(reversed.edges.begin(), reversed.edges.end());
        const BlastRadiusEngine other(reversed);
        QCOMPARE(QJsonDocument(toJson(blast(other, {control("chat_widget")}))).toJson(), once);
        QCOMPARE(toText(blast(other, {control("chat_widget")}), reversed),
                 toText(blast(engine, {control("chat_widget")}), m));
    }

private:
    static Model bundledSampleForTests();
};

#include "model/io/sample.h"
Model TestExposure::bundledSampleForTests() { return bundledSample(); }

QTEST_GUILESS_MAIN(TestExposure)
#include "tst_exposure.moc"
