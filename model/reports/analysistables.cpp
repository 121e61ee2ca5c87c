// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/reports/analysistables.h"

#include "model/reports/format.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace vg {

namespace {

QString statusWord(ObligationStatus s)
{
    switch (s) {
    case ObligationStatus::Likely: return QObject::tr("likely");
    case ObligationStatus::Assess: return QObject::tr("assess");
    case ObligationStatus::NotTriggered: break;
    }
    return QObject::tr("not triggered");
}

} // namespace

Table obligationsTable(const BlastRadius &r)
{
    Table t;
    t.headers = {QObject::tr("Regime"), QObject::tr("Status"), QObject::tr("Deadline"), QObject::tr("Recipient"),
                 QObject::tr("Reason")};
    std::vector<const Obligation *> order;
    for (const Obligation &o : r.obligations())
        order.push_back(&o);
    std::stable_sort(order.begin(), order.end(),
                     [](const Obligation *a, const Obligation *b) { return int(a->status) < int(b->status); });
    for (const Obligation *o : order) {
        t.rowIds << o->regime;
        t.rows.push_back({o->name, statusWord(o->status), o->deadline, o->recipient, o->reason});
        t.notes.push_back({o->source, o->reason, o->deadline, o->recipient, o->reason});
    }
    return t;
}

Table populationsTable(const BlastRadius &r, const Model &model)
{
    Table t;
    t.headers = {QObject::tr("Population"), QObject::tr("People"), QObject::tr("Regions"), QObject::tr("Exposed"),
                 QObject::tr("Tier 1")};
    QHash<QString, const Node *> nodes;
    for (const Node &n : model.nodes)
        nodes.insert(n.id, &n);
    QMap<QString, QStringList> cats, tier1;
    for (const ExposedCategory &c : r.exposed())
        for (const QString &o : c.origins) {
            cats[o] << c.category;
            if (c.tier == 1)
                tier1[o] << c.category;
        }
    for (auto it = cats.cbegin(); it != cats.cend(); ++it) {
        const Node *n = nodes.value(it.key());
        t.rowIds << it.key();
        t.rows.push_back({n && !n->name.isEmpty() ? n->name : it.key(),
                          n && n->count ? QVariant(*n->count) : QVariant(), n ? n->regions.join(u", ") : QString(),
                          it->join(u", "), tier1.value(it.key()).join(u", ")});
    }
    return t;
}

Table categoryMatrix(const BlastRadius &r, const Model &)
{
    Table t;
    t.headers << QObject::tr("Holder");
    t.columnKeys << QString();
    QHash<QString, const ReachedNode *> reached;
    for (const ReachedNode &n : r.nodes())
        reached.insert(n.id, &n);
    QSet<QString> held;
    std::vector<QSet<QString>> holdersOf;
    for (const ExposedCategory &c : r.exposed()) {
        t.headers << QStringLiteral("T%1 %2").arg(c.tier).arg(c.category);
        t.columnKeys << c.category;
        const QStringList h = r.holders(c.category);
        holdersOf.emplace_back(h.begin(), h.end());
        held.unite(holdersOf.back());
    }
    QStringList holders(held.begin(), held.end());
    holders.sort();
    for (const QString &h : holders) {
        std::vector<QVariant> row{h};
        std::vector<QString> notes{h};
        const ReachedNode *rn = reached.value(h);
        std::size_t k = 0;
        for (const ExposedCategory &c : r.exposed()) {
            if (!holdersOf[k++].contains(h)) {
                row.emplace_back();
                notes.emplace_back();
                continue;
            }
            int code = EncryptedOnly;
            if (!c.encrypted)
                code = rn && rn->certainty == Certainty::Potential ? PotentialPlain : DirectPlain;
            row.emplace_back(code);
            notes.push_back(QObject::tr("%1 at %2: %3")
                                .arg(c.category, h,
                                     code == EncryptedOnly     ? QObject::tr("encrypted")
                                         : code == DirectPlain ? QObject::tr("direct, plaintext")
                                                               : QObject::tr("potential, plaintext")));
        }
        t.rowIds << h;
        t.rows.push_back(std::move(row));
        t.notes.push_back(std::move(notes));
    }
    return t;
}

