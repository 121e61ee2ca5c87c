// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/storage/autosave.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <thread>

class QMenu;
class QToolBar;

namespace vg {

class MainWindow;

// The File menu: New, Open, Open Recent, the sample, Save, Save As, Quit; loading and saving
// on a worker thread (with progress and Cancel); autosave on a timer and recovery after a
// crash; the stale ".NAME.saving-*" files of interrupted saves.
class FileController final : public QObject {
    Q_OBJECT
public:
    explicit FileController(MainWindow *window);
    ~FileController() override;
    void createActions(QMenu *menu, QToolBar *toolbar);

    bool newDocument();
    bool open();
    bool openFile(const QString &path);
    bool save();
    bool saveAs();
    bool saveTo(const QString &path);
    void openSample();
    // Asks to save unsaved changes; false when the user cancels.
    bool maybeSave();
    QStringList recentFiles() const;
    // Offers unsaved work of a session that crashed; true when some was recovered.
    bool offerRecovery();
    // Writes the autosave now, if there are unsaved changes (the timer calls it). A small
    // model is written at once; a big one on a worker thread, without blocking the window
    // (waitForAutosave() waits for it).
    bool autosaveNow();
    void waitForAutosave();
    Autosave &autosave() { return m_autosave; }
    void setAutosaveInterval(int seconds);
    int autosaveInterval() const { return m_timer.interval() / 1000; }
    // The clean quit: the autosave goes.
    void shutdown();

private:
    void addRecent(const QString &path);
    void rebuildRecentMenu();

    MainWindow *m_window;
    QMenu *m_recentMenu = nullptr;
    Autosave m_autosave;
    QTimer m_timer;
    quint64 m_autosavedRevision = 0;
    struct Pending;
    std::shared_ptr<Pending> m_pending; // an autosave being written on a worker thread
    std::thread m_worker;
    QTimer m_poll;
};

} // namespace vg
