// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/mainwindow/filecontroller.h"

#include "model/document/document.h"
#include "model/io/modelfile.h"
#include "model/io/sample.h"
#include "model/layout/layoutgraph.h"
#include "views/mainwindow/backgroundtask.h"
#include "views/mainwindow/mainwindow.h"
#include "views/team/teamcontroller.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QToolBar>

namespace vg {

namespace {

constexpr int kMaxRecent = 8;
const QString kRecentKey = QStringLiteral("recentFiles");

// Loads a model and gives every node without a position its Tiers place.
Expected<Model> loadWithLayout(const QString &path, const LayoutControl &control)
{
    Expected<Model> m = loadModel(path);
    if (!m)
        return m;
    return [&]() -> Expected<Model> {
        QStringList unplaced;
        for (const Node &n : m->nodes)
            if (!m->layout.contains(n.id))
                unplaced << n.id;
        if (unplaced.isEmpty())
            return std::move(*m);
        // A model with no positions at all gets the whole Tiers layout; one with a few
        // missing gets them beside the rest.
        auto positions = placeUnplaced(*m, unplaced, control);
        if (!positions)
            return positions.error();
        for (auto it = positions->cbegin(); it != positions->cend(); ++it)
            m->layout.insert(it.key(), *it);
        return std::move(*m);
    }();
}

} // namespace

FileController::FileController(MainWindow *window) : QObject(window), m_window(window)
{
    m_autosave.begin();
    m_timer.setInterval(QSettings().value(QStringLiteral("autosave/intervalSeconds"), 60).toInt() * 1000);
    connect(&m_timer, &QTimer::timeout, this, &FileController::autosaveNow);
    m_timer.start();
}

FileController::~FileController()
{
    if (m_worker.joinable())
        m_worker.join();
}

void FileController::setAutosaveInterval(int seconds)
{
    seconds = std::clamp(seconds, 5, 3600);
    QSettings().setValue(QStringLiteral("autosave/intervalSeconds"), seconds);
    m_timer.start(seconds * 1000);
}

void FileController::createActions(QMenu *file, QToolBar *bar)
{
    auto add = [&](const QString &text, QKeySequence::StandardKey key, auto slot, const char *icon,
                   const QString &tip) {
        QAction *a = file->addAction(QIcon::fromTheme(QLatin1StringView(icon)), text);
        a->setShortcut(key);
        a->setStatusTip(tip);
        a->setToolTip(tip);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    bar->addAction(add(
        tr("&New"), QKeySequence::New, [this] { newDocument(); }, "document-new", tr("Start an empty model")));
    bar->addAction(add(
        tr("&Open..."), QKeySequence::Open, [this] { open(); }, "document-open",
        tr("Open a .vgdb document or a .json interchange file")));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QAction *sample = file->addAction(tr("Open the &Sample Model"));
    sample->setStatusTip(tr("A fictional AI company with 75 nodes: a good place to try things"));
    connect(sample, &QAction::triggered, this, [this] {
        if (maybeSave())
            openSample();
    });
    file->addSeparator();
    bar->addAction(add(
        tr("&Save"), QKeySequence::Save, [this] { save(); }, "document-save", tr("Save the model")));
    add(
        tr("Save &As..."), QKeySequence::SaveAs, [this] { saveAs(); }, "document-save-as",
        tr("Save the model under a new name or format (.vgdb or .json)"));
    file->addSeparator();
    QAction *quit = add(
        tr("&Quit"), QKeySequence::Quit, [this] { m_window->close(); }, "application-exit", tr("Quit VendorGraph"));
    quit->setMenuRole(QAction::QuitRole);
    rebuildRecentMenu();
}

QStringList FileController::recentFiles() const { return QSettings().value(kRecentKey).toStringList(); }

void FileController::addRecent(const QString &path)
{
    QStringList list = recentFiles();
    const QString abs = QFileInfo(path).absoluteFilePath();
    list.removeAll(abs);
    list.prepend(abs);
    while (list.size() > kMaxRecent)
        list.removeLast();
    QSettings().setValue(kRecentKey, list);
    rebuildRecentMenu();
}

void FileController::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList list = recentFiles();
    int n = 0;
    for (const QString &path : list) {
        QAction *a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(++n).arg(QFileInfo(path).fileName()));
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
        a->setEnabled(QFileInfo::exists(path));
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openFile(path);
        });
    }
    if (!list.isEmpty())
        m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear Recent Files"));
    clear->setEnabled(!list.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        QSettings().remove(kRecentKey);
        rebuildRecentMenu();
    });
}

