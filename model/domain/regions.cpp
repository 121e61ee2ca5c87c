// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/domain/regions.h"

#include "model/io/resources.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace vg::regions {

namespace {

struct Table {
    QSet<QString> countries;
    QHash<QString, QSet<QString>> subdivisions; // country -> codes after the dash
    QHash<QString, QStringList> groups;
    QHash<QString, QString> refused; // code -> the code meant
};

QSet<QString> words(const QJsonValue &v)
{
    const QStringList l = v.toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return QSet<QString>(l.begin(), l.end());
}

const Table &table()
{
    static const Table t = [] {
        Table out;
        const QJsonObject doc = QJsonDocument::fromJson(readResource("regions.json")).object();
        out.countries = words(doc.value(u"countries"));
        const QJsonObject subs = doc.value(u"subdivisions").toObject();
        for (auto it = subs.begin(); it != subs.end(); ++it)
            out.subdivisions.insert(it.key(), words(it.value()));
        const QJsonObject groups = doc.value(u"groups").toObject();
        for (auto it = groups.begin(); it != groups.end(); ++it) {
            QStringList members = it.value().toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            members.sort();
            out.groups.insert(it.key(), members);
        }
        const QJsonObject refused = doc.value(u"refused").toObject();
        for (auto it = refused.begin(); it != refused.end(); ++it)
            out.refused.insert(it.key(), it.value().toString());
        return out;
    }();
    return t;
}

} // namespace

std::optional<QString> problem(QStringView r)
{
    const Table &t = table();
    const QString code = r.toString();
    const QString expected = QStringLiteral("expected an ISO 3166-1 alpha-2 code (DE), an ISO 3166-2 subdivision "
                                            "(US-CA), EU or EEA");
    if (t.groups.contains(code) || t.countries.contains(code))
        return std::nullopt;
    const QString country = code.section(QLatin1Char('-'), 0, 0);
    if (const auto it = t.refused.constFind(country); it != t.refused.cend())
        return QStringLiteral("\"%1\" is not an ISO 3166-1 code; did you mean %2%3?")
            .arg(code.left(40), *it, code.mid(country.size()).left(40));
    if (code.size() > country.size()) {
        const QString sub = code.mid(country.size() + 1);
        if (t.subdivisions.value(country).contains(sub))
            return std::nullopt;
        if (t.countries.contains(country))
            return QStringLiteral("\"%1\" is not an ISO 3166-2 subdivision of %2; %3")
                .arg(code.left(40), country, expected);
    }
    return QStringLiteral("\"%1\" is not a region; %2").arg(code.left(40), expected);
}

QString country(const QString &r) { return table().groups.contains(r) ? r : r.section(QLatin1Char('-'), 0, 0); }

QStringList groupMembers(const QString &group) { return table().groups.value(group); }

} // namespace vg::regions
