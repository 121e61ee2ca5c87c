// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/panels/edgeform.h"

#include "model/commands/changecommand.h"
#include "model/commands/edits.h"
#include "model/document/document.h"
#include "model/document/itemvalidation.h"
#include "views/dialogs/prompter.h"
#include "views/panels/formsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QVBoxLayout>

namespace vg {

EdgeForm::EdgeForm(Document *doc, Prompter *prompter, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_prompter(prompter)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(6, 6, 6, 6);
    auto *basic = new QFormLayout;
    m_idEdit = new QLineEdit(this);
    m_from = new QLineEdit(this);
    m_to = new QLineEdit(this);
    // Completion over node ids, built when a field gets focus (a big model has many).
    for (QLineEdit *end : {m_from, m_to}) {
        auto *completer = new QCompleter(new QStringListModel(end), end);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        end->setCompleter(completer);
        end->installEventFilter(this);
    }
    m_kind = new QComboBox(this);
    m_kind->addItems({tr("data"), tr("access"), tr("code"), tr("hosts")});
    basic->addRow(tr("&Id"), m_idEdit);
    basic->addRow(tr("&From"), m_from);
    basic->addRow(tr("&To"), m_to);
    basic->addRow(tr("&Kind"), m_kind);
    outer->addLayout(basic);

    m_data = new QGroupBox(tr("Data flow"), this);
    auto *data = new QFormLayout(m_data);
    m_categoryList = new QLabel(m_data);
    m_categoryList->setWordWrap(true);
    m_editCategories = new QPushButton(tr("&Edit Categories..."), m_data);
    m_records = new QLineEdit(m_data);
    m_records->setPlaceholderText(tr("how many records flow (unknown)"));
    m_encryption = new QComboBox(m_data);
    m_encryption->addItems(
        {tr("—"), QStringLiteral("none"), QStringLiteral("holder-key"), QStringLiteral("external-key")});
    data->addRow(tr("Categories"), m_categoryList);
    data->addRow(QString(), m_editCategories);
    m_keyHolder = new QLineEdit(m_data);
    m_keyHolder->setPlaceholderText(tr("external-key: the node holding the key"));
    m_subjects = new QLineEdit(m_data);
    m_subjects->setPlaceholderText(tr("people ids the data is about (when no flow says so)"));
    data->addRow(tr("&Records"), m_records);
    data->addRow(tr("E&ncryption"), m_encryption);
    data->addRow(tr("Key &holder"), m_keyHolder);
    data->addRow(tr("Su&bjects"), m_subjects);
    outer->addWidget(m_data);
    connect(m_editCategories, &QPushButton::clicked, this, &EdgeForm::editCategories);

    m_access = new QGroupBox(tr("Credential"), this);
    auto *access = new QFormLayout(m_access);
    m_scope = new QComboBox(m_access);
    m_scope->addItems({QStringLiteral("read"), QStringLiteral("write"), QStringLiteral("admin")});
    m_stored = new QCheckBox(tr("&Stored in the source's data"), m_access);
    access->addRow(tr("&Scope"), m_scope);
    access->addRow(QString(), m_stored);
    outer->addWidget(m_access);

    auto *about = new QFormLayout;
    m_description = new QPlainTextEdit(this);
    m_description->setMaximumHeight(64);
    m_description->setTabChangesFocus(true);
    m_description->installEventFilter(this);
    m_source = new QLineEdit(this);
    m_source->setPlaceholderText(tr("where the fact comes from: contract, DPA, interview, code scan"));
    m_confirmed = new QLineEdit(this);
    m_confirmed->setPlaceholderText(QStringLiteral("YYYY-MM-DD"));
    about->addRow(tr("&Description"), m_description);
    about->addRow(tr("So&urce"), m_source);
    about->addRow(tr("&Confirmed"), m_confirmed);
    outer->addLayout(about);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    outer->addWidget(m_message);
    outer->addStretch(1);

    m_fields = {{QStringLiteral("id"), m_idEdit},
                {QStringLiteral("from"), m_from},
                {QStringLiteral("to"), m_to},
                {QStringLiteral("kind"), m_kind},
                {QStringLiteral("categories"), m_categoryList},
                {QStringLiteral("records"), m_records},
                {QStringLiteral("encryption"), m_encryption},
                {QStringLiteral("scope"), m_scope},
                {QStringLiteral("stored"), m_stored},
                {QStringLiteral("description"), m_description},
                {QStringLiteral("source"), m_source},
                {QStringLiteral("confirmed"), m_confirmed}};
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const QString name = it.key();
        if (auto *line = qobject_cast<QLineEdit *>(*it)) {
            connect(line, &QLineEdit::textEdited, this, [this, name] { check(name, false); });
            connect(line, &QLineEdit::editingFinished, this, [this, name] { check(name, true); });
        } else if (auto *combo = qobject_cast<QComboBox *>(*it)) {
            connect(combo, &QComboBox::activated, this, [this, name] {
                if (name == u"kind")
                    updateKindRows();
                check(name, true);
            });
        }
    }
    connect(m_stored, &QCheckBox::toggled, this, [this] { check(QStringLiteral("stored"), true); });
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] { check(QStringLiteral("description"), false); });
}

