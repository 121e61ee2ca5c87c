// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QLineF>
#include <QPainterPath>

#include <memory>
#include <vector>

namespace vg {

class GraphScene;

// All edges of the canvas as one item. Half a million QGraphicsItems would not keep the
// 70,000-node model usable, so edges are drawn in batches by style from a spatial index
// (EdgeGrid: each edge registered in the grid cells it passes through, so that a small
// rectangle finds only the edges near it, however long): a paint asks the index for the
// edges in the exposed rectangle only. Level of detail: close in (up to 700 edges on
// screen), each kind has its own stroke (data solid with a category-count badge, access
// dashed with a key mark and its scope, code dotted, hosts double) and an arrowhead; further
// out or more crowded, thin lines by kind rasterised straight into an image; and
// when thousands cross the view (the whole map, or the spokes of a hub), they are
// aggregated into a density image: each edge is rasterised into per-kind counters at a
// fraction of the screen's resolution (on two threads), and the counts become colour and
// opacity. That image is kept until the view or the edges change. Hit-testing for hover,
// tooltips and clicks uses the same index.
class EdgeLayer final : public QGraphicsItem {
public:
    // How the overlay wants an edge drawn; default: by kind.
    struct Look {
        QColor color; // invalid: the kind's colour
        bool emphasis = false; // thicker (carried the compromise or exposed data)
        bool faded = false;
    };

    explicit EdgeLayer(GraphScene *scene);
    ~EdgeLayer() override;

    QRectF boundingRect() const override;
    // The layer is not hit by the mouse as an item (it would cover the whole scene); edges
    // are hit-tested with edgeAt().
    QPainterPath shape() const override { return {}; }
    bool contains(const QPointF &) const override { return false; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    // Rebuilds the geometry and the index of every edge (model reset, filter change).
    void rebuild();
    // Every node may have moved (a layout applied), the edges are the same: the geometry and
    // the index again, not the parallel edges' offsets.
    void positionsChanged();
    void edgeAdded(int handle);
    void edgeAboutToBeRemoved(int handle);
    void edgeChanged(int handle); // endpoints, kind or data that changes its badge
    void nodeMoved(int nodeHandle);

    // The visible edge nearest to scenePos within tolerance (scene units), or -1.
    int edgeAt(QPointF scenePos, qreal tolerance) const;
    // The drawn segment of an edge (centre to centre, shifted when parallel to others).
    QLineF segment(int handle) const;
    void setBounds(const QRectF &r);

    // Counters for tests and benchmarks: edges drawn by the last paint.
    int lastDrawnCount() const { return m_lastDrawn; }
    // Whether the last paint aggregated the edges into the density image.
    bool lastPaintAggregated() const { return m_lastAggregated; }
    // The overlay's looks changed: cached aggregates are redrawn.
    void looksChanged();

private:
    struct Index;
    void place(int handle);
    void unplace(int handle);
    // Renumbers the offsets of the edges between a and b (but excluding), and places them.
    void updateSiblings(int a, int b, int excluding = -1);
    QLineF rawSegment(int handle) const;

    GraphScene *m_scene;
    std::unique_ptr<Index> m_index;
    std::vector<QLineF> m_geom; // by edge handle; null line: not placed
    std::vector<float> m_offset; // perpendicular shift of parallel edges
    bool m_offsetsStale = false; // an edge of a parallel group changed: recount on the next move
    QRectF m_bounds;
    int m_lastDrawn = 0;
    bool m_lastAggregated = false;
    quint64 m_revision = 0; // changes with any edge's geometry or look
    struct Density;
    std::unique_ptr<Density> m_density;
    void drawDensity(QPainter *p, const std::vector<int> &hits, const QRectF &exposed);
    // The overview's nodes: a block each, in its kind's or the overlay's colour.
    void drawNodeBlocks(QPainter *p, const QRectF &exposed) const;
};

} // namespace vg
