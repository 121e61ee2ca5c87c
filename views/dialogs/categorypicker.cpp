// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/dialogs/categorypicker.h"

#include "model/domain/taxonomy.h"
#include "views/canvas/canvasstyle.h"
#include "views/mainwindow/theme.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vg {

QIcon tierIcon(int tier)
{
    const CanvasStyle s = canvasStyleForPalette();
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(s.tierColor[std::size_t(std::clamp(tier, 1, 4) - 1)]);
    p.drawRoundedRect(QRectF(1, 1, 12, 12), 3, 3);
    return QIcon(pm);
}

CategoryPicker::CategoryPicker(const Taxonomy &taxonomy, const QStringList &checked, QWidget *parent)
    : QDialog(parent), m_search(new QLineEdit(this)), m_tree(new QTreeWidget(this)), m_count(new QLabel(this))
{
    setWindowTitle(tr("Data categories"));
    m_search->setPlaceholderText(tr("Search categories (id, name or flag)"));
    m_search->setClearButtonEnabled(true);
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({tr("Category"), tr("Name"), tr("Tier"), tr("Flags")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    QHash<QString, QTreeWidgetItem *> groups;
    for (const Category &c : taxonomy.all()) {
        const QString family = c.id.section(QLatin1Char('.'), 0, 0);
        QTreeWidgetItem *&group = groups[family];
        if (!group) {
            group = new QTreeWidgetItem(m_tree, {family});
            group->setFlags(Qt::ItemIsEnabled | Qt::ItemIsAutoTristate | Qt::ItemIsUserCheckable);
            QFont f = group->font(0);
            f.setBold(true);
            group->setFont(0, f);
        }
        auto *item = new QTreeWidgetItem(
            group, {c.id, c.name, QStringLiteral("T%1").arg(c.tier), flagNames(c.flags).join(u", ")});
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(0, checked.contains(c.id) ? Qt::Checked : Qt::Unchecked);
        item->setIcon(2, tierIcon(c.tier));
        item->setData(0, Qt::UserRole, c.id);
        item->setToolTip(1, c.note.isEmpty() ? c.name : c.name + QLatin1Char('\n') + c.note);
    }
    m_tree->expandAll();
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_count, 1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_search, &QLineEdit::textChanged, this, &CategoryPicker::setFilter);
    connect(m_tree, &QTreeWidget::itemChanged, this, &CategoryPicker::updateCount);
    resize(720, 560);
    updateCount();
    m_search->setFocus();
}

void CategoryPicker::setFilter(const QString &text)
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const bool match = text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive)
                || item->text(1).contains(text, Qt::CaseInsensitive)
                || item->text(3).contains(text, Qt::CaseInsensitive);
            item->setHidden(!match);
            shown += match;
        }
        group->setHidden(shown == 0);
    }
}

QStringList CategoryPicker::checked() const
{
    QStringList out;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g)
        for (int i = 0; i < m_tree->topLevelItem(g)->childCount(); ++i) {
            const QTreeWidgetItem *item = m_tree->topLevelItem(g)->child(i);
            if (item->checkState(0) == Qt::Checked)
                out << item->data(0, Qt::UserRole).toString();
        }
    return out;
}

void CategoryPicker::updateCount()
{
    const int n = int(checked().size());
    m_count->setText(tr("%n categories checked", nullptr, n));
    if (auto *box = findChild<QDialogButtonBox *>())
        box->button(QDialogButtonBox::Ok)->setEnabled(n > 0);
}

} // namespace vg
