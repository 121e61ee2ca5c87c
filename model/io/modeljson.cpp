// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/modeljson.h"

#include "model/io/fieldreader.h"
#include "model/domain/validate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <array>
#include <charconv>

namespace vg {

namespace {

// Line and column (both 1-based) of a byte offset.
std::pair<int, int> lineColumn(const QByteArray &text, qsizetype offset)
{
    int line = 1;
    qsizetype lineStart = 0;
    offset = std::min(offset, text.size());
    for (qsizetype i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    return {line, int(offset - lineStart) + 1};
}

void generateEdgeIds(Model &m, const std::vector<bool> &hadId)
{
    QSet<QString> taken;
    for (const Edge &e : m.edges)
        taken.insert(e.id);
    qint64 next = 1;
    for (std::size_t i = 0; i < m.edges.size(); ++i) {
        if (hadId[i])
            continue;
        QString id;
        do
            id = QStringLiteral("e%1").arg(next++);
        while (taken.contains(id));
        taken.insert(id);
        m.edges[i].id = id;
    }
}

} // namespace

namespace {

// A forward scanner over the top level of the document. The root object is walked key by
// key; each value (and each element of the big arrays) is cut out as a byte slice and
// parsed on its own, so memory stays at the input plus the model plus one element, and
// every problem can name its line.
class Scanner final {
public:
    explicit Scanner(const QByteArray &text) : m_p(text.constData()), m_n(text.size()), m_text(text) {}

    qsizetype pos = 0;
    QString error; // set on the first syntax error; pos then points at it

    bool atEnd() { skipWs(); return pos >= m_n; }
    char peek() { skipWs(); return pos < m_n ? m_p[pos] : '\0'; }
    bool expect(char c, const char *what)
    {
        if (peek() == c) {
            ++pos;
            return true;
        }
        return fail(QStringLiteral("expected %1").arg(QLatin1StringView(what)));
    }
    bool fail(const QString &what)
    {
        if (error.isEmpty())
            error = what;
        return false;
    }

