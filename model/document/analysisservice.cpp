// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/document/analysisservice.h"

#include "model/commands/changecommand.h"
#include "model/commands/edits.h"
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
    // Set when the model changed by edits: the model of the last run with its slots, the
    // slots changed since (their new item, or none when erased), and the values a Model
    // carries besides its items. The worker builds the new model from these.
    std::shared_ptr<const Model> base;
    std::vector<int> baseNodeHandles, baseEdgeHandles;
    std::vector<std::pair<int, std::optional<Node>>> nodeChanges;
    std::vector<std::pair<int, std::optional<Edge>>> edgeChanges;
    std::optional<Model> meta;
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
    // The worker posts its end to poll() at once; the timer is only a safety net.
    m_poll.setInterval(50);
    connect(&m_poll, &QTimer::timeout, this, &AnalysisService::poll);
    connect(doc, &Document::modelReset, this, [this] {
        // A new model: a new index, and the scenario it saved as active.
        m_engine.reset();
        m_engineModel.reset();
        if (!follow())
            schedule(true);
    });
    connect(doc, &Document::scenariosChanged, this, &AnalysisService::follow);
    connect(doc, &Document::changeApplied, this, [this](const ChangeSet &c) {
        if (c.changesAnalysis())
            schedule();
    });
    follow();
}

bool AnalysisService::follow()
{
    const SavedScenario *saved = m_doc->activeScenario();
    Scenario s = saved ? scenarioOf(*saved) : Scenario();
    // Seeds that do not name a node (a hand-edited file) are left out, not run.
    std::erase_if(s.seeds, [&](const Seed &x) { return !m_doc->store().findNode(x.nodeId); });
    if (sameScenario(s, m_scenario))
        return false;
    m_scenario = std::move(s);
    Q_EMIT scenarioChanged();
    // A new question, not a burst of edits: no reason to wait.
    schedule(true);
    return true;
}

QDateTime AnalysisService::awareness() const
{
    const SavedScenario *saved = m_doc->activeScenario();
    return saved ? saved->awareness : QDateTime();
}

AnalysisService::~AnalysisService()
{
    if (m_running && m_running->thread.joinable())
        m_running->thread.join();
}

void AnalysisService::setScenario(const Scenario &scenario, const QString &text, const QString &mergeKey)
{
    if (sameScenario(scenario, m_scenario) && m_doc->activeScenario())
        return;
    // The edit makes the document emit scenariosChanged(), and follow() takes it from there.
    m_doc->undoStack()->push(new ChangeCommand(m_doc, setActiveScenarioQuestion(*m_doc, scenario),
                                               text.isEmpty() ? tr("Change scenario") : text, CommandId::EditScenario,
                                               mergeKey));
}

void AnalysisService::setSeed(const QString &nodeId, std::optional<Compromise> mode)
{
    Scenario s = m_scenario;
    std::erase_if(s.seeds, [&](const Seed &x) { return x.nodeId == nodeId; });
    if (mode)
        s.seeds.push_back({nodeId, *mode});
    setScenario(s,
                !mode                               ? tr("Clear mark on %1").arg(nodeId)
                    : *mode == Compromise::Breached ? tr("Mark %1 breached").arg(nodeId)
                                                    : tr("Mark %1 controlled").arg(nodeId));
}

void AnalysisService::clearSeeds()
{
    if (m_scenario.seeds.empty())
        return;
    Scenario s = m_scenario;
    s.seeds.clear();
    setScenario(s, tr("Clear all marks"));
}

std::shared_ptr<const Model> AnalysisService::currentContent() const
{
    if (m_engineModel && m_engineRevision == m_doc->contentRevision() && !m_debounce.isActive())
        return m_engineModel;
    return nullptr;
}

bool AnalysisService::isCurrent() const
{
    return m_result && m_result->revision == m_doc->contentRevision() && sameScenario(m_result->scenario, m_scenario)
        && !m_debounce.isActive();
}

void AnalysisService::schedule(bool now)
{
    if (m_lastCurrent) {
        m_lastCurrent = false;
        Q_EMIT currencyChanged(false);
    }
    if (now) {
        m_debounce.stop();
        start();
        return;
    }
    m_debounce.start();
}

