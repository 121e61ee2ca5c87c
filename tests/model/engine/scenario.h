// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the engine tests: small models written as JSON, scenarios, look-ups.
#pragma once

#include "tests/testutil.h"

#include "model/engine/blastradius.h"

namespace vg::test {

inline Model model(const char *nodes, const char *edges, const char *extra = "")
{
    const QByteArray json = QByteArray(R"({"format": "vendorgraph", "version": 1)") + extra + R"(, "nodes": )" + nodes
        + R"(, "edges": )" + edges + "}";
    auto m = parseModelJson(json);
    if (!m)
        qFatal("test model invalid: %s", qPrintable(m.error().message()));
    return *m;
}

inline BlastRadius blast(const BlastRadiusEngine &engine, std::vector<Seed> seeds,
                         std::optional<int> maxHops = std::nullopt, bool potential = true)
{
    auto r = engine.run(Scenario{std::move(seeds), maxHops, potential});
    if (!r)
        qFatal("scenario failed: %s", qPrintable(r.error().message()));
    return *r;
}

inline const ReachedNode *node(const BlastRadius &r, const char *id)
{
    for (const ReachedNode &n : r.nodes())
        if (n.id == QLatin1StringView(id))
            return &n;
    return nullptr;
}

inline const ExposedCategory *category(const BlastRadius &r, const char *id)
{
    for (const ExposedCategory &x : r.exposed())
        if (x.category == QLatin1StringView(id))
            return &x;
    return nullptr;
}

inline const Obligation &obligation(const BlastRadius &r, const QString &regime)
{
    for (const Obligation &o : r.obligations())
        if (o.regime == regime)
            return o;
    qFatal("no regime %s", qPrintable(regime));
}

inline bool sameSummary(const ScenarioSummary &a, const ScenarioSummary &b)
{
    return a.reached == b.reached && a.reachedDirect == b.reachedDirect && a.controlled == b.controlled
        && std::equal(std::begin(a.categoriesByTier), std::end(a.categoriesByTier), std::begin(b.categoriesByTier))
        && a.people == b.people && a.score == b.score;
}

inline Seed breach(const char *id) { return {QString::fromLatin1(id), Compromise::Breached}; }
inline Seed control(const char *id) { return {QString::fromLatin1(id), Compromise::Controlled}; }

// An organization established in the EU (GDPR applies to all its processing) and the US.
inline const char *kEuOrg = R"(, "organization": {"regions": ["US", "DE"], "sectors": [], "sec_registrant": false})";
inline const char *kUsOrg = R"(, "organization": {"regions": ["US"], "sectors": [], "sec_registrant": false})";

} // namespace vg::test
