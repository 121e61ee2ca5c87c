// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/itemmodels/tablemodels.h"

#include "model/document/document.h"

#include <QLocale>

namespace vg {

NodeTableModel::NodeTableModel(Document *doc, QObject *parent) : QAbstractTableModel(parent), m_doc(doc)
{
    connect(doc, &Document::modelReset, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(doc, &Document::nodeChanged, this,
            [this](int row) { Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1)); });
}

int NodeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_doc->model().nodes.size());
}

int NodeTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant NodeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &n = m_doc->model().nodes[std::size_t(index.row())];
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
    const Node &n = m_doc->model().nodes[std::size_t(index.row())];
    const auto field = index.column() == Name ? Document::NodeText::Name : Document::NodeText::Description;
    if (m_doc->nodeText(n.id, field) == value.toString())
        return false;
    m_doc->undoStack()->push(new EditNodeTextCommand(m_doc, n.id, field, value.toString()));
    return true;
}

EdgeTableModel::EdgeTableModel(Document *doc, QObject *parent) : QAbstractTableModel(parent), m_doc(doc)
{
    connect(doc, &Document::modelReset, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

int EdgeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_doc->model().edges.size());
}

int EdgeTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant EdgeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Edge &e = m_doc->model().edges[std::size_t(index.row())];
    if (role == Qt::UserRole)
        return e.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Id: return e.id;
    case From: return e.from;
    case To: return e.to;
    case Kind: return toString(e.kind);
    case Detail:
        switch (e.kind) {
        case EdgeKind::Data: {
            QString s = e.categories.join(u", ");
            if (e.records)
                s += tr(" · %1 records").arg(QLocale().toString(*e.records));
            if (e.encryption)
                s += QStringLiteral(" · ") + toString(*e.encryption);
            return s;
        }
        case EdgeKind::Access:
            return tr("%1 credential%2").arg(toString(e.scope), e.stored ? tr(", stored") : tr(", not stored"));
        case EdgeKind::Code: return tr("code runs in %1").arg(e.to);
        case EdgeKind::Hosts: return tr("hosts %1").arg(e.to);
        }
        return {};
    case Description: return e.source.isEmpty() ? e.description : tr("%1 (source: %2)").arg(e.description, e.source);
    default: return {};
    }
}

QVariant EdgeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id: return tr("Id");
    case From: return tr("From");
    case To: return tr("To");
    case Kind: return tr("Kind");
    case Detail: return tr("Carries");
    case Description: return tr("Description");
    default: return {};
    }
}

} // namespace vg
