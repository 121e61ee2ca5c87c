// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL lint (issue 11): no statement is built by concatenating data. Every call that hands
// SQL text to SQLite or PostgreSQL (sql::Database::exec/prepare/pragmaInt, pg::Connection::
// exec/execScript/copyIn, the Tx and copyRows helpers, and the C APIs sqlite3_exec,
// sqlite3_prepare*, PQexec*, PQsendQuery*, PQprepare) in the sources that use a database
// (model/storage, including the PostgreSQL code in model/storage/pg*, and every file that
// includes a database header) must pass text made only of
//   - string literals, and macros and k-constants defined as string literals,
//   - QByteArray::number() of a k-constant or an integer literal,
//   - documentSchemaSql() (the DDL, built from constants in schema.cpp),
//   - a `const char *` parameter of a function that is itself such a call (a wrapper, whose
//     callers are checked in turn).
// Values travel as bound parameters. The rule is checked on sample snippets first, so that a
// lint that silently passes everything would fail here.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

// Sinks: the 0-based index of their SQL argument and how many arguments a call of the
// database API has (a call with another count is some other function of the same name, such
// as Autosave::prepare(path, name) or QEventLoop::exec()).
struct Sink {
    int sql;
    int minArgs, maxArgs;
};
const QHash<QString, Sink> &sinks()
{
    static const QHash<QString, Sink> s{
        {QStringLiteral("exec"), {0, 1, 2}},
        {QStringLiteral("prepare"), {0, 1, 1}},
        {QStringLiteral("pragmaInt"), {0, 1, 1}},
        {QStringLiteral("execScript"), {0, 1, 1}},
        {QStringLiteral("copyIn"), {0, 2, 2}},
        {QStringLiteral("Tx"), {1, 2, 2}},
        {QStringLiteral("copyRows"), {1, 4, 4}},
        {QStringLiteral("sqlite3_exec"), {1, 5, 5}},
        {QStringLiteral("sqlite3_prepare"), {1, 5, 5}},
        {QStringLiteral("sqlite3_prepare_v2"), {1, 5, 5}},
        {QStringLiteral("sqlite3_prepare_v3"), {1, 6, 6}},
        {QStringLiteral("PQexec"), {1, 2, 2}},
        {QStringLiteral("PQexecParams"), {1, 8, 8}},
        {QStringLiteral("PQsendQuery"), {1, 2, 2}},
        {QStringLiteral("PQsendQueryParams"), {1, 8, 8}},
        {QStringLiteral("PQprepare"), {2, 5, 5}},
        {QStringLiteral("PQsendPrepare"), {2, 5, 5}},
    };
    return s;
}

// The classes whose functions of those names run SQL.
const QStringList kDatabaseClasses{QStringLiteral("Database"), QStringLiteral("Connection")};

// Reviewed exceptions: (file name, call, argument) with the reason.
struct Exception {
    const char *file, *call, *argument, *why;
};
constexpr Exception kExceptions[] = {
    {"sqlite.cpp", "prepare", "sql . constData ( )",
     "pragmaInt(name) runs \"PRAGMA \" + name; every caller passes a literal pragma name (checked as a sink)"},
};

struct Token {
    enum Kind { Identifier, Literal, Number, Punct } kind;
    QString text;
    int line;
};

