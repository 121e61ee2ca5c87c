// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/jsonreader.h"

#include "model/domain/limits.h"
#include "model/domain/validate.h"
#include "model/io/fieldreader.h"
#include "model/io/jsonscanner.h"
#include "model/io/jsonsyntax.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <array>

namespace vg {

namespace {

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

Model parseModelJsonLenient(const QByteArray &json, std::vector<Problem> *problems)
{
    Model m;
    // Validity is decided here, strictly (RFC 8259, duplicate keys at every depth). The
    // scanner and QJsonDocument below only build values from text known to be valid.
    if (const auto bad = checkJsonSyntax(json)) {
        const auto [line, col] = lineColumn(json, bad->offset);
        problems->push_back({QStringLiteral("line %1, column %2").arg(line).arg(col),
                             QStringLiteral("malformed JSON: %1").arg(bad->what)});
        return Model();
    }
    JsonScanner sc(json);
    Problem overCap; // an array longer than its cap (limits.h): reading stops there
    auto syntaxError = [&] {
        if (!overCap.what.isEmpty()) {
            problems->push_back(overCap);
            return Model();
        }
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
    static constexpr std::array<const char *, 10> rootKeys{"format",     "version",        "name",  "organization",
                                                           "categories", "nodes",          "edges", "layout",
                                                           "scenarios",  "active_scenario"};
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
                r.fail(
                    QStringLiteral("/%1 (line %2)").arg(key).arg(slot.line),
                    QStringLiteral("unknown key \"%1\" in the model; expected one of: %2").arg(key, names.join(u", ")));
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
        problems->push_back(
            {QStringLiteral("/format"),
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
    if (!withLine("name",
                  [&](const QJsonValue &v) { m.name = r.string(v, JsonPath(rootPath, "name")).value_or(QString()); }))
        return syntaxError();
    if (!withLine("organization",
                  [&](const QJsonValue &v) { m.organization = r.organization(v, JsonPath(rootPath, "organization")); }))
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
        const qsizetype cap = QLatin1StringView(key) == u"nodes" ? kMaxNodes
            : QLatin1StringView(key) == u"edges"                 ? kMaxEdges
            : QLatin1StringView(key) == u"scenarios"             ? kMaxScenarios
                                                                 : kMaxModelCategories;
        for (qsizetype i = 0;; ++i) {
            if (i == cap) {
                overCap = {QStringLiteral("/%1 (line %2)").arg(QLatin1StringView(key)).arg(it->line),
                           QStringLiteral("more than %1 %2; VendorGraph opens models of up to %1")
                               .arg(cap)
                               .arg(QLatin1StringView(key))};
                return false;
            }
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
    if (!eachElement("scenarios", [&](const QJsonValue &v, const JsonPath &p, qsizetype) {
            m.scenarios.push_back(r.scenario(v, p));
        }))
        return syntaxError();
    if (!withLine("active_scenario", [&](const QJsonValue &v) {
            m.activeScenario = r.string(v, JsonPath(rootPath, "active_scenario")).value_or(QString());
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

} // namespace vg
