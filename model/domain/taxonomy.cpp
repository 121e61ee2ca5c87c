// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/domain/taxonomy.h"

#include "model/io/resources.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vg {

QStringList flagNames(unsigned flags)
{
    QStringList out;
    if (flags & Pivot)
        out << QStringLiteral("PIVOT");
    if (flags & Combo)
        out << QStringLiteral("COMBO");
    if (flags & Special)
        out << QStringLiteral("SPECIAL");
    if (flags & NonPersonal)
        out << QStringLiteral("NONPERSONAL");
    return out;
}

std::optional<unsigned> flagFromString(QStringView s)
{
    if (s == u"PIVOT")
        return Pivot;
    if (s == u"COMBO")
        return Combo;
    if (s == u"SPECIAL")
        return Special;
    if (s == u"NONPERSONAL")
        return NonPersonal;
    return std::nullopt;
}

void Taxonomy::add(Category c)
{
    const auto it = m_index.constFind(c.id);
    if (it != m_index.cend()) {
        m_categories[*it] = std::move(c);
        return;
    }
    m_index.insert(c.id, int(m_categories.size()));
    m_categories.push_back(std::move(c));
}

const Category *Taxonomy::find(const QString &id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.cend() ? nullptr : &m_categories[*it];
}

const Taxonomy &Taxonomy::builtIn()
{
    static const Taxonomy t = [] {
        Taxonomy tax;
        const QJsonArray cats =
            QJsonDocument::fromJson(readResource("taxonomy.json")).object().value(u"categories").toArray();
        for (const QJsonValue &v : cats) {
            const QJsonObject o = v.toObject();
            Category c;
            c.id = o.value(u"id").toString();
            c.name = o.value(u"name").toString();
            c.note = o.value(u"note").toString();
            c.tier = o.value(u"tier").toInt(3);
            for (const QJsonValue &fl : o.value(u"flags").toArray())
                c.flags |= flagFromString(fl.toString()).value_or(0);
            const QString pivot = o.value(u"pivot").toString();
            c.pivot = pivot == u"code" ? PivotKind::Code : pivot == u"decrypt" ? PivotKind::Decrypt : PivotKind::Access;
            c.builtIn = true;
            tax.add(std::move(c));
        }
        return tax;
    }();
    return t;
}

Taxonomy Taxonomy::forModel(const Model &model)
{
    Taxonomy t = builtIn();
    for (const CategoryDef &d : model.categories) {
        const Category *base = t.find(d.id);
        Category c = base ? *base : Category{d.id, d.id, {}, 3, 0, PivotKind::Access, false};
        if (d.name)
            c.name = *d.name;
        if (d.tier)
            c.tier = *d.tier;
        if (d.flags) {
            c.flags = 0;
            for (const QString &fl : *d.flags)
                c.flags |= flagFromString(fl).value_or(0);
        }
        t.add(std::move(c));
    }
    return t;
}

} // namespace vg
