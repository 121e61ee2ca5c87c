// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/cost.h"

#include "model/io/resources.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace vg {

namespace {

QString number(qint64 n) { return QLocale(QLocale::English).toString(n); }

} // namespace

CostEstimate estimateCost(qint64 n, bool controlledSystems)
{
    static const QJsonObject t = QJsonDocument::fromJson(readResource("cost.json")).object();
    auto num = [&](const char *k) { return t.value(QLatin1StringView(k)).toDouble(); };
    auto src = [&](const char *k) { return t.value(QLatin1StringView(k)).toString(); };
    const double perLow = num("per_record_low"), perHigh = num("per_record_high");
    const auto min = qint64(num("ibm_records_min")), max = qint64(num("ibm_records_max"));
    const auto mega = qint64(num("mega_threshold"));
    CostEstimate c;
    c.recordsBasis = n;
    auto money = [](double v) { return QStringLiteral("USD ") + QLocale(QLocale::English).toString(qint64(v)); };
    const QString range = QStringLiteral("IBM's per-breach figures cover %1-%2 records; per-record costs are used "
                                         "only inside that range")
                              .arg(number(min), number(max));
    if (n <= 0) {
        if (controlledSystems) {
            c.high = num("supply_chain_average");
            c.assumptions << QStringLiteral("no records exposed, but systems are controlled: up to the average "
                                            "supply-chain compromise, %1 (%2)")
                                 .arg(money(c.high), src("supply_chain_source"));
        } else {
            c.assumptions << QStringLiteral("no records exposed and no system controlled");
        }
    } else if (n < min) {
        c.low = double(n) * perLow;
        c.high = double(min) * perHigh;
        c.assumptions << QStringLiteral("%1 records, below IBM's range: low = records x %2, high = the cost of a "
                                        "%3-record breach at %4 per record")
                             .arg(number(n), money(perLow), number(min), money(perHigh));
    } else if (n <= max) {
        c.low = double(n) * perLow;
        c.high = double(n) * perHigh;
        c.assumptions << QStringLiteral("%1 records x %2 (%3) to %4 (%5) per record")
                             .arg(number(n), money(perLow), src("per_record_low_source"), money(perHigh),
                                  src("per_record_high_source"));
    } else if (n < mega) {
        c.low = double(max) * perLow;
        c.high = num("mega_low");
        c.assumptions << QStringLiteral("%1 records, above IBM's range and below the mega-breach band: from the "
                                        "top of the per-record range to the mega-breach floor (%2)")
                             .arg(number(n), src("mega_low_source"));
    } else {
        c.low = num("mega_low");
        const bool anchor = n >= qint64(num("mega_anchor_records"));
        c.high = anchor ? num("mega_anchor_cost") : num("mega_low") * num("mega_high_factor");
        c.assumptions << QStringLiteral("%1 records: mega-breach band, not per-record (%2)")
                             .arg(number(n), src("mega_low_source"));
        c.assumptions << (anchor ? QStringLiteral("high end anchored on %1").arg(src("mega_anchor_source"))
                                 : QStringLiteral("high end: %1x the band's floor (a heuristic; IBM publishes no "
                                                  "upper figure)")
                                       .arg(num("mega_high_factor")));
    }
    c.assumptions << range;
    c.assumptions << QStringLiteral("for comparison: average breach %1 globally, %2 in the US; supply-chain "
                                    "compromise %3 (IBM 2025)")
                         .arg(money(num("global_average")), money(num("us_average")),
                              money(num("supply_chain_average")));
    c.assumptions << QStringLiteral("excludes regulatory fines and litigation such as CCPA statutory damages "
                                    "(USD 100-750 per California consumer)");
    return c;
}

} // namespace vg
