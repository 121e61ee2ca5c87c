// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/itemmodels/tablemodel.h"

namespace vg {

TableModel::TableModel(QObject *parent) : QAbstractTableModel(parent) { }

void TableModel::setTable(Table table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int TableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_table.rows.size()); }

int TableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.headers.size());
}

QVariant TableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto &row = m_table.rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return std::size_t(index.column()) < row.size() ? row[std::size_t(index.column())] : QVariant();
    case Qt::UserRole: return m_table.rowIds.value(index.row());
    case KeyRole: return m_table.columnKeys.value(index.column());
    case Qt::ToolTipRole:
        if (std::size_t(index.row()) < m_table.notes.size()
            && std::size_t(index.column()) < m_table.notes[std::size_t(index.row())].size())
            return m_table.notes[std::size_t(index.row())][std::size_t(index.column())];
        return {};
    default: return {};
    }
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_table.headers.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return m_table.headers[section];
    if (role == KeyRole)
        return m_table.columnKeys.value(section);
    return {};
}

} // namespace vg
