// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/blastradius.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <vector>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace vg {

class AnalysisService;
class ConcentrationModel;
class Document;
class Selection;

// Concentration: the shared sub-processors (fourth parties) that several vendors depend on,
// weighted by the sensitivity of what reaches them (ANALYSIS.md), heaviest first. Computed
// on a worker thread while shown, again after edits the analysis reads. Selecting a row
// selects the sub-processor and its vendors on the canvas (showRequested()).
class ConcentrationPanel final : public QWidget {
    Q_OBJECT
public:
    ConcentrationPanel(Document *doc, AnalysisService *analysis, QWidget *parent = nullptr);
    ~ConcentrationPanel() override;

    ConcentrationModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QString statusText() const;
    bool isRunning() const { return m_watcher.isRunning(); }
    // The revision of the document the rows are for (0: none yet).
    quint64 revision() const { return m_revision; }
    void refresh();

Q_SIGNALS:
    void showRequested(const QStringList &nodes, const QStringList &edges);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void contentChanged();
    void rowSelected();

    Document *m_doc;
    AnalysisService *m_analysis;
    ConcentrationModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    QLabel *m_status;
    QTimer m_debounce;
    QFutureWatcher<std::vector<SharedSubprocessor>> m_watcher;
    quint64 m_revision = 0, m_running = 0;
    bool m_dirty = true;
};

} // namespace vg
