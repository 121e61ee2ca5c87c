// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/itemmodels/concentrationmodel.h"

#include <algorithm>

namespace vg {

ConcentrationModel::ConcentrationModel(QObject *parent) : QAbstractTableModel(parent) {}

void ConcentrationModel::setRows(std::vector<SharedSubprocessor> rows)
{
    std::stable_sort(rows.begin(), rows.end(), [](const SharedSubprocessor &a, const SharedSubprocessor &b) {
        if (a.weight != b.weight)
            return a.weight > b.weight;
        if (a.score != b.score)
            return a.score > b.score;
        return a.id < b.id;
    });
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int ConcentrationModel::rowOf(const QString &id) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == id)
            return int(i);
    return -1;
}

int ConcentrationModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int ConcentrationModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ConcentrationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const SharedSubprocessor &s = m_rows[std::size_t(index.row())];
    if (role == Qt::UserRole)
        return s.id;
    if (role == VendorsRole)
        return s.vendors;
    if (role == Qt::ToolTipRole) {
        if (index.column() == Vendors)
            return s.vendors.join(QLatin1Char('\n'));
        if (index.column() == Categories)
            return s.categories.join(QLatin1Char('\n'));
        if (index.column() == Name)
            return s.id;
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name: return s.name.isEmpty() ? s.id : s.name;
    case VendorCount: return int(s.vendors.size());
    case Vendors: return s.vendors.join(QLatin1String(", "));
    case Categories: return s.categories.join(QLatin1String(", "));
    case Weight: return s.weight;
    default: break;
    }
    return {};
}

QVariant ConcentrationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Fourth party");
    case VendorCount: return tr("Vendors");
    case Vendors: return tr("Vendors depending on it");
    case Categories: return tr("Categories reaching it");
    case Weight: return tr("Weight");
    default: break;
    }
    return {};
}

} // namespace vg
