// SPDX-License-Identifier: GPL-3.0-or-later
// Properties over random models: more exposure never lowers the cost or an obligation's
// status, and the same input gives the same bytes.
#include "tests/model/engine/scenario.h"

#include "model/domain/taxonomy.h"
#include "model/domain/validate.h"
#include "model/io/generator.h"
#include "model/reports/jsonreport.h"
#include "model/reports/textreport.h"

#include <QJsonDocument>
#include <QRandomGenerator>

using namespace vg;
using namespace vg::test;

namespace {

int rankOf(ObligationStatus s) { return s == ObligationStatus::Likely ? 2 : s == ObligationStatus::Assess ? 1 : 0; }

Model randomModel(quint64 seed)
{
    GeneratorParams g;
    g.people = 4;
    g.services = 25;
    g.vendors = 30;
    g.edges = 220;
    g.seed = seed;
    Model m = generateModel(g);
    m.organization->regions = {QStringLiteral("US"), QStringLiteral("DE")};
    m.organization->sectors = {QStringLiteral("finance"), QStringLiteral("health")};
    m.organization->secRegistrant = true;
    // Some populations without regions, and some data edges with external keys and key holders.
    QRandomGenerator rng{quint32(seed)};
    for (Node &n : m.nodes)
        if (n.kind == NodeKind::People && rng.bounded(4) == 0)
            n.regions.clear();
    for (Edge &e : m.edges)
        if (e.kind == EdgeKind::Data && rng.bounded(6) == 0) {
            e.encryption = Encryption::ExternalKey;
            if (rng.bounded(2))
                e.keyHolder = m.nodes[rng.bounded(int(m.nodes.size()))].id;
        }
    return m;
}

// One way of adding exposure, applied to the model and/or the scenario.
QString addExposure(Model &m, Scenario &s, QRandomGenerator &rng)
{
    auto anyNode = [&]() -> const Node & { return m.nodes[rng.bounded(int(m.nodes.size()))]; };
    auto nonPeople = [&]() -> const Node & {
        for (;;) {
            const Node &n = anyNode();
            if (n.kind != NodeKind::People)
                return n;
        }
    };
    switch (rng.bounded(7)) {
    case 0: // another seed
        s.seeds.push_back({nonPeople().id, rng.bounded(2) ? Compromise::Breached : Compromise::Controlled});
        return QStringLiteral("seed");
    case 1: // a breach becomes control
        for (Seed &seed : s.seeds)
            seed.mode = Compromise::Controlled;
        return QStringLiteral("control");
    case 2: { // a propagation edge
        Edge e;
        e.id = QStringLiteral("x%1").arg(m.edges.size());
        e.from = nonPeople().id;
        e.to = nonPeople().id;
        if (e.from == e.to)
            return QStringLiteral("none");
        const int k = int(rng.bounded(3));
        e.kind = k == 0 ? EdgeKind::Access : k == 1 ? EdgeKind::Code : EdgeKind::Hosts;
        e.scope = Scope(rng.bounded(3));
        m.edges.push_back(e);
        return QStringLiteral("edge ") + toString(e.kind);
    }
    case 3: // encryption removed from a carrier
        for (Edge &e : m.edges)
            if (e.encryption == Encryption::ExternalKey && rng.bounded(2)) {
                e.encryption.reset();
                e.keyHolder.clear();
                return QStringLiteral("decrypted edge");
            }
        return QStringLiteral("none");
    case 4: // a stated records figure grows
        for (Edge &e : m.edges)
            if (e.records && rng.bounded(3) == 0) {
                *e.records *= 10;
                return QStringLiteral("records");
            }
        return QStringLiteral("none");
    case 5: { // a store at a node (no records, no subjects), possibly a key
        Node &n = m.nodes[rng.bounded(int(m.nodes.size()))];
        if (n.kind == NodeKind::People)
            return QStringLiteral("none");
        const auto &all = Taxonomy::builtIn().all();
        const QString cat = rng.bounded(4) == 0 ? QStringLiteral("CRED.ENC_KEY")
            : rng.bounded(4) == 0               ? QStringLiteral("CRED.SIGNING_KEY")
                                                : all[rng.bounded(int(all.size()))].id;
        n.stores.push_back({cat, std::nullopt, std::nullopt, {}, {}});
        return QStringLiteral("store ") + cat;
    }
    default: // no hop limit, potential pivots counted
        s.maxHops.reset();
        s.potential = true;
        return QStringLiteral("unbounded");
    }
}

} // namespace

