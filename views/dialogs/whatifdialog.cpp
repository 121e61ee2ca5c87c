// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/dialogs/whatifdialog.h"

#include "model/commands/changecommand.h"
#include "model/commands/edits.h"
#include "model/document/analysisservice.h"
#include "model/document/document.h"
#include "model/reports/format.h"
#include "views/dialogs/riskcells.h"
#include "views/panels/riskjob.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHash>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vg {

using namespace riskcells;

namespace {

QGroupBox *box(const QString &title, QWidget *content, QWidget *parent)
{
    auto *g = new QGroupBox(title, parent);
    auto *l = new QVBoxLayout(g);
    l->setContentsMargins(6, 6, 6, 6);
    l->addWidget(content);
    return g;
}

QString rankLabel(const Document &doc, const VendorRank &r)
{
    const Node *n = doc.store().findNode(r.vendorId);
    const QString name = n && !n->name.isEmpty() ? n->name : (r.name.isEmpty() ? r.vendorId : r.name);
    return QStringLiteral("%1 (%2)").arg(name, toString(r.mode));
}

} // namespace

WhatIfDialog::WhatIfDialog(Document *doc, AnalysisService *analysis, const QString &vendorId, QWidget *parent)
    : QDialog(parent), m_doc(doc), m_analysis(analysis), m_vendor(vendorId), m_title(new QLabel(this)),
      m_note(new QLabel(this)), m_progress(new QProgressBar(this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_recompute(new QPushButton(tr("Re&compute"), this)), m_apply(new QPushButton(tr("&Apply: Remove Vendor"), this)),
      m_exposure(table({tr("Exposure"), tr("Before"), tr("After"), tr("Change")}, this)),
      m_services(table({tr("Service"), tr("Name"), tr("Edges it loses")}, this)),
      m_categories(table({tr("Category"), tr("Name"), tr("Tier")}, this)),
      m_ranking(table({tr("#"), tr("Before"), tr("Score"), tr("After"), tr("Score"), tr("Change")}, this))
{
    setObjectName(QStringLiteral("whatIfDialog"));
    const Node *n = doc->store().findNode(vendorId);
    m_vendorName = n && !n->name.isEmpty() ? n->name : vendorId;
    setWindowTitle(tr("What-if: Remove %1").arg(m_vendorName));
    m_title->setText(tr("<b>What if we stopped using %1</b> (%2)?").arg(m_vendorName.toHtmlEscaped(), vendorId));
    m_title->setTextFormat(Qt::RichText);
    m_note->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("whatIfNote"));
    m_apply->setObjectName(QStringLiteral("whatIfApply"));
    m_apply->setToolTip(tr("Remove the vendor and its edges from the map, as one step you can undo"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(true);
    m_exposure->setObjectName(QStringLiteral("whatIfExposure"));
    m_services->setObjectName(QStringLiteral("whatIfServices"));
    m_categories->setObjectName(QStringLiteral("whatIfCategories"));
    m_ranking->setObjectName(QStringLiteral("whatIfRanking"));

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    auto *grid = new QGridLayout;
    grid->addWidget(box(tr("Exposure of the active scenario"), m_exposure, this), 0, 0);
    grid->addWidget(box(tr("Ranking, top 10: before and after"), m_ranking, this), 0, 1);
    grid->addWidget(box(tr("Services that lose an edge"), m_services, this), 1, 0);
    grid->addWidget(box(tr("Categories no vendor holds any more"), m_categories, this), 1, 1);
    grid->setColumnStretch(0, 2);
    grid->setColumnStretch(1, 3);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 2);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_recompute, QDialogButtonBox::ResetRole);
    buttons->addButton(m_apply, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_note);
    layout->addLayout(progressRow);
    layout->addLayout(grid, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, &WhatIfDialog::apply);
    connect(m_recompute, &QPushButton::clicked, this, &WhatIfDialog::compute);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_watcher.cancel();
        setBusy(false);
        m_note->setText(tr("Cancelled: nothing was computed, and nothing changed. Press Recompute to ask again."));
    });
    connect(&m_watcher, &QFutureWatcher<WhatIfAnswer>::progressValueChanged, this, [this](int v) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(v);
    });
    connect(&m_watcher, &QFutureWatcher<WhatIfAnswer>::progressTextChanged, m_progress, &QProgressBar::setFormat);
    connect(&m_watcher, &QFutureWatcher<WhatIfAnswer>::finished, this, [this] {
        const QFuture<WhatIfAnswer> f = m_watcher.future();
        if (f.isCanceled() || f.resultCount() == 0)
            return;
        setBusy(false);
        showAnswer(f.result());
    });
    connect(doc, &Document::changeApplied, this, [this](const ChangeSet &c) {
        if (!c.changesAnalysis() || (!m_answer && !m_watcher.isRunning()))
            return;
        m_stale = true;
        m_note->setText(tr("The map changed: these figures are for the map as it was. Press Recompute."));
        if (!m_doc->store().findNode(m_vendor))
            m_apply->setEnabled(false);
    });
    resize(1280, 800);
    compute();
}

