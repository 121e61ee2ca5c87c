// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/model.h"

#include <QHash>
#include <QPoint>
#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace vg {

class Taxonomy;
struct DiagramRequest;
struct ImportPlan;

// Every question the main window asks the user. Injectable so that GUI tests answer
// deterministically instead of hunting for modal dialogs.
class Prompter {
public:
    enum class Answer { Save, Discard, Cancel };
    enum class Recovery { Recover, Discard, Later };
    virtual ~Prompter() = default;
    virtual Answer askSaveChanges(QWidget *parent, const QString &documentName) = 0;
    // Empty when the user cancels.
    virtual QString askOpenPath(QWidget *parent, const QString &dir) = 0;
    virtual QString askSavePath(QWidget *parent, const QString &suggested) = 0;
    virtual void showError(QWidget *parent, const QString &title, const QString &message) = 0;
    // Unsaved work from a session that ended without quitting: what to do with it.
    virtual Recovery askRecover(QWidget *parent, const QString &description) = 0;
    // The kind of a new node or edge, from a small popup at a screen position.
    virtual std::optional<NodeKind> askNodeKind(QWidget *parent, QPoint globalPos) = 0;
    virtual std::optional<EdgeKind> askEdgeKind(QWidget *parent, QPoint globalPos, const QString &from,
                                                const QString &to) = 0;
    // The categories of a data edge (the searchable, checkable picker).
    virtual std::optional<QStringList> askCategories(QWidget *parent, const Taxonomy &taxonomy,
                                                     const QStringList &current) = 0;
    // Files to import (empty when cancelled), and a path to export to (filter: "PNG image (*.png)").
    virtual QStringList askImportPaths(QWidget *parent, const QString &dir) = 0;
    virtual QString askExportPath(QWidget *parent, const QString &suggested, const QString &filter) = 0;
    // The preview of an import: what will be added, matched and rejected; the user settles the
    // uncertain matches (decisions: UncertainMatch::key -> node id, or empty for a new node).
    // False when cancelled.
    virtual bool confirmImport(QWidget *parent, const ImportPlan &plan, QHash<QString, QString> *decisions) = 0;
    // A diagram's scope, scale, title and page; false when cancelled.
    virtual bool askDiagramOptions(QWidget *parent, DiagramRequest *request, bool png, bool pdf, bool blastAvailable) = 0;
};

// The real dialogs: QMessageBox, QFileDialog, popup menus and the category picker.
class DialogPrompter final : public Prompter {
public:
    Answer askSaveChanges(QWidget *parent, const QString &documentName) override;
    QString askOpenPath(QWidget *parent, const QString &dir) override;
    QString askSavePath(QWidget *parent, const QString &suggested) override;
    void showError(QWidget *parent, const QString &title, const QString &message) override;
    Recovery askRecover(QWidget *parent, const QString &description) override;
    std::optional<NodeKind> askNodeKind(QWidget *parent, QPoint globalPos) override;
    std::optional<EdgeKind> askEdgeKind(QWidget *parent, QPoint globalPos, const QString &from,
                                        const QString &to) override;
    std::optional<QStringList> askCategories(QWidget *parent, const Taxonomy &taxonomy,
                                             const QStringList &current) override;
    QStringList askImportPaths(QWidget *parent, const QString &dir) override;
    QString askExportPath(QWidget *parent, const QString &suggested, const QString &filter) override;
    bool confirmImport(QWidget *parent, const ImportPlan &plan, QHash<QString, QString> *decisions) override;
    bool askDiagramOptions(QWidget *parent, DiagramRequest *request, bool png, bool pdf, bool blastAvailable) override;
};

} // namespace vg
