// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/cost.h"

#include "model/io/resources.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <array>
#include <cmath>

namespace vg {

namespace {

QString number(qint64 n) { return QLocale(QLocale::English).toString(n); }
QString money(double v) { return QStringLiteral("USD ") + QLocale(QLocale::English).toString(qint64(v)); }

struct Table {
    QJsonObject t;
    double num(const char *k) const { return t.value(QLatin1StringView(k)).toDouble(); }
    QString src(const char *k) const { return t.value(QLatin1StringView(k)).toString(); }
    std::array<double, 5> weights{}; // by tier 1..4; [0] unused
};

const Table &table()
{
    static const Table t = [] {
        Table out;
        out.t = QJsonDocument::fromJson(readResource("cost.json")).object();
        const QJsonObject w = out.t.value(u"tier_weights").toObject();
        for (int tier = 1; tier <= 4; ++tier)
            out.weights[std::size_t(tier)] = w.value(QString::number(tier)).toDouble();
        return out;
    }();
    return t;
}

// IBM's per-breach bands for a breach of n records: both ends are nondecreasing in n.
std::pair<double, double> band(qint64 n)
{
    const Table &t = table();
    const double perLow = t.num("per_record_low"), perHigh = t.num("per_record_high");
    const auto min = qint64(t.num("ibm_records_min")), max = qint64(t.num("ibm_records_max"));
    if (n <= 0)
        return {0, 0};
    if (n < min)
        return {double(n) * perLow, double(min) * perHigh};
    if (n <= max)
        return {double(n) * perLow, double(n) * perHigh};
    if (n < qint64(t.num("mega_threshold")))
        return {double(max) * perLow, t.num("mega_low")};
    const bool anchor = n >= qint64(t.num("mega_anchor_records"));
    return {t.num("mega_low"), anchor ? t.num("mega_anchor_cost") : t.num("mega_low") * t.num("mega_high_factor")};
}

QString bandText(qint64 n)
{
    const Table &t = table();
    const auto min = qint64(t.num("ibm_records_min")), max = qint64(t.num("ibm_records_max"));
    if (n < min)
        return QStringLiteral("%1 records, below IBM's range: low = records x %2, high = the cost of a %3-record "
                              "breach at %4 per record")
            .arg(number(n), money(t.num("per_record_low")), number(min), money(t.num("per_record_high")));
    if (n <= max)
        return QStringLiteral("%1 records x %2 (%3) to %4 (%5) per record")
            .arg(number(n), money(t.num("per_record_low")), t.src("per_record_low_source"),
                 money(t.num("per_record_high")), t.src("per_record_high_source"));
    if (n < qint64(t.num("mega_threshold")))
        return QStringLiteral("%1 records, above IBM's range and below the mega-breach band: from the top of the "
                              "per-record range to the mega-breach floor (%2)")
            .arg(number(n), t.src("mega_low_source"));
    const bool anchor = n >= qint64(t.num("mega_anchor_records"));
    return QStringLiteral("%1 records: mega-breach band, not per-record (%2); %3")
        .arg(number(n), t.src("mega_low_source"),
             anchor ? QStringLiteral("high end anchored on %1").arg(t.src("mega_anchor_source"))
                    : QStringLiteral("high end %1x the band's floor (a heuristic; IBM publishes no upper figure)")
                          .arg(t.num("mega_high_factor")));
}

struct Range {
    double low = 0, high = 0;
    std::array<qint64, 4> basis{}; // [t]: the largest basis among categories of tier <= t (1..3)
};

// Each record is priced at the weight of the most sensitive tier exposed for that many
// records: sum over t of (w_t - w_{t+1}) x band(N_{<=t}). The weights do not increase with
// the tier, so every coefficient is >= 0 and the range is nondecreasing in every basis.
Range price(const CostInput &in, bool direct)
{
    const Table &t = table();
    Range r;
    for (const auto &c : in.plaintext) {
        const qint64 b = direct ? c.basisDirect : c.basisAny;
        for (int tier = std::clamp(c.tier, 1, 4); tier <= 3; ++tier)
            r.basis[std::size_t(tier)] = std::max(r.basis[std::size_t(tier)], b);
    }
    for (int tier = 1; tier <= 3; ++tier) {
        const double coefficient =
            t.weights[std::size_t(tier)] - (tier < 3 ? t.weights[std::size_t(tier) + 1] : t.weights[4]);
        const auto [low, high] = band(r.basis[std::size_t(tier)]);
        r.low += std::max(0.0, coefficient) * low;
        r.high += std::max(0.0, coefficient) * high;
    }
    if (direct ? in.controlledDirect : in.controlledAny)
        r.high = std::max(r.high, t.num("supply_chain_average"));
    return r;
}

} // namespace

CostEstimate estimateCost(const CostInput &in)
{
    const Table &t = table();
    CostEstimate c;
    const Range direct = price(in, true), any = price(in, false);
    // Whole dollars, so that every format prints the same exact figure.
    c.directLow = std::round(direct.low);
    c.directHigh = std::round(direct.high);
    // The whole range covers the direct part too (it is priced on larger or equal bases).
    c.low = std::max(std::round(any.low), c.directLow);
    c.high = std::max(std::round(any.high), c.directHigh);
    c.recordsBasis = any.basis[3];

    QStringList fromRecords, fromPeople, unknown;
    std::vector<const CostInput::Category *> sorted;
    for (const auto &cat : in.plaintext)
        sorted.push_back(&cat);
    std::sort(sorted.begin(), sorted.end(), [](auto *a, auto *b) { return a->id < b->id; });
    for (const CostInput::Category *p : sorted) {
        const CostInput::Category &cat = *p;
        if (cat.tier >= 4)
            continue;
        if (cat.basisAny <= 0)
            unknown << cat.id;
        else
            (cat.fromRecords ? fromRecords : fromPeople) << QStringLiteral("%1 %2").arg(cat.id, number(cat.basisAny));
    }
    if (!fromRecords.isEmpty())
        c.assumptions << QStringLiteral("records basis, from the records stated on the carrying edges or stores: %1")
                             .arg(fromRecords.join(u", "));
    if (!fromPeople.isEmpty())
        c.assumptions << QStringLiteral("no records figure stated, so the population behind the data is used as an "
                                        "upper bound: %1")
                             .arg(fromPeople.join(u", "));
    if (!unknown.isEmpty())
        c.assumptions << QStringLiteral("size unknown (no records figure and no population behind it), not priced: %1")
                             .arg(unknown.join(u", "));
    for (int tier = 1; tier <= 3; ++tier) {
        const qint64 n = any.basis[std::size_t(tier)];
        if (n > 0 && (tier == 1 || n != any.basis[std::size_t(tier) - 1]))
            c.assumptions << QStringLiteral("tier %1 and above, %2").arg(tier).arg(bandText(n));
    }
    c.assumptions << QStringLiteral("sensitivity weights per tier 1-4: %1, %2, %3, %4 (%5)")
                         .arg(t.weights[1])
                         .arg(t.weights[2])
                         .arg(t.weights[3])
                         .arg(t.weights[4])
                         .arg(t.src("tier_weights_note"));
    if (in.controlledAny)
        c.assumptions << QStringLiteral("systems are controlled%1: the high end is at least the average "
                                        "supply-chain compromise, %2 (%3)")
                             .arg(in.controlledDirect ? QString() : QStringLiteral(" (potentially)"),
                                  money(t.num("supply_chain_average")), t.src("supply_chain_source"));
    if (in.plaintext.empty() && !in.controlledAny)
        c.assumptions << QStringLiteral("no data exposed in plaintext and no system controlled");
    if (c.low != c.directLow || c.high != c.directHigh)
        c.assumptions << QStringLiteral("the direct part alone: %1 to %2; the rest hinges on exposed credentials "
                                        "being used")
                             .arg(money(c.directLow), money(c.directHigh));
    c.assumptions << QStringLiteral("IBM's per-breach figures cover %1-%2 records; per-record costs are used only "
                                    "inside that range")
                         .arg(number(qint64(t.num("ibm_records_min"))), number(qint64(t.num("ibm_records_max"))));
    c.assumptions << QStringLiteral("for comparison: average breach %1 globally, %2 in the US; supply-chain "
                                    "compromise %3 (IBM 2025)")
                         .arg(money(t.num("global_average")), money(t.num("us_average")),
                              money(t.num("supply_chain_average")));
    c.assumptions << QStringLiteral("excludes regulatory fines and litigation such as CCPA statutory damages "
                                    "(USD 100-750 per California consumer)");
    return c;
}

} // namespace vg
