// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/csvguard.h"

#include "model/io/textdecoder.h"

#include <QFile>
#include <QStringDecoder>

#include <algorithm>
#include <array>
#include <optional>

namespace vg {

namespace {

bool isBlank(QChar c) { return c == u' ' || c == u'\t' || c == u'\u00A0'; }

// One delimiter's view of the text: the cell and record rules of csvparser.cpp's Parser,
// counting instead of storing. Where the two could differ it counts less, so that it never
// refuses what the parser accepts.
class FieldMachine final {
public:
    FieldMachine(QChar delimiter, const CsvLimits &limits) : m_delim(delimiter), m_limits(limits) { }

    // c is at physical line `line`.
    void feed(QChar c, int line)
    {
        if (!m_error.isEmpty())
            return;
        if (m_skipLf) { // the LF of a CRLF that ended a record
            m_skipLf = false;
            if (c == u'\n')
                return;
        }
        if (m_recordStart) {
            m_recordStart = false;
            m_recordLine = line;
        }
        switch (m_state) {
        case State::FieldStart:
            if (isBlank(c) && c != m_delim) {
                ++m_len; // an unquoted cell's length counts its leading blanks
                return;
            }
            if (c == u'"') {
                m_state = State::Quoted;
                m_len = 0;
                m_quoteLine = line;
                return;
            }
            m_state = State::Unquoted;
            [[fallthrough]];
        case State::Unquoted:
            if (endsField(c))
                return;
            if (++m_len > m_limits.maxCellChars)
                fail(m_recordLine, QStringLiteral("a cell longer than %1 characters").arg(m_limits.maxCellChars));
            return;
        case State::Quoted:
            if (c == u'"') {
                m_state = State::QuoteSeen;
                return;
            }
            if (++m_len > m_limits.maxCellChars)
                fail(m_quoteLine,
                     QStringLiteral("a quoted cell longer than %1 characters (is a closing quote missing?)")
                         .arg(m_limits.maxCellChars));
            return;
        case State::QuoteSeen:
            if (c == u'"') { // "" inside quotes
                m_state = State::Quoted;
                if (++m_len > m_limits.maxCellChars)
                    fail(m_quoteLine,
                         QStringLiteral("a quoted cell longer than %1 characters (is a closing quote missing?)")
                             .arg(m_limits.maxCellChars));
                return;
            }
            m_state = State::AfterQuote;
            [[fallthrough]];
        case State::AfterQuote:
            if (endsField(c))
                return;
            if (!c.isSpace() && ++m_len > m_limits.maxCellChars) // blanks may be dropped: not counted
                fail(m_recordLine, QStringLiteral("a cell longer than %1 characters").arg(m_limits.maxCellChars));
            return;
        }
    }

    const QString &error() const { return m_error; }

private:
    enum class State { FieldStart, Unquoted, Quoted, QuoteSeen, AfterQuote };

    // At a delimiter or a line break outside quotes: ends the cell (and the record).
    bool endsField(QChar c)
    {
        const bool delimiter = c == m_delim, lineEnd = c == u'\n' || c == u'\r';
        if (!delimiter && !lineEnd)
            return false;
        if (++m_cells > m_limits.maxColumns)
            fail(m_recordLine, QStringLiteral("more than %1 columns").arg(m_limits.maxColumns));
        m_state = State::FieldStart;
        m_len = 0;
        if (lineEnd) {
            m_cells = 0;
            m_recordStart = true;
            m_skipLf = c == u'\r';
        }
        return true;
    }

    void fail(int line, const QString &what)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("line %1: %2").arg(line).arg(what);
    }

    QChar m_delim;
    const CsvLimits &m_limits;
    State m_state = State::FieldStart;
    qsizetype m_len = 0;
    qsizetype m_cells = 0;
    int m_recordLine = 1, m_quoteLine = 1;
    bool m_recordStart = true, m_skipLf = false;
    QString m_error;
};

// Emulates detectCsvDelimiter() on the first line while running one machine per candidate;
// after that line only the detected delimiter's machine runs. Until then a refusal needs all
// three machines to refuse, since any of them may turn out to be the parser's.
class Shape final {
public:
    explicit Shape(const CsvLimits &limits)
        : m_machines{FieldMachine(QLatin1Char(','), limits), FieldMachine(QLatin1Char(';'), limits),
                     FieldMachine(QLatin1Char('\t'), limits)}
    {
    }

