// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/charts/categorychart.h"

#include "views/canvas/canvasstyle.h"
#include "views/mainwindow/theme.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <QScrollArea>
#include <QValueAxis>

#include <memory>

namespace vg {

CategoryChart::CategoryChart(QWidget *parent)
    : QWidget(parent), m_view(new QChartView(this)), m_measure(new QComboBox(this)), m_note(new QLabel(this))
{
    m_measure->addItems({tr("People"), tr("Records")});
    m_measure->setToolTip(tr("Bar length: the people behind each category, or the records stated on its flows"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_note->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Bars by:"), this));
    top->addWidget(m_measure);
    top->addWidget(m_note, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    // Every category keeps a readable row: a long list scrolls rather than dropping labels.
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_view);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll, 1);
    connect(m_measure, &QComboBox::currentIndexChanged, this, &CategoryChart::rebuild);
    rebuild();
}

void CategoryChart::setResult(std::shared_ptr<const AnalysisResult> result)
{
    m_result = std::move(result);
    rebuild();
}

void CategoryChart::setByRecords(bool records) { m_measure->setCurrentIndex(records ? 1 : 0); }

void CategoryChart::rebuild()
{
    auto *chart = new QChart;
    // setChart() below releases the chart shown until now without deleting it (QChartView docs).
    const std::unique_ptr<QChart> previous(m_view->chart());
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    const bool dark = canvasStyleForPalette().dark;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    m_order.clear();
    if (!m_result || !m_result->radius || m_result->radius->exposed().empty()) {
        chart->setTitle(tr("No data category is exposed in this scenario."));
        m_view->setChart(chart);
        m_note->clear();
        return;
    }
    const bool records = m_measure->currentIndex() == 1;
    std::vector<const ExposedCategory *> cats;
    for (const ExposedCategory &c : m_result->radius->exposed())
        cats.push_back(&c);
    double largest = 0;
    for (const ExposedCategory *c : cats)
        largest = std::max(largest, double(records ? c->records : c->people));
    // Millions or thousands on the axis, not "1.37e+07".
    const double scale = largest >= 1e6 ? 1e6 : largest >= 1e4 ? 1e3 : 1;
    auto value = [&](const ExposedCategory *c) { return double(records ? c->records : c->people) / scale; };
    // Smallest at the bottom: a horizontal bar chart draws its first category lowest.
    std::stable_sort(cats.begin(), cats.end(), [&](const ExposedCategory *a, const ExposedCategory *b) {
        if (a->tier != b->tier)
            return a->tier > b->tier;
        return value(a) < value(b);
    });
    const CanvasStyle style = canvasStyleForPalette();
    // One set per tier and certainty: a bar shows its tier's colour; potential is hatched.
    struct Key {
        int tier;
        bool potential;
    };
    std::vector<std::pair<Key, QBarSet *>> sets;
    auto *series = new QHorizontalStackedBarSeries;
    for (int tier = 1; tier <= 4; ++tier)
        for (bool potential : {false, true}) {
            auto *set = new QBarSet(potential ? tr("T%1 potential").arg(tier) : tr("T%1 direct").arg(tier));
            QColor c = style.tierColor[std::size_t(tier - 1)];
            set->setColor(c);
            set->setBorderColor(c.darker(130));
            if (potential)
                set->setBrush(QBrush(c, Qt::BDiagPattern));
            sets.push_back({{tier, potential}, set});
        }
    QStringList labels;
    double top = 0;
    int unknown = 0;
    for (const ExposedCategory *c : cats) {
        const bool potential =
            c->plaintext ? *c->plaintext == Certainty::Potential : c->certainty == Certainty::Potential;
        for (auto &[key, set] : sets)
            set->append(key.tier == c->tier && key.potential == potential ? value(c) : 0.0);
        QString label = c->category;
        if (c->encrypted)
            label += tr(" [encrypted]");
        else if (c->someEncrypted)
            label += tr(" [partly encrypted]");
        labels << label;
        m_order.prepend(c->category);
        top = std::max(top, value(c));
        unknown += value(c) == 0;
    }
    for (auto &[key, set] : sets) {
        bool any = false;
        for (int i = 0; i < set->count(); ++i)
            any = any || set->at(i) > 0;
        if (any)
            series->append(set);
        else
            delete set;
    }
    connect(series, &QHorizontalStackedBarSeries::clicked, this, [this](int index, QBarSet *) {
        if (index >= 0 && index < m_order.size())
            Q_EMIT categoryClicked(m_order[m_order.size() - 1 - index]);
    });
    chart->addSeries(series);
    auto *axisY = new QBarCategoryAxis;
    axisY->append(labels);
    axisY->setTruncateLabels(false);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    auto *axisX = new QValueAxis;
    axisX->setRange(0, top > 0 ? top * 1.05 : 1);
    axisX->applyNiceNumbers(); // ticks at 0, 10, 20, ... rather than 0, 14, 27
    axisX->setLabelFormat(top >= 10 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
    const QString unit = scale == 1e6 ? tr(" (millions)") : scale == 1e3 ? tr(" (thousands)") : QString();
    axisX->setTitleText((records ? tr("records stated on the flows") : tr("people behind the category")) + unit);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    chart->setTitle(tr("Exposed data categories (%1)").arg(cats.size()));
    m_view->setChart(chart);
    m_view->setMinimumHeight(150 + 24 * int(cats.size()));
    m_note->setText(unknown ? tr("%n categories show no bar: no %1 stated.", nullptr, unknown)
                                  .arg(records ? tr("records figure") : tr("population behind them"))
                            : QString());
}

} // namespace vg
