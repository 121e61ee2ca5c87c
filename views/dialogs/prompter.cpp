// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/dialogs/prompter.h"

#include "model/io/importplan.h"
#include "views/dialogs/categorypicker.h"
#include "views/dialogs/diagramoptionsdialog.h"
#include "views/dialogs/importpreviewdialog.h"
#include "views/export/diagramexport.h"

#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>

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

Prompter::Recovery DialogPrompter::askRecover(QWidget *parent, const QString &description)
{
    QMessageBox box(QMessageBox::Question, QObject::tr("Recover unsaved work"),
                    QObject::tr("VendorGraph did not quit normally. Unsaved work was kept:"), QMessageBox::NoButton,
                    parent);
    box.setInformativeText(description);
    QPushButton *recover = box.addButton(QObject::tr("&Recover"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(QObject::tr("&Discard"), QMessageBox::DestructiveRole);
    box.addButton(QObject::tr("&Later"), QMessageBox::RejectRole);
    box.setDefaultButton(recover);
    box.exec();
    if (box.clickedButton() == recover)
        return Recovery::Recover;
    if (box.clickedButton() == discard)
        return Recovery::Discard;
    return Recovery::Later;
}

std::optional<NodeKind> DialogPrompter::askNodeKind(QWidget *parent, QPoint globalPos)
{
    QMenu menu(parent);
    menu.addSection(QObject::tr("Add a node"));
    QAction *people = menu.addAction(QObject::tr("&People (a population of data subjects)"));
    QAction *service = menu.addAction(QObject::tr("&Service (a system the company runs)"));
    QAction *vendor = menu.addAction(QObject::tr("&Vendor (a third party or sub-processor)"));
    QAction *chosen = menu.exec(globalPos);
    if (chosen == people)
        return NodeKind::People;
    if (chosen == service)
        return NodeKind::Service;
    if (chosen == vendor)
        return NodeKind::Vendor;
    return std::nullopt;
}

std::optional<EdgeKind> DialogPrompter::askEdgeKind(QWidget *parent, QPoint globalPos, const QString &from,
                                                    const QString &to)
{
    QMenu menu(parent);
    menu.addSection(QObject::tr("%1 → %2").arg(from, to));
    QAction *data = menu.addAction(QObject::tr("&Data: %1 sends data to %2").arg(from, to));
    QAction *access = menu.addAction(QObject::tr("&Access: %1 holds a credential for %2").arg(from, to));
    QAction *code = menu.addAction(QObject::tr("&Code: %1's code runs inside %2").arg(from, to));
    QAction *hosts = menu.addAction(QObject::tr("&Hosts: %1 hosts %2").arg(from, to));
    QAction *chosen = menu.exec(globalPos);
    if (chosen == data)
        return EdgeKind::Data;
    if (chosen == access)
        return EdgeKind::Access;
    if (chosen == code)
        return EdgeKind::Code;
    if (chosen == hosts)
        return EdgeKind::Hosts;
    return std::nullopt;
}

std::optional<QStringList> DialogPrompter::askCategories(QWidget *parent, const Taxonomy &taxonomy,
                                                         const QStringList &current)
{
    CategoryPicker picker(taxonomy, current, parent);
    if (picker.exec() != QDialog::Accepted)
        return std::nullopt;
    return picker.checked();
}

QStringList DialogPrompter::askImportPaths(QWidget *parent, const QString &dir)
{
    return QFileDialog::getOpenFileNames(
        parent, QObject::tr("Import"), dir,
        QObject::tr("Inventories and graphs (*.csv *.tsv *.txt *.graphml *.xml *.gexf *.json *.vgdb);;All files (*)"));
}

QString DialogPrompter::askExportPath(QWidget *parent, const QString &suggested, const QString &filter)
{
    QFileDialog dialog(parent, QObject::tr("Export"), suggested, filter);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    return dialog.exec() == QDialog::Accepted ? dialog.selectedFiles().value(0) : QString();
}

bool DialogPrompter::confirmImport(QWidget *parent, const ImportPlan &plan, QHash<QString, QString> *decisions)
{
    ImportPreviewDialog dialog(plan, parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *decisions = dialog.decisions();
    return true;
}

bool DialogPrompter::askDiagramOptions(QWidget *parent, DiagramRequest *request, bool png, bool pdf,
                                       bool blastAvailable)
{
    DiagramOptionsDialog dialog(*request, png, pdf, blastAvailable, parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    dialog.apply(request);
    return true;
}

} // namespace vg