    // Returns false once the text is refused (error() says why).
    bool feed(QChar c)
    {
        if (m_chosen < 0) {
            if (c == u'"')
                m_quoted = !m_quoted;
            else if (!m_quoted && (c == u'\n' || c == u'\r'))
                m_chosen = detected();
            else if (!m_quoted)
                m_counts[0] += c == u',', m_counts[1] += c == u';', m_counts[2] += c == u'\t';
        }
        if (m_chosen >= 0) {
            m_machines[std::size_t(m_chosen)].feed(c, m_line);
        } else {
            for (FieldMachine &m : m_machines)
                m.feed(c, m_line);
        }
        // Physical lines as the parser counts them: CRLF, LF or CR.
        if (c == u'\n' && !m_afterCr)
            ++m_line;
        else if (c == u'\r')
            ++m_line;
        m_afterCr = c == u'\r';
        return !refused();
    }

    bool refused() const
    {
        if (m_chosen >= 0)
            return !m_machines[std::size_t(m_chosen)].error().isEmpty();
        return std::all_of(m_machines.begin(), m_machines.end(),
                           [](const FieldMachine &m) { return !m.error().isEmpty(); });
    }

    QString error() const
    {
        if (m_chosen >= 0)
            return m_machines[std::size_t(m_chosen)].error();
        for (const FieldMachine &m : m_machines)
            if (m.error().isEmpty())
                return {};
        return m_machines[std::size_t(detected())].error();
    }

private:
    int detected() const
    {
        const int comma = m_counts[0], semicolon = m_counts[1], tab = m_counts[2];
        if (semicolon > comma && semicolon >= tab)
            return 1;
        if (tab > comma && tab > semicolon)
            return 2;
        return 0;
    }

    std::array<FieldMachine, 3> m_machines;
    std::array<int, 3> m_counts{0, 0, 0};
    int m_chosen = -1;
    bool m_quoted = false, m_afterCr = false;
    int m_line = 1;
};

constexpr qint64 kChunk = 1 << 20;

enum class Mode { Utf8, Utf8Bom, Utf16Le, Utf16Be, Windows1252 };

// Runs the file through Shape in mode; false when refused (*error set). *redo is set when
// the text turns out not to be UTF-8 (then it is Windows-1252 and must be read again).
bool scan(QIODevice &in, Mode mode, const CsvLimits &limits, QString *error, bool *redo)
{
    Shape shape(limits);
    std::optional<QStringDecoder> decoder;
    if (mode == Mode::Utf8 || mode == Mode::Utf8Bom)
        decoder.emplace(QStringDecoder::Utf8);
    else if (mode == Mode::Utf16Le || mode == Mode::Utf16Be)
        decoder.emplace(mode == Mode::Utf16Le ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
    const qint64 skip = mode == Mode::Utf8Bom ? 3 : (mode == Mode::Utf16Le || mode == Mode::Utf16Be) ? 2 : 0;
    if (!in.seek(skip))
        return true;
    QByteArray chunk;
    QString text;
    while (!in.atEnd()) {
        chunk = in.read(kChunk);
        if (chunk.isEmpty())
            break;
        if (decoder) {
            text = decoder->decode(chunk);
            if (decoder->hasError()) {
                // Not UTF-8 after all: Windows-1252 (the parser's choice), read again. A bad
                // file with a byte-order mark is left to the parser's message.
                *redo = mode == Mode::Utf8;
                return true;
            }
            for (const QChar c : std::as_const(text))
                if (!shape.feed(c)) {
                    *error = shape.error();
                    return false;
                }
        } else {
            for (const char b : std::as_const(chunk))
                if (!shape.feed(QChar(windows1252ToUnicode(static_cast<unsigned char>(b))))) {
                    *error = shape.error();
                    return false;
                }
        }
    }
    return true;
}

} // namespace

Status checkCsvShape(QIODevice &in, const QString &fileName, const CsvLimits &limits)
{
    const QByteArray head = in.peek(3);
    Mode mode = Mode::Utf8;
    if (head.startsWith("\xEF\xBB\xBF"))
        mode = Mode::Utf8Bom;
    else if (head.startsWith("\xFF\xFE"))
        mode = Mode::Utf16Le;
    else if (head.startsWith("\xFE\xFF"))
        mode = Mode::Utf16Be;
    QString error;
    bool redo = false;
    if (!scan(in, mode, limits, &error, &redo))
        return Error(fileName, error);
    if (redo && !scan(in, Mode::Windows1252, limits, &error, &redo))
        return Error(fileName, error);
    return Done{};
}

Status checkCsvFileShape(const QString &path, const CsvLimits &limits)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Done{}; // the caller's read reports it
    return checkCsvShape(f, path, limits);
}

} // namespace vg
