// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;
class QTableWidget;

namespace vg {

class Document;

// Categories: the taxonomy in force, with each category's tier and flags and where it comes
// from (built in, overridden by this model, or the model's own). The user adds categories,
// overrides a built-in one's name, tier or flags, or removes an override or an unused
// category of the model's own; each is one undoable edit, applied at once.
class CategoriesDialog final : public QDialog {
    Q_OBJECT
public:
    explicit CategoriesDialog(Document *doc, QWidget *parent = nullptr);
    QTableWidget *table() const { return m_table; }

private:
    void reload();
    void addCategory();
    void editSelected();
    void removeSelected();
    QString selectedId() const;

    Document *m_doc;
    QLineEdit *m_search;
    QTableWidget *m_table;
    QPushButton *m_edit, *m_remove;
};

} // namespace vg
