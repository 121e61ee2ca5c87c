// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/canvas/canvasoverlay.h"
#include "views/canvas/canvasstyle.h"
#include "views/canvas/edgelayer.h"
#include "views/canvas/viewfilter.h"

#include <QGraphicsScene>

#include <memory>
#include <vector>

namespace vg {

class Document;
class NodeItem;
class Selection;

// The canvas's scene: a projection of the document (style.md practice 7). It adds, removes
// and repaints items in slots connected to the document's fine-grained signals, so an edit
// repaints only what it touched; it never edits domain data except by pushing undo commands
// (a finished drag becomes one "Move" command). Nodes are NodeItems; edges are one
// EdgeLayer. Selection is kept in step with the shared Selection both ways. Filters and
// focus (ViewFilter) hide items; an overlay (CanvasOverlay) restyles them.
class GraphScene final : public QGraphicsScene {
    Q_OBJECT
public:
    GraphScene(Document *doc, Selection *selection, QObject *parent = nullptr);
    ~GraphScene() override;

    Document *document() const { return m_doc; }
    Selection *selection() const { return m_selection; }
    const CanvasStyle &canvasStyle() const { return m_style; }
    void setCanvasStyle(const CanvasStyle &style);

    NodeItem *nodeItem(int handle) const;
    NodeItem *nodeItem(const QString &id) const;
    EdgeLayer *edgeLayer() const { return m_edges; }
    QPointF nodePos(int handle) const;

    void setFilter(const ViewFilter &filter);
    const ViewFilter &filter() const { return m_filter; }
    bool nodeVisible(int handle) const;
    bool edgeVisible(int handle) const;

    void setOverlay(std::shared_ptr<const CanvasOverlay> overlay);
    NodeLook nodeLook(int handle) const;
    EdgeLayer::Look edgeLook(int handle) const;
    bool isEdgeSelected(int handle) const;

    // Far out, nodes are drawn as blocks by the edge layer (with the edges, in one cached
    // image) and their items are hidden: drawing 70,000 items one by one cannot be fast.
    // The view switches this with its zoom.
    void setOverview(bool on);
    bool overview() const { return m_overview; }
    static constexpr qreal kOverviewZoom = 0.12;

    // The bounding rectangle of the visible nodes (of the selected ones).
    QRectF contentRect() const;
    QRectF selectionRect() const;
    // The edge under a scene point (tolerance in scene units), or an empty id.
    QString edgeIdAt(QPointF scenePos, qreal tolerance) const;
    // Text for a tooltip at a scene point: the node or edge there, or empty.
    QString toolTipAt(QPointF scenePos, qreal tolerance) const;

    // Items repainted because of a document change since the last reset (tests count it).
    int refreshCount() const { return m_refreshes; }

    // Called by NodeItem.
    void nodeItemMoved(int handle);
    void nodeItemSelectionChanged() { }

Q_SIGNALS:
    // The scene's content rectangle changed (the minimap redraws).
    void contentChanged();

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void helpEvent(QGraphicsSceneHelpEvent *event) override;

private:
    void reload();
    void addNodeItem(int handle);
    void refreshNode(const QString &id);
    void applyFilter();
    void syncSelectionToShared();
    void syncSelectionFromShared();
    void growBounds(const QRectF &r);
    void finishDrag();

    Document *m_doc;
    Selection *m_selection;
    CanvasStyle m_style;
    std::vector<NodeItem *> m_items; // by node handle
    EdgeLayer *m_edges;
    ViewFilter m_filter;
    std::vector<char> m_nodeVisible, m_edgeVisible; // empty: all visible
    std::shared_ptr<const CanvasOverlay> m_overlay;
    QRectF m_bounds;
    bool m_syncing = false;
    bool m_overview = false;
    bool m_applyingPositions = false;
    bool m_bulk = false; // many items move at once: the edge layer is rebuilt once after
    bool m_dragging = false;
    int m_refreshes = 0;
};

} // namespace vg
