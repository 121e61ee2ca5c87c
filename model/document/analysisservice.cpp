// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/document/analysisservice.h"

#include "model/document/document.h"

#include <QElapsedTimer>
#include <QThread>

#include <atomic>
#include <thread>

namespace vg {

namespace {

bool sameScenario(const Scenario &a, const Scenario &b)
{
    if (a.maxHops != b.maxHops || a.potential != b.potential || a.seeds.size() != b.seeds.size())
        return false;
    for (std::size_t i = 0; i < a.seeds.size(); ++i)
        if (a.seeds[i].nodeId != b.seeds[i].nodeId || a.seeds[i].mode != b.seeds[i].mode)
            return false;
    return true;
}

} // namespace

struct AnalysisService::Job {
    std::thread thread;
    std::atomic<bool> done{false};
    std::shared_ptr<AnalysisResult> result;
    std::shared_ptr<const BlastRadiusEngine> engine; // built, updated or reused
    std::shared_ptr<const BlastRadiusEngine> previous; // to update from, after an edit
};

AnalysisService::AnalysisService(Document *doc, QObject *parent) : QObject(parent), m_doc(doc)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(30);
    connect(&m_debounce, &QTimer::timeout, this, &AnalysisService::start);
    m_poll.setInterval(10);
    connect(&m_poll, &QTimer::timeout, this, &AnalysisService::poll);
    connect(doc, &Document::modelReset, this, [this] {
        // A new model: its seeds may not exist; the scenario starts empty.
        m_scenario = Scenario();
        m_engine.reset();
        m_engineModel.reset();
        Q_EMIT scenarioChanged();
        schedule();
    });
    connect(doc, &Document::changeApplied, this, [this](const ChangeSet &c) {
        if (!c.changesAnalysis())
            return;
        // Seeds whose node went away leave the scenario.
        const auto before = m_scenario.seeds.size();
        std::erase_if(m_scenario.seeds, [&](const Seed &s) { return !m_doc->store().findNode(s.nodeId); });
        for (const auto &[from, to] : c.nodeRenames)
            for (Seed &s : m_scenario.seeds)
                if (s.nodeId == from)
                    s.nodeId = to;
        if (before != m_scenario.seeds.size() || !c.nodeRenames.empty())
            Q_EMIT scenarioChanged();
        schedule();
    });
}

AnalysisService::~AnalysisService()
{
    if (m_running && m_running->thread.joinable())
        m_running->thread.join();
}

void AnalysisService::setScenario(const Scenario &scenario)
{
    if (sameScenario(scenario, m_scenario))
        return;
    m_scenario = scenario;
    Q_EMIT scenarioChanged();
    schedule();
}

void AnalysisService::setSeed(const QString &nodeId, std::optional<Compromise> mode)
{
    Scenario s = m_scenario;
    std::erase_if(s.seeds, [&](const Seed &x) { return x.nodeId == nodeId; });
    if (mode)
        s.seeds.push_back({nodeId, *mode});
    setScenario(s);
}

void AnalysisService::clearSeeds()
{
    Scenario s = m_scenario;
    s.seeds.clear();
    setScenario(s);
}

bool AnalysisService::isCurrent() const
{
    return m_result && m_result->revision == m_doc->contentRevision() && sameScenario(m_result->scenario, m_scenario)
        && !m_debounce.isActive();
}

void AnalysisService::schedule()
{
    if (m_lastCurrent) {
        m_lastCurrent = false;
        Q_EMIT currencyChanged(false);
    }
    m_debounce.start();
}

