// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/panels/nodeform.h"

#include "model/commands/changecommand.h"
#include "model/commands/edits.h"
#include "model/document/document.h"
#include "model/document/itemvalidation.h"
#include "views/panels/formsupport.h"

#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vg {

namespace {

QTableWidget *makeGrid(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setMinimumHeight(90);
    t->setMaximumHeight(170);
    return t;
}

} // namespace

NodeForm::NodeForm(Document *doc, QWidget *parent) : QWidget(parent), m_doc(doc)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(6, 6, 6, 6);
    auto *basic = new QFormLayout;
    m_idEdit = new QLineEdit(this);
    m_kind = new QComboBox(this);
    m_kind->addItems({tr("People"), tr("Service"), tr("Vendor")});
    m_name = new QLineEdit(this);
    m_description = new QPlainTextEdit(this);
    m_description->setMaximumHeight(64);
    m_description->setTabChangesFocus(true);
    m_description->installEventFilter(this);
    m_tags = new QLineEdit(this);
    m_tags->setPlaceholderText(tr("comma-separated"));
    basic->addRow(tr("&Id"), m_idEdit);
    basic->addRow(tr("&Kind"), m_kind);
    basic->addRow(tr("&Name"), m_name);
    basic->addRow(tr("&Description"), m_description);
    basic->addRow(tr("&Tags"), m_tags);
    outer->addLayout(basic);

    m_people = new QGroupBox(tr("Population"), this);
    auto *people = new QFormLayout(m_people);
    m_count = new QLineEdit(m_people);
    m_count->setPlaceholderText(tr("how many people"));
    m_regions = new QLineEdit(m_people);
    m_regions->setPlaceholderText(tr("where they live: US, US-CA, EU, DE, ..."));
    m_regionCounts = new QLineEdit(m_people);
    m_regionCounts->setPlaceholderText(tr("optional: US-CA=1200000, DE=80000"));
    m_regionCounts->setToolTip(
        tr("How many of them live in a region (for thresholds such as California's 500 residents)"));
    people->addRow(tr("&Count"), m_count);
    people->addRow(tr("&Regions"), m_regions);
    people->addRow(tr("Counts &by region"), m_regionCounts);
    outer->addWidget(m_people);

    auto *storesBox = new QGroupBox(tr("Stores (data held at rest)"), this);
    auto *storesLayout = new QVBoxLayout(storesBox);
    m_stores = makeGrid({tr("Category"), tr("Records"), tr("Encryption"), tr("Key holder"), tr("Subjects")}, storesBox);
    m_stores->setToolTip(tr("Key holder: the node that holds the key of external-key data. Subjects: the people "
                            "nodes the data is about, when no data flow from them says so."));
    auto *storeButtons = new QHBoxLayout;
    auto *addStore = new QPushButton(tr("Add St&ore"), storesBox);
    auto *removeStore = new QPushButton(tr("Remove Store"), storesBox);
    storeButtons->addWidget(addStore);
    storeButtons->addWidget(removeStore);
    storeButtons->addStretch(1);
    storesLayout->addWidget(m_stores);
    storesLayout->addLayout(storeButtons);
    outer->addWidget(storesBox);
    connect(addStore, &QPushButton::clicked, this, [this] {
        StoredData fresh;
        fresh.category = QStringLiteral("ID.ACCOUNT");
        addStoreRow(fresh);
        check(QStringLiteral("stores"), true);
    });
    connect(removeStore, &QPushButton::clicked, this, [this] {
        if (m_stores->currentRow() >= 0) {
            m_stores->removeRow(m_stores->currentRow());
            check(QStringLiteral("stores"), true);
        }
    });

    m_vendor = new QGroupBox(tr("Vendor due diligence"), this);
    auto *vendor = new QFormLayout(m_vendor);
    m_tier = new QComboBox(m_vendor);
    m_tier->addItems({tr("—"), tr("1 critical"), tr("2 significant"), tr("3 standard"), tr("4 minimal")});
    m_dpa = new QComboBox(m_vendor);
    m_dpa->addItems({tr("unknown"), tr("signed"), tr("not signed")});
    m_certs = new QLineEdit(m_vendor);
    m_certs->setPlaceholderText(tr("SOC 2 Type II, ISO 27001, ..."));
    m_vendorRegions = new QLineEdit(m_vendor);
    m_vendorRegions->setPlaceholderText(tr("processing locations: US, EU, ..."));
    m_rating = new QLineEdit(m_vendor);
    m_assessed = new QLineEdit(m_vendor);
    m_assessed->setPlaceholderText(QStringLiteral("YYYY-MM-DD"));
    m_contractEnd = new QLineEdit(m_vendor);
    m_contractEnd->setPlaceholderText(QStringLiteral("YYYY-MM-DD"));
    m_exit = new QComboBox(m_vendor);
    m_exit->addItems({tr("—"), tr("tested"), tr("documented"), tr("none")});
    vendor->addRow(tr("Ti&er"), m_tier);
    vendor->addRow(tr("D&PA"), m_dpa);
    vendor->addRow(tr("Certi&fications"), m_certs);
    vendor->addRow(tr("Processing re&gions"), m_vendorRegions);
    vendor->addRow(tr("Security &rating"), m_rating);
    vendor->addRow(tr("Last &assessed"), m_assessed);
    vendor->addRow(tr("Contract &end"), m_contractEnd);
    vendor->addRow(tr("E&xit plan"), m_exit);
    outer->addWidget(m_vendor);

    auto *attrBox = new QGroupBox(tr("Attributes"), this);
    auto *attrLayout = new QVBoxLayout(attrBox);
    m_attributes = makeGrid({tr("Key"), tr("Value")}, attrBox);
    auto *attrButtons = new QHBoxLayout;
    auto *addAttr = new QPushButton(tr("Add Attri&bute"), attrBox);
    auto *removeAttr = new QPushButton(tr("Remove Attribute"), attrBox);
    attrButtons->addWidget(addAttr);
    attrButtons->addWidget(removeAttr);
    attrButtons->addStretch(1);
    attrLayout->addWidget(m_attributes);
    attrLayout->addLayout(attrButtons);
    outer->addWidget(attrBox);
    connect(addAttr, &QPushButton::clicked, this, [this] {
        QString key = QStringLiteral("key");
        for (int i = 2; !m_attributes->findItems(key, Qt::MatchExactly).isEmpty(); ++i)
            key = QStringLiteral("key%1").arg(i);
        addAttributeRow(key, QString());
        check(QStringLiteral("attributes"), true);
    });
    connect(removeAttr, &QPushButton::clicked, this, [this] {
        if (m_attributes->currentRow() >= 0) {
            m_attributes->removeRow(m_attributes->currentRow());
            check(QStringLiteral("attributes"), true);
        }
    });
    connect(m_attributes, &QTableWidget::itemChanged, this, [this] { check(QStringLiteral("attributes"), true); });

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outer->addWidget(m_message);
    outer->addStretch(1);

    m_fields = {{QStringLiteral("id"), m_idEdit},
                {QStringLiteral("kind"), m_kind},
                {QStringLiteral("name"), m_name},
                {QStringLiteral("description"), m_description},
                {QStringLiteral("tags"), m_tags},
                {QStringLiteral("count"), m_count},
                {QStringLiteral("regions"), m_regions},
                {QStringLiteral("stores"), m_stores},
                {QStringLiteral("attributes"), m_attributes},
                {QStringLiteral("vendor/tier"), m_tier},
                {QStringLiteral("vendor/dpa"), m_dpa},
                {QStringLiteral("vendor/certifications"), m_certs},
                {QStringLiteral("vendor/regions"), m_vendorRegions},
                {QStringLiteral("vendor/security_rating"), m_rating},
                {QStringLiteral("vendor/last_assessed"), m_assessed},
                {QStringLiteral("vendor/contract_end"), m_contractEnd},
                {QStringLiteral("vendor/exit_plan"), m_exit}};
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
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] { check(QStringLiteral("description"), false); });
}

