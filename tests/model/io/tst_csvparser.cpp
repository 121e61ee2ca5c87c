// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/io/csvparser.h"
#include "model/io/textdecoder.h"

using namespace vg;

using Rows = QList<QStringList>;
Q_DECLARE_METATYPE(Rows)

namespace {

Rows rowsOf(const CsvTable &t)
{
    Rows out{t.header};
    for (const CsvRow &r : t.rows)
        out << r.cells;
    return out;
}

QString interchange(const char *name) { return QStringLiteral(VG_TEST_DATA "/interchange/") + QLatin1StringView(name); }

} // namespace

class TestCsvParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesWhatSpreadsheetsWrite_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<Rows>("rows");
        QTest::addColumn<QString>("delimiter");
        const Rows ab{{QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("1"), QStringLiteral("2")}};
        QTest::newRow("RFC 4180 CRLF") << QByteArray("a,b\r\n1,2\r\n") << ab << ",";
        QTest::newRow("LF line ends") << QByteArray("a,b\n1,2\n") << ab << ",";
        QTest::newRow("old Mac CR line ends") << QByteArray("a,b\r1,2\r") << ab << ",";
        QTest::newRow("no final line break") << QByteArray("a,b\r\n1,2") << ab << ",";
        QTest::newRow("semicolon delimiter detected") << QByteArray("a;b\r\n1;2\r\n") << ab << ";";
        QTest::newRow("tab delimiter detected") << QByteArray("a\tb\n1\t2\n") << ab << "\t";
        QTest::newRow("comma wins a tie")
            << QByteArray("a,b;c\n1,2;3\n")
            << Rows{{QStringLiteral("a"), QStringLiteral("b;c")}, {QStringLiteral("1"), QStringLiteral("2;3")}} << ",";
        QTest::newRow("UTF-8 byte-order mark dropped") << QByteArray("\xEF\xBB\xBF"
                                                                     "a,b\r\n1,2\r\n")
                                                       << ab << ",";
        QTest::newRow("blank lines skipped") << QByteArray("\r\na,b\r\n\r\n1,2\r\n\r\n") << ab << ",";
        QTest::newRow("quoted delimiter and quotes")
            << QByteArray("a,b\r\n\"x, \"\"y\"\"\",2\r\n")
            << Rows{{QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("x, \"y\""), QStringLiteral("2")}}
            << ",";
        QTest::newRow("quoted CRLF and LF kept as written")
            << QByteArray("a,b\r\n\"one\r\ntwo\nthree\",2\r\n")
            << Rows{{QStringLiteral("a"), QStringLiteral("b")},
                    {QStringLiteral("one\r\ntwo\nthree"), QStringLiteral("2")}}
            << ",";
        QTest::newRow("unquoted cells trimmed, quoted kept")
            << QByteArray("a,b\r\n  x  ,\"  y  \"\r\n")
            << Rows{{QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("x"), QStringLiteral("  y  ")}} << ",";
        QTest::newRow("text after a closing quote is kept")
            << QByteArray("a,b\r\n\"Acme\" Inc,2\r\n")
            << Rows{{QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("Acme Inc"), QStringLiteral("2")}}
            << ",";
        QTest::newRow("quote inside an unquoted cell is literal")
            << QByteArray("a,b\r\nAcme \"Cloud\",2\r\n")
            << Rows{{QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("Acme \"Cloud\""), QStringLiteral("2")}}
            << ",";
        QTest::newRow("empty cells and a trailing delimiter")
            << QByteArray("a,b,c\r\n,,\r\n1,,")
            << Rows{{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")},
                    {QString(), QString(), QString()},
                    {QStringLiteral("1"), QString(), QString()}}
            << ",";
        QTest::newRow("formula guard removed on read")
            << QByteArray("a,b\r\n'=SUM(A1),'''x\r\n")
            << Rows{{QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("=SUM(A1)"), QStringLiteral("''x")}}
            << ",";
        QTest::newRow("an apostrophe before plain text stays")
            << QByteArray("a\r\n'tis\r\n") << Rows{{QStringLiteral("a")}, {QStringLiteral("'tis")}} << ",";
        QTest::newRow("rows keep their own cell count")
            << QByteArray("a,b\r\n1\r\n1,2,3\r\n")
            << Rows{{QStringLiteral("a"), QStringLiteral("b")},
                    {QStringLiteral("1")},
                    {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}}
            << ",";
    }
    void parsesWhatSpreadsheetsWrite()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(Rows, rows);
        QFETCH(QString, delimiter);
        const Expected<CsvTable> t = parseCsv(bytes, QStringLiteral("t.csv"));
        QVERIFY2(t.ok(), t.ok() ? "" : qPrintable(t.error().message()));
        QCOMPARE(rowsOf(*t), rows);
        QCOMPARE(QString(t->delimiter), delimiter);
    }

    void recordsNameTheLineTheyStartOn()
    {
        const Expected<CsvTable> t = parseCsv(
            "id,note\r\n\r\na,\"two\r\nlines\"\r\nb,x\r\n\"c\nd\",\"e\rf\"\r\ng,h\r\n", QStringLiteral("t.csv"));
        QVERIFY(t.ok());
        QCOMPARE(int(t->rows.size()), 4);
        QCOMPARE(t->rows[0].line, 3);
        QCOMPARE(t->rows[1].line, 5);
        QCOMPARE(t->rows[2].line, 6);
        QCOMPARE(t->rows[3].line, 9); // a lone CR inside quotes is a line break too
    }

    void decodesEncodings_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QString>("cell");
        QTest::newRow("UTF-8") << QByteArray("n\r\nM\xC3\xBCller \xE2\x82\xAC\r\n") << "UTF-8"
                               << QString::fromUtf8("Müller €");
        QTest::newRow("UTF-8 with BOM") << QByteArray("\xEF\xBB\xBFn\r\nM\xC3\xBCller\r\n") << "UTF-8 with BOM"
                                        << QString::fromUtf8("Müller");
        QTest::newRow("not UTF-8 is read as Windows-1252") << QByteArray("n\r\nM\xFCller \x80 \x93q\x94 \x96\r\n")
                                                           << "Windows-1252" << QString::fromUtf8("Müller € “q” –");
        QTest::newRow("UTF-16LE with BOM")
            << QByteArray("\xFF\xFEn\0\r\0\n\0\xFC\0", 10) << "UTF-16LE" << QString::fromUtf8("ü");
        QTest::newRow("UTF-16BE with BOM")
            << QByteArray("\xFE\xFF\0n\0\r\0\n\0\xFC", 10) << "UTF-16BE" << QString::fromUtf8("ü");
        QTest::newRow("a lone NUL inside a cell is text")
            << QByteArray("n\r\na\0b\r\n", 8) << "UTF-8"
            << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b"));
    }
    void decodesEncodings()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, encoding);
        QFETCH(QString, cell);
        const Expected<CsvTable> t = parseCsv(bytes, QStringLiteral("t.csv"));
        QVERIFY2(t.ok(), t.ok() ? "" : qPrintable(t.error().message()));
        QCOMPARE(t->encoding, encoding);
        QCOMPARE(t->rows.at(0).cells.at(0), cell);
    }

    void windows1252TableMatchesTheCodePage()
    {
        QCOMPARE(windows1252ToUnicode(0x80), char16_t(0x20AC));
        QCOMPARE(windows1252ToUnicode(0x9F), char16_t(0x0178));
        QCOMPARE(windows1252ToUnicode(0xE9), char16_t(0x00E9));
        for (const unsigned char undefined : {0x81, 0x8D, 0x8F, 0x90, 0x9D})
            QCOMPARE(windows1252ToUnicode(undefined), char16_t(0));
    }

    void rejectsUnreadableFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("truncated inside a quoted cell names the line it opened on")
            << test::readAll(interchange("truncated.csv"))
            << "line 2: the quoted cell that starts here is never closed";
        QTest::newRow("UTF-16 without a byte-order mark")
            << test::readAll(interchange("utf16-nobom.csv")) << "line 1: unreadable encoding";
        QTest::newRow("byte undefined in Windows-1252 and not UTF-8")
            << test::readAll(interchange("undefined-cp1252.csv")) << "line 2: unreadable encoding: byte 0x81";
        QTest::newRow("binary data") << QByteArray(4096, '\0') << "unreadable encoding";
        QTest::newRow("UTF-8 BOM before invalid UTF-8")
            << QByteArray("\xEF\xBB\xBFn\r\n\xFF\xFE\xFD\r\n") << "not valid UTF-8";
    }
    void rejectsUnreadableFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const Expected<CsvTable> t = parseCsv(bytes, QStringLiteral("bad.csv"));
        QVERIFY(!t.ok());
        QVERIFY2(t.error().message().startsWith(QStringLiteral("bad.csv: ")), qPrintable(t.error().message()));
        QVERIFY2(t.error().message().contains(message), qPrintable(t.error().message()));
    }

    void limitsStopHostileFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("too many columns") << QByteArray("a" + QByteArray(600, ',') + "\r\n") << "more than 512 columns";
        QTest::newRow("an enormous unquoted cell") << QByteArray(2 * 1024 * 1024, 'x') << "longer than";
        QTest::newRow("an enormous quoted cell")
            << QByteArray("\"" + QByteArray(2 * 1024 * 1024, 'x') + "\"") << "is a closing quote missing";
    }
    void limitsStopHostileFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const Expected<CsvTable> t = parseCsv(bytes, QStringLiteral("big.csv"));
        QVERIFY(!t.ok());
        QVERIFY2(t.error().message().contains(message), qPrintable(t.error().message()));
    }

    void rowLimitIsEnforced()
    {
        CsvLimits limits;
        limits.maxRows = 3;
        const Expected<CsvTable> t = parseCsv("a\n1\n2\n3\n4\n", QStringLiteral("rows.csv"), limits);
        QVERIFY(!t.ok());
        QVERIFY2(t.error().message().contains(QStringLiteral("line 5: more than 3 rows")),
                 qPrintable(t.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestCsvParser)
#include "tst_csvparser.moc"
