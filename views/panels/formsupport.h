// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"

#include <QDate>
#include <QStringList>

#include <optional>

class QLabel;
class QWidget;

namespace vg {

// Small helpers shared by the inspector's forms.
namespace form {

// "a, b ,c" -> {"a", "b", "c"}; empty parts dropped.
QStringList splitList(const QString &text);
QString joinList(const QStringList &list);
// An optional whole number; nullopt for empty text, and a problem for anything else.
std::optional<qint64> parseCount(const QString &text, const QString &path, std::vector<Problem> *problems);
// An optional date as YYYY-MM-DD.
QDate parseDate(const QString &text, const QString &path, std::vector<Problem> *problems);
// Marks a field as invalid (a red frame and the message as its tooltip), or clears it.
void markInvalid(QWidget *field, const QString &message);
// The problems as lines for a message label ("name: ...").
QString describe(const std::vector<Problem> &problems);

} // namespace form

} // namespace vg
