// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/domain/validate.h"
#include "model/io/generator.h"

#include <QCryptographicHash>

using namespace vg;

class TestGenerator : public QObject {
    Q_OBJECT
    static GeneratorParams params(quint64 seed, GeneratorShape shape = GeneratorShape::Default)
    {
        GeneratorParams g;
        g.people = 10;
        g.services = 400;
        g.vendors = 900;
        g.edges = 10000;
        g.seed = seed;
        g.shape = shape;
        return g;
    }
    // Hops of the farthest service reached from the first one over service-to-service data edges.
    static int deepestServiceHop(const Model &m, int *reached)
    {
        QHash<QString, QStringList> next;
        for (const Edge &e : m.edges)
            if (e.kind == EdgeKind::Data && e.from.startsWith(u"svc-") && e.to.startsWith(u"svc-"))
                next[e.from] << e.to;
        QHash<QString, int> hops{{QStringLiteral("svc-000000"), 0}};
        QStringList queue{QStringLiteral("svc-000000")};
        int deepest = 0;
        for (qsizetype q = 0; q < queue.size(); ++q)
            for (const QString &to : next.value(queue[q]))
                if (!hops.contains(to)) {
                    hops.insert(to, hops.value(queue[q]) + 1);
                    deepest = std::max(deepest, hops.value(to));
                    queue << to;
                }
        *reached = int(queue.size());
        return deepest;
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

    // The default shape's bytes are fixed: benchmarks and notes quote figures for these models.
    void defaultShapeOutputNeverChanges_data()
    {
        QTest::addColumn<int>("people");
        QTest::addColumn<int>("services");
        QTest::addColumn<int>("vendors");
        QTest::addColumn<qint64>("edges");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<QByteArray>("sha256");
        QTest::newRow("the generator's defaults")
            << 5 << 50 << 80 << qint64(400) << quint64(1)
            << QByteArray("6ae9bc9b4b39ccdc657829bfc0866ec755e9e27aecf42426d542d8b4467eee18");
        QTest::newRow("10 people, 400 services, 900 vendors, 10,000 edges, seed 7")
            << 10 << 400 << 900 << qint64(10000) << quint64(7)
            << QByteArray("19511f648612c0ebd8398f32c7541b86a4fb11abfad2a866de788ee03dc75bef");
        QTest::newRow("50 people, 2,000 services, 5,000 vendors, 50,000 edges, seed 1")
            << 50 << 2000 << 5000 << qint64(50000) << quint64(1)
            << QByteArray("dd97bbb8b655cac2e2fbee50ea21d77e7735326fa5e4b61d5ef2284be3da6a98");
    }
    void defaultShapeOutputNeverChanges()
    {
        QFETCH(int, people);
        QFETCH(int, services);
        QFETCH(int, vendors);
        QFETCH(qint64, edges);
        QFETCH(quint64, seed);
        QFETCH(QByteArray, sha256);
        GeneratorParams g;
        g.people = people;
        g.services = services;
        g.vendors = vendors;
        g.edges = edges;
        g.seed = seed;
        QCOMPARE(QCryptographicHash::hash(serializeModelJson(generateModel(g)), QCryptographicHash::Sha256).toHex(),
                 sha256);
    }

    void deepChainsAreDeepAndTheDefaultIsShallow_data()
    {
        QTest::addColumn<int>("shape");
        QTest::addColumn<int>("minDeepest");
        QTest::addColumn<int>("maxDeepest");
        QTest::addColumn<int>("minReached");
        QTest::newRow("deep chains: hundreds of hops through a connected region")
            << int(GeneratorShape::DeepChains) << 300 << 100000 << 1000;
        QTest::newRow("default: a few hops into the popular services") << int(GeneratorShape::Default) << 1 << 20 << 1;
    }
    void deepChainsAreDeepAndTheDefaultIsShallow()
    {
        QFETCH(int, shape);
        QFETCH(int, minDeepest);
        QFETCH(int, maxDeepest);
        QFETCH(int, minReached);
        GeneratorParams g;
        g.people = 40;
        g.services = 4000;
        g.vendors = 500;
        g.edges = 60000;
        g.seed = 2;
        g.shape = GeneratorShape(shape);
        const Model m = generateModel(g);
        QVERIFY(validateModel(m).empty());
        int reached = 0;
        const int deepest = deepestServiceHop(m, &reached);
        QVERIFY2(deepest >= minDeepest && deepest <= maxDeepest, qPrintable(QString::number(deepest)));
        QVERIFY2(reached >= minReached, qPrintable(QString::number(reached)));
        // The rest of the distribution is the default's: a fifth of the edges carry compromise.
        std::map<EdgeKind, int> kinds;
        for (const Edge &e : m.edges)
            ++kinds[e.kind];
        const double other = double(m.edges.size() - std::size_t(kinds[EdgeKind::Data])) / double(m.edges.size());
        QVERIFY2(other > 0.17 && other < 0.23, qPrintable(QString::number(other)));
    }

    void deepChainsSameSeedSameModel()
    {
        QCOMPARE(serializeModelJson(generateModel(params(7, GeneratorShape::DeepChains))),
                 serializeModelJson(generateModel(params(7, GeneratorShape::DeepChains))));
        QVERIFY(serializeModelJson(generateModel(params(7, GeneratorShape::DeepChains)))
                != serializeModelJson(generateModel(params(7))));
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
