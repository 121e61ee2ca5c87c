// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/domain/taxonomy.h"
#include "model/io/fieldcodec.h"
#include "model/io/interchangefields.h"

using namespace vg;

namespace {

const NodeField &nodeField(const char *name) { return nodeFields()[std::size_t(nodeFieldIndex(name))]; }
const EdgeField &edgeField(const char *name) { return edgeFields()[std::size_t(edgeFieldIndex(name))]; }

} // namespace

class TestInterchangeFields : public QObject {
    Q_OBJECT
    CategoryLookup m_categories{Taxonomy::builtIn()};
    FieldContext ctx() const { return FieldContext{&m_categories}; }

private Q_SLOTS:
    void headersMatchNamesAndSynonyms_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("field");
        QTest::newRow("canonical name") << "vendor_tier"
                                        << "vendor_tier";
        QTest::newRow("case and spaces ignored") << "  Vendor   Tier "
                                                 << "vendor_tier";
        QTest::newRow("synonym: Criticality") << "Criticality"
                                              << "vendor_tier";
        QTest::newRow("synonym with a question mark") << "DPA signed?"
                                                      << "vendor_dpa";
        QTest::newRow("synonym with dashes and underscores") << "Contract-End_Date"
                                                             << "vendor_contract_end";
        QTest::newRow("Vendor Name is the name") << "Vendor Name"
                                                 << "name";
        QTest::newRow("label is the name (Gephi, networkx)") << "label"
                                                             << "name";
        QTest::newRow("Type is the kind") << "Type"
                                          << "kind";
        QTest::newRow("Hosting region is where a vendor processes") << "Hosting region"
                                                                    << "vendor_regions";
        QTest::newRow("Headcount is a people count") << "Headcount"
                                                     << "count";
        QTest::newRow("stored data") << "Stored data"
                                     << "stores";
        QTest::newRow("unknown header") << "Business owner"
                                        << "";
    }
    void headersMatchNamesAndSynonyms()
    {
        QFETCH(QString, header);
        QFETCH(QString, field);
        const int i = findNodeField(header);
        QCOMPARE(i < 0 ? QString() : QString::fromLatin1(nodeFields()[std::size_t(i)].name), field);
    }

    void edgeHeadersMatchNamesAndSynonyms_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("field");
        QTest::newRow("Target is the to end") << "Target"
                                              << "to";
        QTest::newRow("Destination") << "destination"
                                     << "to";
        QTest::newRow("Data categories") << "Data categories"
                                         << "categories";
        QTest::newRow("Purpose is the description") << "Purpose"
                                                    << "description";
        QTest::newRow("Source is the evidence unless it is Gephi's end (decided per table)") << "Source"
                                                                                             << "source";
        QTest::newRow("Last confirmed") << "Last confirmed"
                                        << "confirmed";
    }
    void edgeHeadersMatchNamesAndSynonyms()
    {
        QFETCH(QString, header);
        QFETCH(QString, field);
        const int i = findEdgeField(header);
        QCOMPARE(i < 0 ? QString() : QString::fromLatin1(edgeFields()[std::size_t(i)].name), field);
    }

    void attributeColumns()
    {
        QCOMPARE(attributeKeyOfHeader(u"attr:owner"), QStringLiteral("owner"));
        QCOMPARE(attributeKeyOfHeader(u"Attribute:Cost centre"), QStringLiteral("Cost centre"));
        QCOMPARE(attributeKeyOfHeader(u"attr: spaced "), QStringLiteral(" spaced "));
        QVERIFY(attributeKeyOfHeader(u"owner").isNull());
        QVERIFY(attributeKeyOfHeader(u"attr:").isNull());
    }

    void listsRoundTripWithEscapes_data()
    {
        QTest::addColumn<QStringList>("items");
        QTest::newRow("plain") << QStringList{QStringLiteral("a"), QStringLiteral("b c")};
        QTest::newRow("semicolon inside an item")
            << QStringList{QStringLiteral("ISO 27001; 2022"), QStringLiteral("x")};
        QTest::newRow("backslashes") << QStringList{QStringLiteral("a\\"), QStringLiteral("\\;"),
                                                    QStringLiteral("\\\\")};
        QTest::newRow("line break inside an item") << QStringList{QStringLiteral("two\nlines")};
        QTest::newRow("empty list") << QStringList{};
    }
    void listsRoundTripWithEscapes()
    {
        QFETCH(QStringList, items);
        QCOMPARE(splitList(joinList(items)), items);
    }

    void idListsAlsoSplitOnCommasAndLines()
    {
        QCOMPARE(splitIdList(u"US, EU;GB\nDE"),
                 (QStringList{QStringLiteral("US"), QStringLiteral("EU"), QStringLiteral("GB"), QStringLiteral("DE")}));
        QCOMPARE(splitList(u" a ;; b ;"), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    }

    void valuesParseLeniently_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("value"); // "" = not readable
        QTest::newRow("bool yes") << "bool"
                                  << "Yes"
                                  << "true";
        QTest::newRow("bool 0") << "bool"
                                << "0"
                                << "false";
        QTest::newRow("bool maybe") << "bool"
                                    << "maybe"
                                    << "";
        QTest::newRow("count with separators") << "count"
                                               << "4,200,000"
                                               << "4200000";
        QTest::newRow("count with a space") << "count"
                                            << "1 000"
                                            << "1000";
        QTest::newRow("negative count") << "count"
                                        << "-5"
                                        << "";
        QTest::newRow("count with a trailing comma") << "count"
                                                     << "12,"
                                                     << "";
        QTest::newRow("ISO date") << "date"
                                  << "2025-03-01"
                                  << "2025-03-01";
        QTest::newRow("ISO date and time") << "date"
                                           << "2025-03-01T10:00:00"
                                           << "2025-03-01";
        QTest::newRow("not an ISO date") << "date"
                                         << "03/01/2025"
                                         << "";
        QTest::newRow("impossible date") << "date"
                                         << "2025-02-30"
                                         << "";
        QTest::newRow("region code in lower case") << "region"
                                                   << "us-ca"
                                                   << "US-CA";
        QTest::newRow("country name") << "region"
                                      << "United Kingdom"
                                      << "GB";
        QTest::newRow("country abbreviation with dots") << "region"
                                                        << "U.S.A."
                                                        << "US";
        QTest::newRow("not a region") << "region"
                                      << "Worldwide"
                                      << "";
        QTest::newRow("node kind synonym") << "nodekind"
                                           << "Third-party"
                                           << "vendor";
        QTest::newRow("node kind people") << "nodekind"
                                          << "Data subjects"
                                          << "people";
        QTest::newRow("unknown node kind") << "nodekind"
                                           << "robot"
                                           << "";
        QTest::newRow("edge kind synonym") << "edgekind"
                                           << "SDK"
                                           << "code";
        QTest::newRow("encryption spelled with underscore") << "encryption"
                                                            << "Holder_Key"
                                                            << "holder-key";
        QTest::newRow("scope read-write") << "scope"
                                          << "read-write"
                                          << "write";
        QTest::newRow("real") << "real"
                              << "-12.5e2"
                              << "-1250";
        QTest::newRow("not finite") << "real"
                                    << "inf"
                                    << "";
    }
    void valuesParseLeniently()
    {
        QFETCH(QString, kind);
        QFETCH(QString, text);
        QFETCH(QString, value);
        QString got;
        if (kind == u"bool") {
            if (auto b = parseBool(text))
                got = *b ? QStringLiteral("true") : QStringLiteral("false");
        } else if (kind == u"count") {
            if (auto c = parseCount(text))
                got = QString::number(*c);
        } else if (kind == u"date") {
            if (auto d = parseIsoDate(text))
                got = d->toString(Qt::ISODate);
        } else if (kind == u"region") {
            got = parseRegion(text).value_or(QString());
        } else if (kind == u"nodekind") {
            if (auto k = parseNodeKind(text))
                got = toString(*k);
        } else if (kind == u"edgekind") {
            if (auto k = parseEdgeKind(text))
                got = toString(*k);
        } else if (kind == u"encryption") {
            if (auto e = parseEncryption(text))
                got = toString(*e);
        } else if (kind == u"scope") {
            if (auto s = parseScope(text))
                got = toString(*s);
        } else if (kind == u"real") {
            if (auto r = parseReal(text))
                got = formatReal(*r);
        }
        QCOMPARE(got, value);
    }

    void realsRoundTripExactly()
    {
        for (const double v : {0.1, -0.5, 1e-7, 123456789.125, 1.0 / 3.0, -2.2250738585072014e-308})
            QCOMPARE(parseReal(formatReal(v)).value(), v);
    }

    void categoriesAreFoundByIdOrName_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("id");
        QTest::newRow("id") << "CONTACT.EMAIL"
                            << "CONTACT.EMAIL";
        QTest::newRow("id in lower case") << "contact.email"
                                          << "CONTACT.EMAIL";
        QTest::newRow("name") << "Email address"
                              << "CONTACT.EMAIL";
        QTest::newRow("name with odd spacing and case") << "  payment   CARD number "
                                                        << "FIN.CARD_PAN";
        QTest::newRow("unknown") << "Loyalty points"
                                 << "";
    }
    void categoriesAreFoundByIdOrName()
    {
        QFETCH(QString, text);
        QFETCH(QString, id);
        QCOMPARE(m_categories.find(text).value_or(QString()), id);
    }

    void storesRoundTripAndAcceptNames_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("category only") << "ID.NAME"
                                       << "ID.NAME";
        QTest::newRow("records and encryption") << "CRED.PASSWORD 22000000 holder-key"
                                                << "CRED.PASSWORD 22000000 holder-key";
        QTest::newRow("encryption before records") << "CRED.PASSWORD holder-key 5"
                                                   << "CRED.PASSWORD 5 holder-key";
        QTest::newRow("explicitly unencrypted") << "ID.NAME none"
                                                << "ID.NAME none";
        QTest::newRow("category by name") << "Email address 100"
                                          << "CONTACT.EMAIL 100";
        QTest::newRow("unknown category") << "Loyalty 5"
                                          << "";
    }
    void storesRoundTripAndAcceptNames()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        QString error;
        const auto s = parseStore(text, m_categories, &error);
        QCOMPARE(s ? formatStore(*s) : QString(), canonical);
        QCOMPARE(error.isEmpty(), s.has_value());
    }

    void settersCheckTheKind_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("error"); // "" = accepted
        QTest::newRow("count on people") << "people"
                                         << "count"
                                         << "1,000"
                                         << "";
        QTest::newRow("count on a vendor") << "vendor"
                                           << "count"
                                           << "5"
                                           << "applies only to people nodes";
        QTest::newRow("tier on a service") << "service"
                                           << "vendor_tier"
                                           << "2"
                                           << "applies only to vendor nodes";
        QTest::newRow("tier as a word") << "vendor"
                                        << "vendor_tier"
                                        << "High"
                                        << "";
        QTest::newRow("tier out of range") << "vendor"
                                           << "vendor_tier"
                                           << "7"
                                           << "expected 1 (critical) to 4 (low)";
        QTest::newRow("regions on people") << "people"
                                           << "regions"
                                           << "EU, United States"
                                           << "";
        QTest::newRow("regions on a vendor are processing regions") << "vendor"
                                                                    << "regions"
                                                                    << "DE"
                                                                    << "";
        QTest::newRow("regions on a service") << "service"
                                              << "regions"
                                              << "DE"
                                              << "applies only to people";
        QTest::newRow("bad region") << "people"
                                    << "regions"
                                    << "Mars"
                                    << "is not a region";
        QTest::newRow("bad dpa") << "vendor"
                                 << "vendor_dpa"
                                 << "perhaps"
                                 << "expected true/false";
        QTest::newRow("bad date") << "vendor"
                                  << "vendor_last_assessed"
                                  << "last week"
                                  << "expected YYYY-MM-DD";
        QTest::newRow("bad store") << "service"
                                   << "stores"
                                   << "NOPE 5"
                                   << "unknown category \"NOPE\"";
        QTest::newRow("bad coordinate") << "service"
                                        << "x"
                                        << "left"
                                        << "is not a number";
    }
    void settersCheckTheKind()
    {
        QFETCH(QString, kind);
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, error);
        NodeRecord r;
        r.node.kind = *parseNodeKind(kind);
        const QString got = nodeField(field.toLatin1().constData()).set(r, value, ctx());
        QVERIFY2(error.isEmpty() ? got.isEmpty() : got.contains(error), qPrintable(got));
    }

    void edgeSettersCheckTheKind_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("categories by id and name") << "data"
                                                   << "categories"
                                                   << "ID.NAME, Email address"
                                                   << "";
        QTest::newRow("unknown category") << "data"
                                          << "categories"
                                          << "ID.NAME; LOYALTY"
                                          << "unknown category \"LOYALTY\"";
        QTest::newRow("categories on an access edge") << "access"
                                                      << "categories"
                                                      << "ID.NAME"
                                                      << "applies only to data edges";
        QTest::newRow("scope on a data edge") << "data"
                                              << "scope"
                                              << "admin"
                                              << "applies only to access edges";
        QTest::newRow("bad scope") << "access"
                                   << "scope"
                                   << "root"
                                   << "expected read, write or admin";
        QTest::newRow("stored no") << "access"
                                   << "stored"
                                   << "no"
                                   << "";
        QTest::newRow("Gephi direction is not a kind") << "data"
                                                       << "kind"
                                                       << "Directed"
                                                       << "";
        QTest::newRow("bad kind") << "data"
                                  << "kind"
                                  << "telepathy"
                                  << "expected data, access, code or hosts";
    }
    void edgeSettersCheckTheKind()
    {
        QFETCH(QString, kind);
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, error);
        EdgeRecord r;
        r.edge.kind = *parseEdgeKind(kind);
        const QString got = edgeField(field.toLatin1().constData()).set(r, value, ctx());
        QVERIFY2(error.isEmpty() ? got.isEmpty() : got.contains(error), qPrintable(got));
    }

    // resources/INTERCHANGE.md documents every column name and synonym the code accepts.
    void everySynonymIsDocumented()
    {
        const QString doc =
            QString::fromUtf8(test::readAll(QStringLiteral(VG_TEST_DATA "/../../resources/INTERCHANGE.md")));
        QVERIFY(!doc.isEmpty());
        auto check = [&](const char *name, const char *synonyms, bool written) {
            if (written)
                QVERIFY2(doc.contains(QStringLiteral("`%1`").arg(QLatin1StringView(name))), name);
            for (const QString &s : QString::fromLatin1(synonyms).split(QLatin1Char('|'), Qt::SkipEmptyParts))
                QVERIFY2(doc.contains(s), qPrintable(s));
        };
        for (const NodeField &f : nodeFields())
            check(f.name, f.synonyms, true);
        for (const EdgeField &f : edgeFields())
            check(f.name, f.synonyms, true);
        for (const CategoryField &f : categoryFields())
            check(f.name, f.synonyms, true);
    }

    // Every getter's text is read back by its setter to the same node: the property that
    // makes CSV and GraphML round trips exact.
    void everyNodeFieldReadsBackWhatItWrites()
    {
        const Model m = parseModelJson(test::readAll(QStringLiteral(VG_TEST_DATA "/interchange/rich.json"))).value();
        CategoryLookup lookup(Taxonomy::forModel(m));
        const FieldContext c{&lookup};
        for (const Node &n : m.nodes) {
            const QPointF *pos = m.layout.contains(n.id) ? &*m.layout.constFind(n.id) : nullptr;
            NodeRecord r;
            r.node.kind = n.kind;
            for (const NodeField &f : nodeFields())
                if (const QString text = f.get(n, pos); !text.isEmpty())
                    QVERIFY2(f.set(r, text, c).isEmpty(), f.name);
            r.node.attributes = n.attributes;
            QCOMPARE(r.node, n);
            QCOMPARE(r.x.has_value(), pos != nullptr);
            if (pos)
                QCOMPARE(QPointF(*r.x, *r.y), *pos);
        }
        for (const Edge &e : m.edges) {
            EdgeRecord r;
            r.edge.kind = e.kind;
            for (const EdgeField &f : edgeFields())
                if (const QString text = f.get(e); !text.isEmpty())
                    QVERIFY2(f.set(r, text, c).isEmpty(), f.name);
            QCOMPARE(r.edge, e);
        }
    }
};

QTEST_GUILESS_MAIN(TestInterchangeFields)
#include "tst_interchangefields.moc"