QString NodeForm::message() const { return m_message->text(); }

bool NodeForm::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_description && event->type() == QEvent::FocusOut)
        check(QStringLiteral("description"), true);
    return QWidget::eventFilter(watched, event);
}

void NodeForm::addStoreRow(const StoredData &s)
{
    const int row = m_stores->rowCount();
    m_stores->insertRow(row);
    auto *cat = new QComboBox(m_stores);
    cat->setEditable(true);
    QStringList ids;
    for (const Category &c : m_doc->taxonomy().all())
        ids << c.id;
    cat->addItems(ids);
    cat->setCurrentText(s.category);
    cat->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    cat->completer()->setFilterMode(Qt::MatchContains);
    auto *records = new QLineEdit(s.records ? QString::number(*s.records) : QString(), m_stores);
    records->setPlaceholderText(tr("unknown"));
    auto *enc = new QComboBox(m_stores);
    enc->addItems({tr("—"), QStringLiteral("none"), QStringLiteral("holder-key"), QStringLiteral("external-key")});
    enc->setCurrentIndex(s.encryption ? int(*s.encryption) + 1 : 0);
    auto *holder = new QLineEdit(s.keyHolder, m_stores);
    holder->setPlaceholderText(tr("node id"));
    auto *subjects = new QLineEdit(s.subjects.join(QStringLiteral(", ")), m_stores);
    subjects->setPlaceholderText(tr("people ids"));
    m_stores->setCellWidget(row, 0, cat);
    m_stores->setCellWidget(row, 1, records);
    m_stores->setCellWidget(row, 2, enc);
    m_stores->setCellWidget(row, 3, holder);
    m_stores->setCellWidget(row, 4, subjects);
    connect(holder, &QLineEdit::editingFinished, this, [this] { check(QStringLiteral("stores"), true); });
    connect(subjects, &QLineEdit::editingFinished, this, [this] { check(QStringLiteral("stores"), true); });
    connect(cat, &QComboBox::activated, this, [this] { check(QStringLiteral("stores"), true); });
    connect(cat->lineEdit(), &QLineEdit::editingFinished, this, [this] { check(QStringLiteral("stores"), true); });
    connect(records, &QLineEdit::editingFinished, this, [this] { check(QStringLiteral("stores"), true); });
    connect(enc, &QComboBox::activated, this, [this] { check(QStringLiteral("stores"), true); });
}

