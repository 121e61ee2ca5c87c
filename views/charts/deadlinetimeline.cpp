// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/charts/deadlinetimeline.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTimeZone>

#include <cmath>

#include <algorithm>

namespace vg {

namespace {

constexpr int kMargin = 12;
constexpr int kAxisY = 34; // from the top: the axis, with the day ticks above it
constexpr int kRowHeight = 34;

QColor statusColor(ObligationStatus s)
{
    return s == ObligationStatus::Likely ? QColor(0xc6, 0x28, 0x28) : QColor(0xef, 0x6c, 0x00);
}

QString shortDue(const QDateTime &t)
{
    return QLocale(QLocale::English).toString(t, QStringLiteral("ddd d MMM HH:mm"));
}

} // namespace

DeadlineTimeline::DeadlineTimeline(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAccessibleName(tr("Notification deadlines timeline"));
}

void DeadlineTimeline::setDeadlines(const QDateTime &awareness, std::vector<DueDeadline> deadlines, const QDateTime &now)
{
    m_message.clear();
    m_awareness = awareness;
    m_deadlines = std::move(deadlines);
    m_now = now;
    m_end = awareness;
    for (const DueDeadline &d : m_deadlines)
        m_end = std::max(m_end, d.deadline.due);
    // At least two days, and a little room after the last deadline.
    const qint64 span = std::max<qint64>(m_awareness.secsTo(m_end), 2 * 86400);
    m_end = m_awareness.addSecs(span + span / 12);
    place();
    updateGeometry();
    update();
}

void DeadlineTimeline::setMessage(const QString &message)
{
    m_message = message;
    m_deadlines.clear();
    m_placed.clear();
    m_rows = 0;
    updateGeometry();
    update();
}

double DeadlineTimeline::xOf(const QDateTime &t) const
{
    const double span = double(m_awareness.secsTo(m_end));
    const double w = width() - 2 * kMargin;
    return kMargin + (span > 0 ? w * double(m_awareness.secsTo(t)) / span : 0);
}

void DeadlineTimeline::place()
{
    m_placed.clear();
    m_rows = 0;
    const QFontMetricsF fm(font());
    std::vector<double> rowEnds; // the right end of the last label of each row
    for (const DueDeadline &d : m_deadlines) {
        Placed p;
        p.x = xOf(d.deadline.due);
        const QString first = QStringLiteral("%1 · %2").arg(d.deadline.regime, d.deadline.label);
        const QString second = shortDue(d.deadline.due);
        const double w = std::max(fm.horizontalAdvance(first), fm.horizontalAdvance(second)) + 8;
        // Labels start at the marker, or end at it when they would leave the widget.
        double left = p.x + 6;
        if (left + w > width() - 2)
            left = std::max(2.0, p.x - 6 - w);
        int row = 0;
        while (row < int(rowEnds.size()) && rowEnds[std::size_t(row)] > left)
            ++row;
        if (row == int(rowEnds.size()))
            rowEnds.push_back(0);
        rowEnds[std::size_t(row)] = left + w;
        p.row = row;
        p.label = QRectF(left, kAxisY + 14 + row * kRowHeight, w, 2 * fm.height());
        m_placed.push_back(p);
    }
    m_rows = int(rowEnds.size());
}

QSize DeadlineTimeline::sizeHint() const
{
    return {600, kAxisY + 22 + std::max(1, m_rows) * kRowHeight};
}

QSize DeadlineTimeline::minimumSizeHint() const { return {300, kAxisY + 22 + kRowHeight}; }

void DeadlineTimeline::resizeEvent(QResizeEvent *)
{
    const int rows = m_rows;
    place();
    if (rows != m_rows)
        updateGeometry();
}

void DeadlineTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const QColor text = palette().color(QPalette::Text);
    if (!m_message.isEmpty() || !m_awareness.isValid()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(kMargin, 0, -kMargin, 0), Qt::AlignVCenter | Qt::AlignLeft | Qt::TextWordWrap,
                   m_message);
        return;
    }
    const QFontMetricsF fm(font());
    // Day ticks: every day, or every few days on a long axis, labelled with the date.
    const double span = double(m_awareness.secsTo(m_end));
    const double pxPerDay = (width() - 2 * kMargin) * 86400.0 / std::max(1.0, span);
    const int step = std::max(1, int(std::ceil(fm.horizontalAdvance(QStringLiteral("Mon 30 Nov ")) / pxPerDay)));
    QDateTime day(m_awareness.date().addDays(1), QTime(0, 0), QTimeZone(m_awareness.offsetFromUtc()));
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    for (int i = 0; day < m_end; day = day.addDays(1), ++i) {
        const double x = xOf(day);
        p.setPen(QPen(palette().color(QPalette::Mid), 1));
        p.drawLine(QPointF(x, kAxisY - 5), QPointF(x, kAxisY + 5));
        // The label names the day that starts at the tick, written over its first hours.
        if (i % step == 0) {
            p.setPen(palette().color(QPalette::PlaceholderText));
            p.drawText(QPointF(x + 3, kAxisY - 9), QLocale(QLocale::English).toString(day.date(), QStringLiteral("ddd d MMM")));
        }
    }
    p.setPen(QPen(text, 1.5));
    p.drawLine(QPointF(kMargin, kAxisY), QPointF(width() - kMargin, kAxisY));
    // Awareness: a bar at the start.
    p.setPen(QPen(text, 2));
    p.drawLine(QPointF(kMargin, kAxisY - 10), QPointF(kMargin, kAxisY + 10));
    // Now: a dashed line, when within the axis.
    if (m_now.isValid() && m_now > m_awareness && m_now < m_end) {
        const double x = xOf(m_now);
        p.setPen(QPen(QColor(0x15, 0x65, 0xc0), 1.5, Qt::DashLine));
        p.drawLine(QPointF(x, 4), QPointF(x, height() - 4));
        p.drawText(QPointF(x + 4, 12), tr("now"));
    }
    // The deadlines: a leader from the axis to the label's row, a diamond on the axis.
    for (std::size_t i = 0; i < m_placed.size(); ++i) {
        const Placed &pl = m_placed[i];
        const DueDeadline &d = m_deadlines[i];
        const QColor c = statusColor(d.status);
        const bool overdue = m_now.isValid() && d.deadline.due < m_now;
        p.setPen(QPen(c, 1, Qt::DotLine));
        p.drawLine(QPointF(pl.x, kAxisY), QPointF(pl.x, pl.label.top() + fm.height() / 2));
        QPainterPath diamond;
        diamond.moveTo(pl.x, kAxisY - 6);
        diamond.lineTo(pl.x + 6, kAxisY);
        diamond.lineTo(pl.x, kAxisY + 6);
        diamond.lineTo(pl.x - 6, kAxisY);
        diamond.closeSubpath();
        p.setPen(QPen(c, 2));
        p.setBrush(d.status == ObligationStatus::Likely ? QBrush(c) : QBrush(palette().color(QPalette::Base)));
        p.drawPath(diamond);
        QFont f = font();
        f.setBold(d.status == ObligationStatus::Likely);
        p.setFont(f);
        p.setPen(text);
        p.drawText(QPointF(pl.label.left() + 4, pl.label.top() + fm.ascent()),
                   QStringLiteral("%1 · %2").arg(d.deadline.regime, d.deadline.label));
        p.setFont(font());
        p.setPen(overdue ? QColor(0xc6, 0x28, 0x28) : palette().color(QPalette::PlaceholderText));
        p.drawText(QPointF(pl.label.left() + 4, pl.label.top() + fm.height() + fm.ascent()),
                   overdue ? tr("%1 (passed)").arg(shortDue(d.deadline.due)) : shortDue(d.deadline.due));
    }
}

} // namespace vg
