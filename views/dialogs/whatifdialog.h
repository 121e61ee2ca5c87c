// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/blastradius.h"

#include <QDialog>
#include <QFutureWatcher>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace vg {

class AnalysisService;
class Document;

// What removing a vendor would change, computed on the map as it is now.
struct WhatIfAnswer {
    QString error; // set when it could not be computed
    std::optional<WhatIf> whatIf;
    Scenario before, after; // the active scenario, and the same without the vendor as a seed
    std::optional<BlastRadius> radiusBefore, radiusAfter; // empty with no seeds
    bool seed = false; // the vendor is a seed of the active scenario
    quint64 revision = 0;
};

// What-if: remove a vendor. Computes on a worker thread, with progress and Cancel, then
// shows before and after side by side: the active scenario's exposure, the categories no
// vendor holds any more, the services that lose an edge (and which kinds), and the top ten
// of the ranking with each row's change. Nothing changes until Apply, which removes the
// vendor with its edges as one undoable step. An edit made while the dialog is open makes
// its figures out of date; it says so, and Recompute asks again.
class WhatIfDialog final : public QDialog {
    Q_OBJECT
public:
    WhatIfDialog(Document *doc, AnalysisService *analysis, const QString &vendorId, QWidget *parent = nullptr);
    ~WhatIfDialog() override;

    const QString &vendorId() const { return m_vendor; }
    bool isReady() const { return m_answer.has_value(); }
    const std::optional<WhatIfAnswer> &answer() const { return m_answer; }
    QTableWidget *exposureTable() const { return m_exposure; }
    QTableWidget *servicesTable() const { return m_services; }
    QTableWidget *categoriesTable() const { return m_categories; }
    QTableWidget *rankingTable() const { return m_ranking; }
    QPushButton *applyButton() const { return m_apply; }
    QString noteText() const;

    // Starts (again) on the map as it is now.
    void compute();
    // Removes the vendor with its edges, as one undoable step, and closes. False when the
    // vendor is no longer in the model.
    bool apply();

Q_SIGNALS:
    void ready();

private:
    void showAnswer(const WhatIfAnswer &a);
    void setBusy(bool busy);

    Document *m_doc;
    AnalysisService *m_analysis;
    QString m_vendor, m_vendorName;
    QLabel *m_title, *m_note;
    QProgressBar *m_progress;
    QPushButton *m_cancel, *m_recompute, *m_apply;
    QTableWidget *m_exposure, *m_services, *m_categories, *m_ranking;
    QFutureWatcher<WhatIfAnswer> m_watcher;
    std::optional<WhatIfAnswer> m_answer;
    bool m_stale = false;
};

} // namespace vg
