// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/dialogs/prompter.h"

#include <QMainWindow>

#include <memory>

class QDockWidget;
class QLabel;
class QTableView;

namespace vg {

class AnalysisPanel;
class AnalysisService;
class Document;
class EditController;
class FileController;
class InterchangeController;
class FilterPanel;
class GraphScene;
class GraphView;
class Inspector;
class Minimap;
class ModelBrowser;
class ScenarioController;
class TeamController;
class ScenarioPanel;
class Selection;
class TablesPanel;
class ViewController;

// The desktop app's window: the graph canvas in the centre; docks for the model browser,
// the filters, the inspector, the overview and the node and edge tables. The menus and
// their actions live in controllers (FileController, EditController, ViewController); this
// class assembles them and keeps the title, status bar and settings.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    // prompter: the dialogs to use; the real ones when null. The window owns it.
    explicit MainWindow(std::unique_ptr<Prompter> prompter = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Offers recovery of unsaved work, then opens path, or else the most recent file that
    // still exists, or else the bundled sample.
    void openInitial(const QString &path);

    Document *document() const { return m_doc; }
    Selection *selection() const { return m_selection; }
    GraphScene *scene() const { return m_scene; }
    GraphView *view() const { return m_view; }
    Inspector *inspector() const { return m_inspector; }
    ModelBrowser *browser() const { return m_browser; }
    TablesPanel *tables() const { return m_tables; }
    FilterPanel *filters() const { return m_filters; }
    AnalysisService *analysis() const { return m_analysis; }
    ScenarioPanel *scenarioPanel() const { return m_scenarioPanel; }
    AnalysisPanel *analysisPanel() const { return m_analysisPanel; }
    ScenarioController *scenarios() const { return m_scenarios; }
    // The team server (File > Connect to Team Model...); null before createMenus().
    TeamController *team() const { return m_team; }
    Prompter *prompter() const { return m_prompter.get(); }
    FileController *files() const { return m_files; }
    InterchangeController *interchange() const { return m_interchange; }
    EditController *edits() const { return m_edits; }
    ViewController *views() const { return m_views; }
    QTableView *nodeView() const;
    QTableView *edgeView() const;
    QStringList recentFiles() const;

    // The File menu's actions, callable from tests. Each returns false when nothing happened
    // (cancelled or failed); a failure has been shown to the user.
    bool newDocument();
    bool openFile(const QString &path);
    bool open();
    bool save();
    bool saveAs();
    void openSample();

    QDockWidget *dock(const QString &objectName) const;
    void showStatus(const QString &message, int timeoutMs = 5000);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createDocks();
    void createMenus();
    void updateTitle();
    void updateCounts();
    void restoreSettings();

    std::unique_ptr<Prompter> m_prompter;
    Document *m_doc;
    Selection *m_selection;
    GraphScene *m_scene;
    GraphView *m_view;
    ModelBrowser *m_browser = nullptr;
    Inspector *m_inspector = nullptr;
    TablesPanel *m_tables = nullptr;
    FilterPanel *m_filters = nullptr;
    Minimap *m_minimap = nullptr;
    AnalysisService *m_analysis = nullptr;
    ScenarioPanel *m_scenarioPanel = nullptr;
    AnalysisPanel *m_analysisPanel = nullptr;
    ScenarioController *m_scenarios = nullptr;
    TeamController *m_team = nullptr;
    FileController *m_files = nullptr;
    InterchangeController *m_interchange = nullptr;
    EditController *m_edits = nullptr;
    ViewController *m_views = nullptr;
    QLabel *m_counts;
    QLabel *m_zoom;
};

} // namespace vg
