// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/reports/analysistables.h"

#include <QDateTime>
#include <QWidget>

namespace vg {

// The notification clocks of a scenario on one time axis, from the moment the company became
// aware to the last deadline: a marker per clock (filled for "likely", hollow for "assess",
// so the difference survives a grey-scale print), labelled with the regime, the clock and its
// due time, and a line for now. Labels that would overlap go to the next row.
class DeadlineTimeline final : public QWidget {
    Q_OBJECT
public:
    explicit DeadlineTimeline(QWidget *parent = nullptr);
    // deadlines: earliest first (dueDeadlines()). now: the "now" line (invalid: none).
    void setDeadlines(const QDateTime &awareness, std::vector<DueDeadline> deadlines, const QDateTime &now);
    void setMessage(const QString &message); // shown instead, e.g. when no awareness time is set
    const std::vector<DueDeadline> &deadlines() const { return m_deadlines; }
    // The rows the labels took (for tests: none overlaps).
    int rowCount() const { return m_rows; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Placed {
        QRectF label;
        double x = 0;
        int row = 0;
    };
    void place();
    double xOf(const QDateTime &t) const;

    QDateTime m_awareness, m_now, m_end;
    std::vector<DueDeadline> m_deadlines;
    std::vector<Placed> m_placed;
    QString m_message;
    int m_rows = 0;
};

} // namespace vg
