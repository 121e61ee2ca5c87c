// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/domain/model.h"

#include <algorithm>
#include <array>

namespace vg {

namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<const char *, N> &names, QStringView s)
{
    for (std::size_t i = 0; i < N; ++i)
        if (s == QLatin1StringView(names[i]))
            return static_cast<E>(i);
    return std::nullopt;
}

constexpr std::array<const char *, 3> kNodeKinds{"people", "service", "vendor"};
constexpr std::array<const char *, 4> kEdgeKinds{"data", "access", "code", "hosts"};
constexpr std::array<const char *, 3> kEncryptions{"none", "holder-key", "external-key"};
constexpr std::array<const char *, 3> kScopes{"read", "write", "admin"};
constexpr std::array<const char *, 3> kExitPlans{"tested", "documented", "none"};

} // namespace

QString toString(NodeKind k) { return QString::fromLatin1(kNodeKinds[static_cast<int>(k)]); }
QString toString(EdgeKind k) { return QString::fromLatin1(kEdgeKinds[static_cast<int>(k)]); }
QString toString(Encryption e) { return QString::fromLatin1(kEncryptions[static_cast<int>(e)]); }
QString toString(Scope s) { return QString::fromLatin1(kScopes[static_cast<int>(s)]); }
QString toString(ExitPlan p) { return QString::fromLatin1(kExitPlans[static_cast<int>(p)]); }
std::optional<NodeKind> nodeKindFromString(QStringView s) { return lookup<NodeKind>(kNodeKinds, s); }
std::optional<EdgeKind> edgeKindFromString(QStringView s) { return lookup<EdgeKind>(kEdgeKinds, s); }
std::optional<Encryption> encryptionFromString(QStringView s) { return lookup<Encryption>(kEncryptions, s); }
std::optional<Scope> scopeFromString(QStringView s) { return lookup<Scope>(kScopes, s); }
std::optional<ExitPlan> exitPlanFromString(QStringView s) { return lookup<ExitPlan>(kExitPlans, s); }

bool isValidId(QStringView id)
{
    if (id.isEmpty() || id.size() > 128)
        return false;
    return std::all_of(id.begin(), id.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '.' || u == '_'
            || u == ':' || u == '-';
    });
}

QString formatAwareness(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    const QDateTime s = t.toOffsetFromUtc(t.offsetFromUtc());
    const int offset = s.offsetFromUtc();
    QString out = s.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (offset == 0)
        return out + QLatin1Char('Z');
    const int a = std::abs(offset) / 60;
    return out
        + QStringLiteral("%1%2:%3")
              .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
              .arg(a / 60, 2, 10, QLatin1Char('0'))
              .arg(a % 60, 2, 10, QLatin1Char('0'));
}

std::optional<QDateTime> parseAwareness(QStringView text)
{
    // YYYY-MM-DDTHH:MM:SS then Z or +HH:MM / -HH:MM.
    auto digits = [&](qsizetype from, qsizetype n) {
        if (from + n > text.size())
            return -1;
        int v = 0;
        for (qsizetype i = from; i < from + n; ++i) {
            const char16_t c = text[i].unicode();
            if (c < '0' || c > '9')
                return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    };
    auto at = [&](qsizetype i, char c) { return i < text.size() && text[i] == QLatin1Char(c); };
    if (text.size() != 20 && text.size() != 25)
        return std::nullopt;
    if (!at(4, '-') || !at(7, '-') || !at(10, 'T') || !at(13, ':') || !at(16, ':'))
        return std::nullopt;
    const int y = digits(0, 4), mo = digits(5, 2), d = digits(8, 2), h = digits(11, 2), mi = digits(14, 2),
              s = digits(17, 2);
    if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0)
        return std::nullopt;
    int offset = 0;
    if (text.size() == 20) {
        if (!at(19, 'Z'))
            return std::nullopt;
    } else {
        const int oh = digits(20, 2), om = digits(23, 2);
        if ((!at(19, '+') && !at(19, '-')) || !at(22, ':') || oh < 0 || om < 0 || om > 59 || oh * 60 + om > 14 * 60)
            return std::nullopt;
        offset = (oh * 60 + om) * 60 * (at(19, '-') ? -1 : 1);
    }
    const QDate date(y, mo, d);
    const QTime time(h, mi, s);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::OffsetFromUTC, offset);
}

void Model::sortById()
{
    auto byId = [](const auto &a, const auto &b) { return a.id < b.id; };
    std::sort(categories.begin(), categories.end(), byId);
    std::sort(nodes.begin(), nodes.end(), byId);
    std::sort(edges.begin(), edges.end(), byId);
}

} // namespace vg
