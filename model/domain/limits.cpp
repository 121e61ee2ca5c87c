// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/domain/limits.h"

#include <QLocale>

namespace vg {

namespace {

QString number(qint64 n) { return QLocale::c().toString(n).replace(QLatin1Char(','), QLatin1Char(' ')); }

QString tooLong(qsizetype size, qsizetype cap)
{
    return QStringLiteral("%1 characters; VendorGraph keeps at most %2 here").arg(number(size), number(cap));
}

QString tooMany(qsizetype size, qsizetype cap)
{
    return QStringLiteral("%1 items; VendorGraph keeps at most %2 in one list").arg(number(size), number(cap));
}

// Calls report(path, message) for every cap an item breaks; path is relative to the item
// ("/name", "/stores/2/subjects").
template <typename Report>
struct Checker {
    Report report;

    void text(const QString &s, qsizetype cap, const QString &path)
    {
        if (s.size() > cap)
            report(path, tooLong(s.size(), cap));
    }
    void list(const QStringList &l, qsizetype itemCap, const QString &path)
    {
        if (l.size() > kMaxListItems) {
            report(path, tooMany(l.size(), kMaxListItems));
            return;
        }
        for (qsizetype i = 0; i < l.size(); ++i)
            text(l[i], itemCap, path + QStringLiteral("/%1").arg(i));
    }
    void count(qsizetype n, const QString &path)
    {
        if (n > kMaxListItems)
            report(path, tooMany(n, kMaxListItems));
    }

    void node(const Node &n)
    {
        text(n.name, kMaxNameChars, QStringLiteral("/name"));
        text(n.description, kMaxTextChars, QStringLiteral("/description"));
        list(n.tags, kMaxNameChars, QStringLiteral("/tags"));
        list(n.regions, kMaxNameChars, QStringLiteral("/regions"));
        count(n.regionCounts.size(), QStringLiteral("/region_counts"));
        count(qsizetype(n.stores.size()), QStringLiteral("/stores"));
        if (n.stores.size() <= std::size_t(kMaxListItems))
            for (std::size_t i = 0; i < n.stores.size(); ++i)
                list(n.stores[i].subjects, kMaxNameChars, QStringLiteral("/stores/%1/subjects").arg(i));
        count(n.attributes.size(), QStringLiteral("/attributes"));
        if (n.attributes.size() <= kMaxListItems)
            for (auto it = n.attributes.cbegin(); it != n.attributes.cend(); ++it) {
                const QString path = QStringLiteral("/attributes/") + it.key().left(40);
                text(it.key(), kMaxNameChars, path);
                text(*it, kMaxTextChars, path);
            }
        if (n.vendor) {
            list(n.vendor->certifications, kMaxNameChars, QStringLiteral("/vendor/certifications"));
            list(n.vendor->regions, kMaxNameChars, QStringLiteral("/vendor/regions"));
            text(n.vendor->securityRating, kMaxNameChars, QStringLiteral("/vendor/security_rating"));
        }
    }

    void edge(const Edge &e)
    {
        list(e.categories, kMaxNameChars, QStringLiteral("/categories"));
        list(e.subjects, kMaxNameChars, QStringLiteral("/subjects"));
        text(e.description, kMaxTextChars, QStringLiteral("/description"));
        text(e.source, kMaxTextChars, QStringLiteral("/source"));
    }
};

template <typename Report>
Checker<Report> checker(Report r)
{
    return Checker<Report>{std::move(r)};
}

QString countProblem(const char *what, std::size_t n, qsizetype cap)
{
    return QStringLiteral("the model has %1 %2; VendorGraph opens models of up to %3 %2")
        .arg(number(qint64(n)), QLatin1StringView(what), number(cap));
}

} // namespace

std::vector<Problem> limitProblems(const Model &m)
{
    std::vector<Problem> out;
    if (m.nodes.size() > std::size_t(kMaxNodes))
        out.push_back({QStringLiteral("/nodes"), countProblem("nodes", m.nodes.size(), kMaxNodes)});
    if (m.edges.size() > std::size_t(kMaxEdges))
        out.push_back({QStringLiteral("/edges"), countProblem("edges", m.edges.size(), kMaxEdges)});
    if (m.categories.size() > std::size_t(kMaxModelCategories))
        out.push_back({QStringLiteral("/categories"),
                       countProblem("categories of its own", m.categories.size(), kMaxModelCategories)});
    if (m.scenarios.size() > std::size_t(kMaxScenarios))
        out.push_back({QStringLiteral("/scenarios"),
                       countProblem("saved scenarios", m.scenarios.size(), kMaxScenarios)});
    if (!out.empty())
        return out;
    QString prefix;
    auto c = checker([&](const QString &path, const QString &what) { out.push_back({prefix + path, what}); });
    c.text(m.name, kMaxNameChars, QStringLiteral("/name"));
    if (m.organization) {
        c.text(m.organization->name, kMaxNameChars, QStringLiteral("/organization/name"));
        c.list(m.organization->regions, kMaxNameChars, QStringLiteral("/organization/regions"));
        c.list(m.organization->sectors, kMaxNameChars, QStringLiteral("/organization/sectors"));
    }
    for (std::size_t i = 0; i < m.categories.size(); ++i) {
        const CategoryDef &cat = m.categories[i];
        prefix = QStringLiteral("/categories/%1").arg(i);
        if (cat.name)
            c.text(*cat.name, kMaxNameChars, QStringLiteral("/name"));
        if (cat.flags)
            c.list(*cat.flags, kMaxNameChars, QStringLiteral("/flags"));
    }
    for (std::size_t i = 0; i < m.nodes.size(); ++i) {
        prefix = QStringLiteral("/nodes/%1").arg(i);
        c.node(m.nodes[i]);
    }
    for (std::size_t i = 0; i < m.edges.size(); ++i) {
        prefix = QStringLiteral("/edges/%1").arg(i);
        c.edge(m.edges[i]);
    }
    for (std::size_t i = 0; i < m.scenarios.size(); ++i) {
        prefix = QStringLiteral("/scenarios/%1").arg(i);
        c.list(m.scenarios[i].breach, kMaxNameChars, QStringLiteral("/breach"));
        c.list(m.scenarios[i].control, kMaxNameChars, QStringLiteral("/control"));
    }
    return out;
}

QString nodeLimitProblem(const Node &node)
{
    QString first;
    auto c = checker([&](const QString &path, const QString &what) {
        if (first.isEmpty())
            first = path.mid(1) + QStringLiteral(": ") + what;
    });
    c.node(node);
    return first;
}

QString edgeLimitProblem(const Edge &edge)
{
    QString first;
    auto c = checker([&](const QString &path, const QString &what) {
        if (first.isEmpty())
            first = path.mid(1) + QStringLiteral(": ") + what;
    });
    c.edge(edge);
    return first;
}

} // namespace vg
