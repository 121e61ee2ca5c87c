// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/csvwriter.h"

namespace vg {

namespace {

// -12, -12.5, -1.5e3: what a spreadsheet reads as a negative number, never as a formula.
bool isPlainNegativeNumber(const QString &v)
{
    qsizetype i = 1;
    const qsizetype n = v.size();
    auto digits = [&] {
        const qsizetype start = i;
        while (i < n && v[i] >= u'0' && v[i] <= u'9')
            ++i;
        return i > start;
    };
    if (n < 2 || v[0] != u'-' || !digits())
        return false;
    if (i < n && v[i] == u'.') {
        ++i;
        if (!digits())
            return false;
    }
    if (i < n && (v[i] == u'e' || v[i] == u'E')) {
        ++i;
        if (i < n && (v[i] == u'+' || v[i] == u'-'))
            ++i;
        if (!digits())
            return false;
    }
    return i == n;
}

bool guardFollows(const QString &v) { return v.size() > 1 && (isFormulaTrigger(v[1]) || v[1] == u'\''); }

} // namespace

bool isFormulaTrigger(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'=' || u == u'+' || u == u'-' || u == u'@' || u == u'\t' || u == u'\r' || u == 0;
}

QString neutraliseFormula(const QString &value)
{
    if (value.isEmpty())
        return value;
    if ((isFormulaTrigger(value[0]) && !isPlainNegativeNumber(value)) || (value[0] == u'\'' && guardFollows(value)))
        return QLatin1Char('\'') + value;
    return value;
}

QString stripFormulaGuard(const QString &cell)
{
    if (!cell.isEmpty() && cell[0] == u'\'' && guardFollows(cell))
        return cell.mid(1);
    return cell;
}

QString csvEscape(const QString &value, const CsvWriteOptions &options)
{
    const QString v = options.neutraliseFormulas ? neutraliseFormula(value) : value;
    if (v.isEmpty())
        return v;
    auto isSpace = [](QChar c) { return c == u' ' || c == u'\t'; };
    bool quote = isSpace(v.front()) || isSpace(v.back());
    for (qsizetype i = 0; !quote && i < v.size(); ++i) {
        const QChar c = v[i];
        quote = c == options.delimiter || c == u'"' || c == u'\n' || c == u'\r';
    }
    if (!quote)
        return v;
    QString out;
    out.reserve(v.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : v) {
        if (c == u'"')
            out += QLatin1Char('"');
        out += c;
    }
    out += QLatin1Char('"');
    return out;
}

void appendCsvRecord(QString &out, const QStringList &cells, const CsvWriteOptions &options)
{
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i)
            out += options.delimiter;
        out += csvEscape(cells[i], options);
    }
    out += QLatin1String("\r\n");
}

} // namespace vg
