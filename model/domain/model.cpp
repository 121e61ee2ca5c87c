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

void Model::sortById()
{
    auto byId = [](const auto &a, const auto &b) { return a.id < b.id; };
    std::sort(categories.begin(), categories.end(), byId);
    std::sort(nodes.begin(), nodes.end(), byId);
    std::sort(edges.begin(), edges.end(), byId);
}

} // namespace vg
