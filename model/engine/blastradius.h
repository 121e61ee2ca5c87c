// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/domain/model.h"

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

struct ReachedNode {
    QString id;
    NodeKind kind = NodeKind::Service;
    Compromise state = Compromise::Breached;
    Certainty certainty = Certainty::Direct;
    int hops = 0;
    QStringList path; // edge ids of one shortest explaining path from a seed
    std::optional<Compromise> escalation; // a more severe state reachable only potentially
};

struct ExposedCategory {
    QString category;
    QString name;
    int tier = 3;
    Certainty certainty = Certainty::Direct;
    bool encrypted = false;
    QStringList holders; // reached nodes holding it
    QStringList via; // data edges that carried it to them
    QStringList origins; // people nodes it came from (any number of data hops)
    qint64 people = 0; // sum of the origins' counts
    qint64 records = 0; // largest records figure on the carrying edges or stores (a lower bound)
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

struct CostEstimate {
    double low = 0;
    double high = 0;
    QString currency = QStringLiteral("USD");
    qint64 recordsBasis = 0; // the record count the range was computed from
    QStringList assumptions;
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

// The result of one scenario. The analysis (propagation, exposure aggregates, obligations,
// cost) is done by BlastRadiusEngine::run(); the per-node and per-category lists, with
// their id strings and explaining paths, are built from a compact form the first time they
// are asked for. Refers to the engine's index (kept alive by it) and to the model, which must
// outlive it. Copies share the lists; thread-safe.
class BlastRadius final {
public:
    const Scenario &scenario() const { return m_scenario; }
    const ScenarioSummary &summary() const { return m_summary; }
    const std::vector<Obligation> &obligations() const { return m_obligations; }
    const CostEstimate &cost() const { return m_cost; }
    const std::vector<ReachedNode> &nodes() const; // sorted by id
    const std::vector<ExposedCategory> &exposed() const; // sorted by category id
    // Services that sent an exposed category toward a holder, directly or over any number of
    // data edges carrying that category.
    const QStringList &services() const;

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

struct WhatIf {
    QString removed;
    QStringList categoriesNoLongerHeldByVendors;
    // service id -> the kinds of edges it loses ("data", "code", "hosts")
    QMap<QString, QStringList> servicesLosingEdges;
    std::vector<VendorRank> topBefore; // top 10, rank --mode both
    std::vector<VendorRank> topAfter;
};

struct SharedSubprocessor {
    QString id;
    QString name;
    QStringList vendors; // vendors with an edge into it
    QStringList categories; // categories that reach it (data edges in, stores)
    double weight = 0; // sum of the tier weights of those categories
    double score = 0; // vendors x weight
};

// The blast-radius engine for one model. Construction indexes the model once (adjacency,
// held categories, per-category origins); every query reuses that work. The model must
// be valid (validateModel()). Immutable after construction: queries are const and may run
// concurrently. Boost.Graph is used inside; its exceptions are caught here.
class BlastRadiusEngine final {
public:
    explicit BlastRadiusEngine(const Model &model);
    ~BlastRadiusEngine();
    BlastRadiusEngine(const BlastRadiusEngine &) = delete;
    BlastRadiusEngine &operator=(const BlastRadiusEngine &) = delete;

    // An unknown seed id is an error naming it.
    Expected<BlastRadius> run(const Scenario &scenario) const;

    // A breach and/or a control scenario for every vendor, sorted by score (highest first,
    // ties by vendor id, then breach before control).
    std::vector<VendorRank> rank(bool breach, bool control) const;

    std::vector<SharedSubprocessor> concentration() const;

    // Builds the index that rank() and unbounded run() queries share (components of the
    // propagation graph and the closures of its hubs). Done on first use otherwise.
    void prepareIndex() const;

    const Model &model() const;

    struct Impl;

private:
    std::shared_ptr<Impl> d;
};

// Drops a vendor and compares (categories, services, top-10 ranking). Error if id is not a vendor.
Expected<WhatIf> whatIfRemove(const Model &model, const QString &vendorId);

// The score's weights, documented in resources/FORMAT.md ("Severity score").
double tierWeight(int tier);

} // namespace vg