WhatIfDialog::~WhatIfDialog()
{
    m_watcher.disconnect();
    m_watcher.cancel();
}

QString WhatIfDialog::noteText() const { return m_note->text(); }

void WhatIfDialog::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    m_recompute->setEnabled(!busy);
    m_apply->setEnabled(!busy && m_answer && m_answer->error.isEmpty() && m_doc->store().findNode(m_vendor));
}

void WhatIfDialog::compute()
{
    if (!m_doc->store().findNode(m_vendor)) {
        m_note->setText(tr("%1 is no longer on the map.").arg(m_vendor));
        m_apply->setEnabled(false);
        return;
    }
    m_watcher.cancel();
    m_answer.reset();
    m_stale = false;
    m_note->setText(tr("Removing %1 from a copy of the map and ranking every vendor again...").arg(m_vendorName));
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Starting..."));
    setBusy(true);
    const EngineSource source = EngineSource::of(m_doc, m_analysis);
    const Scenario scenario = m_analysis->scenario();
    const QString vendor = m_vendor;
    m_watcher.setFuture(startRiskJob<WhatIfAnswer>([source, scenario, vendor](QPromise<WhatIfAnswer> &promise) {
        WhatIfAnswer a;
        a.revision = source.revision;
        a.before = scenario;
        a.after = scenario;
        std::erase_if(a.after.seeds, [&](const Seed &s) { return s.nodeId == vendor; });
        a.seed = a.after.seeds.size() != a.before.seeds.size();
        promise.setProgressRange(0, 1000);
        promise.setProgressValueAndText(0, QObject::tr("Indexing the map..."));
        const auto engine = source.get();
        if (promise.isCanceled())
            return;
        // whatIfRemove reports twice: over the ranking before (when not computed yet), then
        // over the rows it recomputes; the bar shows both halves.
        int phase = 0, last = -1;
        Expected<WhatIf> w = engine->whatIfRemove(vendor, [&](int done, int total) {
            if (done < last)
                phase = 1;
            last = done;
            const int value = (phase * 1000 + 1000 * done / std::max(total, 1)) / 2;
            promise.setProgressValueAndText(
                value, phase == 0 ? QObject::tr("Ranking before: %1 of %2").arg(done).arg(total)
                                  : QObject::tr("Ranking after: %1 of %2").arg(done).arg(total));
            return !promise.isCanceled();
        });
        if (promise.isCanceled())
            return;
        if (!w) {
            a.error = w.error().message();
            promise.addResult(std::move(a));
            return;
        }
        if (!a.before.seeds.empty()) {
            if (Expected<BlastRadius> r = engine->run(a.before))
                a.radiusBefore = std::move(*r);
            else
                a.error = r.error().message();
        }
        if (!a.after.seeds.empty() && w->after) {
            if (Expected<BlastRadius> r = w->after->run(a.after))
                a.radiusAfter = std::move(*r);
            else
                a.error = r.error().message();
        }
        a.whatIf = std::move(*w);
        promise.addResult(std::move(a));
    }));
}

