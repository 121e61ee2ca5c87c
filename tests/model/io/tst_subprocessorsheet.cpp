// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/io/subprocessorsheet.h"

using namespace vg;

class TestSubprocessorSheet : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void recognisesSheetsByTheirHeader_data()
    {
        QTest::addColumn<QStringList>("header");
        QTest::addColumn<bool>("sheet");
        QTest::newRow("Vendor, Sub-processor")
            << QStringList{QStringLiteral("Vendor"), QStringLiteral("Sub-processor")} << true;
        QTest::newRow("Processor, Subprocessor name, Country")
            << QStringList{QStringLiteral("Processor"), QStringLiteral("Subprocessor Name"), QStringLiteral("Country")}
            << true;
        QTest::newRow("Supplier, Entity Name")
            << QStringList{QStringLiteral("Supplier"), QStringLiteral("Entity Name")} << true;
        QTest::newRow("an inventory is not a sheet")
            << QStringList{QStringLiteral("Vendor name"), QStringLiteral("Tier")} << false;
        QTest::newRow("an edge list is not a sheet")
            << QStringList{QStringLiteral("from"), QStringLiteral("to")} << false;
    }
    void recognisesSheetsByTheirHeader()
    {
        QFETCH(QStringList, header);
        QFETCH(bool, sheet);
        QCOMPARE(isSubprocessorHeader(header), sheet);
    }

    void cleansAMessySheet()
    {
        const Expected<CsvTable> csv = parseCsv(
            test::readAll(QStringLiteral(VG_TEST_DATA "/interchange/subprocessors.csv")), QStringLiteral("s.csv"));
        QVERIFY(csv.ok());
        const Expected<SubprocessorSheet> sheet = readSubprocessorSheet(*csv);
        QVERIFY2(sheet.ok(), sheet.ok() ? "" : qPrintable(sheet.error().message()));
        struct Want {
            int line;
            const char *vendor, *sub, *purpose, *location;
        };
        const Want want[] = {
            {2, "Stripe", "Amazon Web Services, Inc.", "Cloud hosting", "United States"},
            {3, "Stripe", "Google LLC", "Fraud detection", "USA, Ireland"}, // filled down; spaces collapsed
            {5, "Mailgun", "Amazon Web Services Inc", "Email infrastructure", "US"}, // curly quotes gone
            {6, "Mailgun", "Sinch AB", "Parent company services", "Sweden"}, // doubled quotes gone
            {7, "Zendesk", "Amazon Web Services", "Hosting", "Worldwide"},
        };
        QCOMPARE(sheet->rows.size(), std::size(want));
        for (std::size_t i = 0; i < std::size(want); ++i) {
            const SubprocessorRow &r = sheet->rows[i];
            QCOMPARE(r.line, want[i].line);
            QCOMPARE(r.vendor, QString::fromUtf8(want[i].vendor));
            QCOMPARE(r.subprocessor, QString::fromUtf8(want[i].sub));
            QCOMPARE(r.purpose, QString::fromUtf8(want[i].purpose));
            QCOMPARE(r.location, QString::fromUtf8(want[i].location));
        }
        QVERIFY(sheet->rows[1].vendorFilledDown);
        QCOMPARE(sheet->rejected.size(), std::size_t(2));
        QCOMPARE(sheet->rejected[0].line, 8);
        QVERIFY(sheet->rejected[0].reason.contains(QStringLiteral("no sub-processor")));
        QCOMPARE(sheet->rejected[1].line, 9);
        QVERIFY(sheet->rejected[1].reason.contains(QStringLiteral("5 cells, but the header has 4 columns")));
        QCOMPARE(sheet->notes.size(), std::size_t(2));
        QVERIFY(sheet->notes[0].reason.contains(QStringLiteral("taken from the row above")));
        QCOMPARE(sheet->notes[1].line, 4);
        QVERIFY(sheet->notes[1].reason.contains(QStringLiteral("duplicate of line 2")));
        QVERIFY(!sheet->hasCategories);
    }

    void aRowBeforeAnyVendorIsRejected()
    {
        const Expected<CsvTable> csv =
            parseCsv("Vendor,Sub-processor,Data\r\n,Orphan Ltd,ID.NAME\r\nAcme,Beta,\r\n", QStringLiteral("o.csv"));
        const Expected<SubprocessorSheet> sheet = readSubprocessorSheet(*csv);
        QVERIFY(sheet.ok());
        QVERIFY(sheet->hasCategories);
        QCOMPARE(sheet->rejected.size(), std::size_t(1));
        QCOMPARE(sheet->rejected[0].line, 2);
        QVERIFY(sheet->rejected[0].reason.contains(QStringLiteral("no vendor")));
        QCOMPARE(sheet->rows.size(), std::size_t(1));
    }

    void shortRowsArePadded()
    {
        const Expected<CsvTable> csv =
            parseCsv("Vendor,Sub-processor,Purpose,Location\r\nAcme,Beta\r\n", QStringLiteral("p.csv"));
        const Expected<SubprocessorSheet> sheet = readSubprocessorSheet(*csv);
        QVERIFY(sheet.ok());
        QCOMPARE(sheet->rows.size(), std::size_t(1));
        QVERIFY(sheet->rows[0].purpose.isEmpty());
    }

    void aSheetNeedsBothColumns()
    {
        const Expected<CsvTable> csv = parseCsv("Vendor,Purpose\r\nAcme,x\r\n", QStringLiteral("n.csv"));
        const Expected<SubprocessorSheet> sheet = readSubprocessorSheet(*csv);
        QVERIFY(!sheet.ok());
        QVERIFY(sheet.error().message().contains(QStringLiteral("\"Sub-processor\" column")));
    }
};

QTEST_GUILESS_MAIN(TestSubprocessorSheet)
#include "tst_subprocessorsheet.moc"
