// SPDX-License-Identifier: GPL-3.0-or-later
// Absolute deadlines from an awareness time, by the clocks of resources/regimes.json.
#include "tests/model/engine/scenario.h"

#include "model/engine/deadlines.h"
#include "model/io/sample.h"

using namespace vg;
using namespace vg::test;

namespace {

QDateTime at(const char *iso)
{
    const auto t = parseAwareness(QString::fromLatin1(iso));
    if (!t)
        qFatal("bad time in test: %s", iso);
    return *t;
}

} // namespace

class TestDeadlines : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void clocksFromAwareness_data()
    {
        QTest::addColumn<QString>("regime");
        QTest::addColumn<QString>("awareness");
        QTest::addColumn<QStringList>("due"); // each clock's deadline, as formatAwareness() writes it
        QTest::addColumn<QStringList>("ids");
        auto row = [](const char *name, const char *regime, const char *aware, QStringList due, QStringList ids) {
            QTest::newRow(name) << QString::fromLatin1(regime) << QString::fromLatin1(aware) << due << ids;
        };
        row("GDPR Art. 33: 72 hours, over a weekend too", "GDPR-33", "2025-11-28T16:00:00Z",
            {QStringLiteral("2025-12-01T16:00:00Z")}, ids({"notify"}));
        row("GDPR Art. 33: the offset entered is kept", "GDPR-33", "2025-11-26T19:30:00+01:00",
            {QStringLiteral("2025-11-29T19:30:00+01:00")}, ids({"notify"}));
        row("UK GDPR: 72 hours across the end of a year", "UK-GDPR-33", "2025-12-30T09:15:00Z",
            {QStringLiteral("2026-01-02T09:15:00Z")}, ids({"notify"}));
        row("SEC 8-K: Monday + 4 business days is Friday", "SEC-8K-1.05", "2025-11-24T10:00:00-05:00",
            {QStringLiteral("2025-11-28T10:00:00-05:00")}, ids({"8k"}));
        row("SEC 8-K: Thursday + 4 business days skips the weekend to Wednesday", "SEC-8K-1.05",
            "2025-11-27T10:00:00-05:00", {QStringLiteral("2025-12-03T10:00:00-05:00")}, ids({"8k"}));
        row("SEC 8-K: Friday evening + 4 business days is Thursday", "SEC-8K-1.05", "2025-11-28T18:00:00-05:00",
            {QStringLiteral("2025-12-04T18:00:00-05:00")}, ids({"8k"}));
        row("SEC 8-K: from a Saturday, Monday is the first business day", "SEC-8K-1.05", "2025-11-29T11:00:00-05:00",
            {QStringLiteral("2025-12-04T11:00:00-05:00")}, ids({"8k"}));
        row("SEC 8-K: from a Sunday too", "SEC-8K-1.05", "2025-11-30T23:00:00-05:00",
            {QStringLiteral("2025-12-04T23:00:00-05:00")}, ids({"8k"}));
        row("SEC 8-K: the weekday is the offset's, not UTC's (Friday 22:00 in New York is Saturday UTC)", "SEC-8K-1.05",
            "2025-11-28T22:00:00-05:00", {QStringLiteral("2025-12-04T22:00:00-05:00")}, ids({"8k"}));
        row("NIS2: 24 hours, 72 hours, then a month after the notification", "NIS2", "2025-01-28T09:00:00+01:00",
            {QStringLiteral("2025-01-29T09:00:00+01:00"), QStringLiteral("2025-01-31T09:00:00+01:00"),
             QStringLiteral("2025-02-28T09:00:00+01:00")},
            ids({"early", "notification", "final"}));
        row("DORA: 24 hours, 72 hours after the initial notice, a month after the intermediate", "DORA",
            "2025-06-02T08:00:00+02:00",
            {QStringLiteral("2025-06-03T08:00:00+02:00"), QStringLiteral("2025-06-06T08:00:00+02:00"),
             QStringLiteral("2025-07-06T08:00:00+02:00")},
            ids({"initial", "intermediate", "final"}));
        row("HIPAA: at most 60 calendar days", "HIPAA", "2025-01-01T12:00:00-08:00",
            {QStringLiteral("2025-03-02T12:00:00-08:00")}, ids({"individuals"}));
        row("FTC Safeguards: 30 calendar days, in a leap year", "FTC-SAFEGUARDS", "2024-02-15T12:00:00Z",
            {QStringLiteral("2024-03-16T12:00:00Z")}, ids({"ftc"}));
        row("PCI DSS: the card brands' 24 to 72 hours", "PCI-DSS", "2025-11-26T18:30:00Z",
            {QStringLiteral("2025-11-27T18:30:00Z"), QStringLiteral("2025-11-29T18:30:00Z")},
            ids({"earliest", "latest"}));
        row("GDPR Art. 34: no fixed deadline", "GDPR-34", "2025-11-26T18:30:00Z", {}, {});
        row("California: no fixed deadline", "CA-1798.82", "2025-11-26T18:30:00Z", {}, {});
    }
    void clocksFromAwareness()
    {
        QFETCH(QString, regime);
        QFETCH(QString, awareness);
        QFETCH(QStringList, due);
        QFETCH(QStringList, ids);
        const auto d = deadlinesFor(regime, *parseAwareness(awareness));
        QVERIFY2(d.ok(), d ? "" : qPrintable(d.error().message()));
        QStringList got, gotIds;
        for (const Deadline &x : *d) {
            got << formatAwareness(x.due);
            gotIds << x.id;
            QCOMPARE(x.regime, regime);
            QVERIFY(!x.label.isEmpty());
            QVERIFY2(x.rule.contains(QStringLiteral(" after ")), qPrintable(x.rule));
        }
        QCOMPARE(got, due);
        QCOMPARE(gotIds, ids);
        if (due.isEmpty())
            QVERIFY(!deadlineNote(regime).isEmpty());
    }

    void rulesSayWhatTheyCountFrom()
    {
        const auto nis2 = deadlinesFor(QStringLiteral("NIS2"), at("2025-01-28T09:00:00Z"));
        QVERIFY(nis2.ok());
        QCOMPARE(nis2->at(0).rule, QStringLiteral("24 hours after awareness"));
        QCOMPARE(nis2->at(2).rule, QStringLiteral("1 month after incident notification (sent at its deadline)"));
        const auto sec = deadlinesFor(QStringLiteral("SEC-8K-1.05"), at("2025-01-28T09:00:00Z"));
        QVERIFY(sec.ok());
        QVERIFY2(sec->at(0).rule.startsWith(QStringLiteral("4 business days after the materiality determination")),
                 qPrintable(sec->at(0).rule));
    }

    // Every regime the obligations list can name has an entry.
    void everyObligationOfAResultHasClocksOrANote()
    {
        const BlastRadiusEngine engine(bundledSample());
        const BlastRadius r = blast(engine, {control("chat_widget")});
        QVERIFY(r.obligations().size() >= 8);
        for (const Obligation &o : r.obligations()) {
            const auto d = deadlinesFor(o, at("2025-11-26T18:30:00Z"));
            QVERIFY2(d.ok(), qPrintable(o.regime));
            QVERIFY2(!d->empty() || !deadlineNote(o.regime).isEmpty(), qPrintable(o.regime));
            for (const Deadline &x : *d)
                QVERIFY(x.due > at("2025-11-26T18:30:00Z"));
        }
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("regime");
        QTest::addColumn<QDateTime>("awareness");
        QTest::addColumn<QString>("what");
        QTest::newRow("no awareness time entered")
            << "GDPR-33" << QDateTime() << "enter when the organization became aware";
        QTest::newRow("a regime the table does not know")
            << "EPRIVACY" << at("2025-11-26T18:30:00Z") << "unknown regime \"EPRIVACY\"";
    }
    void refusals()
    {
        QFETCH(QString, regime);
        QFETCH(QDateTime, awareness);
        QFETCH(QString, what);
        const auto d = deadlinesFor(regime, awareness);
        QVERIFY(!d.ok());
        QVERIFY2(d.error().message().contains(what), qPrintable(d.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestDeadlines)
#include "tst_deadlines.moc"