void FileController::openSample()
{
    Model m = bundledSample();
    if (m.layout.size() < qsizetype(m.nodes.size())) {
        LayoutControl none;
        if (auto positions = runLayout(LayoutKind::Tiers, m, {}, none))
            for (auto it = positions->cbegin(); it != positions->cend(); ++it)
                m.layout.insert(it.key(), *it);
    }
    m_window->document()->reset(std::move(m), QString());
    waitForAutosave();
    m_autosave.discard();
    m_window->showStatus(tr("Opened the bundled sample model. Save As to keep your changes."), 8000);
}

bool FileController::maybeSave()
{
    Document *doc = m_window->document();
    if (!doc->isModified())
        return true;
    switch (m_window->prompter()->askSaveChanges(m_window, doc->displayName())) {
    case Prompter::Answer::Save: return save();
    case Prompter::Answer::Discard: return true;
    case Prompter::Answer::Cancel: break;
    }
    return false;
}

bool FileController::newDocument()
{
    if (!maybeSave())
        return false;
    Model empty;
    empty.name = tr("Untitled");
    m_window->document()->reset(std::move(empty), QString());
    waitForAutosave();
    m_autosave.discard();
    return true;
}

bool FileController::open()
{
    if (!maybeSave())
        return false;
    Document *doc = m_window->document();
    const QString dir = doc->filePath().isEmpty() ? QDir::homePath() : QFileInfo(doc->filePath()).absolutePath();
    const QString path = m_window->prompter()->askOpenPath(m_window, dir);
    return !path.isEmpty() && openFile(path);
}

