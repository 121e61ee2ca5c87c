// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>

namespace vg {

class Document;

// The document's nodes as a table. Name and description are editable; an edit becomes an
// undo command on the document. Returns data only: colours and icons belong to views/.
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

private:
    Document *m_doc;
};

// The document's edges as a read-only table.
class EdgeTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, From, To, Kind, Detail, Description, ColumnCount };
    explicit EdgeTableModel(Document *doc, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Document *m_doc;
};

} // namespace vg
