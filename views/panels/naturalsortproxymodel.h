// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace vg {

// Sorts text the way people read it ("e2" before "e10"), case-insensitively; numbers
// (QVariant numeric types) compare as numbers. Filters on every column.
class NaturalSortProxyModel final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit NaturalSortProxyModel(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

// < 0, 0 or > 0 as a comes before, with or after b: runs of digits compare by value,
// other text case-insensitively.
int naturalCompare(QStringView a, QStringView b);

} // namespace vg
