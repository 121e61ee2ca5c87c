// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/reports/format.h"

#include "model/io/csvwriter.h"

#include <QLocale>

#include <charconv>
#include <cmath>

namespace vg {

QString formatCount(qint64 n) { return QLocale(QLocale::English).toString(n); }

QString formatUsd(double v) { return QStringLiteral("USD ") + formatCount(qint64(std::llround(v))); }

QString formatNumber(double v)
{
    char buf[32];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    return QString::fromLatin1(buf, res.ptr - buf);
}

QString plural(qint64 n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(formatCount(n), QLatin1StringView(n == 1 ? one : many));
}

QString printable(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (const QChar ch : s) {
        const char16_t c = ch.unicode();
        switch (c) {
        case u'\\': out += QStringLiteral("\\\\"); continue;
        case u'\n': out += QStringLiteral("\\n"); continue;
        case u'\r': out += QStringLiteral("\\r"); continue;
        case u'\t': out += QStringLiteral("\\t"); continue;
        default: break;
        }
        if (c < 0x20 || c == 0x7F)
            out += QStringLiteral("\\x%1").arg(int(c), 2, 16, QLatin1Char('0'));
        else if ((c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E)
                 || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C)
            out += QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
        else
            out += ch;
    }
    return out;
}

QString csvCell(const QString &s)
{
    // One rule for every CSV VendorGraph writes (model/io/csvwriter): formula triggers,
    // TAB, CR and NUL are neutralised; plain negative numbers stay numbers.
    return csvEscape(s);
}

} // namespace vg
