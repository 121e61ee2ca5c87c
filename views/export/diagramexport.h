// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/analysisservice.h"
#include "model/domain/expected.h"

#include <QDate>
#include <QPageSize>
#include <QRectF>
#include <QStringList>

#include <memory>

class QPainter;

namespace vg {

class Document;

// What a diagram shows. It is drawn by the canvas's own scene code, offscreen, in the light
// theme whatever the screen's: what the user sees on the map is what the file shows.
struct DiagramRequest {
    // Blast: the seeds, every reached node, both ends of the flows that carried exposed data,
    // and the populations it is about.
    enum class Scope { All, View, Selection, Blast };
    Scope scope = Scope::All;
    QString title;          // default: the model's name
    QStringList selection;  // Scope::Selection: node ids
    QRectF viewRect;        // Scope::View: the scene rectangle on screen
    // The scenario to overlay (and, for Scope::Blast, whose seeds, reached nodes and holders
    // to show with their carrying edges).
    std::shared_ptr<const AnalysisResult> analysis;
    double scale = 1.0;                        // PNG resolution: 1x, 2x, 3x
    QPageSize pageSize = QPageSize(QPageSize::A4); // PDF; landscape
    QDate date = QDate::currentDate();         // in the header (tests pin it)
};

enum class DiagramFormat { Png, Svg, Pdf };
std::optional<DiagramFormat> diagramFormatFromString(const QString &s);

// Writes the diagram: a header (title; scenario; model, date), the map, and a legend of node
// shapes, edge styles, tiers and (with a scenario) states.
Status exportDiagram(Document *doc, const DiagramRequest &request, DiagramFormat format, const QString &path);

// The diagram's logical size (the PNG's size at 1x): the map at a readable scale with the
// header and legend.
QSizeF diagramPageSize(Document *doc, const DiagramRequest &request);
// Draws the same diagram into rect of any painter (the incident report embeds it).
void paintDiagram(Document *doc, const DiagramRequest &request, QPainter *painter, const QRectF &rect);

// A one-line description of a scenario ("analytics breached; chat_widget controlled").
QString scenarioLine(const Scenario &scenario);

} // namespace vg
