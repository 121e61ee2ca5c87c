// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class QTableWidget;
class QWidget;
class QTableWidgetItem;

namespace vg {

// Table cells shared by the what-if and compare dialogs. A difference is shown twice, so that
// it survives a grey-scale print: by a marker in the text (▲ more, ▼ less, "only in ...") and
// by a background colour (warm: worse, more exposure; green: better). Text colours are set
// with the background so that both themes stay readable.
namespace riskcells {

enum class Tone { None, Worse, Better, Changed, Other };

QTableWidgetItem *text(const QString &s, Tone tone = Tone::None);
// A number, right-aligned: counts grouped, decimals > 0 as a fixed decimal.
QTableWidgetItem *number(double v, int decimals = 0);
// The change from a to b: "▲ +3", "▼ −2" or "=" (decimals as number()). moreIsWorse picks
// the tone of an increase.
QTableWidgetItem *change(double a, double b, int decimals = 0, bool moreIsWorse = true);
void setTone(QTableWidgetItem *item, Tone tone);
Tone toneOf(const QTableWidgetItem *item);
// A read-only table with these headers, rows selected whole, no grid editing.
QTableWidget *table(const QStringList &headers, QWidget *parent);
// Columns to their contents, then the last one stretched; then at most maxWidth each.
void fit(QTableWidget *t, int maxWidth = 360);

} // namespace riskcells
} // namespace vg
