// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/mainwindow/mainwindow.h"

#include "views/dialogs/prompter.h"
#include "views/panels/naturalsortproxymodel.h"

#include "model/document/document.h"
#include "model/io/sample.h"
#include "model/itemmodels/edgetablemodel.h"
#include "model/itemmodels/nodetablemodel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace vg {

namespace {

constexpr int kMaxRecent = 8;
const QString kRecentKey = QStringLiteral("recentFiles");

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSortingEnabled(true);
    view->sortByColumn(0, Qt::AscendingOrder);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                          | QAbstractItemView::AnyKeyPressed);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->setWordWrap(false);
    return view;
}

} // namespace

MainWindow::MainWindow(std::unique_ptr<Prompter> prompter, QWidget *parent)
    : QMainWindow(parent), m_prompter(prompter ? std::move(prompter) : std::make_unique<DialogPrompter>()),
      m_doc(new Document(this)), m_nodes(new NodeTableModel(m_doc, this)), m_edges(new EdgeTableModel(m_doc, this)),
      m_nodeProxy(new NaturalSortProxyModel(this)), m_edgeProxy(new NaturalSortProxyModel(this))
{
    m_nodeProxy->setSourceModel(m_nodes);
    m_edgeProxy->setSourceModel(m_edges);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    m_filter = new QLineEdit(central);
    m_filter->setPlaceholderText(tr("Filter nodes and edges (id, name, category, ...)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_nodeProxy->setFilterFixedString(text);
        m_edgeProxy->setFilterFixedString(text);
    });
    m_tabs = new QTabWidget(central);
    m_nodeView = makeTable(m_nodeProxy, m_tabs);
    m_edgeView = makeTable(m_edgeProxy, m_tabs);
    m_tabs->addTab(m_nodeView, tr("&Nodes"));
    m_tabs->addTab(m_edgeView, tr("&Edges"));
    layout->addWidget(m_filter);
    layout->addWidget(m_tabs);
    setCentralWidget(central);
    m_counts = new QLabel(this);
    statusBar()->addPermanentWidget(m_counts);

    createActions();
    connect(m_doc, &Document::modifiedChanged, this, &MainWindow::setWindowModified);
    connect(m_doc, &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &Document::modelReset, this, [this] {
        updateTitle();
        updateStatus();
        for (QTableView *v : {m_nodeView, m_edgeView}) {
            v->resizeColumnsToContents();
            for (int c = 0; c < v->model()->columnCount(); ++c)
                v->setColumnWidth(c, std::min(v->columnWidth(c), 320));
        }
    });
    resize(1200, 760);
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QToolBar *bar = addToolBar(tr("File"));
    bar->setObjectName(QStringLiteral("fileToolBar"));
    auto add = [&](const QString &text, QKeySequence::StandardKey key, auto slot, const char *icon) {
        QAction *a = file->addAction(QIcon::fromTheme(QLatin1StringView(icon)), text);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    bar->addAction(add(
        tr("&New"), QKeySequence::New, [this] { newDocument(); }, "document-new"));
    bar->addAction(add(
        tr("&Open..."), QKeySequence::Open, [this] { open(); }, "document-open"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QAction *sample = file->addAction(tr("Open the &Sample Model"));
    connect(sample, &QAction::triggered, this, [this] {
        if (maybeSave())
            openSample();
    });
    file->addSeparator();
    bar->addAction(add(
        tr("&Save"), QKeySequence::Save, [this] { save(); }, "document-save"));
    add(
        tr("Save &As..."), QKeySequence::SaveAs, [this] { saveAs(); }, "document-save-as");
    file->addSeparator();
    QAction *quit = add(
        tr("&Quit"), QKeySequence::Quit, [this] { close(); }, "application-exit");
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_doc->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_doc->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *find = edit->addAction(tr("&Find"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] { m_filter->setFocus(Qt::ShortcutFocusReason); });
    rebuildRecentMenu();
}

QStringList MainWindow::recentFiles() const { return QSettings().value(kRecentKey).toStringList(); }

void MainWindow::addRecent(const QString &path)
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

void MainWindow::rebuildRecentMenu()
{
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

void MainWindow::updateTitle()
{
    setWindowTitle(QStringLiteral("%1[*] — VendorGraph").arg(m_doc->displayName()));
    setWindowModified(m_doc->isModified());
}

void MainWindow::updateStatus()
{
    const Model &m = *m_doc->snapshot();
    QSet<QString> cats;
    for (const Edge &e : m.edges)
        for (const QString &c : e.categories)
            cats.insert(c);
    for (const Node &n : m.nodes)
        for (const StoredData &s : n.stores)
            cats.insert(s.category);
    const QLocale locale;
    m_counts->setText(tr("%1 nodes · %2 edges · %3 categories in use")
                          .arg(locale.toString(qint64(m.nodes.size())), locale.toString(qint64(m.edges.size())))
                          .arg(cats.size()));
}

void MainWindow::openInitial(const QString &path)
{
    if (!path.isEmpty() && openFile(path))
        return;
    if (path.isEmpty()) {
        for (const QString &recent : recentFiles())
            if (QFileInfo::exists(recent)) {
                if (openFile(recent))
                    return;
                break;
            }
    }
    openSample();
}

void MainWindow::openSample()
{
    m_doc->reset(bundledSample(), QString());
    statusBar()->showMessage(tr("Opened the bundled sample model. Save As to keep your changes."), 8000);
}

bool MainWindow::maybeSave()
{
    if (!m_doc->isModified())
        return true;
    switch (m_prompter->askSaveChanges(this, m_doc->displayName())) {
    case Prompter::Answer::Save: return save();
    case Prompter::Answer::Discard: return true;
    case Prompter::Answer::Cancel: break;
    }
    return false;
}

bool MainWindow::newDocument()
{
    if (!maybeSave())
        return false;
    Model empty;
    empty.name = tr("Untitled");
    m_doc->reset(std::move(empty), QString());
    return true;
}

bool MainWindow::open()
{
    if (!maybeSave())
        return false;
    const QString dir = m_doc->filePath().isEmpty() ? QDir::homePath() : QFileInfo(m_doc->filePath()).absolutePath();
    const QString path = m_prompter->askOpenPath(this, dir);
    return !path.isEmpty() && openFile(path);
}

bool MainWindow::openFile(const QString &path)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status s = m_doc->open(path);
    QApplication::restoreOverrideCursor();
    if (!s) {
        m_prompter->showError(this, tr("Cannot open %1").arg(QFileInfo(path).fileName()), s.error().message());
        return false;
    }
    addRecent(path);
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MainWindow::save()
{
    if (m_doc->filePath().isEmpty())
        return saveAs();
    return saveTo(m_doc->filePath());
}

bool MainWindow::saveAs()
{
    const QString suggested = m_doc->filePath().isEmpty()
        ? QDir::home().filePath(m_doc->displayName().section(QLatin1Char(' '), 0, 0) + QStringLiteral(".vgdb"))
        : m_doc->filePath();
    const QString path = m_prompter->askSavePath(this, suggested);
    return !path.isEmpty() && saveTo(path);
}

bool MainWindow::saveTo(const QString &path)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status s = m_doc->saveAs(path);
    QApplication::restoreOverrideCursor();
    if (!s) {
        m_prompter->showError(this, tr("Cannot save %1").arg(QFileInfo(path).fileName()), s.error().message());
        return false;
    }
    addRecent(path);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeSave())
        event->accept();
    else
        event->ignore();
}

} // namespace vg
