// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/fieldreader.h"

#include "model/domain/regions.h"
#include "model/domain/taxonomy.h"

#include <QJsonArray>

#include <array>

#include <cmath>

namespace vg {

namespace {

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

// Looks each key up once. Returns how many were present, so that an unknown key (the
// object has more keys than were found) can be detected without comparing every key.
template <std::size_t N>
qsizetype lookupAll(const QJsonObject &o, const std::array<const char *, N> &keys, std::array<QJsonValue, N> &out)
{
    qsizetype found = 0;
    for (std::size_t i = 0; i < N; ++i) {
        out[i] = o.value(QLatin1StringView(keys[i]));
        found += out[i].isUndefined() ? 0 : 1;
    }
    return found;
}

template <typename E>
std::optional<E> enumValue(FieldReader &r, const QJsonValue &v, const JsonPath &path,
                           std::optional<E> (*parse)(QStringView), const char *expected)
{
    const auto s = r.string(v, path);
    if (!s)
        return std::nullopt;
    const auto e = parse(*s);
    if (!e)
        r.fail(path, QStringLiteral("unknown value \"%1\"; expected %2").arg(*s, QLatin1StringView(expected)));
    return e;
}

} // namespace

QString JsonPath::toString() const
{
    QString head = m_parent ? m_parent->toString() : (m_prefix ? *m_prefix : QString());
    if (!m_parent)
        return head;
    head += QLatin1Char('/');
    if (m_literal)
        head += QLatin1StringView(m_literal);
    else if (m_key)
        head += *m_key;
    else
        head += QString::number(m_index);
    return head;
}

bool isValidRegion(QStringView r) { return regions::isValid(r); }

bool FieldReader::checkKeys(const QJsonObject &o, std::span<const char *const> allowed, const JsonPath &path,
                            const QString &what)
{
    bool ok = true;
    for (auto it = o.begin(); it != o.end(); ++it) {
        bool known = false;
        for (const char *k : allowed)
            known = known || it.key() == QLatin1StringView(k);
        if (!known) {
            QStringList names;
            for (const char *k : allowed)
                names << QString::fromLatin1(k);
            const QString key = it.key();
            fail(
                JsonPath(path, &key),
                QStringLiteral("unknown key \"%1\" in %2; expected one of: %3").arg(it.key(), what, names.join(u", ")));
            ok = false;
        }
    }
    return ok;
}

std::optional<QString> FieldReader::string(const QJsonValue &v, const JsonPath &path)
{
    if (!v.isString()) {
        fail(path, QStringLiteral("expected a string, found %1").arg(typeName(v)));
        return std::nullopt;
    }
    return v.toString();
}

QStringList FieldReader::stringList(const QJsonValue &v, const JsonPath &path)
{
    QStringList out;
    if (!v.isArray()) {
        fail(path, QStringLiteral("expected an array of strings, found %1").arg(typeName(v)));
        return out;
    }
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i)
        if (auto s = string(a.at(i), JsonPath(path, i)))
            out << *s;
    return out;
}

std::optional<qint64> FieldReader::integer(const QJsonValue &v, const JsonPath &path, qint64 min, qint64 max)
{
    if (!v.isDouble()) {
        fail(path, QStringLiteral("expected an integer, found %1").arg(typeName(v)));
        return std::nullopt;
    }
    const double d = v.toDouble();
    if (std::floor(d) != d || std::fabs(d) > 9007199254740992.0) {
        fail(path, QStringLiteral("expected an integer, found %1").arg(d));
        return std::nullopt;
    }
    const auto i = static_cast<qint64>(d);
    if (i < min || i > max) {
        if (max == kMaxCount && i > max)
            fail(path,
                 QStringLiteral("must be at most %1 (the world's population, rounded up), found %2").arg(max).arg(i));
        else if (max >= kMaxCount)
            fail(path, QStringLiteral("must be %1 or more, found %2").arg(min).arg(i));
        else
            fail(path, QStringLiteral("must be from %1 to %2, found %3").arg(min).arg(max).arg(i));
        return std::nullopt;
    }
    return i;
}

