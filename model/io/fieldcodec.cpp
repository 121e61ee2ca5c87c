// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/fieldcodec.h"

#include "model/domain/taxonomy.h"
#include "model/io/fieldreader.h"

#include <QLocale>
#include <QRegularExpression>

#include <array>
#include <cmath>

namespace vg {

namespace {

QString collapse(QStringView s, bool header)
{
    QString out;
    out.reserve(s.size());
    bool space = false;
    for (const QChar c : s) {
        const bool sep = c.isSpace() || c == u'_' || c == u'-' || (header && c == u'.');
        if (sep) {
            space = !out.isEmpty();
            continue;
        }
        if (space)
            out += QLatin1Char(' ');
        space = false;
        out += c.toLower();
    }
    return out;
}

template <typename E, std::size_t N>
std::optional<E> fromWords(QStringView s, const std::array<std::pair<const char *, E>, N> &table)
{
    const QString w = normaliseWord(s);
    for (const auto &[name, value] : table)
        if (w == QLatin1StringView(name))
            return value;
    return std::nullopt;
}

constexpr std::array<std::pair<const char *, NodeKind>, 29> kNodeKinds{{
    {"people", NodeKind::People},
    {"person", NodeKind::People},
    {"persons", NodeKind::People},
    {"population", NodeKind::People},
    {"users", NodeKind::People},
    {"customers", NodeKind::People},
    {"data subjects", NodeKind::People},
    {"subjects", NodeKind::People},
    {"individuals", NodeKind::People},
    {"employees", NodeKind::People},
    {"service", NodeKind::Service},
    {"services", NodeKind::Service},
    {"system", NodeKind::Service},
    {"application", NodeKind::Service},
    {"app", NodeKind::Service},
    {"internal", NodeKind::Service},
    {"internal system", NodeKind::Service},
    {"tenant", NodeKind::Service},
    {"database", NodeKind::Service},
    {"vendor", NodeKind::Vendor},
    {"vendors", NodeKind::Vendor},
    {"supplier", NodeKind::Vendor},
    {"third party", NodeKind::Vendor},
    {"sub processor", NodeKind::Vendor},
    {"subprocessor", NodeKind::Vendor},
    {"processor", NodeKind::Vendor},
    {"provider", NodeKind::Vendor},
    {"fourth party", NodeKind::Vendor},
    {"external", NodeKind::Vendor},
}};

constexpr std::array<std::pair<const char *, EdgeKind>, 16> kEdgeKinds{{
    {"data", EdgeKind::Data},
    {"data flow", EdgeKind::Data},
    {"flow", EdgeKind::Data},
    {"sends", EdgeKind::Data},
    {"shares", EdgeKind::Data},
    {"access", EdgeKind::Access},
    {"credential", EdgeKind::Access},
    {"credentials", EdgeKind::Access},
    {"can access", EdgeKind::Access},
    {"code", EdgeKind::Code},
    {"sdk", EdgeKind::Code},
    {"agent", EdgeKind::Code},
    {"runs code", EdgeKind::Code},
    {"hosts", EdgeKind::Hosts},
    {"hosting", EdgeKind::Hosts},
    {"host", EdgeKind::Hosts},
}};

constexpr std::array<std::pair<const char *, Encryption>, 4> kEncryptions{{
    {"none", Encryption::None},
    {"unencrypted", Encryption::None},
    {"holder key", Encryption::HolderKey},
    {"external key", Encryption::ExternalKey},
}};

constexpr std::array<std::pair<const char *, Scope>, 10> kScopes{{
    {"read", Scope::Read},
    {"read only", Scope::Read},
    {"readonly", Scope::Read},
    {"write", Scope::Write},
    {"read write", Scope::Write},
    {"rw", Scope::Write},
    {"admin", Scope::Admin},
    {"administrator", Scope::Admin},
    {"full", Scope::Admin},
    {"owner", Scope::Admin},
}};

constexpr std::array<std::pair<const char *, ExitPlan>, 3> kExitPlans{{
    {"tested", ExitPlan::Tested},
    {"documented", ExitPlan::Documented},
    {"none", ExitPlan::None},
}};

// Common English names of the countries and groups that sub-processor lists name most.
constexpr std::array<std::pair<const char *, const char *>, 48> kCountryNames{{
    {"united states", "US"},
    {"united states of america", "US"},
    {"usa", "US"},
    {"u s", "US"},
    {"u s a", "US"},
    {"america", "US"},
    {"european union", "EU"},
    {"europe", "EU"},
    {"european economic area", "EEA"},
    {"united kingdom", "GB"},
    {"uk", "GB"},
    {"great britain", "GB"},
    {"england", "GB"},
    {"germany", "DE"},
    {"ireland", "IE"},
    {"france", "FR"},
    {"netherlands", "NL"},
    {"the netherlands", "NL"},
    {"belgium", "BE"},
    {"luxembourg", "LU"},
    {"spain", "ES"},
    {"portugal", "PT"},
    {"italy", "IT"},
    {"austria", "AT"},
    {"switzerland", "CH"},
    {"sweden", "SE"},
    {"denmark", "DK"},
    {"finland", "FI"},
    {"norway", "NO"},
    {"poland", "PL"},
    {"czech republic", "CZ"},
    {"czechia", "CZ"},
    {"romania", "RO"},
    {"canada", "CA"},
    {"mexico", "MX"},
    {"brazil", "BR"},
    {"argentina", "AR"},
    {"india", "IN"},
    {"japan", "JP"},
    {"china", "CN"},
    {"singapore", "SG"},
    {"australia", "AU"},
    {"new zealand", "NZ"},
    {"israel", "IL"},
    {"philippines", "PH"},
    {"south korea", "KR"},
    {"south africa", "ZA"},
    {"hong kong", "HK"},
}};

} // namespace

QString normaliseHeader(QStringView header)
{
    QStringView h = header.trimmed();
    while (!h.isEmpty() && (h.back() == u'?' || h.back() == u'*' || h.back() == u':'))
        h.chop(1);
    return collapse(h, true);
}

QString normaliseWord(QStringView word) { return collapse(word.trimmed(), false); }

QStringList splitList(QStringView cell)
{
    QStringList out;
    QString item;
    auto flush = [&] {
        const QString t = item.trimmed();
        if (!t.isEmpty())
            out << t;
        item.clear();
    };
    for (qsizetype i = 0; i < cell.size(); ++i) {
        const QChar c = cell[i];
        if (c == u'\\' && i + 1 < cell.size() && (cell[i + 1] == u';' || cell[i + 1] == u'\\')) {
            item += cell[++i];
        } else if (c == u';') {
            flush();
        } else {
            item += c;
        }
    }
    flush();
    return out;
}

QString joinList(const QStringList &items)
{
    QStringList escaped;
    escaped.reserve(items.size());
    for (const QString &s : items) {
        QString e = s;
        e.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char(';'), QLatin1String("\\;"));
        escaped << e;
    }
    return escaped.join(QLatin1String("; "));
}

