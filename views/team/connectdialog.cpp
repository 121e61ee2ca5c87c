// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/team/connectdialog.h"

#include "model/team/teamurl.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vg {

ConnectDialog::ConnectDialog(const QStringList &recent, const QString &suggestedModel, QWidget *parent)
    : QDialog(parent), m_url(new QComboBox(this)), m_problem(new QLabel(this))
{
    m_url->setEditable(true);
    m_url->addItems(recent);
    m_url->setMinimumContentsLength(50);
    if (recent.isEmpty() || !suggestedModel.isEmpty()) {
        QString start =
            recent.isEmpty() ? QStringLiteral("postgresql://host/dbname?sslmode=verify-full&model=") : recent.first();
        if (!suggestedModel.isEmpty()) {
            if (const auto u = TeamUrl::parse(start, true))
                start = u->withModel(suggestedModel).display();
        }
        m_url->setEditText(start);
    }
    auto *help = new QLabel(tr("The model's address on a PostgreSQL team server, for example\n"
                               "postgresql://db.example.com/architecture?sslmode=verify-full&model=payments-platform\n"
                               "The password comes from ~/.pgpass, or you are asked for it (it is never saved)."),
                            this);
    help->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    auto *form = new QFormLayout;
    form->addRow(tr("&Server URL:"), m_url);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(help);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_url, &QComboBox::editTextChanged, this, &ConnectDialog::check);
    check();
}

QString ConnectDialog::url() const { return m_url->currentText().trimmed(); }

void ConnectDialog::setUrl(const QString &url) { m_url->setEditText(url); }

void ConnectDialog::check()
{
    const auto u = TeamUrl::parse(url());
    m_ok->setEnabled(u.ok());
    m_problem->setText(u ? QString() : u.error().problems.front().what);
}

} // namespace vg
