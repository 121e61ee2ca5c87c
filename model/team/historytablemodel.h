// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/team/historyentry.h"

#include <QAbstractTableModel>

#include <vector>

namespace vg {

// History entries as a table for the history panel: when, who, item, field, before, after and
// the edit's summary. Data only; a "created"/"removed" entry shows the whole item in before or
// after. Display times are local; sorting by When uses the UTC time (Qt::UserRole).
class HistoryTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { When, Who, Item, Field, Before, After, Summary, ColumnCount };

    explicit HistoryTableModel(QObject *parent = nullptr);

    void setEntries(std::vector<HistoryEntry> entries);
    const std::vector<HistoryEntry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<HistoryEntry> m_entries;
};

} // namespace vg