std::optional<bool> FieldReader::boolean(const QJsonValue &v, const JsonPath &path)
{
    if (!v.isBool()) {
        fail(path, QStringLiteral("expected true or false, found %1").arg(typeName(v)));
        return std::nullopt;
    }
    return v.toBool();
}

QDate FieldReader::date(const QJsonValue &v, const JsonPath &path)
{
    const auto s = string(v, path);
    if (!s)
        return {};
    const QDate d = QDate::fromString(*s, Qt::ISODate);
    if (!d.isValid() || s->size() != 10)
        fail(path, QStringLiteral("expected a date as YYYY-MM-DD, found \"%1\"").arg(*s));
    return d;
}

QStringList FieldReader::regions(const QJsonValue &v, const JsonPath &path)
{
    const QStringList list = stringList(v, path);
    for (qsizetype i = 0; i < list.size(); ++i)
        if (auto why = regions::problem(list[i]))
            fail(JsonPath(path, i), *why);
    return list;
}

std::optional<Encryption> FieldReader::encryption(const QJsonValue &v, const JsonPath &path)
{
    return enumValue<Encryption>(*this, v, path, &encryptionFromString, "none, holder-key or external-key");
}

std::vector<StoredData> FieldReader::stores(const QJsonValue &v, const JsonPath &path)
{
    std::vector<StoredData> out;
    if (!v.isArray()) {
        fail(path, QStringLiteral("expected an array of {category, records, encryption}, found %1").arg(typeName(v)));
        return out;
    }
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        const JsonPath p(path, i);
        if (!a.at(i).isObject()) {
            fail(p, QStringLiteral("expected an object, found %1").arg(typeName(a.at(i))));
            continue;
        }
        const QJsonObject o = a.at(i).toObject();
        checkKeys(o, {"category", "records", "encryption", "key_holder", "subjects"}, p, QStringLiteral("a store"));
        StoredData s;
        if (!o.contains(u"category"))
            fail(JsonPath(p, "category"), QStringLiteral("missing; expected a category id"));
        else
            s.category = string(o.value(u"category"), JsonPath(p, "category")).value_or(QString());
        if (o.contains(u"records"))
            s.records = integer(o.value(u"records"), JsonPath(p, "records"), 0, kMaxCount);
        if (o.contains(u"encryption"))
            s.encryption = encryption(o.value(u"encryption"), JsonPath(p, "encryption"));
        if (o.contains(u"key_holder"))
            s.keyHolder = string(o.value(u"key_holder"), JsonPath(p, "key_holder")).value_or(QString());
        if (o.contains(u"subjects"))
            s.subjects = stringList(o.value(u"subjects"), JsonPath(p, "subjects"));
        out.push_back(std::move(s));
    }
    return out;
}

QMap<QString, QString> FieldReader::attributes(const QJsonValue &v, const JsonPath &path)
{
    QMap<QString, QString> out;
    if (!v.isObject()) {
        fail(path, QStringLiteral("expected an object of string values, found %1").arg(typeName(v)));
        return out;
    }
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = it.key();
        if (auto s = string(it.value(), JsonPath(path, &key)))
            out.insert(key, *s);
    }
    return out;
}

std::optional<VendorProfile> FieldReader::vendor(const QJsonValue &v, const JsonPath &path)
{
    if (!v.isObject()) {
        fail(path, QStringLiteral("expected an object, found %1").arg(typeName(v)));
        return std::nullopt;
    }
    const QJsonObject o = v.toObject();
    checkKeys(
        o,
        {"tier", "dpa", "certifications", "regions", "security_rating", "last_assessed", "contract_end", "exit_plan"},
        path, QStringLiteral("vendor due diligence"));
    VendorProfile p;
    auto has = [&](const char *k) { return o.contains(QLatin1StringView(k)); };
    auto at = [&](const char *k) { return o.value(QLatin1StringView(k)); };
    auto pp = [&](const char *k) { return JsonPath(path, k); };
    if (has("tier"))
        if (auto t = integer(at("tier"), pp("tier"), 1, 4))
            p.tier = int(*t);
    if (has("dpa"))
        p.dpa = boolean(at("dpa"), pp("dpa"));
    if (has("certifications"))
        p.certifications = stringList(at("certifications"), pp("certifications"));
    if (has("regions"))
        p.regions = regions(at("regions"), pp("regions"));
    if (has("security_rating"))
        p.securityRating = string(at("security_rating"), pp("security_rating")).value_or(QString());
    if (has("last_assessed"))
        p.lastAssessed = date(at("last_assessed"), pp("last_assessed"));
    if (has("contract_end"))
        p.contractEnd = date(at("contract_end"), pp("contract_end"));
    if (has("exit_plan"))
        p.exitPlan = enumValue<ExitPlan>(*this, at("exit_plan"), pp("exit_plan"), &exitPlanFromString,
                                         "tested, documented or none");
    return p;
}

