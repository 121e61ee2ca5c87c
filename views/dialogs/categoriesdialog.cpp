// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/dialogs/categoriesdialog.h"

#include "model/commands/changecommand.h"
#include "model/document/document.h"
#include "model/domain/validate.h"
#include "views/dialogs/categorypicker.h"
#include "views/panels/formsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vg {

namespace {

// The small form for one category: a new one (id, name, tier, flags) or an override.
std::optional<CategoryDef> editCategory(QWidget *parent, const Document &doc, const CategoryDef &start, bool isNew,
                                        const Category *builtIn)
{
    QDialog d(parent);
    d.setWindowTitle(isNew ? QObject::tr("Add a category") : QObject::tr("Override %1").arg(start.id));
    auto *form = new QFormLayout(&d);
    auto *id = new QLineEdit(start.id, &d);
    id->setEnabled(isNew);
    id->setPlaceholderText(QStringLiteral("X.LOYALTY"));
    auto *name = new QLineEdit(start.name.value_or(builtIn ? builtIn->name : QString()), &d);
    auto *tier = new QComboBox(&d);
    tier->addItems({QObject::tr("1 critical"), QObject::tr("2 high"), QObject::tr("3 moderate"), QObject::tr("4 low")});
    for (int t = 1; t <= 4; ++t)
        tier->setItemIcon(t - 1, tierIcon(t));
    tier->setCurrentIndex(start.tier.value_or(builtIn ? builtIn->tier : 3) - 1);
    const QStringList flags = start.flags.value_or(builtIn ? flagNames(builtIn->flags) : QStringList());
    auto *pivot = new QCheckBox(QObject::tr("PIVOT: a credential; exposing it opens what it unlocks"), &d);
    auto *combo = new QCheckBox(QObject::tr("COMBO: a US breach-law element in combination with a name"), &d);
    auto *special = new QCheckBox(QObject::tr("SPECIAL: GDPR Art. 9/10 special category"), &d);
    pivot->setChecked(flags.contains(QStringLiteral("PIVOT")));
    combo->setChecked(flags.contains(QStringLiteral("COMBO")));
    special->setChecked(flags.contains(QStringLiteral("SPECIAL")));
    auto *message = new QLabel(&d);
    message->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    message->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &d);
    form->addRow(QObject::tr("&Id"), id);
    form->addRow(QObject::tr("&Name"), name);
    form->addRow(QObject::tr("&Tier"), tier);
    form->addRow(QObject::tr("Flags"), pivot);
    form->addRow(QString(), combo);
    form->addRow(QString(), special);
    form->addRow(message);
    form->addRow(buttons);
    CategoryDef result;
    QObject::connect(buttons, &QDialogButtonBox::rejected, &d, &QDialog::reject);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &d, [&] {
        result = CategoryDef();
        result.id = id->text().trimmed();
        result.name = name->text().trimmed();
        result.tier = tier->currentIndex() + 1;
        QStringList f;
        if (pivot->isChecked())
            f << QStringLiteral("PIVOT");
        if (combo->isChecked())
            f << QStringLiteral("COMBO");
        if (special->isChecked())
            f << QStringLiteral("SPECIAL");
        result.flags = f;
        Model probe;
        probe.categories = doc.categories();
        if (isNew && doc.taxonomy().contains(result.id)) {
            message->setText(QObject::tr("\"%1\" is already a category").arg(result.id));
            return;
        }
        probe.categories.push_back(result);
        const auto problems = validateModel(probe);
        if (!problems.empty()) {
            message->setText(form::describe(problems));
            return;
        }
        d.accept();
    });
    if (d.exec() != QDialog::Accepted)
        return std::nullopt;
    return result;
}

} // namespace

CategoriesDialog::CategoriesDialog(Document *doc, QWidget *parent)
    : QDialog(parent), m_doc(doc), m_search(new QLineEdit(this)), m_table(new QTableWidget(this))
{
    setWindowTitle(tr("Categories"));
    m_search->setPlaceholderText(tr("Search categories"));
    m_search->setClearButtonEnabled(true);
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels({tr("Category"), tr("Name"), tr("Tier"), tr("Flags"), tr("Defined by")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    auto *add = new QPushButton(tr("&Add Category..."), this);
    m_edit = new QPushButton(tr("&Override..."), this);
    m_remove = new QPushButton(tr("&Remove"), this);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Tiers: 1 critical, 2 high, 3 moderate, 4 low. Overrides and new categories are "
                                    "saved with the model; every change can be undone."),
                                 this));
    layout->addWidget(m_search);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, &CategoriesDialog::addCategory);
    connect(m_edit, &QPushButton::clicked, this, &CategoriesDialog::editSelected);
    connect(m_remove, &QPushButton::clicked, this, &CategoriesDialog::removeSelected);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &CategoriesDialog::editSelected);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::accept);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &t) {
        for (int r = 0; r < m_table->rowCount(); ++r) {
            bool match = t.isEmpty();
            for (int c = 0; c < 4 && !match; ++c)
                match = m_table->item(r, c)->text().contains(t, Qt::CaseInsensitive);
            m_table->setRowHidden(r, !match);
        }
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const QString id = selectedId();
        const Category *c = m_doc->taxonomy().find(id);
        const bool own = std::any_of(m_doc->categories().begin(), m_doc->categories().end(),
                                     [&](const CategoryDef &d) { return d.id == id; });
        m_edit->setEnabled(c != nullptr);
        m_remove->setEnabled(own);
        m_remove->setText(c && c->builtIn ? tr("&Reset Override") : tr("&Remove"));
    });
    connect(doc, &Document::categoriesChanged, this, &CategoriesDialog::reload);
    reload();
    resize(860, 620);
}

