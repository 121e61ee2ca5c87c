// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/mainwindow/editcontroller.h"

#include "model/commands/changecommand.h"
#include "model/commands/edits.h"
#include "model/document/document.h"
#include "model/document/selection.h"
#include "model/io/jsonreader.h"
#include "model/io/jsonwriter.h"
#include "model/layout/placement.h"
#include "views/canvas/graphscene.h"
#include "views/canvas/graphview.h"
#include "views/dialogs/categoriesdialog.h"
#include "views/mainwindow/mainwindow.h"
#include "views/panels/inspector.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QStringListModel>
#include <QToolBar>

namespace vg {

namespace {

const QString kMime = QStringLiteral("application/x-vendorgraph+json");

} // namespace

EditController::EditController(MainWindow *window) : QObject(window), m_window(window) { }

void EditController::createActions(QMenu *edit, QToolBar *bar)
{
    Document *doc = m_window->document();
    QAction *undo = doc->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
    // The toolbar says "Undo"; the menu and the tooltip name the step.
    undo->setIconText(tr("Undo"));
    QAction *redo = doc->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo")));
    redo->setIconText(tr("Redo"));
    for (QAction *a : {undo, redo})
        connect(a, &QAction::changed, a, [a] {
            if (a->toolTip() != a->text().remove(QLatin1Char('&')))
                a->setToolTip(a->text().remove(QLatin1Char('&')));
        });
    edit->addAction(undo);
    edit->addAction(redo);
    bar->addSeparator();
    bar->addAction(undo);
    bar->addAction(redo);
    edit->addSeparator();
    auto add = [&](const QString &text, const QKeySequence &key, auto slot, const QString &tip) {
        QAction *a = edit->addAction(text);
        a->setShortcut(key);
        a->setStatusTip(tip);
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_cut = add(
        tr("Cu&t"), QKeySequence::Cut, [this] { cutSelection(); },
        tr("Cut the selected nodes and the edges between them"));
    m_copy = add(
        tr("&Copy"), QKeySequence::Copy, [this] { copySelection(); },
        tr("Copy the selected nodes and the edges between them"));
    add(
        tr("&Paste"), QKeySequence::Paste, [this] { paste(); }, tr("Paste nodes (new ids where they clash)"));
    m_delete = add(
        tr("&Delete"), QKeySequence::Delete, [this] { deleteSelection(); },
        tr("Delete the selection; a node's edges go with it"));
    add(
        tr("Select &All"), QKeySequence::SelectAll, [this] { selectAll(); }, tr("Select every visible node"));
    edit->addSeparator();
    QMenu *addMenu = edit->addMenu(tr("Add &Node"));
    const std::array<std::pair<NodeKind, QString>, 3> kinds{
        {{NodeKind::People, tr("&People")}, {NodeKind::Service, tr("&Service")}, {NodeKind::Vendor, tr("&Vendor")}}};
    // Not Ctrl+Shift+S: that is Save As everywhere.
    const std::array<QKeySequence, 3> keys{QKeySequence(tr("Ctrl+Alt+P")), QKeySequence(tr("Ctrl+Alt+S")),
                                           QKeySequence(tr("Ctrl+Alt+V"))};
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        const NodeKind kind = kinds[i].first;
        QAction *a = addMenu->addAction(kinds[i].second);
        a->setShortcut(keys[i]);
        a->setStatusTip(tr("Add a %1 node in the middle of the view").arg(toString(kind)));
        connect(a, &QAction::triggered, this, [this, kind] {
            GraphView *v = m_window->view();
            addNode(kind, v->mapToScene(v->viewport()->rect().center()));
        });
        QAction *b = bar->addAction(tr("+ %1").arg(kinds[i].second.mid(1)));
        b->setToolTip(tr("Add a %1 node (%2)").arg(toString(kind), keys[i].toString(QKeySequence::NativeText)));
        connect(b, &QAction::triggered, a, &QAction::trigger);
        if (i == 0)
            b->setObjectName(QStringLiteral("addFirst"));
    }
    add(
        tr("C&onnect To..."), QKeySequence(tr("Ctrl+E")), [this] { connectFromKeyboard(); },
        tr("Add an edge from the selected node: choose its target and kind"));
    add(
        tr("&Inspect"), QKeySequence(Qt::Key_Return), [this] { m_window->inspector()->focusForm(); },
        tr("Move the keyboard into the inspector"))
        ->setShortcutContext(Qt::WidgetShortcut);
    m_window->view()->addAction(edit->actions().constLast());
    edit->addSeparator();
    add(
        tr("Ca&tegories..."), QKeySequence(), [this] { showCategories(); },
        tr("The taxonomy of data categories: tiers, flags, and the model's own"));
    edit->addSeparator();
    add(
        tr("&Find Node..."), QKeySequence::Find,
        [this] {
            m_find->setFocus(Qt::ShortcutFocusReason);
            m_find->selectAll();
        },
        tr("Jump to a node by id or name"));

    m_find = new QLineEdit(bar);
    m_find->setPlaceholderText(tr("Find node (Ctrl+F)"));
    m_find->setClearButtonEnabled(true);
    m_find->setMaximumWidth(260);
    m_find->setAccessibleName(tr("Find a node"));
    auto *completer = new QCompleter(new QStringListModel(m_find), m_find);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_find->setCompleter(completer);
    connect(m_find, &QLineEdit::returnPressed, this, [this] { find(m_find->text()); });
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this, [this](const QString &t) { find(t); });
    auto refreshCompletions = [this, completer] {
        QStringList words;
        m_window->document()->store().forEachNode([&](int, const Node &n) {
            words << n.id;
            if (!n.name.isEmpty() && n.name != n.id)
                words << n.name;
        });
        static_cast<QStringListModel *>(completer->model())->setStringList(words);
    };
    connect(doc, &Document::modelReset, this, refreshCompletions);
    connect(doc, &Document::changeApplied, this, [refreshCompletions](const ChangeSet &c) {
        if (!c.nodesPut.empty() || !c.nodesRemoved.isEmpty() || !c.nodeRenames.empty())
            refreshCompletions();
    });
    bar->addSeparator();
    bar->addWidget(m_find);

