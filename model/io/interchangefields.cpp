// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/interchangefields.h"

#include "model/domain/taxonomy.h"

#include <QHash>

#include <array>

namespace vg {

namespace {

const QString kOk;

QString num(const std::optional<qint64> &v) { return v ? QString::number(*v) : QString(); }
QString date(const QDate &d) { return d.isValid() ? d.toString(Qt::ISODate) : QString(); }
QString boolText(bool b) { return b ? QStringLiteral("true") : QStringLiteral("false"); }

QString expected(const QString &value, const char *what)
{
    return QStringLiteral("\"%1\" is not %2").arg(value.left(100), QLatin1StringView(what));
}

QString onlyFor(const char *field, const char *kinds, const QString &actual)
{
    return QStringLiteral("\"%1\" applies only to %2; this one is a %3")
        .arg(QLatin1StringView(field), QLatin1StringView(kinds), actual);
}

// The vendor profile of a vendor node, created on first use; nullptr (and an error) otherwise.
VendorProfile *vendorOf(NodeRecord &r, const char *field, QString *error)
{
    if (r.node.kind != NodeKind::Vendor) {
        *error = onlyFor(field, "vendor nodes", toString(r.node.kind));
        return nullptr;
    }
    if (!r.node.vendor)
        r.node.vendor = VendorProfile();
    return &*r.node.vendor;
}

QString regionsFrom(const QString &v, QStringList *out)
{
    QStringList regions;
    for (const QString &item : splitIdList(v)) {
        const auto r = parseRegion(item);
        if (!r)
            return QStringLiteral("\"%1\" is not a region; expected an ISO 3166-1 code (DE), a subdivision "
                                  "(US-CA), EU, EEA or a country name")
                .arg(item.left(100));
        if (!regions.contains(*r))
            regions << *r;
    }
    *out = regions;
    return kOk;
}

std::optional<int> parseTier(const QString &v)
{
    QString w = normaliseWord(v);
    if (w == u"critical")
        return 1;
    if (w == u"high")
        return 2;
    if (w == u"medium" || w == u"moderate")
        return 3;
    if (w == u"low")
        return 4;
    if (w.startsWith(u"tier"))
        w = w.mid(4).trimmed();
    else if (w.startsWith(u't'))
        w = w.mid(1);
    bool ok = false;
    const int t = w.toInt(&ok);
    if (!ok || t < 1 || t > 4)
        return std::nullopt;
    return t;
}

QString vendorDate(NodeRecord &r, const QString &v, const char *field, QDate VendorProfile::*member)
{
    QString err;
    VendorProfile *p = vendorOf(r, field, &err);
    if (!p)
        return err;
    const auto d = parseIsoDate(v);
    if (!d)
        return expected(v, "a date; expected YYYY-MM-DD");
    p->*member = *d;
    return kOk;
}

QString coordinate(const QString &v, std::optional<double> *out)
{
    const auto d = parseReal(v);
    if (!d)
        return expected(v, "a number");
    *out = d;
    return kOk;
}

const VendorProfile *profile(const Node &n) { return n.vendor ? &*n.vendor : nullptr; }

const std::array<NodeField, 20> kNodeFields{{
    {"id", "node id|key|identifier|vendor id|uid", FieldType::String, InBoth,
     [](const Node &n, const QPointF *) { return n.id; },
     [](NodeRecord &r, const QString &v, const FieldContext &) {
         r.node.id = v;
         return kOk;
     }},
    {"kind", "type|node type|node kind|entity type|entity kind", FieldType::String, InBoth,
     [](const Node &n, const QPointF *) { return toString(n.kind); },
     [](NodeRecord &r, const QString &v, const FieldContext &) {
         const auto k = parseNodeKind(v);
         if (!k)
             return expected(v, "a node kind; expected people, service or vendor");
         r.node.kind = *k;
         r.kindGiven = true;
         return kOk;
     }},
    {"name",
     "label|display name|title|vendor|vendor name|supplier|supplier name|service name|system|system name|"
     "application|application name|company|company name|organisation|organization",
     FieldType::String, InBoth, [](const Node &n, const QPointF *) { return n.name; },
     [](NodeRecord &r, const QString &v, const FieldContext &) {
         r.node.name = v;
         return kOk;
     }},
    {"description", "notes|note|comment|comments|details|what it does", FieldType::String, InBoth,
     [](const Node &n, const QPointF *) { return n.description; },
     [](NodeRecord &r, const QString &v, const FieldContext &) {
         r.node.description = v;
         return kOk;
     }},
    {"tags", "tag|labels|keywords", FieldType::String, InBoth,
     [](const Node &n, const QPointF *) { return joinList(n.tags); },
     [](NodeRecord &r, const QString &v, const FieldContext &) {
         r.node.tags = splitList(v);
         return kOk;
     }},
    {"count", "people|population|headcount|number of people|people count|subjects|number of subjects", FieldType::Long,
     InBoth, [](const Node &n, const QPointF *) { return num(n.count); },
     [](NodeRecord &r, const QString &v, const FieldContext &) {
         if (r.node.kind != NodeKind::People)
             return onlyFor("count", "people nodes", toString(r.node.kind));
         const auto c = parseCount(v);
         if (!c)
             return expected(v, "a count; expected a whole number of people, 0 or more");
         r.node.count = c;
         return kOk;
     }},
    {"regions", "region|countries|country|location|locations|residence", FieldType::String, InBoth,
     [](const Node &n, const QPointF *) { return joinList(n.regions); },
     [](NodeRecord &r, const QString &v, const FieldContext &) {
         if (r.node.kind == NodeKind::People)
             return regionsFrom(v, &r.node.regions);
         QString err;
         if (VendorProfile *p = vendorOf(r, "regions", &err))
             return regionsFrom(v, &p->regions);
         return onlyFor("regions", "people (where they live) and vendors (where they process)", toString(r.node.kind));
     }},
    {"region_counts", "counts by region|people by region|residents by region", FieldType::String, InBoth,
     [](const Node &n, const QPointF *) {
         QStringList items;
         for (auto it = n.regionCounts.cbegin(); it != n.regionCounts.cend(); ++it)
             items << it.key() + QLatin1Char('=') + QString::number(*it);
         return joinList(items);
     },
     [](NodeRecord &r, const QString &v, const FieldContext &) {
         if (r.node.kind != NodeKind::People)
             return onlyFor("region_counts", "people nodes", toString(r.node.kind));
         QMap<QString, qint64> counts;
         for (const QString &item : splitList(v)) {
             const auto region = parseRegion(item.section(QLatin1Char('='), 0, 0).trimmed());
             const auto count = parseCount(item.section(QLatin1Char('='), 1).trimmed());
             if (!item.contains(QLatin1Char('=')) || !region || !count)
                 return expected(item, "a count by region; expected REGION=COUNT, such as US-CA=120000");
             counts.insert(*region, *count);
         }
         r.node.regionCounts = counts;
         return kOk;
     }},
    {"stores", "stored data|data stored|data at rest|holds|stored categories", FieldType::String, InBoth,
     [](const Node &n, const QPointF *) {
         QStringList items;
         for (const StoredData &s : n.stores)
             items << formatStore(s);
         return joinList(items);
     },
     [](NodeRecord &r, const QString &v, const FieldContext &ctx) {
         std::vector<StoredData> stores;
         for (const QString &item : splitList(v)) {
             QString err;
             const auto s = parseStore(item, *ctx.categories, &err);
             if (!s)
                 return err;
             stores.push_back(*s);
         }
         r.node.stores = std::move(stores);
         return kOk;
     }},
    {"vendor_tier", "tier|criticality|criticality tier|risk tier|vendor criticality", FieldType::Int, InBoth,
     [](const Node &n, const QPointF *) {
         const VendorProfile *p = profile(n);
         return p && p->tier ? QString::number(*p->tier) : QString();
     },
     [](NodeRecord &r, const QString &v, const FieldContext &) {
         QString err;
         VendorProfile *p = vendorOf(r, "vendor_tier", &err);
         if (!p)
             return err;
         const auto t = parseTier(v);
         if (!t)
             return expected(v, "a vendor tier; expected 1 (critical) to 4 (low)");
         p->tier = t;
         return kOk;
     }},
    {"vendor_dpa", "dpa|dpa signed|data processing agreement|dpa in place", FieldType::Boolean, InBoth,
     [](const Node &n, const QPointF *) {
         const VendorProfile *p = profile(n);
         return p && p->dpa ? boolText(*p->dpa) : QString();
     },
     [](NodeRecord &r, const QString &v, const FieldContext &) {
         QString err;
         VendorProfile *p = vendorOf(r, "vendor_dpa", &err);
         if (!p)
             return err;
         const auto b = parseBool(v);
         if (!b)
             return expected(v, "yes or no; expected true/false, yes/no or 1/0");
         p->dpa = b;
         return kOk;
     }},
    {"vendor_certifications", "certifications|certification|certs|attestations|compliance", FieldType::String, InBoth,
     [](const Node &n, const QPointF *) {
         const VendorProfile *p = profile(n);
         return p ? joinList(p->certifications) : QString();
     },
     [](NodeRecord &r, const QString &v, const FieldContext &) {
         QString err;
         VendorProfile *p = vendorOf(r, "vendor_certifications", &err);
         if (!p)
             return err;
         p->certifications = splitList(v);
         return kOk;
     }},
    {"vendor_regions",
     "processing regions|processing locations|processing location|hosting regions|hosting region|"
     "hosting location|data location|data locations",
     FieldType::String, InBoth,
     [](const Node &n, const QPointF *) {
         const VendorProfile *p = profile(n);
         return p ? joinList(p->regions) : QString();
     },
     [](NodeRecord &r, const QString &v, const FieldContext &) {
         QString err;
         VendorProfile *p = vendorOf(r, "vendor_regions", &err);
         return p ? regionsFrom(v, &p->regions) : err;
     }},
    {"vendor_security_rating", "security rating|rating|risk rating|security score", FieldType::String, InBoth,
     [](const Node &n, const QPointF *) {
         const VendorProfile *p = profile(n);
         return p ? p->securityRating : QString();
     },
     [](NodeRecord &r, const QString &v, const FieldContext &) {
         QString err;
         VendorProfile *p = vendorOf(r, "vendor_security_rating", &err);
         if (!p)
             return err;
         p->securityRating = v;
         return kOk;
     }},
    {"vendor_last_assessed", "last assessed|last assessment|assessed|last review|last reviewed|assessment date",
     FieldType::String, InBoth,
     [](const Node &n, const QPointF *) {
         const VendorProfile *p = profile(n);
         return p ? date(p->lastAssessed) : QString();
     },
     [](NodeRecord &r, const QString &v, const FieldContext &) {
         return vendorDate(r, v, "vendor_last_assessed", &VendorProfile::lastAssessed);
     }},
    {"vendor_contract_end", "contract end|contract expiry|contract end date|contract expires|renewal date",
     FieldType::String, InBoth,
     [](const Node &n, const QPointF *) {
         const VendorProfile *p = profile(n);
         return p ? date(p->contractEnd) : QString();
     },
     [](NodeRecord &r, const QString &v, const FieldContext &) {
         return vendorDate(r, v, "vendor_contract_end", &VendorProfile::contractEnd);
     }},
    {"vendor_exit_plan", "exit plan|exit strategy", FieldType::String, InBoth,
     [](const Node &n, const QPointF *) {
         const VendorProfile *p = profile(n);
         return p && p->exitPlan ? toString(*p->exitPlan) : QString();
     },
     [](NodeRecord &r, const QString &v, const FieldContext &) {
         QString err;
         VendorProfile *p = vendorOf(r, "vendor_exit_plan", &err);
         if (!p)
             return err;
         const auto e = parseExitPlan(v);
         if (!e)
             return expected(v, "an exit plan; expected tested, documented or none");
         p->exitPlan = e;
         return kOk;
     }},
    {"x", "pos x|position x", FieldType::Double, InBoth,
     [](const Node &, const QPointF *pos) { return pos ? formatReal(pos->x()) : QString(); },
     [](NodeRecord &r, const QString &v, const FieldContext &) { return coordinate(v, &r.x); }},
    {"y", "pos y|position y", FieldType::Double, InBoth,
     [](const Node &, const QPointF *pos) { return pos ? formatReal(pos->y()) : QString(); },
     [](NodeRecord &r, const QString &v, const FieldContext &) { return coordinate(v, &r.y); }},
    // Written by the GraphML exporter itself (the getter is not used).
    {"auto_position", "", FieldType::String, InGraphml, [](const Node &, const QPointF *) { return QString(); },
     [](NodeRecord &r, const QString &v, const FieldContext &) {
         const QStringList xy = v.split(QLatin1Char(' '), Qt::SkipEmptyParts);
         const auto x = xy.size() == 2 ? parseReal(xy[0]) : std::nullopt;
         const auto y = xy.size() == 2 ? parseReal(xy[1]) : std::nullopt;
         if (!x || !y)
             return expected(v, "a position; expected two numbers \"X Y\"");
         r.autoPosition = QPointF(*x, *y);
         return kOk;
     }},
}};

QString onlyForEdges(const char *field, const char *kind, EdgeKind actual)
{
    return onlyFor(field, kind, toString(actual) + QStringLiteral(" edge"));
}

const std::array<EdgeField, 14> kEdgeFields{{
    {"id", "edge id|flow id|relationship id", FieldType::String, InBoth, [](const Edge &e) { return e.id; },
     [](EdgeRecord &r, const QString &v, const FieldContext &) {
         r.edge.id = v;
         return kOk;
     }},
    {"from", "src|from node|from id|sender|origin|source node|source id|source name", FieldType::String, InCsv,
     [](const Edge &e) { return e.from; },
     [](EdgeRecord &r, const QString &v, const FieldContext &) {
         r.edge.from = v;
         return kOk;
     }},
    {"to", "target|dst|destination|recipient|to node|to id|target node|target id|target name", FieldType::String, InCsv,
     [](const Edge &e) { return e.to; },
     [](EdgeRecord &r, const QString &v, const FieldContext &) {
         r.edge.to = v;
         return kOk;
     }},
    {"kind", "type|edge type|edge kind|relationship|relation|flow type", FieldType::String, InBoth,
     [](const Edge &e) { return toString(e.kind); },
     [](EdgeRecord &r, const QString &v, const FieldContext &) {
         const QString w = normaliseWord(v);
         if (w == u"directed" || w == u"undirected" || w == u"mixed")
             return kOk; // Gephi's "Type" column is the direction, not the kind
         const auto k = parseEdgeKind(v);
         if (!k)
             return expected(v, "an edge kind; expected data, access, code or hosts");
         r.edge.kind = *k;
         r.kindGiven = true;
         return kOk;
     }},
    {"categories",
     "category|data categories|data category|data|data types|data type|data elements|personal data|"
     "categories of data",
     FieldType::String, InBoth, [](const Edge &e) { return joinList(e.categories); },
     [](EdgeRecord &r, const QString &v, const FieldContext &ctx) {
         if (r.edge.kind != EdgeKind::Data)
             return onlyForEdges("categories", "data edges", r.edge.kind);
         QStringList ids;
         for (const QString &item : splitIdList(v)) {
             const auto id = ctx.categories->find(item);
             if (!id)
                 return QStringLiteral("unknown category \"%1\"; expected a category id such as CONTACT.EMAIL or a "
                                       "name such as \"Email address\" (a model or categories.csv may define more)")
                     .arg(item.left(100));
             if (!ids.contains(*id))
                 ids << *id;
         }
         r.edge.categories = ids;
         return kOk;
     }},
    {"records", "record count|number of records|volume", FieldType::Long, InBoth,
     [](const Edge &e) { return num(e.records); },
     [](EdgeRecord &r, const QString &v, const FieldContext &) {
         if (r.edge.kind != EdgeKind::Data)
             return onlyForEdges("records", "data edges", r.edge.kind);
         const auto c = parseCount(v);
         if (!c)
             return expected(v, "a record count; expected a whole number, 0 or more");
         r.edge.records = c;
         return kOk;
     }},
    {"encryption", "encrypted|encryption key", FieldType::String, InBoth,
     [](const Edge &e) { return e.encryption ? toString(*e.encryption) : QString(); },
     [](EdgeRecord &r, const QString &v, const FieldContext &) {
         if (r.edge.kind != EdgeKind::Data)
             return onlyForEdges("encryption", "data edges", r.edge.kind);
         const auto x = parseEncryption(v);
         if (!x)
             return expected(v, "an encryption; expected none, holder-key or external-key");
         r.edge.encryption = x;
         return kOk;
     }},
    {"key_holder", "key holder|encryption key holder|kms", FieldType::String, InBoth,
     [](const Edge &e) { return e.keyHolder; },
     [](EdgeRecord &r, const QString &v, const FieldContext &) {
         if (r.edge.kind != EdgeKind::Data)
             return onlyForEdges("key_holder", "data edges", r.edge.kind);
         r.edge.keyHolder = v.trimmed();
         return kOk;
     }},
    {"subjects", "data subjects|whose data|about", FieldType::String, InBoth,
     [](const Edge &e) { return joinList(e.subjects); },
     [](EdgeRecord &r, const QString &v, const FieldContext &) {
         if (r.edge.kind != EdgeKind::Data)
             return onlyForEdges("subjects", "data edges", r.edge.kind);
         r.edge.subjects = splitIdList(v);
         return kOk;
     }},
    {"scope", "access scope|permission|permissions|access level", FieldType::String, InBoth,
     [](const Edge &e) { return e.kind == EdgeKind::Access ? toString(e.scope) : QString(); },
     [](EdgeRecord &r, const QString &v, const FieldContext &) {
         if (r.edge.kind != EdgeKind::Access)
             return onlyForEdges("scope", "access edges", r.edge.kind);
         const auto s = parseScope(v);
         if (!s)
             return expected(v, "an access scope; expected read, write or admin");
         r.edge.scope = *s;
         return kOk;
     }},
    {"stored", "credential stored|key stored", FieldType::Boolean, InBoth,
     [](const Edge &e) { return e.kind == EdgeKind::Access ? boolText(e.stored) : QString(); },
     [](EdgeRecord &r, const QString &v, const FieldContext &) {
         if (r.edge.kind != EdgeKind::Access)
             return onlyForEdges("stored", "access edges", r.edge.kind);
         const auto b = parseBool(v);
         if (!b)
             return expected(v, "yes or no; expected true/false, yes/no or 1/0");
         r.edge.stored = *b;
         return kOk;
     }},
    {"description", "notes|note|comment|comments|label|edge label|purpose|details", FieldType::String, InBoth,
     [](const Edge &e) { return e.description; },
     [](EdgeRecord &r, const QString &v, const FieldContext &) {
         r.edge.description = v;
         return kOk;
     }},
    {"source", "evidence|reference|provenance|fact source", FieldType::String, InBoth,
     [](const Edge &e) { return e.source; },
     [](EdgeRecord &r, const QString &v, const FieldContext &) {
         r.edge.source = v;
         return kOk;
     }},
    {"confirmed", "last confirmed|verified|date confirmed|confirmed on", FieldType::String, InBoth,
     [](const Edge &e) { return date(e.confirmed); },
     [](EdgeRecord &r, const QString &v, const FieldContext &) {
         const auto d = parseIsoDate(v);
         if (!d)
             return expected(v, "a date; expected YYYY-MM-DD");
         r.edge.confirmed = *d;
         return kOk;
     }},
}};

const std::array<CategoryField, 4> kCategoryFields{{
    {"id", "category|category id", [](const CategoryDef &c) { return c.id; },
     [](CategoryDef &c, const QString &v) {
         c.id = v;
         return kOk;
     }},
    {"name", "category name|label|title", [](const CategoryDef &c) { return c.name.value_or(QString()); },
     [](CategoryDef &c, const QString &v) {
         c.name = v;
         return kOk;
     }},
    {"tier", "criticality|category tier",
     [](const CategoryDef &c) { return c.tier ? QString::number(*c.tier) : QString(); },
     [](CategoryDef &c, const QString &v) {
         const auto t = parseTier(v);
         if (!t)
             return expected(v, "a tier; expected 1 (critical) to 4 (low)");
         c.tier = t;
         return kOk;
     }},
    // An explicitly empty flag list is written "none", so that it differs from "not overridden".
    {"flags", "flag",
     [](const CategoryDef &c) {
         if (!c.flags)
             return QString();
         return c.flags->isEmpty() ? QStringLiteral("none") : joinList(*c.flags);
     },
     [](CategoryDef &c, const QString &v) {
         QStringList flags;
         if (normaliseWord(v) != u"none") {
             for (const QString &f : splitIdList(v)) {
                 if (!flagFromString(f.toUpper()))
                     return expected(f, "a category flag; expected PIVOT, COMBO or SPECIAL (or none)");
                 flags << f.toUpper();
             }
         }
         c.flags = flags;
         return kOk;
     }},
}};

template <typename Table>
QHash<QString, int> headerIndex(const Table &table)
{
    QHash<QString, int> index;
    for (int i = 0; i < int(table.size()); ++i) {
        index.insert(normaliseHeader(QString::fromLatin1(table[std::size_t(i)].name)), i);
        const QString synonyms = QString::fromLatin1(table[std::size_t(i)].synonyms);
        for (const QString &s : synonyms.split(QLatin1Char('|'), Qt::SkipEmptyParts))
            if (!index.contains(s))
                index.insert(s, i);
    }
    return index;
}

template <typename Table>
int exactIndex(const Table &table, const char *name)
{
    for (int i = 0; i < int(table.size()); ++i)
        if (qstrcmp(table[std::size_t(i)].name, name) == 0)
            return i;
    qFatal("no interchange field named %s", name);
}

} // namespace

const char *graphmlTypeName(FieldType t)
{
    switch (t) {
    case FieldType::String: return "string";
    case FieldType::Int: return "int";
    case FieldType::Long: return "long";
    case FieldType::Double: return "double";
    case FieldType::Boolean: return "boolean";
    }
    return "string";
}

std::span<const NodeField> nodeFields() { return kNodeFields; }
std::span<const EdgeField> edgeFields() { return kEdgeFields; }
std::span<const CategoryField> categoryFields() { return kCategoryFields; }

int findNodeField(QStringView header)
{
    static const QHash<QString, int> index = headerIndex(kNodeFields);
    return index.value(normaliseHeader(header), -1);
}

int findEdgeField(QStringView header)
{
    static const QHash<QString, int> index = headerIndex(kEdgeFields);
    return index.value(normaliseHeader(header), -1);
}

int findCategoryField(QStringView header)
{
    static const QHash<QString, int> index = headerIndex(kCategoryFields);
    return index.value(normaliseHeader(header), -1);
}

int nodeFieldIndex(const char *name) { return exactIndex(kNodeFields, name); }
int edgeFieldIndex(const char *name) { return exactIndex(kEdgeFields, name); }

QString attributeKeyOfHeader(QStringView header)
{
    const QStringView h = header;
    for (const QLatin1StringView prefix : {kAttributePrefix, QLatin1StringView("attribute:")})
        if (h.startsWith(prefix, Qt::CaseInsensitive)) {
            const QString key = h.mid(prefix.size()).toString();
            return key.isEmpty() ? QString() : key;
        }
    return QString();
}

} // namespace vg