std::optional<Organization> FieldReader::organization(const QJsonValue &v, const JsonPath &path)
{
    if (!v.isObject()) {
        fail(path, QStringLiteral("expected an object, found %1").arg(typeName(v)));
        return std::nullopt;
    }
    const QJsonObject o = v.toObject();
    checkKeys(o, {"name", "regions", "sectors", "sec_registrant"}, path, QStringLiteral("the organization"));
    Organization org;
    if (o.contains(u"name"))
        org.name = string(o.value(u"name"), JsonPath(path, "name")).value_or(QString());
    if (o.contains(u"regions"))
        org.regions = regions(o.value(u"regions"), JsonPath(path, "regions"));
    if (o.contains(u"sectors"))
        org.sectors = stringList(o.value(u"sectors"), JsonPath(path, "sectors"));
    if (o.contains(u"sec_registrant"))
        org.secRegistrant = boolean(o.value(u"sec_registrant"), JsonPath(path, "sec_registrant")).value_or(false);
    return org;
}

CategoryDef FieldReader::category(const QJsonValue &v, const JsonPath &path)
{
    CategoryDef c;
    if (!v.isObject()) {
        fail(path, QStringLiteral("expected an object, found %1").arg(typeName(v)));
        return c;
    }
    const QJsonObject o = v.toObject();
    checkKeys(o, {"id", "name", "tier", "flags"}, path, QStringLiteral("a category"));
    if (!o.contains(u"id"))
        fail(JsonPath(path, "id"), QStringLiteral("missing; expected a category id"));
    else
        c.id = string(o.value(u"id"), JsonPath(path, "id")).value_or(QString());
    if (o.contains(u"name"))
        c.name = string(o.value(u"name"), JsonPath(path, "name"));
    if (o.contains(u"tier"))
        if (auto t = integer(o.value(u"tier"), JsonPath(path, "tier"), 1, 4))
            c.tier = int(*t);
    if (o.contains(u"flags")) {
        const JsonPath fp(path, "flags");
        QStringList flags = stringList(o.value(u"flags"), fp);
        for (qsizetype i = 0; i < flags.size(); ++i)
            if (!flagFromString(flags[i]))
                fail(JsonPath(fp, i),
                     QStringLiteral("unknown flag \"%1\"; expected PIVOT, COMBO or SPECIAL").arg(flags[i]));
        c.flags = flags;
    }
    return c;
}