bool FileController::openFile(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    auto result = runInBackground<Expected<Model>>(m_window, tr("Opening %1...").arg(name),
                                                   [path](const LayoutControl &c) { return loadWithLayout(path, c); });
    if (!result) {
        m_window->showStatus(tr("Opening %1 was cancelled; the open model is unchanged.").arg(name));
        return false;
    }
    if (!*result) {
        if (!isCancellation(result->error()))
            m_window->prompter()->showError(m_window, tr("Cannot open %1").arg(name), result->error().message());
        return false;
    }
    m_window->document()->reset(std::move(**result), QFileInfo(path).absoluteFilePath());
    waitForAutosave();
    m_autosave.discard();
    m_autosavedRevision = m_window->document()->revision();
    if (const int stale = Autosave::removeStaleSaves(path))
        m_window->showStatus(tr("Removed %n file(s) left by an interrupted save.", nullptr, stale));
    addRecent(path);
    m_window->showStatus(tr("Opened %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool FileController::save()
{
    // A team model's edits are saved on the server as they are made.
    if (m_window->team() && m_window->team()->isTeamDocument())
        return true;
    Document *doc = m_window->document();
    if (doc->filePath().isEmpty())
        return saveAs();
    return saveTo(doc->filePath());
}

bool FileController::saveAs()
{
    Document *doc = m_window->document();
    const QString suggested = doc->filePath().isEmpty()
        ? QDir::home().filePath(doc->displayName().section(QLatin1Char(' '), 0, 0) + QStringLiteral(".vgdb"))
        : doc->filePath();
    const QString path = m_window->prompter()->askSavePath(m_window, suggested);
    return !path.isEmpty() && saveTo(path);
}

bool FileController::saveTo(const QString &path)
{
    Document *doc = m_window->document();
    const std::shared_ptr<const Model> snapshot = doc->snapshot();
    const QString name = QFileInfo(path).fileName();
    // Edits wait while the save runs (the progress dialog is modal), so the saved snapshot
    // is the document's state and "modified" can be cleared afterwards.
    auto result =
        runInBackground<Status>(m_window, tr("Saving %1...").arg(name),
                                [snapshot, path](const LayoutControl &) { return saveModel(*snapshot, path); });
    if (!result) {
        m_window->showStatus(tr("Saving %1 was cancelled.").arg(name));
        return false;
    }
    if (!*result) {
        m_window->prompter()->showError(m_window, tr("Cannot save %1").arg(name), result->error().message());
        return false;
    }
    doc->markSaved(path);
    waitForAutosave();
    m_autosave.discard();
    m_autosavedRevision = doc->revision();
    Autosave::removeStaleSaves(path);
    addRecent(path);
    m_window->showStatus(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

struct FileController::Pending {
    Autosave::Job job;
    std::shared_ptr<const Model> snapshot;
    quint64 revision = 0;
    std::atomic<bool> done{false};
    Status status = Done{};
};

bool FileController::autosaveNow()
{
    Document *doc = m_window->document();
    if (!doc->isModified() || doc->revision() == m_autosavedRevision || m_pending)
        return false;
    auto pending = std::make_shared<Pending>();
    pending->job = m_autosave.prepare(doc->filePath(), doc->displayName());
    pending->snapshot = doc->snapshot();
    pending->revision = doc->revision();
    if (pending->snapshot->nodes.size() + pending->snapshot->edges.size() < 20000) {
        pending->status = pending->job.run(*pending->snapshot);
        pending->done = true;
        m_pending = pending;
        m_poll.stop();
        waitForAutosave();
        return pending->status.ok();
    }
    m_pending = pending;
    m_worker = std::thread([pending] {
        pending->status = pending->job.run(*pending->snapshot);
        pending->done = true;
    });
    if (!m_poll.isActive()) {
        m_poll.setInterval(100);
        connect(
            &m_poll, &QTimer::timeout, this,
            [this] {
                if (m_pending && m_pending->done)
                    waitForAutosave();
            },
            Qt::UniqueConnection);
        m_poll.start();
    }
    return true;
}

void FileController::waitForAutosave()
{
    if (!m_pending)
        return;
    if (m_worker.joinable())
        m_worker.join();
    m_poll.stop();
    const std::shared_ptr<Pending> p = std::move(m_pending);
    if (!p->status) {
        m_window->showStatus(tr("Autosave failed: %1").arg(p->status.error().message()), 10000);
        return;
    }
    m_autosave.finish(p->job);
    m_autosavedRevision = p->revision;
    m_window->showStatus(tr("Autosaved at %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)),
                         3000);
}

bool FileController::offerRecovery()
{
    const std::vector<AutosaveEntry> entries = Autosave::recoverable(m_autosave.directory());
    for (const AutosaveEntry &e : entries) {
        if (e.session == m_autosave.session())
            continue;
        const QString what =
            tr("\"%1\" (%2), autosaved %3.")
                .arg(e.name, e.originalPath.isEmpty() ? tr("never saved") : QDir::toNativeSeparators(e.originalPath),
                     QLocale().toString(e.savedAt.toLocalTime(), QLocale::ShortFormat));
        switch (m_window->prompter()->askRecover(m_window, what)) {
        case Prompter::Recovery::Later: continue;
        case Prompter::Recovery::Discard: Autosave::remove(e); continue;
        case Prompter::Recovery::Recover: break;
        }
        auto model = runInBackground<Expected<Model>>(
            m_window, tr("Recovering..."), [path = e.autosavePath](const LayoutControl &) { return loadModel(path); });
        if (!model || !*model) {
            if (model)
                m_window->prompter()->showError(m_window, tr("Cannot recover %1").arg(e.name),
                                                (*model).error().message());
            continue;
        }
        Document *doc = m_window->document();
        doc->reset(std::move(**model), e.originalPath);
        doc->undoStack()->resetClean(); // recovered work is unsaved work
        Autosave::remove(e);
        m_window->showStatus(tr("Recovered unsaved work of %1. Save it to keep it.").arg(e.name), 10000);
        return true;
    }
    return false;
}

void FileController::shutdown()
{
    m_timer.stop();
    waitForAutosave();
    m_autosave.end();
}

} // namespace vg
