// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/panels/analysispanel.h"

#include "model/document/document.h"
#include "model/document/selection.h"
#include "model/itemmodels/tablemodel.h"
#include "model/reports/analysistables.h"
#include "views/canvas/canvasstyle.h"
#include "views/charts/categorychart.h"
#include "views/charts/exposureflow.h"
#include "views/mainwindow/theme.h"
#include "views/panels/naturalsortproxymodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QSplitter>
#include <QStyleOptionHeader>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace vg {

namespace {

// A header whose labels read bottom to top, so that long category ids fit narrow columns.
class RotatedHeader final : public QHeaderView {
public:
    explicit RotatedHeader(QWidget *parent) : QHeaderView(Qt::Horizontal, parent) { setSectionsClickable(true); }
    QSize sizeHint() const override
    {
        int longest = 0;
        if (model())
            for (int c = 1; c < model()->columnCount(); ++c)
                longest = std::max(longest,
                                   fontMetrics().horizontalAdvance(model()->headerData(c, Qt::Horizontal).toString()));
        return {QHeaderView::sizeHint().width(), std::min(220, longest + 16)};
    }

protected:
    void paintSection(QPainter *p, const QRect &rect, int logicalIndex) const override
    {
        if (logicalIndex == 0) {
            QHeaderView::paintSection(p, rect, logicalIndex);
            return;
        }
        p->save();
        QStyleOptionHeader opt;
        initStyleOption(&opt);
        opt.rect = rect;
        opt.section = logicalIndex;
        style()->drawControl(QStyle::CE_HeaderSection, &opt, p, this);
        p->translate(rect.left() + rect.width() / 2 + fontMetrics().ascent() / 2 - 1, rect.bottom() - 6);
        p->rotate(-90);
        p->setPen(palette().color(QPalette::ButtonText));
        p->drawText(0, 0, model()->headerData(logicalIndex, Qt::Horizontal).toString());
        p->restore();
    }
};

// Paints a matrix cell: the category's tier colour, solid for direct plaintext, hatched for
// potential plaintext, outlined for encrypted-only copies.
class MatrixDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        if (index.column() == 0) {
            QStyledItemDelegate::paint(p, option, index);
            return;
        }
        const QVariant v = index.data();
        if (!v.isValid() || v.toInt() == NotHeld)
            return;
        const QString header = index.model()->headerData(index.column(), Qt::Horizontal).toString();
        const int tier = std::clamp(QStringView(header).mid(1, 1).toInt(), 1, 4);
        const CanvasStyle s = canvasStyleForPalette();
        const QColor c = s.tierColor[std::size_t(tier - 1)];
        const QRectF r = QRectF(option.rect).adjusted(3, 3, -3, -3);
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        switch (v.toInt()) {
        case DirectPlain: p->fillRect(r, c); break;
        case PotentialPlain: p->fillRect(r, QBrush(c, Qt::BDiagPattern)); break;
        default: p->setPen(QPen(c, 1.5, Qt::DashLine)); p->drawRect(r);
        }
        p->restore();
    }
};

QTableView *tableView(QAbstractItemModel *model, QWidget *parent)
{
    auto *proxy = new NaturalSortProxyModel(parent);
    proxy->setSourceModel(model);
    auto *v = new QTableView(parent);
    v->setModel(proxy);
    v->setSortingEnabled(true);
    // The model's own order (likely obligations first) until the user sorts.
    v->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    proxy->sort(-1);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->setAlternatingRowColors(true);
    v->setWordWrap(false);
    v->verticalHeader()->hide();
    v->horizontalHeader()->setStretchLastSection(true);
    return v;
}

} // namespace

