// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/team/teamedit.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace vg {

// One recorded change of one field, written by the server itself (a trigger), with the
// database login that made it. field is empty when the whole item was created (after holds
// every field as a JSON object) or removed (before holds it); it is "published" (before and
// after empty) for the publish that created the model and the items it brought. Field names are the server's
// column names with src/dst shown as from/to; nested values are their canonical JSON text.
struct HistoryEntry {
    qint64 revision = 0;
    QString author;
    QDateTime at; // UTC
    ItemKind kind = ItemKind::Node;
    QString itemId;
    QString field;
    std::optional<QString> before;
    std::optional<QString> after;
    QString summary; // of the revision
    bool operator==(const HistoryEntry &) const = default;
};

// A filter over a model's history; unset parts match everything. Newest first.
struct HistoryQuery {
    std::optional<ItemKind> kind;
    QString itemId; // with kind
    QString author;
    QDateTime since; // inclusive
    QDateTime until; // exclusive
    int limit = 1000;
};

QString toString(ItemKind k);
std::optional<ItemKind> itemKindFromString(QStringView s);

} // namespace vg
