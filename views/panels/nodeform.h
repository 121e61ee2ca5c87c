// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/domain/model.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

namespace vg {

class Document;

// Every field of one node (FORMAT.md: id, kind, name, description, tags, people's count and
// regions, stores, attributes, the vendor's due diligence), editable. Each field is checked
// as it is typed (validateNodeEdit) and applied when it is finished (Enter, focus out), as
// one undoable edit; typing in one field again merges with the previous edit.
class NodeForm final : public QWidget {
    Q_OBJECT
public:
    explicit NodeForm(Document *doc, QWidget *parent = nullptr);
    void load(const QString &nodeId);
    QString nodeId() const { return m_id; }
    // The field widget for a form path such as "/name" (tests drive the form through it).
    QWidget *field(const QString &name) const { return m_fields.value(name); }
    QString message() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Node candidate(std::vector<Problem> *problems) const;
    void check(const QString &field, bool apply);
    void addStoreRow(const StoredData &s);
    void addAttributeRow(const QString &key, const QString &value);
    void updateKindRows();

    Document *m_doc;
    QString m_id;
    bool m_loading = false;
    QHash<QString, QWidget *> m_fields;
    QLineEdit *m_idEdit, *m_name, *m_tags, *m_count, *m_regions, *m_regionCounts;
    QComboBox *m_kind;
    QPlainTextEdit *m_description;
    QTableWidget *m_stores, *m_attributes;
    QGroupBox *m_people, *m_vendor;
    QComboBox *m_tier, *m_dpa, *m_exit;
    QLineEdit *m_certs, *m_vendorRegions, *m_rating, *m_assessed, *m_contractEnd;
    QLabel *m_message;
};

} // namespace vg
