// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/domain/model.h"

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace vg {

// What an attacker has at a node. Ordered: Breached < Controlled.
enum class Compromise { Breached, Controlled };
// Direct: follows from the scenario. Potential: needs a credential that was exposed but is
// not known to have been used; anything that follows from a potential node is potential.
enum class Certainty { Direct, Potential };

QString toString(Compromise c);
QString toString(Certainty c);

struct Seed {
    QString nodeId;
    Compromise mode = Compromise::Breached;
};

struct Scenario {
    std::vector<Seed> seeds;
    std::optional<int> maxHops; // unbounded when empty
    bool potential = true; // false: ignore pivots through exposed credentials
};

// The question a saved scenario asks: its breach seeds, then its control seeds, and options.
Scenario scenarioOf(const SavedScenario &saved);

// One reached node. Its explaining path is not stored: each node names the node and the edge
// it was reached by, so a result stays linear in the nodes reached; BlastRadius::path()
// rebuilds a whole path on request.
struct ReachedNode {
    QString id;
    NodeKind kind = NodeKind::Service;
    Compromise state = Compromise::Breached;
    Certainty certainty = Certainty::Direct;
    int hops = 0; // length of its shortest explaining path from a seed
    QString predecessor; // the node it was reached from on that path; empty for a seed
    QString edge; // the edge it was reached by; empty for a seed
    bool tenant = false; // a vendor reached only as our account there (an access edge), not its platform
    std::optional<Compromise> escalation; // a more severe state reachable only potentially
    QString pivot; // potential only: the exposed credential it hinges on ("the stored credential for ...")
};

// One exposed category. A copy is the category at one holder through one carrier (a data
// edge into or out of it, or a store); certainty and encryption are decided per copy.
struct ExposedCategory {
    QString category;
    QString name;
    int tier = 3;
    Certainty certainty = Certainty::Direct; // of its exposure at all (any copy)
    std::optional<Certainty> plaintext; // certainty of its plaintext exposure; empty: every copy encrypted
    bool encrypted = false; // no plaintext copy (same as !plaintext)
    bool someEncrypted = false; // at least one copy is encrypted
    int holderCount = 0; // reached nodes holding a copy (BlastRadius::holders() lists them)
    int carrierCount = 0; // the data edges of those copies, into or out of a holder (BlastRadius::via())
    QStringList origins; // people behind the plaintext copies (traced over data edges, plus subjects)
    qint64 people = 0; // sum of the origins' counts (saturating)
    qint64 records = 0; // largest records figure stated on a plaintext copy (a lower bound); 0: none stated
    bool recordsKnown = false; // some plaintext copy states a records figure
    QString pivot; // plaintext only potentially: the exposed credential it hinges on
};

enum class ObligationStatus { Likely, Assess, NotTriggered };
QString toString(ObligationStatus s);

struct Obligation {
    QString regime; // "GDPR-33"
    QString name; // "GDPR Art. 33 (notify the supervisory authority)"
    ObligationStatus status = ObligationStatus::NotTriggered;
    QString deadline;
    QString recipient;
    QString reason; // names the categories and regions behind the status
    QString source;
};

// A cost range. low/high cover everything exposed in plaintext (direct and potential);
// directLow/directHigh cover the direct part alone, so the potential part is the difference.
struct CostEstimate {
    double low = 0;
    double high = 0;
    double directLow = 0;
    double directHigh = 0;
    QString currency = QStringLiteral("USD");
    qint64 recordsBasis = 0; // the record count the range was computed from (direct and potential)
    QStringList assumptions; // every figure's source; heuristics say they are heuristics
};

// Aggregate figures of a scenario, the same whether computed by run() or by rank().
struct ScenarioSummary {
    int reached = 0; // nodes reached, seeds included
    int reachedDirect = 0; // ... with direct certainty
    int controlled = 0; // nodes whose reported state is controlled
    int categoriesByTier[4] = {0, 0, 0, 0}; // exposed categories per tier (index tier-1)
    qint64 people = 0; // people behind any exposed category (origins counted once)
    double score = 0;
};

// A node's state in a result, compact, for drawing an overlay: what ReachedNode says
// without the strings (no ids, no path, no pivot text).
struct NodeState {
    bool reached = false;
    bool seed = false;
    bool tenant = false; // a vendor reached only as our account there
    bool escalation = false; // breached directly, controlled only potentially
    Compromise state = Compromise::Breached; // meaningful when reached
    Certainty certainty = Certainty::Direct; // meaningful when reached
    int hops = -1; // length of its shortest explaining path; -1 when not reached
    bool operator==(const NodeState &) const = default;
};

// Per-edge flags of a result (BlastRadius::edgeFlags()).
enum EdgeFlag : quint8 {
    CarriedCompromise = 1, // the edge by which some node was first reached (explaining paths)
    CarriesExposedData = 2, // a data edge into a reached node, or out of a reached non-people node
};

// The result of one scenario. The analysis (propagation, exposure aggregates, obligations,
// cost) is done by BlastRadiusEngine::run(); the per-node and per-category lists, with
// their id strings, are built from a compact form the first time they are asked for, and
// whole explaining paths only by path(). Keeps the engine's index and the model it was
// computed on alive (model()). Copies share the lists; thread-safe.
class BlastRadius final {
public:
    const Scenario &scenario() const { return m_scenario; }
    const ScenarioSummary &summary() const { return m_summary; }
    const std::vector<Obligation> &obligations() const { return m_obligations; }
    const CostEstimate &cost() const { return m_cost; }
    // The model the result was computed on: node and edge indices below refer to its order.
    const std::shared_ptr<const Model> &model() const;
    const std::vector<ReachedNode> &nodes() const; // sorted by id
    // The edge ids of the shortest explaining path to a reached node, from a seed (empty for
    // a seed or an id not reached). Linear in the path's length.
    QStringList path(const QString &nodeId) const;
    const std::vector<ExposedCategory> &exposed() const; // sorted by category id
    // The reached nodes holding a copy of an exposed category, and the data edges of those
    // copies, in id order (empty for a category not exposed). Built for every category the
    // first time either is asked for: linear in the carriers, which can be hundreds of
    // thousands on a large model, so a report asks and a summary view need not.
    QStringList holders(const QString &category) const;
    QStringList via(const QString &category) const;
    // Services that sent an exposed category toward a holder, directly or over any number of
    // data edges carrying that category.
    const QStringList &services() const;
    // Every model node's state, in the order of model()->nodes; built once, linear in the
    // nodes, without strings. For overlays: cheaper than nodes().
    const std::vector<NodeState> &nodeStates() const;
    // One node's state by its index in model()->nodes, or by id (unreached when unknown).
    NodeState state(int nodeIndex) const;
    NodeState state(const QString &nodeId) const;
    // EdgeFlag bits for every edge, in the order of model()->edges; built once.
    const std::vector<quint8> &edgeFlags() const;

    struct Compact;

private:
    friend class BlastRadiusEngine;
    BlastRadius() = default; // made by BlastRadiusEngine::run() only
    Scenario m_scenario;
    ScenarioSummary m_summary;
    std::vector<Obligation> m_obligations;
    CostEstimate m_cost;
    std::shared_ptr<Compact> m_compact;
};

struct VendorRank {
    QString vendorId;
    QString name;
    Compromise mode = Compromise::Breached;
    ScenarioSummary summary;
};

class BlastRadiusEngine;

struct WhatIf {
    QString removed;
    QStringList categoriesNoLongerHeldByVendors;
    // service id -> the kinds of edges it loses ("data", "code", "hosts")
    QMap<QString, QStringList> servicesLosingEdges;
    std::vector<VendorRank> topBefore; // top 10, rank --mode both
    std::vector<VendorRank> topAfter;
    std::vector<VendorRank> rankBefore; // every row, rank --mode both
    std::vector<VendorRank> rankAfter; // every row, without the removed vendor
    std::shared_ptr<const BlastRadiusEngine> after; // the engine with the vendor masked out
};

// Reports progress of a long query: done out of total steps. Returning false cancels it.
using ProgressFn = std::function<bool(int done, int total)>;

struct SharedSubprocessor {
    QString id;
    QString name;
    QStringList vendors; // vendors that depend on it (send it data, are hosted by it, run its code)
    QStringList categories; // categories it holds, itself or through the nodes it hosts
    double weight = 0; // sum of their tier weights, x 0.2 for one held there only encrypted (ANALYSIS.md)
    double score = 0; // vendors x max(1, weight)
};

// The blast-radius engine for one model. Construction indexes the model once (adjacency,
// held categories, per-category origins, the propagation graph); every query reuses that
// work. The engine shares ownership of the model it indexes, and every result keeps both
// alive. The model must be valid (validateModel()). Immutable: queries are const and may run
// concurrently from several threads; copies are cheap handles on the same index. Boost.Graph
// is used inside; its exceptions are caught here.
class BlastRadiusEngine final {
public:
    explicit BlastRadiusEngine(std::shared_ptr<const Model> model);
    explicit BlastRadiusEngine(Model model); // takes a copy of the model
    ~BlastRadiusEngine();
    BlastRadiusEngine(const BlastRadiusEngine &) = default;
    BlastRadiusEngine &operator=(const BlastRadiusEngine &) = default;
    BlastRadiusEngine(BlastRadiusEngine &&) = default;
    BlastRadiusEngine &operator=(BlastRadiusEngine &&) = default;

    // An unknown seed id is an error naming it.
    Expected<BlastRadius> run(const Scenario &scenario) const;

    // A breach and/or a control scenario for every vendor, sorted by score (highest first,
    // ties by vendor id, then breach before control). Computed once per engine (both modes)
    // and kept; progress, when given, is called from the calling thread and may cancel: then
    // the result is empty and nothing is kept. Takes a second or two at 70,000 nodes, and a
    // call waits for one already computing on another thread: call it off the GUI thread.
    std::vector<VendorRank> rank(bool breach, bool control, const ProgressFn &progress = {}) const;

    std::vector<SharedSubprocessor> concentration() const;

    // The engine for an edited version of this engine's model. Reworks only what the edit
    // changed when the edited model keeps this model's categories, people figures and nodes
    // (ids and kinds, in order; services and vendors may be added after them) and its edges
    // differ by a few additions, removals or changes (the order of the remaining edges may
    // shift); stores and names may change. Anything else is a full build. Either way the
    // answer equals BlastRadiusEngine(edited). Thread-safe; this engine stays valid.
    BlastRadiusEngine updated(std::shared_ptr<const Model> edited) const;
    enum class Origin { Built, Updated, Masked };
    Origin origin() const; // how this engine was made: a full build, updated(), or masked()

    // This engine with a node removed (its edges dropped, nothing held, not ranked), built
    // from this one's index: equal to BlastRadiusEngine on the model without the node, but
    // model() stays this one's. Error if the id is not a node.
    Expected<BlastRadiusEngine> masked(const QString &nodeId) const;
    // What removing a vendor changes: categories no vendor holds any more, services that lose
    // an edge, and the ranking before and after (rows the removal cannot change are reused
    // from this engine's ranking, computed first if need be). WhatIf::after is the masked
    // engine, for showing the exposure after side by side. progress runs twice: over the
    // ranking before (if not computed yet), then over the rows recomputed. Error if the id is
    // not a vendor, or when cancelled. Seconds at 70,000 nodes: call it off the GUI thread.
    Expected<WhatIf> whatIfRemove(const QString &vendorId, const ProgressFn &progress = {}) const;

    // Builds the index that rank() queries share (components of the propagation graph and the
    // closures of its hubs). Done on first use otherwise.
    void prepareIndex() const;

    const Model &model() const;
    const std::shared_ptr<const Model> &sharedModel() const;

    struct Impl;

private:
    explicit BlastRadiusEngine(std::shared_ptr<Impl> impl, Origin origin);
    std::shared_ptr<const Impl> d;
    Origin m_origin = Origin::Built;
};

// The score's weights, documented in resources/ANALYSIS.md ("Severity score").
double tierWeight(int tier);

} // namespace vg
