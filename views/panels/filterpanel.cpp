// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/panels/filterpanel.h"

#include "model/document/document.h"
#include "model/document/selection.h"
#include "views/dialogs/categorypicker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace vg {

FilterPanel::FilterPanel(Document *doc, Selection *selection, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_selection(selection)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto *kinds = new QGroupBox(tr("Edge kinds"), this);
    auto *kindsLayout = new QVBoxLayout(kinds);
    const char *kindNames[] = {QT_TR_NOOP("&Data flows"), QT_TR_NOOP("A&ccess (credentials)"),
                               QT_TR_NOOP("C&ode (SDKs, agents)"), QT_TR_NOOP("&Hosting")};
    for (int k = 0; k < 4; ++k) {
        m_kinds[std::size_t(k)] = new QCheckBox(tr(kindNames[k]), kinds);
        kindsLayout->addWidget(m_kinds[std::size_t(k)]);
        connect(m_kinds[std::size_t(k)], &QCheckBox::toggled, this, &FilterPanel::fromWidgets);
    }
    layout->addWidget(kinds);

    auto *tiers = new QGroupBox(tr("Vendor tiers"), this);
    auto *tiersLayout = new QHBoxLayout(tiers);
    for (int t = 0; t < 5; ++t) {
        m_tiers[std::size_t(t)] = new QCheckBox(t < 4 ? QStringLiteral("T%1").arg(t + 1) : tr("none"), tiers);
        m_tiers[std::size_t(t)]->setToolTip(t < 4 ? tr("Show vendors of tier %1").arg(t + 1)
                                                  : tr("Show vendors without a tier"));
        if (t < 4)
            m_tiers[std::size_t(t)]->setIcon(tierIcon(t + 1));
        tiersLayout->addWidget(m_tiers[std::size_t(t)]);
        connect(m_tiers[std::size_t(t)], &QCheckBox::toggled, this, &FilterPanel::fromWidgets);
    }
    layout->addWidget(tiers);

    auto *cats = new QGroupBox(tr("Categories on data flows"), this);
    auto *catsLayout = new QVBoxLayout(cats);
    m_categories = new QLabel(cats);
    m_categories->setWordWrap(true);
    auto *catButtons = new QHBoxLayout;
    auto *choose = new QPushButton(tr("C&hoose..."), cats);
    auto *clear = new QPushButton(tr("&All"), cats);
    catButtons->addWidget(choose);
    catButtons->addWidget(clear);
    catsLayout->addWidget(m_categories);
    catsLayout->addLayout(catButtons);
    connect(choose, &QPushButton::clicked, this, [this] {
        CategoryPicker picker(m_doc->taxonomy(), QStringList(m_filter.categories.begin(), m_filter.categories.end()),
                              this);
        picker.setWindowTitle(tr("Show data flows carrying"));
        if (picker.exec() == QDialog::Accepted) {
            const QStringList c = picker.checked();
            m_filter.categories = QSet<QString>(c.begin(), c.end());
            toWidgets();
            Q_EMIT filterChanged(m_filter);
        }
    });
    connect(clear, &QPushButton::clicked, this, [this] {
        m_filter.categories.clear();
        toWidgets();
        Q_EMIT filterChanged(m_filter);
    });
    layout->addWidget(cats);

    auto *focus = new QGroupBox(tr("Focus"), this);
    auto *focusLayout = new QFormLayout(focus);
    m_depth = new QSpinBox(focus);
    m_depth->setRange(1, 20);
    m_direction = new QComboBox(focus);
    m_direction->addItems({tr("Both ways"), tr("Upstream (what feeds it)"), tr("Downstream (where it goes)")});
    m_focusLabel = new QLabel(focus);
    m_focusLabel->setWordWrap(true);
    focusLayout->addRow(tr("De&pth"), m_depth);
    focusLayout->addRow(tr("Dire&ction"), m_direction);
    auto *focusButtons = new QHBoxLayout;
    auto *focusOn = new QPushButton(tr("&Focus on Selection"), focus);
    auto *all = new QPushButton(tr("Show A&ll"), focus);
    focusButtons->addWidget(focusOn);
    focusButtons->addWidget(all);
    focusLayout->addRow(focusButtons);
    focusLayout->addRow(m_focusLabel);
    connect(focusOn, &QPushButton::clicked, this, &FilterPanel::focusOnSelection);
    connect(all, &QPushButton::clicked, this, &FilterPanel::showAll);
    connect(m_depth, &QSpinBox::valueChanged, this, &FilterPanel::fromWidgets);
    connect(m_direction, &QComboBox::currentIndexChanged, this, &FilterPanel::fromWidgets);
    layout->addWidget(focus);
    layout->addStretch(1);
    connect(doc, &Document::modelReset, this, [this] { setFilter(ViewFilter()); });
    toWidgets();
}

void FilterPanel::setFilter(const ViewFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    toWidgets();
    Q_EMIT filterChanged(m_filter);
}

void FilterPanel::focusOnSelection()
{
    ViewFilter f = m_filter;
    f.focus = m_selection->nodes();
    for (const QString &e : m_selection->edges())
        if (const Edge *edge = m_doc->store().findEdge(e))
            f.focus << edge->from << edge->to;
    f.focus.removeDuplicates();
    setFilter(f);
}

void FilterPanel::showAll() { setFilter(ViewFilter()); }

void FilterPanel::fromWidgets()
{
    if (m_updating)
        return;
    ViewFilter f = m_filter;
    for (std::size_t k = 0; k < 4; ++k)
        f.edgeKinds[k] = m_kinds[k]->isChecked();
    for (std::size_t t = 0; t < 5; ++t)
        f.vendorTiers[t] = m_tiers[t]->isChecked();
    f.depth = m_depth->value();
    f.direction = ViewFilter::Direction(m_direction->currentIndex() == 1       ? 0
                                            : m_direction->currentIndex() == 2 ? 1
                                                                               : 2);
    setFilter(f);
}

void FilterPanel::toWidgets()
{
    m_updating = true;
    for (std::size_t k = 0; k < 4; ++k)
        m_kinds[k]->setChecked(m_filter.edgeKinds[k]);
    for (std::size_t t = 0; t < 5; ++t)
        m_tiers[t]->setChecked(m_filter.vendorTiers[t]);
    QStringList cats(m_filter.categories.begin(), m_filter.categories.end());
    cats.sort();
    m_categories->setText(cats.isEmpty() ? tr("All categories") : cats.join(u", "));
    m_depth->setValue(m_filter.depth);
    m_direction->setCurrentIndex(m_filter.direction == ViewFilter::Direction::Both           ? 0
                                     : m_filter.direction == ViewFilter::Direction::Upstream ? 1
                                                                                             : 2);
    m_focusLabel->setText(m_filter.focus.isEmpty()
                              ? tr("Showing the whole map.")
                              : tr("Showing %n node(s) and their neighbourhood.", nullptr, int(m_filter.focus.size())));
    m_updating = false;
}

} // namespace vg