void NodeForm::addAttributeRow(const QString &key, const QString &value)
{
    const bool was = m_attributes->blockSignals(true);
    const int row = m_attributes->rowCount();
    m_attributes->insertRow(row);
    m_attributes->setItem(row, 0, new QTableWidgetItem(key));
    m_attributes->setItem(row, 1, new QTableWidgetItem(value));
    m_attributes->blockSignals(was);
}

void NodeForm::updateKindRows()
{
    const auto kind = NodeKind(m_kind->currentIndex());
    m_people->setVisible(kind == NodeKind::People);
    m_vendor->setVisible(kind == NodeKind::Vendor);
}

void NodeForm::load(const QString &nodeId)
{
    const Node *n = m_doc->store().findNode(nodeId);
    m_id = nodeId;
    if (!n)
        return;
    m_loading = true;
    m_idEdit->setText(n->id);
    m_kind->setCurrentIndex(int(n->kind));
    m_name->setText(n->name);
    if (m_description->toPlainText() != n->description)
        m_description->setPlainText(n->description);
    m_tags->setText(form::joinList(n->tags));
    m_count->setText(n->count ? QString::number(*n->count) : QString());
    m_regions->setText(form::joinList(n->regions));
    QStringList counts;
    for (auto it = n->regionCounts.cbegin(); it != n->regionCounts.cend(); ++it)
        counts << QStringLiteral("%1=%2").arg(it.key()).arg(*it);
    m_regionCounts->setText(form::joinList(counts));
    m_stores->setRowCount(0);
    for (const StoredData &s : n->stores)
        addStoreRow(s);
    m_attributes->setRowCount(0);
    for (auto it = n->attributes.cbegin(); it != n->attributes.cend(); ++it)
        addAttributeRow(it.key(), it.value());
    const VendorProfile v = n->vendor.value_or(VendorProfile());
    m_tier->setCurrentIndex(v.tier.value_or(0));
    m_dpa->setCurrentIndex(v.dpa ? (*v.dpa ? 1 : 2) : 0);
    m_certs->setText(form::joinList(v.certifications));
    m_vendorRegions->setText(form::joinList(v.regions));
    m_rating->setText(v.securityRating);
    m_assessed->setText(v.lastAssessed.isValid() ? v.lastAssessed.toString(Qt::ISODate) : QString());
    m_contractEnd->setText(v.contractEnd.isValid() ? v.contractEnd.toString(Qt::ISODate) : QString());
    m_exit->setCurrentIndex(v.exitPlan ? int(*v.exitPlan) + 1 : 0);
    updateKindRows();
    for (QWidget *w : std::as_const(m_fields))
        form::markInvalid(w, QString());
    m_message->clear();
    m_loading = false;
}

