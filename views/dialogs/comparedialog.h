// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/blastradius.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QTimer>

#include <optional>

class QComboBox;
class QLabel;
class QTableWidget;

namespace vg {

class AnalysisService;
class Document;

// Two saved scenarios run on the map as it is now.
struct CompareAnswer {
    SavedScenario a, b;
    std::optional<BlastRadius> ra, rb; // empty with no seeds or on an error
    QString errorA, errorB;
    quint64 revision = 0;
};

// Compare scenarios: two saved scenarios side by side (A defaults to the active one, B to
// another), run on a worker thread on the map as it is now: systems reached, people,
// categories by tier, the cost range, each regime's obligation status, then the categories
// and systems exposed in one but not the other. A difference is marked twice, so that a
// grey-scale print keeps it: by a marker (▲ ▼, "≠", "only in A/B") and by a colour. After an
// edit of the map, both run again.
class CompareDialog final : public QDialog {
    Q_OBJECT
public:
    CompareDialog(Document *doc, AnalysisService *analysis, QWidget *parent = nullptr);
    ~CompareDialog() override;

    QComboBox *comboA() const { return m_a; }
    QComboBox *comboB() const { return m_b; }
    QTableWidget *figuresTable() const { return m_figures; }
    QTableWidget *differencesTable() const { return m_only; }
    QString messageText() const;
    // Whether the figures are for the map as it is now.
    bool isReady() const { return m_ready; }
    // Runs the two scenarios picked (again).
    void compare();

Q_SIGNALS:
    void ready();

private:
    void fillCombos();
    void showAnswer(const CompareAnswer &answer);

    Document *m_doc;
    AnalysisService *m_analysis;
    QComboBox *m_a, *m_b;
    QLabel *m_message;
    QTableWidget *m_figures, *m_only;
    QFutureWatcher<CompareAnswer> m_watcher;
    QTimer m_rerun;
    bool m_ready = false;
};

} // namespace vg
