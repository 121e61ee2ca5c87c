// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/itemmodels/nodetablemodel.h"

#include "model/commands/changecommand.h"
#include "model/commands/edits.h"
#include "model/document/document.h"

#include <QLocale>

namespace vg {

NodeTableModel::NodeTableModel(Document *doc, QObject *parent) : QAbstractTableModel(parent), m_doc(doc)
{
    connect(doc, &Document::modelReset, this, &NodeTableModel::reload);
    connect(doc, &Document::nodeAdded, this, [this](const QString &id) {
        const int h = m_doc->store().node(id);
        beginInsertRows({}, m_rows.size(), m_rows.size());
        m_rows.append(h);
        endInsertRows();
    });
    connect(doc, &Document::nodeAboutToBeRemoved, this, [this](const QString &id) {
        const int row = rowOf(id);
        if (row < 0)
            return;
        beginRemoveRows({}, row, row);
        m_rows.removeRow(row);
        endRemoveRows();
    });
    connect(doc, &Document::nodeChanged, this, &NodeTableModel::rowChanged);
    connect(doc, &Document::nodeRenamed, this, [this](const QString &, const QString &id) { rowChanged(id); });
    reload();
}

void NodeTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_doc->store().forEachNode([this](int h, const Node &) { m_rows.append(h); });
    endResetModel();
}

void NodeTableModel::rowChanged(const QString &id)
{
    const int row = rowOf(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int NodeTableModel::rowOf(const QString &id) const { return m_rows.row(m_doc->store().node(id)); }

int NodeTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : m_rows.size(); }

int NodeTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant NodeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &n = m_doc->store().nodeAt(m_rows.handle(index.row()));
    if (role == Qt::UserRole)
        return n.id;
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Id: return n.id;
    case Kind: return toString(n.kind);
    case Name: return n.name;
    case People:
        if (role == Qt::EditRole)
            return n.count ? QVariant(*n.count) : QVariant();
        if (!n.count)
            return {};
        return QStringLiteral("%1 (%2)").arg(QLocale().toString(*n.count), n.regions.join(u", "));
    case Holds: {
        QStringList cats;
        for (const StoredData &s : n.stores)
            cats << s.category;
        return cats.join(u", ");
    }
    case Description: return n.description;
    default: return {};
    }
}

QVariant NodeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id: return tr("Id");
    case Kind: return tr("Kind");
    case Name: return tr("Name");
    case People: return tr("People (regions)");
    case Holds: return tr("Stores");
    case Description: return tr("Description");
    default: return {};
    }
}

Qt::ItemFlags NodeTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && (index.column() == Name || index.column() == Description))
        f |= Qt::ItemIsEditable;
    return f;
}

bool NodeTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid)
        || (index.column() != Name && index.column() != Description))
        return false;
    Node n = m_doc->store().nodeAt(m_rows.handle(index.row()));
    QString &field = index.column() == Name ? n.name : n.description;
    if (field == value.toString())
        return false;
    field = value.toString();
    const QString id = n.id;
    const bool name = index.column() == Name;
    m_doc->undoStack()->push(new ChangeCommand(m_doc, replaceNode(*m_doc, id, std::move(n)),
                                               name ? tr("Rename %1").arg(id) : tr("Edit description of %1").arg(id),
                                               CommandId::EditItem,
                                               id + (name ? QStringLiteral("/name") : QStringLiteral("/description"))));
    return true;
}

} // namespace vg
