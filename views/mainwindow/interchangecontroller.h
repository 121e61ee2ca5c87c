// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/changeset.h"
#include "model/io/dataexport.h"
#include "model/io/importplan.h"
#include "views/export/diagramexport.h"

#include <QObject>

class QAction;
class QMenu;

namespace vg {

class MainWindow;

// File > Import... and File > Export: inventories and graph files come in through a preview
// (added, matched, rejected, uncertain) and land as one undoable step; the map goes out as a
// diagram (PNG, SVG, PDF), the incident one-pager (PDF) or data (JSON, CSV, GraphML, DOT,
// Mermaid). Every file is written atomically; a failure names the file and changes nothing.
class InterchangeController final : public QObject {
    Q_OBJECT
public:
    explicit InterchangeController(MainWindow *window);
    // Adds Import... and the Export submenu to the File menu, before `before`.
    void createActions(QMenu *file, QAction *before);

    // The menu commands, callable from tests. Each returns false when nothing happened
    // (cancelled, or failed: the failure has been shown).
    bool importFiles();
    bool importPaths(const QStringList &paths);
    bool exportDiagram(DiagramFormat format);
    bool exportReport();
    bool exportData(DataFormat format);

    // The change an import plan makes to the open document: categories, nodes, edges, and
    // positions for new nodes (the file's, or a Tiers place right of the map). Public for tests.
    ChangeSet changeFor(const ImportPlan &plan) const;

private:
    QString askPath(const QString &suffix, const QString &filter, const QString &what) const;
    QString suggestedBase() const;

    MainWindow *m_window;
};

} // namespace vg
