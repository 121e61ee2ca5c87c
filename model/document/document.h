// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/domain/model.h"

#include <QHash>
#include <QObject>
#include <QUndoStack>

namespace vg {

// The open model, its file and its undo stack. Every user edit is a QUndoCommand that
// calls the mutation API below; "modified" is the undo stack's clean state.
// Lives in the GUI thread; not thread-safe.
class Document final : public QObject {
    Q_OBJECT
public:
    enum class NodeText { Name, Description };

    explicit Document(QObject *parent = nullptr);

    const Model &model() const { return m_model; }
    // Empty for a new or bundled-sample document that has never been saved.
    QString filePath() const { return m_filePath; }
    // What the title bar shows: the file name, or the model's name for an unsaved one.
    QString displayName() const;
    bool isModified() const { return !m_undo.isClean(); }
    QUndoStack *undoStack() { return &m_undo; }

    // Replaces the whole model (New, Open). Clears the undo stack.
    void reset(Model model, const QString &filePath);
    // Loads path; on failure the current model stays as it was.
    Status open(const QString &path);
    // Saves to path (format by extension); on success the document points at path and is clean.
    Status saveAs(const QString &path);

    int nodeRow(const QString &id) const { return m_nodeRows.value(id, -1); }

    // Mutation API for undo commands. Emits nodeChanged.
    void setNodeText(const QString &id, NodeText field, const QString &value);
    QString nodeText(const QString &id, NodeText field) const;

Q_SIGNALS:
    void modelReset();
    void nodeChanged(int row);
    void filePathChanged(const QString &path);
    void modifiedChanged(bool modified);

private:
    Model m_model;
    QString m_filePath;
    QUndoStack m_undo;
    QHash<QString, int> m_nodeRows;
};

// Sets a node's name or description; consecutive edits of the same field merge.
class EditNodeTextCommand final : public QUndoCommand {
public:
    EditNodeTextCommand(Document *doc, QString nodeId, Document::NodeText field, QString value);
    void undo() override;
    void redo() override;
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document *m_doc;
    QString m_nodeId;
    Document::NodeText m_field;
    QString m_old, m_new;
};

} // namespace vg