class TestProperties : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void addingExposureNeverLowersCostOrAnyObligation()
    {
        QRandomGenerator rng(6);
        int steps = 0;
        for (quint64 seed = 1; seed <= 12; ++seed) {
            Model m = randomModel(seed);
            QVERIFY(validateModel(m).empty());
            Scenario s;
            s.seeds.push_back({m.nodes[std::size_t(10 + seed)].id, Compromise::Breached});
            s.maxHops = int(rng.bounded(4));
            s.potential = rng.bounded(2);
            for (int step = 0; step < 12; ++step) {
                const auto before = BlastRadiusEngine(m).run(s);
                QVERIFY(before.ok());
                Model m2 = m;
                Scenario s2 = s;
                const QString op = addExposure(m2, s2, rng);
                QVERIFY(validateModel(m2).empty());
                const BlastRadiusEngine engine2(m2);
                const auto after = engine2.run(s2);
                QVERIFY(after.ok());
                const QString where = QStringLiteral("model seed %1, step %2, %3").arg(seed).arg(step).arg(op);
                QVERIFY2(after->cost().low >= before->cost().low, qPrintable(where));
                QVERIFY2(after->cost().high >= before->cost().high, qPrintable(where));
                QVERIFY2(after->summary().reached >= before->summary().reached, qPrintable(where));
                for (std::size_t i = 0; i < before->obligations().size(); ++i) {
                    const Obligation &a = before->obligations()[i], &b = after->obligations()[i];
                    if (rankOf(b.status) < rankOf(a.status) && qEnvironmentVariableIsSet("VG_DEBUG_PROPERTY")) {
                        for (const Seed &sd : s2.seeds)
                            qInfo("seed %s %d hops %d potential %d", qPrintable(sd.nodeId), int(sd.mode),
                                  s2.maxHops.value_or(-1), int(s2.potential));
                        for (const ExposedCategory &x : before->exposed())
                            qInfo("before %s plain=%d origins=%s holders=%s", qPrintable(x.category),
                                  x.plaintext ? int(*x.plaintext) : -1, qPrintable(x.origins.join(u",")),
                                  qPrintable(before->holders(x.category).join(u",")));
                        for (const ExposedCategory &x : after->exposed())
                            qInfo("after %s plain=%d origins=%s holders=%s", qPrintable(x.category),
                                  x.plaintext ? int(*x.plaintext) : -1, qPrintable(x.origins.join(u",")),
                                  qPrintable(after->holders(x.category).join(u",")));
                    }
                    QVERIFY2(rankOf(b.status) >= rankOf(a.status),
                             qPrintable(where + QStringLiteral(": ") + a.regime + QStringLiteral(" ")
                                        + toString(a.status) + QStringLiteral(" -> ") + toString(b.status)
                                        + QStringLiteral("\n  before: ") + a.reason + QStringLiteral("\n  after: ")
                                        + b.reason));
                }
                m = std::move(m2);
                s = std::move(s2);
                ++steps;
            }
        }
        qInfo("%d random additions of exposure checked", steps);
    }

    void theSameInputGivesTheSameBytes()
    {
        for (quint64 seed : {21ULL, 22ULL, 23ULL}) {
            const Model m = randomModel(seed);
            Model shuffled = m;
            std::reverse(shuffled.nodes.begin(), shuffled.nodes.end());
            std::reverse(shuffled.edges.begin(), shuffled.edges.end());
            const BlastRadiusEngine a(m), b(shuffled);
            for (int i = 0; i < 6; ++i) {
                const Scenario s{
                    {{m.nodes[std::size_t(5 + 7 * i)].id, i % 2 ? Compromise::Controlled : Compromise::Breached}},
                    std::nullopt,
                    true};
                const auto ra = a.run(s), rb = b.run(s), ra2 = a.run(s);
                QVERIFY(ra.ok() && rb.ok() && ra2.ok());
                const QByteArray ja = QJsonDocument(toJson(*ra, true)).toJson();
                QCOMPARE(QJsonDocument(toJson(*ra2, true)).toJson(), ja);
                const QByteArray jb = QJsonDocument(toJson(*rb, true)).toJson();
                if (jb != ja) {
                    qsizetype k = 0;
                    while (k < ja.size() && k < jb.size() && ja[k] == jb[k])
                        ++k;
                    qInfo("first difference at %lld:\n%s\n---\n%s", k,
                          ja.mid(std::max<qsizetype>(0, k - 200), 400).constData(),
                          jb.mid(std::max<qsizetype>(0, k - 200), 400).constData());
                }
                QCOMPARE(jb, ja);
                QCOMPARE(toText(*rb, shuffled, true), toText(*ra, m, true));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestProperties)
#include "tst_properties.moc"
