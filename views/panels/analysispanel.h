// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/analysisservice.h"

#include <QWidget>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace vg {

class CategoryChart;
class DeadlineTimeline;
class Document;
class ExposureFlow;
class Selection;
class TableModel;

// The exposed data made visible, for the active scenario: the category chart, the exposure
// flow, the holder x category matrix, the people and the obligations, and what was not
// exposed. Each follows the analysis; while a newer answer is being computed, a banner says
// the figures are for the map as it was.
class AnalysisPanel final : public QWidget {
    Q_OBJECT
public:
    AnalysisPanel(Document *doc, Selection *selection, AnalysisService *analysis, QWidget *parent = nullptr);
    QTabWidget *tabs() const { return m_tabs; }
    CategoryChart *chart() const { return m_chart; }
    ExposureFlow *flow() const { return m_flow; }
    TableModel *matrixModel() const { return m_matrix; }
    TableModel *obligationsModel() const { return m_obligations; }
    TableModel *populationsModel() const { return m_populations; }
    TableModel *notExposedModel() const { return m_notExposed; }
    QTableView *matrixView() const { return m_matrixView; }
    DeadlineTimeline *timeline() const { return m_timeline; }
    QCheckBox *awareBox() const { return m_aware; }
    QDateTimeEdit *awareEdit() const { return m_awareAt; }

Q_SIGNALS:
    // Show these on the canvas (a category's holders and carrying edges, a row's node).
    void showRequested(const QStringList &nodes, const QStringList &edges);

private:
    void refresh();
    void refreshDeadlines();
    void setAwareness(const QDateTime &t);

    Document *m_doc;
    Selection *m_selection;
    AnalysisService *m_analysis;
    QLabel *m_banner;
    QTabWidget *m_tabs;
    CategoryChart *m_chart;
    ExposureFlow *m_flow;
    TableModel *m_matrix, *m_obligations, *m_populations, *m_notExposed;
    QSortFilterProxyModel *m_matrixProxy;
    QTableView *m_matrixView;
    QTableView *m_obligationsView;
    DeadlineTimeline *m_timeline;
    QCheckBox *m_aware;
    QDateTimeEdit *m_awareAt;
    QLabel *m_awareZone;
    bool m_updating = false;
};

} // namespace vg
