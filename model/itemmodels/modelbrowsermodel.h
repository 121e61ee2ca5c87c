// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/model.h"
#include "model/itemmodels/handlerows.h"

#include <QAbstractItemModel>

#include <array>

namespace vg {

class Document;

// The model browser's tree: three groups (people, services, vendors) with their nodes as
// children, in the order they were added. Column 0 is the name (the id when a node has
// none), column 1 the id. Follows the document's fine-grained signals; a node whose kind
// changes moves to its new group. Qt::UserRole is the node id (empty for a group), KindRole
// the NodeKind as an int.
class ModelBrowserModel final : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role { KindRole = Qt::UserRole + 1 };
    enum Column { Name, Id, ColumnCount };
    explicit ModelBrowserModel(Document *doc, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The index (column 0) of a node, or an invalid one.
    QModelIndex indexOf(const QString &nodeId) const;

private:
    static constexpr quintptr kGroup = 0xff;
    void reload();
    void add(int handle);
    void remove(const QString &id);
    void changed(const QString &id);

    Document *m_doc;
    std::array<HandleRows, 3> m_groups;
    std::vector<int> m_groupOf; // handle -> group, -1
};

} // namespace vg
