// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/team/teamprompter.h"

#include "views/team/conflictdialog.h"
#include "views/team/connectdialog.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>

namespace vg {

QString DialogTeamPrompter::askUrl(QWidget *parent, const QString &title, const QStringList &recent,
                                   const QString &suggestedModel)
{
    ConnectDialog d(recent, suggestedModel, parent);
    d.setWindowTitle(title);
    return d.exec() == QDialog::Accepted ? d.url() : QString();
}

std::optional<QString> DialogTeamPrompter::askPassword(QWidget *parent, const QString &server)
{
    bool ok = false;
    const QString pw = QInputDialog::getText(
        parent, QObject::tr("Password"),
        QObject::tr("Password for %1\n(it is used for this session only and never saved; to skip this question, "
                    "put it in ~/.pgpass)")
            .arg(server),
        QLineEdit::Password, QString(), &ok);
    return ok ? std::optional<QString>(pw) : std::nullopt;
}

std::optional<bool> DialogTeamPrompter::askConflict(QWidget *parent, const TeamConflict &conflict)
{
    ConflictDialog d(conflict, parent);
    d.exec();
    return d.choice();
}

QString DialogTeamPrompter::askSavePath(QWidget *parent, const QString &suggested)
{
    return QFileDialog::getSaveFileName(parent, QObject::tr("Save a Copy As"), suggested,
                                        QObject::tr("VendorGraph document (*.vgdb);;JSON interchange (*.json)"));
}

bool DialogTeamPrompter::askCloseWithQueued(QWidget *parent, int queued)
{
    return QMessageBox::warning(parent, QObject::tr("Edits not on the server"),
                                QObject::tr("%n edit(s) have not reached the team server yet (it is not "
                                            "connected). Closing loses them; File ▸ Save a Copy As… keeps the model "
                                            "as you see it.\n\nClose anyway?",
                                            nullptr, queued),
                                QMessageBox::Close | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Close;
}

void DialogTeamPrompter::showError(QWidget *parent, const QString &title, const QString &message)
{
    QMessageBox::warning(parent, title, message);
}

} // namespace vg
