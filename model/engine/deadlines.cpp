// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/engine/deadlines.h"

#include "model/io/resources.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vg {

namespace {

struct Clock {
    QString id, label, from, start;
    enum Unit { Hours, Days, BusinessDays, Months } unit = Hours;
    int amount = 0;
};

struct Regime {
    std::vector<Clock> clocks;
    QString note;
};

// Parsed once from resources/regimes.json; immutable afterwards.
const QHash<QString, Regime> &table()
{
    static const QHash<QString, Regime> t = [] {
        QHash<QString, Regime> out;
        const QJsonObject doc = QJsonDocument::fromJson(readResource("regimes.json")).object();
        for (const QJsonValue &v : doc.value(u"regimes").toArray()) {
            const QJsonObject r = v.toObject();
            Regime g;
            g.note = r.value(u"clock_note").toString();
            for (const QJsonValue &cv : r.value(u"clocks").toArray()) {
                const QJsonObject c = cv.toObject();
                Clock k;
                k.id = c.value(u"id").toString();
                k.label = c.value(u"label").toString();
                k.from = c.value(u"from").toString();
                k.start = c.value(u"start").toString();
                const QJsonObject after = c.value(u"after").toObject();
                if (after.contains(u"hours")) {
                    k.unit = Clock::Hours;
                    k.amount = after.value(u"hours").toInt();
                } else if (after.contains(u"days")) {
                    k.unit = Clock::Days;
                    k.amount = after.value(u"days").toInt();
                } else if (after.contains(u"business_days")) {
                    k.unit = Clock::BusinessDays;
                    k.amount = after.value(u"business_days").toInt();
                } else {
                    k.unit = Clock::Months;
                    k.amount = after.value(u"months").toInt();
                }
                g.clocks.push_back(k);
            }
            out.insert(r.value(u"id").toString(), g);
        }
        return out;
    }();
    return t;
}

QString amountText(const Clock &c)
{
    auto n = [&](const char *one, const char *many) {
        return QStringLiteral("%1 %2").arg(c.amount).arg(QLatin1StringView(c.amount == 1 ? one : many));
    };
    switch (c.unit) {
    case Clock::Hours: return n("hour", "hours");
    case Clock::Days: return n("day", "days");
    case Clock::BusinessDays: return n("business day", "business days");
    case Clock::Months: break;
    }
    return n("month", "months");
}

// Adds business days (Monday to Friday) as a spreadsheet's WORKDAY does: from a weekend day,
// the first business day after it is day one. The time of day is kept.
QDateTime addBusinessDays(const QDateTime &t, int n)
{
    QDateTime d = t;
    for (int counted = 0; counted < n;) {
        d = d.addDays(1);
        if (d.date().dayOfWeek() <= 5)
            ++counted;
    }
    return d;
}

QDateTime advance(const QDateTime &from, const Clock &c)
{
    switch (c.unit) {
    case Clock::Hours: return from.addSecs(qint64(c.amount) * 3600);
    case Clock::Days: return from.addDays(c.amount);
    case Clock::BusinessDays: return addBusinessDays(from, c.amount);
    case Clock::Months: break;
    }
    return from.addMonths(c.amount);
}

} // namespace

Expected<std::vector<Deadline>> deadlinesFor(const QString &regime, const QDateTime &awareness)
{
    if (!awareness.isValid())
        return Error(QString(),
                     QStringLiteral("no awareness time; enter when the organization became aware (a date, "
                                    "a time and its UTC offset) to count the deadlines of %1")
                         .arg(regime));
    const auto it = table().constFind(regime);
    if (it == table().cend())
        return Error(QString(),
                     QStringLiteral("unknown regime \"%1\"; expected one of resources/regimes.json").arg(regime));
    // Counted in the offset the time was entered with, so that calendar days are that place's.
    const QDateTime start = awareness.toOffsetFromUtc(awareness.offsetFromUtc());
    std::vector<Deadline> out;
    QHash<QString, QDateTime> due;
    QHash<QString, QString> labels;
    for (const Clock &c : it->clocks) {
        QDateTime from = start;
        QString fromText = c.start.isEmpty() ? QStringLiteral("awareness") : c.start;
        if (!c.from.isEmpty()) {
            from = due.value(c.from, start);
            fromText = labels.value(c.from, c.from) + QStringLiteral(" (sent at its deadline)");
        }
        Deadline d{regime, c.id, c.label, advance(from, c), QStringLiteral("%1 after %2").arg(amountText(c), fromText)};
        due.insert(c.id, d.due);
        labels.insert(c.id, c.label);
        out.push_back(std::move(d));
    }
    return out;
}

Expected<std::vector<Deadline>> deadlinesFor(const Obligation &obligation, const QDateTime &awareness)
{
    return deadlinesFor(obligation.regime, awareness);
}

QString deadlineNote(const QString &regime) { return table().value(regime).note; }

} // namespace vg
