// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/reports/format.h"

#include <QLocale>

namespace vg {

QString formatCount(qint64 n) { return QLocale(QLocale::English).toString(n); }

QString formatUsd(double v)
{
    if (v >= 1e9)
        return QStringLiteral("USD %1 bn").arg(v / 1e9, 0, 'f', 2);
    if (v >= 1e6)
        return QStringLiteral("USD %1 M").arg(v / 1e6, 0, 'f', 2);
    return QStringLiteral("USD ") + formatCount(qint64(v));
}

QString csvCell(const QString &s)
{
    QString v = s;
    bool numeric = false;
    v.toDouble(&numeric);
    if (!numeric && !v.isEmpty()
        && (v[0] == u'=' || v[0] == u'+' || v[0] == u'-' || v[0] == u'@' || v[0] == u'\t' || v[0] == u'\r'))
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n'))
        || v.contains(QLatin1Char('\r')))
        v = QLatin1Char('"') + v.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return v;
}

} // namespace vg
