// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/layout/layoutgraph.h"

#include "model/layout/graphvizlayout.h"
#include "model/layout/organiclayout.h"
#include "model/layout/placement.h"
#include "model/layout/tierslayout.h"

#include <QRectF>
#include <QSet>

#include <cmath>

namespace vg {

QString toString(LayoutKind kind)
{
    switch (kind) {
    case LayoutKind::Tiers: return QStringLiteral("tiers");
    case LayoutKind::Layered: return QStringLiteral("layered");
    case LayoutKind::Organic: break;
    }
    return QStringLiteral("organic");
}

Error layoutCancelled() { return Error(QString(), QStringLiteral("the layout was cancelled")); }

bool isCancellation(const Error &e)
{
    return e.problems.size() == 1 && e.problems.front().what == layoutCancelled().problems.front().what;
}

LayoutGraph LayoutGraph::fromModel(const Model &model, const QStringList &only)
{
    LayoutGraph g;
    const QSet<QString> subset(only.begin(), only.end());
    QHash<QString, int> index;
    for (const Node &n : model.nodes) {
        if (!subset.isEmpty() && !subset.contains(n.id))
            continue;
        index.insert(n.id, g.size());
        g.ids.push_back(n.id);
        g.kinds.push_back(n.kind);
    }
    g.edges.reserve(model.edges.size());
    for (const Edge &e : model.edges) {
        const int a = index.value(e.from, -1), b = index.value(e.to, -1);
        if (a >= 0 && b >= 0 && a != b)
            g.edges.emplace_back(a, b);
    }
    return g;
}

Expected<QHash<QString, QPointF>> runLayout(LayoutKind kind, const Model &model, const QStringList &only,
                                            const LayoutControl &control, QString *note)
{
    const LayoutGraph g = LayoutGraph::fromModel(model, only);
    Expected<std::vector<QPointF>> result = std::vector<QPointF>();
    switch (kind) {
    case LayoutKind::Tiers: result = tiersLayout(g, control); break;
    case LayoutKind::Organic: result = organicLayout(g, control); break;
    case LayoutKind::Layered: result = graphvizLayout(g, control, note); break;
    }
    if (!result)
        return result.error();
    std::vector<QPointF> &pos = *result;
    // A selection keeps its place: its new layout starts where its old bounding box did.
    if (!only.isEmpty() && !pos.empty()) {
        QPointF oldMin(1e300, 1e300), newMin(1e300, 1e300);
        bool any = false;
        for (int i = 0; i < g.size(); ++i) {
            newMin =
                QPointF(std::min(newMin.x(), pos[std::size_t(i)].x()), std::min(newMin.y(), pos[std::size_t(i)].y()));
            const auto it = model.layout.constFind(g.ids[std::size_t(i)]);
            if (it != model.layout.cend()) {
                oldMin = QPointF(std::min(oldMin.x(), it->x()), std::min(oldMin.y(), it->y()));
                any = true;
            }
        }
        if (any)
            for (QPointF &p : pos)
                p += oldMin - newMin;
    }
    QHash<QString, QPointF> out;
    out.reserve(g.size());
    for (int i = 0; i < g.size(); ++i) {
        const QPointF p = pos[std::size_t(i)];
        if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
            return Error(QString(),
                         QStringLiteral("the %1 layout produced a non-finite position for \"%2\"")
                             .arg(toString(kind), g.ids[std::size_t(i)]));
        // Whole pixels: positions stay readable in the interchange JSON.
        out.insert(g.ids[std::size_t(i)], QPointF(std::round(p.x()), std::round(p.y())));
    }
    return out;
}

Expected<QHash<QString, QPointF>> placeUnplaced(const Model &model, const QStringList &unplaced,
                                                const LayoutControl &control)
{
    if (unplaced.isEmpty())
        return QHash<QString, QPointF>();
    const QSet<QString> fresh(unplaced.begin(), unplaced.end());
    QRectF placed;
    bool any = false;
    for (auto it = model.layout.cbegin(); it != model.layout.cend(); ++it) {
        if (fresh.contains(it.key()))
            continue;
        const QRectF r(*it, QSizeF(kNodeWidth, kNodeHeight));
        placed = any ? placed.united(r) : r;
        any = true;
    }
    Model subset;
    subset.nodes.reserve(std::size_t(unplaced.size()));
    for (const Node &n : model.nodes)
        if (fresh.contains(n.id))
            subset.nodes.push_back(n);
    for (const Edge &e : model.edges)
        if (fresh.contains(e.from) && fresh.contains(e.to))
            subset.edges.push_back(e);
    Expected<QHash<QString, QPointF>> pos = runLayout(LayoutKind::Tiers, subset, {}, control);
    if (!pos || !any)
        return pos;
    QPointF min(1e300, 1e300);
    for (const QPointF &p : *pos)
        min = QPointF(std::min(min.x(), p.x()), std::min(min.y(), p.y()));
    const QPointF shift = QPointF(placed.right() + 2 * kColumnGap, placed.top()) - min;
    for (QPointF &p : *pos)
        p = QPointF(std::round(p.x() + shift.x()), std::round(p.y() + shift.y()));
    return pos;
}

} // namespace vg
