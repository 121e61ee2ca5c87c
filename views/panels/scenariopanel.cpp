// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/panels/scenariopanel.h"

#include "model/document/analysisservice.h"
#include "model/document/document.h"
#include "model/document/selection.h"
#include "model/reports/analysistables.h"
#include "model/reports/format.h"
#include "views/canvas/blastoverlay.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace vg {

namespace {

QLabel *wrapped(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    return l;
}

} // namespace

ScenarioPanel::ScenarioPanel(Document *doc, Selection *selection, AnalysisService *analysis, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_selection(selection), m_analysis(analysis)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *seedsBox = new QGroupBox(tr("Seeds"), this);
    auto *seedsLayout = new QVBoxLayout(seedsBox);
    m_seeds = new QListWidget(seedsBox);
    m_seeds->setMaximumHeight(110);
    m_seeds->setToolTip(tr("Right-click a node on the map to mark it breached or controlled"));
    auto *buttons = new QHBoxLayout;
    m_remove = new QPushButton(tr("&Remove Seed"), seedsBox);
    m_clear = new QPushButton(tr("Clear Scena&rio"), seedsBox);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_clear);
    buttons->addStretch(1);
    seedsLayout->addWidget(m_seeds);
    seedsLayout->addLayout(buttons);
    auto *options = new QHBoxLayout;
    m_limit = new QCheckBox(tr("Max &hops"), seedsBox);
    m_hops = new QSpinBox(seedsBox);
    m_hops->setRange(0, 99);
    m_hops->setValue(2);
    m_potential = new QCheckBox(tr("&Potential pivots"), seedsBox);
    m_potential->setToolTip(tr("Follow credentials that were exposed but are not known to have been used"));
    options->addWidget(m_limit);
    options->addWidget(m_hops);
    options->addStretch(1);
    options->addWidget(m_potential);
    seedsLayout->addLayout(options);
    layout->addWidget(seedsBox);
    m_status = wrapped(this);
    layout->addWidget(m_status);
    auto *resultBox = new QGroupBox(tr("Blast radius"), this);
    auto *resultLayout = new QVBoxLayout(resultBox);
    m_summary = wrapped(resultBox);
    m_cost = wrapped(resultBox);
    m_assumptions = wrapped(resultBox);
    QFont small = m_assumptions->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_assumptions->setFont(small);
    resultLayout->addWidget(m_summary);
    resultLayout->addWidget(m_cost);
    resultLayout->addWidget(m_assumptions);
    m_report = new QPushButton(QIcon::fromTheme(QStringLiteral("document-export")), tr("Incident Re&port (PDF)..."),
                               resultBox);
    m_report->setToolTip(tr("The one-pager for the meeting after a breach: exposed data, people, deadlines, cost"));
    connect(m_report, &QPushButton::clicked, this, &ScenarioPanel::reportRequested);
    resultLayout->addWidget(m_report, 0, Qt::AlignLeft);
    layout->addWidget(resultBox);
    auto *whyBox = new QGroupBox(tr("Why is the selected node reached?"), this);
    auto *whyLayout = new QVBoxLayout(whyBox);
    m_explain = wrapped(whyBox);
    whyLayout->addWidget(m_explain);
    layout->addWidget(whyBox);
    layout->addStretch(1);

    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_seeds->currentItem())
            m_analysis->setSeed(item->data(Qt::UserRole).toString(), std::nullopt);
    });
    connect(m_clear, &QPushButton::clicked, m_analysis, &AnalysisService::clearSeeds);
    connect(m_limit, &QCheckBox::toggled, this, &ScenarioPanel::applyOptions);
    connect(m_hops, &QSpinBox::valueChanged, this, &ScenarioPanel::applyOptions);
    connect(m_potential, &QCheckBox::toggled, this, &ScenarioPanel::applyOptions);
    connect(analysis, &AnalysisService::scenarioChanged, this, &ScenarioPanel::refreshScenario);
    connect(analysis, &AnalysisService::resultChanged, this, &ScenarioPanel::refreshResult);
    connect(analysis, &AnalysisService::currencyChanged, this, &ScenarioPanel::refreshResult);
    connect(selection, &Selection::changed, this, &ScenarioPanel::refreshExplanation);
    refreshScenario();
    refreshResult();
}

QString ScenarioPanel::statusText() const { return m_status->text(); }
QString ScenarioPanel::summaryText() const { return m_summary->text(); }
QString ScenarioPanel::costText() const { return m_cost->text(); }
QString ScenarioPanel::explanationText() const { return m_explain->text(); }

