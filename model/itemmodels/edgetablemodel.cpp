// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/itemmodels/edgetablemodel.h"

#include "model/document/document.h"

#include <QLocale>

namespace vg {

EdgeTableModel::EdgeTableModel(Document *doc, QObject *parent) : QAbstractTableModel(parent), m_doc(doc)
{
    connect(doc, &Document::modelReset, this, &EdgeTableModel::reload);
    connect(doc, &Document::edgeAdded, this, [this](const QString &id) {
        const int h = m_doc->store().edge(id);
        beginInsertRows({}, m_rows.size(), m_rows.size());
        m_rows.append(h);
        endInsertRows();
    });
    connect(doc, &Document::edgeAboutToBeRemoved, this, [this](const QString &id) {
        const int row = rowOf(id);
        if (row < 0)
            return;
        beginRemoveRows({}, row, row);
        m_rows.removeRow(row);
        endRemoveRows();
    });
    connect(doc, &Document::edgeChanged, this, &EdgeTableModel::rowChanged);
    connect(doc, &Document::edgeRenamed, this, [this](const QString &, const QString &id) { rowChanged(id); });
    reload();
}

void EdgeTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_doc->store().forEachEdge([this](int h, const Edge &) { m_rows.append(h); });
    endResetModel();
}

void EdgeTableModel::rowChanged(const QString &id)
{
    const int row = rowOf(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int EdgeTableModel::rowOf(const QString &id) const { return m_rows.row(m_doc->store().edge(id)); }

int EdgeTableModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : m_rows.size(); }

int EdgeTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant EdgeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Edge &e = m_doc->store().edgeAt(m_rows.handle(index.row()));
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
