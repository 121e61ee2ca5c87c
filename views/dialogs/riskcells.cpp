// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/dialogs/riskcells.h"

#include <QHeaderView>
#include <QLocale>
#include <QTableWidget>

#include <cmath>

namespace vg::riskcells {

namespace {
constexpr int ToneRole = Qt::UserRole + 40;

QString formatted(double v, int decimals)
{
    const QLocale locale;
    return decimals > 0 ? locale.toString(v, 'f', decimals) : locale.toString(qint64(std::llround(v)));
}
} // namespace

void setTone(QTableWidgetItem *item, Tone tone)
{
    item->setData(ToneRole, int(tone));
    switch (tone) {
    case Tone::None:
        item->setData(Qt::BackgroundRole, {});
        item->setData(Qt::ForegroundRole, {});
        return;
    case Tone::Worse: item->setBackground(QColor(0xf9, 0xd3, 0xc4)); break; // warm
    case Tone::Better: item->setBackground(QColor(0xcd, 0xec, 0xd2)); break; // green
    case Tone::Changed: item->setBackground(QColor(0xfb, 0xec, 0xb0)); break; // amber
    case Tone::Other: item->setBackground(QColor(0xcf, 0xe3, 0xf7)); break; // blue
    }
    item->setForeground(QColor(0x1b, 0x1b, 0x1b));
    QFont f = item->font();
    f.setBold(true);
    item->setFont(f);
}

Tone toneOf(const QTableWidgetItem *item) { return item ? Tone(item->data(ToneRole).toInt()) : Tone::None; }

QTableWidgetItem *text(const QString &s, Tone tone)
{
    auto *item = new QTableWidgetItem(s);
    item->setToolTip(s);
    setTone(item, tone);
    return item;
}

QTableWidgetItem *number(double v, int decimals)
{
    auto *item = new QTableWidgetItem(formatted(v, decimals));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidgetItem *change(double a, double b, int decimals, bool moreIsWorse)
{
    const double d = b - a;
    const double eps = decimals > 0 ? 0.5 * std::pow(10.0, -decimals) : 0.5;
    QTableWidgetItem *item;
    if (std::abs(d) < eps) {
        item = new QTableWidgetItem(QStringLiteral("="));
        setTone(item, Tone::None);
    } else if (d > 0) {
        item = new QTableWidgetItem(QStringLiteral("▲ +") + formatted(d, decimals));
        setTone(item, moreIsWorse ? Tone::Worse : Tone::Better);
    } else {
        item = new QTableWidgetItem(QStringLiteral("▼ −") + formatted(-d, decimals));
        setTone(item, moreIsWorse ? Tone::Better : Tone::Worse);
    }
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidget *table(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setWordWrap(false);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->horizontalHeader()->setResizeContentsPrecision(200); // fitting reads 200 rows, not all
    t->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return t;
}

void fit(QTableWidget *t, int maxWidth)
{
    t->resizeColumnsToContents();
    for (int c = 0; c < t->columnCount(); ++c)
        if (t->columnWidth(c) > maxWidth)
            t->setColumnWidth(c, maxWidth);
}

} // namespace vg::riskcells
