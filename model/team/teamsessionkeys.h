// SPDX-License-Identifier: GPL-3.0-or-later
// What teamsession.cpp and teamoutbox.cpp share: how TeamSession keys items in its sets.
#pragma once

#include <QString>

namespace vg::teamsession {

inline QString nodeKey(const QString &id) { return QStringLiteral("n:") + id; }
inline QString edgeKey(const QString &id) { return QStringLiteral("e:") + id; }
inline const QString kMetaKey = QStringLiteral("m:");

// How many times an edit the server refused as a conflict is rebased and sent again by itself
// when the versions it conflicts with turn out identical to the user's.
inline constexpr int kMaxAutoRetries = 3;

} // namespace vg::teamsession
