// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QTreeWidget;

namespace vg {

class Taxonomy;

// The categories of a data edge: a searchable, checkable list grouped by the taxonomy's
// families (ID, CONTACT, CRED, ...) and coloured by tier, with each category's flags.
class CategoryPicker final : public QDialog {
    Q_OBJECT
public:
    CategoryPicker(const Taxonomy &taxonomy, const QStringList &checked, QWidget *parent = nullptr);
    QStringList checked() const;
    void setFilter(const QString &text);

private:
    void updateCount();

    QLineEdit *m_search;
    QTreeWidget *m_tree;
    QLabel *m_count;
};

// A small square of a tier's colour, for lists of categories.
QIcon tierIcon(int tier);

} // namespace vg
