// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/export/incidentreport.h"

#include "model/storage/atomicfile.h"

#include "model/document/document.h"
#include "model/reports/analysistables.h"
#include "model/reports/format.h"
#include "views/canvas/canvasstyle.h"
#include "views/export/diagramexport.h"

#include <QDate>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

namespace vg {

namespace {

QString esc(const QString &s) { return s.toHtmlEscaped(); }

QString tierCell(int tier)
{
    const CanvasStyle s = CanvasStyle::light();
    const QColor c = s.tierColor[std::size_t(std::clamp(tier, 1, 4) - 1)];
    const QColor t = s.tierText[std::size_t(std::clamp(tier, 1, 4) - 1)];
    return QStringLiteral("<td style='background:%1;color:%2;text-align:center'><b>T%3</b></td>")
        .arg(c.name(), t.name())
        .arg(tier);
}

QString statusCell(ObligationStatus st)
{
    switch (st) {
    case ObligationStatus::Likely: return QStringLiteral("<td style='color:#b71c1c'><b>likely</b></td>");
    case ObligationStatus::Assess: return QStringLiteral("<td style='color:#e65100'><b>assess</b></td>");
    case ObligationStatus::NotTriggered: break;
    }
    return QStringLiteral("<td style='color:#5f6770'>no</td>");
}

constexpr int kMaxPaths = 12;

} // namespace

QString incidentReportHtml(Document *doc, const AnalysisResult &result, int diagramWidth)
{
    const BlastRadius &r = *result.radius;
    const ScenarioSummary &s = r.summary();
    const CostEstimate &c = r.cost();
    QString h;
    h += QStringLiteral("<html><body style='font-family:DejaVu Sans, sans-serif; font-size:8pt'>");
    h += QStringLiteral("<h2 style='margin-bottom:2px'>Incident one-pager: %1</h2>")
             .arg(esc(scenarioLine(r.scenario())));
    h += QStringLiteral("<p style='color:#5f6770;margin-top:0'>Model: %1 · prepared %2 with VendorGraph %3</p>")
             .arg(esc(doc->name()), QDate::currentDate().toString(Qt::ISODate), QStringLiteral(VENDORGRAPH_VERSION));
    // Headline.
    int likely = 0, assess = 0;
    for (const Obligation &o : r.obligations()) {
        likely += o.status == ObligationStatus::Likely;
        assess += o.status == ObligationStatus::Assess;
    }
    h += QStringLiteral("<table width='100%' cellpadding='6' style='background:#fdf1e3'><tr><td>"
                        "<b style='font-size:10pt'>%1 reached (%2 directly, %3 controlled); %4 exposed (%5 tier 1); "
                        "%6 people behind them.</b><br>"
                        "Notification: <b>%7 likely</b>, %8 to assess. Cost range: <b>%9 – %10</b>.</td></tr></table>")
             .arg(s.reached == 1 ? QObject::tr("1 system") : QObject::tr("%1 systems").arg(s.reached))
             .arg(s.reachedDirect)
             .arg(s.controlled)
             .arg(r.exposed().size() == 1 ? QObject::tr("1 data category")
                                          : QObject::tr("%1 data categories").arg(r.exposed().size()))
             .arg(s.categoriesByTier[0])
             .arg(formatCount(s.people))
             .arg(likely)
             .arg(assess)
             .arg(formatUsd(c.low), formatUsd(c.high));
    // Exposed categories by tier.
    h +=
        QStringLiteral("<h3>Exposed data categories</h3><table width='100%' border='1' cellspacing='0' cellpadding='3'>"
                       "<tr style='background:#eceff1'><th>Tier</th><th>Category</th><th>Certainty</th><th>People</th>"
                       "<th>Records</th><th>Held at</th></tr>");
    std::vector<const ExposedCategory *> cats;
    for (const ExposedCategory &x : r.exposed())
        cats.push_back(&x);
    std::stable_sort(cats.begin(), cats.end(), [](auto *a, auto *b) { return a->tier < b->tier; });
    for (const ExposedCategory *x : cats) {
        QString certainty = x->plaintext ? toString(*x->plaintext) : QStringLiteral("encrypted only");
        if (x->plaintext && x->someEncrypted)
            certainty += QStringLiteral(" (some copies encrypted)");
        const QStringList all = r.holders(x->category);
        QStringList holders = all;
        if (holders.size() > 6)
            holders = holders.mid(0, 6) << QStringLiteral("+%1").arg(all.size() - 6);
        h += QStringLiteral("<tr>%1<td><b>%2</b> %3</td><td>%4</td><td align='right'>%5</td><td align='right'>%6</td>"
                            "<td>%7</td></tr>")
                 .arg(tierCell(x->tier), esc(x->category), esc(x->name), esc(certainty),
                      x->people ? formatCount(x->people) : QStringLiteral("unknown"),
                      x->recordsKnown ? formatCount(x->records) : QStringLiteral("not stated"),
                      esc(holders.join(u", ")));
    }
    h += QStringLiteral("</table>");
    // Populations and services.
    const Table pops = populationsTable(r, *result.model);
    h += QStringLiteral(
        "<h3>Affected populations and services</h3><table width='100%' border='1' cellspacing='0' "
        "cellpadding='3'><tr style='background:#eceff1'><th>Population</th><th>People</th><th>Regions</th>"
        "<th>Exposed</th></tr>");
    for (const auto &row : pops.rows)
        h += QStringLiteral("<tr><td>%1</td><td align='right'>%2</td><td>%3</td><td>%4</td></tr>")
                 .arg(esc(row[0].toString()), row[1].isValid() ? formatCount(row[1].toLongLong()) : QString(),
                      esc(row[2].toString()), esc(row[3].toString()));
    h += QStringLiteral("</table><p>Services that sent the exposed data: %1</p>")
             .arg(r.services().isEmpty() ? QStringLiteral("none") : esc(r.services().join(u", ")));
    // Obligations.
    h += QStringLiteral(
        "<h3>Notification obligations</h3><table width='100%' border='1' cellspacing='0' cellpadding='3'>"
        "<tr style='background:#eceff1'><th width='17%'>Regime</th><th width='10%'>Status</th>"
        "<th width='19%'>Deadline</th><th width='15%'>Recipient</th><th>Why</th></tr>");
    QStringList quiet;
    for (const ObligationStatus wanted : {ObligationStatus::Likely, ObligationStatus::Assess})
        for (const Obligation &o : r.obligations())
            if (o.status == wanted)
                h += QStringLiteral("<tr><td>%1</td>%2<td>%3</td><td>%4</td><td>%5</td></tr>")
                         .arg(esc(o.name), statusCell(o.status), esc(o.deadline), esc(o.recipient), esc(o.reason));
    for (const Obligation &o : r.obligations())
        if (o.status == ObligationStatus::NotTriggered)
            quiet << o.regime;
    h += QStringLiteral("</table><p style='color:#5f6770'>Not triggered by this scenario: %1 (reasons in "
                        "<i>vendorgraph blast</i>).</p>")
             .arg(quiet.isEmpty() ? QStringLiteral("none") : esc(quiet.join(u", ")));
    // Cost.
    h += QStringLiteral("<h3>Cost range</h3><p><b>%1 – %2</b>").arg(formatUsd(c.low), formatUsd(c.high));
    if (c.directLow != c.low || c.directHigh != c.high)
        h += QStringLiteral("; of which direct: %1 – %2").arg(formatUsd(c.directLow), formatUsd(c.directHigh));
    h += QStringLiteral("</p><ul style='color:#37474f'>");
    for (const QString &a : c.assumptions)
        h += QStringLiteral("<li>%1</li>").arg(esc(a));
    h += QStringLiteral("</ul>");
    // The diagram.
    h += QStringLiteral("<h3>Blast subgraph</h3><p><img src='diagram://blast' width='%1'></p>").arg(diagramWidth);
    // Paths.
    h += QStringLiteral("<h3>Propagation paths</h3><table width='100%' cellpadding='2'>");
    std::vector<const ReachedNode *> nodes;
    for (const ReachedNode &n : r.nodes())
        if (n.hops > 0)
            nodes.push_back(&n);
    std::stable_sort(nodes.begin(), nodes.end(), [](auto *a, auto *b) { return a->hops < b->hops; });
    int shown = 0;
    for (const ReachedNode *n : nodes) {
        if (shown++ >= kMaxPaths)
            break;
        h += QStringLiteral("<tr><td><b>%1</b> (%2, %3)</td><td style='color:#37474f'>%4</td></tr>")
                 .arg(esc(n->id), toString(n->state), toString(n->certainty),
                      esc(r.path(n->id).join(QStringLiteral(" → "))));
    }
    if (nodes.empty())
        h += QStringLiteral("<tr><td>Nothing propagated beyond %1: no credential, code or hosting edge leads on from "
                            "it, so only the data it holds is exposed.</td></tr>")
                 .arg(esc(scenarioLine(r.scenario())));
    if (int(nodes.size()) > kMaxPaths)
        h += QStringLiteral(
                 "<tr><td colspan='2'><i>and %1 more reached nodes (vendorgraph blast lists them all)</i></td>"
                 "</tr>")
                 .arg(int(nodes.size()) - kMaxPaths);
    h += QStringLiteral("</table>");
    // Not exposed.
    const Table notExposed = notExposedTable(r, *result.model, doc->taxonomy());
    QStringList tier1, other;
    for (const auto &row : notExposed.rows)
        (row[2].toInt() == 1 ? tier1 : other) << row[0].toString();
    h += QStringLiteral("<h3>What was NOT exposed</h3><p>The company holds these categories elsewhere; this scenario "
                        "does not reach them.<br><b>Tier 1:</b> %1<br><b>Others:</b> %2</p>")
             .arg(tier1.isEmpty() ? QStringLiteral("none") : esc(tier1.join(u", ")),
                  other.isEmpty() ? QStringLiteral("none") : esc(other.join(u", ")));
    h += QStringLiteral("<p style='color:#78909c;font-size:7pt'>The obligation rules and cost figures are "
                        "simplifications documented in VendorGraph's ANALYSIS.md; legal review is advised before they "
                        "drive real notifications.</p></body></html>");
    return h;
}

Status writeIncidentReport(Document *doc, const std::shared_ptr<const AnalysisResult> &result, const QString &path,
                           const QPageSize &pageSize)
{
    if (!result || !result->radius)
        return Error(path, QObject::tr("there is no scenario to report on: mark a node breached or controlled"));
    QTextDocument text;
    text.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    // The diagram, at print resolution.
    DiagramRequest req;
    req.scope = DiagramRequest::Scope::Blast;
    req.analysis = result;
    req.title = QObject::tr("Blast subgraph");
    // At its natural size, twice over for print: a small blast stays a compact picture.
    const QSizeF size = diagramPageSize(doc, req);
    QImage image((size * 2).toSize(), QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(2, 2);
        paintDiagram(doc, req, &p, QRectF(QPointF(0, 0), size));
    }
    text.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("diagram://blast")), image);
    // 640 px is the text width; a narrower diagram keeps its scale.
    text.setHtml(incidentReportHtml(doc, *result, std::min(640, int(size.width() * 0.75))));
    // Replaced atomically: a failed write leaves the old report as it was.
    return writeFileAtomically(path, [&](const QString &tmp) -> Status {
        {
            QPdfWriter pdf(tmp);
            pdf.setPageSize(pageSize);
            pdf.setPageMargins(QMarginsF(14, 12, 14, 12), QPageLayout::Millimeter);
            pdf.setTitle(QObject::tr("Incident one-pager: %1").arg(scenarioLine(result->scenario)));
            pdf.setCreator(QStringLiteral("VendorGraph"));
            // The text laid out on the printable area itself (in the document's 96-dpi
            // pixels), so that the tables use the whole width of A4 or Letter.
            text.setDocumentMargin(0);
            text.setPageSize(pdf.pageLayout().paintRectPixels(96).size());
            text.print(&pdf);
        }
        if (QFileInfo(tmp).size() == 0)
            return Error(path, QObject::tr("could not write the PDF file"));
        return Done{};
    });
}

} // namespace vg