QStringList splitIdList(QStringView cell)
{
    static const QRegularExpression separators(QStringLiteral("[,\\r\\n]"));
    QStringList out;
    for (const QString &item : splitList(cell))
        for (const QString &part : item.split(separators, Qt::SkipEmptyParts))
            if (const QString t = part.trimmed(); !t.isEmpty())
                out << t;
    return out;
}

std::optional<bool> parseBool(QStringView s)
{
    const QString w = normaliseWord(s);
    if (w == u"true" || w == u"yes" || w == u"y" || w == u"1")
        return true;
    if (w == u"false" || w == u"no" || w == u"n" || w == u"0")
        return false;
    return std::nullopt;
}

std::optional<qint64> parseCount(QStringView s)
{
    QString digits;
    digits.reserve(s.size());
    const QStringView t = s.trimmed();
    for (qsizetype i = 0; i < t.size(); ++i) {
        const QChar c = t[i];
        if (c >= u'0' && c <= u'9')
            digits += c;
        else if ((c == u',' || c == u'_' || c == u' ' || c == u'\u00A0' || c == u'\u202F') && i > 0 && i + 1 < t.size())
            continue;
        else
            return std::nullopt;
    }
    bool ok = false;
    const qint64 v = digits.toLongLong(&ok);
    if (!ok || digits.isEmpty())
        return std::nullopt;
    return v;
}

