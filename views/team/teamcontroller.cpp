// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/team/teamcontroller.h"

#include "model/document/document.h"
#include "model/io/modelfile.h"
#include "model/team/teamio.h"
#include "model/team/teamsession.h"
#include "views/team/historypanel.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QThread>
#include <QTimer>

namespace vg {

namespace {

const QString kRecentKey = QStringLiteral("team/recentUrls");

// Runs work (which must touch no widget and no document) on a worker thread while the window
// stays painted behind a busy dialog that blocks input to it; returns work's result.
template <typename F>
auto runBusy(QWidget *parent, const QString &text, F work) -> decltype(work())
{
    std::optional<decltype(work())> result;
    QProgressDialog progress(text, QString(), 0, 0, parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400);
    QEventLoop loop;
    std::unique_ptr<QThread> thread(QThread::create([&] { result.emplace(work()); }));
    QObject::connect(thread.get(), &QThread::finished, &loop, &QEventLoop::quit);
    thread->start();
    loop.exec();
    thread->wait();
    return std::move(*result);
}

} // namespace

TeamController *TeamController::install(QMainWindow *window, Document *doc, QMenu *fileMenu, QAction *insertBefore,
                                        std::unique_ptr<TeamPrompter> prompter)
{
    return new TeamController(window, doc, fileMenu, insertBefore,
                              prompter ? std::move(prompter) : std::make_unique<DialogTeamPrompter>());
}

TeamController::TeamController(QMainWindow *window, Document *doc, QMenu *fileMenu, QAction *insertBefore,
                               std::unique_ptr<TeamPrompter> prompter)
    : QObject(window), m_window(window), m_doc(doc), m_prompter(std::move(prompter)),
      m_session(new TeamSession(doc, this)), m_history(new HistoryPanel(m_session, window)),
      m_dock(new QDockWidget(tr("History"), window)), m_status(new QLabel(window))
{
    auto add = [&](const QString &text, auto slot) {
        auto *a = new QAction(text, this);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_connect = add(tr("Connect to &Team Model…"), [this] { connectTo(); });
    m_publish = add(tr("&Publish to Team Model…"), [this] { publish(); });
    m_saveCopy = add(tr("Save a &Copy As…"), [this] { saveCopyAs(); });
    m_resolve = add(tr("&Resolve Conflicts…"), [this] { resolveConflicts(); });
    m_disconnect = add(tr("&Disconnect from Team Model"), [this] { disconnect(); });
    m_connect->setIcon(QIcon::fromTheme(QStringLiteral("network-server")));
    fileMenu->insertSeparator(insertBefore);
    fileMenu->insertActions(insertBefore, {m_connect, m_publish, m_saveCopy, m_resolve, m_disconnect});
    if (insertBefore)
        fileMenu->insertSeparator(insertBefore);
    m_connect->setStatusTip(tr("Open a model on a PostgreSQL team server, edited by several people at once"));
    m_publish->setStatusTip(tr("Upload the open model to a team server and keep editing it there"));
    m_saveCopy->setStatusTip(tr("Save the model as you see it to a .vgdb or .json file"));

    m_dock->setObjectName(QStringLiteral("historyDock"));
    m_dock->setWidget(m_history);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_dock->hide();
    m_status->setObjectName(QStringLiteral("teamStatus"));
    window->statusBar()->addPermanentWidget(m_status);
    window->installEventFilter(this);

    connect(m_session, &TeamSession::stateChanged, this, [this] {
        updateStatus();
        updateTitle();
    });
    connect(m_session, &TeamSession::queueChanged, this, &TeamController::updateStatus);
    connect(m_session, &TeamSession::remoteChangesApplied, this, [this](qint64 revision) {
        m_window->statusBar()->showMessage(tr("Changes from the team applied (revision %1)").arg(revision), 3000);
    });
    connect(m_session, &TeamSession::editRefused, this,
            [this](const QString &message) { m_prompter->showError(m_window, tr("Edit not saved"), message); });
    // Ask once the edit that met the conflict has returned to the event loop.
    connect(m_session, &TeamSession::conflictDetected, this,
            [this] { QTimer::singleShot(0, this, &TeamController::resolveConflicts); });
    // After MainWindow's own title update (connected earlier), put the server in it.
    connect(m_doc, &Document::modifiedChanged, this, &TeamController::updateTitle);
    connect(m_doc, &Document::filePathChanged, this, &TeamController::updateTitle);
    updateStatus();
}

bool TeamController::isTeamDocument() const { return m_session->state() != TeamSession::State::Closed; }

QStringList TeamController::recentUrls() const { return QSettings().value(kRecentKey).toStringList(); }

void TeamController::addRecent(const QString &url)
{
    const auto u = TeamUrl::parse(url);
    if (!u)
        return;
    QStringList list = recentUrls();
    list.removeAll(u->display());
    list.prepend(u->display()); // never a password
    while (list.size() > 10)
        list.removeLast();
    QSettings().setValue(kRecentKey, list);
}

bool TeamController::openSession(const QString &url)
{
    // The download runs off the GUI thread; the document is replaced on it afterwards.
    const QString reading = tr("Reading the team model…");
    Expected<TeamOpening> o = runBusy(m_window, reading, [&] { return TeamSession::prepare(url); });
    if (!o && o.error().problems.front().where == u"password") {
        const auto u = TeamUrl::parse(url);
        const std::optional<QString> pw = m_prompter->askPassword(m_window, u ? u->server() : url);
        if (!pw)
            return false;
        o = runBusy(m_window, reading, [&] { return TeamSession::prepare(url, *pw); });
    }
    const Status s = o ? m_session->adopt(std::move(*o)) : Status(o.error());
    if (!s) {
        m_prompter->showError(m_window, tr("Cannot open the team model"), s.error().message());
        return false;
    }
    addRecent(url);
    m_window->statusBar()->showMessage(tr("Opened %1 from %2").arg(m_session->url().model(), m_session->url().server()),
                                       5000);
    updateTitle();
    return true;
}

bool TeamController::connectTo(const QString &given)
{
    if (m_doc->isModified() && m_session->state() == TeamSession::State::Closed) {
        // Opening replaces the document; MainWindow's Save question is not reachable from here.
        m_prompter->showError(m_window, tr("Unsaved changes"),
                              tr("Save or discard the open model's changes first (File ▸ Save), then connect."));
        return false;
    }
    const QString url =
        given.isEmpty() ? m_prompter->askUrl(m_window, tr("Connect to Team Model"), recentUrls(), {}) : given;
    if (url.isEmpty())
        return false;
    return openSession(url);
}

bool TeamController::publish(const QString &given)
{
    QString suggested;
    for (const QChar ch : m_doc->displayName().section(QLatin1Char('.'), 0, 0).toLower())
        suggested += ch.isLetterOrNumber() && ch.unicode() < 128 ? ch : QLatin1Char('-');
    const QString url =
        given.isEmpty() ? m_prompter->askUrl(m_window, tr("Publish to Team Model"), recentUrls(), suggested) : given;
    if (url.isEmpty())
        return false;
    // The snapshot is immutable and the upload opens its own connection: it runs off the GUI thread.
    const std::shared_ptr<const Model> model = m_doc->snapshot();
    const QString summary = tr("Published from %1").arg(m_doc->displayName());
    if (Status s =
            runBusy(m_window, tr("Publishing the model…"), [&] { return pushModel(*model, url, false, summary); });
        !s) {
        m_prompter->showError(m_window, tr("Not published"), s.error().message());
        return false;
    }
    // Keep working on the published model, now shared.
    return openSession(url);
}

bool TeamController::saveCopyAs(const QString &given)
{
    const QString name =
        m_session->state() == TeamSession::State::Closed ? m_doc->displayName() : m_session->url().model();
    const QString path = given.isEmpty()
        ? m_prompter->askSavePath(m_window,
                                  QDir::home().filePath(name.section(QLatin1Char('.'), 0, 0) + QStringLiteral(".vgdb")))
        : given;
    if (path.isEmpty())
        return false;
    if (Status s = saveModel(*m_doc->snapshot(), path); !s) {
        m_prompter->showError(m_window, tr("Copy not saved"), s.error().message());
        return false;
    }
    m_window->statusBar()->showMessage(tr("Saved a copy as %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void TeamController::resolveConflicts()
{
    if (m_asking)
        return;
    m_asking = true;
    while (!m_session->conflicts().empty()) {
        const TeamConflict c = m_session->conflicts().front();
        const std::optional<bool> keepMine = m_prompter->askConflict(m_window, c);
        if (!keepMine)
            break; // later: File ▸ Resolve Conflicts…
        m_session->resolveConflict(c.id, *keepMine);
    }
    m_asking = false;
    updateStatus();
}

void TeamController::disconnect()
{
    if (m_session->queuedEdits() > 0 && !m_prompter->askCloseWithQueued(m_window, m_session->queuedEdits()))
        return;
    m_session->close();
    updateTitle();
}

bool TeamController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Close && m_session->queuedEdits() > 0
        && !m_prompter->askCloseWithQueued(m_window, m_session->queuedEdits())) {
        event->ignore();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void TeamController::updateStatus()
{
    const bool open = m_session->state() != TeamSession::State::Closed;
    m_status->setVisible(open);
    if (open)
        m_status->setText(QStringLiteral("%1 · %2 · %3")
                              .arg(m_session->url().server(), m_session->url().model(), m_session->statusText()));
    m_status->setToolTip(open ? m_session->url().display() : QString());
    m_disconnect->setEnabled(open);
    m_resolve->setEnabled(!m_session->conflicts().empty());
}

void TeamController::updateTitle()
{
    if (m_session->state() == TeamSession::State::Closed)
        return; // MainWindow's own title stands
    QString state;
    switch (m_session->state()) {
    case TeamSession::State::Online: state = tr("online"); break;
    case TeamSession::State::Offline: state = tr("offline"); break;
    default: state = tr("disconnected");
    }
    m_window->setWindowTitle(QStringLiteral("%1[*] — %2 (%3) — VendorGraph")
                                 .arg(m_session->url().model(), m_session->url().server(), state));
    m_window->setWindowModified(m_doc->isModified());
}

} // namespace vg