Table notExposedTable(const BlastRadius &r, const Model &model, const Taxonomy &taxonomy)
{
    Table t;
    t.headers = {QObject::tr("Category"), QObject::tr("Name"), QObject::tr("Tier"), QObject::tr("Held at")};
    QSet<QString> exposed;
    for (const ExposedCategory &c : r.exposed())
        exposed.insert(c.category);
    QMap<QString, QSet<QString>> heldAt;
    for (const Edge &e : model.edges)
        for (const QString &c : e.categories)
            heldAt[c].insert(e.to);
    for (const Node &n : model.nodes)
        for (const StoredData &s : n.stores)
            heldAt[s.category].insert(n.id);
    for (auto it = heldAt.cbegin(); it != heldAt.cend(); ++it) {
        if (exposed.contains(it.key()))
            continue;
        const Category *c = taxonomy.find(it.key());
        QStringList where(it->begin(), it->end());
        where.sort();
        const QString shown = where.size() > 6
            ? QObject::tr("%1 and %2 more").arg(where.mid(0, 6).join(u", ")).arg(where.size() - 6)
            : where.join(u", ");
        t.rowIds << it.key();
        t.rows.push_back({it.key(), c ? c->name : QString(), c ? QVariant(c->tier) : QVariant(), shown});
        t.notes.push_back({QString(), c ? c->note : QString(), QString(), where.join(u", ")});
    }
    return t;
}

Table concentrationTable(const std::vector<SharedSubprocessor> &subs)
{
    Table t;
    t.headers = {QObject::tr("Fourth party"), QObject::tr("Vendors"), QObject::tr("Categories reaching it"),
                 QObject::tr("Weight"), QObject::tr("Score")};
    for (const SharedSubprocessor &s : subs) {
        t.rowIds << s.id;
        t.rows.push_back(
            {s.name.isEmpty() ? s.id : s.name, s.vendors.join(u", "), s.categories.join(u", "), s.weight, s.score});
    }
    return t;
}

QString explainReached(const BlastRadius &r, const Model &model, const QString &nodeId)
{
    const auto &nodes = r.nodes();
    const auto it = std::lower_bound(nodes.begin(), nodes.end(), nodeId,
                                     [](const ReachedNode &n, const QString &id) { return n.id < id; });
    if (it == nodes.end() || it->id != nodeId)
        return QObject::tr("%1 is not reached in this scenario.").arg(nodeId);
    const ReachedNode &n = *it;
    QString head = QObject::tr("%1 is %2, %3").arg(n.id, toString(n.state), toString(n.certainty));
    if (n.hops == 0)
        return head + QObject::tr(": it is a seed of the scenario.");
    if (!n.pivot.isEmpty())
        head += QObject::tr(": %1").arg(n.pivot);
    if (n.tenant)
        head += QObject::tr(" (our account at this vendor, not its platform)");
    if (n.escalation)
        head += QObject::tr("; it could be %1 only potentially").arg(toString(*n.escalation));
    QHash<QString, const Edge *> edges;
    for (const Edge &e : model.edges)
        edges.insert(e.id, &e);
    QStringList hops;
    for (const QString &id : r.path(nodeId)) {
        const Edge *e = edges.value(id);
        if (!e)
            continue;
        QString detail;
        switch (e->kind) {
        case EdgeKind::Hosts: detail = QObject::tr("hosts"); break;
        case EdgeKind::Code: detail = QObject::tr("code runs in"); break;
        case EdgeKind::Access:
            detail = QObject::tr("%1 credential%2 for")
                         .arg(toString(e->scope), e->stored ? QObject::tr(" stored at the source") : QString());
            break;
        case EdgeKind::Data: detail = QObject::tr("data"); break;
        }
        hops << QObject::tr("%1 —%2 (%3)→ %4").arg(e->from, detail, e->id, e->to);
    }
    return head + QStringLiteral(".\n") + QObject::tr("Path (%n hop(s)):", nullptr, int(hops.size()))
        + QStringLiteral("\n  ") + hops.join(QStringLiteral("\n  "));
}

} // namespace vg
