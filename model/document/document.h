// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/changeset.h"
#include "model/document/graphstore.h"
#include "model/domain/expected.h"
#include "model/domain/model.h"
#include "model/domain/taxonomy.h"

#include <QObject>
#include <QSet>
#include <QUndoStack>

#include <memory>

namespace vg {

// The open model: the one observable source of truth that the canvas, the tables, the
// inspector and the analysis all watch. It owns the indexed store, the file path and the undo
// stack; "modified" is the undo stack's clean state. Every user edit is a QUndoCommand
// (model/commands/) that calls apply(); apply() emits fine-grained signals, so a view
// updates only the items an edit touched.
//
// Lives in the GUI thread and is not thread-safe. Work off the GUI thread (analysis, autosave,
// export) holds a snapshot(): an immutable Model that stays valid while editing goes on.
class Document final : public QObject {
    Q_OBJECT
public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    const GraphStore &store() const { return m_store; }
    // The store's changed slots since the last call (GraphStore::takeChanges()); for the one
    // analysis that keeps a replica of the model off the GUI thread.
    GraphStore::Changes takeStoreChanges() { return m_store.takeChanges(); }
    const QString &name() const { return m_name; }
    const std::optional<Organization> &organization() const { return m_organization; }
    const std::vector<CategoryDef> &categories() const { return m_categories; }
    // The categories in force: the built-in taxonomy with the model's own.
    const Taxonomy &taxonomy() const { return m_taxonomy; }
    // The saved scenarios, in the user's order, and the name of the active one (or empty).
    const std::vector<SavedScenario> &scenarios() const { return m_scenarios; }
    const QString &activeScenarioName() const { return m_activeScenario; }
    // The active saved scenario, or null when there is none.
    const SavedScenario *activeScenario() const;
    // The whole model now, shared and immutable; built on first use after each change.
    std::shared_ptr<const Model> snapshot() const;
    // Increases with every change (apply() or reset()); a result computed at an older
    // revision is out of date.
    quint64 revision() const { return m_revision; }
    // Increases only with changes the analysis reads (everything but positions).
    quint64 contentRevision() const { return m_contentRevision; }

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
    // Records that the snapshot taken just before was saved to path (a save done elsewhere,
    // e.g. on a worker thread while edits were blocked).
    void markSaved(const QString &path);

    // Makes another saved scenario the active one. Not an edit: it is not undone, and does not
    // make the document modified (like switching a layer in an editor); it is saved with the
    // next save. An unknown name is ignored.
    void setActiveScenario(const QString &name);

    // Applies an edit and returns its inverse (apply(apply(c)) restores the document). The
    // edit must keep the model valid: commands build it from validated input. Emits the
    // fine-grained signals below, then changeApplied().
    ChangeSet apply(const ChangeSet &change);

    // A readable id that is free: "vendor-7", "e-231". alsoTaken reserves ids of items that
    // are about to be added in the same edit.
    QString freshNodeId(NodeKind kind, const QSet<QString> &alsoTaken = {}) const;
    QString freshEdgeId(const QSet<QString> &alsoTaken = {}) const;

Q_SIGNALS:
    void modelReset();
    void nodeAdded(const QString &id);
    void nodeAboutToBeRemoved(const QString &id);
    void nodeRemoved(const QString &id);
    void nodeChanged(const QString &id);
    void nodeRenamed(const QString &oldId, const QString &newId);
    void edgeAdded(const QString &id);
    void edgeAboutToBeRemoved(const QString &id);
    void edgeRemoved(const QString &id);
    void edgeChanged(const QString &id);
    void edgeRenamed(const QString &oldId, const QString &newId);
    void categoriesChanged();
    void organizationChanged();
    void positionsMoved(const QStringList &ids);
    // The saved scenarios or the active one changed (an edit, or a node they name renamed or
    // removed).
    void scenariosChanged();
    // After every apply(), with the edit as applied.
    void changeApplied(const vg::ChangeSet &change);
    void filePathChanged(const QString &path);
    void modifiedChanged(bool modified);

private:
    void touch();
    QString freshId(const QString &prefix, const QSet<QString> &alsoTaken, bool node) const;

    GraphStore m_store;
    QString m_name;
    std::optional<Organization> m_organization;
    std::vector<CategoryDef> m_categories;
    std::vector<SavedScenario> m_scenarios;
    QString m_activeScenario;
    Taxonomy m_taxonomy;
    mutable std::shared_ptr<const Model> m_snapshot;
    quint64 m_revision = 0;
    quint64 m_contentRevision = 0;
    QString m_filePath;
    QUndoStack m_undo;
};

} // namespace vg