    auto updateEnabled = [this] {
        const bool any = !m_window->selection()->isEmpty();
        m_delete->setEnabled(any);
        m_copy->setEnabled(!m_window->selection()->nodes().isEmpty());
        m_cut->setEnabled(!m_window->selection()->nodes().isEmpty());
    };
    connect(m_window->selection(), &Selection::changed, this, updateEnabled);
    updateEnabled();
}

QString EditController::addNode(NodeKind kind, std::optional<QPointF> pos)
{
    Document *doc = m_window->document();
    Node n;
    n.kind = kind;
    n.id = doc->freshNodeId(kind);
    n.name = kind == NodeKind::People ? tr("New population")
        : kind == NodeKind::Service   ? tr("New service")
                                      : tr("New vendor");
    // Without a position: beside the nodes of its kind, without moving the others.
    const QPointF at = pos ? *pos : placeNewNodeOfKind(doc->store(), kind);
    doc->undoStack()->push(new ChangeCommand(doc, vg::addNode(*doc, n, at), tr("Add %1").arg(n.id)));
    m_window->selection()->selectNode(n.id);
    m_window->showStatus(tr("Added %1. Name it in the inspector; drag from its dot to connect it.").arg(n.id), 8000);
    return n.id;
}

QString EditController::addEdge(const QString &from, const QString &to, EdgeKind kind, const QStringList &categories)
{
    Document *doc = m_window->document();
    Edge e;
    e.id = doc->freshEdgeId();
    e.from = from;
    e.to = to;
    e.kind = kind;
    e.categories = categories;
    doc->undoStack()->push(new ChangeCommand(doc, vg::addEdge(*doc, e), tr("Connect %1 to %2").arg(from, to)));
    m_window->selection()->selectEdge(e.id);
    return e.id;
}

QString EditController::connectNodes(const QString &from, const QString &to, QPoint globalPos)
{
    Prompter *p = m_window->prompter();
    const auto kind = p->askEdgeKind(m_window, globalPos, from, to);
    if (!kind)
        return {};
    QStringList categories;
    if (*kind == EdgeKind::Data) {
        const auto chosen = p->askCategories(m_window, m_window->document()->taxonomy(), {});
        if (!chosen || chosen->isEmpty())
            return {};
        categories = *chosen;
    }
    return addEdge(from, to, *kind, categories);
}

void EditController::deleteSelection()
{
    Document *doc = m_window->document();
    Selection *sel = m_window->selection();
    if (sel->isEmpty())
        return;
    const ChangeSet c = removeItems(*doc, sel->nodes(), sel->edges());
    const int n = int(c.nodesRemoved.size()), e = int(c.edgesRemoved.size());
    doc->undoStack()->push(
        new ChangeCommand(doc, c, n ? tr("Delete %n node(s)", nullptr, n) : tr("Delete %n edge(s)", nullptr, e)));
    m_window->showStatus(tr("Deleted %1 node(s) and %2 edge(s). Undo brings them back.").arg(n).arg(e));
}

void EditController::copySelection()
{
    const QStringList nodes = m_window->selection()->nodes();
    if (nodes.isEmpty())
        return;
    const QByteArray json = serializeModelJson(copyFragment(*m_window->document(), nodes));
    auto *mime = new QMimeData;
    mime->setData(kMime, json);
    mime->setText(QString::fromUtf8(json));
    QApplication::clipboard()->setMimeData(mime);
    m_pasteCount = 0;
    m_window->showStatus(tr("Copied %n node(s).", nullptr, int(nodes.size())));
}

