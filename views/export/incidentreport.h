// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/analysisservice.h"
#include "model/domain/expected.h"

#include <QPageSize>

namespace vg {

class Document;

// The incident one-pager (PDF) for the meeting after a vendor breach: a headline summary;
// the exposed categories by tier with certainty, people and records; the affected
// populations and services; the notification obligations with deadlines and recipients;
// the cost range with its assumptions; the blast-subgraph diagram; the propagation paths;
// and what was NOT exposed. Laid out with QTextDocument (no browser engine), legible on A4
// and US Letter.
Status writeIncidentReport(Document *doc, const std::shared_ptr<const AnalysisResult> &result, const QString &path,
                           const QPageSize &pageSize = QPageSize(QPageSize::A4));

// The report's HTML (tests read it; the PDF is this, printed).
QString incidentReportHtml(Document *doc, const AnalysisResult &result, int diagramWidth = 640);

} // namespace vg
