// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/panels/formsupport.h"

#include <QWidget>

namespace vg::form {

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const QString t = part.trimmed(); !t.isEmpty())
            out << t;
    return out;
}

QString joinList(const QStringList &list) { return list.join(QStringLiteral(", ")); }

std::optional<qint64> parseCount(const QString &text, const QString &path, std::vector<Problem> *problems)
{
    const QString t = text.trimmed().remove(QLatin1Char(',')).remove(QLatin1Char(' ')).remove(QChar(0x202f));
    if (t.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 v = t.toLongLong(&ok);
    if (!ok || v < 0) {
        problems->push_back({path, QObject::tr("expected a whole number of 0 or more, found \"%1\"").arg(text)});
        return std::nullopt;
    }
    return v;
}

QDate parseDate(const QString &text, const QString &path, std::vector<Problem> *problems)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    const QDate d = QDate::fromString(t, Qt::ISODate);
    if (!d.isValid() || t.size() != 10)
        problems->push_back({path, QObject::tr("expected a date as YYYY-MM-DD, found \"%1\"").arg(text)});
    return d;
}

void markInvalid(QWidget *field, const QString &message)
{
    if (!field)
        return;
    field->setProperty("invalid", !message.isEmpty());
    field->setStyleSheet(message.isEmpty() ? QString()
                                           : QStringLiteral("border: 2px solid #d32f2f; border-radius: 3px;"));
    field->setToolTip(message);
}

QString describe(const std::vector<Problem> &problems)
{
    QStringList lines;
    for (const Problem &p : problems) {
        QString where = p.where;
        if (where.startsWith(QLatin1Char('/')))
            where.remove(0, 1);
        lines << (where.isEmpty() ? p.what
                                  : where.replace(QLatin1Char('/'), QLatin1Char(' ')) + QStringLiteral(": ") + p.what);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace vg::form
