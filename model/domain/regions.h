// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace vg {

// The region codes a model may use (resources/regions.json): ISO 3166-1 alpha-2 (DE), ISO
// 3166-2 subdivisions (US-CA), and the groups EU and EEA. Loaded once; thread-safe.
namespace regions {

// Why r is not a region code, with a hint when one is known ("UK": did you mean GB?);
// nothing when it is one.
std::optional<QString> problem(QStringView r);
inline bool isValid(QStringView r) { return !problem(r).has_value(); }
// The country of a code: "US" for "US-CA" and "US"; the group itself for EU and EEA.
QString country(const QString &r);
// The members of a group (EU, EEA), or nothing for another code.
QStringList groupMembers(const QString &group);

} // namespace regions

} // namespace vg
