// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/io/sample.h"
#include "model/itemmodels/concentrationmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace vg;

class TestConcentrationModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rowsAreTheSharedSubprocessorsHeaviestFirst()
    {
        ConcentrationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(ConcentrationModel::ColumnCount));
        std::vector<SharedSubprocessor> rows(3);
        rows[0] = {QStringLiteral("light"), QStringLiteral("Light"), {QStringLiteral("a"), QStringLiteral("b")},
                   {QStringLiteral("DEVICE.IP")}, 1.5, 3};
        rows[1] = {QStringLiteral("heavy"), QString(), {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")},
                   {QStringLiteral("FIN.CARD_PAN"), QStringLiteral("ID.NAME")}, 12, 36};
        rows[2] = {QStringLiteral("tie"), QStringLiteral("Tie"), {QStringLiteral("a"), QStringLiteral("c")},
                   {QStringLiteral("DEVICE.IP")}, 1.5, 3};
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setRows(rows);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 3);
        // Heaviest first; ties by score, then id.
        QCOMPARE(model.index(0, 0).data(Qt::UserRole).toString(), QStringLiteral("heavy"));
        QCOMPARE(model.index(1, 0).data(Qt::UserRole).toString(), QStringLiteral("light"));
        QCOMPARE(model.index(2, 0).data(Qt::UserRole).toString(), QStringLiteral("tie"));
        QCOMPARE(model.rowOf(QStringLiteral("tie")), 2);
        QCOMPARE(model.rowOf(QStringLiteral("none")), -1);
        // Cells: the id stands in for a missing name; numbers stay numbers.
        QCOMPARE(model.index(0, ConcentrationModel::Name).data().toString(), QStringLiteral("heavy"));
        QCOMPARE(model.index(1, ConcentrationModel::Name).data().toString(), QStringLiteral("Light"));
        QCOMPARE(model.index(0, ConcentrationModel::VendorCount).data().typeId(), int(QMetaType::Int));
        QCOMPARE(model.index(0, ConcentrationModel::VendorCount).data().toInt(), 3);
        QCOMPARE(model.index(0, ConcentrationModel::Vendors).data().toString(), QStringLiteral("a, b, c"));
        QCOMPARE(model.index(0, ConcentrationModel::Categories).data().toString(),
                 QStringLiteral("FIN.CARD_PAN, ID.NAME"));
        QCOMPARE(model.index(0, ConcentrationModel::Weight).data().toDouble(), 12.0);
        QCOMPARE(model.index(0, 3).data(ConcentrationModel::VendorsRole).toStringList(),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(model.headerData(ConcentrationModel::Weight, Qt::Horizontal).toString(), QStringLiteral("Weight"));
        QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
        model.setRows({});
        QCOMPARE(model.rowCount(), 0);
    }

    void theSampleHasItsSharedHost()
    {
        ConcentrationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto subs = BlastRadiusEngine(bundledSample()).concentration();
        model.setRows(subs);
        QCOMPARE(model.rowCount(), int(subs.size()));
        QVERIFY(model.rowOf(QStringLiteral("analytics_cloud")) >= 0);
        const QStringList vendors =
            model.index(model.rowOf(QStringLiteral("analytics_cloud")), 0).data(ConcentrationModel::VendorsRole).toStringList();
        QVERIFY(vendors.contains(QStringLiteral("analytics")));
        QVERIFY(vendors.size() >= 2);
    }
};

QTEST_MAIN(TestConcentrationModel)
#include "tst_concentrationmodel.moc"
