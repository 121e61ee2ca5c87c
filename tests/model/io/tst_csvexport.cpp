// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/io/csvexport.h"
#include "model/io/csvparser.h"
#include "model/io/sample.h"

#include <QTemporaryDir>

using namespace vg;

namespace {

Model richModel()
{
    return parseModelJson(test::readAll(QStringLiteral(VG_TEST_DATA "/interchange/rich.json"))).value();
}

// A node's record as written in the file (before unquoting); records end at a CRLF outside
// quotes.
QString rawLineOf(const QByteArray &csv, const QString &id)
{
    const QString text = QString::fromUtf8(csv);
    QString record;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'"')
            quoted = !quoted;
        if (!quoted && text[i] == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            if (record.startsWith(id + QLatin1Char(',')))
                return record;
            record.clear();
            ++i;
            continue;
        }
        record += text[i];
    }
    return {};
}

} // namespace

class TestCsvExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void headersListEveryFieldAndAttribute()
    {
        const CsvExport csv = exportCsv(richModel());
        QVERIFY(csv.nodes.startsWith("\xEF\xBB\xBF"));
        const Expected<CsvTable> nodes = parseCsv(csv.nodes, QStringLiteral("nodes.csv"));
        QVERIFY(nodes.ok());
        QCOMPARE(nodes->header,
                 (QStringList{QStringLiteral("id"),
                              QStringLiteral("kind"),
                              QStringLiteral("name"),
                              QStringLiteral("description"),
                              QStringLiteral("tags"),
                              QStringLiteral("count"),
                              QStringLiteral("regions"),
                              QStringLiteral("region_counts"),
                              QStringLiteral("stores"),
                              QStringLiteral("vendor_tier"),
                              QStringLiteral("vendor_dpa"),
                              QStringLiteral("vendor_certifications"),
                              QStringLiteral("vendor_regions"),
                              QStringLiteral("vendor_security_rating"),
                              QStringLiteral("vendor_last_assessed"),
                              QStringLiteral("vendor_contract_end"),
                              QStringLiteral("vendor_exit_plan"),
                              QStringLiteral("x"),
                              QStringLiteral("y"),
                              QStringLiteral("attr:cost centre"),
                              QStringLiteral("attr:empty-ish"),
                              QStringLiteral("attr:owner"),
                              QStringLiteral("attr:tab"),
                              QStringLiteral("attr:weird key;\"x\"")}));
        QCOMPARE(int(nodes->rows.size()), 7);
        QCOMPARE(nodes->rows[0].cells[0], QStringLiteral("app")); // id order
        const Expected<CsvTable> edges = parseCsv(csv.edges, QStringLiteral("edges.csv"));
        QVERIFY(edges.ok());
        QCOMPARE(
            edges->header.join(QLatin1Char(',')),
            QStringLiteral("id,from,to,kind,categories,records,encryption,key_holder,subjects,scope,stored,description,source,confirmed"));
        const Expected<CsvTable> categories = parseCsv(csv.categories, QStringLiteral("categories.csv"));
        QVERIFY(categories.ok());
        QCOMPARE(categories->header.join(QLatin1Char(',')), QStringLiteral("id,name,tier,flags"));
        QCOMPARE(int(categories->rows.size()), 4);
    }

    void cellsAreWrittenAsDocumented_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("formula in a name is guarded") << "app"
                                                      << "app,service,\"'=HYPERLINK(\"\"http://evil\"\")\"";
        QTest::newRow("list items escaped and joined with ; ") << "app"
                                                               << "web; semi\\;colon; back\\\\slash; -dash; @at; +plus";
        QTest::newRow("stores as CATEGORY RECORDS ENCRYPTION")
            << "app"
            << "CRED.PASSWORD 22000000 holder-key; X.LOYALTY none; CONTACT.EMAIL 0";
        QTest::newRow("attribute formula guarded") << "app"
                                                   << "'=1+2";
        QTest::newRow("blank ends quoted") << "app"
                                           << "\" spaced \"";
        QTest::newRow("people count and regions") << "people.eu"
                                                  << "4200000,EU; US-CA; GB";
        QTest::newRow("vendor fields")
            << "vendor:full"
            << "1,false,SOC 2 Type II; ISO 27001\\; 2022,US; DE,B+,2025-03-01,2027-12-31,tested";
        QTest::newRow("position as shortest decimals") << "vendor:full"
                                                       << ",1e-07,123456789.125";
        QTest::newRow("negative coordinate stays a number") << "people.eu"
                                                            << ",-300,0";
        QTest::newRow("description starting with a dash is guarded") << "vendor:full"
                                                                     << ",'-starts with a dash,";
    }
    void cellsAreWrittenAsDocumented()
    {
        QFETCH(QString, id);
        QFETCH(QString, fragment);
        const QString line = rawLineOf(exportCsv(richModel()).nodes, id);
        QVERIFY2(line.contains(fragment), qPrintable(line));
    }

    void edgeCellsAreWrittenAsDocumented()
    {
        const QString edges = QString::fromUtf8(exportCsv(richModel()).edges);
        QVERIFY(edges.contains(QStringLiteral("e3,vendor:full,app,access,,,,,,admin,false,'=cmd|' /C calc'!A0,,\r\n")));
        QVERIFY(edges.contains(
            QStringLiteral("e1,people.eu,app,data,ID.NAME; CONTACT.EMAIL; X.LOYALTY,4200000,external-key,,,,,"
                           "\"sign-up\nflow\",DPA §4,2025-01-31\r\n")));
        const QString categories = QString::fromUtf8(exportCsv(richModel()).categories);
        QVERIFY(categories.contains(QStringLiteral("X.LOYALTY,\"Loyalty points, \"\"gold\"\" tier\",3,none\r\n")));
        QVERIFY(categories.contains(QStringLiteral("ID.NAME,,,none\r\n")));
        QVERIFY(categories.contains(QStringLiteral("CONTACT.EMAIL,,2,\r\n")));
    }

    void rawModeAndNoBom()
    {
        CsvExportOptions o;
        o.neutraliseFormulas = false;
        o.byteOrderMark = false;
        const CsvExport csv = exportCsv(richModel(), o);
        QVERIFY(csv.nodes.startsWith("id,kind,"));
        QVERIFY(rawLineOf(csv.nodes, QStringLiteral("app")).startsWith(QStringLiteral("app,service,\"=HYPERLINK(")));
    }

    void writesAFolder()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("out/csv"));
        QVERIFY(writeCsvFolder(richModel(), folder).ok());
        for (const char *name : {"nodes.csv", "edges.csv", "categories.csv"})
            QVERIFY2(QFile::exists(folder + QLatin1Char('/') + QLatin1StringView(name)), name);
        // A model without categories leaves categories.csv out of a new folder...
        const QString plain = dir.filePath(QStringLiteral("plain"));
        Model m = bundledSample();
        m.categories.clear();
        for (Edge &e : m.edges)
            e.categories.removeAll(QStringLiteral("X.PROMPT_LOGS"));
        QVERIFY(writeCsvFolder(m, plain).ok());
        QVERIFY(!QFile::exists(plain + QStringLiteral("/categories.csv")));
        // ...but empties a stale one, so that importing the folder reads no old categories.
        QVERIFY(writeCsvFolder(m, folder).ok());
        QCOMPARE(test::readAll(folder + QStringLiteral("/categories.csv")),
                 QByteArray("\xEF\xBB\xBFid,name,tier,flags\r\n"));
    }

    void aFileWhereTheFolderShouldBeIsAnError()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("taken"));
        QVERIFY(test::writeAll(file, "x"));
        const Status s = writeCsvFolder(bundledSample(), file);
        QVERIFY(!s.ok());
        QVERIFY(s.error().message().contains(QStringLiteral("is a file; expected a folder")));
    }
};

QTEST_GUILESS_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