void CategoriesDialog::reload()
{
    const QString keep = selectedId();
    m_table->setRowCount(0);
    const Taxonomy builtIn = Taxonomy::builtIn();
    for (const Category &c : m_doc->taxonomy().all()) {
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        const bool own = std::any_of(m_doc->categories().begin(), m_doc->categories().end(),
                                     [&](const CategoryDef &d) { return d.id == c.id; });
        auto *tier = new QTableWidgetItem(tierIcon(c.tier), QStringLiteral("T%1").arg(c.tier));
        m_table->setItem(r, 0, new QTableWidgetItem(c.id));
        m_table->setItem(r, 1, new QTableWidgetItem(c.name));
        m_table->setItem(r, 2, tier);
        m_table->setItem(r, 3, new QTableWidgetItem(flagNames(c.flags).join(u", ")));
        m_table->setItem(r, 4,
                         new QTableWidgetItem(builtIn.contains(c.id)
                                                  ? (own ? tr("overridden by this model") : tr("built in"))
                                                  : tr("this model")));
        if (c.id == keep)
            m_table->selectRow(r);
    }
    m_table->resizeColumnToContents(0);
    m_table->resizeColumnToContents(2);
    m_table->resizeColumnToContents(3);
    Q_EMIT m_table->itemSelectionChanged();
}

QString CategoriesDialog::selectedId() const
{
    const int r = m_table->currentRow();
    return r >= 0 && m_table->item(r, 0) ? m_table->item(r, 0)->text() : QString();
}

void CategoriesDialog::addCategory()
{
    const auto c = editCategory(this, *m_doc, CategoryDef{QStringLiteral("X."), {}, 3, QStringList()}, true, nullptr);
    if (!c)
        return;
    std::vector<CategoryDef> cats = m_doc->categories();
    cats.push_back(*c);
    ChangeSet change;
    change.categories = cats;
    m_doc->undoStack()->push(new ChangeCommand(m_doc, change, tr("Add category %1").arg(c->id)));
}

void CategoriesDialog::editSelected()
{
    const QString id = selectedId();
    const Category *current = m_doc->taxonomy().find(id);
    if (!current)
        return;
    std::vector<CategoryDef> cats = m_doc->categories();
    auto it = std::find_if(cats.begin(), cats.end(), [&](const CategoryDef &d) { return d.id == id; });
    const CategoryDef start = it != cats.end() ? *it : CategoryDef{id, {}, {}, {}};
    const auto edited = editCategory(this, *m_doc, start, false, current);
    if (!edited)
        return;
    if (it != cats.end())
        *it = *edited;
    else
        cats.push_back(*edited);
    ChangeSet change;
    change.categories = cats;
    m_doc->undoStack()->push(new ChangeCommand(m_doc, change, tr("Change category %1").arg(id)));
}

void CategoriesDialog::removeSelected()
{
    const QString id = selectedId();
    std::vector<CategoryDef> cats = m_doc->categories();
    auto it = std::find_if(cats.begin(), cats.end(), [&](const CategoryDef &d) { return d.id == id; });
    if (it == cats.end())
        return;
    if (!Taxonomy::builtIn().contains(id)) {
        // A category of the model's own can go only when nothing uses it.
        bool used = false;
        m_doc->store().forEachEdge([&](int, const Edge &e) { used = used || e.categories.contains(id); });
        m_doc->store().forEachNode([&](int, const Node &n) {
            used = used
                || std::any_of(n.stores.begin(), n.stores.end(), [&](const StoredData &s) { return s.category == id; });
        });
        if (used) {
            QMessageBox::information(this, tr("Category in use"),
                                     tr("\"%1\" is used by data flows or stores; remove it from them first.").arg(id));
            return;
        }
    }
    cats.erase(it);
    ChangeSet change;
    change.categories = cats;
    m_doc->undoStack()->push(new ChangeCommand(m_doc, change, tr("Remove category %1").arg(id)));
}

} // namespace vg