void WhatIfDialog::showAnswer(const WhatIfAnswer &a)
{
    m_answer = a;
    for (QTableWidget *t : {m_exposure, m_services, m_categories, m_ranking})
        t->setRowCount(0);
    if (!a.error.isEmpty() || !a.whatIf) {
        m_note->setText(tr("The what-if could not be computed: %1").arg(a.error));
        setBusy(false);
        Q_EMIT ready();
        return;
    }
    const WhatIf &w = *a.whatIf;
    QStringList notes;
    const SavedScenario *active = m_doc->activeScenario();
    if (a.before.seeds.empty())
        notes << tr("No active scenario: mark a vendor breached or controlled to see its exposure before and after.");
    else if (a.seed && a.after.seeds.empty())
        notes << tr("%1 is the only seed of the scenario \"%2\": without it, nothing is reached.")
                     .arg(m_vendorName, active ? active->name : QString());
    else if (a.seed)
        notes << tr("%1 is a seed of the scenario \"%2\": after, the scenario runs without it.")
                     .arg(m_vendorName, active ? active->name : QString());
    else if (active)
        notes << tr("Exposure of the scenario \"%1\", on the map with and without %2.").arg(active->name, m_vendorName);
    notes << tr("Nothing changes until you press Apply.");
    m_note->setText(notes.join(QLatin1Char(' ')));

    // The exposure, before and after.
    auto summaryOf = [](const std::optional<BlastRadius> &r) { return r ? r->summary() : ScenarioSummary{}; };
    const ScenarioSummary sb = summaryOf(a.radiusBefore), sa = summaryOf(a.radiusAfter);
    const CostEstimate cb = a.radiusBefore ? a.radiusBefore->cost() : CostEstimate{},
                       ca = a.radiusAfter ? a.radiusAfter->cost() : CostEstimate{};
    struct Figure {
        QString label;
        double before, after;
        int decimals;
    };
    const std::vector<Figure> figures = {
        {tr("Systems reached"), double(sb.reached), double(sa.reached), 0},
        {tr("Reached directly"), double(sb.reachedDirect), double(sa.reachedDirect), 0},
        {tr("Controlled"), double(sb.controlled), double(sa.controlled), 0},
        {tr("People behind the exposed data"), double(sb.people), double(sa.people), 0},
        {tr("Tier 1 categories"), double(sb.categoriesByTier[0]), double(sa.categoriesByTier[0]), 0},
        {tr("Tier 2 categories"), double(sb.categoriesByTier[1]), double(sa.categoriesByTier[1]), 0},
        {tr("Tier 3 categories"), double(sb.categoriesByTier[2]), double(sa.categoriesByTier[2]), 0},
        {tr("Tier 4 categories"), double(sb.categoriesByTier[3]), double(sa.categoriesByTier[3]), 0},
        {tr("Cost, low (USD)"), cb.low, ca.low, 0},
        {tr("Cost, high (USD)"), cb.high, ca.high, 0},
        {tr("Score"), sb.score, sa.score, 1},
    };
    if (!a.before.seeds.empty()) {
        m_exposure->setRowCount(int(figures.size()));
        for (int i = 0; i < int(figures.size()); ++i) {
            const Figure &f = figures[std::size_t(i)];
            m_exposure->setItem(i, 0, text(f.label));
            m_exposure->setItem(i, 1, number(f.before, f.decimals));
            m_exposure->setItem(i, 2, number(f.after, f.decimals));
            m_exposure->setItem(i, 3, change(f.before, f.after, f.decimals));
        }
    }

    // The services that lose an edge.
    m_services->setRowCount(int(w.servicesLosingEdges.size()));
    int row = 0;
    for (auto it = w.servicesLosingEdges.cbegin(); it != w.servicesLosingEdges.cend(); ++it, ++row) {
        const Node *n = m_doc->store().findNode(it.key());
        m_services->setItem(row, 0, text(it.key()));
        m_services->setItem(row, 1, text(n ? n->name : QString()));
        m_services->setItem(row, 2, text(it.value().join(QLatin1String(", ")), Tone::Worse));
    }

    // The categories no vendor holds any more.
    m_categories->setRowCount(int(w.categoriesNoLongerHeldByVendors.size()));
    row = 0;
    for (const QString &c : w.categoriesNoLongerHeldByVendors) {
        const Category *cat = m_doc->taxonomy().find(c);
        m_categories->setItem(row, 0, text(c, Tone::Changed));
        m_categories->setItem(row, 1, text(cat ? cat->name : QString()));
        m_categories->setItem(row, 2, number(cat ? cat->tier : 0));
        ++row;
    }

    // The ranking: the top ten before and after, with each row's move.
    auto key = [](const VendorRank &r) { return r.vendorId + QLatin1Char('/') + toString(r.mode); };
    QHash<QString, int> before;
    for (int i = 0; i < int(w.rankBefore.size()); ++i)
        before.insert(key(w.rankBefore[std::size_t(i)]), i);
    const int rows = int(std::max(w.topBefore.size(), w.topAfter.size()));
    m_ranking->setRowCount(rows);
    for (int i = 0; i < rows; ++i) {
        m_ranking->setItem(i, 0, number(i + 1));
        if (i < int(w.topBefore.size())) {
            const VendorRank &r = w.topBefore[std::size_t(i)];
            const bool removed = r.vendorId == m_vendor;
            m_ranking->setItem(i, 1,
                               text(removed ? QStringLiteral("✖ ") + rankLabel(*m_doc, r) + tr(" (removed)")
                                            : rankLabel(*m_doc, r),
                                    removed ? Tone::Better : Tone::None));
            m_ranking->setItem(i, 2, number(r.summary.score, 1));
        }
        if (i < int(w.topAfter.size())) {
            const VendorRank &r = w.topAfter[std::size_t(i)];
            m_ranking->setItem(i, 3, text(rankLabel(*m_doc, r)));
            m_ranking->setItem(i, 4, number(r.summary.score, 1));
            const int was = before.value(key(r), -1);
            QTableWidgetItem *move;
            if (was < 0)
                move = text(tr("new"), Tone::Changed);
            else if (was > i)
                move = text(tr("▲ %1 (was #%2)").arg(was - i).arg(was + 1), Tone::Changed);
            else if (was < i)
                move = text(tr("▼ %1 (was #%2)").arg(i - was).arg(was + 1), Tone::Changed);
            else
                move = text(QStringLiteral("="));
            m_ranking->setItem(i, 5, move);
        }
    }
    fit(m_exposure);
    fit(m_services);
    fit(m_categories);
    fit(m_ranking, 210);
    if (m_services->rowCount() == 0) {
        m_services->setRowCount(1);
        m_services->setItem(0, 0, text(tr("(none)")));
    }
    if (m_categories->rowCount() == 0) {
        m_categories->setRowCount(1);
        m_categories->setItem(0, 0, text(tr("(none: another vendor holds each of them)")));
    }
    setBusy(false);
    if (m_apply->isEnabled())
        m_apply->setFocus();
    Q_EMIT ready();
}

bool WhatIfDialog::apply()
{
    if (!m_doc->store().findNode(m_vendor))
        return false;
    m_doc->undoStack()->push(new ChangeCommand(m_doc, removeItems(*m_doc, {m_vendor}, {}),
                                               tr("Remove vendor %1 (what-if)").arg(m_vendorName)));
    accept();
    return true;
}

} // namespace vg
