// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QModelIndex;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace vg {

class AnalysisService;
class Document;
class VendorRankingModel;

// The vendor ranking: every vendor's breach and control scenario (score, people, tier-1
// categories), sortable by any column and filtered by a search box. It ranks on a worker
// thread with a progress bar, again (debounced, the running one cancelled) after every edit
// the analysis reads, and only while it is shown: a hidden panel ranks when it is shown
// again. The rows always say which map they are for: while a newer ranking runs, the status
// line says they are for the map as it was.
//
// Double-clicking a row makes that vendor the scenario, as one undoable edit of the active
// saved scenario (its hops and pivot options stay). The column decides the mode: a control
// column (Control score, People (control), Tier 1 (control)) marks it controlled; any other
// column marks it breached, the common case (a vendor's notice says it was breached).
// Then vendorChosen() asks for it to be selected and centred on the canvas.
class RankingPanel final : public QWidget {
    Q_OBJECT
public:
    RankingPanel(Document *doc, AnalysisService *analysis, QWidget *parent = nullptr);
    ~RankingPanel() override;

    VendorRankingModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QProgressBar *progressBar() const { return m_progress; }
    QString statusText() const;
    // Whether the rows are for the document as it is now.
    bool isCurrent() const;

    // Starts a ranking of the document as it is now (cancelling the running one).
    void rank();
    // Makes the vendor of a row of view() the scenario; the column decides the mode.
    void useRow(const QModelIndex &proxyIndex);

Q_SIGNALS:
    void vendorChosen(const QString &vendorId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void contentChanged();
    void updateStatus();

    Document *m_doc;
    AnalysisService *m_analysis;
    VendorRankingModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    QPushButton *m_rankButton;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTimer m_debounce;
    bool m_dirty = true; // the rows are not for the document as it is now, and no ranking runs for it
    bool m_fitted = false;
};

} // namespace vg