void ScenarioPanel::applyOptions()
{
    if (m_updating)
        return;
    Scenario s = m_analysis->scenario();
    s.maxHops = m_limit->isChecked() ? std::optional<int>(m_hops->value()) : std::nullopt;
    s.potential = m_potential->isChecked();
    m_hops->setEnabled(m_limit->isChecked());
    m_analysis->setScenario(s);
}

void ScenarioPanel::refreshScenario()
{
    m_updating = true;
    const Scenario &s = m_analysis->scenario();
    m_seeds->clear();
    for (const Seed &seed : s.seeds) {
        const Node *n = m_doc->store().findNode(seed.nodeId);
        auto *item =
            new QListWidgetItem(tr("%1: %2 (%3)")
                                    .arg(seed.mode == Compromise::Controlled ? tr("controlled") : tr("breached"),
                                         n && !n->name.isEmpty() ? n->name : seed.nodeId, seed.nodeId),
                                m_seeds);
        item->setData(Qt::UserRole, seed.nodeId);
        item->setForeground(BlastOverlay::seedColor(seed.mode));
    }
    m_limit->setChecked(s.maxHops.has_value());
    if (s.maxHops)
        m_hops->setValue(*s.maxHops);
    m_hops->setEnabled(s.maxHops.has_value());
    m_potential->setChecked(s.potential);
    m_remove->setEnabled(!s.seeds.empty());
    m_clear->setEnabled(!s.seeds.empty());
    m_report->setEnabled(!s.seeds.empty());
    m_updating = false;
    refreshResult();
}

void ScenarioPanel::refreshResult()
{
    const auto r = m_analysis->result();
    const bool current = m_analysis->isCurrent();
    if (m_analysis->scenario().seeds.empty()) {
        m_status->setText(tr("<i>No scenario. Right-click a vendor on the map and choose Mark Breached or Mark "
                             "Controlled (Ctrl+B, Ctrl+Shift+B) to see what you would lose.</i>"));
        m_summary->clear();
        m_cost->clear();
        m_assumptions->clear();
        refreshExplanation();
        return;
    }
    if (!current)
        m_status->setText(tr("<b style='color:#e65100'>Updating the blast radius...</b> The figures below are for "
                             "the map as it was."));
    else if (r)
        m_status->setText(tr("<span style='color:#2e7d32'>Up to date</span> (computed in %1 ms).")
                              .arg(QLocale().toString(r->seconds * 1000, 'f', 0)));
    if (!r || !r->radius) {
        m_summary->setText(r && !r->error.isEmpty() ? r->error : QString());
        m_cost->clear();
        m_assumptions->clear();
        refreshExplanation();
        return;
    }
    const ScenarioSummary &s = r->radius->summary();
    m_summary->setText(tr("<b>%1</b> systems reached (%2 directly), <b>%3</b> controlled.<br>Exposed categories by "
                          "tier: <b>T1 %4</b> · T2 %5 · T3 %6 · T4 %7.<br><b>%8</b> people behind the exposed data.")
                           .arg(s.reached)
                           .arg(s.reachedDirect)
                           .arg(s.controlled)
                           .arg(s.categoriesByTier[0])
                           .arg(s.categoriesByTier[1])
                           .arg(s.categoriesByTier[2])
                           .arg(s.categoriesByTier[3])
                           .arg(formatCount(s.people)));
    const CostEstimate &c = r->radius->cost();
    QString cost = tr("Cost: <b>%1 – %2</b>").arg(formatUsd(c.low), formatUsd(c.high));
    if (c.directLow != c.low || c.directHigh != c.high)
        cost += tr("<br>of which direct: %1 – %2; the rest hinges on potentially exposed credentials.")
                    .arg(formatUsd(c.directLow), formatUsd(c.directHigh));
    m_cost->setText(cost);
    m_assumptions->setText(QStringLiteral("• ") + c.assumptions.join(QStringLiteral("<br>• ")));
    refreshExplanation();
}

void ScenarioPanel::refreshExplanation()
{
    const auto r = m_analysis->result();
    const QString id = m_selection->currentNode();
    if (id.isEmpty() || !r || !r->radius) {
        m_explain->setText(tr("<i>Select a reached node to see its explaining path.</i>"));
        return;
    }
    m_explain->setText(
        explainReached(*r->radius, *r->model, id).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
}

} // namespace vg
