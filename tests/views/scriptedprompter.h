// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/io/importplan.h"
#include "views/dialogs/prompter.h"
#include "views/export/diagramexport.h"

#include <QStringList>

namespace vg::test {

// Answers the window's questions from a script and records what it was asked.
class ScriptedPrompter final : public Prompter {
public:
    Answer answer = Answer::Cancel;
    Recovery recovery = Recovery::Later;
    QString openPath, savePath;
    std::optional<NodeKind> nodeKind;
    std::optional<EdgeKind> edgeKind;
    std::optional<QStringList> categories;
    int saveQuestions = 0, recoverQuestions = 0;
    QStringList errors;
    Answer askSaveChanges(QWidget *, const QString &) override
    {
        ++saveQuestions;
        return answer;
    }
    QString askOpenPath(QWidget *, const QString &) override { return openPath; }
    QString askSavePath(QWidget *, const QString &) override { return savePath; }
    void showError(QWidget *, const QString &title, const QString &message) override
    {
        errors << title + QLatin1Char('\n') + message;
    }
    Recovery askRecover(QWidget *, const QString &) override
    {
        ++recoverQuestions;
        return recovery;
    }
    std::optional<NodeKind> askNodeKind(QWidget *, QPoint) override { return nodeKind; }
    std::optional<EdgeKind> askEdgeKind(QWidget *, QPoint, const QString &, const QString &) override
    {
        return edgeKind;
    }
    std::optional<QStringList> askCategories(QWidget *, const Taxonomy &, const QStringList &) override
    {
        return categories;
    }
    QStringList importPaths;
    QString exportPath;
    bool importAccepted = true;
    QHash<QString, QString> importDecisions;
    int importPreviews = 0;
    QStringList askImportPaths(QWidget *, const QString &) override { return importPaths; }
    QString askExportPath(QWidget *, const QString &, const QString &) override { return exportPath; }
    std::optional<ImportPlan> lastPlan; // the last preview shown
    bool confirmImport(QWidget *, const ImportPlan &plan, QHash<QString, QString> *decisions) override
    {
        ++importPreviews;
        lastPlan = plan;
        *decisions = importDecisions;
        return importAccepted;
    }
    // The diagram dialog: its answer (scope, scale) and whether blast was offered.
    bool diagramAccepted = true;
    std::optional<DiagramRequest::Scope> diagramScope;
    double diagramScale = 1;
    bool blastOffered = false;
    bool askDiagramOptions(QWidget *, DiagramRequest *request, bool, bool, bool blastAvailable) override
    {
        blastOffered = blastAvailable;
        if (diagramScope)
            request->scope = *diagramScope;
        request->scale = diagramScale;
        return diagramAccepted;
    }
};

} // namespace vg::test
