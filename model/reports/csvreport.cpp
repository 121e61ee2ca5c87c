// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/reports/csvreport.h"

#include "model/reports/format.h"

namespace vg {

QString toCsv(const std::vector<VendorRank> &ranks)
{
    QString out = QStringLiteral(
        "rank,vendor,name,mode,score,reached,reached_direct,controlled,tier1,tier2,tier3,tier4,people\r\n");
    int i = 0;
    for (const VendorRank &r : ranks) {
        const ScenarioSummary &s = r.summary;
        QStringList row{QString::number(++i),
                        csvCell(r.vendorId),
                        csvCell(r.name),
                        r.mode == Compromise::Breached ? QStringLiteral("breach") : QStringLiteral("control"),
                        formatNumber(s.score),
                        QString::number(s.reached),
                        QString::number(s.reachedDirect),
                        QString::number(s.controlled)};
        for (int k = 0; k < 4; ++k)
            row << QString::number(s.categoriesByTier[k]);
        row << QString::number(s.people);
        out += row.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out;
}

} // namespace vg