// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/analysisservice.h"

#include <QWidget>

#include <memory>

class QChartView;
class QComboBox;
class QLabel;

namespace vg {

// The exposed categories as horizontal bars, by people or by records (switchable), coloured
// by tier, split into direct and potential (potential hatched), encrypted ones marked in the
// label. Clicking a bar asks to show that category's holders and carrying edges.
class CategoryChart final : public QWidget {
    Q_OBJECT
public:
    explicit CategoryChart(QWidget *parent = nullptr);
    void setResult(std::shared_ptr<const AnalysisResult> result);
    void setByRecords(bool records);
    // The category ids in bar order (top first), for tests.
    QStringList categories() const { return m_order; }
    QChartView *chartView() const { return m_view; }

Q_SIGNALS:
    void categoryClicked(const QString &category);

private:
    void rebuild();

    std::shared_ptr<const AnalysisResult> m_result;
    QChartView *m_view;
    QComboBox *m_measure;
    QLabel *m_note;
    QStringList m_order;
};

} // namespace vg
