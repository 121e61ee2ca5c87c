// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/canvas/graphscene.h"

#include "model/commands/changecommand.h"
#include "model/commands/edits.h"
#include "model/document/document.h"
#include "model/document/selection.h"
#include "model/layout/placement.h"
#include "views/canvas/nodeitem.h"

#include <QGraphicsSceneHelpEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QLocale>
#include <QToolTip>

#include <deque>

namespace vg {

GraphScene::GraphScene(Document *doc, Selection *selection, QObject *parent)
    : QGraphicsScene(parent), m_doc(doc), m_selection(selection), m_style(CanvasStyle::light()),
      m_edges(new EdgeLayer(this))
{
    setItemIndexMethod(QGraphicsScene::NoIndex);
    addItem(m_edges);
    setBackgroundBrush(m_style.background);
    const GraphStore &s = doc->store();
    connect(doc, &Document::modelReset, this, &GraphScene::reload);
    connect(doc, &Document::nodeAdded, this, [this](const QString &id) {
        const int h = m_doc->store().node(id);
        addNodeItem(h);
        if (!m_filter.isIdentity())
            applyFilter();
    });
    connect(doc, &Document::nodeAboutToBeRemoved, this, [this](const QString &id) {
        const int h = m_doc->store().node(id);
        if (h < 0 || std::size_t(h) >= m_items.size() || !m_items[std::size_t(h)])
            return;
        delete m_items[std::size_t(h)];
        m_items[std::size_t(h)] = nullptr;
    });
    connect(doc, &Document::nodeChanged, this, &GraphScene::refreshNode);
    connect(doc, &Document::nodeRenamed, this, [this](const QString &, const QString &id) { refreshNode(id); });
    connect(doc, &Document::edgeAdded, this, [this, &s](const QString &id) {
        if (!m_filter.isIdentity())
            applyFilter();
        else
            m_edges->edgeAdded(s.edge(id));
    });
    connect(doc, &Document::edgeAboutToBeRemoved, this,
            [this, &s](const QString &id) { m_edges->edgeAboutToBeRemoved(s.edge(id)); });
    connect(doc, &Document::edgeRemoved, this, [this](const QString &) {
        if (!m_filter.isIdentity())
            applyFilter();
    });
    connect(doc, &Document::edgeChanged, this, [this, &s](const QString &id) {
        ++m_refreshes;
        if (!m_filter.isIdentity())
            applyFilter();
        else
            m_edges->edgeChanged(s.edge(id));
    });
    connect(doc, &Document::positionsMoved, this, [this, &s](const QStringList &ids) {
        m_applyingPositions = true;
        m_bulk = ids.size() > 200;
        for (const QString &id : ids) {
            const int h = s.node(id);
            if (NodeItem *item = nodeItem(h)) {
                const auto &p = s.position(h);
                item->setPos(p ? *p : placeNewNode(s, h));
                growBounds(item->sceneBoundingRect());
            }
        }
        m_applyingPositions = false;
        if (m_bulk)
            m_edges->positionsChanged();
        m_bulk = false;
        Q_EMIT contentChanged();
    });
    connect(this, &QGraphicsScene::selectionChanged, this, &GraphScene::syncSelectionToShared);
    connect(selection, &Selection::changed, this, &GraphScene::syncSelectionFromShared);
    reload();
}

GraphScene::~GraphScene()
{
    // Items ask the document while they are destroyed: remove them first, and let their
    // deselection reach no one.
    m_syncing = true;
    disconnect(this, &QGraphicsScene::selectionChanged, this, &GraphScene::syncSelectionToShared);
    clear();
}

void GraphScene::setCanvasStyle(const CanvasStyle &style)
{
    m_style = style;
    setBackgroundBrush(style.background);
    update();
}

NodeItem *GraphScene::nodeItem(int h) const
{
    return h >= 0 && std::size_t(h) < m_items.size() ? m_items[std::size_t(h)] : nullptr;
}

NodeItem *GraphScene::nodeItem(const QString &id) const { return nodeItem(m_doc->store().node(id)); }

QPointF GraphScene::nodePos(int h) const
{
    if (NodeItem *item = nodeItem(h))
        return item->pos();
    return {};
}

void GraphScene::reload()
{
    m_syncing = true;
    for (NodeItem *item : m_items)
        delete item;
    m_items.clear();
    m_nodeVisible.clear();
    m_edgeVisible.clear();
    m_bounds = QRectF();
    m_refreshes = 0;
    const GraphStore &s = m_doc->store();
    m_items.assign(std::size_t(s.nodeSlots()), nullptr);
    m_bulk = true;
    s.forEachNode([this](int h, const Node &) { addNodeItem(h); });
    m_bulk = false;
    m_syncing = false;
    applyFilter();
    Q_EMIT contentChanged();
}

void GraphScene::addNodeItem(int h)
{
    const GraphStore &s = m_doc->store();
    if (std::size_t(h) >= m_items.size())
        m_items.resize(std::size_t(h) + 1, nullptr);
    auto *item = new NodeItem(this, h);
    const auto &p = s.position(h);
    m_applyingPositions = true;
    item->setPos(p ? *p : placeNewNode(s, h));
    m_applyingPositions = false;
    m_items[std::size_t(h)] = item;
    item->setVisible(!m_overview && nodeVisible(h));
    addItem(item);
    growBounds(item->sceneBoundingRect());
}

void GraphScene::growBounds(const QRectF &r)
{
    const QRectF grown = m_bounds.isNull() ? r : m_bounds.united(r);
    if (grown == m_bounds)
        return;
    m_bounds = grown;
    const QRectF padded = m_bounds.adjusted(-400, -400, 400, 400);
    m_edges->setBounds(padded);
    setSceneRect(padded);
}

void GraphScene::refreshNode(const QString &id)
{
    if (NodeItem *item = nodeItem(id)) {
        ++m_refreshes;
        item->update();
        if (m_overview)
            m_edges->looksChanged();
    }
    if (!m_filter.isIdentity())
        applyFilter(); // a kind or tier change can change what is shown
}

void GraphScene::nodeItemMoved(int h)
{
    if (!m_bulk)
        m_edges->nodeMoved(h);
    if (!m_applyingPositions)
        m_dragging = true;
}

void GraphScene::setFilter(const ViewFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    applyFilter();
}

bool GraphScene::nodeVisible(int h) const
{
    return m_nodeVisible.empty() || (std::size_t(h) < m_nodeVisible.size() && m_nodeVisible[std::size_t(h)]);
}

bool GraphScene::edgeVisible(int h) const
{
    return m_edgeVisible.empty() || (std::size_t(h) < m_edgeVisible.size() && m_edgeVisible[std::size_t(h)]);
}

void GraphScene::applyFilter()
{
    const GraphStore &s = m_doc->store();
    if (m_filter.isIdentity()) {
        const bool wasFiltered = !m_nodeVisible.empty();
        m_nodeVisible.clear();
        m_edgeVisible.clear();
        if (wasFiltered)
            for (NodeItem *item : m_items)
                if (item)
                    item->setVisible(!m_overview);
        m_edges->rebuild();
        return;
    }
    std::vector<char> nodeOk(std::size_t(s.nodeSlots()), 0), edgeOk(std::size_t(s.edgeSlots()), 0);
    s.forEachNode([&](int h, const Node &n) {
        bool ok = m_filter.onlyNodes.isEmpty() || m_filter.onlyNodes.contains(n.id);
        if (ok && n.kind == NodeKind::Vendor) {
            const int t = n.vendor && n.vendor->tier ? std::clamp(*n.vendor->tier, 1, 4) - 1 : 4;
            ok = m_filter.vendorTiers[std::size_t(t)];
        }
        nodeOk[std::size_t(h)] = ok;
    });
    s.forEachEdge([&](int h, const Edge &e) {
        bool ok = m_filter.edgeKinds[std::size_t(e.kind)];
        if (ok && e.kind == EdgeKind::Data && !m_filter.categories.isEmpty())
            ok = std::any_of(e.categories.begin(), e.categories.end(),
                             [&](const QString &c) { return m_filter.categories.contains(c); });
        edgeOk[std::size_t(h)] = ok && nodeOk[std::size_t(s.edgeFrom(h))] && nodeOk[std::size_t(s.edgeTo(h))];
    });
    if (!m_filter.focus.isEmpty()) {
        // The neighbourhood of the focus, over the edges the filters leave.
        std::vector<int> depth(std::size_t(s.nodeSlots()), -1);
        std::deque<int> queue;
        for (const QString &id : m_filter.focus)
            if (const int h = s.node(id); h >= 0 && nodeOk[std::size_t(h)]) {
                depth[std::size_t(h)] = 0;
                queue.push_back(h);
            }
        const bool down = m_filter.direction != ViewFilter::Direction::Upstream;
        const bool up = m_filter.direction != ViewFilter::Direction::Downstream;
        while (!queue.empty()) {
            const int u = queue.front();
            queue.pop_front();
            if (depth[std::size_t(u)] >= m_filter.depth)
                continue;
            auto visit = [&](int e, int v) {
                if (edgeOk[std::size_t(e)] && depth[std::size_t(v)] < 0) {
                    depth[std::size_t(v)] = depth[std::size_t(u)] + 1;
                    queue.push_back(v);
                }
            };
            if (down)
                for (const int e : s.outEdges(u))
                    visit(e, s.edgeTo(e));
            if (up)
                for (const int e : s.inEdges(u))
                    visit(e, s.edgeFrom(e));
        }
        for (std::size_t h = 0; h < nodeOk.size(); ++h)
            nodeOk[h] = nodeOk[h] && depth[h] >= 0;
        s.forEachEdge([&](int h, const Edge &) {
            edgeOk[std::size_t(h)] =
                edgeOk[std::size_t(h)] && nodeOk[std::size_t(s.edgeFrom(h))] && nodeOk[std::size_t(s.edgeTo(h))];
        });
    }
    m_nodeVisible = std::move(nodeOk);
    m_edgeVisible = std::move(edgeOk);
    for (std::size_t h = 0; h < m_items.size(); ++h)
        if (m_items[h])
            m_items[h]->setVisible(m_nodeVisible[h] && !m_overview);
    m_edges->rebuild();
    Q_EMIT contentChanged();
}

void GraphScene::setOverview(bool on)
{
    if (on == m_overview)
        return;
    m_overview = on;
    for (std::size_t h = 0; h < m_items.size(); ++h)
        if (m_items[h])
            m_items[h]->setVisible(!on && nodeVisible(int(h)));
    m_edges->looksChanged();
}

void GraphScene::setOverlay(std::shared_ptr<const CanvasOverlay> overlay)
{
    m_overlay = std::move(overlay);
    m_edges->looksChanged();
    update();
}

NodeLook GraphScene::nodeLook(int h) const { return m_overlay ? m_overlay->node(h) : NodeLook(); }

EdgeLayer::Look GraphScene::edgeLook(int h) const { return m_overlay ? m_overlay->edge(h) : EdgeLayer::Look(); }

bool GraphScene::isEdgeSelected(int h) const
{
    return !m_selection->edges().isEmpty() && m_selection->containsEdge(m_doc->store().edgeAt(h).id);
}

QRectF GraphScene::contentRect() const
{
    QRectF r;
    for (std::size_t h = 0; h < m_items.size(); ++h)
        if (m_items[h] && nodeVisible(int(h)))
            r = r.isNull() ? m_items[h]->sceneBoundingRect() : r.united(m_items[h]->sceneBoundingRect());
    return r;
}

QRectF GraphScene::selectionRect() const
{
    QRectF r;
    for (const QString &id : m_selection->nodes())
        if (NodeItem *item = nodeItem(id))
            r = r.isNull() ? item->sceneBoundingRect() : r.united(item->sceneBoundingRect());
    for (const QString &id : m_selection->edges()) {
        const QLineF l = m_edges->segment(m_doc->store().edge(id));
        if (!l.isNull())
            r = r.isNull() ? QRectF(l.p1(), l.p2()).normalized() : r.united(QRectF(l.p1(), l.p2()).normalized());
    }
    return r;
}

QString GraphScene::edgeIdAt(QPointF p, qreal tolerance) const
{
    const int h = m_edges->edgeAt(p, tolerance);
    return h < 0 ? QString() : m_doc->store().edgeAt(h).id;
}

QString GraphScene::toolTipAt(QPointF p, qreal tolerance) const
{
    const GraphStore &s = m_doc->store();
    for (QGraphicsItem *item : items(p))
        if (item->type() == NodeItem::Type) {
            const Node &n = s.nodeAt(static_cast<NodeItem *>(item)->handle());
            QStringList lines{QStringLiteral("<b>%1</b> (%2, %3)").arg(n.name.toHtmlEscaped(), n.id, toString(n.kind))};
            if (!n.description.isEmpty())
                lines << n.description.toHtmlEscaped();
            if (n.count)
                lines << tr("%1 people in %2").arg(QLocale().toString(*n.count), n.regions.join(u", "));
            if (n.vendor) {
                QStringList v;
                if (n.vendor->tier)
                    v << tr("tier %1").arg(*n.vendor->tier);
                if (n.vendor->dpa)
                    v << (*n.vendor->dpa ? tr("DPA signed") : tr("no DPA"));
                if (!n.vendor->certifications.isEmpty())
                    v << n.vendor->certifications.join(u", ");
                if (!v.isEmpty())
                    lines << v.join(QStringLiteral(" · ")).toHtmlEscaped();
            }
            if (!n.stores.empty()) {
                QStringList st;
                for (const StoredData &d : n.stores)
                    st << d.category;
                lines << tr("stores %1").arg(st.join(u", "));
            }
            const int h = static_cast<NodeItem *>(item)->handle();
            lines << tr("%1 edges out, %2 in").arg(s.outEdges(h).size()).arg(s.inEdges(h).size());
            return lines.join(QStringLiteral("<br>"));
        }
    const int e = m_edges->edgeAt(p, tolerance);
    if (e < 0)
        return {};
    const Edge &edge = s.edgeAt(e);
    QStringList lines{QStringLiteral("<b>%1</b>: %2 → %3 (%4)").arg(edge.id, edge.from, edge.to, toString(edge.kind))};
    switch (edge.kind) {
    case EdgeKind::Data:
        lines << edge.categories.join(u", ");
        if (edge.records)
            lines << tr("%1 records").arg(QLocale().toString(*edge.records));
        if (edge.encryption)
            lines << tr("encryption: %1").arg(toString(*edge.encryption));
        break;
    case EdgeKind::Access:
        lines << tr("%1 credential, %2").arg(toString(edge.scope), edge.stored ? tr("stored") : tr("not stored"));
        break;
    case EdgeKind::Code: lines << tr("code from %1 runs inside %2").arg(edge.from, edge.to); break;
    case EdgeKind::Hosts: lines << tr("%1 hosts %2").arg(edge.from, edge.to); break;
    }
    if (!edge.description.isEmpty())
        lines << edge.description.toHtmlEscaped();
    if (!edge.source.isEmpty())
        lines << tr("source: %1").arg(edge.source.toHtmlEscaped());
    return lines.join(QStringLiteral("<br>"));
}

void GraphScene::syncSelectionToShared()
{
    if (m_syncing)
        return;
    QStringList nodes;
    for (QGraphicsItem *item : selectedItems())
        if (item->type() == NodeItem::Type)
            nodes << m_doc->store().nodeAt(static_cast<NodeItem *>(item)->handle()).id;
    m_syncing = true;
    m_selection->set(nodes, nodes.isEmpty() ? m_selection->edges() : QStringList());
    m_syncing = false;
    m_edges->update();
}

void GraphScene::syncSelectionFromShared()
{
    if (m_syncing)
        return;
    m_syncing = true;
    const QList<QGraphicsItem *> selected = selectedItems();
    // On a model reset the selection is cleared before the items are rebuilt: an item's handle
    // may no longer name a node then.
    const GraphStore &store = m_doc->store();
    for (QGraphicsItem *item : selected)
        if (item->type() == NodeItem::Type) {
            const int h = static_cast<NodeItem *>(item)->handle();
            if (!store.isNode(h) || !m_selection->containsNode(store.nodeAt(h).id))
                item->setSelected(false);
        }
    for (const QString &id : m_selection->nodes())
        if (NodeItem *item = nodeItem(id))
            item->setSelected(true);
    m_syncing = false;
    if (m_overview)
        m_edges->looksChanged();
    else
        m_edges->update();
}

void GraphScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    m_dragging = false;
    if (event->button() == Qt::LeftButton && !itemAt(event->scenePos(), QTransform())) {
        QGraphicsView *view = views().isEmpty() ? nullptr : views().first();
        const qreal scale = view ? view->transform().m11() : 1.0;
        const QString edge = edgeIdAt(event->scenePos(), 6.0 / std::max(scale, 0.01));
        if (!edge.isEmpty()) {
            QStringList edges = event->modifiers() & Qt::ControlModifier ? m_selection->edges() : QStringList();
            QStringList nodes = event->modifiers() & Qt::ControlModifier ? m_selection->nodes() : QStringList();
            if (edges.contains(edge))
                edges.removeAll(edge);
            else
                edges << edge;
            m_selection->set(nodes, edges);
            event->accept();
            return;
        }
        if (!(event->modifiers() & Qt::ControlModifier))
            m_selection->clear();
    }
    QGraphicsScene::mousePressEvent(event);
}

void GraphScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsScene::mouseReleaseEvent(event);
    if (m_dragging)
        finishDrag();
    m_dragging = false;
}

void GraphScene::finishDrag()
{
    const GraphStore &s = m_doc->store();
    QHash<QString, QPointF> moved;
    QStringList ids;
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() != NodeItem::Type)
            continue;
        const int h = static_cast<NodeItem *>(item)->handle();
        const auto &p = s.position(h);
        if (!p || *p != item->pos()) {
            moved.insert(s.nodeAt(h).id, item->pos());
            ids << s.nodeAt(h).id;
        }
    }
    if (moved.isEmpty())
        return;
    ids.sort();
    for (const QPointF &p : moved)
        growBounds(CanvasStyle::nodeRect().translated(p));
    m_doc->undoStack()->push(new ChangeCommand(m_doc, movePositions(moved),
                                               ids.size() == 1 ? tr("Move %1").arg(ids.first())
                                                               : tr("Move %n nodes", nullptr, int(ids.size())),
                                               CommandId::MoveNodes, ids.join(QLatin1Char(','))));
    Q_EMIT contentChanged();
}

void GraphScene::helpEvent(QGraphicsSceneHelpEvent *event)
{
    QGraphicsView *view = views().isEmpty() ? nullptr : views().first();
    const qreal scale = view ? view->transform().m11() : 1.0;
    const QString text = toolTipAt(event->scenePos(), 6.0 / std::max(scale, 0.01));
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->screenPos(), text, event->widget());
    event->setAccepted(!text.isEmpty());
}

} // namespace vg