    // Skips one value and returns its [begin, end) slice; tracks nesting without recursion.
    bool skipValue(qsizetype *begin, qsizetype *end)
    {
        skipWs();
        *begin = pos;
        int depth = 0;
        while (pos < m_n) {
            const char c = m_p[pos];
            if (c == '"') {
                if (!skipString())
                    return false;
            } else if (c == '{' || c == '[') {
                if (++depth > 256)
                    return fail(QStringLiteral("nesting deeper than 256 levels"));
                ++pos;
            } else if (c == '}' || c == ']') {
                if (depth == 0)
                    break;
                --depth;
                ++pos;
            } else if (depth == 0 && (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
                break;
            } else {
                ++pos;
            }
            if (depth == 0 && (c == '"' || c == '}' || c == ']'))
                break;
        }
        if (depth != 0)
            return fail(QStringLiteral("unexpected end of the file inside a value"));
        *end = pos;
        if (*end == *begin)
            return fail(QStringLiteral("expected a value"));
        return true;
    }

    // Reads a key string (the root object's keys are plain ASCII names).
    bool key(QString *out)
    {
        if (peek() != '"')
            return fail(QStringLiteral("expected a quoted key"));
        const qsizetype b = pos;
        if (!skipString())
            return false;
        *out = QString::fromUtf8(m_p + b + 1, pos - b - 2);
        return true;
    }

    // Parses the slice [b, e) as one JSON value. On a syntax error, sets error and pos.
    std::optional<QJsonValue> parse(qsizetype b, qsizetype e)
    {
        QJsonParseError err;
        if (m_p[b] == '{' || m_p[b] == '[') {
            const QJsonDocument d = QJsonDocument::fromJson(QByteArray::fromRawData(m_p + b, e - b), &err);
            if (err.error == QJsonParseError::NoError)
                return d.isObject() ? QJsonValue(d.object()) : QJsonValue(d.array());
            pos = b + err.offset;
        } else {
            QByteArray wrapped;
            wrapped.reserve(e - b + 2);
            wrapped.append('[').append(m_p + b, e - b).append(']');
            const QJsonDocument d = QJsonDocument::fromJson(wrapped, &err);
            if (err.error == QJsonParseError::NoError)
                return d.array().at(0);
            pos = b + std::max<qsizetype>(0, err.offset - 1);
        }
        fail(err.errorString());
        return std::nullopt;
    }

    // Line (1-based) of a byte offset; offsets asked for must not decrease (amortised O(n)).
    int lineAt(qsizetype offset)
    {
        offset = std::min(offset, m_n);
        if (offset < m_lineOffset) {
            m_lineOffset = 0;
            m_line = 1;
        }
        for (; m_lineOffset < offset; ++m_lineOffset)
            if (m_p[m_lineOffset] == '\n')
                ++m_line;
        return m_line;
    }
    const QByteArray &text() const { return m_text; }

private:
    void skipWs()
    {
        while (pos < m_n && (m_p[pos] == ' ' || m_p[pos] == '\n' || m_p[pos] == '\r' || m_p[pos] == '\t'))
            ++pos;
    }
    bool skipString()
    {
        ++pos; // opening quote
        while (pos < m_n) {
            const char c = m_p[pos++];
            if (c == '\\')
                ++pos;
            else if (c == '"')
                return true;
        }
        return fail(QStringLiteral("unterminated string"));
    }

    const char *m_p;
    qsizetype m_n;
    const QByteArray &m_text;
    qsizetype m_lineOffset = 0;
    int m_line = 1;
};

// Adds " (line N)" to the problems from index `from` on.
void addLine(std::vector<Problem> &problems, std::size_t from, int line)
{
    for (std::size_t i = from; i < problems.size(); ++i)
        problems[i].where += QStringLiteral(" (line %1)").arg(line);
}

} // namespace

Model parseModelJsonLenient(const QByteArray &json, std::vector<Problem> *problems)
{
    Model m;
    Scanner sc(json);
    auto syntaxError = [&] {
        const auto [line, col] = lineColumn(json, sc.pos);
        problems->push_back({QStringLiteral("line %1, column %2").arg(line).arg(col),
                             QStringLiteral("malformed JSON: %1").arg(sc.error)});
        return Model();
    };
    if (!sc.expect('{', "a JSON object with \"format\": \"vendorgraph\""))
        return syntaxError();

    // Pass 1 over the root: where each key's value is. Small values are parsed now; the
    // arrays are walked element by element below.
    struct Slot {
        qsizetype begin = -1, end = -1;
        int line = 0;
    };
    QHash<QString, Slot> slots;
    FieldReader r;
    const JsonPath rootPath;
    static constexpr std::array<const char *, 8> rootKeys{"format", "version", "name",  "organization",
                                                          "categories", "nodes", "edges", "layout"};
    if (sc.peek() != '}') {
        for (;;) {
            QString key;
            if (!sc.key(&key) || !sc.expect(':', "':' after a key"))
                return syntaxError();
            Slot slot;
            if (!sc.skipValue(&slot.begin, &slot.end))
                return syntaxError();
            slot.line = sc.lineAt(slot.begin);
            if (slots.contains(key)) {
                r.fail(QStringLiteral("/%1 (line %2)").arg(key).arg(slot.line),
                       QStringLiteral("duplicate key \"%1\"; each key may appear once").arg(key));
            } else if (std::find_if(rootKeys.begin(), rootKeys.end(),
                                    [&](const char *k) { return key == QLatin1StringView(k); })
                       == rootKeys.end()) {
                QStringList names;
                for (const char *k : rootKeys)
                    names << QString::fromLatin1(k);
                r.fail(QStringLiteral("/%1 (line %2)").arg(key).arg(slot.line),
                       QStringLiteral("unknown key \"%1\" in the model; expected one of: %2")
                           .arg(key, names.join(u", ")));
            }
            slots.insert(key, slot);
            if (sc.peek() == ',') {
                ++sc.pos;
                continue;
            }
            if (!sc.expect('}', "',' or '}' after a value"))
                return syntaxError();
            break;
        }
    } else {
        ++sc.pos;
    }
    if (!sc.atEnd()) {
        sc.fail(QStringLiteral("unexpected text after the end of the model"));
        return syntaxError();
    }
    auto value = [&](const char *key) -> std::optional<QJsonValue> {
        const auto it = slots.constFind(QLatin1StringView(key));
        if (it == slots.cend())
            return QJsonValue(QJsonValue::Undefined);
        return sc.parse(it->begin, it->end);
    };

    const auto format = value("format");
    if (!format)
        return syntaxError();
    if (*format != QJsonValue(QStringLiteral("vendorgraph"))) {
        problems->push_back({QStringLiteral("/format"),
                             format->isUndefined()
                                 ? QStringLiteral("missing; expected \"vendorgraph\" (is this a VendorGraph model?)")
                                 : QStringLiteral("unknown format %1; expected \"vendorgraph\"")
                                       .arg(QString::fromUtf8(json.mid(slots.value(QStringLiteral("format")).begin,
                                                                       slots.value(QStringLiteral("format")).end
                                                                           - slots.value(QStringLiteral("format")).begin)))});
        return m;
    }
    const auto version = value("version");
    if (!version)
        return syntaxError();
    if (!version->isDouble() || version->toDouble() != kJsonFormatVersion) {
        const bool newer = version->isDouble() && version->toDouble() > kJsonFormatVersion;
        problems->push_back(
            {QStringLiteral("/version"),
             newer ? QStringLiteral("format version %1 was written by a newer VendorGraph; this one reads version %2")
                         .arg(version->toDouble())
                         .arg(kJsonFormatVersion)
                   : QStringLiteral("unsupported or missing format version; expected %1").arg(kJsonFormatVersion)});
        return m;
    }
    auto withLine = [&](const char *key, auto read) {
        const std::size_t before = r.problems.size();
        const auto v = value(key);
        if (!v)
            return false;
        if (!v->isUndefined())
            read(*v);
        addLine(r.problems, before, slots.value(QLatin1StringView(key)).line);
        return true;
    };
    if (!withLine("name", [&](const QJsonValue &v) {
            m.name = r.string(v, JsonPath(rootPath, "name")).value_or(QString());
        }))
        return syntaxError();
    if (!withLine("organization", [&](const QJsonValue &v) {
            m.organization = r.organization(v, JsonPath(rootPath, "organization"));
        }))
        return syntaxError();

    // Arrays: each element parsed on its own. onElement(value, path, offset) reads one.
    auto eachElement = [&](const char *key, auto onElement) {
        const auto it = slots.constFind(QLatin1StringView(key));
        if (it == slots.cend())
            return true;
        const JsonPath arrayPath(rootPath, key);
        sc.pos = it->begin;
        if (sc.peek() != '[') {
            r.fail(QStringLiteral("/%1 (line %2)").arg(QLatin1StringView(key)).arg(it->line),
                   QStringLiteral("expected an array"));
            return true;
        }
        ++sc.pos;
        if (sc.peek() == ']')
            return true;
        for (qsizetype i = 0;; ++i) {
            qsizetype b = 0, e = 0;
            if (!sc.skipValue(&b, &e))
                return false;
            const qsizetype after = sc.pos;
            const auto v = sc.parse(b, e);
            if (!v)
                return false;
            sc.pos = after;
            const std::size_t before = r.problems.size();
            onElement(*v, JsonPath(arrayPath, i), b);
            if (r.problems.size() > before)
                addLine(r.problems, before, sc.lineAt(b));
            if (sc.peek() == ',') {
                ++sc.pos;
                continue;
            }
            return sc.expect(']', "',' or ']' in an array");
        }
    };
    if (!eachElement("categories", [&](const QJsonValue &v, const JsonPath &p, qsizetype) {
            m.categories.push_back(r.category(v, p));
        }))
        return syntaxError();

    // Node and category ids are shared by every edge that names them: reuse one QString each
    // so that a large model keeps one copy of every id. Lines are kept to place the
    // problems that validateModel() finds later.
    QHash<QString, QString> intern;
    std::vector<int> nodeLines, edgeLines;
    if (!eachElement("nodes", [&](const QJsonValue &v, const JsonPath &p, qsizetype b) {
            m.nodes.push_back(r.node(v, p));
            intern.insert(m.nodes.back().id, m.nodes.back().id);
            nodeLines.push_back(int(b)); // offsets for now; turned into lines only on demand
        }))
        return syntaxError();
    std::vector<bool> hadId;
    if (!eachElement("edges", [&](const QJsonValue &v, const JsonPath &p, qsizetype b) {
            bool had = false;
            Edge e = r.edge(v, p, &had);
            hadId.push_back(had);
            for (QString *s : {&e.from, &e.to}) {
                const auto it = intern.constFind(*s);
                if (it != intern.cend())
                    *s = *it;
            }
            for (QString &c : e.categories) {
                auto it = intern.constFind(c);
                if (it == intern.cend())
                    it = intern.insert(c, c);
                c = *it;
            }
            m.edges.push_back(std::move(e));
            edgeLines.push_back(int(b));
        }))
        return syntaxError();
    if (!withLine("layout", [&](const QJsonValue &layout) {
            if (!layout.isObject()) {
                r.fail(JsonPath(rootPath, "layout"), QStringLiteral("expected an object mapping node ids to [x, y]"));
                return;
            }
            const JsonPath layoutPath(rootPath, "layout");
            const QJsonObject lo = layout.toObject();
            for (auto it = lo.begin(); it != lo.end(); ++it) {
                const QString key = it.key();
                if (auto pos = r.position(it.value(), JsonPath(layoutPath, &key)))
                    m.layout.insert(key, *pos);
            }
        }))
        return syntaxError();
    generateEdgeIds(m, hadId);

    // Semantic problems at a path already reported (a wrong type leaves an empty value
    // behind) would only repeat it. The others get the line of their node or edge.
    QSet<QString> reported;
    for (const Problem &p : r.problems)
        reported.insert(p.where.section(QLatin1Char(' '), 0, 0));
    *problems = std::move(r.problems);
    for (Problem &p : validateModel(m)) {
        if (reported.contains(p.where))
            continue;
        const QStringList parts = p.where.split(QLatin1Char('/'));
        if (parts.size() >= 3) {
            const std::size_t i = parts[2].toULongLong();
            if (parts[1] == u"nodes" && i < nodeLines.size())
                p.where += QStringLiteral(" (line %1)").arg(sc.lineAt(nodeLines[i]));
            else if (parts[1] == u"edges" && i < edgeLines.size())
                p.where += QStringLiteral(" (line %1)").arg(sc.lineAt(edgeLines[i]));
        }
        problems->push_back(std::move(p));
    }
    return m;
}

Expected<Model> parseModelJson(const QByteArray &json, const QString &fileName)
{
    std::vector<Problem> problems;
    Model m = parseModelJsonLenient(json, &problems);
    if (!problems.empty())
        return Error(fileName, std::move(problems));
    return m;
}

namespace {

// A compact JSON writer with a fixed key order. Appends to one buffer: fast on large models.
class Writer final {
public:
    QByteArray out;

