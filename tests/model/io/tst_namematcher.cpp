// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/io/namematcher.h"

#include <QRandomGenerator>

using namespace vg;

class TestNameMatcher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keysIgnoreCaseSpacingPunctuationAndAccents_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("case") << "STRIPE"
                              << "stripe" << true;
        QTest::newRow("punctuation and legal form spelling") << "Amazon Web Services, Inc."
                                                             << "amazon web services inc" << true;
        QTest::newRow("runs of spaces") << "Google   LLC"
                                        << "Google LLC" << true;
        QTest::newRow("spacing removed entirely") << "Mail Chimp"
                                                  << "MailChimp" << true;
        QTest::newRow("accents") << "Café Müller"
                                 << "Cafe Muller" << true;
        QTest::newRow("curly quotes") << "“Acme”"
                                      << "Acme" << true;
        QTest::newRow("ampersand") << "AT&T"
                                   << "AT T" << true;
        QTest::newRow("different names") << "Stripe"
                                         << "Stripe Connect" << false;
        QTest::newRow("different numbers") << "Vendor 12"
                                           << "Vendor 13" << false;
    }
    void keysIgnoreCaseSpacingPunctuationAndAccents()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(nameKey(a) == nameKey(b), same);
    }

    void namesAreCleanedForDisplay_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("clean");
        QTest::newRow("runs of spaces") << "  Google    LLC "
                                        << "Google LLC";
        QTest::newRow("curly quotes around") << "“Amazon Web Services Inc”"
                                             << "Amazon Web Services Inc";
        QTest::newRow("doubled straight quotes around") << "\"\"Sinch AB\"\""
                                                        << "Sinch AB";
        QTest::newRow("quotes inside stay") << "The \"Best\" Co"
                                            << "The \"Best\" Co";
        QTest::newRow("tabs and line breaks") << "Acme\t\nCloud"
                                              << "Acme Cloud";
    }
    void namesAreCleanedForDisplay()
    {
        QFETCH(QString, raw);
        QFETCH(QString, clean);
        QCOMPARE(cleanName(raw), clean);
    }

    void nearMatchesAreProposedWithAReason_data()
    {
        QTest::addColumn<QStringList>("index");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected"); // the name proposed first, "" for none
        QTest::addColumn<QString>("reason");
        const QStringList vendors{QStringLiteral("Amazon Web Services, Inc."), QStringLiteral("Stripe"),
                                  QStringLiteral("Salesforce"), QStringLiteral("Google"), QStringLiteral("Vendor 12")};
        QTest::newRow("legal form dropped") << vendors << "Amazon Web Services"
                                            << "Amazon Web Services, Inc."
                                            << "legal form";
        QTest::newRow("another legal form") << vendors << "Stripe Ltd"
                                            << "Stripe"
                                            << "legal form";
        QTest::newRow("one typo") << vendors << "Salesforse"
                                  << "Salesforce"
                                  << "1 letter";
        QTest::newRow("first words of the other") << vendors << "Google Cloud Platform"
                                                  << "Google"
                                                  << "start of";
        QTest::newRow("a different number is not a typo") << vendors << "Vendor 13"
                                                          << ""
                                                          << "";
        QTest::newRow("short names need an exact match") << QStringList{QStringLiteral("AWS")} << "AWX"
                                                         << ""
                                                         << "";
        QTest::newRow("unrelated") << vendors << "Twilio"
                                   << ""
                                   << "";
        QTest::newRow("exact matches are not near ones") << vendors << "stripe"
                                                         << ""
                                                         << "";
    }
    void nearMatchesAreProposedWithAReason()
    {
        QFETCH(QStringList, index);
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QFETCH(QString, reason);
        NameIndex ix;
        for (int i = 0; i < index.size(); ++i)
            ix.add(i, index[i]);
        const std::vector<NearMatch> near = ix.near(name);
        if (expected.isEmpty()) {
            QVERIFY(near.empty());
            return;
        }
        QVERIFY(!near.empty());
        QCOMPARE(index[near.front().handle], expected);
        QVERIFY2(near.front().reason.contains(reason), qPrintable(near.front().reason));
    }

    void exactListsEveryHolderInOrder()
    {
        NameIndex ix;
        ix.add(7, u"CRM");
        ix.add(3, u"Stripe");
        ix.add(9, u"crm");
        QCOMPARE(ix.exact(u" C.R.M "), (QList<int>{7, 9}));
        QVERIFY(ix.exact(u"none").isEmpty());
    }

    // The banded computation agrees with the textbook one wherever the distance is small.
    void editDistanceMatchesTheFullTable()
    {
        auto full = [](const QString &a, const QString &b) {
            std::vector<std::vector<int>> d(std::size_t(a.size()) + 1, std::vector<int>(std::size_t(b.size()) + 1));
            for (qsizetype i = 0; i <= a.size(); ++i)
                d[std::size_t(i)][0] = int(i);
            for (qsizetype j = 0; j <= b.size(); ++j)
                d[0][std::size_t(j)] = int(j);
            for (qsizetype i = 1; i <= a.size(); ++i)
                for (qsizetype j = 1; j <= b.size(); ++j)
                    d[std::size_t(i)][std::size_t(j)] =
                        std::min({d[std::size_t(i - 1)][std::size_t(j)] + 1, d[std::size_t(i)][std::size_t(j - 1)] + 1,
                                  d[std::size_t(i - 1)][std::size_t(j - 1)] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            return d[std::size_t(a.size())][std::size_t(b.size())];
        };
        QRandomGenerator rng(7);
        for (int round = 0; round < 20000; ++round) {
            QString a, b;
            const int la = int(rng.bounded(12)), lb = int(rng.bounded(12));
            for (int i = 0; i < la; ++i)
                a += QChar(u'a' + char16_t(rng.bounded(3)));
            for (int i = 0; i < lb; ++i)
                b += QChar(u'a' + char16_t(rng.bounded(3)));
            const int max = int(rng.bounded(4));
            const int expected = std::min(full(a, b), max + 1);
            QVERIFY2(boundedEditDistance(a, b, max) == expected,
                     qPrintable(a + u' ' + b + u' ' + QString::number(max)));
        }
    }

    void editDistanceIsBounded()
    {
        QCOMPARE(boundedEditDistance(u"kitten", u"sitting", 3), 3);
        QCOMPARE(boundedEditDistance(u"kitten", u"sitting", 2), 3);
        QCOMPARE(boundedEditDistance(u"same", u"same", 0), 0);
        QCOMPARE(boundedEditDistance(u"a", u"abcdef", 2), 3);
    }
};

QTEST_GUILESS_MAIN(TestNameMatcher)
#include "tst_namematcher.moc"