// C++ tokens without comments; string literals (plain, prefixed and raw) become one Literal.
std::vector<Token> tokenize(const QString &src)
{
    std::vector<Token> out;
    int line = 1;
    const qsizetype n = src.size();
    for (qsizetype i = 0; i < n;) {
        const QChar c = src[i];
        if (c == u'\n') {
            ++line;
            ++i;
        } else if (c.isSpace()) {
            ++i;
        } else if (src.mid(i, 2) == u"//") {
            while (i < n && src[i] != u'\n')
                ++i;
        } else if (src.mid(i, 2) == u"/*") {
            const qsizetype end = src.indexOf(QStringLiteral("*/"), i + 2);
            const qsizetype stop = end < 0 ? n : end + 2;
            line += int(src.mid(i, stop - i).count(u'\n'));
            i = stop;
        } else if (c == u'#' && (out.empty() || out.back().line != line)) { // a preprocessor line
            QString text;
            while (i < n && src[i] != u'\n') {
                if (src[i] == u'\\' && i + 1 < n && src[i + 1] == u'\n') {
                    ++line;
                    i += 2;
                    continue;
                }
                text += src[i++];
            }
            out.push_back({Token::Punct, text, line});
        } else if (c.isLetter() || c == u'_') {
            qsizetype j = i;
            while (j < n && (src[j].isLetterOrNumber() || src[j] == u'_'))
                ++j;
            const QString word = src.mid(i, j - i);
            if (j < n && src[j] == u'"' && (word == u"R" || word == u"u8R" || word == u"LR")) { // raw string
                const qsizetype open = src.indexOf(u'(', j);
                const QString delim = u')' + src.mid(j + 1, open - j - 1) + u'"';
                const qsizetype end = src.indexOf(delim, open);
                const qsizetype stop = end < 0 ? n : end + delim.size();
                line += int(src.mid(i, stop - i).count(u'\n'));
                out.push_back({Token::Literal, src.mid(i, stop - i), line});
                i = stop;
            } else if (j < n && src[j] == u'"' && (word == u"u8" || word == u"u" || word == u"U" || word == u"L")) {
                i = j; // a prefixed literal: read it below
            } else {
                out.push_back({Token::Identifier, word, line});
                i = j;
            }
        } else if (c == u'"' || c == u'\'') {
            qsizetype j = i + 1;
            while (j < n && src[j] != c) {
                if (src[j] == u'\\')
                    ++j;
                ++j;
            }
            if (c == u'"')
                out.push_back({Token::Literal, src.mid(i, j + 1 - i), line});
            else
                out.push_back({Token::Number, src.mid(i, j + 1 - i), line});
            i = j + 1;
        } else if (c.isDigit()) {
            qsizetype j = i;
            while (j < n && (src[j].isLetterOrNumber() || src[j] == u'\'' || src[j] == u'.'))
                ++j;
            out.push_back({Token::Number, src.mid(i, j - i), line});
            i = j;
        } else {
            const QString two = src.mid(i, 2);
            const bool pair = two == u"::" || two == u"->" || two == u"&&" || two == u"||" || two == u"==";
            out.push_back({Token::Punct, pair ? two : QString(c), line});
            i += pair ? 2 : 1;
        }
    }
    return out;
}

struct Finding {
    int line;
    QString call;
    QString argument;
};

