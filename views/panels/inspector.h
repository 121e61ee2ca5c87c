// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QScrollArea;
class QStackedWidget;

namespace vg {

class Document;
class EdgeForm;
class NodeForm;
class Prompter;
class Selection;

// The inspector: the selected node or edge with every field editable (NodeForm, EdgeForm);
// with nothing selected, the model itself (its name and the organization that drives which
// regimes apply); with several items selected, a summary.
class Inspector final : public QWidget {
    Q_OBJECT
public:
    Inspector(Document *doc, Selection *selection, Prompter *prompter, QWidget *parent = nullptr);
    NodeForm *nodeForm() const { return m_nodeForm; }
    EdgeForm *edgeForm() const { return m_edgeForm; }
    // Which page shows: "model", "node", "edge" or "many".
    QString page() const;
    // Moves the keyboard focus into the form (Enter on the canvas).
    void focusForm();

private:
    void refresh();
    void loadModel();
    void applyModel();

    Document *m_doc;
    Selection *m_selection;
    QStackedWidget *m_stack;
    NodeForm *m_nodeForm;
    EdgeForm *m_edgeForm;
    QWidget *m_modelPage;
    QLineEdit *m_modelName, *m_orgName, *m_orgRegions, *m_orgSectors;
    QCheckBox *m_sec;
    QLabel *m_modelMessage;
    QLabel *m_many;
    bool m_loading = false;
};

} // namespace vg
