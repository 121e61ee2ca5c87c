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
        QTest::newRow("anonymised is tier 4 and not personal") << "AGG.ANON" << 4 << unsigned(NonPersonal);
        QTest::newRow("source code is not personal") << "CORP.SOURCE" << 2 << unsigned(NonPersonal);
        QTest::newRow("commercial terms are not personal") << "B2B.COMMERCIAL" << 2 << unsigned(NonPersonal);
        QTest::newRow("cloud keys are a credential, not personal")
            << "CRED.CLOUD_KEY" << 1 << unsigned(Pivot | NonPersonal);
        QTest::newRow("business contacts are personal") << "B2B.CONTACT" << 3 << 0u;
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
    // Every PIVOT category says what exposing it opens, and the engine acts on each kind.
    void pivotKinds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("kind");
        QTest::newRow("signing key opens code edges") << "CRED.SIGNING_KEY" << int(PivotKind::Code);
        QTest::newRow("encryption key opens encrypted data") << "CRED.ENC_KEY" << int(PivotKind::Decrypt);
        QTest::newRow("API key opens what its holder's access edges open") << "CRED.API_KEY" << int(PivotKind::Access);
        QTest::newRow("session token too") << "CRED.SESSION" << int(PivotKind::Access);
    }
    void pivotKinds()
    {
        QFETCH(QString, id);
        QFETCH(int, kind);
        QCOMPARE(int(Taxonomy::builtIn().find(id)->pivot), kind);
    }

    void overrideKeepsFlagsAndPivot()
    {
        Model m;
        m.categories.push_back({QStringLiteral("CRED.SIGNING_KEY"), std::nullopt, 2, std::nullopt});
        m.categories.push_back({QStringLiteral("CONTACT.EMAIL"), std::nullopt, 4, std::nullopt});
        const Taxonomy t = Taxonomy::forModel(m);
        QCOMPARE(t.find(QStringLiteral("CRED.SIGNING_KEY"))->flags, unsigned(Pivot | NonPersonal));
        QCOMPARE(int(t.find(QStringLiteral("CRED.SIGNING_KEY"))->pivot), int(PivotKind::Code));
        QCOMPARE(t.find(QStringLiteral("CONTACT.EMAIL"))->flags, unsigned(Combo)); // still personal at tier 4
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
