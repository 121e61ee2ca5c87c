// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/jsonsyntax.h"

#include <QSet>

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace vg {

namespace {

constexpr int kMaxDepth = 256;

class Checker final {
public:
    explicit Checker(QByteArrayView t) : p(t.data()), n(t.size()) { }

    std::optional<JsonSyntaxError> run()
    {
        if (n >= 3 && quint8(p[0]) == 0xEF && quint8(p[1]) == 0xBB && quint8(p[2]) == 0xBF)
            return JsonSyntaxError{0,
                                   QStringLiteral("a byte-order mark before the JSON text; save the file as UTF-8 "
                                                  "without BOM")};
        skipWs();
        if (!value())
            return err;
        skipWs();
        if (i < n)
            return JsonSyntaxError{i, QStringLiteral("unexpected text after the end of the JSON value")};
        return std::nullopt;
    }

private:
    enum class Frame { Object, Array };
    const char *p;
    qsizetype n;
    qsizetype i = 0;
    JsonSyntaxError err;
    std::vector<Frame> stack;
    std::vector<QSet<QByteArray>> keys; // one set per open object

    bool fail(qsizetype at, QString what)
    {
        err = {at, std::move(what)};
        return false;
    }
    void skipWs()
    {
        while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r'))
            ++i;
    }
    static int hex(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }
    bool hex4(qsizetype at, unsigned *out)
    {
        if (at + 4 > n)
            return fail(at, QStringLiteral("unterminated \\u escape; expected four hex digits"));
        unsigned v = 0;
        for (int k = 0; k < 4; ++k) {
            const int h = hex(p[at + k]);
            if (h < 0)
                return fail(at + k, QStringLiteral("invalid \\u escape; expected four hex digits"));
            v = v * 16 + unsigned(h);
        }
        *out = v;
        return true;
    }
    static void appendUtf8(QByteArray &out, unsigned cp)
    {
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xF0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3F));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    }
    // The length of a valid UTF-8 sequence at i (1-4), or 0.
    qsizetype utf8Length() const
    {
        const auto b0 = quint8(p[i]);
        auto cont = [&](qsizetype k) { return i + k < n && (quint8(p[i + k]) & 0xC0) == 0x80; };
        if (b0 < 0x80)
            return 1;
        if (b0 >= 0xC2 && b0 <= 0xDF)
            return cont(1) ? 2 : 0;
        if (b0 >= 0xE0 && b0 <= 0xEF) {
            if (!cont(1) || !cont(2))
                return 0;
            const auto b1 = quint8(p[i + 1]);
            if ((b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 > 0x9F)) // overlong; UTF-16 surrogates
                return 0;
            return 3;
        }
        if (b0 >= 0xF0 && b0 <= 0xF4) {
            if (!cont(1) || !cont(2) || !cont(3))
                return 0;
            const auto b1 = quint8(p[i + 1]);
            if ((b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 > 0x8F))
                return 0;
            return 4;
        }
        return 0;
    }
    // A string starting at the quote at i. decoded (if given) receives the unescaped UTF-8.
    bool string(QByteArray *decoded)
    {
        const qsizetype open = i++;
        while (i < n) {
            const auto c = quint8(p[i]);
            if (c == '"') {
                ++i;
                return true;
            }
            if (c < 0x20)
                return fail(i,
                            QStringLiteral("raw control character U+%1 in a string; escape it (\\n, \\t, \\u00XX)")
                                .arg(QStringLiteral("%1").arg(c, 4, 16, QLatin1Char('0')).toUpper()));
            if (c == '\\') {
                if (i + 1 >= n)
                    break;
                const char e = p[i + 1];
                static const char simple[] = "\"\\/bfnrt";
                static const char meaning[] = "\"\\/\b\f\n\r\t";
                if (const char *hit = e ? std::char_traits<char>::find(simple, 8, e) : nullptr) {
                    if (decoded)
                        *decoded += meaning[hit - simple];
                    i += 2;
                    continue;
                }
                if (e != 'u')
                    return fail(i,
                                QStringLiteral("invalid escape \\%1 in a string; expected one of \\\" \\\\ \\/ \\b "
                                               "\\f \\n \\r \\t \\uXXXX")
                                    .arg(e >= 0x20 && e < 0x7F ? QString(QLatin1Char(e))
                                                               : QStringLiteral("(byte %1)").arg(quint8(e))));
                unsigned cp = 0;
                if (!hex4(i + 2, &cp))
                    return false;
                if (cp >= 0xDC00 && cp <= 0xDFFF)
                    return fail(i,
                                QStringLiteral("a low surrogate \\u%1 without a high one before it")
                                    .arg(cp, 4, 16, QLatin1Char('0')));
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    unsigned lo = 0;
                    if (i + 7 >= n || p[i + 6] != '\\' || p[i + 7] != 'u' || !hex4(i + 8, &lo) || lo < 0xDC00
                        || lo > 0xDFFF)
                        return fail(i,
                                    QStringLiteral("a high surrogate \\u%1 without a low one after it")
                                        .arg(cp, 4, 16, QLatin1Char('0')));
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
                if (decoded)
                    appendUtf8(*decoded, cp);
                i += 6;
                continue;
            }
            const qsizetype len = utf8Length();
            if (len == 0)
                return fail(i, QStringLiteral("invalid UTF-8 in a string"));
            if (decoded)
                decoded->append(p + i, len);
            i += len;
        }
        return fail(open, QStringLiteral("unterminated string"));
    }
    bool number()
    {
        const qsizetype b = i;
        auto digits = [&] {
            const qsizetype s = i;
            while (i < n && p[i] >= '0' && p[i] <= '9')
                ++i;
            return i > s;
        };
        if (p[i] == '-')
            ++i;
        if (i < n && p[i] == '0') {
            ++i;
            if (i < n && p[i] >= '0' && p[i] <= '9')
                return fail(b, QStringLiteral("invalid number: a leading zero"));
        } else if (!digits()) {
            return fail(b, QStringLiteral("invalid number; expected a digit"));
        }
        if (i < n && p[i] == '.') {
            ++i;
            if (!digits())
                return fail(i, QStringLiteral("invalid number; expected a digit after the decimal point"));
        }
        if (i < n && (p[i] == 'e' || p[i] == 'E')) {
            ++i;
            if (i < n && (p[i] == '+' || p[i] == '-'))
                ++i;
            if (!digits())
                return fail(i, QStringLiteral("invalid number; expected a digit in the exponent"));
        }
        const std::string text(p + b, std::size_t(i - b));
        const double v = std::strtod(text.c_str(), nullptr);
        if (!std::isfinite(v))
            return fail(b, QStringLiteral("number out of range: %1").arg(QString::fromLatin1(text.c_str()).left(40)));
        return true;
    }
    bool literal(const char *word)
    {
        const qsizetype len = qsizetype(std::char_traits<char>::length(word));
        if (i + len > n || QByteArrayView(p + i, len) != QByteArrayView(word, len))
            return fail(i,
                        QStringLiteral("expected a value (an object, array, string, number, true, false "
                                       "or null)"));
        i += len;
        return true;
    }
    bool scalar()
    {
        if (i >= n)
            return fail(i, QStringLiteral("unexpected end of the text; expected a value"));
        switch (p[i]) {
        case '"': return string(nullptr);
        case 't': return literal("true");
        case 'f': return literal("false");
        case 'n': return literal("null");
        default:
            if (p[i] == '-' || (p[i] >= '0' && p[i] <= '9'))
                return number();
            return fail(i,
                        QStringLiteral("expected a value (an object, array, string, number, true, false or "
                                       "null)"));
        }
    }
    bool key()
    {
        skipWs();
        if (i >= n || p[i] != '"')
            return fail(i,
                        i < n && p[i] == '}' ? QStringLiteral("a trailing comma before '}'")
                                             : QStringLiteral("expected a quoted key"));
        const qsizetype at = i;
        QByteArray k;
        if (!string(&k))
            return false;
        if (keys.back().contains(k))
            return fail(at,
                        QStringLiteral("duplicate key \"%1\"; each key may appear once in an object")
                            .arg(QString::fromUtf8(k).left(60)));
        keys.back().insert(k);
        skipWs();
        if (i >= n || p[i] != ':')
            return fail(i, QStringLiteral("expected ':' after a key"));
        ++i;
        skipWs();
        return true;
    }
    // One value, with nested containers handled by an explicit stack.
    bool value()
    {
        for (;;) {
            // Here a value starts at i.
            if (i < n && (p[i] == '{' || p[i] == '[')) {
                if (int(stack.size()) >= kMaxDepth)
                    return fail(i, QStringLiteral("nesting deeper than %1 levels").arg(kMaxDepth));
                const bool object = p[i] == '{';
                ++i;
                skipWs();
                stack.push_back(object ? Frame::Object : Frame::Array);
                if (object)
                    keys.emplace_back();
                if (i < n && p[i] == (object ? '}' : ']')) {
                    ++i;
                    closeFrame();
                } else {
                    if (object && !key())
                        return false;
                    continue; // the first member's value
                }
            } else if (!scalar()) {
                return false;
            }
            // After a complete value: close containers or move to the next member.
            for (;;) {
                if (stack.empty())
                    return true;
                skipWs();
                const bool object = stack.back() == Frame::Object;
                if (i < n && p[i] == ',') {
                    ++i;
                    skipWs();
                    if (object) {
                        if (!key())
                            return false;
                    } else if (i < n && p[i] == ']') {
                        return fail(i, QStringLiteral("a trailing comma before ']'"));
                    }
                    break; // the next member's value
                }
                if (i < n && p[i] == (object ? '}' : ']')) {
                    ++i;
                    closeFrame();
                    continue;
                }
                if (i >= n)
                    return fail(i,
                                QStringLiteral("unexpected end of the text inside %1")
                                    .arg(object ? QStringLiteral("an object") : QStringLiteral("an array")));
                return fail(i,
                            object ? QStringLiteral("expected ',' or '}' after a value in an object")
                                   : QStringLiteral("expected ',' or ']' after a value in an array"));
            }
        }
    }
    void closeFrame()
    {
        if (stack.back() == Frame::Object)
            keys.pop_back();
        stack.pop_back();
    }
};

} // namespace

std::optional<JsonSyntaxError> checkJsonSyntax(QByteArrayView text) { return Checker(text).run(); }

} // namespace vg
