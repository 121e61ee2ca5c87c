// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/team/historytablemodel.h"

namespace vg {

HistoryTableModel::HistoryTableModel(QObject *parent) : QAbstractTableModel(parent) { }

void HistoryTableModel::setEntries(std::vector<HistoryEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

int HistoryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HistoryTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant HistoryTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const HistoryEntry &h = m_entries[std::size_t(index.row())];
    if (role == Qt::UserRole && index.column() == When)
        return h.at;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case When: return h.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Who: return h.author;
    case Item: return h.kind == ItemKind::Meta ? tr("(model)") : toString(h.kind) + QLatin1Char(' ') + h.itemId;
    case Field:
        if (h.field == u"published" && !h.before && !h.after)
            return h.itemId.isEmpty() ? tr("published") : tr("created by the publish");
        if (!h.field.isEmpty())
            return h.field;
        return h.after ? tr("created") : tr("removed");
    case Before: return h.before.value_or(QString());
    case After: return h.after.value_or(QString());
    case Summary: return tr("r%1 %2").arg(h.revision).arg(h.summary);
    }
    return {};
}

QVariant HistoryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When: return tr("When");
    case Who: return tr("Who");
    case Item: return tr("Item");
    case Field: return tr("Field");
    case Before: return tr("Before");
    case After: return tr("After");
    case Summary: return tr("Edit");
    }
    return {};
}

} // namespace vg
