// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/textdecoder.h"

#include <QStringDecoder>

#include <array>

namespace vg {

namespace {

// 0x80..0x9F of Windows-1252; the rest of the code page equals Latin-1.
constexpr std::array<char16_t, 32> kCp1252High{0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                               0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                               0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                               0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool hasUnpairedSurrogate(const QString &s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i].isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate())
            ++i;
        else if (s[i].isSurrogate())
            return true;
    }
    return false;
}

int lineOf(const QByteArray &bytes, qsizetype offset) { return int(bytes.left(offset).count('\n')) + 1; }

} // namespace

char16_t windows1252ToUnicode(unsigned char byte)
{
    if (byte >= 0x80 && byte <= 0x9F)
        return kCp1252High[byte - 0x80];
    return char16_t(byte);
}

Expected<DecodedText> decodeTextFile(const QByteArray &bytes, const QString &fileName)
{
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        QStringDecoder d(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = d.decode(QByteArrayView(bytes).sliced(3));
        if (d.hasError())
            return Error(fileName,
                         QStringLiteral("unreadable encoding: the file starts with a UTF-8 byte-order mark "
                                        "but is not valid UTF-8; save it again as \"CSV UTF-8\""));
        return DecodedText{std::move(text), QStringLiteral("UTF-8 with BOM")};
    }
    const bool le = bytes.startsWith("\xFF\xFE"), be = bytes.startsWith("\xFE\xFF");
    if (le || be) {
        QStringDecoder d(le ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE, QStringDecoder::Flag::Stateless);
        QString text = d.decode(QByteArrayView(bytes).sliced(2));
        if (d.hasError() || hasUnpairedSurrogate(text)) // Qt's decoder lets a lone surrogate through
            return Error(fileName,
                         QStringLiteral("unreadable encoding: the file starts with a UTF-16 byte-order mark but is "
                                        "not valid UTF-16"));
        return DecodedText{std::move(text), le ? QStringLiteral("UTF-16LE") : QStringLiteral("UTF-16BE")};
    }
    // UTF-16 without a byte-order mark, or binary data: many NUL bytes near the start. A
    // lone NUL (a cell that holds one) is text.
    const qsizetype probe = std::min<qsizetype>(bytes.size(), 4096);
    const qsizetype nuls = QByteArrayView(bytes).first(probe).count('\0');
    if (probe > 0 && nuls * 8 > probe)
        return Error(fileName,
                     QStringLiteral("line %1: unreadable encoding: %2 of the first %3 bytes are NUL; "
                                    "expected text in UTF-8 or Windows-1252 (this looks like UTF-16 "
                                    "without a byte-order mark, or a binary file such as .xlsx; save "
                                    "it as \"CSV UTF-8\")")
                         .arg(lineOf(bytes, bytes.indexOf('\0')))
                         .arg(nuls)
                         .arg(probe));
    {
        QStringDecoder d(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = d.decode(bytes);
        if (!d.hasError())
            return DecodedText{std::move(text), QStringLiteral("UTF-8")};
    }
    QString text(bytes.size(), Qt::Uninitialized);
    char16_t *out = reinterpret_cast<char16_t *>(text.data());
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        const char16_t u = windows1252ToUnicode(b);
        if (u == 0 && b != 0)
            return Error(fileName,
                         QStringLiteral("line %1: unreadable encoding: byte 0x%2 is neither UTF-8 nor Windows-1252; "
                                        "expected text in UTF-8 (or Windows-1252); save it as \"CSV UTF-8\"")
                             .arg(lineOf(bytes, i))
                             .arg(QString::number(b, 16).toUpper()));
        out[i] = u;
    }
    return DecodedText{std::move(text), QStringLiteral("Windows-1252")};
}

} // namespace vg
