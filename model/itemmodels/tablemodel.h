// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace vg {

// A table of values with an id per row: what the analysis views show (obligations, affected
// populations, the category matrix, what was not exposed, concentration). Cells hold plain
// values (numbers stay numbers, so that sorting is numeric); Qt::UserRole is the row's id;
// KeyRole a column's key (a category id for the matrix); ToolTipRole a cell's note.
struct Table {
    QStringList headers;
    QStringList columnKeys; // optional, one per column
    std::vector<std::vector<QVariant>> rows;
    std::vector<std::vector<QString>> notes; // optional, like rows
    QStringList rowIds;
};

class TableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { KeyRole = Qt::UserRole + 1 };
    explicit TableModel(QObject *parent = nullptr);
    void setTable(Table table);
    const Table &table() const { return m_table; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Table m_table;
};

} // namespace vg
