// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace vg {

class AnalysisService;
class Document;
class Selection;

// The scenario: its seeds (breached or controlled), its options (max hops, potential
// pivots), whether the answer on screen is up to date, the summary, the cost range with its
// assumptions, and in words why the selected node is reached.
class ScenarioPanel final : public QWidget {
    Q_OBJECT
public:
    ScenarioPanel(Document *doc, Selection *selection, AnalysisService *analysis, QWidget *parent = nullptr);
    QString statusText() const;
    QString summaryText() const;
    QString costText() const;
    QString explanationText() const;
    QPushButton *reportButton() const { return m_report; }

Q_SIGNALS:
    // The Incident Report button: the window asks where to write it.
    void reportRequested();

private:
    void refreshScenario();
    void refreshResult();
    void refreshExplanation();
    void applyOptions();

    Document *m_doc;
    Selection *m_selection;
    AnalysisService *m_analysis;
    QListWidget *m_seeds;
    QPushButton *m_remove, *m_clear, *m_report;
    QCheckBox *m_limit, *m_potential;
    QSpinBox *m_hops;
    QLabel *m_status, *m_summary, *m_cost, *m_assumptions, *m_explain;
    bool m_updating = false;
};

} // namespace vg
