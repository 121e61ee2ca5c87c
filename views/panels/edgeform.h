// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/domain/model.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QGroupBox;

namespace vg {

class Document;
class Prompter;

// Every field of one edge (id, ends, kind; a data edge's categories, records and
// encryption; an access edge's scope and whether the credential is stored; description,
// source and confirmation date), checked as typed and applied as one undoable edit when a
// field is finished. The categories open the searchable category picker.
class EdgeForm final : public QWidget {
    Q_OBJECT
public:
    EdgeForm(Document *doc, Prompter *prompter, QWidget *parent = nullptr);
    void load(const QString &edgeId);
    QString edgeId() const { return m_id; }
    QWidget *field(const QString &name) const { return m_fields.value(name); }
    QString message() const;
    // Opens the category picker (the "Edit..." button).
    void editCategories();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Edge candidate(std::vector<Problem> *problems) const;
    void check(const QString &field, bool apply);
    void updateKindRows();

    Document *m_doc;
    Prompter *m_prompter;
    QString m_id;
    QStringList m_categories;
    bool m_loading = false;
    QHash<QString, QWidget *> m_fields;
    QLineEdit *m_idEdit, *m_from, *m_to, *m_records, *m_source, *m_confirmed, *m_keyHolder, *m_subjects;
    QComboBox *m_kind, *m_encryption, *m_scope;
    QCheckBox *m_stored;
    QLabel *m_categoryList;
    QPushButton *m_editCategories;
    QPlainTextEdit *m_description;
    QGroupBox *m_data, *m_access;
    QLabel *m_message;
};

} // namespace vg
