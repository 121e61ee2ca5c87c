// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/panels/concentrationpanel.h"

#include "model/itemmodels/concentrationmodel.h"
#include "views/panels/naturalsortproxymodel.h"
#include "views/panels/numberdelegate.h"
#include "views/panels/riskjob.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace vg {

ConcentrationPanel::ConcentrationPanel(Document *doc, AnalysisService *analysis, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_analysis(analysis), m_model(new ConcentrationModel(this)),
      m_proxy(new NaturalSortProxyModel(this)), m_view(new QTableView(this)), m_filter(new QLineEdit(this)),
      m_status(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_view->setObjectName(QStringLiteral("concentrationView"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new NumberDelegate(m_view));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ConcentrationModel::Weight, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setResizeContentsPrecision(200); // fitting reads 200 rows, not all
    m_filter->setPlaceholderText(tr("Filter fourth parties, vendors or categories..."));
    m_filter->setClearButtonEnabled(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filter);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(400);
    connect(&m_debounce, &QTimer::timeout, this, &ConcentrationPanel::refresh);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ConcentrationPanel::rowSelected);
    connect(&m_watcher, &QFutureWatcher<std::vector<SharedSubprocessor>>::finished, this, [this] {
        const QFuture<std::vector<SharedSubprocessor>> f = m_watcher.future();
        if (f.isCanceled() || f.resultCount() == 0 || m_running != m_doc->contentRevision()) {
            if (m_dirty && isVisible())
                m_debounce.start();
            return;
        }
        m_model->setRows(f.result());
        m_revision = m_running;
        m_view->resizeColumnsToContents();
        m_view->setColumnWidth(ConcentrationModel::Vendors, std::min(m_view->columnWidth(ConcentrationModel::Vendors), 420));
        // The categories take the room left (their full list is in the tooltip).
        m_view->horizontalHeader()->setSectionResizeMode(ConcentrationModel::Categories, QHeaderView::Stretch);
        m_status->setText(m_model->rowCount() == 0
                              ? tr("No sub-processor is shared by two or more vendors.")
                          : m_model->rowCount() == 1
                              ? tr("One fourth party is shared by two or more vendors. Select it to see its vendors "
                                   "on the map.")
                              : tr("%1 fourth parties are shared by two or more vendors, heaviest first. Select one "
                                   "to see its vendors on the map.")
                                    .arg(m_model->rowCount()));
    });
    connect(m_doc, &Document::modelReset, this, &ConcentrationPanel::contentChanged);
    connect(m_doc, &Document::changeApplied, this, [this](const ChangeSet &c) {
        if (c.changesAnalysis())
            contentChanged();
    });
    m_status->setText(tr("Shown when computed."));
}

ConcentrationPanel::~ConcentrationPanel()
{
    m_watcher.disconnect();
    m_watcher.cancel();
}

QString ConcentrationPanel::statusText() const { return m_status->text(); }

void ConcentrationPanel::contentChanged()
{
    m_dirty = true;
    if (m_model->rowCount() > 0)
        m_status->setText(tr("Updating: the rows are for the map as it was before the last edit..."));
    if (isVisible())
        m_debounce.start();
}

void ConcentrationPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty) // at once: nothing to gather on showing
        QTimer::singleShot(0, this, [this] {
            if (m_dirty && isVisible())
                refresh();
        });
}

void ConcentrationPanel::refresh()
{
    m_debounce.stop();
    if (m_watcher.isRunning()) {
        m_watcher.cancel(); // its answer is dropped (revision check); this one follows
    }
    m_dirty = false;
    const EngineSource source = EngineSource::of(m_doc, m_analysis);
    m_running = source.revision;
    if (m_model->rowCount() == 0)
        m_status->setText(tr("Computing the shared sub-processors..."));
    m_watcher.setFuture(startRiskJob<std::vector<SharedSubprocessor>>(
        [source](QPromise<std::vector<SharedSubprocessor>> &promise) {
            if (promise.isCanceled())
                return;
            promise.addResult(source.get()->concentration());
        }));
}

void ConcentrationPanel::rowSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QModelIndex source = m_proxy->mapToSource(rows.first());
    QStringList nodes = m_model->data(source.siblingAtColumn(0), ConcentrationModel::VendorsRole).toStringList();
    const QString id = m_model->data(source.siblingAtColumn(0), Qt::UserRole).toString();
    nodes.append(id);
    QStringList present;
    for (const QString &n : nodes)
        if (m_doc->store().node(n) >= 0)
            present << n;
    Q_EMIT showRequested(present, {});
}

} // namespace vg
