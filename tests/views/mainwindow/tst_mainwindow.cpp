// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/document/document.h"
#include "model/document/selection.h"
#include "model/io/modelfile.h"
#include "model/io/sample.h"
#include "model/itemmodels/edgetablemodel.h"
#include "model/itemmodels/nodetablemodel.h"
#include "tests/views/scriptedprompter.h"
#include "views/canvas/graphscene.h"
#include "views/canvas/graphview.h"
#include "views/canvas/nodeitem.h"
#include "views/dialogs/categoriesdialog.h"
#include "views/dialogs/categorypicker.h"
#include "views/mainwindow/editcontroller.h"
#include "views/mainwindow/filecontroller.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/viewcontroller.h"
#include "views/panels/edgeform.h"
#include "views/panels/filterpanel.h"
#include "views/panels/inspector.h"
#include "views/panels/modelbrowser.h"
#include "views/panels/nodeform.h"
#include "views/panels/tablespanel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

using namespace vg;

using test::ScriptedPrompter;

class TestMainWindow : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    ScriptedPrompter *m_prompter = nullptr;
    std::unique_ptr<MainWindow> m_window;

    QString path(const char *n) const { return m_dir.filePath(QLatin1StringView(n)); }
    void edit()
    {
        QAbstractItemModel *m = m_window->nodeView()->model();
        QVERIFY(m->setData(m->index(0, NodeTableModel::Name), QStringLiteral("Edited name")));
        QVERIFY(m_window->document()->isModified());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void init()
    {
        auto p = std::make_unique<ScriptedPrompter>();
        m_prompter = p.get();
        m_window = std::make_unique<MainWindow>(std::move(p));
        m_window->show();
    }
    void cleanup() { m_window.reset(); }

    void opensTheSampleByDefault()
    {
        QSettings().clear();
        m_window->openInitial(QString());
        QCOMPARE(m_window->document()->snapshot()->nodes.size(), bundledSample().nodes.size());
        QCOMPARE(m_window->nodeView()->model()->rowCount(), int(bundledSample().nodes.size()));
        QCOMPARE(m_window->edgeView()->model()->rowCount(), int(bundledSample().edges.size()));
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("Lumen AI")));
        QVERIFY(!m_window->isWindowModified());
    }

    void editMarksModifiedAndUndoRestores()
    {
        m_window->openSample();
        edit();
        QVERIFY(m_window->isWindowModified());
        m_window->document()->undoStack()->undo();
        QVERIFY(!m_window->isWindowModified());
    }

    void newPromptsAndCancelKeepsWork()
    {
        m_window->openSample();
        edit();
        m_prompter->answer = Prompter::Answer::Cancel;
        QVERIFY(!m_window->newDocument());
        QCOMPARE(m_prompter->saveQuestions, 1);
        QVERIFY(m_window->document()->isModified());
        QCOMPARE(m_window->document()->snapshot()->nodes.size(), bundledSample().nodes.size());
    }

    void newWithDiscardDropsWork()
    {
        m_window->openSample();
        edit();
        m_prompter->answer = Prompter::Answer::Discard;
        QVERIFY(m_window->newDocument());
        QVERIFY(m_window->document()->snapshot()->nodes.empty());
        QVERIFY(!m_window->document()->isModified());
    }

    void closeWithSaveWritesTheFile()
    {
        m_window->openSample();
        edit();
        m_prompter->answer = Prompter::Answer::Save;
        m_prompter->savePath = path("closed.vgdb");
        QVERIFY(m_window->close());
        const auto saved = loadModel(path("closed.vgdb"));
        QVERIFY(saved.ok());
        QVERIFY(std::any_of(saved->nodes.begin(), saved->nodes.end(),
                            [](const Node &n) { return n.name == u"Edited name"; }));
    }

    void closeWithCancelStaysOpen()
    {
        m_window->openSample();
        edit();
        m_prompter->answer = Prompter::Answer::Cancel;
        QVERIFY(!m_window->close());
        QVERIFY(m_window->isVisible());
    }

    void saveAsThenSaveAndRecentFiles()
    {
        QSettings().clear();
        m_window->openSample();
        m_prompter->savePath = path("sa.vgdb");
        QVERIFY(m_window->saveAs());
        QCOMPARE(m_window->document()->filePath(), path("sa.vgdb"));
        QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("sa.vgdb")));
        edit();
        QVERIFY(m_window->save());
        QVERIFY(!m_window->document()->isModified());
        QCOMPARE(m_window->recentFiles().value(0), path("sa.vgdb"));
        // A new window opens the most recent file.
        MainWindow other(std::make_unique<ScriptedPrompter>());
        other.openInitial(QString());
        QCOMPARE(other.document()->filePath(), path("sa.vgdb"));
    }

    void badFileShowsErrorAndKeepsTheOpenModel()
    {
        m_window->openSample();
        edit();
        const Model before = *m_window->document()->snapshot();
        QVERIFY(test::writeAll(path("bad.json"),
                               "{\"format\": \"vendorgraph\", \"version\": 1, \"nodes\": [{\"id\": 1}]}"));
        m_prompter->answer = Prompter::Answer::Discard;
        m_prompter->openPath = path("bad.json");
        QVERIFY(!m_window->open());
        QCOMPARE(m_prompter->errors.size(), 1);
        QVERIFY2(m_prompter->errors[0].contains(QStringLiteral("/nodes/0/id")), qPrintable(m_prompter->errors[0]));
        QCOMPARE(*m_window->document()->snapshot(), before);
        QVERIFY(m_window->document()->isModified());
    }

    void failedSaveShowsErrorAndKeepsWork()
    {
        m_window->openSample();
        edit();
        m_prompter->savePath = path("missing-dir/x.vgdb");
        QVERIFY(!m_window->saveAs());
        QCOMPARE(m_prompter->errors.size(), 1);
        QVERIFY(m_window->document()->isModified());
    }

    void filterNarrowsBothTables()
    {
        m_window->openSample();
        QLineEdit *filter = m_window->tables()->filterBox();
        filter->setText(QStringLiteral("crm_tenant"));
        QAbstractItemModel *nodes = m_window->nodeView()->model();
        QAbstractItemModel *edges = m_window->edgeView()->model();
        QCOMPARE(nodes->rowCount(), 1);
        QVERIFY(edges->rowCount() >= 10);
        for (int r = 0; r < edges->rowCount(); ++r) {
            const QString from = edges->index(r, EdgeTableModel::From).data().toString();
            const QString to = edges->index(r, EdgeTableModel::To).data().toString();
            QVERIFY(from == u"crm_tenant" || to == u"crm_tenant");
        }
        m_window->tables()->tabs()->setCurrentIndex(1);
        // Ids sort the way people read them: e12 before e111.
        QStringList ids;
        for (int r = 0; r < edges->rowCount(); ++r)
            ids << edges->index(r, EdgeTableModel::Id).data().toString();
        QVERIFY2(ids.indexOf(QStringLiteral("e12")) < ids.indexOf(QStringLiteral("e111")), qPrintable(ids.join(u' ')));
        // VG_SCREENSHOTS=DIR saves what a person would see, for review.
        if (const QByteArray dir = qgetenv("VG_SCREENSHOTS"); !dir.isEmpty()) {
            m_window->resize(1200, 700);
            QVERIFY(m_window->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/edges-filtered.png")));
        }
        filter->clear();
        QCOMPARE(nodes->rowCount(), int(bundledSample().nodes.size()));
    }

    void selectionIsSharedByCanvasBrowserTablesAndInspector()
    {
        m_window->openSample();
        Selection *sel = m_window->selection();
        // In the browser.
        ModelBrowser *browser = m_window->browser();
        browser->searchBox()->setText(QStringLiteral("Pulsegraph"));
        QTreeView *tree = browser->tree();
        QCOMPARE(tree->model()->rowCount(), 1); // only the vendors' group has a match
        const QModelIndex vendors = tree->model()->index(0, 0);
        QCOMPARE(tree->model()->rowCount(vendors), 1);
        tree->selectionModel()->select(tree->model()->index(0, 0, vendors),
                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(sel->nodes(), QStringList{QStringLiteral("analytics")});
        QVERIFY(m_window->scene()->nodeItem(QStringLiteral("analytics"))->isSelected());
        QCOMPARE(m_window->nodeView()->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(m_window->nodeView()->selectionModel()->selectedRows().first().data(Qt::UserRole).toString(),
                 QStringLiteral("analytics"));
        QCOMPARE(m_window->inspector()->page(), QStringLiteral("node"));
        QCOMPARE(m_window->inspector()->nodeForm()->nodeId(), QStringLiteral("analytics"));
        // On the canvas.
        m_window->scene()->clearSelection();
        m_window->scene()->nodeItem(QStringLiteral("crm"))->setSelected(true);
        QCOMPARE(sel->nodes(), QStringList{QStringLiteral("crm")});
        QCOMPARE(m_window->inspector()->nodeForm()->nodeId(), QStringLiteral("crm"));
        // In the edge table.
        QTableView *edges = m_window->edgeView();
        QModelIndex e21;
        for (int r = 0; r < edges->model()->rowCount(); ++r)
            if (edges->model()->index(r, 0).data(Qt::UserRole).toString() == u"e21")
                e21 = edges->model()->index(r, 0);
        edges->selectionModel()->select(e21, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(sel->edges(), QStringList{QStringLiteral("e21")});
        QVERIFY(sel->nodes().isEmpty());
        QVERIFY(!m_window->scene()->nodeItem(QStringLiteral("crm"))->isSelected());
        QCOMPARE(m_window->inspector()->page(), QStringLiteral("edge"));
        sel->clear();
        QCOMPARE(m_window->inspector()->page(), QStringLiteral("model"));
    }

    void theInspectorEditsEveryFieldWithValidationAndUndo()
    {
        m_window->openSample();
        Document *doc = m_window->document();
        m_window->selection()->selectNode(QStringLiteral("api_users"));
        NodeForm *form = m_window->inspector()->nodeForm();
        auto *name = qobject_cast<QLineEdit *>(form->field(QStringLiteral("name")));
        name->setText(QStringLiteral("Developers"));
        Q_EMIT name->editingFinished();
        QCOMPARE(doc->store().findNode(QStringLiteral("api_users"))->name, QStringLiteral("Developers"));
        // A wrong count is explained and not applied.
        auto *count = qobject_cast<QLineEdit *>(form->field(QStringLiteral("count")));
        const qint64 before = *doc->store().findNode(QStringLiteral("api_users"))->count;
        count->setText(QStringLiteral("many"));
        Q_EMIT count->editingFinished();
        QVERIFY2(form->message().contains(QStringLiteral("whole number")), qPrintable(form->message()));
        QCOMPARE(*doc->store().findNode(QStringLiteral("api_users"))->count, before);
        // A region that is not one is refused with a hint.
        count->setText(QString::number(before));
        auto *regions = qobject_cast<QLineEdit *>(form->field(QStringLiteral("regions")));
        regions->setText(QStringLiteral("US, UK"));
        Q_EMIT regions->editingFinished();
        QVERIFY2(form->message().contains(QStringLiteral("GB")), qPrintable(form->message()));
        QVERIFY(!doc->store().findNode(QStringLiteral("api_users"))->regions.contains(QStringLiteral("UK")));
        // Renaming the id is an edit like any other; edges follow.
        regions->setText(QStringLiteral("US, US-CA, EU, GB, IN"));
        auto *id = qobject_cast<QLineEdit *>(form->field(QStringLiteral("id")));
        id->setText(QStringLiteral("developers"));
        Q_EMIT id->editingFinished();
        QVERIFY(doc->store().findNode(QStringLiteral("developers")));
        QCOMPARE(doc->store().findEdge(QStringLiteral("e1"))->from, QStringLiteral("developers"));
        QVERIFY(m_window->selection()->containsNode(QStringLiteral("developers")));
        while (doc->undoStack()->canUndo())
            doc->undoStack()->undo();
        QCOMPARE(doc->store().findNode(QStringLiteral("api_users"))->name, bundledSample().nodes[6].name);
        QVERIFY(!doc->isModified());
        // A vendor's due diligence.
        m_window->selection()->selectNode(QStringLiteral("analytics"));
        auto *tier = qobject_cast<QComboBox *>(form->field(QStringLiteral("vendor/tier")));
        tier->setCurrentIndex(1);
        Q_EMIT tier->activated(1);
        QCOMPARE(*doc->store().findNode(QStringLiteral("analytics"))->vendor->tier, 1);
        auto *assessed = qobject_cast<QLineEdit *>(form->field(QStringLiteral("vendor/last_assessed")));
        assessed->setText(QStringLiteral("2025-13-01"));
        Q_EMIT assessed->editingFinished();
        QVERIFY(form->message().contains(QStringLiteral("YYYY-MM-DD")));
    }

    void aDataEdgesCategoriesAreEditedInThePicker()
    {
        m_window->openSample();
        Document *doc = m_window->document();
        m_window->selection()->selectEdge(QStringLiteral("e21"));
        m_prompter->categories = QStringList{QStringLiteral("ID.NAME"), QStringLiteral("CONTACT.EMAIL")};
        m_window->inspector()->edgeForm()->editCategories();
        QCOMPARE(doc->store().findEdge(QStringLiteral("e21"))->categories, *m_prompter->categories);
        doc->undoStack()->undo();
        QCOMPARE(doc->store().findEdge(QStringLiteral("e21"))->categories.size(), 6);
        // The picker itself: searchable and checkable.
        CategoryPicker picker(doc->taxonomy(), {QStringLiteral("ID.NAME")});
        QCOMPARE(picker.checked(), QStringList{QStringLiteral("ID.NAME")});
        picker.setFilter(QStringLiteral("session"));
        auto *tree = picker.findChild<QTreeWidget *>();
        int shown = 0;
        for (int g = 0; g < tree->topLevelItemCount(); ++g)
            for (int i = 0; i < tree->topLevelItem(g)->childCount(); ++i)
                shown += !tree->topLevelItem(g)->child(i)->isHidden();
        QCOMPARE(shown, 1); // CRED.SESSION
    }

    void nodesAreAddedAndConnectedFromTheCanvas()
    {
        m_window->openSample();
        Document *doc = m_window->document();
        const int nodes = doc->store().nodeCount(), edges = doc->store().edgeCount();
        m_prompter->nodeKind = NodeKind::Vendor;
        Q_EMIT m_window->view()->addNodeRequested(QPointF(-2000, -2000));
        QCOMPARE(doc->store().nodeCount(), nodes + 1);
        const QString added = m_window->selection()->currentNode();
        QCOMPARE(added, QStringLiteral("vendor-1"));
        QCOMPARE(m_window->scene()->nodeItem(added)->pos(), QPointF(-2000, -2000));
        // Connecting: the kind from the popup, a data edge's categories from the picker.
        m_prompter->edgeKind = EdgeKind::Data;
        m_prompter->categories = QStringList{QStringLiteral("CONTACT.EMAIL")};
        Q_EMIT m_window->view()->connectRequested(QStringLiteral("crm_tenant"), added, QPoint());
        QCOMPARE(doc->store().edgeCount(), edges + 1);
        const Edge *e = doc->store().findEdge(m_window->selection()->currentEdge());
        QVERIFY(e);
        QCOMPARE(e->from, QStringLiteral("crm_tenant"));
        QCOMPARE(e->categories, QStringList{QStringLiteral("CONTACT.EMAIL")});
        // Cancelling the picker adds nothing.
        m_prompter->categories.reset();
        Q_EMIT m_window->view()->connectRequested(QStringLiteral("crm_tenant"), added, QPoint());
        QCOMPARE(doc->store().edgeCount(), edges + 1);
        // Delete removes the node with its edge, in one step.
        m_window->selection()->selectNode(added);
        m_window->edits()->deleteSelection();
        QCOMPARE(doc->store().nodeCount(), nodes);
        QCOMPARE(doc->store().edgeCount(), edges);
        doc->undoStack()->undo();
        QCOMPARE(doc->store().edgeCount(), edges + 1);
    }

    void copyAndPasteWorkBetweenWindows()
    {
        m_window->openSample();
        m_window->selection()->set({QStringLiteral("analytics"), QStringLiteral("analytics_cloud")}, {});
        m_window->edits()->copySelection();
        QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("\"format\": \"vendorgraph\"")));
        auto p = std::make_unique<ScriptedPrompter>();
        MainWindow other(std::move(p));
        QVERIFY(other.newDocument());
        QVERIFY(other.edits()->paste());
        QCOMPARE(other.document()->store().nodeCount(), 2);
        QCOMPARE(other.document()->store().edgeCount(), 2); // e23 and e24, between the two
        // Pasting again into the first window gives new ids.
        QVERIFY(m_window->edits()->paste());
        QCOMPARE(m_window->document()->store().nodeCount(), int(bundledSample().nodes.size()) + 2);
        QVERIFY(m_window->document()->store().findNode(QStringLiteral("vendor-1")));
    }

    void findJumpsToANodeByIdOrName()
    {
        m_window->openSample();
        QVERIFY(m_window->edits()->find(QStringLiteral("Cloudforce CRM")));
        QCOMPARE(m_window->selection()->currentNode(), QStringLiteral("crm"));
        QVERIFY(m_window->edits()->find(QStringLiteral("secrets")));
        QCOMPARE(m_window->selection()->currentNode(), QStringLiteral("secrets_vault"));
        QVERIFY(!m_window->edits()->find(QStringLiteral("no such thing")));
    }

    void everyLayoutIsOneUndoableStep_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("tiers") << int(LayoutKind::Tiers);
        QTest::newRow("layered") << int(LayoutKind::Layered);
        QTest::newRow("organic") << int(LayoutKind::Organic);
    }
    void everyLayoutIsOneUndoableStep()
    {
        QFETCH(int, kind);
        m_window->openSample();
        Document *doc = m_window->document();
        const Model before = *doc->snapshot();
        QVERIFY(m_window->views()->runLayout(LayoutKind(kind), false));
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->snapshot()->layout.size(), before.layout.size());
        if (LayoutKind(kind) != LayoutKind::Tiers) // the sample opens in Tiers already
            QVERIFY(doc->snapshot()->layout != before.layout);
        doc->undoStack()->undo();
        QCOMPARE(doc->snapshot()->layout, before.layout);
    }

    void focusAndThemeAreViewsNotEdits()
    {
        m_window->openSample();
        m_window->selection()->selectNode(QStringLiteral("analytics"));
        m_window->filters()->focusOnSelection();
        QVERIFY(!m_window->scene()->nodeItem(QStringLiteral("crm"))->isVisible());
        m_window->views()->setTheme(Theme::Dark);
        QVERIFY(m_window->scene()->canvasStyle().dark);
        m_window->views()->setTheme(Theme::Light);
        QVERIFY(!m_window->scene()->canvasStyle().dark);
        m_window->filters()->showAll();
        QVERIFY(m_window->scene()->nodeItem(QStringLiteral("crm"))->isVisible());
        QCOMPARE(m_window->document()->undoStack()->count(), 0);
        QCOMPARE(QSettings().value(QStringLiteral("theme")).toString(), QStringLiteral("light"));
    }

    void arrowKeysMoveTheSelectionBetweenNodes()
    {
        m_window->openSample();
        m_window->selection()->selectNode(QStringLiteral("dashboard"));
        const QPointF start = m_window->scene()->nodeItem(QStringLiteral("dashboard"))->pos();
        m_window->view()->moveSelection(Qt::Key_Right);
        const QString next = m_window->selection()->currentNode();
        QVERIFY(!next.isEmpty() && next != u"dashboard");
        QVERIFY(m_window->scene()->nodeItem(next)->pos().x() > start.x());
        m_window->view()->moveSelection(Qt::Key_Left);
        QVERIFY(m_window->scene()->nodeItem(m_window->selection()->currentNode())->pos().x()
                < m_window->scene()->nodeItem(next)->pos().x());
    }

    // VG_SCREENSHOTS=DIR saves what a person sees in each state, for review.
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("VG_SCREENSHOTS");
        if (dir.isEmpty())
            QSKIP("set VG_SCREENSHOTS=DIR to save screenshots");
        auto shot = [&](QWidget *w, const char *name) {
            QCoreApplication::processEvents();
            QVERIFY(w->grab().save(dir + QLatin1Char('/') + QLatin1StringView(name)));
        };
        m_window->views()->setTheme(Theme::Light);
        m_window->resize(1600, 1000);
        m_window->openSample();
        QCoreApplication::processEvents();
        m_window->view()->fitAll();
        shot(m_window.get(), "01-sample.png");
        for (auto [kind, name] :
             {std::pair{LayoutKind::Layered, "02-layered.png"}, std::pair{LayoutKind::Organic, "03-organic.png"},
              std::pair{LayoutKind::Tiers, "04-tiers.png"}}) {
            QVERIFY(m_window->views()->runLayout(kind, false));
            shot(m_window.get(), name);
        }
        m_window->selection()->selectNode(QStringLiteral("analytics"));
        m_window->filters()->focusOnSelection();
        m_window->view()->fitAll();
        shot(m_window.get(), "05-focus-analytics.png");
        m_window->filters()->showAll();
        m_window->view()->revealNode(QStringLiteral("crm"));
        m_window->view()->setZoom(0.9);
        shot(m_window.get(), "06-inspector-vendor.png");
        m_window->selection()->selectEdge(QStringLiteral("e21"));
        m_window->view()->zoomToSelection();
        shot(m_window.get(), "07-inspector-data-edge.png");
        CategoryPicker picker(m_window->document()->taxonomy(),
                              m_window->document()->store().findEdge(QStringLiteral("e21"))->categories,
                              m_window.get());
        picker.show();
        shot(&picker, "08-category-picker.png");
        CategoriesDialog categories(m_window->document(), m_window.get());
        categories.show();
        shot(&categories, "09-categories-dialog.png");
        m_window->views()->setTheme(Theme::Dark);
        m_window->selection()->clear();
        m_window->view()->fitAll();
        shot(m_window.get(), "10-dark.png");
        m_window->view()->revealNode(QStringLiteral("dashboard"));
        m_window->view()->setZoom(1.0);
        shot(m_window.get(), "11-dark-zoomed.png");
        m_window->views()->setTheme(Theme::Light);
    }

    void fileMenuHasTheDocumentActions()
    {
        QStringList texts;
        for (QAction *a : m_window->menuBar()->actions().first()->menu()->actions())
            texts << a->text().remove(QLatin1Char('&'));
        for (const char *t : {"New", "Open...", "Open Recent", "Save", "Save As...", "Quit"})
            QVERIFY2(texts.contains(QLatin1StringView(t)), t);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
