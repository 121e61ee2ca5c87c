// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/itemmodels/modelbrowsermodel.h"

#include "model/document/document.h"

namespace vg {

ModelBrowserModel::ModelBrowserModel(Document *doc, QObject *parent) : QAbstractItemModel(parent), m_doc(doc)
{
    connect(doc, &Document::modelReset, this, &ModelBrowserModel::reload);
    connect(doc, &Document::nodeAdded, this, [this](const QString &id) { add(m_doc->store().node(id)); });
    connect(doc, &Document::nodeAboutToBeRemoved, this, &ModelBrowserModel::remove);
    connect(doc, &Document::nodeChanged, this, &ModelBrowserModel::changed);
    connect(doc, &Document::nodeRenamed, this, [this](const QString &, const QString &id) { changed(id); });
    reload();
}

void ModelBrowserModel::reload()
{
    beginResetModel();
    for (HandleRows &g : m_groups)
        g.clear();
    m_groupOf.clear();
    m_doc->store().forEachNode([this](int h, const Node &n) {
        const int g = int(n.kind);
        if (std::size_t(h) >= m_groupOf.size())
            m_groupOf.resize(std::size_t(h) + 1, -1);
        m_groupOf[std::size_t(h)] = g;
        m_groups[std::size_t(g)].append(h);
    });
    endResetModel();
}

void ModelBrowserModel::add(int h)
{
    const int g = int(m_doc->store().nodeAt(h).kind);
    HandleRows &rows = m_groups[std::size_t(g)];
    beginInsertRows(index(g, 0), rows.size(), rows.size());
    if (std::size_t(h) >= m_groupOf.size())
        m_groupOf.resize(std::size_t(h) + 1, -1);
    m_groupOf[std::size_t(h)] = g;
    rows.append(h);
    endInsertRows();
}

void ModelBrowserModel::remove(const QString &id)
{
    const int h = m_doc->store().node(id);
    if (h < 0 || std::size_t(h) >= m_groupOf.size() || m_groupOf[std::size_t(h)] < 0)
        return;
    const int g = m_groupOf[std::size_t(h)];
    const int row = m_groups[std::size_t(g)].row(h);
    beginRemoveRows(index(g, 0), row, row);
    m_groups[std::size_t(g)].removeRow(row);
    m_groupOf[std::size_t(h)] = -1;
    endRemoveRows();
}

void ModelBrowserModel::changed(const QString &id)
{
    const int h = m_doc->store().node(id);
    if (h < 0 || std::size_t(h) >= m_groupOf.size())
        return;
    if (m_groupOf[std::size_t(h)] != int(m_doc->store().nodeAt(h).kind)) {
        remove(id);
        add(h);
        return;
    }
    const QModelIndex i = indexOf(id);
    Q_EMIT dataChanged(i, i.siblingAtColumn(ColumnCount - 1));
}

QModelIndex ModelBrowserModel::indexOf(const QString &nodeId) const
{
    const int h = m_doc->store().node(nodeId);
    if (h < 0 || std::size_t(h) >= m_groupOf.size() || m_groupOf[std::size_t(h)] < 0)
        return {};
    const int g = m_groupOf[std::size_t(h)];
    return createIndex(m_groups[std::size_t(g)].row(h), 0, quintptr(g));
}

QModelIndex ModelBrowserModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroup);
    return createIndex(row, column, quintptr(parent.row()));
}

QModelIndex ModelBrowserModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroup)
        return {};
    return createIndex(int(child.internalId()), 0, kGroup);
}

int ModelBrowserModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() == kGroup && parent.column() == 0)
        return m_groups[std::size_t(parent.row())].size();
    return 0;
}

int ModelBrowserModel::columnCount(const QModelIndex &) const { return ColumnCount; }

QVariant ModelBrowserModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kGroup) {
        const auto kind = NodeKind(index.row());
        if (role == KindRole)
            return index.row();
        if (role == Qt::UserRole)
            return QString();
        if (role != Qt::DisplayRole || index.column() != Name)
            return {};
        static const char *const names[] = {QT_TR_NOOP("People"), QT_TR_NOOP("Services"), QT_TR_NOOP("Vendors")};
        return tr("%1 (%2)").arg(tr(names[int(kind)])).arg(m_groups[std::size_t(index.row())].size());
    }
    const Node &n = m_doc->store().nodeAt(m_groups[index.internalId()].handle(index.row()));
    switch (role) {
    case Qt::UserRole: return n.id;
    case KindRole: return int(n.kind);
    case Qt::DisplayRole:
        if (index.column() == Id)
            return n.id;
        return n.name.isEmpty() ? n.id : n.name;
    case Qt::ToolTipRole: return n.description.isEmpty() ? n.id : n.id + QLatin1Char('\n') + n.description;
    default: return {};
    }
}

QVariant ModelBrowserModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == Name ? tr("Name") : tr("Id");
}

} // namespace vg