std::optional<QDate> parseIsoDate(QStringView s)
{
    QStringView t = s.trimmed();
    if (t.size() > 10 && (t[10] == u'T' || t[10] == u' '))
        t = t.first(10);
    if (t.size() != 10)
        return std::nullopt;
    const QDate d = QDate::fromString(t.toString(), Qt::ISODate);
    if (!d.isValid())
        return std::nullopt;
    return d;
}

std::optional<double> parseReal(QStringView s)
{
    bool ok = false;
    const double v = s.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

QString formatReal(double v) { return QString::number(v, 'g', QLocale::FloatingPointShortest); }

std::optional<QString> parseRegion(QStringView s)
{
    const QString upper = s.trimmed().toString().toUpper();
    if (isValidRegion(upper))
        return upper;
    const QString w = normaliseHeader(s); // drops dots: "U.S." -> "u s"
    for (const auto &[name, code] : kCountryNames)
        if (w == QLatin1StringView(name))
            return QString::fromLatin1(code);
    return std::nullopt;
}

std::optional<NodeKind> parseNodeKind(QStringView s) { return fromWords(s, kNodeKinds); }
std::optional<EdgeKind> parseEdgeKind(QStringView s) { return fromWords(s, kEdgeKinds); }
std::optional<Encryption> parseEncryption(QStringView s) { return fromWords(s, kEncryptions); }
std::optional<Scope> parseScope(QStringView s) { return fromWords(s, kScopes); }
std::optional<ExitPlan> parseExitPlan(QStringView s) { return fromWords(s, kExitPlans); }

CategoryLookup::CategoryLookup(const Taxonomy &taxonomy)
{
    for (const Category &c : taxonomy.all()) {
        m_byKey.insert(c.id.toLower(), c.id);
        if (!c.name.isEmpty())
            m_byKey.insert(normaliseWord(c.name), c.id);
    }
}

std::optional<QString> CategoryLookup::find(QStringView idOrName) const
{
    const QStringView t = idOrName.trimmed();
    if (auto it = m_byKey.constFind(t.toString().toLower()); it != m_byKey.cend())
        return *it;
    if (auto it = m_byKey.constFind(normaliseWord(t)); it != m_byKey.cend())
        return *it;
    return std::nullopt;
}

QString formatStore(const StoredData &s)
{
    QString out = s.category;
    if (s.records)
        out += QLatin1Char(' ') + QString::number(*s.records);
    if (s.encryption)
        out += QLatin1Char(' ') + toString(*s.encryption);
    if (!s.keyHolder.isEmpty())
        out += QStringLiteral(" key=") + s.keyHolder;
    if (!s.subjects.isEmpty())
        out += QStringLiteral(" about=") + s.subjects.join(QLatin1Char('+'));
    return out;
}

std::optional<StoredData> parseStore(QStringView item, const CategoryLookup &categories, QString *error)
{
    QStringList tokens = item.toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    StoredData s;
    while (tokens.size() > 1) {
        const QString &last = tokens.back();
        if (last.startsWith(QLatin1String("key=")) && s.keyHolder.isEmpty()) {
            s.keyHolder = last.mid(4);
            tokens.removeLast();
            continue;
        }
        if (last.startsWith(QLatin1String("about=")) && s.subjects.isEmpty()) {
            s.subjects = last.mid(6).split(QLatin1Char('+'), Qt::SkipEmptyParts);
            tokens.removeLast();
            continue;
        }
        if (!s.encryption) {
            if (auto e = parseEncryption(last)) {
                s.encryption = e;
                tokens.removeLast();
                continue;
            }
        }
        if (!s.records) {
            if (auto r = parseCount(last)) {
                s.records = r;
                tokens.removeLast();
                continue;
            }
        }
        break;
    }
    const QString category = tokens.join(QLatin1Char(' '));
    const auto id = categories.find(category);
    if (!id) {
        *error = QStringLiteral("unknown category \"%1\" in stored data \"%2\"; expected an entry \"CATEGORY "
                                "[RECORDS] [none|holder-key|external-key]\" with a category id such as "
                                "CONTACT.EMAIL or a name such as \"Email address\"")
                     .arg(category.left(100), item.left(100));
        return std::nullopt;
    }
    s.category = *id;
    return s;
}

} // namespace vg
