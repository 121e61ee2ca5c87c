// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/csvparser.h"

#include "model/io/csvwriter.h"
#include "model/io/textdecoder.h"

namespace vg {

namespace {

bool isBlank(QChar c) { return c == u' ' || c == u'\t' || c == u'\u00A0'; }

// A single-pass state machine over the decoded text. Tracks the physical line so that every
// record and every problem can name the line it starts on.
class Parser final {
public:
    Parser(QStringView text, QChar delimiter, const QString &file, const CsvLimits &limits)
        : m_p(text.data()), m_n(text.size()), m_delim(delimiter), m_file(file), m_limits(limits)
    {
    }

    Expected<CsvTable> run()
    {
        CsvTable t;
        t.file = m_file;
        t.delimiter = m_delim;
        bool haveHeader = false;
        QStringList cells;
        while (m_i < m_n) {
            const int line = m_line;
            cells.clear();
            if (!record(cells, line))
                return Error(m_file, m_error);
            if (cells.size() == 1 && cells[0].isEmpty() && !m_lastQuoted)
                continue; // a blank line
            if (!haveHeader) {
                t.header = cells;
                haveHeader = true;
            } else {
                if (qsizetype(t.rows.size()) >= m_limits.maxRows)
                    return Error(
                        m_file,
                        QStringLiteral("line %1: more than %2 rows; split the file").arg(line).arg(m_limits.maxRows));
                t.rows.push_back({line, cells});
            }
        }
        return t;
    }

private:
    bool fail(int line, const QString &what)
    {
        m_error = QStringLiteral("line %1: %2").arg(line).arg(what);
        return false;
    }

    void newline()
    {
        // At m_p[m_i] == '\r' or '\n': consume CRLF, LF or CR as one line break.
        if (m_p[m_i] == u'\r' && m_i + 1 < m_n && m_p[m_i + 1] == u'\n')
            ++m_i;
        ++m_i;
        ++m_line;
    }

    bool record(QStringList &cells, int line)
    {
        for (;;) {
            QString cell;
            if (!field(cell, line))
                return false;
            if (cells.size() >= m_limits.maxColumns)
                return fail(line, QStringLiteral("more than %1 columns").arg(m_limits.maxColumns));
            cells.append(stripFormulaGuard(cell));
            if (m_i >= m_n)
                return true;
            const QChar c = m_p[m_i];
            if (c == m_delim) {
                ++m_i;
                if (m_i >= m_n) { // a trailing delimiter at the end of the file: one more empty cell
                    cells.append(QString());
                    return true;
                }
                continue;
            }
            newline(); // field() stops only at a delimiter, a line break or the end
            return true;
        }
    }

    bool field(QString &cell, int line)
    {
        m_lastQuoted = false;
        qsizetype start = m_i;
        while (m_i < m_n && isBlank(m_p[m_i]) && m_p[m_i] != m_delim)
            ++m_i;
        if (m_i < m_n && m_p[m_i] == u'"') {
            m_lastQuoted = true;
            ++m_i;
            const int quoteLine = m_line;
            for (;;) {
                qsizetype chunk = m_i;
                while (m_i < m_n && m_p[m_i] != u'"') {
                    if (m_p[m_i] == u'\n' || (m_p[m_i] == u'\r' && (m_i + 1 >= m_n || m_p[m_i + 1] != u'\n')))
                        ++m_line;
                    ++m_i;
                }
                cell.append(m_p + chunk, m_i - chunk);
                if (cell.size() > m_limits.maxCellChars)
                    return fail(quoteLine,
                                QStringLiteral("a quoted cell longer than %1 characters (is a closing "
                                               "quote missing?)")
                                    .arg(m_limits.maxCellChars));
                if (m_i >= m_n)
                    return fail(quoteLine,
                                QStringLiteral("the quoted cell that starts here is never closed; "
                                               "expected a closing \" (is the file truncated?)"));
                ++m_i; // the quote
                if (m_i < m_n && m_p[m_i] == u'"') {
                    cell.append(QLatin1Char('"'));
                    ++m_i;
                    continue;
                }
                break;
            }
            // Text after the closing quote: blanks are dropped, anything else kept.
            start = m_i;
            while (m_i < m_n && m_p[m_i] != m_delim && m_p[m_i] != u'\n' && m_p[m_i] != u'\r')
                ++m_i;
            QStringView rest(m_p + start, m_i - start);
            while (!rest.isEmpty() && isBlank(rest.back()))
                rest.chop(1);
            if (!rest.trimmed().isEmpty())
                cell.append(rest);
            if (cell.size() > m_limits.maxCellChars)
                return fail(line, QStringLiteral("a cell longer than %1 characters").arg(m_limits.maxCellChars));
            return true;
        }
        while (m_i < m_n && m_p[m_i] != m_delim && m_p[m_i] != u'\n' && m_p[m_i] != u'\r')
            ++m_i;
        if (m_i - start > m_limits.maxCellChars)
            return fail(line, QStringLiteral("a cell longer than %1 characters").arg(m_limits.maxCellChars));
        cell = QStringView(m_p + start, m_i - start).trimmed().toString();
        return true;
    }

    const QChar *m_p;
    qsizetype m_n;
    qsizetype m_i = 0;
    int m_line = 1;
    QChar m_delim;
    const QString &m_file;
    const CsvLimits &m_limits;
    QString m_error;
    bool m_lastQuoted = false;
};

} // namespace

QChar detectCsvDelimiter(QStringView text)
{
    int comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && (c == u'\n' || c == u'\r'))
            break;
        else if (!quoted)
            comma += c == u',', semicolon += c == u';', tab += c == u'\t';
    }
    if (semicolon > comma && semicolon >= tab)
        return QLatin1Char(';');
    if (tab > comma && tab > semicolon)
        return QLatin1Char('\t');
    return QLatin1Char(',');
}

Expected<CsvTable> parseCsvText(QStringView text, const QString &fileName, QChar delimiter, const CsvLimits &limits)
{
    if (delimiter.isNull())
        delimiter = detectCsvDelimiter(text);
    return Parser(text, delimiter, fileName, limits).run();
}

Expected<CsvTable> parseCsv(const QByteArray &bytes, const QString &fileName, const CsvLimits &limits)
{
    Expected<DecodedText> text = decodeTextFile(bytes, fileName);
    if (!text)
        return text.error();
    Expected<CsvTable> t = parseCsvText(text->text, fileName, {}, limits);
    if (t)
        t->encoding = text->encoding;
    return t;
}

} // namespace vg
