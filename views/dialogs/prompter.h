// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QWidget;

namespace vg {

// Every question the main window asks the user. Injectable so that GUI tests answer
// deterministically instead of hunting for modal dialogs.
class Prompter {
public:
    enum class Answer { Save, Discard, Cancel };
    virtual ~Prompter() = default;
    virtual Answer askSaveChanges(QWidget *parent, const QString &documentName) = 0;
    // Empty when the user cancels.
    virtual QString askOpenPath(QWidget *parent, const QString &dir) = 0;
    virtual QString askSavePath(QWidget *parent, const QString &suggested) = 0;
    virtual void showError(QWidget *parent, const QString &title, const QString &message) = 0;
};

// The real dialogs: QMessageBox and QFileDialog.
class DialogPrompter final : public Prompter {
public:
    Answer askSaveChanges(QWidget *parent, const QString &documentName) override;
    QString askOpenPath(QWidget *parent, const QString &dir) override;
    QString askSavePath(QWidget *parent, const QString &suggested) override;
    void showError(QWidget *parent, const QString &title, const QString &message) override;
};

} // namespace vg