AnalysisPanel::AnalysisPanel(Document *doc, Selection *selection, AnalysisService *analysis, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_selection(selection), m_analysis(analysis), m_banner(new QLabel(this)),
      m_tabs(new QTabWidget(this)), m_chart(new CategoryChart(this)), m_flow(new ExposureFlow(this)),
      m_matrix(new TableModel(this)), m_obligations(new TableModel(this)), m_populations(new TableModel(this)),
      m_notExposed(new TableModel(this)), m_matrixProxy(new NaturalSortProxyModel(this))
{
    m_banner->setWordWrap(true);
    m_tabs->addTab(m_chart, tr("&Categories"));
    m_tabs->addTab(m_flow, tr("&Flow"));
    // The matrix: holders x categories, sortable and filterable.
    auto *matrixPage = new QWidget(this);
    auto *matrixLayout = new QVBoxLayout(matrixPage);
    auto *filter = new QLineEdit(matrixPage);
    filter->setPlaceholderText(tr("Filter holders"));
    filter->setClearButtonEnabled(true);
    m_matrixProxy->setSourceModel(m_matrix);
    m_matrixProxy->setFilterKeyColumn(0);
    m_matrixProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(filter, &QLineEdit::textChanged, m_matrixProxy, &QSortFilterProxyModel::setFilterFixedString);
    m_matrixView = new QTableView(matrixPage);
    m_matrixView->setHorizontalHeader(new RotatedHeader(m_matrixView));
    m_matrixView->setModel(m_matrixProxy);
    m_matrixView->setSortingEnabled(true);
    m_matrixView->setItemDelegate(new MatrixDelegate(m_matrixView));
    m_matrixView->verticalHeader()->hide();
    m_matrixView->horizontalHeader()->setDefaultSectionSize(26);
    m_matrixView->horizontalHeader()->setMinimumSectionSize(24);
    auto *legend =
        new QLabel(tr("Cell: solid = exposed directly in plaintext; hatched = exposed potentially; dashed "
                      "outline = only encrypted copies. Colour = tier. Hover a header or a cell for details."),
                   matrixPage);
    legend->setWordWrap(true);
    matrixLayout->addWidget(filter);
    matrixLayout->addWidget(m_matrixView, 1);
    matrixLayout->addWidget(legend);
    m_tabs->addTab(matrixPage, tr("&Matrix"));
    // People and obligations.
    auto *people = new QSplitter(Qt::Vertical, this);
    people->addWidget(tableView(m_populations, people));
    people->addWidget(tableView(m_obligations, people));
    m_tabs->addTab(people, tr("&People && Obligations"));
    m_tabs->addTab(tableView(m_notExposed, this), tr("&Not Exposed"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);

    connect(m_chart, &CategoryChart::categoryClicked, this, [this](const QString &category) {
        const auto r = m_analysis->result();
        if (!r || !r->radius)
            return;
        for (const ExposedCategory &c : r->radius->exposed())
            if (c.category == category)
                Q_EMIT showRequested(r->radius->holders(category), r->radius->via(category));
    });
    connect(m_matrixView, &QTableView::doubleClicked, this, [this](const QModelIndex &i) {
        const QString holder = i.siblingAtColumn(0).data().toString();
        Q_EMIT showRequested({holder}, {});
    });
    connect(analysis, &AnalysisService::resultChanged, this, &AnalysisPanel::refresh);
    connect(analysis, &AnalysisService::currencyChanged, this, &AnalysisPanel::refresh);
    refresh();
}

void AnalysisPanel::refresh()
{
    const auto r = m_analysis->result();
    const bool seeds = !m_analysis->scenario().seeds.empty();
    m_banner->setVisible(seeds && !m_analysis->isCurrent());
    m_banner->setText(tr("<b style='color:#e65100'>Updating...</b> these figures are for the map as it was."));
    const bool has = seeds && r && r->radius;
    m_chart->setResult(has ? r : nullptr);
    m_flow->setResult(has ? r : nullptr);
    m_matrix->setTable(has ? categoryMatrix(*r->radius, *r->model) : Table());
    m_obligations->setTable(has ? obligationsTable(*r->radius) : Table());
    m_populations->setTable(has ? populationsTable(*r->radius, *r->model) : Table());
    m_notExposed->setTable(has ? notExposedTable(*r->radius, *r->model, m_doc->taxonomy()) : Table());
    m_matrixView->resizeColumnToContents(0);
    m_matrixView->horizontalHeader()->updateGeometry();
    for (QTableView *v : findChildren<QTableView *>()) {
        if (v == m_matrixView)
            continue;
        v->resizeColumnsToContents();
        for (int c = 0; c + 1 < v->model()->columnCount(); ++c)
            v->setColumnWidth(c, std::min(v->columnWidth(c), 260));
    }
}

} // namespace vg