class Linter final {
public:
    // Names defined as string literals anywhere in the scanned sources (k-constants, arrays
    // of them, macros).
    void learnConstants(const std::vector<Token> &t)
    {
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i].kind == Token::Punct && t[i].text.startsWith(u'#')) {
                static const QRegularExpression define(QStringLiteral(R"(^#\s*define\s+([A-Z_][A-Z0-9_]*)\s+(.*)$)"));
                const auto m = define.match(t[i].text);
                if (m.hasMatch() && onlyLiterals(tokenize(m.captured(2))))
                    m_constants.insert(m.captured(1));
                continue;
            }
            // kName = <literals> ;   or   kName[] = { <literals> , ... } ;
            if (t[i].kind != Token::Identifier || !isConstantName(t[i].text))
                continue;
            std::size_t j = i + 1;
            if (j + 1 < t.size() && t[j].text == u"[" && t[j + 1].text == u"]")
                j += 2;
            if (j >= t.size() || t[j].text != u"=")
                continue;
            bool literal = true;
            bool any = false;
            for (++j; j < t.size() && t[j].text != u";"; ++j) {
                if (t[j].kind == Token::Literal || (t[j].kind == Token::Identifier && m_constants.contains(t[j].text)))
                    any = true;
                else if (!(t[j].text == u"{" || t[j].text == u"}" || t[j].text == u","))
                    literal = false;
            }
            if (literal && any)
                m_constants.insert(t[i].text);
        }
    }

    std::vector<Finding> check(const std::vector<Token> &t, const QSet<QString> &wrapperParameters) const
    {
        std::vector<Finding> out;
        for (std::size_t i = 0; i + 1 < t.size(); ++i) {
            if (t[i].kind != Token::Identifier || !sinks().contains(t[i].text))
                continue;
            // Another class's function of the same name: TeamSession::prepare(url).
            if (i >= 2 && t[i - 1].text == u"::" && !kDatabaseClasses.contains(t[i - 2].text))
                continue;
            std::size_t open = i + 1;
            if (t[i].text == u"Tx" && t[open].kind == Token::Identifier) // Tx tx(c, "BEGIN")
                ++open;
            if (open >= t.size() || t[open].text != u"(")
                continue;
            const std::vector<std::vector<Token>> args = arguments(t, open);
            if (isDeclaration(args))
                continue;
            const Sink sink = sinks().value(t[i].text);
            if (int(args.size()) < sink.minArgs || int(args.size()) > sink.maxArgs)
                continue; // another function of the same name
            const std::vector<Token> &arg = args[std::size_t(sink.sql)];
            if (!allowed(arg, wrapperParameters)) {
                QStringList text;
                for (const Token &k : arg)
                    text << k.text;
                out.push_back({t[i].line, t[i].text, text.join(u' ')});
            }
        }
        return out;
    }

    // Parameters `const char *NAME` of the functions in t that are sinks themselves.
    static QSet<QString> wrapperParameters(const std::vector<Token> &t)
    {
        QSet<QString> out;
        for (std::size_t i = 0; i + 1 < t.size(); ++i) {
            if (t[i].kind != Token::Identifier || !sinks().contains(t[i].text) || t[i + 1].text != u"(")
                continue;
            const std::vector<std::vector<Token>> args = arguments(t, i + 1);
            if (!isDeclaration(args))
                continue;
            for (const std::vector<Token> &a : args)
                for (std::size_t j = 0; j + 3 <= a.size(); ++j)
                    if (a[j].text == u"char" && a[j + 1].text == u"*" && a[j + 2].kind == Token::Identifier)
                        out.insert(a[j + 2].text);
        }
        return out;
    }

