// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/commands/changecommand.h"
#include "model/commands/edits.h"
#include "model/document/analysisservice.h"
#include "model/document/document.h"
#include "model/document/selection.h"
#include "model/domain/validate.h"
#include "model/io/generator.h"
#include "model/io/sample.h"
#include "model/itemmodels/edgetablemodel.h"
#include "model/itemmodels/modelbrowsermodel.h"
#include "model/itemmodels/nodetablemodel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace vg;

namespace {

// A model in canonical order, for comparing documents regardless of slot order.
Model canonical(Model m)
{
    m.sortById();
    return m;
}

QString nodeName(const Document &doc, const char *id) { return doc.store().findNode(QString::fromLatin1(id))->name; }

void push(Document &doc, ChangeSet c, const QString &text = QStringLiteral("edit"))
{
    doc.undoStack()->push(new ChangeCommand(&doc, std::move(c), text));
}

} // namespace

class TestDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void editsAreUndoableAndDriveModified()
    {
        Document doc;
        doc.reset(test::exampleModel(), QString());
        QVERIFY(!doc.isModified());
        QSignalSpy modified(&doc, &Document::modifiedChanged);
        Node crm = *doc.store().findNode(QStringLiteral("crm"));
        crm.name = QStringLiteral("Cloudforce");
        push(doc, replaceNode(doc, crm.id, crm));
        QVERIFY(doc.isModified());
        QCOMPARE(nodeName(doc, "crm"), QStringLiteral("Cloudforce"));
        QCOMPARE(modified.count(), 1);
        doc.undoStack()->undo();
        QVERIFY(!doc.isModified());
        QCOMPARE(nodeName(doc, "crm"), QStringLiteral("CRM platform"));
    }

    void consecutiveEditsOfOneFieldMerge()
    {
        Document doc;
        doc.reset(test::exampleModel(), QString());
        for (const char *name : {"C", "Cl", "Clo"}) {
            Node crm = *doc.store().findNode(QStringLiteral("crm"));
            crm.name = QString::fromLatin1(name);
            doc.undoStack()->push(new ChangeCommand(&doc, replaceNode(doc, crm.id, crm), QStringLiteral("Rename"),
                                                    CommandId::EditItem, QStringLiteral("crm/name")));
        }
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(nodeName(doc, "crm"), QStringLiteral("Clo"));
        doc.undoStack()->undo();
        QCOMPARE(nodeName(doc, "crm"), QStringLiteral("CRM platform"));
        // Another field does not merge.
        Node crm = *doc.store().findNode(QStringLiteral("crm"));
        crm.description = QStringLiteral("x");
        doc.undoStack()->push(new ChangeCommand(&doc, replaceNode(doc, crm.id, crm), QStringLiteral("Describe"),
                                                CommandId::EditItem, QStringLiteral("crm/description")));
        crm.name = QStringLiteral("y");
        doc.undoStack()->push(new ChangeCommand(&doc, replaceNode(doc, crm.id, crm), QStringLiteral("Rename"),
                                                CommandId::EditItem, QStringLiteral("crm/name")));
        QCOMPARE(doc.undoStack()->count(), 2);
    }

    void consecutiveDragsOfOneSelectionMerge()
    {
        Document doc;
        doc.reset(test::exampleModel(), QString());
        const QString key = QStringLiteral("crm,dashboard");
        for (int i = 1; i <= 3; ++i)
            doc.undoStack()->push(new ChangeCommand(&doc,
                                                    movePositions({{QStringLiteral("crm"), QPointF(i, i)},
                                                                   {QStringLiteral("dashboard"), QPointF(10 * i, 0)}}),
                                                    QStringLiteral("Move"), CommandId::MoveNodes, key));
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(*doc.store().position(doc.store().node(QStringLiteral("crm"))), QPointF(3, 3));
        doc.undoStack()->undo();
        QVERIFY(!doc.store().position(doc.store().node(QStringLiteral("crm"))));
        QCOMPARE(*doc.store().position(doc.store().node(QStringLiteral("dashboard"))), QPointF(120, 40));
        // A drag of another selection is a step of its own.
        doc.undoStack()->redo();
        doc.undoStack()->push(new ChangeCommand(&doc, movePositions({{QStringLiteral("crm"), QPointF(0, 0)}}),
                                                QStringLiteral("Move"), CommandId::MoveNodes, QStringLiteral("crm")));
        QCOMPARE(doc.undoStack()->count(), 2);
    }

    void removingANodeRemovesItsEdgesInOneStepAndUndoRestoresThemWithTheirIds()
    {
        Document doc;
        doc.reset(test::exampleModel(), QString());
        const Model before = canonical(*doc.snapshot());
        const ChangeSet c = removeItems(doc, {QStringLiteral("dashboard")}, {});
        QCOMPARE(c.edgesRemoved.size(), 3);
        push(doc, c);
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.store().nodeCount(), 5);
        QCOMPARE(doc.store().edgeCount(), 2);
        QVERIFY(!doc.snapshot()->layout.contains(QStringLiteral("dashboard")));
        doc.undoStack()->undo();
        QCOMPARE(canonical(*doc.snapshot()), before);
        QVERIFY(doc.store().findEdge(QStringLiteral("e1")));
    }

    void renamingAnIdUpdatesEdgesPositionsAndUndo()
    {
        Document doc;
        doc.reset(test::exampleModel(), QString());
        const Model before = canonical(*doc.snapshot());
        QSignalSpy renamed(&doc, &Document::nodeRenamed);
        Node n = *doc.store().findNode(QStringLiteral("dashboard"));
        n.id = QStringLiteral("portal");
        n.name = QStringLiteral("Portal");
        push(doc, replaceNode(doc, QStringLiteral("dashboard"), n));
        QCOMPARE(renamed.count(), 1);
        QVERIFY(!doc.store().findNode(QStringLiteral("dashboard")));
        QCOMPARE(doc.store().findEdge(QStringLiteral("e1"))->to, QStringLiteral("portal"));
        QCOMPARE(doc.snapshot()->layout.value(QStringLiteral("portal")), QPointF(120, 40));
        QVERIFY(validateModel(*doc.snapshot()).empty());
        doc.undoStack()->undo();
        QCOMPARE(canonical(*doc.snapshot()), before);
        doc.undoStack()->redo();
        QCOMPARE(doc.store().findNode(QStringLiteral("portal"))->name, QStringLiteral("Portal"));
    }

    void savedScenariosFollowRenamesAndRemovalsAndUndo()
    {
        Document doc;
        doc.reset(test::exampleModel(), QString());
        QSignalSpy changed(&doc, &Document::scenariosChanged);
        Scenario q;
        q.seeds = {{QStringLiteral("crm"), Compromise::Breached}, {QStringLiteral("dashboard"), Compromise::Controlled}};
        q.maxHops = 3;
        push(doc, setActiveScenarioQuestion(doc, q));
        QCOMPARE(changed.count(), 1);
        QVERIFY(doc.activeScenario());
        QCOMPARE(doc.activeScenarioName(), QStringLiteral("Scenario 1"));
        QCOMPARE(doc.activeScenario()->breach, QStringList{QStringLiteral("crm")});
        QCOMPARE(doc.activeScenario()->maxHops, std::optional<int>(3));
        QVERIFY(doc.isModified());
        // The snapshot (what is saved) carries them.
        QCOMPARE(doc.snapshot()->scenarios.size(), std::size_t(1));
        QCOMPARE(doc.snapshot()->activeScenario, QStringLiteral("Scenario 1"));
        const std::vector<SavedScenario> marked = doc.scenarios();

        // A rename renames the seed; undo renames it back.
        Node n = *doc.store().findNode(QStringLiteral("dashboard"));
        n.id = QStringLiteral("portal");
        push(doc, replaceNode(doc, QStringLiteral("dashboard"), n));
        QCOMPARE(doc.activeScenario()->control, QStringList{QStringLiteral("portal")});
        QVERIFY(validateModel(*doc.snapshot()).empty());
        doc.undoStack()->undo();
        QCOMPARE(doc.scenarios(), marked);

        // A removal drops the seed; undo restores it.
        push(doc, removeItems(doc, {QStringLiteral("crm")}, {}));
        QVERIFY(doc.activeScenario()->breach.isEmpty());
        QVERIFY(validateModel(*doc.snapshot()).empty());
        doc.undoStack()->undo();
        QCOMPARE(doc.scenarios(), marked);

        // Add, rename, remove saved scenarios; the active name follows.
        SavedScenario second;
        second.name = freshScenarioName(doc);
        QCOMPARE(second.name, QStringLiteral("Scenario 2"));
        push(doc, addScenario(doc, second));
        QCOMPARE(doc.activeScenarioName(), QStringLiteral("Scenario 2"));
        second.name = QStringLiteral("Vendor X down");
        push(doc, replaceScenario(doc, QStringLiteral("Scenario 2"), second));
        QCOMPARE(doc.activeScenarioName(), QStringLiteral("Vendor X down"));
        push(doc, removeScenario(doc, QStringLiteral("Vendor X down")));
        QCOMPARE(doc.activeScenarioName(), QStringLiteral("Scenario 1"));
        QCOMPARE(doc.scenarios(), marked);
        for (int i = 0; i < 3; ++i)
            doc.undoStack()->undo();
        QCOMPARE(doc.scenarios(), marked);
        QCOMPARE(doc.activeScenarioName(), QStringLiteral("Scenario 1"));
        doc.undoStack()->undo();
        QVERIFY(doc.scenarios().empty());
        QVERIFY(doc.activeScenarioName().isEmpty());
        QVERIFY(!doc.isModified());
    }

    void savedScenariosSurviveSaveAndReopenInBothFormats_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("vgdb") << QStringLiteral("m.vgdb");
        QTest::newRow("json") << QStringLiteral("m.json");
    }

    void savedScenariosSurviveSaveAndReopenInBothFormats()
    {
        QFETCH(QString, file);
        QTemporaryDir dir;
        Document doc;
        doc.reset(test::exampleModel(), QString());
        Scenario q;
        q.seeds = {{QStringLiteral("crm"), Compromise::Controlled}};
        q.potential = false;
        push(doc, setActiveScenarioQuestion(doc, q));
        SavedScenario other;
        other.name = QStringLiteral("Dashboard breached");
        other.breach = {QStringLiteral("dashboard")};
        other.awareness = QDateTime(QDate(2026, 11, 27), QTime(9, 30), QTimeZone(3600));
        push(doc, addScenario(doc, other));
        push(doc, activateScenario(QStringLiteral("Scenario 1")));
        QVERIFY(doc.saveAs(dir.filePath(file)).ok());
        Document again;
        QVERIFY(again.open(dir.filePath(file)).ok());
        QCOMPARE(again.scenarios(), doc.scenarios());
        QCOMPARE(again.activeScenarioName(), QStringLiteral("Scenario 1"));
        QCOMPARE(again.activeScenario()->control, QStringList{QStringLiteral("crm")});
        QCOMPARE(again.scenarios()[1].awareness, other.awareness);
        QCOMPARE(again.scenarios()[1].awareness.offsetFromUtc(), 3600);
    }

    void oneEditEmitsOnlyItsOwnSignals()
    {
        Document doc;
        doc.reset(bundledSample(), QString());
        QSignalSpy nodeChanged(&doc, &Document::nodeChanged), edgeChanged(&doc, &Document::edgeChanged),
            added(&doc, &Document::nodeAdded), removed(&doc, &Document::nodeRemoved),
            reset(&doc, &Document::modelReset), moved(&doc, &Document::positionsMoved);
        Node n = *doc.store().findNode(QStringLiteral("crm"));
        n.name = QStringLiteral("Renamed");
        push(doc, replaceNode(doc, n.id, n));
        QCOMPARE(nodeChanged.count(), 1);
        QCOMPARE(nodeChanged.first().first().toString(), QStringLiteral("crm"));
        QCOMPARE(edgeChanged.count() + added.count() + removed.count() + reset.count() + moved.count(), 0);
    }

    void freshIdsAreReadableAndFree()
    {
        Document doc;
        doc.reset(test::exampleModel(), QString());
        QCOMPARE(doc.freshNodeId(NodeKind::Vendor), QStringLiteral("vendor-1"));
        Node vendor;
        vendor.kind = NodeKind::Vendor;
        vendor.name = QStringLiteral("New");
        push(doc, addNode(doc, vendor, QPointF(0, 0)));
        QCOMPARE(doc.freshNodeId(NodeKind::Vendor), QStringLiteral("vendor-2"));
        QCOMPARE(doc.freshNodeId(NodeKind::Vendor, {QStringLiteral("vendor-2")}), QStringLiteral("vendor-3"));
        QCOMPARE(doc.freshEdgeId(), QStringLiteral("e-1"));
        Edge e;
        e.from = QStringLiteral("vendor-1");
        e.to = QStringLiteral("dashboard");
        e.kind = EdgeKind::Code;
        push(doc, addEdge(doc, e));
        QVERIFY(doc.store().findEdge(QStringLiteral("e-1")));
        QVERIFY(validateModel(*doc.snapshot()).empty());
    }

    void copyAndPasteGiveNewIdsOnConflict()
    {
        Document doc;
        doc.reset(test::exampleModel(), QString());
        const Model fragment = copyFragment(doc, {QStringLiteral("api_users"), QStringLiteral("dashboard")});
        QCOMPARE(fragment.nodes.size(), std::size_t(2));
        QCOMPARE(fragment.edges.size(), std::size_t(1)); // only the edge between them
        QStringList ids;
        push(doc, pasteFragment(doc, fragment, QPointF(40, 40), &ids));
        QCOMPARE(ids.size(), 2);
        QVERIFY(!ids.contains(QStringLiteral("dashboard")));
        QCOMPARE(doc.store().nodeCount(), 8);
        QCOMPARE(doc.store().edgeCount(), 6);
        QVERIFY(validateModel(*doc.snapshot()).empty());
        // The pasted edge joins the pasted nodes.
        int pasted = 0;
        doc.store().forEachEdge([&](int, const Edge &e) { pasted += ids.contains(e.from) && ids.contains(e.to); });
        QCOMPARE(pasted, 1);
        QCOMPARE(doc.snapshot()->layout.value(ids.last()), QPointF(160, 80));
        // Through the clipboard's JSON form and into another document.
        Document other;
        other.reset(Model(), QString());
        const auto parsed = parseModelJson(serializeModelJson(fragment));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message()));
        push(other, pasteFragment(other, *parsed, QPointF()));
        QCOMPARE(other.store().nodeCount(), 2);
        QVERIFY(other.store().findNode(QStringLiteral("dashboard")));
    }

    void randomEditSequencesUndoToTheStartAndRedoToTheEnd_data()
    {
        QTest::addColumn<int>("seed");
        for (int seed = 1; seed <= 6; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }
    void randomEditSequencesUndoToTheStartAndRedoToTheEnd()
    {
        QFETCH(int, seed);
        QRandomGenerator rng{quint32(seed)};
        Document doc;
        doc.reset(bundledSample(), QString());
        const Model start = canonical(*doc.snapshot());
        for (int step = 0; step < 60; ++step) {
            const Model m = *doc.snapshot();
            const Node &n = m.nodes[rng.bounded(quint32(m.nodes.size()))];
            switch (rng.bounded(6)) {
            case 0: push(doc, removeItems(doc, {n.id}, {})); break;
            case 1: {
                Node copy = n;
                copy.id = n.id + QStringLiteral("-r");
                copy.name += QStringLiteral(" (renamed)");
                push(doc, replaceNode(doc, n.id, copy));
                break;
            }
            case 2: push(doc, movePositions({{n.id, QPointF(rng.bounded(500), rng.bounded(500))}})); break;
            case 3: {
                if (m.edges.empty())
                    break;
                Edge e = m.edges[rng.bounded(quint32(m.edges.size()))];
                const QString old = e.id;
                e.id += QStringLiteral("x");
                e.description = QStringLiteral("edited");
                push(doc, replaceEdge(doc, old, e));
                break;
            }
            case 4: push(doc, pasteFragment(doc, copyFragment(doc, {n.id}), QPointF(5, 5))); break;
            default: {
                const Node &other = m.nodes[rng.bounded(quint32(m.nodes.size()))];
                if (other.id == n.id)
                    break;
                Edge e;
                e.from = n.id;
                e.to = other.id;
                e.kind = EdgeKind::Hosts;
                push(doc, addEdge(doc, e));
            }
            }
            const auto problems = validateModel(*doc.snapshot());
            QVERIFY2(problems.empty(), qPrintable(problems.empty() ? QString() : problems.front().toString()));
        }
        const Model end = canonical(*doc.snapshot());
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(canonical(*doc.snapshot()), start);
        QVERIFY(!doc.isModified());
        while (doc.undoStack()->canRedo())
            doc.undoStack()->redo();
        QCOMPARE(canonical(*doc.snapshot()), end);
    }

    // The analysis keeps its own replica of the model and receives only the changed slots:
    // after every edit, undo and redo, the model it analyses is the document's, item for item
    // in slot order, and each item's handle is the store's.
    void theAnalysisReplicaFollowsEveryEdit_data()
    {
        QTest::addColumn<int>("seed");
        for (int seed = 1; seed <= 4; ++seed)
            QTest::addRow("seed %d", seed) << seed;
    }
    void theAnalysisReplicaFollowsEveryEdit()
    {
        QFETCH(int, seed);
        QRandomGenerator rng{quint32(seed)};
        Document doc;
        doc.reset(bundledSample(), QString());
        AnalysisService analysis(&doc);
        auto check = [&](int step) {
            analysis.waitForIdle();
            const auto r = analysis.result();
            QVERIFY(r);
            QCOMPARE(r->revision, doc.contentRevision());
            const Model &seen = *r->model;
            const Model now = *doc.snapshot();
            QVERIFY2(seen.nodes == now.nodes, qPrintable(QStringLiteral("step %1: nodes differ").arg(step)));
            QVERIFY2(seen.edges == now.edges, qPrintable(QStringLiteral("step %1: edges differ").arg(step)));
            QCOMPARE(seen.categories, now.categories);
            QCOMPARE(r->nodeHandles.size(), seen.nodes.size());
            for (std::size_t i = 0; i < seen.nodes.size(); ++i)
                QCOMPARE(doc.store().nodeAt(r->nodeHandles[i]).id, seen.nodes[i].id);
            for (std::size_t i = 0; i < seen.edges.size(); ++i)
                QCOMPARE(doc.store().edgeAt(r->edgeHandles[i]).id, seen.edges[i].id);
        };
        check(-1);
        for (int step = 0; step < 40; ++step) {
            const Model m = *doc.snapshot();
            const Node &n = m.nodes[rng.bounded(quint32(m.nodes.size()))];
            switch (rng.bounded(7)) {
            case 0: push(doc, removeItems(doc, {n.id}, {})); break;
            case 1: {
                Node copy = n;
                copy.id = n.id + QStringLiteral("-r"); // renames its edges' ends and references
                push(doc, replaceNode(doc, n.id, copy));
                break;
            }
            case 2: {
                Node copy = n;
                copy.description = QStringLiteral("step %1").arg(step);
                push(doc, replaceNode(doc, n.id, copy));
                break;
            }
            case 3: push(doc, pasteFragment(doc, copyFragment(doc, {n.id}), QPointF(5, 5))); break;
            case 4:
                if (doc.undoStack()->canUndo())
                    doc.undoStack()->undo();
                break;
            case 5:
                if (doc.undoStack()->canRedo())
                    doc.undoStack()->redo();
                break;
            default: {
                const Node &other = m.nodes[rng.bounded(quint32(m.nodes.size()))];
                if (other.id == n.id)
                    break;
                Edge e;
                e.from = n.id;
                e.to = other.id;
                e.kind = EdgeKind::Hosts;
                push(doc, addEdge(doc, e));
            }
            }
            // Several edits may land before a run: check after some, not all.
            if (rng.bounded(3) == 0)
                check(step);
        }
        check(99);
        // A reset starts the replica over.
        doc.reset(test::exampleModel(), QString());
        check(100);
    }

    void selectionFollowsRemovalAndRename()
    {
        Document doc;
        doc.reset(test::exampleModel(), QString());
        Selection sel(&doc);
        sel.set({QStringLiteral("crm"), QStringLiteral("dashboard")}, {QStringLiteral("e1")});
        QCOMPARE(sel.currentNode(), QStringLiteral("dashboard"));
        QSignalSpy changed(&sel, &Selection::changed);
        sel.set({QStringLiteral("dashboard"), QStringLiteral("crm")}, {QStringLiteral("e1")});
        QCOMPARE(changed.count(), 0); // the same selection: no echo
        Node n = *doc.store().findNode(QStringLiteral("crm"));
        n.id = QStringLiteral("crm2");
        push(doc, replaceNode(doc, QStringLiteral("crm"), n));
        QVERIFY(sel.containsNode(QStringLiteral("crm2")));
        push(doc, removeItems(doc, {QStringLiteral("dashboard")}, {}));
        QCOMPARE(sel.nodes(), QStringList{QStringLiteral("crm2")});
        QVERIFY(sel.edges().isEmpty()); // e1 went with dashboard
        QCOMPARE(sel.currentNode(), QStringLiteral("crm2"));
    }

    void saveMarksCleanAndFailedOpenKeepsModel()
    {
        QTemporaryDir dir;
        Document doc;
        doc.reset(test::exampleModel(), QString());
        Node n = *doc.store().findNode(QStringLiteral("crm"));
        n.description = QStringLiteral("changed");
        push(doc, replaceNode(doc, n.id, n));
        QVERIFY(doc.saveAs(dir.filePath(QStringLiteral("d.vgdb"))).ok());
        QVERIFY(!doc.isModified());
        QCOMPARE(doc.filePath(), dir.filePath(QStringLiteral("d.vgdb")));
        n.name = QStringLiteral("unsaved");
        push(doc, replaceNode(doc, n.id, n));
        const Model before = *doc.snapshot();
        QVERIFY(test::writeAll(dir.filePath(QStringLiteral("bad.json")), "{ nope"));
        QVERIFY(!doc.open(dir.filePath(QStringLiteral("bad.json"))).ok());
        QCOMPARE(*doc.snapshot(), before);
        QVERIFY(doc.isModified());
        QCOMPARE(doc.filePath(), dir.filePath(QStringLiteral("d.vgdb")));
    }

    void snapshotsStayValidWhileEditingGoesOn()
    {
        Document doc;
        doc.reset(test::exampleModel(), QString());
        const std::shared_ptr<const Model> before = doc.snapshot();
        QCOMPARE(doc.snapshot(), before); // cached until the next change
        const quint64 rev = doc.revision();
        push(doc, removeItems(doc, {QStringLiteral("crm")}, {}));
        QVERIFY(doc.revision() > rev);
        QCOMPARE(before->nodes.size(), std::size_t(6));
        QCOMPARE(doc.snapshot()->nodes.size(), std::size_t(5));
    }

    void itemModelsPassTheModelTesterThroughEdits()
    {
        Document doc;
        NodeTableModel nodes(&doc);
        EdgeTableModel edges(&doc);
        ModelBrowserModel browser(&doc);
        QAbstractItemModelTester t1(&nodes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&edges, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&browser, QAbstractItemModelTester::FailureReportingMode::QtTest);
        doc.reset(test::exampleModel(), QString());
        QCOMPARE(nodes.rowCount(), 6);
        QCOMPARE(edges.rowCount(), 5);
        QCOMPARE(browser.rowCount(browser.index(2, 0)), 3); // three vendors
        const int row = nodes.rowOf(QStringLiteral("crm"));
        const QModelIndex name = nodes.index(row, NodeTableModel::Name);
        QVERIFY(nodes.flags(name) & Qt::ItemIsEditable);
        QVERIFY(!(nodes.flags(nodes.index(row, NodeTableModel::Id)) & Qt::ItemIsEditable));
        QVERIFY(nodes.setData(name, QStringLiteral("Renamed")));
        QCOMPARE(nodes.data(name).toString(), QStringLiteral("Renamed"));
        QCOMPARE(browser.data(browser.indexOf(QStringLiteral("crm"))).toString(), QStringLiteral("Renamed"));
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(edges.data(edges.index(edges.rowOf(QStringLiteral("e4")), EdgeTableModel::Detail)).toString(),
                 QStringLiteral("read credential, stored"));
        // Adding, removing and changing kind move rows in every model.
        push(doc, removeItems(doc, {QStringLiteral("dashboard")}, {}));
        QCOMPARE(nodes.rowCount(), 5);
        QCOMPARE(edges.rowCount(), 2);
        Node n = *doc.store().findNode(QStringLiteral("crm"));
        n.kind = NodeKind::Service;
        n.vendor.reset();
        push(doc, replaceNode(doc, n.id, n));
        QCOMPARE(browser.rowCount(browser.index(1, 0)), 2);
        QCOMPARE(browser.indexOf(QStringLiteral("crm")).parent().row(), 1);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(nodes.rowCount(), 6);
        QCOMPARE(browser.rowCount(browser.index(2, 0)), 3);
        doc.reset(Model(), QString());
        QCOMPARE(nodes.rowCount(), 0);
    }

    void anEditOnALargeModelTouchesOneRow()
    {
        GeneratorParams p;
        p.people = 20;
        p.services = 3000;
        p.vendors = 7000;
        p.edges = 50000;
        Document doc;
        doc.reset(generateModel(p), QString());
        NodeTableModel nodes(&doc);
        EdgeTableModel edges(&doc);
        QSignalSpy nodeRows(&nodes, &QAbstractItemModel::dataChanged),
            edgeRows(&edges, &QAbstractItemModel::dataChanged), nodeReset(&nodes, &QAbstractItemModel::modelReset);
        Node n = *doc.store().findNode(QStringLiteral("vendor-000001"));
        n.name = QStringLiteral("Renamed");
        push(doc, replaceNode(doc, n.id, n));
        QCOMPARE(nodeRows.count(), 1);
        const QModelIndex topLeft = nodeRows.first().first().value<QModelIndex>();
        QCOMPARE(topLeft.row(), nodes.rowOf(n.id));
        QCOMPARE(edgeRows.count(), 0);
        QCOMPARE(nodeReset.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
