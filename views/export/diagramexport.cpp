// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/export/diagramexport.h"

#include "model/document/document.h"
#include "model/document/selection.h"
#include "model/storage/atomicfile.h"
#include "views/canvas/blastoverlay.h"
#include "views/canvas/canvasstyle.h"
#include "views/canvas/graphscene.h"

#include <QDate>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

namespace vg {

namespace {

constexpr double kHeader = 64, kLegend = 96, kMargin = 24;

// The scene of a diagram: the document's map in the light theme, the scope as a view filter,
// the scenario as an overlay.
struct DiagramScene {
    Selection selection;
    GraphScene scene;
    QRectF source;

    DiagramScene(Document *doc, const DiagramRequest &r) : selection(doc), scene(doc, &selection)
    {
        scene.setCanvasStyle(CanvasStyle::light());
        if (r.analysis && r.analysis->radius)
            scene.setOverlay(std::make_shared<BlastOverlay>(r.analysis, CanvasStyle::light()));
        ViewFilter f;
        switch (r.scope) {
        case DiagramRequest::Scope::Blast:
            if (r.analysis) {
                // The seeds and everything reached...
                doc->store().forEachNode([&](int h, const Node &n) {
                    if (std::size_t(h) < r.analysis->nodes.size() && r.analysis->nodes[std::size_t(h)].reached)
                        f.onlyNodes.insert(n.id);
                });
                // ... the other ends of the flows that carried exposed data, and the people it
                // is about: where the data came from, as well as where it went.
                if (r.analysis->radius)
                    for (const ExposedCategory &c : r.analysis->radius->exposed()) {
                        for (const QString &e : r.analysis->radius->via(c.category)) {
                            const int h = doc->store().edge(e);
                            if (h >= 0) {
                                f.onlyNodes.insert(doc->store().edgeAt(h).from);
                                f.onlyNodes.insert(doc->store().edgeAt(h).to);
                            }
                        }
                        for (const QString &o : c.origins)
                            f.onlyNodes.insert(o);
                    }
            }
            if (f.onlyNodes.isEmpty())
                f.onlyNodes.insert(QStringLiteral("\x01none"));
            break;
        case DiagramRequest::Scope::Selection:
            f.onlyNodes = QSet<QString>(r.selection.begin(), r.selection.end());
            break;
        default: break;
        }
        scene.setFilter(f);
        source = r.scope == DiagramRequest::Scope::View && !r.viewRect.isEmpty()
            ? r.viewRect
            : scene.contentRect().adjusted(-30, -40, 30, 30);
    }
};

void drawLegend(QPainter *p, const QRectF &area, bool states)
{
    const CanvasStyle s = CanvasStyle::light();
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    QFont f = p->font();
    f.setPixelSize(11);
    p->setFont(f);
    double x = area.left();
    const double y = area.top() + 10;
    auto label = [&](const QString &text, double width) {
        p->setPen(s.text);
        p->drawText(QRectF(x, y - 8, width, 18), Qt::AlignLeft | Qt::AlignVCenter, text);
        x += width;
    };
    // Node shapes.
    for (const auto &[kind, name] :
         {std::pair{NodeKind::People, QObject::tr("people")}, std::pair{NodeKind::Service, QObject::tr("service")},
          std::pair{NodeKind::Vendor, QObject::tr("vendor")}}) {
        p->save();
        p->translate(x + 22, y);
        p->scale(0.25, 0.3);
        p->setPen(QPen(s.nodeBorder[std::size_t(kind)], 4));
        p->setBrush(s.nodeFill[std::size_t(kind)]);
        p->drawPath(CanvasStyle::shape(kind));
        p->restore();
        x += 50;
        label(name, 60);
    }
    // Edge styles.
    for (const auto &[kind, name] :
         {std::pair{EdgeKind::Data, QObject::tr("data flow")}, std::pair{EdgeKind::Access, QObject::tr("credential")},
          std::pair{EdgeKind::Code, QObject::tr("code runs in")}, std::pair{EdgeKind::Hosts, QObject::tr("hosts")}}) {
        QPen pen(s.edgeColor[std::size_t(kind)], 1.8);
        if (kind == EdgeKind::Access)
            pen.setDashPattern({6, 4});
        if (kind == EdgeKind::Code)
            pen.setDashPattern({1.2, 3});
        p->setPen(pen);
        if (kind == EdgeKind::Hosts) {
            p->drawLine(QPointF(x, y - 2), QPointF(x + 34, y - 2));
            p->drawLine(QPointF(x, y + 2), QPointF(x + 34, y + 2));
        } else {
            p->drawLine(QPointF(x, y), QPointF(x + 34, y));
        }
        x += 40;
        label(name, 82);
    }
    // Tiers.
    x = area.left();
    const double y2 = y + 28;
    p->setPen(s.text);
    p->drawText(QRectF(x, y2 - 8, 70, 18), Qt::AlignLeft | Qt::AlignVCenter, QObject::tr("vendor tier"));
    x += 74;
    for (int t = 1; t <= 4; ++t) {
        const QRectF badge(x, y2 - 8, 30, 16);
        p->setPen(Qt::NoPen);
        p->setBrush(s.tierColor[std::size_t(t - 1)]);
        p->drawRoundedRect(badge, 8, 8);
        p->setPen(s.tierText[std::size_t(t - 1)]);
        p->drawText(badge, Qt::AlignCenter, QStringLiteral("T%1").arg(t));
        x += 36;
    }
    p->setPen(s.subtleText);
    p->drawText(QRectF(x + 6, y2 - 8, 300, 18), Qt::AlignLeft | Qt::AlignVCenter,
                QObject::tr("1 critical · 2 significant · 3 standard · 4 minimal"));
    if (states) {
        x = area.left();
        const double y3 = y2 + 28;
        p->setPen(s.text);
        p->drawText(QRectF(x, y3 - 8, 70, 18), Qt::AlignLeft | Qt::AlignVCenter, QObject::tr("scenario"));
        x += 74;
        auto state = [&](const QColor &c, bool hatched, bool faded, const QString &text) {
            const QRectF box(x, y3 - 8, 26, 16);
            p->setPen(QPen(faded ? s.faded : c, 1.5));
            p->setBrush(faded ? s.background : (hatched ? QBrush(c, Qt::BDiagPattern) : QBrush(c.lighter(150))));
            p->drawRoundedRect(box, 3, 3);
            x += 32;
            p->setPen(s.text);
            p->drawText(QRectF(x, y3 - 8, 150, 18), Qt::AlignLeft | Qt::AlignVCenter, text);
            x += QFontMetricsF(p->font()).horizontalAdvance(text) + 18;
        };
        state(BlastOverlay::seedColor(Compromise::Breached), false, false, QObject::tr("seed"));
        state(BlastOverlay::stateColor(Compromise::Controlled), false, false, QObject::tr("controlled"));
        state(BlastOverlay::stateColor(Compromise::Breached), false, false, QObject::tr("breached"));
        state(BlastOverlay::stateColor(Compromise::Breached), true, false, QObject::tr("potentially (hatched)"));
        state(QColor(), false, true, QObject::tr("not reached"));
        p->setPen(QPen(QColor(0xc6, 0x28, 0x28), 3));
        p->drawLine(QPointF(x, y3), QPointF(x + 30, y3));
        x += 36;
        p->setPen(s.text);
        p->drawText(QRectF(x, y3 - 8, 220, 18), Qt::AlignLeft | Qt::AlignVCenter,
                    QObject::tr("carried the compromise or the data"));
    }
    p->restore();
}

} // namespace

std::optional<DiagramFormat> diagramFormatFromString(const QString &s)
{
    if (s == u"png")
        return DiagramFormat::Png;
    if (s == u"svg")
        return DiagramFormat::Svg;
    if (s == u"pdf")
        return DiagramFormat::Pdf;
    return std::nullopt;
}

QString scenarioLine(const Scenario &scenario)
{
    QStringList parts;
    for (const Seed &seed : scenario.seeds)
        parts << QObject::tr("%1 %2").arg(seed.nodeId, toString(seed.mode));
    QString line = parts.join(QStringLiteral("; "));
    if (scenario.maxHops)
        line += QObject::tr(" (at most %n hop(s))", nullptr, *scenario.maxHops);
    if (!scenario.potential)
        line += QObject::tr(" (no potential pivots)");
    return line;
}

void paintDiagram(Document *doc, const DiagramRequest &request, QPainter *p, const QRectF &rect)
{
    DiagramScene d(doc, request);
    const CanvasStyle s = CanvasStyle::light();
    p->save();
    p->fillRect(rect, Qt::white);
    const bool states = request.analysis && request.analysis->radius;
    // Header.
    QFont f = p->font();
    f.setPixelSize(20);
    f.setBold(true);
    p->setFont(f);
    p->setPen(s.text);
    const QRectF inner = rect.adjusted(kMargin, kMargin * 0.6, -kMargin, -kMargin * 0.6);
    const QString title =
        request.title.isEmpty() ? (doc->name().isEmpty() ? QObject::tr("Vendor map") : doc->name()) : request.title;
    p->drawText(QRectF(inner.left(), inner.top(), inner.width(), 26), Qt::AlignLeft | Qt::AlignVCenter, title);
    f.setPixelSize(12);
    f.setBold(false);
    p->setFont(f);
    p->setPen(s.subtleText);
    QStringList sub;
    if (states)
        sub << QObject::tr("Scenario: %1").arg(scenarioLine(request.analysis->scenario));
    else
        sub << QObject::tr("No scenario");
    sub << QObject::tr("Model: %1").arg(doc->name()) << request.date.toString(Qt::ISODate);
    static const char *const scopes[] = {QT_TR_NOOP("whole map"), QT_TR_NOOP("current view"), QT_TR_NOOP("selection"),
                                         QT_TR_NOOP("blast subgraph")};
    sub << QObject::tr(scopes[int(request.scope)]);
    p->drawText(QRectF(inner.left(), inner.top() + 28, inner.width(), 18), Qt::AlignLeft | Qt::AlignVCenter,
                sub.join(QStringLiteral("  ·  ")));
    // The map.
    const QRectF mapArea(inner.left(), inner.top() + kHeader, inner.width(),
                         inner.height() - kHeader - (states ? kLegend : kLegend - 28));
    p->setPen(QPen(s.faded, 1));
    p->setBrush(Qt::NoBrush);
    p->drawRect(mapArea);
    if (!d.source.isEmpty()) {
        // Fitted, but never magnified beyond the canvas's 100%: a small subgraph stays its size.
        const QRectF box = mapArea.adjusted(4, 4, -4, -4);
        const double k = std::min({1.0, box.width() / d.source.width(), box.height() / d.source.height()});
        const QSizeF size = d.source.size() * k;
        const QRectF target(box.center() - QPointF(size.width() / 2, size.height() / 2), size);
        d.scene.render(p, target, d.source, Qt::KeepAspectRatio);
    }
    // Legend.
    drawLegend(p, QRectF(inner.left(), mapArea.bottom() + 10, inner.width(), kLegend), states);
    p->restore();
}

QSizeF diagramPageSize(Document *doc, const DiagramRequest &request)
{
    // The map at a readable scale, capped so that a big map stays a slide; never narrower
    // than the legend.
    QRectF source;
    {
        DiagramScene d(doc, request);
        source = d.source;
    }
    const bool states = request.analysis && request.analysis->radius;
    const double k = source.isEmpty() ? 1.0 : std::min({0.6, 1500.0 / source.width(), 900.0 / source.height()});
    return {std::max(900.0, source.width() * k + 2 * kMargin),
            std::max(500.0, source.height() * k + kHeader + (states ? kLegend : kLegend - 28) + 2 * kMargin)};
}

namespace {

Status writeDiagram(Document *doc, const DiagramRequest &request, DiagramFormat format, const QString &path)
{
    const QSizeF size = diagramPageSize(doc, request);
    const double width = size.width(), height = size.height();
    const QRectF page(0, 0, width, height);
    switch (format) {
    case DiagramFormat::Png: {
        const double scale = std::clamp(request.scale, 0.5, 4.0);
        // Opaque: no alpha channel to encode, and the PNG writer's faster zlib level (the
        // files are a few percent larger; a 1,000-node map at 2x is written in half the time).
        QImage image(QSize(int(width * scale), int(height * scale)), QImage::Format_RGB32);
        image.fill(Qt::white);
        {
            QPainter p(&image);
            p.setRenderHint(QPainter::Antialiasing);
            p.setRenderHint(QPainter::TextAntialiasing);
            p.scale(scale, scale);
            paintDiagram(doc, request, &p, page);
        }
        if (!image.save(path, "PNG", 80))
            return Error(path, QObject::tr("could not write the PNG file"));
        return Done{};
    }
    case DiagramFormat::Svg: {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(page.size().toSize());
        svg.setViewBox(page);
        svg.setTitle(request.title.isEmpty() ? doc->name() : request.title);
        svg.setDescription(QObject::tr("VendorGraph diagram"));
        QPainter p;
        if (!p.begin(&svg))
            return Error(path, QObject::tr("could not write the SVG file"));
        paintDiagram(doc, request, &p, page);
        p.end();
        if (!QFileInfo(path).isFile())
            return Error(path, QObject::tr("could not write the SVG file"));
        return Done{};
    }
    case DiagramFormat::Pdf: {
        QPdfWriter pdf(path);
        pdf.setPageSize(request.pageSize);
        pdf.setPageOrientation(QPageLayout::Landscape);
        pdf.setPageMargins(QMarginsF(8, 8, 8, 8), QPageLayout::Millimeter);
        pdf.setTitle(request.title.isEmpty() ? doc->name() : request.title);
        pdf.setCreator(QStringLiteral("VendorGraph"));
        pdf.setResolution(144);
        QPainter p;
        if (!p.begin(&pdf))
            return Error(path, QObject::tr("could not write the PDF file"));
        // The logical page scaled to the printable area, aspect kept.
        const QRectF area(0, 0, pdf.width(), pdf.height());
        const double s = std::min(area.width() / width, area.height() / height);
        p.translate((area.width() - width * s) / 2, 0);
        p.scale(s, s);
        paintDiagram(doc, request, &p, page);
        p.end();
        return Done{};
    }
    }
    return Error(path, QObject::tr("unknown diagram format"));
}

} // namespace

Status exportDiagram(Document *doc, const DiagramRequest &request, DiagramFormat format, const QString &path)
{
    // Replaced atomically: a failed export leaves the old file as it was.
    return writeFileAtomically(path, [&](const QString &tmp) { return writeDiagram(doc, request, format, tmp); });
}

} // namespace vg
