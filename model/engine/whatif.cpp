// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/engineimpl.h"

#include <QSet>

namespace vg {

Expected<WhatIf> whatIfRemove(const Model &model, const QString &vendorId)
{
    const auto it =
        std::find_if(model.nodes.begin(), model.nodes.end(), [&](const Node &n) { return n.id == vendorId; });
    if (it == model.nodes.end() || it->kind != NodeKind::Vendor)
        return Error(QString(), QStringLiteral("\"%1\" is not a vendor in the model").arg(vendorId));
    Model after = model;
    after.nodes.erase(after.nodes.begin() + (it - model.nodes.begin()));
    after.edges.erase(std::remove_if(after.edges.begin(), after.edges.end(),
                                     [&](const Edge &e) { return e.from == vendorId || e.to == vendorId; }),
                      after.edges.end());
    after.layout.remove(vendorId);

    auto vendorHeld = [](const Model &m) {
        QHash<QString, NodeKind> kinds;
        for (const Node &n : m.nodes)
            kinds.insert(n.id, n.kind);
        QSet<QString> out;
        for (const Edge &e : m.edges)
            if (e.kind == EdgeKind::Data && kinds.value(e.to) == NodeKind::Vendor)
                for (const QString &c : e.categories)
                    out.insert(c);
        for (const Node &n : m.nodes)
            if (n.kind == NodeKind::Vendor)
                for (const StoredData &s : n.stores)
                    out.insert(s.category);
        return out;
    };
    WhatIf w;
    w.removed = vendorId;
    const QSet<QString> lost = vendorHeld(model) - vendorHeld(after);
    w.categoriesNoLongerHeldByVendors = QStringList(lost.begin(), lost.end());
    w.categoriesNoLongerHeldByVendors.sort();
    QHash<QString, NodeKind> kinds;
    for (const Node &n : model.nodes)
        kinds.insert(n.id, n.kind);
    for (const Edge &e : model.edges) {
        if (e.kind == EdgeKind::Access || (e.from != vendorId && e.to != vendorId))
            continue;
        const QString other = e.from == vendorId ? e.to : e.from;
        if (kinds.value(other) != NodeKind::Service)
            continue;
        QStringList &k = w.servicesLosingEdges[other];
        if (!k.contains(toString(e.kind)))
            k << toString(e.kind);
        k.sort();
    }
    auto top = [](const Model &m) {
        std::vector<VendorRank> r = BlastRadiusEngine(m).rank(true, true);
        if (r.size() > 10)
            r.resize(10);
        return r;
    };
    w.topBefore = top(model);
    w.topAfter = top(after);
    return w;
}

} // namespace vg
