// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/itemmodels/handlerows.h"

#include <QAbstractTableModel>

namespace vg {

class Document;

// The document's nodes as a table, one row per node in the order they were added. Follows
// the document's fine-grained signals: an edit touches its own row only. Name and
// description are editable; an edit becomes an undo command. Returns data only: colours and
// icons belong to views/. Qt::UserRole is the node id.
class NodeTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Kind, Name, People, Holds, Description, ColumnCount };
    explicit NodeTableModel(Document *doc, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // The row of a node id, or -1.
    int rowOf(const QString &id) const;

private:
    void reload();
    void rowChanged(const QString &id);

    Document *m_doc;
    HandleRows m_rows;
};

} // namespace vg