void EditController::cutSelection()
{
    copySelection();
    deleteSelection();
}

bool EditController::paste(std::optional<QPointF> scenePos)
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (!mime)
        return false;
    const QByteArray json = mime->hasFormat(kMime) ? mime->data(kMime) : mime->text().toUtf8();
    if (json.isEmpty())
        return false;
    Expected<Model> fragment = parseModelJson(json, tr("the clipboard"));
    if (!fragment) {
        m_window->showStatus(tr("The clipboard holds no VendorGraph nodes."));
        return false;
    }
    if (fragment->nodes.empty())
        return false;
    Document *doc = m_window->document();
    // Categories the clipboard defines and this model does not must come along; a clash
    // with a different definition here keeps this model's.
    ++m_pasteCount;
    QPointF offset(40.0 * m_pasteCount, 40.0 * m_pasteCount);
    if (scenePos) {
        QPointF minPos(1e300, 1e300);
        for (const QPointF &p : std::as_const(fragment->layout))
            minPos = QPointF(std::min(minPos.x(), p.x()), std::min(minPos.y(), p.y()));
        offset = minPos.x() < 1e299 ? *scenePos - minPos : *scenePos;
    }
    QStringList ids;
    const ChangeSet c = pasteFragment(*doc, *fragment, offset, &ids);
    doc->undoStack()->push(new ChangeCommand(doc, c, tr("Paste %n node(s)", nullptr, int(ids.size()))));
    m_window->selection()->set(ids, {});
    return true;
}

void EditController::selectAll()
{
    QStringList ids;
    GraphScene *scene = m_window->scene();
    m_window->document()->store().forEachNode([&](int h, const Node &n) {
        if (scene->nodeVisible(h))
            ids << n.id;
    });
    m_window->selection()->set(ids, {});
}

bool EditController::find(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return false;
    const GraphStore &s = m_window->document()->store();
    QString hit = s.findNode(t) ? t : QString();
    if (hit.isEmpty())
        s.forEachNode([&](int, const Node &n) {
            if (hit.isEmpty() && n.name.compare(t, Qt::CaseInsensitive) == 0)
                hit = n.id;
        });
    if (hit.isEmpty())
        s.forEachNode([&](int, const Node &n) {
            if (hit.isEmpty() && (n.id.contains(t, Qt::CaseInsensitive) || n.name.contains(t, Qt::CaseInsensitive)))
                hit = n.id;
        });
    if (hit.isEmpty()) {
        m_window->showStatus(tr("No node matches \"%1\".").arg(t));
        return false;
    }
    m_window->view()->revealNode(hit);
    m_window->view()->setFocus();
    return true;
}

void EditController::connectFromKeyboard()
{
    const QString from = m_window->selection()->currentNode();
    if (from.isEmpty()) {
        m_window->showStatus(tr("Select the node the edge starts from, then Edit ▸ Connect To."));
        return;
    }
    QDialog d(m_window);
    d.setWindowTitle(tr("Connect %1 to...").arg(from));
    auto *form = new QFormLayout(&d);
    auto *target = new QLineEdit(&d);
    QStringList ids;
    m_window->document()->store().forEachNode([&](int, const Node &n) {
        if (n.id != from)
            ids << n.id;
    });
    auto *completer = new QCompleter(ids, target);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    target->setCompleter(completer);
    auto *kind = new QComboBox(&d);
    kind->addItems({tr("data: sends data to"), tr("access: holds a credential for"), tr("code: its code runs inside"),
                    tr("hosts: hosts")});
    auto *message = new QLabel(&d);
    message->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &d);
    form->addRow(tr("&Kind"), kind);
    form->addRow(tr("&Target node"), target);
    form->addRow(message);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &d, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &d, [&] {
        if (!m_window->document()->store().findNode(target->text().trimmed()) || target->text().trimmed() == from) {
            message->setText(tr("Choose the id of another node."));
            return;
        }
        d.accept();
    });
    if (d.exec() != QDialog::Accepted)
        return;
    const auto k = EdgeKind(kind->currentIndex());
    QStringList categories;
    if (k == EdgeKind::Data) {
        const auto chosen = m_window->prompter()->askCategories(m_window, m_window->document()->taxonomy(), {});
        if (!chosen || chosen->isEmpty())
            return;
        categories = *chosen;
    }
    addEdge(from, target->text().trimmed(), k, categories);
}

void EditController::showCategories()
{
    CategoriesDialog dialog(m_window->document(), m_window);
    dialog.exec();
}

} // namespace vg