void AnalysisService::start()
{
    QElapsedTimer gui;
    gui.start();
    if (m_running) {
        m_again = true; // one more run when this one ends
        return;
    }
    auto job = std::make_shared<Job>();
    auto result = std::make_shared<AnalysisResult>();
    result->revision = m_doc->contentRevision();
    result->scenario = m_scenario;
    // While only the scenario changed, the engine's own model is the model: no new snapshot
    // (a copy of the whole model) is taken.
    const bool reuse = m_engine && m_engineRevision == result->revision;
    const GraphStore &store = m_doc->store();
    const int nodeSlots = store.nodeSlots(), edgeSlots = store.edgeSlots();
    if (reuse) {
        result->model = m_engineModel;
        result->nodeHandles = m_engineNodeHandles;
        result->edgeHandles = m_engineEdgeHandles;
    } else {
        // Only the slots that changed since the last run are copied here; the worker builds
        // the new model from the last one and these (a whole copy on this thread took
        // 200-280 ms at 570,000 items). A reset, or a first run, takes the snapshot.
        const GraphStore::Changes changes = m_doc->takeStoreChanges();
        if (changes.all || !m_engineModel) {
            result->model = m_doc->snapshot();
            result->nodeHandles.reserve(std::size_t(store.nodeCount()));
            store.forEachNode([&](int h, const Node &) { result->nodeHandles.push_back(h); });
            result->edgeHandles.reserve(std::size_t(store.edgeCount()));
            store.forEachEdge([&](int h, const Edge &) { result->edgeHandles.push_back(h); });
        } else {
            job->base = m_engineModel;
            job->baseNodeHandles = m_engineNodeHandles;
            job->baseEdgeHandles = m_engineEdgeHandles;
            for (const int h : changes.nodes)
                job->nodeChanges.push_back({h, store.isNode(h) ? std::optional<Node>(store.nodeAt(h)) : std::nullopt});
            for (const int h : changes.edges)
                job->edgeChanges.push_back({h, store.isEdge(h) ? std::optional<Edge>(store.edgeAt(h)) : std::nullopt});
            Model meta;
            meta.name = m_doc->name();
            meta.organization = m_doc->organization();
            meta.categories = m_doc->categories();
            meta.scenarios = m_doc->scenarios();
            meta.activeScenario = m_doc->activeScenarioName();
            job->meta = std::move(meta);
        }
    }
    job->result = result;
    // The index is reused while the model is unchanged (only the scenario moved), and
    // updated from the last one after an edit (BlastRadiusEngine::updated() reworks only what
    // the edit changed, or rebuilds when it must).
    if (reuse)
        job->engine = m_engine;
    else
        job->previous = m_engine;
    m_running = job;
    m_lastStartMs = double(gui.nsecsElapsed()) / 1e6;
    Job *j = job.get();
    AnalysisService *self = this;
    job->thread = std::thread([j, self, nodeSlots, edgeSlots] {
        QElapsedTimer t;
        t.start();
        AnalysisResult &r = *j->result;
        if (j->base) {
            // The model in slot order, as GraphStore::toModel() makes it (positions aside: the
            // analysis does not read them): each slot's item from the changes, else from the
            // last run's model.
            auto m = std::make_shared<Model>(std::move(*j->meta));
            auto rebuild = [&](const auto &baseItems, const std::vector<int> &baseHandles, auto &changes, int slots,
                               auto &out, std::vector<int> &handles) {
                std::vector<int> index(std::size_t(slots), -1);
                for (std::size_t i = 0; i < baseHandles.size(); ++i)
                    if (baseHandles[i] < slots)
                        index[std::size_t(baseHandles[i])] = int(i);
                std::vector<int> changed(std::size_t(slots), -1);
                for (std::size_t i = 0; i < changes.size(); ++i)
                    if (changes[i].first < slots)
                        changed[std::size_t(changes[i].first)] = int(i);
                out.reserve(baseItems.size() + changes.size());
                handles.reserve(baseItems.size() + changes.size());
                for (int h = 0; h < slots; ++h) {
                    if (const int c = changed[std::size_t(h)]; c >= 0) {
                        if (changes[std::size_t(c)].second) {
                            out.push_back(std::move(*changes[std::size_t(c)].second));
                            handles.push_back(h);
                        }
                    } else if (const int i = index[std::size_t(h)]; i >= 0) {
                        out.push_back(baseItems[std::size_t(i)]);
                        handles.push_back(h);
                    }
                }
            };
            rebuild(j->base->nodes, j->baseNodeHandles, j->nodeChanges, nodeSlots, m->nodes, r.nodeHandles);
            rebuild(j->base->edges, j->baseEdgeHandles, j->edgeChanges, edgeSlots, m->edges, r.edgeHandles);
            r.model = std::move(m);
            j->base.reset();
        }
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
        // Queued to the service's thread; dropped if the service is gone (it joins first).
        QMetaObject::invokeMethod(self, &AnalysisService::poll, Qt::QueuedConnection);
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
    m_engineNodeHandles = job->result->nodeHandles;
    m_engineEdgeHandles = job->result->edgeHandles;
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
