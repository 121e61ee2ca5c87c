// SPDX-License-Identifier: GPL-3.0-or-later
// Edges: resolving ends, matching by id or ends, and categories inherited down sub-processor chains.
#include "model/io/importplannerimpl.h"

#include <algorithm>

namespace vg {

QString ImportPlanner::Impl::resolveRef(const EdgeInput &in, const QString &ref, QString *error)
{
    if (in.scope >= 0)
        if (auto it = rawIds[std::size_t(in.scope)].constFind(ref); it != rawIds[std::size_t(in.scope)].cend())
            return *it;
    if (in.refsMayBeNames || in.scope < 0)
        if (nodeById(ref))
            return ref;
    if (in.refsMayBeNames) {
        const QList<int> byName = exactNames(ref, [](int) { return true; });
        if (byName.size() == 1)
            return idOfHandle(byName[0]);
        if (byName.size() > 1) {
            QStringList ids;
            for (const int h : byName)
                ids << idOfHandle(h);
            *error = QStringLiteral("%1 nodes are named \"%2\" (%3); expected an id")
                         .arg(byName.size())
                         .arg(ref.left(100), ids.join(QStringLiteral(", ")).left(200));
            return {};
        }
    }
    *error = in.refsMayBeNames
        ? QStringLiteral("unknown node \"%1\"; expected the id or name of a node in the model or the import "
                         "(was its row rejected?)")
              .arg(ref.left(100))
        : QStringLiteral("unknown node \"%1\"; expected a node of the same file (was it rejected, or is it a "
                         "group?)")
              .arg(ref.left(100));
    return {};
}

int ImportPlanner::Impl::existingEdgeByEnds(const QString &key)
{
    if (!existingTriples) {
        existingTriples.emplace();
        for (int i = 0; i < int(existing.edges.size()); ++i) {
            const Edge &e = existing.edges[std::size_t(i)];
            const QString k = tripleKey(e.from, e.to, e.kind);
            if (!existingTriples->contains(k))
                existingTriples->insert(k, i);
        }
    }
    return existingTriples->value(key, -1);
}

QStringList ImportPlanner::Impl::changedEdgeFields(const Edge &before, const Edge &after) const
{
    QStringList changed;
    for (const EdgeField &f : edgeFields())
        if (f.get(before) != f.get(after))
            changed << QString::fromLatin1(f.name);
    return changed;
}

// Maps one edge record onto the plan; returns false when it is rejected.
bool ImportPlanner::Impl::intakeEdge(const EdgeInput &in)
{
    EdgeRecord rec;
    if (!in.kindText.isEmpty()) {
        const QString error = edgeFields()[std::size_t(edgeFieldIndex("kind"))].set(rec, in.kindText, ctx);
        if (!error.isEmpty()) {
            reject(in.at, QStringLiteral("kind: %1").arg(error));
            return false;
        }
    }
    if (!rec.kindGiven) {
        const int categoriesField = edgeFieldIndex("categories");
        const bool hasCategories =
            std::any_of(in.fields.begin(), in.fields.end(), [&](const auto &f) { return f.first == categoriesField; });
        if (hasCategories || in.deferCategories)
            rec.edge.kind = EdgeKind::Data;
        else if (opt.defaultEdgeKind)
            rec.edge.kind = *opt.defaultEdgeKind;
        else {
            reject(in.at,
                   QStringLiteral("the edge has no kind and no categories; expected a kind (data, "
                                  "access, code, hosts) or data categories, or choose a default edge "
                                  "kind"));
            return false;
        }
    }
    QString error;
    const QString from = resolveRef(in, in.fromRef, &error);
    if (from.isNull()) {
        reject(in.at, QStringLiteral("from: %1").arg(error));
        return false;
    }
    const QString to = resolveRef(in, in.toRef, &error);
    if (to.isNull()) {
        reject(in.at, QStringLiteral("to: %1").arg(error));
        return false;
    }
    if (from == to) {
        reject(in.at, QStringLiteral("an edge cannot lead from \"%1\" to itself").arg(from));
        return false;
    }

    Target target = Target::New;
    int index = -1;
    MatchBasis basis = MatchBasis::Id;
    QString newId;
    const bool keyed = in.idIsKey && isValidId(in.rawId);
    const QString ends = tripleKey(from, to, rec.edge.kind);
    if (keyed) {
        if (addedEdge.contains(in.rawId)) {
            reject(in.at,
                   QStringLiteral("duplicate edge id \"%1\" (also at %2)")
                       .arg(in.rawId, plan.addedEdges[std::size_t(addedEdge.value(in.rawId))].at.toString()));
            return false;
        }
        if (auto e = existingEdge.constFind(in.rawId); e != existingEdge.cend()) {
            if (matchedEdge.contains(*e)) {
                reject(in.at,
                       QStringLiteral("duplicate edge id \"%1\" (also at %2)")
                           .arg(in.rawId, plan.matchedEdges[std::size_t(matchedEdge.value(*e))].at.toString()));
                return false;
            }
            target = Target::Existing;
            index = *e;
        } else {
            newId = in.rawId;
        }
    } else if (const int e = existingEdgeByEnds(ends); e >= 0) {
        target = Target::Existing;
        index = e;
        basis = MatchBasis::Ends;
    } else if (auto a = addedTriples.constFind(ends); a != addedTriples.cend()) {
        target = Target::Added;
        index = *a;
        basis = MatchBasis::Ends;
    } else {
        newId = nextEdgeId();
    }

    const Edge *base = nullptr;
    if (target == Target::Existing) {
        base = &existing.edges[std::size_t(index)];
        rec.edge =
            matchedEdge.contains(index) ? plan.matchedEdges[std::size_t(matchedEdge.value(index))].updated : *base;
        if (rec.kindGiven && rec.edge.kind != base->kind) {
            reject(in.at,
                   QStringLiteral("edge \"%1\" is a %2 edge in the model; this record says %3")
                       .arg(base->id, toString(base->kind), toString(rec.edge.kind)));
            return false;
        }
        rec.edge.from = from;
        rec.edge.to = to;
    } else if (target == Target::Added) {
        rec.edge = plan.addedEdges[std::size_t(index)].edge;
    } else {
        const EdgeKind k = rec.edge.kind;
        rec.edge = Edge();
        rec.edge.id = newId;
        rec.edge.from = from;
        rec.edge.to = to;
        rec.edge.kind = k;
    }
    const QStringList before = rec.edge.categories;
    const QString descriptionBefore = rec.edge.description;
    for (const auto &[field, text] : in.fields) {
        const EdgeField &f = edgeFields()[std::size_t(field)];
        const QString e = f.set(rec, text, ctx);
        if (!e.isEmpty()) {
            reject(in.at, QStringLiteral("%1: %2").arg(QLatin1StringView(f.name), e));
            return false;
        }
    }
    if (basis == MatchBasis::Ends) { // the same flow seen again: it carries both sets of categories
        QStringList merged = before;
        for (const QString &c : rec.edge.categories)
            if (!merged.contains(c))
                merged << c;
        rec.edge.categories = merged;
        if (in.appendDescription && !descriptionBefore.isEmpty() && rec.edge.description != descriptionBefore
            && !descriptionBefore.split(QStringLiteral("; ")).contains(rec.edge.description))
            rec.edge.description = descriptionBefore + QStringLiteral("; ") + rec.edge.description;
    }
    if (!in.idIsKey && rec.edge.description.isEmpty() && !in.label.isEmpty())
        rec.edge.description = in.label;
    if (rec.edge.kind == EdgeKind::Data && rec.edge.categories.isEmpty() && !in.deferCategories) {
        reject(in.at,
               QStringLiteral("a data edge needs at least one category; expected data categories (ids "
                              "such as CONTACT.EMAIL or names, separated by ;)"));
        return false;
    }
    if (const QString cap = edgeLimitProblem(rec.edge); !cap.isEmpty()) {
        reject(in.at, cap);
        return false;
    }

    bool added = true;
    int slot = -1;
    switch (target) {
    case Target::New:
        slot = int(plan.addedEdges.size());
        addedEdge.insert(rec.edge.id, slot);
        if (!addedTriples.contains(ends))
            addedTriples.insert(ends, slot);
        plan.addedEdges.push_back({std::move(rec.edge), in.at});
        break;
    case Target::Added:
        slot = index;
        plan.addedEdges[std::size_t(index)].edge = std::move(rec.edge);
        break;
    case Target::Existing: {
        added = false;
        MatchedEdge m;
        m.existingId = base->id;
        m.basis = basis;
        m.at = in.at;
        m.changedFields = changedEdgeFields(*base, rec.edge);
        m.updated = std::move(rec.edge);
        if (auto it = matchedEdge.constFind(index); it != matchedEdge.cend()) {
            slot = *it;
            m.at = plan.matchedEdges[std::size_t(slot)].at;
            plan.matchedEdges[std::size_t(slot)] = std::move(m);
        } else {
            slot = int(plan.matchedEdges.size());
            matchedEdge.insert(index, slot);
            plan.matchedEdges.push_back(std::move(m));
        }
        break;
    }
    }
    if (in.deferCategories) {
        const bool known = std::any_of(inheriting.begin(), inheriting.end(),
                                       [&](const Inheriting &i) { return i.added == added && i.index == slot; });
        if (!known)
            inheriting.push_back({added, slot});
    }
    return true;
}

// Data edges of sub-processor sheets without categories carry what their vendor
// receives or stores (an upper bound), passed down chains of sub-processors.
void ImportPlanner::Impl::inheritCategories()
{
    if (inheriting.empty())
        return;
    for (int pass = 0; pass < 32; ++pass) {
        QHash<QString, QStringList> inbound; // node id -> categories it receives or stores
        auto addAll = [&](const QString &id, const QStringList &cats) {
            QStringList &l = inbound[id];
            for (const QString &c : cats)
                if (!l.contains(c))
                    l << c;
        };
        for (int i = 0; i < int(existing.edges.size()); ++i) {
            const Edge &e = matchedEdge.contains(i) ? plan.matchedEdges[std::size_t(matchedEdge.value(i))].updated
                                                    : existing.edges[std::size_t(i)];
            if (e.kind == EdgeKind::Data)
                addAll(e.to, e.categories);
        }
        for (const ImportedEdge &a : plan.addedEdges)
            if (a.edge.kind == EdgeKind::Data)
                addAll(a.edge.to, a.edge.categories);
        bool changed = false;
        for (const Inheriting &i : inheriting) {
            Edge &e =
                i.added ? plan.addedEdges[std::size_t(i.index)].edge : plan.matchedEdges[std::size_t(i.index)].updated;
            QStringList cats = inbound.value(e.from);
            if (const Node *v = nodeById(e.from))
                for (const StoredData &s : v->stores)
                    if (!cats.contains(s.category))
                        cats << s.category;
            for (const QString &c : cats)
                if (!e.categories.contains(c)) {
                    e.categories << c;
                    changed = true;
                }
        }
        if (!changed)
            break;
    }
    // Edges still without categories cannot be data edges: leave them out.
    std::vector<bool> drop(plan.addedEdges.size(), false);
    for (const Inheriting &i : inheriting) {
        if (!i.added)
            continue;
        const ImportedEdge &a = plan.addedEdges[std::size_t(i.index)];
        if (!a.edge.categories.isEmpty())
            continue;
        drop[std::size_t(i.index)] = true;
        const Node *v = nodeById(a.edge.from);
        reject(a.at,
               QStringLiteral("no data categories for %1 -> %2: the sheet has no categories column and "
                              "\"%3\" receives and stores no data in the model; add a \"Data categories\" "
                              "column, or model what %3 receives first")
                   .arg(a.edge.from, a.edge.to, v ? v->name : a.edge.from));
    }
    std::vector<ImportedEdge> kept;
    kept.reserve(plan.addedEdges.size());
    for (std::size_t i = 0; i < plan.addedEdges.size(); ++i)
        if (!drop[i])
            kept.push_back(std::move(plan.addedEdges[i]));
    plan.addedEdges = std::move(kept);
    for (MatchedEdge &m : plan.matchedEdges)
        m.changedFields = changedEdgeFields(existing.edges[std::size_t(existingEdge.value(m.existingId))], m.updated);
}

} // namespace vg