    void str(const QString &s)
    {
        out += '"';
        const QByteArray u = s.toUtf8();
        for (char ch : u) {
            const auto c = static_cast<unsigned char>(ch);
            switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += ch;
                }
            }
        }
        out += '"';
    }
    void num(qint64 v) { out += QByteArray::number(v); }
    void num(double v)
    {
        char buf[32];
        const auto res = std::to_chars(buf, buf + sizeof buf, v);
        out.append(buf, res.ptr - buf);
    }
    void strList(const QStringList &l)
    {
        out += '[';
        for (qsizetype i = 0; i < l.size(); ++i) {
            if (i)
                out += ", ";
            str(l[i]);
        }
        out += ']';
    }

    // Object building: key() writes the separator and the key.
    void open() { out += '{'; m_first = true; }
    void close() { out += '}'; }
    void key(const char *k)
    {
        separate();
        out += '"';
        out += k;
        out += "\": ";
    }
    void key(const QString &k)
    {
        separate();
        str(k);
        out += ": ";
    }
    void field(const char *k, const QString &v) { key(k); str(v); }
    void fieldIfSet(const char *k, const QString &v)
    {
        if (!v.isEmpty())
            field(k, v);
    }
    void fieldIfSet(const char *k, const QStringList &v)
    {
        if (!v.isEmpty()) {
            key(k);
            strList(v);
        }
    }
    void fieldIfSet(const char *k, const QDate &d)
    {
        if (d.isValid())
            field(k, d.toString(Qt::ISODate));
    }

private:
    void separate()
    {
        if (!m_first)
            out += ", ";
        m_first = false;
    }
    bool m_first = true;
};

void writeNode(Writer &w, const Node &n)
{
    w.open();
    w.field("id", n.id);
    w.field("kind", toString(n.kind));
    w.fieldIfSet("name", n.name);
    w.fieldIfSet("description", n.description);
    w.fieldIfSet("tags", n.tags);
    if (n.count) {
        w.key("count");
        w.num(*n.count);
    }
    w.fieldIfSet("regions", n.regions);
    if (!n.stores.empty()) {
        w.key("stores");
        w.out += toJsonText(n.stores);
    }
    if (!n.attributes.isEmpty()) {
        w.key("attributes");
        w.out += toJsonText(n.attributes);
    }
    if (n.vendor) {
        w.key("vendor");
        w.out += toJsonText(*n.vendor);
    }
    w.close();
}

void writeEdge(Writer &w, const Edge &e)
{
    w.open();
    w.field("id", e.id);
    w.field("from", e.from);
    w.field("to", e.to);
    w.field("kind", toString(e.kind));
    if (e.kind == EdgeKind::Data) {
        w.key("categories");
        w.strList(e.categories);
        if (e.records) {
            w.key("records");
            w.num(*e.records);
        }
        if (e.encryption)
            w.field("encryption", toString(*e.encryption));
    }
    if (e.kind == EdgeKind::Access) {
        w.field("scope", toString(e.scope));
        if (!e.stored) {
            w.key("stored");
            w.out += "false";
        }
    }
    w.fieldIfSet("description", e.description);
    w.fieldIfSet("source", e.source);
    w.fieldIfSet("confirmed", e.confirmed);
    w.close();
}

template <typename T, typename F>
void writeArray(Writer &w, const char *key, const std::vector<const T *> &items, F writeOne)
{
    w.out += ",\n  \"";
    w.out += key;
    w.out += "\": [";
    for (std::size_t i = 0; i < items.size(); ++i) {
        w.out += i ? ",\n    " : "\n    ";
        writeOne(w, *items[i]);
    }
    w.out += items.empty() ? "]" : "\n  ]";
}

} // namespace

QByteArray toJsonText(const QStringList &list)
{
    Writer w;
    w.strList(list);
    return std::move(w.out);
}

QByteArray toJsonText(const std::vector<StoredData> &stores)
{
    Writer w;
    w.out += '[';
    for (std::size_t i = 0; i < stores.size(); ++i) {
        if (i)
            w.out += ", ";
        Writer inner;
        inner.open();
        inner.field("category", stores[i].category);
        if (stores[i].records) {
            inner.key("records");
            inner.num(*stores[i].records);
        }
        if (stores[i].encryption)
            inner.field("encryption", toString(*stores[i].encryption));
        inner.close();
        w.out += inner.out;
    }
    w.out += ']';
    return std::move(w.out);
}

QByteArray toJsonText(const QMap<QString, QString> &attributes)
{
    Writer o;
    o.open();
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it) {
        o.key(it.key());
        o.str(it.value());
    }
    o.close();
    return std::move(o.out);
}

