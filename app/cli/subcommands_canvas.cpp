// SPDX-License-Identifier: GPL-3.0-or-later
// bench-canvas: the map's speed, measured offscreen with the canvas's own code.
#include "app/cli/cli.h"
#include "app/cli/subcommands.h"

#include "model/commands/changecommand.h"
#include "model/commands/edits.h"
#include "model/document/document.h"
#include "model/document/selection.h"
#include "model/io/modelfile.h"
#include "model/layout/graphvizlayout.h"
#include "model/layout/layoutgraph.h"
#include "views/canvas/graphscene.h"
#include "views/canvas/graphview.h"
#include "views/canvas/nodeitem.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QThreadPool>

#include <algorithm>

namespace vg::cli {

namespace {

double seconds(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e9; }

// The median of three renders of the view into an image, in ms, and the first one.
std::pair<double, double> paintMs(GraphView &view, QImage &image)
{
    std::vector<double> ms;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        QPainter p(&image);
        view.render(&p);
        p.end();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    const double first = ms.front();
    std::sort(ms.begin(), ms.end());
    return {ms[1], first};
}

QJsonValue layoutSeconds(LayoutKind kind, const Model &m)
{
    QElapsedTimer t;
    t.start();
    LayoutControl none;
    const auto r = runLayout(kind, m, {}, none);
    if (!r) {
        printErr(QStringLiteral("vendorgraph bench-canvas: %1 layout: %2").arg(toString(kind), r.error().message()));
        return QJsonValue(QJsonValue::Null);
    }
    return seconds(t);
}

} // namespace

int cmdBenchCanvas(const Command &c, const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("width"), QStringLiteral("view width"), QStringLiteral("W"), QStringLiteral("1600")});
    p.addOption({QStringLiteral("height"), QStringLiteral("view height"), QStringLiteral("H"), QStringLiteral("1000")});
    p.addOption({QStringLiteral("skip-layouts"), QStringLiteral("skip the organic and layered layouts")});
    p.addOption({QStringLiteral("save"), QStringLiteral("write the painted views (fit.png, zoom100.png) to DIR"),
                 QStringLiteral("DIR")});
    if (!parseArgs(c, p, args, 1, 1))
        return Usage;
    if (qEnvironmentVariableIsSet("VG_POOL1"))
        QThreadPool::globalInstance()->setMaxThreadCount(1);
    const int width = std::max(200, p.value(QStringLiteral("width")).toInt());
    const int height = std::max(200, p.value(QStringLiteral("height")).toInt());
    QElapsedTimer t;
    t.start();
    const auto model = loadOrReport(p.positionalArguments().first());
    if (!model)
        return Failed;
    const double loadS = seconds(t);
    QJsonObject o;
    o.insert(u"nodes", qint64(model->nodes.size()));
    o.insert(u"edges", qint64(model->edges.size()));
    o.insert(u"load_s", loadS);

    // Tiers: also what a file without positions gets when it is opened.
    Model placed = *model;
    t.restart();
    LayoutControl none;
    const auto tiers = runLayout(LayoutKind::Tiers, placed, {}, none);
    const double tiersS = seconds(t);
    if (!tiers)
        return reportError(tiers.error());
    const bool hadPositions = placed.layout.size() == qsizetype(placed.nodes.size());
    if (!hadPositions)
        for (auto it = tiers->cbegin(); it != tiers->cend(); ++it)
            placed.layout.insert(it.key(), *it);

    t.restart();
    Document doc;
    Selection selection(&doc);
    GraphScene scene(&doc, &selection);
    doc.reset(std::move(placed), QString());
    const double sceneS = seconds(t);
    o.insert(u"scene_s", sceneS);
    GraphView view(&scene);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(width, height);
    view.show();
    QCoreApplication::processEvents();
    view.fitAll();
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    o.insert(u"positions_in_file", hadPositions);
    const auto [fitMs, fitFirstMs] = paintMs(view, image);
    const QString saveDir = p.value(QStringLiteral("save"));
    if (!saveDir.isEmpty())
        image.save(saveDir + QStringLiteral("/fit.png"));
    o.insert(u"fit_paint_ms", fitMs);
    o.insert(u"fit_paint_first_ms", fitFirstMs);
    o.insert(u"fit_zoom", view.zoom());
    o.insert(u"fit_edges_drawn", scene.edgeLayer()->lastDrawnCount());
    // 100%, centred on the busiest node (the most edges).
    int busiest = -1;
    std::size_t degree = 0;
    doc.store().forEachNode([&](int h, const Node &) {
        const std::size_t d = doc.store().outEdges(h).size() + doc.store().inEdges(h).size();
        if (busiest < 0 || d > degree) {
            busiest = h;
            degree = d;
        }
    });
    view.setZoom(1.0);
    if (NodeItem *item = scene.nodeItem(busiest))
        view.centerOn(item);
    const auto [zoomMs, zoomFirstMs] = paintMs(view, image);
    if (!saveDir.isEmpty())
        image.save(saveDir + QStringLiteral("/zoom100.png"));
    o.insert(u"zoom100_paint_ms", zoomMs);
    o.insert(u"zoom100_paint_first_ms", zoomFirstMs);
    o.insert(u"zoom100_edges_drawn", scene.edgeLayer()->lastDrawnCount());

    // One node renamed and its item repainted: the median of 7 such edits (the name
    // alternates), each timed from the command's push to the end of the repaint of what the
    // viewport marks dirty for it (the item's own rectangle).
    const QString id = doc.store().nodeAt(busiest).id;
    const QString name = doc.store().nodeAt(busiest).name;
    const int refreshesBefore = scene.refreshCount();
    std::vector<double> editMs, applyMs;
    for (int i = 0; i < 7; ++i) {
        Node renamed = doc.store().nodeAt(busiest);
        renamed.name = name + (i % 2 ? QStringLiteral(" (renamed)") : QStringLiteral(" (renamed again)"));
        t.restart();
        doc.undoStack()->push(new ChangeCommand(&doc, replaceNode(doc, id, renamed), QStringLiteral("Rename")));
        applyMs.push_back(double(t.nsecsElapsed()) / 1e6);
        {
            const QRect dirty = view.mapFromScene(scene.nodeItem(busiest)->sceneBoundingRect()).boundingRect();
            QPainter painter(&image);
            painter.setClipRect(dirty);
            view.render(&painter, QRectF(dirty), dirty);
        }
        editMs.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    const double editMax = *std::max_element(editMs.begin(), editMs.end());
    std::sort(editMs.begin(), editMs.end());
    std::sort(applyMs.begin(), applyMs.end());
    o.insert(u"edit_apply_ms", applyMs[3]);
    o.insert(u"edit_ms", editMs[3]);
    o.insert(u"edit_max_ms", editMax);
    o.insert(u"edit_edges_drawn", scene.edgeLayer()->lastDrawnCount());
    o.insert(u"edit_items_refreshed", (scene.refreshCount() - refreshesBefore) / 7.0);

    o.insert(u"tiers_s", tiersS);
    if (p.isSet(QStringLiteral("skip-layouts"))) {
        o.insert(u"organic_s", QJsonValue(QJsonValue::Null));
        o.insert(u"layered_s", QJsonValue(QJsonValue::Null));
    } else {
        o.insert(u"organic_s", layoutSeconds(LayoutKind::Organic, *model));
        const bool dot = int(model->nodes.size()) <= kDotMaxNodes && int(model->edges.size()) <= kDotMaxEdges;
        o.insert(u"layered_engine", dot ? QStringLiteral("dot") : QStringLiteral("sfdp"));
        // Above dot's size the layered layout falls back to sfdp; it is still timed.
        o.insert(u"layered_s", layoutSeconds(LayoutKind::Layered, *model));
    }
    o.insert(u"peak_rss_mb", peakRssMb());
    printOut(json(o));
    return Ok;
}

} // namespace vg::cli
