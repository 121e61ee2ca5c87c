// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/panels/naturalsortproxymodel.h"

namespace vg {

int naturalCompare(QStringView a, QStringView b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype ei = i, ej = j;
            while (ei < a.size() && a[ei].isDigit())
                ++ei;
            while (ej < b.size() && b[ej].isDigit())
                ++ej;
            // Compare by value: strip leading zeros, then the longer number is larger.
            QStringView na = a.sliced(i, ei - i), nb = b.sliced(j, ej - j);
            while (na.size() > 1 && na.front() == u'0')
                na = na.sliced(1);
            while (nb.size() > 1 && nb.front() == u'0')
                nb = nb.sliced(1);
            if (na.size() != nb.size())
                return na.size() < nb.size() ? -1 : 1;
            if (const int c = na.compare(nb); c != 0)
                return c;
            i = ei;
            j = ej;
            continue;
        }
        const QChar ca = a[i].toCaseFolded(), cb = b[j].toCaseFolded();
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    return (a.size() - i) < (b.size() - j) ? -1 : ((a.size() - i) > (b.size() - j) ? 1 : 0);
}

NaturalSortProxyModel::NaturalSortProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

bool NaturalSortProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(Qt::DisplayRole), r = right.data(Qt::DisplayRole);
    if (l.typeId() == QMetaType::Int || l.typeId() == QMetaType::LongLong || l.typeId() == QMetaType::Double)
        return QVariant::compare(l, r) == QPartialOrdering::Less;
    return naturalCompare(l.toString(), r.toString()) < 0;
}

} // namespace vg