QByteArray toJsonText(const VendorProfile &v)
{
    Writer o;
    o.open();
    if (v.tier) {
        o.key("tier");
        o.num(qint64(*v.tier));
    }
    if (v.dpa) {
        o.key("dpa");
        o.out += *v.dpa ? "true" : "false";
    }
    o.fieldIfSet("certifications", v.certifications);
    o.fieldIfSet("regions", v.regions);
    o.fieldIfSet("security_rating", v.securityRating);
    o.fieldIfSet("last_assessed", v.lastAssessed);
    o.fieldIfSet("contract_end", v.contractEnd);
    if (v.exitPlan)
        o.field("exit_plan", toString(*v.exitPlan));
    o.close();
    return std::move(o.out);
}

QByteArray toJsonText(const Organization &org)
{
    Writer o;
    o.open();
    o.fieldIfSet("name", org.name);
    o.key("regions");
    o.strList(org.regions);
    o.key("sectors");
    o.strList(org.sectors);
    o.key("sec_registrant");
    o.out += org.secRegistrant ? "true" : "false";
    o.close();
    return std::move(o.out);
}

QByteArray serializeModelJson(const Model &m)
{
    Writer w;
    w.out.reserve(qsizetype(m.nodes.size() * 120 + m.edges.size() * 130 + 1024));
    w.out += "{\n  \"format\": \"vendorgraph\",\n  \"version\": ";
    w.num(qint64(kJsonFormatVersion));
    w.out += ",\n  \"name\": ";
    w.str(m.name);
    if (m.organization) {
        w.out += ",\n  \"organization\": ";
        w.out += toJsonText(*m.organization);
    }
    writeArray(w, "categories", sortedById(m.categories), [](Writer &w, const CategoryDef &c) {
        w.open();
        w.field("id", c.id);
        if (c.name)
            w.field("name", *c.name);
        if (c.tier) {
            w.key("tier");
            w.num(qint64(*c.tier));
        }
        if (c.flags) {
            w.key("flags");
            w.strList(*c.flags);
        }
        w.close();
    });
    writeArray(w, "nodes", sortedById(m.nodes), writeNode);
    writeArray(w, "edges", sortedById(m.edges), writeEdge);
    w.out += ",\n  \"layout\": {";
    bool first = true;
    for (auto it = m.layout.cbegin(); it != m.layout.cend(); ++it) {
        w.out += first ? "\n    " : ",\n    ";
        first = false;
        w.str(it.key());
        w.out += ": [";
        w.num(it->x());
        w.out += ", ";
        w.num(it->y());
        w.out += ']';
    }
    w.out += first ? "}\n}\n" : "\n  }\n}\n";
    return std::move(w.out);
}

} // namespace vg
