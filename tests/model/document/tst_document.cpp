// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/document/document.h"
#include "model/itemmodels/tablemodels.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace vg;

class TestDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void editsAreUndoableAndDriveModified()
    {
        Document doc;
        doc.reset(test::exampleModel(), QString());
        QVERIFY(!doc.isModified());
        QSignalSpy modified(&doc, &Document::modifiedChanged);
        doc.undoStack()->push(new EditNodeTextCommand(&doc, QStringLiteral("crm"), Document::NodeText::Name,
                                                      QStringLiteral("Cloudforce")));
        QVERIFY(doc.isModified());
        QCOMPARE(doc.nodeText(QStringLiteral("crm"), Document::NodeText::Name), QStringLiteral("Cloudforce"));
        QCOMPARE(modified.count(), 1);
        doc.undoStack()->undo();
        QVERIFY(!doc.isModified());
        QCOMPARE(doc.nodeText(QStringLiteral("crm"), Document::NodeText::Name), QStringLiteral("CRM platform"));
    }

    void consecutiveEditsOfOneFieldMerge()
    {
        Document doc;
        doc.reset(test::exampleModel(), QString());
        for (const char *name : {"C", "Cl", "Clo"})
            doc.undoStack()->push(new EditNodeTextCommand(&doc, QStringLiteral("crm"), Document::NodeText::Name,
                                                          QString::fromLatin1(name)));
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.undoStack()->undo();
        QCOMPARE(doc.nodeText(QStringLiteral("crm"), Document::NodeText::Name), QStringLiteral("CRM platform"));
    }

    void saveMarksCleanAndFailedOpenKeepsModel()
    {
        QTemporaryDir dir;
        Document doc;
        doc.reset(test::exampleModel(), QString());
        doc.undoStack()->push(new EditNodeTextCommand(&doc, QStringLiteral("crm"), Document::NodeText::Description,
                                                      QStringLiteral("changed")));
        QVERIFY(doc.saveAs(dir.filePath(QStringLiteral("d.vgdb"))).ok());
        QVERIFY(!doc.isModified());
        QCOMPARE(doc.filePath(), dir.filePath(QStringLiteral("d.vgdb")));
        doc.undoStack()->push(
            new EditNodeTextCommand(&doc, QStringLiteral("crm"), Document::NodeText::Name, QStringLiteral("unsaved")));
        const Model before = doc.model();
        QVERIFY(test::writeAll(dir.filePath(QStringLiteral("bad.json")), "{ nope"));
        QVERIFY(!doc.open(dir.filePath(QStringLiteral("bad.json"))).ok());
        QCOMPARE(doc.model(), before);
        QVERIFY(doc.isModified());
        QCOMPARE(doc.filePath(), dir.filePath(QStringLiteral("d.vgdb")));
    }

    void tableModelsPassTheModelTester()
    {
        Document doc;
        NodeTableModel nodes(&doc);
        EdgeTableModel edges(&doc);
        QAbstractItemModelTester t1(&nodes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&edges, QAbstractItemModelTester::FailureReportingMode::QtTest);
        doc.reset(test::exampleModel(), QString());
        QCOMPARE(nodes.rowCount(), 6);
        QCOMPARE(edges.rowCount(), 5);
        const QModelIndex name = nodes.index(4, NodeTableModel::Name);
        QVERIFY(nodes.flags(name) & Qt::ItemIsEditable);
        QVERIFY(!(nodes.flags(nodes.index(4, NodeTableModel::Id)) & Qt::ItemIsEditable));
        QVERIFY(nodes.setData(name, QStringLiteral("Renamed")));
        QCOMPARE(nodes.data(name).toString(), QStringLiteral("Renamed"));
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(edges.data(edges.index(3, EdgeTableModel::Detail)).toString(),
                 QStringLiteral("read credential, stored"));
        doc.reset(Model(), QString());
        QCOMPARE(nodes.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
