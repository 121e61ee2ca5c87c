// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/domain/validate.h"
#include "model/io/generator.h"

using namespace vg;

class TestGenerator : public QObject {
    Q_OBJECT
    static GeneratorParams params(quint64 seed)
    {
        GeneratorParams g;
        g.people = 10;
        g.services = 400;
        g.vendors = 900;
        g.edges = 10000;
        g.seed = seed;
        return g;
    }
private Q_SLOTS:
    void sameSeedSameModel()
    {
        QCOMPARE(serializeModelJson(generateModel(params(7))), serializeModelJson(generateModel(params(7))));
        QVERIFY(serializeModelJson(generateModel(params(7))) != serializeModelJson(generateModel(params(8))));
    }

    void modelIsValidAndHasTheRequestedSize()
    {
        const Model m = generateModel(params(3));
        QVERIFY(validateModel(m).empty());
        QCOMPARE(m.nodes.size(), std::size_t(10 + 400 + 900));
        QVERIFY(m.edges.size() > 9900 && m.edges.size() <= 10000);
    }

    void aboutAFifthOfEdgesCarryCompromise()
    {
        const Model m = generateModel(params(5));
        std::map<EdgeKind, int> kinds;
        for (const Edge &e : m.edges)
            ++kinds[e.kind];
        const double other = double(m.edges.size() - std::size_t(kinds[EdgeKind::Data])) / double(m.edges.size());
        QVERIFY2(other > 0.17 && other < 0.23, qPrintable(QString::number(other)));
        QVERIFY(kinds[EdgeKind::Access] > 0 && kinds[EdgeKind::Code] > 0 && kinds[EdgeKind::Hosts] > 0);
    }

    void popularTargetsAttractMoreEdges()
    {
        const Model m = generateModel(params(9));
        QHash<QString, int> indeg;
        for (const Edge &e : m.edges)
            ++indeg[e.to];
        QList<int> degrees = indeg.values();
        std::sort(degrees.begin(), degrees.end(), std::greater<>());
        // The busiest target gets far more than the average.
        const double mean = double(m.edges.size()) / double(indeg.size());
        QVERIFY2(degrees.first() > 10 * mean, qPrintable(QStringLiteral("%1 vs %2").arg(degrees.first()).arg(mean)));
    }
};

QTEST_GUILESS_MAIN(TestGenerator)
#include "tst_generator.moc"
