// SPDX-License-Identifier: GPL-3.0-or-later
// Nodes: matching by id or name, uncertain matches, merging a record into a node.
#include "model/io/importplannerimpl.h"

#include <algorithm>

namespace vg {

ImportPlanner::Impl::Resolution ImportPlanner::Impl::resolveByName(const NodeInput &in, std::optional<NodeKind> kind,
                                                                   bool onlyExisting)
{
    Resolution r;
    const auto usable = [&](int scope) {
        return !onlyExisting && (in.matchWithinScope || scope != in.scope || in.scope < 0);
    };
    auto kindOf = [&](int h) { return nodeById(idOfHandle(h))->kind; };
    std::vector<int> same, other;
    for (const int h : exactNames(in.name, usable))
        (!kind || kindOf(h) == *kind ? same : other).push_back(h);
    std::vector<MatchCandidate> candidates;
    auto candidate = [&](int h, const QString &reason) {
        const Node *n = nodeById(idOfHandle(h));
        candidates.push_back({n->id, n->name, reason});
    };
    if (same.size() == 1 && !onlyExisting) {
        r.target = same[0] >= 0 ? Target::Existing : Target::Added;
        r.index = same[0] >= 0 ? same[0] : -same[0] - 1;
        r.basis = MatchBasis::Name;
        return r;
    }
    if (same.size() == 1 && onlyExisting) {
        candidate(same[0], QStringLiteral("the same name, under another id"));
    } else if (same.size() > 1) {
        for (const int h : same)
            candidate(h, QStringLiteral("the same name (%1 nodes have it)").arg(same.size()));
    } else if (!other.empty()) {
        for (const int h : other)
            candidate(h, QStringLiteral("the same name, but a %1 in the model").arg(describe(kindOf(h))));
    } else if (!onlyExisting) {
        for (const NearMatch &m : nearNames(in.name, usable))
            if (!kind || kindOf(m.handle) == *kind)
                candidate(m.handle, m.reason);
    }
    if (candidates.empty())
        return r; // new
    UncertainMatch u;
    u.key = nameKey(in.name) + (kind ? QLatin1Char('|') + toString(*kind) : QString());
    u.importedName = in.name;
    u.candidates = candidates;
    u.at = in.at;
    QString chosen;
    if (auto d = opt.decisions.constFind(u.key); d != opt.decisions.cend()) {
        u.decided = true;
        chosen = *d;
        if (!chosen.isEmpty() && !nodeById(chosen)) {
            r.error = QStringLiteral("the decision for \"%1\" names \"%2\", which is not a node")
                          .arg(in.name.left(100), chosen.left(100));
            return r;
        }
    } else if (opt.uncertain == UncertainPolicy::Merge) {
        chosen = candidates.front().id;
    }
    if (!chosen.isEmpty()) {
        u.merged = true;
        if (auto a = addedNode.constFind(chosen); a != addedNode.cend()) {
            r.target = Target::Added;
            r.index = *a;
        } else {
            r.target = Target::Existing;
            r.index = existingNode.value(chosen);
        }
        r.basis = MatchBasis::Decision;
    }
    r.uncertain = std::move(u);
    return r;
}

std::optional<QPointF> ImportPlanner::Impl::positionOf(const NodeRecord &rec, const std::optional<QPointF> &drawn,
                                                       QString *error)
{
    if (rec.x.has_value() != rec.y.has_value()) {
        *error = QStringLiteral("a position needs both x and y");
        return std::nullopt;
    }
    const auto close = [](QPointF a, QPointF b) {
        return std::abs(a.x() - b.x()) <= 0.5 && std::abs(a.y() - b.y()) <= 0.5;
    };
    if (rec.x) {
        const QPointF xy(*rec.x, *rec.y);
        return drawn && !close(xy, *drawn) ? drawn : std::optional<QPointF>(xy); // moved in yEd: the drawing wins
    }
    if (drawn && rec.autoPosition && close(*drawn, *rec.autoPosition))
        return std::nullopt; // the stand-in position of a node that had none
    return drawn;
}

QStringList ImportPlanner::Impl::changedNodeFields(const Node &before, const Node &after,
                                                   const std::optional<QPointF> &oldPos,
                                                   const std::optional<QPointF> &newPos) const
{
    QStringList changed;
    for (const NodeField &f : nodeFields()) {
        if (f.formats == InGraphml || qstrcmp(f.name, "x") == 0 || qstrcmp(f.name, "y") == 0)
            continue;
        if (f.get(before, nullptr) != f.get(after, nullptr))
            changed << QString::fromLatin1(f.name);
    }
    if (before.kind == after.kind && before.vendor.has_value() != after.vendor.has_value())
        changed << QStringLiteral("vendor");
    QStringList keys = before.attributes.keys() + after.attributes.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const QString &k : keys)
        if (before.attributes.value(k, QStringLiteral("\x01")) != after.attributes.value(k, QStringLiteral("\x01")))
            changed << kAttributePrefix + k;
    if (newPos && newPos != oldPos)
        changed << QStringLiteral("position");
    return changed;
}

