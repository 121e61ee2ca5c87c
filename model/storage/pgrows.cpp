// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/storage/pgrows.h"

#include "model/io/fieldreader.h"
#include "model/io/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vg::pgrows {

using pg::Param;
using pg::Result;

Param optText(const QStringList &l) { return l.isEmpty() ? Param() : Param(toJsonText(l)); }

QByteArray categoriesText(const std::vector<CategoryDef> &cats)
{
    QJsonArray a;
    for (const CategoryDef *c : sortedById(cats)) {
        QJsonObject o{{QStringLiteral("id"), c->id}};
        if (c->name)
            o.insert(u"name", *c->name);
        if (c->tier)
            o.insert(u"tier", *c->tier);
        if (c->flags)
            o.insert(u"flags", QJsonArray::fromStringList(*c->flags));
        a.append(o);
    }
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

// The fields added after the first schema, as one JSON object (schema 3's "extra" column).
static Param nodeExtra(const Node &n)
{
    if (n.regionCounts.isEmpty())
        return {};
    QJsonObject counts;
    for (auto it = n.regionCounts.cbegin(); it != n.regionCounts.cend(); ++it)
        counts.insert(it.key(), QString::number(*it));
    return QJsonDocument(QJsonObject{{QStringLiteral("region_counts"), counts}}).toJson(QJsonDocument::Compact);
}

static Param edgeExtra(const Edge &e)
{
    QJsonObject o;
    if (!e.keyHolder.isEmpty())
        o.insert(u"key_holder", e.keyHolder);
    if (!e.subjects.isEmpty())
        o.insert(u"subjects", QJsonArray::fromStringList(e.subjects));
    if (o.isEmpty())
        return {};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

NodeColumns nodeColumns(const Node &n, const std::optional<QPointF> &pos)
{
    NodeColumns c;
    c.kind = toString(n.kind).toUtf8();
    c.name = n.name.toUtf8();
    c.description = n.description.toUtf8();
    c.tags = optText(n.tags);
    if (n.count)
        c.count = QByteArray::number(*n.count);
    c.regions = optText(n.regions);
    if (!n.stores.empty())
        c.stores = toJsonText(n.stores);
    if (!n.attributes.isEmpty())
        c.attributes = toJsonText(n.attributes);
    if (n.vendor)
        c.vendor = toJsonText(*n.vendor);
    if (pos) {
        c.x = pg::param(pos->x());
        c.y = pg::param(pos->y());
    }
    c.extra = nodeExtra(n);
    return c;
}

EdgeColumns edgeColumns(const Edge &e)
{
    EdgeColumns c;
    c.src = e.from.toUtf8();
    c.dst = e.to.toUtf8();
    c.kind = toString(e.kind).toUtf8();
    if (e.kind == EdgeKind::Data) {
        c.categories = toJsonText(e.categories);
        if (e.records)
            c.records = QByteArray::number(*e.records);
        if (e.encryption)
            c.encryption = toString(*e.encryption).toUtf8();
    }
    if (e.kind == EdgeKind::Access) {
        c.scope = toString(e.scope).toUtf8();
        c.stored = pg::param(e.stored);
    }
    c.description = e.description.toUtf8();
    c.source = e.source.toUtf8();
    if (e.confirmed.isValid())
        c.confirmed = e.confirmed.toString(Qt::ISODate).toUtf8();
    c.extra = edgeExtra(e);
    return c;
}

static QJsonValue jsonOf(const Param &p)
{
    return p ? QJsonValue(QString::fromUtf8(*p)) : QJsonValue(QJsonValue::Null);
}

QJsonObject nodeEditJson(const NodeVersion &v)
{
    QJsonObject o{{QStringLiteral("id"), v.id},
                  {QStringLiteral("base"), QString::number(v.revision)},
                  {QStringLiteral("removed"), !v.node}};
    if (v.node) {
        const NodeColumns c = nodeColumns(*v.node, v.pos);
        const std::pair<const char *, const Param *> cols[] = {{"kind", &c.kind},
                                                               {"name", &c.name},
                                                               {"description", &c.description},
                                                               {"tags", &c.tags},
                                                               {"count", &c.count},
                                                               {"regions", &c.regions},
                                                               {"stores", &c.stores},
                                                               {"attributes", &c.attributes},
                                                               {"vendor", &c.vendor},
                                                               {"x", &c.x},
                                                               {"y", &c.y},
                                                               {"extra", &c.extra}};
        for (const auto &[key, value] : cols)
            o.insert(QLatin1StringView(key), jsonOf(*value));
    }
    return o;
}

QJsonObject edgeEditJson(const EdgeVersion &v)
{
    QJsonObject o{{QStringLiteral("id"), v.id},
                  {QStringLiteral("base"), QString::number(v.revision)},
                  {QStringLiteral("removed"), !v.edge}};
    if (v.edge) {
        const EdgeColumns c = edgeColumns(*v.edge);
        const std::pair<const char *, const Param *> cols[] = {{"src", &c.src},
                                                               {"dst", &c.dst},
                                                               {"kind", &c.kind},
                                                               {"categories", &c.categories},
                                                               {"records", &c.records},
                                                               {"encryption", &c.encryption},
                                                               {"scope", &c.scope},
                                                               {"stored", &c.stored},
                                                               {"description", &c.description},
                                                               {"source", &c.source},
                                                               {"confirmed", &c.confirmed},
                                                               {"extra", &c.extra}};
        for (const auto &[key, value] : cols)
            o.insert(QLatin1StringView(key), jsonOf(*value));
        // jsonb_to_recordset reads booleans from JSON booleans.
        if (c.stored)
            o.insert(u"stored", v.edge->stored);
    }
    return o;
}

static QJsonValue parseJsonText(QByteArrayView text, const QString &where, FieldReader &r)
{
    QJsonParseError err;
    QByteArray wrapped;
    wrapped.reserve(text.size() + 2);
    wrapped += '[';
    wrapped += text;
    wrapped += ']';
    const QJsonDocument d = QJsonDocument::fromJson(wrapped, &err);
    if (err.error != QJsonParseError::NoError || d.array().size() != 1) {
        r.fail(where,
               QStringLiteral("expected JSON, found \"%1\"")
                   .arg(QString::fromUtf8(text.first(std::min<qsizetype>(80, text.size())))));
        return {};
    }
    return d.array().at(0);
}

// Reads a row of VG_NODE_COLUMNS.
Node nodeFromRow(const Result &res, int row, FieldReader &r, std::optional<QPointF> *pos)
{
    Node n;
    n.id = res.text(row, 0);
    const QString where = QStringLiteral("server node \"%1\"").arg(n.id.left(140));
    const QString kind = res.text(row, 2);
    if (auto k = nodeKindFromString(kind))
        n.kind = *k;
    else
        r.fail(where, QStringLiteral("unknown kind \"%1\"").arg(kind));
    n.name = res.text(row, 3);
    n.description = res.text(row, 4);
    auto json = [&](int col, const char *name, auto f) {
        const QString label = where + QStringLiteral(", ") + QLatin1StringView(name);
        return f(parseJsonText(res.utf8(row, col), label, r), JsonPath(&label));
    };
    if (!res.isNull(row, 5))
        n.tags = json(5, "tags", [&](const QJsonValue &v, const JsonPath &p) { return r.stringList(v, p); });
    if (!res.isNull(row, 6))
        n.count = res.integer(row, 6);
    if (!res.isNull(row, 7))
        n.regions = json(7, "regions", [&](const QJsonValue &v, const JsonPath &p) { return r.regions(v, p); });
    if (!res.isNull(row, 8))
        n.stores = json(8, "stores", [&](const QJsonValue &v, const JsonPath &p) { return r.stores(v, p); });
    if (!res.isNull(row, 9))
        n.attributes =
            json(9, "attributes", [&](const QJsonValue &v, const JsonPath &p) { return r.attributes(v, p); });
    if (!res.isNull(row, 10))
        n.vendor = json(10, "vendor", [&](const QJsonValue &v, const JsonPath &p) { return r.vendor(v, p); });
    if (!res.isNull(row, 11) && !res.isNull(row, 12))
        *pos = QPointF(res.real(row, 11), res.real(row, 12));
    else
        pos->reset();
    if (!res.isNull(row, 13)) {
        const QString label = QStringLiteral("node \"%1\", column extra").arg(n.id);
        const QJsonObject counts =
            parseJsonText(res.utf8(row, 13), label, r).toObject().value(u"region_counts").toObject();
        for (auto it = counts.begin(); it != counts.end(); ++it) {
            bool ok = false;
            const qint64 v = it.value().toString().toLongLong(&ok);
            if (!ok || v < 0)
                r.fail(label, QStringLiteral("region_counts: expected whole numbers"));
            else
                n.regionCounts.insert(it.key(), v);
        }
    }
    return n;
}

// Reads a JSON array of plain strings (["ID.NAME", "CONTACT.EMAIL"], as toJsonText writes
// category ids) without a JSON parser: this runs for most of 500,000 edges. Returns false,
// having called item for nothing, when the text is anything else (escapes included); the
// caller then parses it as JSON.
template <typename F>
static bool splitStringArray(QByteArrayView t, F item)
{
    std::vector<QByteArrayView> items;
    qsizetype i = 0;
    auto skipSpace = [&] {
        while (i < t.size() && (t[i] == ' ' || t[i] == '\n'))
            ++i;
    };
    skipSpace();
    if (i >= t.size() || t[i++] != '[')
        return false;
    skipSpace();
    if (i < t.size() && t[i] == ']') {
        ++i;
    } else {
        for (;;) {
            if (i >= t.size() || t[i++] != '"')
                return false;
            const qsizetype start = i;
            while (i < t.size() && t[i] != '"' && t[i] != '\\')
                ++i;
            if (i >= t.size() || t[i] != '"')
                return false;
            items.push_back(t.sliced(start, i - start));
            ++i;
            skipSpace();
            if (i < t.size() && t[i] == ',') {
                ++i;
                skipSpace();
                continue;
            }
            if (i < t.size() && t[i] == ']') {
                ++i;
                break;
            }
            return false;
        }
    }
    skipSpace();
    if (i != t.size())
        return false;
    for (const QByteArrayView v : items)
        item(v);
    return true;
}

// Reads a row of VG_EDGE_COLUMNS; intern shares the QStrings of node ids.
Edge edgeFromRow(const Result &res, int row, FieldReader &r, QHash<QByteArray, QString> &intern)
{
    auto interned = [&](QByteArrayView bytes) {
        auto it = intern.constFind(QByteArray::fromRawData(bytes.data(), bytes.size()));
        if (it == intern.cend())
            it = intern.insert(bytes.toByteArray(), QString::fromUtf8(bytes));
        return *it;
    };
    Edge e;
    e.id = res.text(row, 0);
    auto where = [&] { return QStringLiteral("server edge \"%1\"").arg(e.id.left(140)); };
    e.from = interned(res.utf8(row, 2));
    e.to = interned(res.utf8(row, 3));
    if (auto k = edgeKindFromString(res.text(row, 4)))
        e.kind = *k;
    else
        r.fail(where(), QStringLiteral("unknown kind \"%1\"").arg(res.text(row, 4)));
    if (!res.isNull(row, 5)
        && !splitStringArray(res.utf8(row, 5), [&](QByteArrayView c) { e.categories << interned(c); })) {
        const QString label = where() + QStringLiteral(", categories");
        const QJsonValue v = parseJsonText(res.utf8(row, 5), label, r);
        for (const QJsonValue &c : v.toArray())
            e.categories << interned(c.toString().toUtf8());
    }
    if (!res.isNull(row, 6))
        e.records = res.integer(row, 6);
    if (!res.isNull(row, 7)) {
        e.encryption = encryptionFromString(res.text(row, 7));
        if (!e.encryption)
            r.fail(where(), QStringLiteral("unknown encryption \"%1\"").arg(res.text(row, 7)));
    }
    if (!res.isNull(row, 8)) {
        const auto s = scopeFromString(res.text(row, 8));
        if (!s)
            r.fail(where(), QStringLiteral("unknown scope \"%1\"").arg(res.text(row, 8)));
        e.scope = s.value_or(Scope::Read);
    }
    if (!res.isNull(row, 9))
        e.stored = res.boolean(row, 9);
    e.description = res.text(row, 10);
    e.source = res.text(row, 11);
    if (!res.isNull(row, 12)) {
        e.confirmed = QDate::fromString(res.text(row, 12), Qt::ISODate);
        if (!e.confirmed.isValid())
            r.fail(where(), QStringLiteral("confirmed: expected a date as YYYY-MM-DD"));
    }
    if (!res.isNull(row, 13)) {
        const QString label = where() + QStringLiteral(", column extra");
        const QJsonObject o = parseJsonText(res.utf8(row, 13), label, r).toObject();
        e.keyHolder = o.value(u"key_holder").toString();
        for (const QJsonValue &v : o.value(u"subjects").toArray())
            e.subjects << v.toString();
    }
    return e;
}

MetaVersion metaFromRow(const Result &res, int row, int c0, FieldReader &r)
{
    MetaVersion m;
    m.revision = res.integer(row, c0);
    m.name = res.text(row, c0 + 1);
    if (!res.isNull(row, c0 + 2)) {
        const QString label = QStringLiteral("server model organization");
        m.organization = r.organization(parseJsonText(res.utf8(row, c0 + 2), label, r), JsonPath(&label));
    }
    const QString label = QStringLiteral("server model categories");
    const QJsonValue cats = parseJsonText(res.utf8(row, c0 + 3), label, r);
    const JsonPath root(&label);
    const QJsonArray arr = cats.toArray();
    for (qsizetype i = 0; i < arr.size(); ++i)
        m.categories.push_back(r.category(arr.at(i), JsonPath(root, i)));
    return m;
}

} // namespace vg::pgrows
