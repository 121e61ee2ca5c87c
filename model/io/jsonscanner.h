// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace vg {

// Line and column (both 1-based) of a byte offset.
std::pair<int, int> lineColumn(const QByteArray &text, qsizetype offset);

// A forward scanner over the top level of the document. It assumes valid JSON: the reader
// checks the whole text with checkJsonSyntax() (jsonsyntax.h) first. The root object is walked key by
// key; each value (and each element of the big arrays) is cut out as a byte slice and
// parsed on its own, so memory stays at the input plus the model plus one element, and
// every problem can name its line.
class JsonScanner final {
public:
    explicit JsonScanner(const QByteArray &text) : m_p(text.constData()), m_n(text.size()), m_text(text) { }

    qsizetype pos = 0;
    QString error; // set on the first syntax error; pos then points at it

    bool atEnd()
    {
        skipWs();
        return pos >= m_n;
    }
    char peek()
    {
        skipWs();
        return pos < m_n ? m_p[pos] : '\0';
    }
    bool expect(char c, const char *what)
    {
        if (peek() == c) {
            ++pos;
            return true;
        }
        return fail(QStringLiteral("expected %1").arg(QLatin1StringView(what)));
    }
    bool fail(const QString &what)
    {
        if (error.isEmpty())
            error = what;
        return false;
    }

    // Skips one value and returns its [begin, end) slice; tracks nesting without recursion.
    bool skipValue(qsizetype *begin, qsizetype *end)
    {
        skipWs();
        *begin = pos;
        int depth = 0;
        while (pos < m_n) {
            const char c = m_p[pos];
            if (c == '"') {
                if (!skipString())
                    return false;
            } else if (c == '{' || c == '[') {
                if (++depth > 256)
                    return fail(QStringLiteral("nesting deeper than 256 levels"));
                ++pos;
            } else if (c == '}' || c == ']') {
                if (depth == 0)
                    break;
                --depth;
                ++pos;
            } else if (depth == 0 && (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
                break;
            } else {
                ++pos;
            }
            if (depth == 0 && (c == '"' || c == '}' || c == ']'))
                break;
        }
        if (depth != 0)
            return fail(QStringLiteral("unexpected end of the file inside a value"));
        *end = pos;
        if (*end == *begin)
            return fail(QStringLiteral("expected a value"));
        return true;
    }

    // Reads a key string (the root object's keys are plain ASCII names).
    bool key(QString *out)
    {
        if (peek() != '"')
            return fail(QStringLiteral("expected a quoted key"));
        const qsizetype b = pos;
        if (!skipString())
            return false;
        if (std::find(m_p + b + 1, m_p + pos - 1, '\\') == m_p + pos - 1) {
            *out = QString::fromUtf8(m_p + b + 1, pos - b - 2);
            return true;
        }
        const auto v = parse(b, pos); // escapes: let the parser unescape (the text is valid)
        if (!v)
            return false;
        *out = v->toString();
        return true;
    }

    // Parses the slice [b, e) as one JSON value. On a syntax error, sets error and pos.
    std::optional<QJsonValue> parse(qsizetype b, qsizetype e)
    {
        QJsonParseError err;
        if (m_p[b] == '{' || m_p[b] == '[') {
            const QJsonDocument d = QJsonDocument::fromJson(QByteArray::fromRawData(m_p + b, e - b), &err);
            if (err.error == QJsonParseError::NoError)
                return d.isObject() ? QJsonValue(d.object()) : QJsonValue(d.array());
            pos = b + err.offset;
        } else {
            QByteArray wrapped;
            wrapped.reserve(e - b + 2);
            wrapped.append('[').append(m_p + b, e - b).append(']');
            const QJsonDocument d = QJsonDocument::fromJson(wrapped, &err);
            if (err.error == QJsonParseError::NoError)
                return d.array().at(0);
            pos = b + std::max<qsizetype>(0, err.offset - 1);
        }
        fail(err.errorString());
        return std::nullopt;
    }

    // Line (1-based) of a byte offset; offsets asked for must not decrease (amortised O(n)).
    int lineAt(qsizetype offset)
    {
        offset = std::min(offset, m_n);
        if (offset < m_lineOffset) {
            m_lineOffset = 0;
            m_line = 1;
        }
        for (; m_lineOffset < offset; ++m_lineOffset)
            if (m_p[m_lineOffset] == '\n')
                ++m_line;
        return m_line;
    }
    const QByteArray &text() const { return m_text; }

private:
    void skipWs()
    {
        while (pos < m_n && (m_p[pos] == ' ' || m_p[pos] == '\n' || m_p[pos] == '\r' || m_p[pos] == '\t'))
            ++pos;
    }
    bool skipString()
    {
        ++pos; // opening quote
        while (pos < m_n) {
            const char c = m_p[pos++];
            if (c == '\\')
                ++pos;
            else if (c == '"')
                return true;
        }
        return fail(QStringLiteral("unterminated string"));
    }

    const char *m_p;
    qsizetype m_n;
    const QByteArray &m_text;
    qsizetype m_lineOffset = 0;
    int m_line = 1;
};

// Adds " (line N)" to the problems from index `from` on.
void addLine(std::vector<Problem> &problems, std::size_t from, int line);

} // namespace vg
