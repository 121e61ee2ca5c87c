// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/jsonwriter.h"
#include "model/io/jsonreader.h"

#include <charconv>
#include <cstdio>

namespace vg {

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
    void open()
    {
        out += '{';
        m_first = true;
    }
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
    void field(const char *k, const QString &v)
    {
        key(k);
        str(v);
    }
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
    if (!n.regionCounts.isEmpty()) {
        w.key("region_counts");
        w.out += toJsonText(n.regionCounts);
    }
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
        w.fieldIfSet("key_holder", e.keyHolder);
        w.fieldIfSet("subjects", e.subjects);
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
        inner.fieldIfSet("key_holder", stores[i].keyHolder);
        inner.fieldIfSet("subjects", stores[i].subjects);
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

QByteArray toJsonText(const QMap<QString, qint64> &counts)
{
    Writer o;
    o.open();
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        o.key(it.key());
        o.num(*it);
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

QByteArray toJsonText(const SavedScenario &sc)
{
    Writer o;
    o.open();
    o.field("name", sc.name);
    o.fieldIfSet("breach", sc.breach);
    o.fieldIfSet("control", sc.control);
    if (sc.maxHops) {
        o.key("max_hops");
        o.num(qint64(*sc.maxHops));
    }
    if (!sc.potential) {
        o.key("potential");
        o.out += "false";
    }
    o.fieldIfSet("aware_at", formatAwareness(sc.awareness));
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
    w.out += first ? "}" : "\n  }";
    // Scenarios in the user's order, written only when there are some (older files keep their bytes).
    if (!m.scenarios.empty()) {
        w.out += ",\n  \"scenarios\": [";
        for (std::size_t i = 0; i < m.scenarios.size(); ++i) {
            w.out += i ? ",\n    " : "\n    ";
            w.out += toJsonText(m.scenarios[i]);
        }
        w.out += "\n  ]";
    }
    if (!m.activeScenario.isEmpty()) {
        w.out += ",\n  \"active_scenario\": ";
        w.str(m.activeScenario);
    }
    w.out += "\n}\n";
    return std::move(w.out);
}

} // namespace vg