QString EdgeForm::message() const { return m_message->text(); }

bool EdgeForm::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_description && event->type() == QEvent::FocusOut)
        check(QStringLiteral("description"), true);
    if ((watched == m_from || watched == m_to) && event->type() == QEvent::FocusIn) {
        auto *line = static_cast<QLineEdit *>(watched);
        auto *model = static_cast<QStringListModel *>(line->completer()->model());
        if (model->rowCount() != m_doc->store().nodeCount()) {
            QStringList ids;
            ids.reserve(m_doc->store().nodeCount());
            m_doc->store().forEachNode([&](int, const Node &n) { ids << n.id; });
            model->setStringList(ids);
        }
    }
    return QWidget::eventFilter(watched, event);
}

void EdgeForm::editCategories()
{
    const auto chosen = m_prompter->askCategories(this, m_doc->taxonomy(), m_categories);
    if (!chosen)
        return;
    m_categories = *chosen;
    m_categoryList->setText(m_categories.join(u", "));
    check(QStringLiteral("categories"), true);
}

void EdgeForm::updateKindRows()
{
    const auto kind = EdgeKind(m_kind->currentIndex());
    m_data->setVisible(kind == EdgeKind::Data);
    m_access->setVisible(kind == EdgeKind::Access);
}

void EdgeForm::load(const QString &edgeId)
{
    const Edge *e = m_doc->store().findEdge(edgeId);
    m_id = edgeId;
    if (!e)
        return;
    m_loading = true;
    m_idEdit->setText(e->id);
    m_from->setText(e->from);
    m_to->setText(e->to);
    m_kind->setCurrentIndex(int(e->kind));
    m_categories = e->categories;
    m_categoryList->setText(m_categories.join(u", "));
    m_records->setText(e->records ? QString::number(*e->records) : QString());
    m_encryption->setCurrentIndex(e->encryption ? int(*e->encryption) + 1 : 0);
    m_keyHolder->setText(e->keyHolder);
    m_subjects->setText(form::joinList(e->subjects));
    m_scope->setCurrentIndex(int(e->scope));
    m_stored->setChecked(e->stored);
    if (m_description->toPlainText() != e->description)
        m_description->setPlainText(e->description);
    m_source->setText(e->source);
    m_confirmed->setText(e->confirmed.isValid() ? e->confirmed.toString(Qt::ISODate) : QString());
    updateKindRows();
    for (QWidget *w : std::as_const(m_fields))
        form::markInvalid(w, QString());
    m_message->clear();
    m_loading = false;
}

Edge EdgeForm::candidate(std::vector<Problem> *problems) const
{
    const Edge *current = m_doc->store().findEdge(m_id);
    Edge e = current ? *current : Edge();
    e.id = m_idEdit->text().trimmed();
    e.from = m_from->text().trimmed();
    e.to = m_to->text().trimmed();
    e.kind = EdgeKind(m_kind->currentIndex());
    e.categories.clear();
    e.records.reset();
    e.encryption.reset();
    e.keyHolder.clear();
    e.subjects.clear();
    e.scope = Scope::Read;
    e.stored = true;
    if (e.kind == EdgeKind::Data) {
        e.categories = m_categories;
        e.records = form::parseCount(m_records->text(), QStringLiteral("/records"), problems);
        if (m_encryption->currentIndex() > 0)
            e.encryption = Encryption(m_encryption->currentIndex() - 1);
        e.keyHolder = m_keyHolder->text().trimmed();
        e.subjects = form::splitList(m_subjects->text());
    } else if (e.kind == EdgeKind::Access) {
        e.scope = Scope(m_scope->currentIndex());
        e.stored = m_stored->isChecked();
    }
    e.description = m_description->toPlainText();
    e.source = m_source->text();
    e.confirmed = form::parseDate(m_confirmed->text(), QStringLiteral("/confirmed"), problems);
    return e;
}

void EdgeForm::check(const QString &field, bool apply)
{
    if (m_loading || m_id.isEmpty() || !m_doc->store().findEdge(m_id))
        return;
    std::vector<Problem> problems;
    const Edge e = candidate(&problems);
    for (Problem &p : validateEdgeEdit(*m_doc, m_id, e))
        problems.push_back(std::move(p));
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        QString message;
        for (const Problem &p : problems) {
            const QString path = p.where.mid(1);
            if (path == it.key() || path.startsWith(it.key() + QLatin1Char('/')))
                message += (message.isEmpty() ? QString() : QStringLiteral("\n")) + p.what;
        }
        form::markInvalid(*it, message);
    }
    m_message->setText(form::describe(problems));
    if (!apply || !problems.empty() || e == *m_doc->store().findEdge(m_id))
        return;
    const QString oldId = m_id;
    m_id = e.id;
    m_doc->undoStack()->push(new ChangeCommand(m_doc, replaceEdge(*m_doc, oldId, e),
                                               tr("Edit %1 of %2").arg(field, e.id), CommandId::EditItem,
                                               e.id + QLatin1Char('/') + field));
}

} // namespace vg
