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

QString toCsv(const BlastRadius &radius)
{
    QString out = QStringLiteral("category,name,tier,exposure,plaintext,some_encrypted,people,records,holders,origins,"
                                 "pivot\r\n");
    for (const ExposedCategory &c : radius.exposed()) {
        const QStringList row{csvCell(c.category),
                              csvCell(c.name),
                              QString::number(c.tier),
                              toString(c.certainty),
                              c.plaintext ? toString(*c.plaintext) : QStringLiteral("encrypted"),
                              c.someEncrypted ? QStringLiteral("yes") : QStringLiteral("no"),
                              QString::number(c.people),
                              c.recordsKnown ? QString::number(c.records) : QString(),
                              csvCell(radius.holders(c.category).join(QLatin1Char(';'))),
                              csvCell(c.origins.join(QLatin1Char(';'))),
                              csvCell(c.pivot)};
        out += row.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out;
}

} // namespace vg