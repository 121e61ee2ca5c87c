// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/io/generator.h"
#include "model/io/sample.h"
#include "model/itemmodels/vendorrankingmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace vg;

namespace {

std::shared_ptr<const Model> sample() { return std::make_shared<const Model>(bundledSample()); }

// Large enough that a ranking takes a while.
std::shared_ptr<const Model> larger()
{
    GeneratorParams g;
    g.people = 20;
    g.services = 2000;
    g.vendors = 3000;
    g.edges = 40000;
    g.seed = 4;
    return std::make_shared<const Model>(generateModel(g));
}

int vendors(const Model &m)
{
    return int(std::count_if(m.nodes.begin(), m.nodes.end(), [](const Node &n) { return n.kind == NodeKind::Vendor; }));
}

} // namespace

class TestVendorRankingModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fillsFromABackgroundRankingWithProgress()
    {
        VendorRankingModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy done(&model, &VendorRankingModel::finished);
        QSignalSpy steps(&model, &VendorRankingModel::progress);
        const auto m = sample();
        model.rank(m, 7);
        QCOMPARE(model.requestedRevision(), quint64(7));
        QCOMPARE(model.revision(), quint64(0)); // nothing shown yet
        QVERIFY(done.wait(20000));
        QCOMPARE(done.size(), 1);
        QCOMPARE(done.first().first().toULongLong(), quint64(7));
        QCOMPARE(model.revision(), quint64(7));
        QVERIFY(!model.isRunning());
        QCOMPARE(model.rowCount(), vendors(*m));
        QCOMPARE(model.columnCount(), int(VendorRankingModel::ColumnCount));
        QVERIFY(!steps.isEmpty());
        QCOMPARE(steps.last().at(0).toInt(), steps.last().at(1).toInt()); // the last step is complete
        // The figures are the engine's.
        const BlastRadiusEngine engine(m);
        for (const VendorRank &r : engine.rank(true, true)) {
            const int row = model.rowOf(r.vendorId);
            QVERIFY(row >= 0);
            const int col =
                r.mode == Compromise::Breached ? VendorRankingModel::BreachScore : VendorRankingModel::ControlScore;
            QCOMPARE(model.data(model.index(row, col)).toDouble(), r.summary.score);
            QCOMPARE(model.data(model.index(row, col + 2)).toLongLong(), r.summary.people);
            QCOMPARE(model.data(model.index(row, col + 4)).toInt(), r.summary.categoriesByTier[0]);
            QCOMPARE(model.data(model.index(row, VendorRankingModel::Name)).toString(), r.name);
            QCOMPARE(model.data(model.index(row, 0), Qt::UserRole).toString(), r.vendorId);
        }
        for (int c = 0; c < model.columnCount(); ++c)
            QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
    }

    void sortsByEveryColumn_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        const char *names[] = {"vendor",          "name",
                               "breach score",    "control score",
                               "people (breach)", "people (control)",
                               "tier 1 (breach)", "tier 1 (control)"};
        for (int c = 0; c < VendorRankingModel::ColumnCount; ++c) {
            QTest::newRow(qPrintable(QStringLiteral("%1, ascending").arg(QLatin1StringView(names[c]))))
                << c << int(Qt::AscendingOrder);
            QTest::newRow(qPrintable(QStringLiteral("%1, descending").arg(QLatin1StringView(names[c]))))
                << c << int(Qt::DescendingOrder);
        }
    }
    void sortsByEveryColumn()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        VendorRankingModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy done(&model, &VendorRankingModel::finished);
        model.rank(sample(), 1);
        QVERIFY(done.wait(20000));
        // A persistent index follows its row through the sort.
        const QPersistentModelIndex kept = model.index(3, 0);
        const QString keptId = kept.data().toString();
        model.sort(column, Qt::SortOrder(order));
        QCOMPARE(kept.data().toString(), keptId);
        for (int r = 1; r < model.rowCount(); ++r) {
            const QVariant a = model.data(model.index(r - 1, column)), b = model.data(model.index(r, column));
            const int cmp = column == VendorRankingModel::Name         ? a.toString().localeAwareCompare(b.toString())
                : QVariant::compare(a, b) == QPartialOrdering::Less    ? -1
                : QVariant::compare(a, b) == QPartialOrdering::Greater ? 1
                                                                       : 0;
            if (cmp == 0) // ties by vendor id
                QVERIFY(model.data(model.index(r - 1, 0)).toString() < model.data(model.index(r, 0)).toString());
            else
                QCOMPARE(cmp < 0, order == Qt::AscendingOrder);
        }
    }

    void aNewerRankingSupersedesAnOlderOne()
    {
        VendorRankingModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy done(&model, &VendorRankingModel::finished);
        model.rank(larger(), 1);
        model.rank(sample(), 2); // the snapshot changed: the first result is out of date
        QVERIFY(done.wait(60000));
        QTest::qWait(300);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isRunning(), 60000);
        QCOMPARE(done.size(), 1);
        QCOMPARE(done.first().first().toULongLong(), quint64(2));
        QCOMPARE(model.revision(), quint64(2));
        QCOMPARE(model.rowCount(), vendors(*sample()));
    }

    void cancelKeepsTheLastCompletedRanking()
    {
        VendorRankingModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy done(&model, &VendorRankingModel::finished);
        model.rank(sample(), 1);
        QVERIFY(done.wait(20000));
        const int rows = model.rowCount();
        model.rank(larger(), 2);
        model.cancel();
        QCOMPARE(model.requestedRevision(), quint64(2));
        QTest::qWait(500);
        QCOMPARE(done.size(), 1); // the cancelled ranking is never shown
        QCOMPARE(model.revision(), quint64(1));
        QCOMPARE(model.rowCount(), rows);
    }

    void ranksWithAnEngineAlreadyBuilt()
    {
        VendorRankingModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy done(&model, &VendorRankingModel::finished);
        const BlastRadiusEngine engine(sample());
        const auto expected = engine.rank(true, true); // computed once, reused by the model
        model.rank(engine, 3);
        QVERIFY(done.wait(20000));
        QCOMPARE(model.rowCount() * 2, int(expected.size()));
        double highestControl = 0;
        for (const VendorRank &r : expected)
            if (r.mode == Compromise::Controlled)
                highestControl = std::max(highestControl, r.summary.score);
        QCOMPARE(model.rowAt(0).control.score, highestControl); // sorted by control score, highest first
    }

    void destroyingTheModelWhileRankingIsSafe()
    {
        auto *model = new VendorRankingModel;
        model->rank(larger(), 1);
        QTest::qWait(50);
        delete model; // cancels and waits for the worker; nothing arrives afterwards
        QTest::qWait(100);
    }
};

QTEST_GUILESS_MAIN(TestVendorRankingModel)
#include "tst_vendorrankingmodel.moc"