Node FieldReader::node(const QJsonValue &v, const JsonPath &path)
{
    Node n;
    if (!v.isObject()) {
        fail(path, QStringLiteral("expected a node object, found %1").arg(typeName(v)));
        return n;
    }
    static constexpr std::array<const char *, 11> keys{"id",     "kind",       "name",    "description",
                                                       "tags",   "count",      "regions", "region_counts",
                                                       "stores", "attributes", "vendor"};
    enum { Id, Kind, Name, Description, Tags, Count, Regions, RegionCounts, Stores, Attributes, Vendor };
    const QJsonObject o = v.toObject();
    std::array<QJsonValue, keys.size()> f;
    if (lookupAll(o, keys, f) != o.size())
        checkKeys(o, keys, path, QStringLiteral("a node"));
    auto has = [&](int k) { return !f[std::size_t(k)].isUndefined(); };
    auto at = [&](int k) { return f[std::size_t(k)]; };
    auto pp = [&](int k) { return JsonPath(path, keys[std::size_t(k)]); };
    if (!has(Id))
        fail(pp(Id), QStringLiteral("missing; every node needs an id"));
    else
        n.id = string(at(Id), pp(Id)).value_or(QString());
    if (!has(Kind))
        fail(pp(Kind), QStringLiteral("missing; expected people, service or vendor"));
    else if (auto k = enumValue<NodeKind>(*this, at(Kind), pp(Kind), &nodeKindFromString, "people, service or vendor"))
        n.kind = *k;
    if (has(Name))
        n.name = string(at(Name), pp(Name)).value_or(QString());
    if (has(Description))
        n.description = string(at(Description), pp(Description)).value_or(QString());
    if (has(Tags))
        n.tags = stringList(at(Tags), pp(Tags));
    if (has(Count))
        n.count = integer(at(Count), pp(Count), 0, kMaxCount);
    if (has(Regions))
        n.regions = regions(at(Regions), pp(Regions));
    if (has(RegionCounts))
        n.regionCounts = regionCounts(at(RegionCounts), pp(RegionCounts));
    if (has(Stores))
        n.stores = stores(at(Stores), pp(Stores));
    if (has(Attributes))
        n.attributes = attributes(at(Attributes), pp(Attributes));
    if (has(Vendor))
        n.vendor = vendor(at(Vendor), pp(Vendor));
    return n;
}

Edge FieldReader::edge(const QJsonValue &v, const JsonPath &path, bool *hadId)
{
    Edge e;
    *hadId = false;
    if (!v.isObject()) {
        fail(path, QStringLiteral("expected an edge object, found %1").arg(typeName(v)));
        *hadId = true; // nothing to generate for a broken element
        return e;
    }
    static constexpr std::array<const char *, 14> keys{"id",      "from",        "to",         "kind",     "categories",
                                                       "records", "encryption",  "key_holder", "subjects", "scope",
                                                       "stored",  "description", "source",     "confirmed"};
    enum {
        Id,
        From,
        To,
        Kind,
        Categories,
        Records,
        Enc,
        KeyHolder,
        Subjects,
        ScopeKey,
        Stored,
        Description,
        Source,
        Confirmed
    };
    const QJsonObject o = v.toObject();
    std::array<QJsonValue, keys.size()> f;
    if (lookupAll(o, keys, f) != o.size())
        checkKeys(o, keys, path, QStringLiteral("an edge"));
    auto has = [&](int k) { return !f[std::size_t(k)].isUndefined(); };
    auto at = [&](int k) { return f[std::size_t(k)]; };
    auto pp = [&](int k) { return JsonPath(path, keys[std::size_t(k)]); };
    if (has(Id)) {
        *hadId = true;
        e.id = string(at(Id), pp(Id)).value_or(QString());
    }
    for (int end : {From, To}) {
        if (!has(end))
            fail(pp(end), QStringLiteral("missing; expected a node id"));
        else
            (end == From ? e.from : e.to) = string(at(end), pp(end)).value_or(QString());
    }
    if (!has(Kind)) {
        fail(pp(Kind), QStringLiteral("missing; expected data, access, code or hosts"));
        return e;
    }
    const auto kind =
        enumValue<EdgeKind>(*this, at(Kind), pp(Kind), &edgeKindFromString, "data, access, code or hosts");
    if (!kind)
        return e;
    e.kind = *kind;
    auto onlyFor = [&](int key, EdgeKind k) {
        if (has(key) && e.kind != k) {
            fail(pp(key),
                 QStringLiteral("\"%1\" applies only to %2 edges, and this is a %3 edge")
                     .arg(QLatin1StringView(keys[std::size_t(key)]), toString(k), toString(e.kind)));
            return false;
        }
        return has(key);
    };
    if (e.kind == EdgeKind::Data && !has(Categories))
        fail(pp(Categories), QStringLiteral("missing; a data edge needs a non-empty list of category ids"));
    if (onlyFor(Categories, EdgeKind::Data))
        e.categories = stringList(at(Categories), pp(Categories));
    if (onlyFor(Records, EdgeKind::Data))
        e.records = integer(at(Records), pp(Records), 0, kMaxCount);
    if (onlyFor(Enc, EdgeKind::Data))
        e.encryption = encryption(at(Enc), pp(Enc));
    if (onlyFor(KeyHolder, EdgeKind::Data))
        e.keyHolder = string(at(KeyHolder), pp(KeyHolder)).value_or(QString());
    if (onlyFor(Subjects, EdgeKind::Data))
        e.subjects = stringList(at(Subjects), pp(Subjects));
    if (onlyFor(ScopeKey, EdgeKind::Access))
        if (auto s = enumValue<Scope>(*this, at(ScopeKey), pp(ScopeKey), &scopeFromString, "read, write or admin"))
            e.scope = *s;
    if (onlyFor(Stored, EdgeKind::Access))
        e.stored = boolean(at(Stored), pp(Stored)).value_or(true);
    if (has(Description))
        e.description = string(at(Description), pp(Description)).value_or(QString());
    if (has(Source))
        e.source = string(at(Source), pp(Source)).value_or(QString());
    if (has(Confirmed))
        e.confirmed = date(at(Confirmed), pp(Confirmed));
    return e;
}

