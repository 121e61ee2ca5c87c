// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/blastradius.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace vg {

class Document;

// What the canvas overlay needs of one node: its state in the scenario.
struct NodeMark {
    bool reached = false;
    bool seed = false;
    bool tenant = false;
    Compromise state = Compromise::Breached;
    Certainty certainty = Certainty::Direct;
    std::optional<Compromise> escalation;
};

// One complete analysis of one scenario at one document revision. Immutable once published;
// it keeps the model and engine it was computed on alive, so it can be read while the user
// edits on.
struct AnalysisResult {
    quint64 revision = 0; // the document's content revision it was computed at
    Scenario scenario;
    std::shared_ptr<const Model> model;
    std::shared_ptr<const BlastRadiusEngine> engine;
    std::optional<BlastRadius> radius; // empty with no seeds, or on an error
    QString error;
    std::vector<NodeMark> nodes; // by document store handle
    std::vector<char> edgeCarried; // by store handle: a node was reached by it, or it carried exposed data
    std::vector<int> nodeHandles; // model node index -> store handle
    std::vector<int> edgeHandles; // model edge index -> store handle
    double seconds = 0;
};

// The scenario it analyses is the document's active saved scenario (none: no seeds). Changing
// it through setScenario()/setSeed()/clearSeeds() is an undoable edit of that saved scenario
// (one is created, "Scenario 1", when none is active), so it is saved with the document.
//
// Runs the blast-radius analysis of the active scenario off the GUI thread, again after every
// edit that the analysis reads and after every change of the scenario. A result is published
// only if the document and the scenario are still what it was computed on; otherwise it is
// dropped and the newer run goes on, so a stale result is never shown as current. While a
// newer one is being computed, isCurrent() is false (the views say "updating").
// The engine's per-model index is reused while only the scenario changes. Lives in the GUI
// thread.
class AnalysisService final : public QObject {
    Q_OBJECT
public:
    explicit AnalysisService(Document *doc, QObject *parent = nullptr);
    ~AnalysisService() override;

    const Scenario &scenario() const { return m_scenario; }
    // Edits the active saved scenario to ask this question; text names the undo step, and
    // consecutive edits with the same non-empty mergeKey are one undo step.
    void setScenario(const Scenario &scenario, const QString &text = {}, const QString &mergeKey = {});
    // Adds, changes (mode) or, with no mode, removes one seed.
    void setSeed(const QString &nodeId, std::optional<Compromise> mode);
    void clearSeeds();
    // The awareness time of the active saved scenario (invalid when not entered, or none).
    QDateTime awareness() const;

    // The latest published result (null before the first).
    std::shared_ptr<const AnalysisResult> result() const { return m_result; }
    // The model of the last run when it still equals the document's content (items, name
    // aside), else null: a copy others can take without copying on the GUI thread. Its
    // positions, name and scenarios are not kept current.
    std::shared_ptr<const Model> currentContent() const;
    // Whether the published result is for the document and scenario as they are now.
    bool isCurrent() const;
    bool isRunning() const { return m_running != nullptr; }
    // How long the last run's start took on this (the GUI) thread, in ms: copying what
    // changed for the worker (a benchmark reads it).
    double lastStartMs() const { return m_lastStartMs; }
    // Waits for the analysis in flight (tests, export).
    void waitForIdle(int timeoutMs = 60000);

Q_SIGNALS:
    void resultChanged();
    // isCurrent() may have changed: an edit or a scenario change made the result stale,
    // or a fresh one was published.
    void currencyChanged(bool current);
    void scenarioChanged();

private:
    struct Job;
    // Takes the scenario from the document's active saved scenario; true if it changed (a run
    // is then under way).
    bool follow();
    void schedule(bool now = false);
    void start();
    void poll();

    Document *m_doc;
    Scenario m_scenario;
    std::shared_ptr<const AnalysisResult> m_result;
    std::shared_ptr<Job> m_running;
    bool m_again = false;
    std::shared_ptr<const BlastRadiusEngine> m_engine; // for m_engineRevision
    std::shared_ptr<const Model> m_engineModel;
    std::vector<int> m_engineNodeHandles, m_engineEdgeHandles;
    double m_lastStartMs = 0;
    quint64 m_engineRevision = 0;
    QTimer m_debounce, m_poll;
    bool m_lastCurrent = true;
};

} // namespace vg
