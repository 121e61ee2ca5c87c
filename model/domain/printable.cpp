// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/domain/printable.h"

#include <algorithm>

namespace vg {

QString escapeControls(const QString &s)
{
    const auto special = [](char16_t c) {
        return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029
            || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
            || c == 0x061C;
    };
    if (std::none_of(s.cbegin(), s.cend(), [&](QChar c) { return special(c.unicode()); }))
        return s;
    QString out;
    out.reserve(s.size() + 8);
    for (const QChar ch : s) {
        const char16_t c = ch.unicode();
        if (!special(c))
            out += ch;
        else if (c == u'\n')
            out += QStringLiteral("\\n");
        else if (c == u'\r')
            out += QStringLiteral("\\r");
        else if (c == u'\t')
            out += QStringLiteral("\\t");
        else if (c < 0x80)
            out += QStringLiteral("\\x%1").arg(int(c), 2, 16, QLatin1Char('0'));
        else
            out += QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
    }
    return out;
}

} // namespace vg