// Maps one node record onto the plan. Returns the node's final id, or a null string when
// the record is rejected (the reason is in the plan).
QString ImportPlanner::Impl::intakeNode(const NodeInput &in)
{
    std::optional<NodeKind> kind;
    if (!in.kindText.isEmpty()) {
        const QString w = normaliseWord(in.kindText);
        for (auto it = opt.kindValues.cbegin(); it != opt.kindValues.cend() && !kind; ++it)
            if (normaliseWord(it.key()) == w)
                kind = *it;
        if (!kind)
            kind = parseNodeKind(in.kindText);
        if (!kind) {
            reject(in.at,
                   QStringLiteral("kind: \"%1\" is not a node kind; expected people, service or vendor "
                                  "(or map it with a kind value)")
                       .arg(in.kindText.left(100)));
            return {};
        }
    } else if (in.kindGivenByCaller) {
        kind = in.defaultKind;
    }
    if (in.rawId.isEmpty() && in.name.isEmpty()) {
        reject(in.at, QStringLiteral("no id and no name; expected an id or a name for the node"));
        return {};
    }

    Resolution res;
    const bool keyed = in.idIsKey && isValidId(in.rawId);
    if (keyed) {
        if (addedNode.contains(in.rawId)) {
            reject(in.at,
                   QStringLiteral("duplicate node id \"%1\" (also at %2)")
                       .arg(in.rawId, plan.addedNodes[std::size_t(addedNode.value(in.rawId))].at.toString()));
            return {};
        }
        if (auto e = existingNode.constFind(in.rawId); e != existingNode.cend()) {
            if (auto m = matchedNode.constFind(*e); m != matchedNode.cend()) {
                reject(in.at,
                       QStringLiteral("duplicate node id \"%1\" (also at %2)")
                           .arg(in.rawId, plan.matchedNodes[std::size_t(*m)].at.toString()));
                return {};
            }
            res.target = Target::Existing;
            res.index = *e;
        } else if (!in.name.isEmpty() && !existing.nodes.empty()) {
            res = resolveByName(in, kind, true); // the same name under another id: ask
        }
    } else {
        if (in.idIsKey && !in.rawId.isEmpty())
            note(in.at,
                 QStringLiteral("\"%1\" is not a valid id; the node is matched by its name").arg(in.rawId.left(100)));
        res = resolveByName(in, kind, false);
    }
    if (!res.error.isEmpty()) {
        reject(in.at, res.error);
        return {};
    }

    NodeRecord rec;
    const Node *base = nullptr;
    if (res.target == Target::Existing) {
        base = &existing.nodes[std::size_t(res.index)];
        if (auto m = matchedNode.constFind(res.index); m != matchedNode.cend())
            rec.node = plan.matchedNodes[std::size_t(*m)].updated;
        else
            rec.node = *base;
    } else if (res.target == Target::Added) {
        rec.node = plan.addedNodes[std::size_t(res.index)].node;
    } else {
        rec.node.id = keyed ? in.rawId : uniqueNodeId(slug(in.name.isEmpty() ? in.rawId : in.name));
        rec.node.kind = kind.value_or(in.defaultKind);
    }
    if (kind && *kind != rec.node.kind && !in.kindGivenByCaller) {
        reject(in.at,
               QStringLiteral("\"%1\" is a %2 in the model; this record says %3")
                   .arg(rec.node.id, describe(rec.node.kind), describe(*kind)));
        return {};
    }
    for (const auto &[field, text] : in.fields) {
        if (in.fieldsOnlyIfNew && res.target != Target::New)
            break;
        const NodeField &f = nodeFields()[std::size_t(field)];
        const QString error = f.set(rec, text, ctx);
        if (!error.isEmpty()) {
            reject(in.at, QStringLiteral("%1: %2").arg(QLatin1StringView(f.name), error));
            return {};
        }
    }
    for (const auto &[key, value] : in.attributes)
        rec.node.attributes.insert(key, value);
    QString error;
    const std::optional<QPointF> pos = positionOf(rec, in.drawn, &error);
    if (!error.isEmpty()) {
        reject(in.at, error);
        return {};
    }
    if (const QString cap = nodeLimitProblem(rec.node); !cap.isEmpty()) {
        reject(in.at, cap);
        return {};
    }

    const QString id = rec.node.id;
    switch (res.target) {
    case Target::New:
        addedNode.insert(id, int(plan.addedNodes.size()));
        addedNames[in.scope].add(-int(plan.addedNodes.size()) - 1, rec.node.name);
        plan.addedNodes.push_back({std::move(rec.node), pos, in.at});
        break;
    case Target::Added: {
        ImportedNode &a = plan.addedNodes[std::size_t(res.index)];
        a.node = std::move(rec.node);
        if (pos)
            a.position = pos;
        break;
    }
    case Target::Existing: {
        MatchedNode m;
        m.existingId = base->id;
        m.importedName = in.name;
        m.basis = res.basis;
        m.at = in.at;
        m.position = pos
            ? pos
            : (matchedNode.contains(res.index) ? plan.matchedNodes[std::size_t(matchedNode.value(res.index))].position
                                               : std::nullopt);
        const std::optional<QPointF> before =
            existing.layout.contains(base->id) ? std::optional<QPointF>(existing.layout.value(base->id)) : std::nullopt;
        m.changedFields = changedNodeFields(*base, rec.node, before, m.position);
        m.updated = std::move(rec.node);
        if (auto it = matchedNode.constFind(res.index); it != matchedNode.cend()) {
            m.at = plan.matchedNodes[std::size_t(*it)].at;
            plan.matchedNodes[std::size_t(*it)] = std::move(m);
        } else {
            matchedNode.insert(res.index, int(plan.matchedNodes.size()));
            plan.matchedNodes.push_back(std::move(m));
        }
        break;
    }
    }
    if (res.uncertain) {
        res.uncertain->resolvedId = id;
        plan.uncertain.push_back(std::move(*res.uncertain));
    }
    if (in.scope >= 0 && !in.rawId.isEmpty())
        rawIds[std::size_t(in.scope)].insert(in.rawId, id);
    return id;
}

// Adds to a node that the import already placed (added or matched).
void ImportPlanner::Impl::augmentNode(const QString &id, const std::function<void(Node &)> &change)
{
    if (auto a = addedNode.constFind(id); a != addedNode.cend()) {
        change(plan.addedNodes[std::size_t(*a)].node);
        return;
    }
    const int e = existingNode.value(id, -1);
    if (e < 0)
        return;
    if (!matchedNode.contains(e)) {
        MatchedNode m;
        m.existingId = id;
        m.importedName = existing.nodes[std::size_t(e)].name;
        m.basis = MatchBasis::Name;
        m.updated = existing.nodes[std::size_t(e)];
        matchedNode.insert(e, int(plan.matchedNodes.size()));
        plan.matchedNodes.push_back(std::move(m));
    }
    MatchedNode &m = plan.matchedNodes[std::size_t(matchedNode.value(e))];
    change(m.updated);
    const std::optional<QPointF> before =
        existing.layout.contains(id) ? std::optional<QPointF>(existing.layout.value(id)) : std::nullopt;
    m.changedFields = changedNodeFields(existing.nodes[std::size_t(e)], m.updated, before, m.position);
}

} // namespace vg
