// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/layout/placement.h"

#include <cmath>

namespace vg {

namespace {

// Moves down from start to the first spot no other node covers.
QPointF freeSpotBelow(const GraphStore &s, GraphStore::Handle node, QPointF start)
{
    auto occupied = [&](QPointF p) {
        bool hit = false;
        s.forEachNode([&](GraphStore::Handle h, const Node &) {
            if (hit || h == node || !s.position(h))
                return;
            const QPointF q = *s.position(h);
            hit = std::abs(q.x() - p.x()) < kNodeWidth + 10 && std::abs(q.y() - p.y()) < kNodeHeight + 10;
        });
        return hit;
    };
    QPointF p = start;
    for (int step = 0; step < 2000 && occupied(p); ++step)
        p.ry() += kNodeHeight + kRowGap;
    return p;
}

// The bottom of the column of nodes of a kind.
QPointF kindColumnEnd(const GraphStore &s, GraphStore::Handle node, NodeKind kind)
{
    double x = 0, maxY = -kNodeHeight - kRowGap;
    int same = 0;
    s.forEachNode([&](GraphStore::Handle h, const Node &other) {
        if (h == node || !s.position(h) || other.kind != kind)
            return;
        x += s.position(h)->x();
        maxY = std::max(maxY, s.position(h)->y());
        ++same;
    });
    return same ? QPointF(x / same, maxY + kNodeHeight + kRowGap) : QPointF(int(kind) * (kNodeWidth + kColumnGap), 0);
}

} // namespace

QPointF placeNewNodeOfKind(const GraphStore &s, NodeKind kind)
{
    return freeSpotBelow(s, GraphStore::None, kindColumnEnd(s, GraphStore::None, kind));
}

QPointF placeNewNode(const GraphStore &s, GraphStore::Handle node)
{
    // Beside the neighbours that have a place.
    QPointF sum;
    int n = 0;
    for (const auto *list : {&s.outEdges(node), &s.inEdges(node)})
        for (const GraphStore::Handle e : *list) {
            const GraphStore::Handle other = s.edgeFrom(e) == node ? s.edgeTo(e) : s.edgeFrom(e);
            if (const auto &p = s.position(other)) {
                sum += *p;
                ++n;
            }
        }
    const QPointF start =
        n > 0 ? sum / n + QPointF(kNodeWidth + kColumnGap, 0) : kindColumnEnd(s, node, s.nodeAt(node).kind);
    return freeSpotBelow(s, node, start);
}

} // namespace vg