void AnalysisService::start()
{
    if (m_running) {
        m_again = true; // one more run when this one ends
        return;
    }
    auto job = std::make_shared<Job>();
    auto result = std::make_shared<AnalysisResult>();
    result->revision = m_doc->contentRevision();
    result->scenario = m_scenario;
    result->model = m_doc->snapshot();
    const GraphStore &store = m_doc->store();
    result->nodeHandles.reserve(std::size_t(store.nodeCount()));
    store.forEachNode([&](int h, const Node &) { result->nodeHandles.push_back(h); });
    result->edgeHandles.reserve(std::size_t(store.edgeCount()));
    store.forEachEdge([&](int h, const Edge &) { result->edgeHandles.push_back(h); });
    const int nodeSlots = store.nodeSlots(), edgeSlots = store.edgeSlots();
    job->result = result;
    // The index is reused while the model is unchanged (only the scenario moved), and
    // updated from the last one after an edit (BlastRadiusEngine::updated() reworks only what
    // the edit changed, or rebuilds when it must).
    if (m_engine && m_engineRevision == result->revision)
        job->engine = m_engine;
    else
        job->previous = m_engine;
    m_running = job;
    Job *j = job.get();
    job->thread = std::thread([j, nodeSlots, edgeSlots] {
        QElapsedTimer t;
        t.start();
        AnalysisResult &r = *j->result;
        if (!j->engine)
            j->engine = j->previous ? std::make_shared<const BlastRadiusEngine>(j->previous->updated(r.model))
                                    : std::make_shared<const BlastRadiusEngine>(r.model);
        j->previous.reset();
        r.engine = j->engine;
        r.nodes.assign(std::size_t(nodeSlots), NodeMark());
        r.edgeCarried.assign(std::size_t(edgeSlots), 0);
        if (!r.scenario.seeds.empty()) {
            Expected<BlastRadius> run = r.engine->run(r.scenario);
            if (!run) {
                r.error = run.error().message();
            } else {
                r.radius = std::move(*run);
                // The compact per-node states and per-edge flags, in the snapshot's order
                // (the order of the store's handles): no ids, no paths.
                Q_ASSERT(r.radius->model().get() == r.model.get());
                const std::vector<NodeState> &states = r.radius->nodeStates();
                for (std::size_t i = 0; i < states.size() && i < r.nodeHandles.size(); ++i) {
                    const NodeState &st = states[i];
                    if (!st.reached)
                        continue;
                    NodeMark &m = r.nodes[std::size_t(r.nodeHandles[i])];
                    m.reached = true;
                    m.seed = st.seed;
                    m.tenant = st.tenant;
                    m.state = st.state;
                    m.certainty = st.certainty;
                    if (st.escalation)
                        m.escalation = Compromise::Controlled;
                }
                const std::vector<quint8> &flags = r.radius->edgeFlags();
                for (std::size_t i = 0; i < flags.size() && i < r.edgeHandles.size(); ++i)
                    if (flags[i])
                        r.edgeCarried[std::size_t(r.edgeHandles[i])] = 1;
            }
        }
        r.seconds = double(t.nsecsElapsed()) / 1e9;
        j->done = true;
    });
    m_poll.start();
}

void AnalysisService::poll()
{
    if (!m_running || !m_running->done)
        return;
    m_running->thread.join();
    const std::shared_ptr<Job> job = std::move(m_running);
    m_running.reset();
    m_poll.stop();
    m_engine = job->engine;
    m_engineModel = job->result->model;
    m_engineRevision = job->result->revision;
    // Published only while it still describes the document and the scenario.
    if (job->result->revision == m_doc->contentRevision() && sameScenario(job->result->scenario, m_scenario)) {
        m_result = job->result;
        Q_EMIT resultChanged();
    }
    if (m_again || !isCurrent()) {
        m_again = false;
        if (!m_debounce.isActive())
            start();
        return;
    }
    if (!m_lastCurrent) {
        m_lastCurrent = true;
        Q_EMIT currencyChanged(true);
    }
}

void AnalysisService::waitForIdle(int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (!m_running) {
            if (isCurrent())
                return;
            m_debounce.stop();
            start();
        } else if (m_running->done) {
            poll();
        } else {
            QThread::msleep(2);
        }
    }
}

} // namespace vg
