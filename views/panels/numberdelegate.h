// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QStyledItemDelegate>

namespace vg {

// Shows numbers the way people read them: thousands separated, scores and weights with one
// decimal, right-aligned; other values as they are. The model keeps plain numbers, so that
// sorting stays numeric.
class NumberDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QString displayText(const QVariant &value, const QLocale &viewLocale) const override
    {
        QLocale locale = viewLocale; // the item view's locale omits group separators
        locale.setNumberOptions({});
        switch (value.typeId()) {
        case QMetaType::Double:
        case QMetaType::Float: return locale.toString(value.toDouble(), 'f', 1);
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Long: return locale.toString(value.toLongLong());
        default: break;
        }
        return QStyledItemDelegate::displayText(value, viewLocale);
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const int t = index.data().typeId();
        if (t == QMetaType::Double || t == QMetaType::Int || t == QMetaType::LongLong || t == QMetaType::UInt
            || t == QMetaType::ULongLong || t == QMetaType::Float || t == QMetaType::Long)
            option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
    }
};

} // namespace vg
