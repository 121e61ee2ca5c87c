// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/dialogs/prompter.h"

#include <QFileDialog>
#include <QMessageBox>

namespace vg {

namespace {
const QString kFilters = QObject::tr("VendorGraph documents (*.vgdb);;JSON interchange (*.json);;All files (*)");
}

Prompter::Answer DialogPrompter::askSaveChanges(QWidget *parent, const QString &documentName)
{
    QMessageBox box(QMessageBox::Warning, QObject::tr("Unsaved changes"),
                    QObject::tr("Save the changes to \"%1\" before closing?").arg(documentName),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, parent);
    box.setInformativeText(QObject::tr("Your changes will be lost if you don't save them."));
    box.setDefaultButton(QMessageBox::Save);
    box.setEscapeButton(QMessageBox::Cancel);
    switch (box.exec()) {
    case QMessageBox::Save: return Answer::Save;
    case QMessageBox::Discard: return Answer::Discard;
    default: return Answer::Cancel;
    }
}

QString DialogPrompter::askOpenPath(QWidget *parent, const QString &dir)
{
    return QFileDialog::getOpenFileName(parent, QObject::tr("Open model"), dir, kFilters);
}

QString DialogPrompter::askSavePath(QWidget *parent, const QString &suggested)
{
    QFileDialog dialog(parent, QObject::tr("Save model as"), suggested, kFilters);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("vgdb"));
    return dialog.exec() == QDialog::Accepted ? dialog.selectedFiles().value(0) : QString();
}

void DialogPrompter::showError(QWidget *parent, const QString &title, const QString &message)
{
    QMessageBox box(QMessageBox::Critical, title, message.section(QLatin1Char('\n'), 0, 0), QMessageBox::Ok, parent);
    if (message.contains(QLatin1Char('\n')))
        box.setDetailedText(message);
    box.exec();
}

} // namespace vg