Node NodeForm::candidate(std::vector<Problem> *problems) const
{
    const Node *current = m_doc->store().findNode(m_id);
    Node n = current ? *current : Node();
    n.id = m_idEdit->text().trimmed();
    n.kind = NodeKind(m_kind->currentIndex());
    n.name = m_name->text();
    n.description = m_description->toPlainText();
    n.tags = form::splitList(m_tags->text());
    n.count.reset();
    n.regions.clear();
    n.regionCounts.clear();
    n.vendor.reset();
    if (n.kind == NodeKind::People) {
        n.count = form::parseCount(m_count->text(), QStringLiteral("/count"), problems);
        n.regions = form::splitList(m_regions->text().toUpper());
        for (const QString &part : form::splitList(m_regionCounts->text())) {
            const QString region = part.section(QLatin1Char('='), 0, 0).trimmed().toUpper();
            const auto count =
                form::parseCount(part.section(QLatin1Char('='), 1), QStringLiteral("/region_counts"), problems);
            if (region.isEmpty() || !part.contains(QLatin1Char('=')) || !count)
                problems->push_back(
                    {QStringLiteral("/region_counts"), tr("expected REGION=COUNT, found \"%1\"").arg(part)});
            else
                n.regionCounts.insert(region, *count);
        }
    }
    n.stores.clear();
    for (int r = 0; r < m_stores->rowCount(); ++r) {
        StoredData s;
        s.category = static_cast<QComboBox *>(m_stores->cellWidget(r, 0))->currentText().trimmed();
        s.records = form::parseCount(static_cast<QLineEdit *>(m_stores->cellWidget(r, 1))->text(),
                                     QStringLiteral("/stores/%1/records").arg(r), problems);
        const int enc = static_cast<QComboBox *>(m_stores->cellWidget(r, 2))->currentIndex();
        if (enc > 0)
            s.encryption = Encryption(enc - 1);
        s.keyHolder = static_cast<QLineEdit *>(m_stores->cellWidget(r, 3))->text().trimmed();
        s.subjects = form::splitList(static_cast<QLineEdit *>(m_stores->cellWidget(r, 4))->text());
        n.stores.push_back(std::move(s));
    }
    n.attributes.clear();
    for (int r = 0; r < m_attributes->rowCount(); ++r) {
        const QString key = m_attributes->item(r, 0) ? m_attributes->item(r, 0)->text().trimmed() : QString();
        if (key.isEmpty())
            continue;
        if (n.attributes.contains(key))
            problems->push_back({QStringLiteral("/attributes"), tr("the key \"%1\" is listed twice").arg(key)});
        n.attributes.insert(key, m_attributes->item(r, 1) ? m_attributes->item(r, 1)->text() : QString());
    }
    if (n.kind == NodeKind::Vendor) {
        VendorProfile v;
        if (m_tier->currentIndex() > 0)
            v.tier = m_tier->currentIndex();
        if (m_dpa->currentIndex() > 0)
            v.dpa = m_dpa->currentIndex() == 1;
        v.certifications = form::splitList(m_certs->text());
        v.regions = form::splitList(m_vendorRegions->text().toUpper());
        v.securityRating = m_rating->text().trimmed();
        v.lastAssessed = form::parseDate(m_assessed->text(), QStringLiteral("/vendor/last_assessed"), problems);
        v.contractEnd = form::parseDate(m_contractEnd->text(), QStringLiteral("/vendor/contract_end"), problems);
        if (m_exit->currentIndex() > 0)
            v.exitPlan = ExitPlan(m_exit->currentIndex() - 1);
        // An empty profile is no profile: the file stays as it was.
        if (v != VendorProfile() || (current && current->vendor))
            n.vendor = v;
    }
    return n;
}

void NodeForm::check(const QString &field, bool apply)
{
    if (m_loading || m_id.isEmpty() || !m_doc->store().findNode(m_id))
        return;
    std::vector<Problem> problems;
    const Node n = candidate(&problems);
    for (Problem &p : validateNodeEdit(*m_doc, m_id, n))
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
    if (!apply || !problems.empty() || n == *m_doc->store().findNode(m_id))
        return;
    const QString oldId = m_id;
    m_id = n.id; // a rename: the form now edits the renamed node
    m_doc->undoStack()->push(new ChangeCommand(m_doc, replaceNode(*m_doc, oldId, n),
                                               tr("Edit %1 of %2").arg(field, n.id), CommandId::EditItem,
                                               n.id + QLatin1Char('/') + field));
}

} // namespace vg
