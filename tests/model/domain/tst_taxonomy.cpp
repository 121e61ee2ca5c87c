// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/domain/taxonomy.h"

using namespace vg;

class TestTaxonomy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void builtInMatchesDomainReference_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("tier");
        QTest::addColumn<unsigned>("flags");
        QTest::newRow("name is tier 3, no flags") << "ID.NAME" << 3 << 0u;
        QTest::newRow("government id is tier 1 COMBO") << "ID.GOV" << 1 << unsigned(Combo);
        QTest::newRow("password is PIVOT and COMBO") << "CRED.PASSWORD" << 1 << unsigned(Pivot | Combo);
        QTest::newRow("session token is PIVOT") << "CRED.SESSION" << 1 << unsigned(Pivot);
        QTest::newRow("clinical data is SPECIAL") << "HEALTH.CLINICAL" << 1 << unsigned(Special);
        QTest::newRow("support text is tier 2") << "CONTENT.SUPPORT" << 2 << 0u;
        QTest::newRow("anonymised is tier 4") << "AGG.ANON" << 4 << 0u;
    }
    void builtInMatchesDomainReference()
    {
        QFETCH(QString, id);
        QFETCH(int, tier);
        QFETCH(unsigned, flags);
        const Category *c = Taxonomy::builtIn().find(id);
        QVERIFY(c);
        QCOMPARE(c->tier, tier);
        QCOMPARE(c->flags, flags);
        QVERIFY(c->builtIn);
    }
    void builtInHasTheWholeList() { QCOMPARE(Taxonomy::builtIn().all().size(), std::size_t(47)); }

    void modelAddsAndOverrides()
    {
        Model m;
        m.categories.push_back({QStringLiteral("X.LOYALTY"), QStringLiteral("Loyalty points"), 3, QStringList{}});
        m.categories.push_back({QStringLiteral("CONTACT.EMAIL"), std::nullopt, 2, std::nullopt});
        const Taxonomy t = Taxonomy::forModel(m);
        QVERIFY(t.find(QStringLiteral("X.LOYALTY")));
        QCOMPARE(t.find(QStringLiteral("X.LOYALTY"))->name, QStringLiteral("Loyalty points"));
        QCOMPARE(t.find(QStringLiteral("CONTACT.EMAIL"))->tier, 2);
        QCOMPARE(t.find(QStringLiteral("CONTACT.EMAIL"))->name, QStringLiteral("Email address"));
        QCOMPARE(t.find(QStringLiteral("CONTACT.EMAIL"))->flags, unsigned(Combo)); // kept
        QCOMPARE(Taxonomy::builtIn().find(QStringLiteral("CONTACT.EMAIL"))->tier, 3); // built-in untouched
    }
};

QTEST_GUILESS_MAIN(TestTaxonomy)
#include "tst_taxonomy.moc"
