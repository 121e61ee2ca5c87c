// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/dialogs/diagramoptionsdialog.h"

#include "views/export/diagramexport.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QStandardItemModel>

namespace vg {

DiagramOptionsDialog::DiagramOptionsDialog(const DiagramRequest &start, bool png, bool pdf, bool blastAvailable,
                                           QWidget *parent)
    : QDialog(parent), m_scope(new QComboBox(this)), m_scale(new QComboBox(this)), m_page(new QComboBox(this)),
      m_title(new QLineEdit(start.title, this))
{
    setWindowTitle(tr("Export a diagram"));
    m_scope->addItems({tr("The whole map"), tr("The current view"), tr("The selection"), tr("The blast subgraph")});
    if (!blastAvailable)
        if (auto *m = qobject_cast<QStandardItemModel *>(m_scope->model()))
            m->item(3)->setEnabled(false);
    m_scope->setCurrentIndex(int(start.scope));
    m_scale->addItems({QStringLiteral("1×"), QStringLiteral("2×"), QStringLiteral("3×")});
    m_scale->setCurrentIndex(1);
    m_page->addItems({tr("A4"), tr("US Letter")});
    m_title->setPlaceholderText(tr("the model's name"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Show"), m_scope);
    form->addRow(tr("&Title"), m_title);
    if (png)
        form->addRow(tr("&Resolution"), m_scale);
    if (pdf)
        form->addRow(tr("&Page"), m_page);
    m_scale->setVisible(png);
    m_page->setVisible(pdf);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_title->setMinimumWidth(320);
}

void DiagramOptionsDialog::apply(DiagramRequest *r) const
{
    r->scope = DiagramRequest::Scope(m_scope->currentIndex());
    r->title = m_title->text().trimmed();
    r->scale = m_scale->currentIndex() + 1;
    r->pageSize = QPageSize(m_page->currentIndex() == 1 ? QPageSize::Letter : QPageSize::A4);
}

} // namespace vg
