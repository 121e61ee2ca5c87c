// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/canvas/edgelayer.h"

#include "model/document/document.h"
#include "views/canvas/canvasstyle.h"
#include "views/canvas/graphscene.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace vg {

namespace {

using Point = bg::model::point<double, 2, bg::cs::cartesian>;
using Box = bg::model::box<Point>;
using Entry = std::pair<Box, int>;

Box boxOf(const QLineF &l)
{
    return Box(Point(std::min(l.x1(), l.x2()), std::min(l.y1(), l.y2())),
               Point(std::max(l.x1(), l.x2()), std::max(l.y1(), l.y2())));
}

// Liang-Barsky: whether the segment crosses the rectangle.
bool crosses(const QLineF &l, const QRectF &r)
{
    double t0 = 0, t1 = 1;
    const double dx = l.dx(), dy = l.dy();
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {l.x1() - r.left(), r.right() - l.x1(), l.y1() - r.top(), r.bottom() - l.y1()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    return true;
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
    bgi::rtree<Entry, bgi::rstar<16>> tree;
};

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
    m_geom.assign(std::size_t(s.edgeSlots()), QLineF());
    m_offset.assign(std::size_t(s.edgeSlots()), 0.f);
    // Parallel edges between the same two nodes get offsets; most pairs have one edge.
    QHash<quint64, int> pairCount;
    s.forEachEdge([&](int h, const Edge &) {
        const int a = std::min(s.edgeFrom(h), s.edgeTo(h)), b = std::max(s.edgeFrom(h), s.edgeTo(h));
        ++pairCount[quint64(a) << 32 | quint32(b)];
    });
    QHash<quint64, int> seen;
    std::vector<Entry> entries;
    entries.reserve(std::size_t(s.edgeCount()));
    s.forEachEdge([&](int h, const Edge &) {
        const int a = std::min(s.edgeFrom(h), s.edgeTo(h)), b = std::max(s.edgeFrom(h), s.edgeTo(h));
        const quint64 key = quint64(a) << 32 | quint32(b);
        const int n = pairCount.value(key);
        if (n > 1) {
            const int k = seen[key]++;
            m_offset[std::size_t(h)] = float((k - (n - 1) / 2.0) * 16.0);
        }
        m_geom[std::size_t(h)] = QLineF();
        if (!m_scene->edgeVisible(h))
            return;
        QLineF l = rawSegment(h);
        if (m_offset[std::size_t(h)] != 0.f) {
            const QPointF pa = m_scene->nodePos(a), pb = m_scene->nodePos(b);
            QPointF nrm(-(pb - pa).y(), (pb - pa).x());
            const double len = std::hypot(nrm.x(), nrm.y());
            if (len > 0)
                l.translate(nrm / len * m_offset[std::size_t(h)]);
        }
        m_geom[std::size_t(h)] = l;
        entries.emplace_back(boxOf(l), h);
    });
    m_index->tree = bgi::rtree<Entry, bgi::rstar<16>>(entries.begin(), entries.end());
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
    m_index->tree.insert(Entry(boxOf(l), h));
    update(l.p1().x() < l.p2().x() ? QRectF(l.p1(), l.p2()).normalized().adjusted(-20, -20, 20, 20)
                                   : QRectF(l.p2(), l.p1()).normalized().adjusted(-20, -20, 20, 20));
}

void EdgeLayer::unplace(int h)
{
    if (std::size_t(h) >= m_geom.size() || m_geom[std::size_t(h)].isNull())
        return;
    const QLineF l = m_geom[std::size_t(h)];
    m_index->tree.remove(Entry(boxOf(l), h));
    m_geom[std::size_t(h)] = QLineF();
    update(QRectF(l.p1(), l.p2()).normalized().adjusted(-20, -20, 20, 20));
}

void EdgeLayer::updateSiblings(int a, int b)
{
    const GraphStore &s = m_scene->document()->store();
    if (a < 0 || b < 0)
        return;
    std::vector<int> group;
    for (const int e : s.outEdges(a))
        if (s.edgeTo(e) == b)
            group.push_back(e);
    for (const int e : s.inEdges(a))
        if (s.edgeFrom(e) == b)
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
    if (std::size_t(h) < m_offset.size())
        m_offset[std::size_t(h)] = 0.f;
}

void EdgeLayer::edgeChanged(int h)
{
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
    const Box query(Point(p.x() - tol, p.y() - tol), Point(p.x() + tol, p.y() + tol));
    for (auto it = m_index->tree.qbegin(bgi::intersects(query)); it != m_index->tree.qend(); ++it) {
        const double d = distance(p, clipped(m_geom[std::size_t(it->second)]));
        if (d < bestDist) {
            bestDist = d;
            best = it->second;
        }
    }
    return best;
}

void EdgeLayer::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QRectF exposed = option->exposedRect.isValid() ? option->exposedRect : m_bounds;
    const qreal lod = option->levelOfDetailFromTransform(p->worldTransform());
    const CanvasStyle &s = m_scene->canvasStyle();
    const GraphStore &store = m_scene->document()->store();
    const Box query(Point(exposed.left(), exposed.top()), Point(exposed.right(), exposed.bottom()));
    // What crosses the exposed area.
    thread_local std::vector<int> hits;
    hits.clear();
    for (auto it = m_index->tree.qbegin(bgi::intersects(query)); it != m_index->tree.qend(); ++it)
        if (crosses(m_geom[std::size_t(it->second)], exposed))
            hits.push_back(it->second);
    const int count = int(hits.size());
    m_lastDrawn = count;
    const bool detailed = lod >= 0.3 && count <= 4000;
    p->setRenderHint(QPainter::Antialiasing, detailed);
    if (!detailed) {
        // Far out or crowded: one batch of thin lines per kind; the overlay's edges on top.
        std::array<std::vector<QLineF>, 4> byKind;
        std::vector<std::pair<int, Look>> special;
        for (const int h : hits) {
            const Look look = m_scene->edgeLook(h);
            if (look.emphasis || look.faded || look.color.isValid() || m_scene->isEdgeSelected(h))
                special.emplace_back(h, look);
            else
                byKind[std::size_t(store.edgeAt(h).kind)].push_back(m_geom[std::size_t(h)]);
        }
        for (std::size_t k = 0; k < 4; ++k) {
            QColor c = s.edgeColor[k];
            c.setAlpha(count > 20000 ? 70 : 150);
            p->setPen(QPen(c, 0));
            p->drawLines(byKind[k].data(), int(byKind[k].size()));
        }
        std::stable_sort(special.begin(), special.end(),
                         [](const auto &a, const auto &b) { return a.second.emphasis < b.second.emphasis; });
        for (const auto &[h, look] : special) {
            QColor c = look.faded ? s.faded
                                  : (look.color.isValid() ? look.color : s.edgeColor[std::size_t(store.edgeAt(h).kind)]);
            if (m_scene->isEdgeSelected(h))
                c = s.selection;
            QPen pen(c, look.emphasis || m_scene->isEdgeSelected(h) ? 2.5 : 0.0);
            pen.setCosmetic(true);
            p->setPen(pen);
            p->drawLine(m_geom[std::size_t(h)]);
        }
        return;
    }
    // Close in: each kind with its own stroke, arrowheads, and badges.
    auto drawEdge = [&](int h, const QLineF &raw, const Look &look) {
        const Edge &e = store.edgeAt(h);
        const QLineF l = clipped(raw);
        if (l.length() < 2)
            return;
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
            p->drawLine(l.translated(n));
            p->drawLine(l.translated(-n));
        } else {
            p->drawLine(l);
        }
        p->setPen(Qt::NoPen);
        p->setBrush(c);
        drawArrow(p, l, 11 + w);
        if (lod < 0.55 || count > 1500)
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
}

} // namespace vg