std::optional<QPointF> FieldReader::position(const QJsonValue &v, const JsonPath &path)
{
    const QJsonArray a = v.toArray();
    if (!v.isArray() || a.size() != 2 || !a.at(0).isDouble() || !a.at(1).isDouble()) {
        fail(path, QStringLiteral("expected a position [x, y] of two numbers"));
        return std::nullopt;
    }
    const QPointF p(a.at(0).toDouble(), a.at(1).toDouble());
    if (!std::isfinite(p.x()) || !std::isfinite(p.y())) {
        fail(path, QStringLiteral("a position must be two finite numbers"));
        return std::nullopt;
    }
    return p;
}

QDateTime FieldReader::awareness(const QJsonValue &v, const JsonPath &path)
{
    const auto s = string(v, path);
    if (!s)
        return {};
    const auto t = parseAwareness(*s);
    if (!t) {
        fail(path,
             QStringLiteral("expected a date and time with its UTC offset, as 2025-11-26T18:30:00Z or "
                            "2025-11-26T19:30:00+01:00, found \"%1\"")
                 .arg(s->left(60)));
        return {};
    }
    return *t;
}

SavedScenario FieldReader::scenario(const QJsonValue &v, const JsonPath &path)
{
    SavedScenario sc;
    if (!v.isObject()) {
        fail(path, QStringLiteral("expected a scenario object, found %1").arg(typeName(v)));
        return sc;
    }
    const QJsonObject o = v.toObject();
    checkKeys(o, {"name", "breach", "control", "max_hops", "potential", "aware_at"}, path,
              QStringLiteral("a scenario"));
    if (!o.contains(u"name"))
        fail(JsonPath(path, "name"), QStringLiteral("missing; every scenario needs a name"));
    else
        sc.name = string(o.value(u"name"), JsonPath(path, "name")).value_or(QString());
    if (o.contains(u"breach"))
        sc.breach = stringList(o.value(u"breach"), JsonPath(path, "breach"));
    if (o.contains(u"control"))
        sc.control = stringList(o.value(u"control"), JsonPath(path, "control"));
    if (o.contains(u"max_hops"))
        if (auto h = integer(o.value(u"max_hops"), JsonPath(path, "max_hops"), 0, kMaxHops))
            sc.maxHops = int(*h);
    if (o.contains(u"potential"))
        sc.potential = boolean(o.value(u"potential"), JsonPath(path, "potential")).value_or(true);
    if (o.contains(u"aware_at"))
        sc.awareness = awareness(o.value(u"aware_at"), JsonPath(path, "aware_at"));
    return sc;
}

QMap<QString, qint64> FieldReader::regionCounts(const QJsonValue &v, const JsonPath &path)
{
    QMap<QString, qint64> out;
    if (!v.isObject()) {
        fail(path, QStringLiteral("expected an object mapping regions to counts, found %1").arg(typeName(v)));
        return out;
    }
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = it.key();
        const JsonPath p(path, &key);
        if (auto why = regions::problem(key))
            fail(p, *why);
        if (auto n = integer(it.value(), p, 0, kMaxCount))
            out.insert(key, *n);
    }
    return out;
}

} // namespace vg
