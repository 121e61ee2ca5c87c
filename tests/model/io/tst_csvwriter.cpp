// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/io/csvparser.h"
#include "model/io/csvwriter.h"

#include <QRandomGenerator>

using namespace vg;

namespace {

// Strings made to hit every rule: formula triggers first, apostrophes, quotes, delimiters,
// line breaks, blanks at either end, NUL, non-ASCII and surrogate pairs.
QString randomCell(QRandomGenerator &rng)
{
    static const QList<QString> pieces = {QStringLiteral("="),
                                          QStringLiteral("+"),
                                          QStringLiteral("-"),
                                          QStringLiteral("@"),
                                          QStringLiteral("\t"),
                                          QStringLiteral("\r"),
                                          QString(QChar(0)),
                                          QStringLiteral("'"),
                                          QStringLiteral("\""),
                                          QStringLiteral(","),
                                          QStringLiteral(";"),
                                          QStringLiteral("\n"),
                                          QStringLiteral(" "),
                                          QStringLiteral("1"),
                                          QStringLiteral("2.5"),
                                          QStringLiteral("e3"),
                                          QStringLiteral("a"),
                                          QStringLiteral("SUM(A1:A9)"),
                                          QStringLiteral("cmd|' /C calc'!A0"),
                                          QString::fromUtf8("é"),
                                          QString::fromUtf8("中"),
                                          QString::fromUtf8("😀"),
                                          QStringLiteral("\\")};
    const int length = int(rng.bounded(8));
    QString s;
    for (int i = 0; i < length; ++i)
        s += pieces[rng.bounded(qsizetype(pieces.size()))];
    return s;
}

bool isPlainNegativeNumber(const QString &s)
{
    static const QRegularExpression number(QStringLiteral("^-[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$"));
    return number.match(s).hasMatch();
}

} // namespace

class TestCsvWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void neutralisesFormulaTriggers_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("written");
        QTest::newRow("equals") << "=1+2"
                                << "'=1+2";
        QTest::newRow("plus") << "+1"
                              << "'+1";
        QTest::newRow("minus before text") << "-x"
                                           << "'-x";
        QTest::newRow("at") << "@SUM(A1)"
                            << "'@SUM(A1)";
        QTest::newRow("tab is guarded, then quoted") << "\tx"
                                                     << "'\tx";
        QTest::newRow("CR is guarded, then quoted") << "\rx"
                                                    << "\"'\rx\"";
        QTest::newRow("NUL") << QString(QChar(0)) + QStringLiteral("x")
                             << QStringLiteral("'") + QChar(0) + QStringLiteral("x");
        QTest::newRow("DDE payload with a comma is guarded and quoted") << "=cmd|' /C calc'!A0,1"
                                                                        << "\"'=cmd|' /C calc'!A0,1\"";
        QTest::newRow("a negative number stays a number") << "-12.5"
                                                          << "-12.5";
        QTest::newRow("a negative exponent number stays a number") << "-1.5e-3"
                                                                   << "-1.5e-3";
        QTest::newRow("minus then digits then text is guarded") << "-1+A1"
                                                                << "'-1+A1";
        QTest::newRow("an apostrophe before a trigger is guarded too") << "'=x"
                                                                       << "''=x";
        QTest::newRow("an apostrophe before an apostrophe is guarded") << "''"
                                                                       << "'''";
        QTest::newRow("a lone apostrophe is left alone") << "'"
                                                         << "'";
        QTest::newRow("an apostrophe before text is left alone") << "'tis"
                                                                 << "'tis";
        QTest::newRow("a trigger inside is harmless") << "a=b"
                                                      << "a=b";
        QTest::newRow("quotes are doubled") << "say \"hi\""
                                            << "\"say \"\"hi\"\"\"";
        QTest::newRow("leading blank is quoted to survive trimming") << " x"
                                                                     << "\" x\"";
        QTest::newRow("empty stays empty") << ""
                                           << "";
    }
    void neutralisesFormulaTriggers()
    {
        QFETCH(QString, value);
        QFETCH(QString, written);
        QCOMPARE(csvEscape(value), written);
    }

    void rawModeWritesValuesAsTheyAre()
    {
        CsvWriteOptions raw;
        raw.neutraliseFormulas = false;
        QCOMPARE(csvEscape(QStringLiteral("=1+2"), raw), QStringLiteral("=1+2"));
        QCOMPARE(csvEscape(QStringLiteral("=1,2"), raw), QStringLiteral("\"=1,2\""));
        raw.delimiter = QLatin1Char(';');
        QCOMPARE(csvEscape(QStringLiteral("a;b"), raw), QStringLiteral("\"a;b\""));
        QCOMPARE(csvEscape(QStringLiteral("a,b"), raw), QStringLiteral("a,b"));
    }

    // The property: over many random strings, (1) every written cell that a spreadsheet
    // would evaluate is guarded, and (2) reading the file back gives every value exactly.
    void injectionPropertyOverRandomStrings()
    {
        QRandomGenerator rng(20250601);
        const int rows = 20000, columns = 5;
        QList<QStringList> values;
        QString file;
        appendCsvRecord(file,
                        {QStringLiteral("c1"), QStringLiteral("c2"), QStringLiteral("c3"), QStringLiteral("c4"),
                         QStringLiteral("c5")});
        int triggers = 0;
        for (int r = 0; r < rows; ++r) {
            QStringList row;
            for (int c = 0; c < columns; ++c) {
                const QString v = randomCell(rng);
                row << v;
                const QString cell = csvEscape(v);
                // What a spreadsheet sees: the cell's text after RFC 4180 unquoting.
                QString seen = cell;
                if (seen.startsWith(QLatin1Char('"')))
                    seen = seen.mid(1, seen.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""));
                if (!v.isEmpty() && isFormulaTrigger(v[0])) {
                    ++triggers;
                    QVERIFY2(seen.startsWith(QLatin1Char('\'')) || isPlainNegativeNumber(v),
                             qPrintable(QStringLiteral("unguarded: ") + cell));
                }
                QVERIFY2(seen.isEmpty() || !isFormulaTrigger(seen[0]) || isPlainNegativeNumber(seen),
                         qPrintable(QStringLiteral("evaluable: ") + cell));
            }
            values << row;
            appendCsvRecord(file, row);
        }
        QVERIFY2(triggers > rows, "the generator must exercise the triggers often");
        // Blank rows (every value empty) are skipped on read: compare the rest.
        QList<QStringList> expected;
        for (const QStringList &row : values)
            if (!(row.size() == 1 && row[0].isEmpty()))
                expected << row;
        const Expected<CsvTable> t = parseCsv(file.toUtf8(), QStringLiteral("random.csv"));
        QVERIFY2(t.ok(), t.ok() ? "" : qPrintable(t.error().message()));
        QCOMPARE(qsizetype(t->rows.size()), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i)
            QCOMPARE(t->rows[std::size_t(i)].cells, expected[i]);
    }

    void recordsEndInCrlf()
    {
        QString out;
        appendCsvRecord(out, {QStringLiteral("a"), QStringLiteral("b c"), QString()});
        QCOMPARE(out, QStringLiteral("a,b c,\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