private:
    static bool isConstantName(const QString &s) { return s.size() > 1 && s[0] == u'k' && s[1].isUpper(); }

    bool onlyLiterals(const std::vector<Token> &t) const
    {
        return !t.empty() && std::all_of(t.begin(), t.end(), [](const Token &k) { return k.kind == Token::Literal; });
    }

    // A declaration or definition rather than a call: a parameter list such as
    // (const char *sql), (Connection &c, ...) or (QString name).
    static bool isDeclaration(const std::vector<std::vector<Token>> &args)
    {
        for (const std::vector<Token> &a : args) {
            if (a.empty())
                continue;
            if (a[0].text == u"const")
                return true;
            if (a.size() >= 2 && a[0].kind == Token::Identifier && a[1].kind == Token::Identifier)
                return true;
            if (a.size() >= 3 && a[0].kind == Token::Identifier && a[1].text == u"&" && a[2].kind == Token::Identifier)
                return true;
        }
        return false;
    }

    static std::vector<std::vector<Token>> arguments(const std::vector<Token> &t, std::size_t open)
    {
        std::vector<std::vector<Token>> args(1);
        int depth = 0;
        for (std::size_t j = open; j < t.size(); ++j) {
            const QString &s = t[j].text;
            if (s == u"(" || s == u"{" || s == u"[")
                ++depth;
            else if (s == u")" || s == u"}" || s == u"]")
                --depth;
            if (depth == 0)
                break;
            if (j == open)
                continue;
            if (depth == 1 && s == u",")
                args.emplace_back();
            else
                args.back().push_back(t[j]);
        }
        if (args.size() == 1 && args[0].empty())
            args.clear();
        return args;
    }

    // Whether an argument's tokens are constant SQL text.
    bool allowed(const std::vector<Token> &arg, const QSet<QString> &wrapperParameters) const
    {
        if (arg.empty())
            return false;
        std::size_t j = 0;
        auto at = [&](std::size_t k, const char *s) { return k < arg.size() && arg[k].text == QLatin1StringView(s); };
        while (j < arg.size()) {
            const Token &k = arg[j];
            if (k.kind == Token::Literal || (k.kind == Token::Identifier && m_constants.contains(k.text))) {
                ++j;
                if (at(j, "[")) { // kMigrations[v - 1]: the index picks a constant
                    int depth = 0;
                    for (; j < arg.size(); ++j) {
                        depth += arg[j].text == u"[" ? 1 : arg[j].text == u"]" ? -1 : 0;
                        if (depth == 0)
                            break;
                    }
                    ++j;
                }
            } else if (k.kind == Token::Identifier && wrapperParameters.contains(k.text) && arg.size() == 1) {
                ++j; // a wrapper passing its own SQL parameter on
            } else if (k.text == u"QByteArray" && at(j + 1, "::") && at(j + 2, "number") && at(j + 3, "(")
                       && j + 5 < arg.size() && at(j + 5, ")")
                       && (arg[j + 4].kind == Token::Number || m_constants.contains(arg[j + 4].text)
                           || isConstantName(arg[j + 4].text))) {
                j += 6;
            } else if ((k.text == u"QByteArray" || k.text == u"QByteArrayLiteral") && at(j + 1, "(")
                       && j + 3 < arg.size() && arg[j + 2].kind == Token::Literal && at(j + 3, ")")) {
                j += 4;
            } else if (k.text == u"documentSchemaSql" && at(j + 1, "(")) {
                int depth = 0;
                for (++j; j < arg.size(); ++j) {
                    depth += arg[j].text == u"(" ? 1 : arg[j].text == u")" ? -1 : 0;
                    if (depth == 0)
                        break;
                }
                ++j;
            } else if (k.text == u"+" || k.text == u"(" || k.text == u")") {
                ++j;
            } else if (k.text == u"." && at(j + 1, "constData") && at(j + 2, "(") && at(j + 3, ")")) {
                j += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    QSet<QString> m_constants;
};

// The sources that talk to a database.
QStringList databaseSources()
{
    static const QRegularExpression header(QStringLiteral(
        R"(#include\s*[<"](sqlite3\.h|libpq-fe\.h|model/storage/(sqlite|schema|pgconnection|pgschema|pgmodelstore)\.h|model/team/(teamio|teamsession)\.h)[>"])"));
    QStringList out;
    for (const char *dir : {"model", "views", "app"}) {
        QDirIterator it(QStringLiteral(VG_SOURCE_DIR "/") + QLatin1StringView(dir),
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QString text = QString::fromUtf8(f.readAll());
            if (path.contains(QStringLiteral("/model/storage/")) || header.match(text).hasMatch())
                out << path;
        }
    }
    out.sort();
    return out;
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestSqlLint : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The rule itself, on snippets: what it must flag and what it must let through.
    void flagsDataInSql_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("flagged");
        QTest::newRow("a value concatenated into SQLite SQL is flagged")
            << R"(void f(Database &db, const QString &id) { db.exec(("DELETE FROM nodes WHERE id='" + id + "'").toUtf8().constData()); })"
            << true;
        QTest::newRow("QString::arg into a prepared statement is flagged")
            << R"(void f(Database &db, QString col) { Statement s = db.prepare(QStringLiteral("SELECT %1 FROM t").arg(col).toUtf8()); })"
            << true;
        QTest::newRow("a variable holding SQL is flagged")
            << R"(void f(Connection &c) { QByteArray sql = build(); c.exec(sql.constData(), {}); })" << true;
        QTest::newRow("PQexec with built text is flagged")
            << R"(void f(PGconn *conn, QByteArray q) { PQexec(conn, q.constData()); })" << true;
        QTest::newRow("sqlite3_exec with a buffer is flagged")
            << R"(void f(sqlite3 *db, char *buf) { sqlite3_exec(db, buf, 0, 0, 0); })" << true;
        QTest::newRow("a number from a variable is flagged")
            << R"(void f(Database &db, int v) { db.exec("PRAGMA user_version=" + QByteArray::number(v)); })" << true;
        QTest::newRow("a BEGIN chosen from data is flagged")
            << R"(void f(Connection &c, QByteArray how) { Tx tx(c, how.constData()); })" << true;
        QTest::newRow("a literal with bound values passes")
            << R"(void f(Connection &c, QString n) { c.exec("SELECT id FROM m WHERE name = $1", {pg::param(n)}); })"
            << false;
        QTest::newRow("a macro of literals passes")
            << "#define VG_COLS \"id, name\"\nvoid f(Connection &c) { c.exec(\"SELECT \" VG_COLS \" FROM t\"); }"
            << false;
        QTest::newRow("a constant from a list of literals passes")
            << R"(constexpr const char *kM[] = {"A", "B"}; void f(Connection &c, int v) { c.execScript(kM[v - 1]); })"
            << false;
        QTest::newRow("a constant number passes")
            << R"(void f(Database &db) { db.exec("PRAGMA application_id=" + QByteArray::number(kDocumentApplicationId)); })"
            << false;
        QTest::newRow("a wrapper forwarding its parameter passes")
            << R"(Result exec(const char *sql, int n) { return PQsendQueryParams(m_conn, sql, n); })" << false;
        QTest::newRow("a QEventLoop's exec() is not SQL") << R"(void f(QEventLoop &loop) { loop.exec(); })" << false;
        QTest::newRow("another class's prepare() is not SQL")
            << R"(void f(QString url) { auto o = TeamSession::prepare(url); })" << false;
        QTest::newRow("a qualified database call is checked")
            << R"(void f(QString s) { sql::Database::prepare(s.toUtf8()); })" << true;
    }
    void flagsDataInSql()
    {
        QFETCH(QString, code);
        QFETCH(bool, flagged);
        Linter lint;
        const std::vector<Token> tokens = tokenize(code);
        lint.learnConstants(tokens);
        const std::vector<Finding> found = lint.check(tokens, Linter::wrapperParameters(tokens));
        QCOMPARE(!found.empty(), flagged);
    }

    // The code base: every statement's text is constant.
    void noSqlIsBuiltFromData()
    {
        const QStringList files = databaseSources();
        QVERIFY(files.size() >= 10);
        QVERIFY(std::any_of(files.begin(), files.end(),
                            [](const QString &f) { return f.endsWith(QStringLiteral("pgmodelstore.cpp")); }));
        Linter lint;
        std::vector<std::pair<QString, std::vector<Token>>> parsed;
        for (const QString &f : files)
            parsed.emplace_back(f, tokenize(readText(f)));
        for (const auto &[f, t] : parsed)
            lint.learnConstants(t);
        QStringList problems;
        int calls = 0, excepted = 0;
        for (const auto &[f, t] : parsed) {
            for (const Finding &x : lint.check(t, Linter::wrapperParameters(t))) {
                const bool reviewed =
                    std::any_of(std::begin(kExceptions), std::end(kExceptions), [&](const Exception &e) {
                        return f.endsWith(QLatin1Char('/') + QLatin1StringView(e.file))
                            && x.call == QLatin1StringView(e.call) && x.argument == QLatin1StringView(e.argument);
                    });
                if (reviewed)
                    ++excepted;
                else
                    problems << QStringLiteral("%1:%2: %3(%4)").arg(f).arg(x.line).arg(x.call, x.argument);
            }
            for (const Token &k : t)
                calls += k.kind == Token::Identifier && sinks().contains(k.text);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("SQL built from data:\n") + problems.join(u'\n')));
        qInfo("%lld files, %d SQL calls checked, %d reviewed exception(s)", qint64(files.size()), calls, excepted);
        QCOMPARE(excepted, int(std::size(kExceptions))); // an exception that no longer applies is removed
        QVERIFY(calls > 50);
    }
};

QTEST_GUILESS_MAIN(TestSqlLint)
#include "tst_sqllint.moc"
