// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/document/itemvalidation.h"

#include "model/document/document.h"
#include "model/domain/validate.h"

namespace vg {

namespace {

// Keeps the problems about the item at `prefix` ("/nodes/0"), relative to it.
std::vector<Problem> relative(std::vector<Problem> problems, const QString &prefix)
{
    std::vector<Problem> out;
    for (Problem &p : problems)
        if (p.where == prefix || p.where.startsWith(prefix + QLatin1Char('/'))) {
            p.where = p.where.mid(prefix.size());
            out.push_back(std::move(p));
        }
    return out;
}

// Adds the nodes an item refers to (its ends, subjects and key holders) from the document.
void addReferenced(Model &m, const Document &doc, const QStringList &ids)
{
    for (const QString &id : ids) {
        if (std::any_of(m.nodes.begin(), m.nodes.end(), [&](const Node &x) { return x.id == id; }))
            continue;
        if (const Node *n = doc.store().findNode(id))
            m.nodes.push_back(*n);
    }
}

QStringList references(const std::vector<StoredData> &stores)
{
    QStringList out;
    for (const StoredData &s : stores) {
        out += s.subjects;
        if (!s.keyHolder.isEmpty())
            out << s.keyHolder;
    }
    return out;
}

} // namespace

std::vector<Problem> validateNodeEdit(const Document &doc, const QString &oldId, const Node &node)
{
    Model m;
    m.categories = doc.categories();
    m.nodes.push_back(node);
    QStringList refs = references(node.stores);
    refs.removeAll(node.id);
    addReferenced(m, doc, refs);
    std::vector<Problem> out = relative(validateModel(m), QStringLiteral("/nodes/0"));
    if (node.id != oldId && doc.store().node(node.id) != GraphStore::None)
        out.push_back({QStringLiteral("/id"), QStringLiteral("\"%1\" is already the id of another node").arg(node.id)});
    return out;
}

std::vector<Problem> validateEdgeEdit(const Document &doc, const QString &oldId, const Edge &edge)
{
    Model m;
    m.categories = doc.categories();
    QStringList refs{edge.from, edge.to};
    refs += edge.subjects;
    if (!edge.keyHolder.isEmpty())
        refs << edge.keyHolder;
    addReferenced(m, doc, refs);
    m.edges.push_back(edge);
    std::vector<Problem> out = relative(validateModel(m), QStringLiteral("/edges/0"));
    if (edge.id != oldId && doc.store().edge(edge.id) != GraphStore::None)
        out.push_back({QStringLiteral("/id"), QStringLiteral("\"%1\" is already the id of another edge").arg(edge.id)});
    return out;
}

} // namespace vg
