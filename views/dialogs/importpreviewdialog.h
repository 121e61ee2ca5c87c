// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QHash>

class QTabWidget;

namespace vg {

struct ImportPlan;

// The preview of an import: how each file was read, and what will be added, matched
// (with the fields that change), rejected (file, line, reason) and left uncertain, where the
// user chooses per name: merge into a candidate, or add as a new node. Nothing changes until
// Import; then it is one undoable step.
class ImportPreviewDialog final : public QDialog {
    Q_OBJECT
public:
    ImportPreviewDialog(const ImportPlan &plan, QWidget *parent = nullptr);
    // UncertainMatch::key -> the node id to merge with, or empty for a new node.
    QHash<QString, QString> decisions() const;
    QTabWidget *tabs() const { return m_tabs; }

private:
    QTabWidget *m_tabs;
    QHash<QString, QWidget *> m_choices;
};

} // namespace vg
