// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/panels/rankingpanel.h"

#include "model/document/analysisservice.h"
#include "model/document/document.h"
#include "model/itemmodels/vendorrankingmodel.h"
#include "views/panels/numberdelegate.h"
#include "views/panels/riskjob.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace vg {

namespace {

// Filters, and leaves the sorting to the ranking model: it compares its typed figures
// directly, where a proxy would compare QVariants (tens of thousands of rows on a large map).
class RankingProxy final : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void sort(int column, Qt::SortOrder order) override
    {
        if (sourceModel())
            sourceModel()->sort(column, order);
    }
};

} // namespace

RankingPanel::RankingPanel(Document *doc, AnalysisService *analysis, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_analysis(analysis), m_model(new VendorRankingModel(this)),
      m_proxy(new RankingProxy(this)), m_view(new QTableView(this)), m_filter(new QLineEdit(this)),
      m_rankButton(new QPushButton(tr("&Rank"), this)), m_progress(new QProgressBar(this)), m_status(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_view->setObjectName(QStringLiteral("rankingView"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new NumberDelegate(m_view));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(VendorRankingModel::ControlScore, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setResizeContentsPrecision(200); // fitting reads 200 rows, not all
    // The name says which vendor; its id is on the map, and the filter box matches it too.
    m_view->setColumnHidden(VendorRankingModel::Vendor, true);
    m_view->setWordWrap(false); // long names are elided; the filter box finds them
    m_view->setToolTip(tr("Double-click a vendor to make it the scenario: on a control column it is marked "
                          "controlled, elsewhere breached"));
    m_filter->setObjectName(QStringLiteral("rankingFilter"));
    m_filter->setPlaceholderText(tr("Filter vendors..."));
    m_filter->setClearButtonEnabled(true);
    m_rankButton->setObjectName(QStringLiteral("rankButton"));
    m_rankButton->setToolTip(tr("Rank every vendor again, on the map as it is now"));
    m_progress->setObjectName(QStringLiteral("rankingProgress"));
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_status->setObjectName(QStringLiteral("rankingStatus"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_rankButton);
    top->addWidget(m_progress);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(400);
    connect(&m_debounce, &QTimer::timeout, this, &RankingPanel::rank);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_rankButton, &QPushButton::clicked, this, &RankingPanel::rank);
    connect(m_view, &QTableView::doubleClicked, this, &RankingPanel::useRow);
    connect(m_model, &VendorRankingModel::progress, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(total, 1));
        m_progress->setValue(done);
        m_progress->setFormat(tr("%1 of %2 vendors").arg(done).arg(total));
    });
    connect(m_model, &VendorRankingModel::finished, this, [this] {
        if (!m_fitted && m_model->rowCount() > 0) {
            m_view->resizeColumnsToContents();
            m_view->setColumnWidth(VendorRankingModel::Name, std::min(m_view->columnWidth(VendorRankingModel::Name), 190));
            m_fitted = true;
        }
        updateStatus();
    });
    connect(m_model, &VendorRankingModel::failed, this, [this](const QString &message) {
        updateStatus();
        m_status->setText(message);
    });
    connect(m_doc, &Document::modelReset, this, [this] {
        m_fitted = false;
        contentChanged();
    });
    connect(m_doc, &Document::changeApplied, this, [this](const ChangeSet &c) {
        if (c.changesAnalysis())
            contentChanged();
    });
    updateStatus();
}

RankingPanel::~RankingPanel() = default;

bool RankingPanel::isCurrent() const { return m_model->revision() == m_doc->contentRevision() && !m_dirty; }

QString RankingPanel::statusText() const { return m_status->text(); }

void RankingPanel::contentChanged()
{
    m_model->cancel(); // its answer is for a map that no longer is
    m_dirty = true;
    if (isVisible())
        m_debounce.start();
    updateStatus();
}

void RankingPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty && !m_model->isRunning()) // at once: nothing to gather on showing
        QTimer::singleShot(0, this, [this] {
            if (m_dirty && isVisible())
                rank();
        });
}

void RankingPanel::rank()
{
    m_debounce.stop();
    m_dirty = false;
    const EngineSource source = EngineSource::of(m_doc, m_analysis);
    if (source.engine)
        m_model->rank(*source.engine, source.revision); // reuses the analysis's index and ranking
    else
        m_model->rank(source.model, source.revision);
    m_progress->setRange(0, 0); // busy until the first step
    m_progress->setFormat(tr("Ranking..."));
    updateStatus();
}

void RankingPanel::updateStatus()
{
    const bool running = m_model->isRunning();
    m_progress->setVisible(running);
    const int n = m_model->rowCount();
    if (running && m_model->revision() == 0)
        m_status->setText(tr("Ranking every vendor's breach and control scenario..."));
    else if (running)
        m_status->setText(tr("Updating: these %n vendor(s) are ranked on the map as it was before the last edit.",
                             nullptr, n));
    else if (m_model->revision() == 0)
        m_status->setText(tr("Press Rank to rank every vendor."));
    else if (!isCurrent())
        m_status->setText(tr("Out of date: the map changed since this ranking. Press Rank to update it."));
    else
        m_status->setText(tr("%n vendor(s), ranked on the map as it is now. Double-click one to make it the "
                             "scenario.",
                             nullptr, n));
}

void RankingPanel::useRow(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const QModelIndex source = m_proxy->mapToSource(proxyIndex);
    const QString id = m_model->data(source.siblingAtColumn(0), Qt::UserRole).toString();
    if (id.isEmpty() || !m_doc->store().findNode(id))
        return; // the vendor was removed since the ranking
    const int c = source.column();
    const Compromise mode = c == VendorRankingModel::ControlScore || c == VendorRankingModel::ControlPeople
            || c == VendorRankingModel::ControlTier1
        ? Compromise::Controlled
        : Compromise::Breached;
    Scenario s = m_analysis->scenario();
    s.seeds = {{id, mode}};
    m_analysis->setScenario(s, mode == Compromise::Breached ? tr("Scenario: %1 breached").arg(id)
                                                            : tr("Scenario: %1 controlled").arg(id));
    Q_EMIT vendorChosen(id);
}

} // namespace vg
