// SPDX-License-Identifier: GPL-3.0-or-later
// Notification rules checked against the texts they paraphrase (resources/regimes.json),
// through the engine: what is exposed, whose, where, and with what certainty.
#include "tests/model/engine/scenario.h"

#include "model/io/sample.h"

#include <QRegularExpression>

using namespace vg;
using namespace vg::test;

namespace {

// One breached service "svc" holding `stores`, fed by the people nodes `people`.
Model oneHolder(const QByteArray &people, const QByteArray &edges, const QByteArray &stores, const char *org,
                const QByteArray &categories = "[]")
{
    const QByteArray nodes = "[" + people + (people.isEmpty() ? "" : ", ")
        + R"({"id": "svc", "kind": "service", "stores": )" + stores + "}]";
    const QByteArray extra = QByteArray(org) + R"(, "categories": )" + categories;
    return model(nodes.constData(), edges.constData(), extra.constData());
}

} // namespace

class TestObligations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rulesFollowTheTexts_data()
    {
        QTest::addColumn<QByteArray>("people");
        QTest::addColumn<QByteArray>("edges");
        QTest::addColumn<QByteArray>("stores");
        QTest::addColumn<QByteArray>("org");
        QTest::addColumn<QByteArray>("categories");
        QTest::addColumn<QString>("regime");
        QTest::addColumn<ObligationStatus>("status");
        QTest::addColumn<QString>("reason"); // a fragment the reason must contain ("" for none)
        using S = ObligationStatus;
        const QByteArray eu = kEuOrg, us = kUsOrg;
        const QByteArray caPeople = R"({"id": "p", "kind": "people", "count": 1200, "regions": ["US-CA"]})";
        const QByteArray toSvc =
            R"([{"id": "e", "from": "p", "to": "svc", "kind": "data", "categories": ["ID.NAME"]}])";
        auto row = [](const char *name, QByteArray people, QByteArray edges, QByteArray stores, QByteArray org,
                      QByteArray cats, const char *regime, S s, const char *reason) {
            QTest::newRow(name) << people << edges << stores << org << cats << QString::fromLatin1(regime) << s
                                << QString::fromUtf8(reason);
        };
        // GDPR: personal data decided by flags, data subjects for Art. 34.
        row("Art. 34 not triggered by source code, cloud keys and commercial terms with no people", {}, "[]",
            R"([{"category": "CORP.SOURCE"}, {"category": "CRED.CLOUD_KEY"}, {"category": "B2B.COMMERCIAL"}])", eu,
            "[]", "GDPR-34", S::NotTriggered, "no personal data");
        row("Art. 33 not triggered by non-personal data either, for an EU-established company", {}, "[]",
            R"([{"category": "CORP.SOURCE"}, {"category": "CRED.SIGNING_KEY"}])", eu, "[]", "GDPR-33", S::NotTriggered,
            "");
        row("Art. 33 for an EU-established company: personal data of anyone", caPeople, toSvc, "[]", eu, "[]",
            "GDPR-33", S::Assess, "established in EU");
        row("Art. 33 elsewhere: not triggered for people outside the EU", caPeople, toSvc, "[]", us, "[]", "GDPR-33",
            S::NotTriggered, "not established");
        row("a tier override keeps a category personal (flags decide)", caPeople, toSvc, "[]", eu,
            R"([{"id": "ID.NAME", "tier": 4}])", "GDPR-33", S::Assess, "ID.NAME");
        row("personal data whose population is unknown: assess, never not-triggered", {}, "[]",
            R"([{"category": "HEALTH.CLINICAL"}])", us, "[]", "GDPR-34", S::Assess, "population unknown");
        row("a population without regions is unknown, not nowhere", R"({"id": "p", "kind": "people", "count": 10})",
            R"([{"id": "e", "from": "p", "to": "svc", "kind": "data", "categories": ["HEALTH.CLINICAL"]}])", "[]", us,
            "[]", "GDPR-34", S::Assess, "regions unknown");
        row("a population without regions: California assess too", R"({"id": "p", "kind": "people", "count": 10})",
            R"([{"id": "e", "from": "p", "to": "svc", "kind": "data", "categories": ["ID.NAME", "ID.GOV"]}])", "[]", us,
            "[]", "CA-1798.82", S::Assess, "find out whether any are US-CA residents");
        // California 1798.82.
        row("California: a name with claims data is health-insurance information", caPeople,
            R"([{"id": "e", "from": "p", "to": "svc", "kind": "data", "categories": ["ID.NAME", "HEALTH.CLAIMS"]}])",
            "[]", us, "[]", "CA-1798.82", S::Likely, "ID.NAME + HEALTH.CLAIMS");
        row("California: a custom COMBO category combines with a name", caPeople,
            R"([{"id": "e", "from": "p", "to": "svc", "kind": "data", "categories": ["ID.NAME", "X.PLATE"]}])", "[]",
            us, R"([{"id": "X.PLATE", "name": "Licence-plate reads", "tier": 2, "flags": ["COMBO"]}])", "CA-1798.82",
            S::Likely, "ID.NAME + X.PLATE");
        row("California: a custom COMBO credential combines with an email", caPeople,
            R"([{"id": "e", "from": "p", "to": "svc", "kind": "data", "categories": ["CONTACT.EMAIL", "X.PIN"]}])",
            "[]", us, R"([{"id": "X.PIN", "name": "App PIN", "tier": 1, "flags": ["COMBO", "PIVOT"]}])", "CA-1798.82",
            S::Likely, "CONTACT.EMAIL + X.PIN");
        row("California: without a per-region count the figure is the whole population", caPeople,
            R"([{"id": "e", "from": "p", "to": "svc", "kind": "data", "categories": ["ID.NAME", "ID.GOV"]}])", "[]", us,
            "[]", "CA-1798.82", S::Likely, "up to 1,200 residents of US-CA: the figure is the whole population of p");
        row("California: more than 500 residents by the per-region count",
            R"({"id": "p", "kind": "people", "count": 1200, "regions": ["US", "US-CA"], "region_counts": {"US-CA": 501}})",
            R"([{"id": "e", "from": "p", "to": "svc", "kind": "data", "categories": ["ID.NAME", "ID.GOV"]}])", "[]", us,
            "[]", "CA-1798.82", S::Likely, "501 residents of US-CA by the per-region counts, more than 500");
        row("California: 500 residents or fewer: no notice to the Attorney General",
            R"({"id": "p", "kind": "people", "count": 1200, "regions": ["US", "US-CA"], "region_counts": {"US-CA": 500}})",
            R"([{"id": "e", "from": "p", "to": "svc", "kind": "data", "categories": ["ID.NAME", "ID.GOV"]}])", "[]", us,
            "[]", "CA-1798.82", S::Likely, "not more than 500: no notice");
        row("California: a combination completed by data of unknown population is assessed", caPeople, toSvc,
            R"([{"category": "ID.GOV"}])", us, "[]", "CA-1798.82", S::Assess, "unknown population");
        row("California: a name and an email alone are not a trigger", caPeople,
            R"([{"id": "e", "from": "p", "to": "svc", "kind": "data", "categories": ["ID.NAME", "CONTACT.EMAIL"]}])",
            "[]", us, "[]", "CA-1798.82", S::NotTriggered, "completes no combination");
    }
    void rulesFollowTheTexts()
    {
        QFETCH(QByteArray, people);
        QFETCH(QByteArray, edges);
        QFETCH(QByteArray, stores);
        QFETCH(QByteArray, org);
        QFETCH(QByteArray, categories);
        QFETCH(QString, regime);
        QFETCH(ObligationStatus, status);
        QFETCH(QString, reason);
        const Model m = oneHolder(people, edges, stores, org.constData(), categories);
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {breach("svc")});
        const Obligation &o = obligation(r, regime);
        QVERIFY2(o.status == status, qPrintable(toString(o.status) + QStringLiteral(": ") + o.reason));
        QVERIFY2(o.reason.contains(reason), qPrintable(o.reason));
    }

    // Population unknown is decided per copy: a second holder whose people are known (and out
    // of scope) does not hide the copy nobody can place.
    void aCopyOfUnknownPopulationIsNotHiddenByAnotherCopy()
    {
        const Model m = model(
            R"([{"id": "us", "kind": "people", "count": 10, "regions": ["US"]},
            {"id": "a", "kind": "service"}, {"id": "b", "kind": "service", "stores": [{"category": "HEALTH.CLINICAL"}]}])",
            R"([{"id": "e", "from": "us", "to": "a", "kind": "data", "categories": ["HEALTH.CLINICAL"]}])", kUsOrg);
        const BlastRadiusEngine engine(m);
        QVERIFY(obligation(blast(engine, {breach("a")}), QStringLiteral("GDPR-34")).status
                == ObligationStatus::NotTriggered);
        for (const char *regime : {"GDPR-33", "GDPR-34"}) {
            const BlastRadius r = blast(engine, {breach("a"), breach("b")});
            const Obligation &o = obligation(r, QLatin1StringView(regime));
            QVERIFY2(o.status == ObligationStatus::Assess, qPrintable(o.reason));
            QVERIFY2(o.reason.contains(QStringLiteral("population unknown for HEALTH.CLINICAL")), qPrintable(o.reason));
        }
    }

    // Potential exposure starts no clock: every regime says assess at most, on the same path.
    void potentialExposureGivesAssessNeverLikely()
    {
        const Model m = model(
            R"([{"id": "p", "kind": "people", "count": 5000, "regions": ["US-CA", "DE"]},
                {"id": "devtools", "kind": "vendor"}, {"id": "ehr", "kind": "service", "stores": [{"category": "HEALTH.CLINICAL", "records": 5000}]}])",
            R"([{"id": "e1", "from": "p", "to": "ehr", "kind": "data", "categories": ["ID.NAME", "ID.GOV", "FIN.CARD_PAN", "CRED.PASSWORD", "CONTACT.EMAIL", "HEALTH.CLINICAL"], "records": 5000},
                {"id": "k", "from": "devtools", "to": "ehr", "kind": "access", "scope": "admin"}])",
            R"(, "organization": {"regions": ["DE", "US"], "sectors": ["health", "finance", "essential-entity"], "sec_registrant": true})");
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {breach("devtools")});
        QCOMPARE(toString(node(r, "ehr")->certainty), QStringLiteral("potential"));
        int assessed = 0;
        for (const Obligation &o : r.obligations()) {
            QVERIFY2(o.status != ObligationStatus::Likely, qPrintable(o.regime + QStringLiteral(": ") + o.reason));
            if (o.status == ObligationStatus::Assess && o.regime != u"SEC-8K-1.05") {
                ++assessed;
                QVERIFY2(o.reason.contains(QStringLiteral("the stored credential for `ehr` at `devtools`")),
                         qPrintable(o.regime + QStringLiteral(": ") + o.reason));
            }
        }
        QVERIFY(assessed >= 8); // GDPR-33/34, UK?, CA, HIPAA, PCI, FTC, NIS2, DORA
        // The same data reached directly makes them likely.
        const BlastRadius d = blast(engine, {breach("ehr")});
        for (const char *regime : {"GDPR-33", "GDPR-34", "CA-1798.82", "HIPAA", "PCI-DSS", "FTC-SAFEGUARDS"})
            QVERIFY2(obligation(d, QLatin1StringView(regime)).status == ObligationStatus::Likely, regime);
        // The cost shows the potential part apart from the direct part.
        QCOMPARE(r.cost().directHigh, 0.0);
        QVERIFY(r.cost().high > 0);
    }

    // Reasons quote only people figures the exposure shows: each "N people" in a GDPR reason is
    // the count of a population behind a category the reason names.
    void reasonsQuoteOnlyFiguresTheResultShows()
    {
        const Model m = bundledSample();
        const BlastRadiusEngine engine(m);
        for (const Seed &seed : {breach("background_check"), breach("analytics"), control("chat_widget"),
                                 control("billing_svc"), breach("idp_support")}) {
            const BlastRadius r = blast(engine, {seed});
            QHash<QString, qint64> counts;
            for (const Node &n : m.nodes)
                counts.insert(n.id, n.count.value_or(0));
            for (const Obligation &o : r.obligations()) {
                if (!o.regime.startsWith(u"GDPR") && !o.regime.startsWith(u"UK-GDPR"))
                    continue;
                static const QRegularExpression figure(QStringLiteral("([a-z_]+) \\(([0-9,]+) people"));
                for (auto it = figure.globalMatch(o.reason); it.hasNext();) {
                    const auto match = it.next();
                    const QString who = match.captured(1);
                    QCOMPARE(QLocale(QLocale::English).toString(counts.value(who)), match.captured(2));
                    // The population is behind a category the result exposes in plaintext.
                    QVERIFY2(std::any_of(r.exposed().begin(), r.exposed().end(),
                                         [&](const ExposedCategory &x) { return x.origins.contains(who); }),
                             qPrintable(o.reason));
                }
                // Every category the reason names is one the result shows.
                static const QRegularExpression cat(QStringLiteral("\\b([A-Z0-9]+\\.[A-Z0-9_]+)\\b"));
                for (auto it = cat.globalMatch(o.reason); it.hasNext();) {
                    const QString id = it.next().captured(1);
                    QVERIFY2(std::any_of(r.exposed().begin(), r.exposed().end(),
                                         [&](const ExposedCategory &x) { return x.category == id; }),
                             qPrintable(id + QStringLiteral(" in ") + o.reason));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestObligations)
#include "tst_obligations.moc"
