// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/canvas/edgelayer.h"

#include "model/document/document.h"
#include "model/document/selection.h"
#include "views/canvas/canvasstyle.h"
#include "views/canvas/edgegrid.h"
#include "views/canvas/graphscene.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <cmath>
#include <thread>

namespace vg {

namespace {

bool crosses(const QLineF &l, const QRectF &r)
{
    double a, b;
    return clipSegment(l, r, &a, &b);
}

double distance(QPointF p, const QLineF &l)
{
    const QPointF d = l.p2() - l.p1();
    const double len2 = d.x() * d.x() + d.y() * d.y();
    double t = len2 > 0 ? ((p.x() - l.x1()) * d.x() + (p.y() - l.y1()) * d.y()) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const QPointF c = l.p1() + t * d;
    return std::hypot(p.x() - c.x(), p.y() - c.y());
}

// The part of a centre-to-centre segment outside both node outlines.
QLineF clipped(const QLineF &l)
{
    const QPointF d = l.p2() - l.p1();
    return QLineF(l.p1() + CanvasStyle::borderPoint(d), l.p2() - CanvasStyle::borderPoint(d));
}

void drawArrow(QPainter *p, const QLineF &l, qreal size)
{
    const double len = l.length();
    if (len < 1e-6)
        return;
    const QPointF u = (l.p2() - l.p1()) / len, n(-u.y(), u.x());
    const QPointF tip = l.p2();
    const QPointF base = tip - u * size;
    const QPointF poly[3] = {tip, base + n * size * 0.45, base - n * size * 0.45};
    p->drawPolygon(poly, 3);
}

} // namespace

struct EdgeLayer::Index {
    EdgeGrid grid;
};

// The last density image, with what it was drawn for.
struct EdgeLayer::Density {
    QImage image;
    QRect target; // device pixels it covers
    QTransform transform;
    QRectF exposed;
    quint64 revision = 0;
};

namespace {

// Above this many edges in view, they are aggregated rather than stroked one by one.
// Thin opaque lines straight into an image's memory, for the batched (far out or crowded)
// drawing: QPainter's aliased cosmetic lines cost a call per pixel, which makes a few
// thousand lines crossing the screen take tens of milliseconds. lines are in device
// coordinates relative to the image; colours are opaque ARGB. Rows are split between two
// threads, each drawing every line clipped to its half.
void rasterLines(QImage *image, const std::vector<std::pair<QLineF, QRgb>> &lines)
{
    const int w = image->width(), h = image->height();
    auto *bits = reinterpret_cast<QRgb *>(image->bits());
    const qsizetype stride = image->bytesPerLine() / qsizetype(sizeof(QRgb));
    auto band = [&](int top, int bottom) {
        const QRectF area(0, top, w - 0.001, bottom - top - 0.001);
        for (const auto &[l, c] : lines) {
            double t0 = 0, t1 = 1;
            if (!clipSegment(l, area, &t0, &t1))
                continue;
            const QPointF a = l.pointAt(t0), b = l.pointAt(t1);
            const double dx = b.x() - a.x(), dy = b.y() - a.y();
            const int n = int(std::ceil(std::max(std::abs(dx), std::abs(dy))));
            const double sx = n ? dx / n : 0, sy = n ? dy / n : 0;
            double x = a.x(), y = a.y();
            for (int i = 0; i <= n; ++i, x += sx, y += sy) {
                const int px = int(x), py = int(y);
                if (px >= 0 && px < w && py >= top && py < bottom)
                    bits[qsizetype(py) * stride + px] = c;
            }
        }
    };
    if (lines.size() < 400 || h < 64) {
        band(0, h);
        return;
    }
    std::thread second([&] { band(h / 2, h); });
    band(0, h / 2);
    second.join();
}

constexpr int kAggregateAbove = 6000;
constexpr int kDetailedUpTo = 700;
// Density layers: the four kinds, faded edges, emphasised edges.
constexpr int kLayers = 6;

struct Counts {
    int w = 0, h = 0;
    std::vector<quint16> c; // kLayers x w x h
    void init(int width, int height)
    {
        w = width;
        h = height;
        c.assign(std::size_t(kLayers) * std::size_t(w) * std::size_t(h), 0);
    }
    // A line in buffer coordinates, clipped to the buffer; counts saturate.
    void line(int layer, QPointF a, QPointF b)
    {
        double t0, t1;
        if (!clipSegment(QLineF(a, b), QRectF(0, 0, w - 1, h - 1), &t0, &t1))
            return;
        const QPointF p = a + (b - a) * t0, q = a + (b - a) * t1;
        const double dx = q.x() - p.x(), dy = q.y() - p.y();
        const int steps = int(std::max(std::abs(dx), std::abs(dy))) + 1;
        const double sx = dx / steps, sy = dy / steps;
        double x = p.x(), y = p.y();
        quint16 *base = c.data() + std::size_t(layer) * std::size_t(w) * std::size_t(h);
        for (int i = 0; i <= steps; ++i, x += sx, y += sy) {
            quint16 &cell = base[std::size_t(int(y + 0.5)) * std::size_t(w) + std::size_t(int(x + 0.5))];
            if (cell < 65535)
                ++cell;
        }
    }
};

} // namespace

EdgeLayer::EdgeLayer(GraphScene *scene) : m_scene(scene), m_index(std::make_unique<Index>())
{
    setFlag(ItemUsesExtendedStyleOption);
    setZValue(-1);
    setAcceptedMouseButtons(Qt::NoButton);
}

EdgeLayer::~EdgeLayer() = default;

QRectF EdgeLayer::boundingRect() const { return m_bounds; }

void EdgeLayer::setBounds(const QRectF &r)
{
    if (r == m_bounds)
        return;
    prepareGeometryChange();
    m_bounds = r;
}

QLineF EdgeLayer::rawSegment(int h) const
{
    const GraphStore &s = m_scene->document()->store();
    return QLineF(m_scene->nodePos(s.edgeFrom(h)), m_scene->nodePos(s.edgeTo(h)));
}

QLineF EdgeLayer::segment(int h) const
{
    if (h < 0 || std::size_t(h) >= m_geom.size())
        return {};
    return m_geom[std::size_t(h)];
}

void EdgeLayer::rebuild()
{
    const GraphStore &s = m_scene->document()->store();
    m_offset.assign(std::size_t(s.edgeSlots()), 0.f);
    // Parallel edges between the same two nodes get offsets; most pairs have one edge.
    QHash<quint64, int> pairCount;
    s.forEachEdge([&](int h, const Edge &) {
        const int a = std::min(s.edgeFrom(h), s.edgeTo(h)), b = std::max(s.edgeFrom(h), s.edgeTo(h));
        ++pairCount[quint64(a) << 32 | quint32(b)];
    });
    QHash<quint64, int> seen;
    s.forEachEdge([&](int h, const Edge &) {
        const int a = std::min(s.edgeFrom(h), s.edgeTo(h)), b = std::max(s.edgeFrom(h), s.edgeTo(h));
        const quint64 key = quint64(a) << 32 | quint32(b);
        const int n = pairCount.value(key);
        if (n > 1) {
            const int k = seen[key]++;
            m_offset[std::size_t(h)] = float((k - (n - 1) / 2.0) * 16.0);
        }
    });
    m_offsetsStale = false;
    positionsChanged();
}

void EdgeLayer::positionsChanged()
{
    const GraphStore &s = m_scene->document()->store();
    if (m_offsetsStale || m_offset.size() != std::size_t(s.edgeSlots())) { // the edges changed too
        rebuild();
        return;
    }
    // The offsets of parallel edges depend on the edges only: a move keeps them.
    m_geom.assign(std::size_t(s.edgeSlots()), QLineF());
    s.forEachEdge([&](int h, const Edge &) {
        if (!m_scene->edgeVisible(h))
            return;
        QLineF l = rawSegment(h);
        if (const float offset = m_offset[std::size_t(h)]; offset != 0.f) {
            const int a = std::min(s.edgeFrom(h), s.edgeTo(h)), b = std::max(s.edgeFrom(h), s.edgeTo(h));
            const QPointF pa = m_scene->nodePos(a), pb = m_scene->nodePos(b);
            QPointF nrm(-(pb - pa).y(), (pb - pa).x());
            const double len = std::hypot(nrm.x(), nrm.y());
            if (len > 0)
                l.translate(nrm / len * offset);
        }
        m_geom[std::size_t(h)] = l;
    });
    m_index->grid.reset(m_geom);
    ++m_revision;
    update();
}

void EdgeLayer::looksChanged()
{
    ++m_revision;
    update();
}

void EdgeLayer::place(int h)
{
    if (std::size_t(h) >= m_geom.size()) {
        m_geom.resize(std::size_t(h) + 1);
        m_offset.resize(std::size_t(h) + 1, 0.f);
    }
    if (!m_scene->edgeVisible(h)) {
        m_geom[std::size_t(h)] = QLineF();
        return;
    }
    const GraphStore &s = m_scene->document()->store();
    QLineF l = rawSegment(h);
    if (m_offset[std::size_t(h)] != 0.f) {
        const int a = std::min(s.edgeFrom(h), s.edgeTo(h)), b = std::max(s.edgeFrom(h), s.edgeTo(h));
        const QPointF pa = m_scene->nodePos(a), pb = m_scene->nodePos(b);
        QPointF nrm(-(pb - pa).y(), (pb - pa).x());
        const double len = std::hypot(nrm.x(), nrm.y());
        if (len > 0)
            l.translate(nrm / len * m_offset[std::size_t(h)]);
    }
    m_geom[std::size_t(h)] = l;
    m_index->grid.set(h, l);
    ++m_revision;
    update(l.p1().x() < l.p2().x() ? QRectF(l.p1(), l.p2()).normalized().adjusted(-20, -20, 20, 20)
                                   : QRectF(l.p2(), l.p1()).normalized().adjusted(-20, -20, 20, 20));
}

void EdgeLayer::unplace(int h)
{
    if (std::size_t(h) >= m_geom.size() || m_geom[std::size_t(h)].isNull())
        return;
    const QLineF l = m_geom[std::size_t(h)];
    m_index->grid.remove(h);
    ++m_revision;
    m_geom[std::size_t(h)] = QLineF();
    update(QRectF(l.p1(), l.p2()).normalized().adjusted(-20, -20, 20, 20));
}

void EdgeLayer::updateSiblings(int a, int b, int excluding)
{
    const GraphStore &s = m_scene->document()->store();
    if (a < 0 || b < 0)
        return;
    std::vector<int> group;
    for (const int e : s.outEdges(a))
        if (s.edgeTo(e) == b && e != excluding)
            group.push_back(e);
    for (const int e : s.inEdges(a))
        if (s.edgeFrom(e) == b && e != excluding)
            group.push_back(e);
    std::sort(group.begin(), group.end());
    const int n = int(group.size());
    for (int k = 0; k < n; ++k) {
        const int e = group[std::size_t(k)];
        unplace(e);
        if (std::size_t(e) >= m_offset.size()) {
            m_offset.resize(std::size_t(e) + 1, 0.f);
            m_geom.resize(std::size_t(e) + 1);
        }
        m_offset[std::size_t(e)] = n > 1 ? float((k - (n - 1) / 2.0) * 16.0) : 0.f;
        place(e);
    }
}

void EdgeLayer::edgeAdded(int h)
{
    const GraphStore &s = m_scene->document()->store();
    updateSiblings(s.edgeFrom(h), s.edgeTo(h));
}

void EdgeLayer::edgeAboutToBeRemoved(int h)
{
    unplace(h);
    if (std::size_t(h) < m_offset.size() && m_offset[std::size_t(h)] != 0.f) {
        m_offset[std::size_t(h)] = 0.f;
        // The parallel edges left close ranks around the middle again.
        const GraphStore &s = m_scene->document()->store();
        updateSiblings(s.edgeFrom(h), s.edgeTo(h), h);
    }
}

void EdgeLayer::edgeChanged(int h)
{
    // Its former parallel edges (if its endpoints changed) are not known here: recounted on the
    // next bulk move.
    if (std::size_t(h) < m_offset.size() && m_offset[std::size_t(h)] != 0.f)
        m_offsetsStale = true;
    unplace(h);
    const GraphStore &s = m_scene->document()->store();
    updateSiblings(s.edgeFrom(h), s.edgeTo(h));
    if (std::size_t(h) >= m_geom.size() || m_geom[std::size_t(h)].isNull())
        place(h);
}

void EdgeLayer::nodeMoved(int n)
{
    const GraphStore &s = m_scene->document()->store();
    if (!s.isNode(n))
        return;
    for (const auto *list : {&s.outEdges(n), &s.inEdges(n)})
        for (const int e : *list) {
            unplace(e);
            place(e);
        }
}

int EdgeLayer::edgeAt(QPointF p, qreal tol) const
{
    int best = -1;
    double bestDist = tol;
    m_index->grid.query(QRectF(p.x() - tol, p.y() - tol, 2 * tol, 2 * tol), [&](int h) {
        const double d = distance(p, clipped(m_geom[std::size_t(h)]));
        if (d < bestDist) {
            bestDist = d;
            best = h;
        }
    });
    return best;
}

void EdgeLayer::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    // What is exposed, but never more than what the device shows: QGraphicsView::render()
    // exposes the whole item.
    QRectF exposed = option->exposedRect.isValid() ? option->exposedRect : m_bounds;
    if (const QPaintDevice *device = p->device()) {
        const QRectF deviceRect(0, 0, device->width(), device->height());
        exposed &= p->worldTransform().inverted().mapRect(deviceRect).adjusted(-30, -30, 30, 30);
    }
    // ... nor more than the painter's clip lets through (a partial render()).
    if (p->hasClipping())
        exposed &= p->clipBoundingRect().adjusted(-4, -4, 4, 4);
    const qreal lod = option->levelOfDetailFromTransform(p->worldTransform());
    const CanvasStyle &s = m_scene->canvasStyle();
    const GraphStore &store = m_scene->document()->store();
    // The same view of the same edges as the last aggregated paint: its image as it is.
    if (m_density && m_density->revision == m_revision && m_density->transform == p->worldTransform()
        && m_density->exposed == exposed) {
        drawDensity(p, {}, exposed);
        m_lastAggregated = true;
        return;
    }
    // What crosses the exposed area.
    thread_local std::vector<int> hits;
    hits.clear();
    m_index->grid.query(exposed, [&](int h) {
        if (crosses(m_geom[std::size_t(h)], exposed))
            hits.push_back(h);
    });
    const int count = int(hits.size());
    m_lastDrawn = count;
    m_lastAggregated = count > kAggregateAbove;
    if (m_lastAggregated) {
        drawDensity(p, hits, exposed);
        return;
    }
    // Each detailed edge costs ~40 us when it crosses the screen (antialiased strokes, dashes);
    // more than a few hundred on screen is a hairball anyway.
    const bool detailed = lod >= 0.3 && count <= kDetailedUpTo;
    p->setRenderHint(QPainter::Antialiasing, detailed);
    if (!detailed) {
        // Far out or crowded: thin lines, rasterised in one pass in the translucent colours
        // pre-mixed with the background (faded ones first); emphasised, coloured and selected
        // edges on top with the painter.
        const QTransform t = p->worldTransform();
        QRect target = t.mapRect(exposed).toAlignedRect();
        if (const QPaintDevice *device = p->device())
            target &= QRect(0, 0, device->width(), device->height());
        const double a = count > 20000 ? 70 / 255.0 : 150 / 255.0;
        auto mixed = [&](const QColor &e) {
            const QColor &bg = s.background;
            return qRgb(int(255 * (bg.redF() + (e.redF() - bg.redF()) * a)),
                        int(255 * (bg.greenF() + (e.greenF() - bg.greenF()) * a)),
                        int(255 * (bg.blueF() + (e.blueF() - bg.blueF()) * a)));
        };
        const std::array<QRgb, 5> colours{mixed(s.edgeColor[0]), mixed(s.edgeColor[1]), mixed(s.edgeColor[2]),
                                          mixed(s.edgeColor[3]), mixed(s.faded)};
        std::vector<std::pair<QLineF, QRgb>> faded, plain;
        std::vector<std::pair<int, Look>> special;
        const QPointF origin = target.topLeft();
        for (const int h : hits) {
            const Look look = m_scene->edgeLook(h);
            if (look.emphasis || look.color.isValid() || m_scene->isEdgeSelected(h)) {
                special.emplace_back(h, look);
                continue;
            }
            const QLineF &l = m_geom[std::size_t(h)];
            const QLineF device(t.map(l.p1()) - origin, t.map(l.p2()) - origin);
            if (look.faded)
                faded.emplace_back(device, colours[4]);
            else
                plain.emplace_back(device, colours[std::size_t(store.edgeAt(h).kind)]);
        }
        if (!target.isEmpty() && (!faded.empty() || !plain.empty())) {
            QImage image(target.size(), QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            faded.insert(faded.end(), plain.begin(), plain.end());
            rasterLines(&image, faded);
            p->save();
            p->resetTransform();
            p->drawImage(target.topLeft(), image);
            p->restore();
        }
        std::stable_sort(special.begin(), special.end(),
                         [](const auto &a, const auto &b) { return a.second.emphasis < b.second.emphasis; });
        for (const auto &[h, look] : special) {
            QColor c = look.faded
                ? s.faded
                : (look.color.isValid() ? look.color : s.edgeColor[std::size_t(store.edgeAt(h).kind)]);
            if (m_scene->isEdgeSelected(h))
                c = s.selection;
            QPen pen(c, look.emphasis || m_scene->isEdgeSelected(h) ? 2.5 : 0.0);
            pen.setCosmetic(true);
            p->setPen(pen);
            p->drawLine(m_geom[std::size_t(h)]);
        }
        if (m_scene->overview())
            drawNodeBlocks(p, exposed);
        return;
    }
    // Close in: each kind with its own stroke, arrowheads, and badges.
    auto drawEdge = [&](int h, const QLineF &raw, const Look &look) {
        const Edge &e = store.edgeAt(h);
        const QLineF l = clipped(raw);
        if (l.length() < 2)
            return;
        // Only the visible part is stroked: a dash pattern along a line that runs far off
        // screen costs its whole length.
        double t0 = 0, t1 = 1;
        if (!clipSegment(l, exposed, &t0, &t1))
            return;
        const QLineF visible(l.pointAt(t0), l.pointAt(t1));
        const bool headVisible = t1 >= 1.0;
        const bool selected = m_scene->isEdgeSelected(h);
        QColor c = look.faded ? s.faded : (look.color.isValid() ? look.color : s.edgeColor[std::size_t(e.kind)]);
        if (selected)
            c = s.selection;
        const qreal w = (look.emphasis ? 3.2 : 1.5) + (selected ? 1.5 : 0);
        QPen pen(c, w, Qt::SolidLine, Qt::FlatCap);
        if (e.kind == EdgeKind::Access)
            pen.setDashPattern({6, 4});
        else if (e.kind == EdgeKind::Code)
            pen.setDashPattern({1.2, 3});
        p->setPen(pen);
        if (e.kind == EdgeKind::Hosts) {
            const QPointF u = (l.p2() - l.p1()) / l.length();
            const QPointF n(-u.y() * 2.2, u.x() * 2.2);
            p->drawLine(visible.translated(n));
            p->drawLine(visible.translated(-n));
        } else {
            p->drawLine(visible);
        }
        p->setPen(Qt::NoPen);
        p->setBrush(c);
        if (headVisible)
            drawArrow(p, l, 11 + w);
        if (lod < 0.55 || count > kDetailedUpTo / 2 || !exposed.contains(l.center()))
            return;
        // Badges at the middle: a data edge's category count, an access edge's key and scope.
        QString text;
        const bool key = e.kind == EdgeKind::Access;
        if (e.kind == EdgeKind::Data)
            text = QString::number(e.categories.size());
        else if (key)
            text = toString(e.scope).left(1).toUpper();
        if (text.isEmpty())
            return;
        QFont f = p->font();
        f.setPixelSize(10);
        f.setBold(true);
        p->setFont(f);
        const qreal keyWidth = key ? 13 : 0;
        const qreal tw = QFontMetricsF(f).horizontalAdvance(text) + 10 + keyWidth;
        const QRectF badge(l.center() - QPointF(tw / 2, 8), QSizeF(tw, 16));
        p->setPen(QPen(c, 1));
        p->setBrush(s.background);
        p->drawRoundedRect(badge, 8, 8);
        if (key) { // a small key: bow and bit
            const QPointF o = badge.topLeft() + QPointF(6, 8);
            p->setBrush(Qt::NoBrush);
            p->setPen(QPen(c, 1.4));
            p->drawEllipse(o, 2.6, 2.6);
            p->drawLine(o + QPointF(2.6, 0), o + QPointF(9, 0));
            p->drawLine(o + QPointF(7, 0), o + QPointF(7, 2.5));
        }
        p->setPen(c);
        p->drawText(badge.adjusted(keyWidth, 0, 0, 0), Qt::AlignCenter, text);
    };
    // Faded first, then ordinary, then emphasised on top.
    for (int pass = 0; pass < 3; ++pass)
        for (const int h : hits) {
            const Look look = m_scene->edgeLook(h);
            const int rank = look.emphasis ? 2 : (look.faded ? 0 : 1);
            if (rank == pass)
                drawEdge(h, m_geom[std::size_t(h)], look);
        }
    if (m_scene->overview())
        drawNodeBlocks(p, exposed);
}

void EdgeLayer::drawNodeBlocks(QPainter *p, const QRectF &exposed) const
{
    const CanvasStyle &s = m_scene->canvasStyle();
    const GraphStore &store = m_scene->document()->store();
    const QRectF r = CanvasStyle::nodeRect();
    const bool anySelected = !m_scene->selection()->nodes().isEmpty();
    store.forEachNode([&](int h, const Node &n) {
        if (!m_scene->nodeVisible(h))
            return;
        const QRectF block = r.translated(m_scene->nodePos(h));
        if (!block.intersects(exposed))
            return;
        const NodeLook look = m_scene->nodeLook(h);
        QColor c = look.faded ? s.faded : (look.border.isValid() ? look.border : s.nodeBorder[std::size_t(n.kind)]);
        if (anySelected && m_scene->selection()->containsNode(n.id)) {
            p->fillRect(block.adjusted(-30, -30, 30, 30), s.selection);
            c = s.selection;
        }
        p->fillRect(block, c);
    });
}

void EdgeLayer::drawDensity(QPainter *p, const std::vector<int> &hits, const QRectF &exposed)
{
    const CanvasStyle &s = m_scene->canvasStyle();
    const GraphStore &store = m_scene->document()->store();
    const QTransform t = p->worldTransform();
    const QRect target = t.mapRect(exposed).toAlignedRect();
    // Selected edges are always drawn on top as lines; they are few.
    auto drawSelected = [&] {
        QPen pen(s.selection, 2.5);
        pen.setCosmetic(true);
        p->setPen(pen);
        for (const QString &id : m_scene->selection()->edges()) {
            const int h = store.edge(id);
            if (h >= 0 && std::size_t(h) < m_geom.size() && !m_geom[std::size_t(h)].isNull())
                p->drawLine(m_geom[std::size_t(h)]);
        }
    };
    if (m_density && m_density->revision == m_revision && m_density->transform == t && m_density->exposed == exposed) {
        p->save();
        p->resetTransform();
        p->setRenderHint(QPainter::SmoothPixmapTransform);
        p->drawImage(m_density->target, m_density->image);
        p->restore();
        drawSelected();
        return;
    }
    // A third of the screen's resolution for the whole map, half for closer views.
    const double f = hits.size() > 100000 ? 1.0 / 3.0 : 0.5;
    const int w = std::max(1, int(target.width() * f)), h = std::max(1, int(target.height() * f));
    std::vector<std::pair<QPointF, QPointF>> ends(hits.size());
    std::vector<quint8> layer(hits.size());
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const int e = hits[i];
        const QLineF &l = m_geom[std::size_t(e)];
        ends[i] = {(t.map(l.p1()) - target.topLeft()) * f, (t.map(l.p2()) - target.topLeft()) * f};
        const Look look = m_scene->edgeLook(e);
        layer[i] = quint8(look.emphasis ? 5 : look.faded ? 4 : int(store.edgeAt(e).kind));
    }
    // Two threads, each with its own counters, summed afterwards.
    Counts a, b;
    a.init(w, h);
    b.init(w, h);
    const std::size_t half = hits.size() / 2;
    std::thread second([&] {
        for (std::size_t i = half; i < hits.size(); ++i)
            b.line(layer[i], ends[i].first, ends[i].second);
    });
    for (std::size_t i = 0; i < half; ++i)
        a.line(layer[i], ends[i].first, ends[i].second);
    second.join();
    for (std::size_t i = 0; i < a.c.size(); ++i)
        a.c[i] = quint16(std::min<int>(65535, a.c[i] + b.c[i]));
    // Counts to colour: the mix of the layers' colours, opaque as the count grows.
    std::array<QColor, kLayers> colours{s.edgeColor[0], s.edgeColor[1], s.edgeColor[2],
                                        s.edgeColor[3], s.faded,        s.selection};
    // The colours' components and the layers' weights once, and the opacity by count from a
    // table: this loop runs for every pixel of the image.
    std::array<double, kLayers> cr{}, cg{}, cb{}, weight{};
    for (int k = 0; k < kLayers; ++k) {
        cr[std::size_t(k)] = colours[std::size_t(k)].redF();
        cg[std::size_t(k)] = colours[std::size_t(k)].greenF();
        cb[std::size_t(k)] = colours[std::size_t(k)].blueF();
        weight[std::size_t(k)] = k == 5 ? 6.0 : 1.0;
    }
    static const std::array<double, 64> opacity = [] {
        std::array<double, 64> o{};
        for (std::size_t n = 0; n < o.size(); ++n)
            o[n] = 1.0 - std::exp(-0.35 * double(n));
        return o;
    }();
    QImage image(w, h, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    const std::size_t plane = std::size_t(w) * std::size_t(h);
    auto colourRows = [&](int from, int to) {
        for (int y = from; y < to; ++y) {
            auto *row = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int x = 0; x < w; ++x) {
                const std::size_t i = std::size_t(y) * std::size_t(w) + std::size_t(x);
                double total = 0, r = 0, g = 0, bl = 0;
                for (std::size_t k = 0; k < std::size_t(kLayers); ++k) {
                    const quint16 count = a.c[k * plane + i];
                    if (!count)
                        continue;
                    const double n = count * weight[k];
                    total += n;
                    r += n * cr[k];
                    g += n * cg[k];
                    bl += n * cb[k];
                }
                if (total <= 0)
                    continue;
                const double alpha = total < double(opacity.size()) ? opacity[std::size_t(total)] : 1.0;
                row[x] = qRgba(int(255 * alpha * r / total), int(255 * alpha * g / total),
                               int(255 * alpha * bl / total), int(255 * alpha));
            }
        }
    };
    // Two threads, a half of the rows each.
    std::thread lower([&] { colourRows(h / 2, h); });
    colourRows(0, h / 2);
    lower.join();
    if (m_scene->overview()) {
        // The nodes' blocks go into the same image, at the screen's resolution.
        QImage composite(target.size(), QImage::Format_ARGB32_Premultiplied);
        composite.fill(Qt::transparent);
        QPainter c(&composite);
        c.setRenderHint(QPainter::SmoothPixmapTransform);
        c.drawImage(QRect(QPoint(0, 0), target.size()), image);
        c.setTransform(t * QTransform::fromTranslate(-target.left(), -target.top()));
        drawNodeBlocks(&c, exposed);
        c.end();
        image = std::move(composite);
    }
    m_density = std::make_unique<Density>(Density{std::move(image), target, t, exposed, m_revision});
    p->save();
    p->resetTransform();
    p->setRenderHint(QPainter::SmoothPixmapTransform);
    p->drawImage(target, m_density->image);
    p->restore();
    drawSelected();
}

} // namespace vg
