// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/analysisservice.h"

#include <QWidget>

#include <memory>

namespace vg {

// The exposure flow: populations (left) → exposed categories (middle) → the holders that
// leak them (right), each band as wide as the people it stands for. Qt has no Sankey
// diagram: this one is painted with QPainter. A category's people are shared evenly among
// its holders (each holds the whole category; the split keeps the bands balanced). The
// biggest entries are shown; the rest are summed as "others". Also draws into any painter
// (reports).
class ExposureFlow final : public QWidget {
    Q_OBJECT
public:
    explicit ExposureFlow(QWidget *parent = nullptr);
    void setResult(std::shared_ptr<const AnalysisResult> result);
    QSize sizeHint() const override { return {900, 520}; }
    // Paints the diagram in rect (used by the widget and by reports).
    void paint(QPainter *painter, const QRectF &rect, bool dark) const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::shared_ptr<const AnalysisResult> m_result;
};

} // namespace vg
