// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/io/jsonscanner.h"
#include "model/io/jsonsyntax.h"

using namespace vg;

// RFC 8259 strictness, in the manner of JSONTestSuite (y_: must accept, n_: must refuse;
// of its i_ cases, VendorGraph refuses lone surrogates, numbers that overflow a double, a
// byte-order mark and invalid UTF-8, and says so).
class TestJsonSyntax : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void mustAccept_data()
    {
        QTest::addColumn<QByteArray>("json");
        auto row = [](const char *name, const QByteArray &json) { QTest::newRow(name) << json; };
        row("y_object_empty", "{}");
        row("y_array_empty", "[]");
        row("y_structure_whitespace_around", " \t\r\n[1]\n ");
        row("y_number_negative_zero", "[-0]");
        row("y_number_exponent_forms", "[1e5, 1E+5, 1e-5, 0.5, -12.25e3]");
        row("y_string_all_simple_escapes", "[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"]");
        row("y_string_unicode_escape", "[\"\\u00e9\\u6f22\"]");
        row("y_string_surrogate_pair", "[\"\\ud83d\\ude00\"]");
        row("y_string_raw_utf8", "[\"\xc3\xa9 \xe6\xbc\xa2 \xf0\x9f\x98\x80\"]");
        row("y_string_del_is_not_a_control_character", "[\"\x7f\"]");
        row("y_literals", "[true, false, null]");
        row("y_scalar_at_top_level", "\"x\"");
        row("y_same_key_in_sibling_objects", R"([{"a": 1}, {"a": 2}])");
        row("y_same_key_at_different_depths", R"({"a": {"a": {"a": 1}}})");
        row("y_nested_255_levels", QByteArray(255, '[') + QByteArray(255, ']'));
    }
    void mustAccept()
    {
        QFETCH(QByteArray, json);
        const auto bad = checkJsonSyntax(json);
        QVERIFY2(!bad, bad ? qPrintable(bad->what) : "");
    }

    void mustRefuse_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("offset"); // where the error is reported
        QTest::addColumn<QString>("what");
        auto row = [](const char *name, const QByteArray &json, int offset, const char *what) {
            QTest::newRow(name) << json << offset << QString::fromUtf8(what);
        };
        row("n_string_raw_tab", "[\"a\tb\"]", 3, "raw control character U+0009");
        row("n_string_raw_newline", "[\"a\nb\"]", 3, "raw control character U+000A");
        row("n_string_raw_nul", QByteArray("[\"a\0b\"]", 7), 3, "raw control character U+0000");
        row("n_string_invalid_escape_q", "[\"\\q\"]", 2, "invalid escape \\q");
        row("n_string_escaped_x", "[\"\\x41\"]", 2, "invalid escape \\x");
        row("n_string_short_unicode_escape", "[\"\\u12\"]", 6, "four hex digits");
        row("n_string_unterminated", "[\"abc", 1, "unterminated string");
        row("n_string_single_quote", "['a']", 1, "expected a value");
        row("n_object_duplicate_key_at_root", R"({"a": 1, "a": 2})", 9, "duplicate key \"a\"");
        row("n_object_duplicate_key_nested", R"({"x": [{"b": 1, "b": 2}]})", 16, "duplicate key \"b\"");
        row("n_object_duplicate_key_escaped", "{\"ab\": 1, \"\\u0061b\": 2}", 10, "duplicate key \"ab\"");
        row("n_object_trailing_comma", R"({"a": 1,})", 8, "trailing comma");
        row("n_array_trailing_comma", "[1,]", 3, "trailing comma");
        row("n_object_missing_colon", R"({"a" 1})", 5, "expected ':'");
        row("n_object_unquoted_key", "{a: 1}", 1, "expected a quoted key");
        row("n_array_missing_comma", "[1 2]", 3, "expected ',' or ']'");
        row("n_number_leading_zero", "[012]", 1, "leading zero");
        row("n_number_plus", "[+1]", 1, "expected a value");
        row("n_number_dot_no_digits", "[1.]", 3, "after the decimal point");
        row("n_number_nan", "[NaN]", 1, "expected a value");
        row("n_number_infinity", "[Infinity]", 1, "expected a value");
        row("n_number_hex", "[0x1]", 2, "expected ',' or ']'");
        row("i_number_huge_exponent_refused", "[1e999]", 1, "out of range");
        row("n_literal_capitalised", "[True]", 1, "expected a value");
        row("n_structure_comment", "[1] // no", 4, "after the end");
        row("n_structure_two_values", "{} {}", 3, "after the end");
        row("n_structure_empty_text", "", 0, "expected a value");
        row("n_structure_unclosed_array", "[1, 2", 5, "inside an array");
        row("n_structure_unclosed_object", R"({"a": 1)", 7, "inside an object");
        row("n_structure_deep_nesting", QByteArray(300, '['), 256, "deeper than 256");
        row("i_structure_bom_refused", "\xef\xbb\xbf{}", 0, "byte-order mark");
        row("i_string_lone_high_surrogate_refused", "[\"\\ud800\"]", 2, "high surrogate");
        row("i_string_lone_low_surrogate_refused", "[\"\\udc00\"]", 2, "low surrogate");
        row("i_string_invalid_utf8_refused", "[\"\xff\"]", 2, "invalid UTF-8");
        row("i_string_overlong_utf8_refused", "[\"\xc0\xaf\"]", 2, "invalid UTF-8");
        row("n_whitespace_form_feed", "[\f1]", 1, "expected a value");
    }
    void mustRefuse()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, offset);
        QFETCH(QString, what);
        const auto bad = checkJsonSyntax(json);
        QVERIFY(bad.has_value());
        QVERIFY2(bad->what.contains(what), qPrintable(bad->what));
        QCOMPARE(bad->offset, qsizetype(offset));
    }

    // The model reader reports syntax problems with their line and column, whatever depth.
    void readerNamesLineAndColumn_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("what");
        const QByteArray head = "{\"format\": \"vendorgraph\", \"version\": 1,\n";
        QTest::newRow("raw tab in a node name")
            << head + "\"nodes\": [{\"id\": \"a\", \"kind\": \"service\", \"name\": \"x\ty\"}]}"
            << "line 2, column 52"
            << "raw control character U+0009";
        QTest::newRow("invalid escape in an edge") << head + "\"nodes\": [],\n\"edges\": [{\"id\": \"\\q\"}]}"
                                                   << "line 3, column 19"
                                                   << "invalid escape \\q";
        QTest::newRow("duplicate key inside a vendor profile")
            << head + "\"nodes\": [{\"id\": \"v\", \"kind\": \"vendor\",\n \"vendor\": {\"tier\": 1, \"tier\": 2}}]}"
            << "line 3, column 24"
            << "duplicate key \"tier\"";
        QTest::newRow("duplicate key inside a layout") << head + "\"layout\": {\"a\": [1, 2], \"a\": [3, 4]}}"
                                                       << "line 2, column 25"
                                                       << "duplicate key \"a\"";
    }
    void readerNamesLineAndColumn()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, where);
        QFETCH(QString, what);
        std::vector<Problem> problems;
        parseModelJsonLenient(json, &problems);
        QCOMPARE(problems.size(), std::size_t(1));
        QCOMPARE(problems[0].where, where);
        QVERIFY2(problems[0].what.contains(what), qPrintable(problems[0].what));
    }
};

QTEST_GUILESS_MAIN(TestJsonSyntax)
#include "tst_jsonsyntax.moc"
