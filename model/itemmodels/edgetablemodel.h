// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/itemmodels/handlerows.h"

#include <QAbstractTableModel>

namespace vg {

class Document;

// The document's edges as a read-only table, one row per edge; follows the document's
// fine-grained signals. Qt::UserRole is the edge id.
class EdgeTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, From, To, Kind, Detail, Description, ColumnCount };
    explicit EdgeTableModel(Document *doc, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int rowOf(const QString &id) const;

private:
    void reload();
    void rowChanged(const QString &id);

    Document *m_doc;
    HandleRows m_rows;
};

} // namespace vg
