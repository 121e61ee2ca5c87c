// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/hostile/hostilemodels.h"

#include "model/io/generator.h"

#include <algorithm>

namespace vg::test {

namespace {

Node node(const QString &id, NodeKind kind, const QString &name = {})
{
    Node n;
    n.id = id;
    n.kind = kind;
    n.name = name.isEmpty() ? id : name;
    return n;
}

Edge edge(const QString &id, const QString &from, const QString &to, EdgeKind kind, QStringList categories = {})
{
    Edge e;
    e.id = id;
    e.from = from;
    e.to = to;
    e.kind = kind;
    e.categories = std::move(categories);
    return e;
}

int scaled(int n, double scale) { return std::max(10, int(n * scale)); }

} // namespace

std::vector<HostileShape> hostileShapes(double scale)
{
    std::vector<HostileShape> out;
    {
        const int hops = scaled(12000, scale);
        HostileShape s{QStringLiteral("chain"), QStringLiteral("a %1-hop chain").arg(hops), {}, QStringLiteral("n0")};
        Model &m = s.model;
        m.name = QStringLiteral("A long chain");
        m.nodes.push_back(node(QStringLiteral("people"), NodeKind::People));
        m.nodes.back().count = 1000;
        m.nodes.push_back(node(QStringLiteral("n0"), NodeKind::Vendor));
        for (int i = 1; i <= hops; ++i) {
            m.nodes.push_back(node(QStringLiteral("n%1").arg(i), NodeKind::Service));
            if (i % 100 == 0)
                m.nodes.back().stores.push_back(StoredData{QStringLiteral("ID.NAME"), 1000, {}, {}, {}});
        }
        for (int i = 0; i < hops; ++i)
            m.edges.push_back(edge(QStringLiteral("h%1").arg(i), QStringLiteral("n%1").arg(i),
                                   QStringLiteral("n%1").arg(i + 1), EdgeKind::Hosts));
        m.edges.push_back(edge(QStringLiteral("d0"), QStringLiteral("people"), QStringLiteral("n1"), EdgeKind::Data,
                               {QStringLiteral("ID.NAME"), QStringLiteral("CONTACT.EMAIL")}));
        out.push_back(std::move(s));
    }
    {
        const int leaves = scaled(100000, scale);
        HostileShape s{
            QStringLiteral("star"), QStringLiteral("a star of %1 leaves").arg(leaves), {}, QStringLiteral("leaf0")};
        Model &m = s.model;
        m.name = QStringLiteral("A star");
        m.nodes.push_back(node(QStringLiteral("people"), NodeKind::People));
        m.nodes.back().count = 5'000'000;
        m.nodes.push_back(node(QStringLiteral("hub"), NodeKind::Service));
        m.edges.push_back(edge(QStringLiteral("in"), QStringLiteral("people"), QStringLiteral("hub"), EdgeKind::Data,
                               {QStringLiteral("ID.NAME"), QStringLiteral("CONTACT.EMAIL")}));
        for (int i = 0; i < leaves; ++i) {
            const QString leaf = QStringLiteral("leaf%1").arg(i);
            m.nodes.push_back(node(leaf, NodeKind::Vendor));
            m.edges.push_back(edge(QStringLiteral("d%1").arg(i), QStringLiteral("hub"), leaf, EdgeKind::Data,
                                   {QStringLiteral("ID.NAME")}));
            m.edges.push_back(edge(QStringLiteral("c%1").arg(i), leaf, QStringLiteral("hub"), EdgeKind::Code));
        }
        out.push_back(std::move(s));
    }
    {
        GeneratorParams g;
        g.people = 10;
        g.services = scaled(100000, scale);
        g.vendors = scaled(1000000, scale) - g.services - g.people;
        g.edges = scaled(1000000, scale);
        g.seed = 3;
        HostileShape s{QStringLiteral("million-nodes"),
                       QStringLiteral("%1 nodes and %2 edges").arg(g.people + g.services + g.vendors).arg(g.edges),
                       generateModel(g),
                       {}};
        for (const Node &n : s.model.nodes)
            if (n.kind == NodeKind::Vendor) {
                s.seedNode = n.id;
                break;
            }
        out.push_back(std::move(s));
    }
    {
        const int count = 10000; // the cap whatever the scale: that is the point
        HostileShape s{QStringLiteral("categories"),
                       QStringLiteral("%1 categories of its own").arg(count),
                       {},
                       QStringLiteral("v")};
        Model &m = s.model;
        m.name = QStringLiteral("Many categories");
        m.nodes.push_back(node(QStringLiteral("people"), NodeKind::People));
        m.nodes.back().count = 1000;
        m.nodes.push_back(node(QStringLiteral("svc"), NodeKind::Service));
        m.nodes.push_back(node(QStringLiteral("v"), NodeKind::Vendor));
        m.edges.push_back(edge(QStringLiteral("code"), QStringLiteral("v"), QStringLiteral("svc"), EdgeKind::Code));
        for (int i = 0; i < count; ++i) {
            const QString id = QStringLiteral("X.C%1").arg(i);
            CategoryDef c;
            c.id = id;
            c.name = QStringLiteral("Category %1").arg(i);
            c.tier = 1 + i % 4;
            m.categories.push_back(c);
            m.edges.push_back(edge(QStringLiteral("e%1").arg(i),
                                   i % 2 ? QStringLiteral("people") : QStringLiteral("svc"),
                                   i % 2 ? QStringLiteral("svc") : QStringLiteral("v"), EdgeKind::Data, {id}));
        }
        out.push_back(std::move(s));
    }
    return out;
}

QByteArray hostileCategoriesJson(int count)
{
    QByteArray out = "{\"format\": \"vendorgraph\", \"version\": 1, \"name\": \"A million categories\",\n"
                     "\"categories\": [\n";
    out.reserve(out.size() + qsizetype(count) * 48);
    for (int i = 0; i < count; ++i) {
        out +=
            "{\"id\": \"X.C" + QByteArray::number(i) + "\", \"name\": \"C" + QByteArray::number(i) + "\", \"tier\": 3}";
        out += i + 1 < count ? ",\n" : "\n";
    }
    out += "],\n\"nodes\": [{\"id\": \"v\", \"kind\": \"vendor\"}], \"edges\": []}\n";
    return out;
}

} // namespace vg::test
