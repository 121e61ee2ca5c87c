// SPDX-License-Identifier: GPL-3.0-or-later
// The engine after edits equals an engine built from scratch on the edited model; per-node
// states agree with the node list; what-if by masking equals removing the vendor and
// rebuilding; results own what they read.
#include "tests/model/engine/scenario.h"

#include "model/domain/taxonomy.h"
#include "model/domain/validate.h"
#include "model/io/generator.h"
#include "model/io/sample.h"
#include "model/reports/jsonreport.h"

#include <QJsonDocument>
#include <QRandomGenerator>

using namespace vg;
using namespace vg::test;

namespace {

Model generated(quint64 seed, GeneratorShape shape)
{
    GeneratorParams g;
    g.people = 7;
    g.services = 70;
    g.vendors = 60;
    g.edges = 800;
    g.seed = seed;
    g.shape = shape;
    Model m = generateModel(g);
    // Keys and key holders, subjects, signing keys: the parts of the index edits must keep right.
    QRandomGenerator rng{quint32(seed)};
    for (Edge &e : m.edges)
        if (e.kind == EdgeKind::Data && rng.bounded(8) == 0) {
            e.encryption = Encryption::ExternalKey;
            if (rng.bounded(2))
                e.keyHolder = m.nodes[rng.bounded(int(m.nodes.size()))].id;
        }
    for (Node &n : m.nodes)
        if (n.kind != NodeKind::People && rng.bounded(12) == 0)
            n.stores.push_back({rng.bounded(2) ? QStringLiteral("CRED.ENC_KEY") : QStringLiteral("CRED.SIGNING_KEY"),
                                std::nullopt,
                                std::nullopt,
                                {},
                                {}});
    return m;
}

QStringList ofKind(const Model &m, std::initializer_list<NodeKind> kinds)
{
    QStringList out;
    for (const Node &n : m.nodes)
        if (std::find(kinds.begin(), kinds.end(), n.kind) != kinds.end())
            out << n.id;
    return out;
}

// One random edit of the kind asked for; returns what it did (for messages).
QString edit(Model &m, const QString &kind, QRandomGenerator &rng, int &counter)
{
    const QStringList anyNode = ofKind(m, {NodeKind::People, NodeKind::Service, NodeKind::Vendor});
    const QStringList systems = ofKind(m, {NodeKind::Service, NodeKind::Vendor});
    const QStringList people = ofKind(m, {NodeKind::People});
    const auto &cats = Taxonomy::builtIn().all();
    auto pick = [&](const QStringList &l) { return l[rng.bounded(int(l.size()))]; };
    auto dataEdge = [&] {
        Edge e;
        e.id = QStringLiteral("x%1").arg(++counter);
        e.kind = EdgeKind::Data;
        e.from = rng.bounded(4) == 0 ? pick(people) : pick(systems);
        e.to = pick(systems);
        const int n = 1 + int(rng.bounded(3));
        for (int i = 0; i < n; ++i) {
            const QString c = rng.bounded(3) == 0
                ? cats[rng.bounded(int(cats.size()))].id
                : QStringList{QStringLiteral("ID.NAME"), QStringLiteral("CONTACT.EMAIL"),
                              QStringLiteral("CRED.ENC_KEY")}[rng.bounded(3)];
            if (!e.categories.contains(c))
                e.categories << c;
        }
        if (rng.bounded(2))
            e.records = qint64(rng.bounded(1000000));
        if (rng.bounded(5) == 0) {
            e.encryption = Encryption::ExternalKey;
            if (rng.bounded(2))
                e.keyHolder = pick(anyNode);
        }
        if (rng.bounded(5) == 0)
            e.subjects << pick(people);
        return e;
    };
    auto propagationEdge = [&] {
        Edge e;
        e.id = QStringLiteral("x%1").arg(++counter);
        const int k = int(rng.bounded(3));
        e.kind = k == 0 ? EdgeKind::Access : k == 1 ? EdgeKind::Code : EdgeKind::Hosts;
        e.from = pick(systems);
        e.to = pick(systems);
        if (e.kind == EdgeKind::Access) {
            e.scope = Scope(rng.bounded(3));
            e.stored = rng.bounded(4) != 0;
        }
        return e;
    };
    auto indexOf = [&](EdgeKind k) -> int {
        for (int tries = 0; tries < 200; ++tries) {
            const int i = int(rng.bounded(int(m.edges.size())));
            if (m.edges[std::size_t(i)].kind == k)
                return i;
        }
        return -1;
    };
    if (kind == u"add data edge") {
        Edge e = dataEdge();
        if (e.from == e.to)
            return QStringLiteral("nothing");
        m.edges.push_back(e);
        return QStringLiteral("added %1 -> %2 %3").arg(e.from, e.to, e.categories.join(u","));
    }
    if (kind == u"remove data edge" || kind == u"remove propagation edge") {
        const int i = indexOf(kind == u"remove data edge" ? EdgeKind::Data : EdgeKind(1 + rng.bounded(3)));
        if (i < 0)
            return QStringLiteral("nothing");
        const QString id = m.edges[std::size_t(i)].id;
        m.edges.erase(m.edges.begin() + i);
        return QStringLiteral("removed ") + id;
    }
    if (kind == u"change data edge") {
        const int i = indexOf(EdgeKind::Data);
        if (i < 0)
            return QStringLiteral("nothing");
        Edge &e = m.edges[std::size_t(i)];
        switch (rng.bounded(4)) {
        case 0: e.categories = dataEdge().categories; break;
        case 1: e.records = e.records ? std::nullopt : std::optional<qint64>(rng.bounded(5000)); break;
        case 2:
            e.encryption = e.encryption ? std::nullopt : std::optional<Encryption>(Encryption::ExternalKey);
            e.keyHolder = e.encryption && rng.bounded(2) ? pick(anyNode) : QString();
            break;
        default: e.subjects = e.subjects.isEmpty() ? QStringList{pick(people)} : QStringList(); break;
        }
        return QStringLiteral("changed ") + e.id;
    }
    if (kind == u"add propagation edge") {
        Edge e = propagationEdge();
        if (e.from == e.to)
            return QStringLiteral("nothing");
        m.edges.push_back(e);
        return QStringLiteral("added %1 %2 -> %3").arg(toString(e.kind), e.from, e.to);
    }
    if (kind == u"change access scope") {
        const int i = indexOf(EdgeKind::Access);
        if (i < 0)
            return QStringLiteral("nothing");
        Edge &e = m.edges[std::size_t(i)];
        e.scope = Scope((int(e.scope) + 1) % 3);
        e.stored = !e.stored;
        return QStringLiteral("changed ") + e.id;
    }
    if (kind == u"store") {
        const QString at = pick(systems);
        Node &n = *std::find_if(m.nodes.begin(), m.nodes.end(), [&](const Node &x) { return x.id == at; });
        if (!n.stores.empty() && rng.bounded(2)) {
            n.stores.erase(n.stores.begin() + rng.bounded(int(n.stores.size())));
            return QStringLiteral("store removed at ") + n.id;
        }
        StoredData s;
        s.category = rng.bounded(3) == 0 ? QStringLiteral("CRED.ENC_KEY")
            : rng.bounded(3) == 0        ? QStringLiteral("CRED.SIGNING_KEY")
                                         : cats[rng.bounded(int(cats.size()))].id;
        if (rng.bounded(3) == 0)
            s.subjects << pick(people);
        if (rng.bounded(3) == 0)
            s.records = qint64(rng.bounded(100000));
        if (std::none_of(n.stores.begin(), n.stores.end(),
                         [&](const StoredData &x) { return x.category == s.category; }))
            n.stores.push_back(s);
        return QStringLiteral("store %1 at %2").arg(s.category, n.id);
    }
    if (kind == u"replace in place") { // a document reusing a freed slot: another edge where one was
        const int i = int(rng.bounded(int(m.edges.size())));
        Edge e = dataEdge();
        if (e.from == e.to)
            return QStringLiteral("nothing");
        m.edges[std::size_t(i)] = e;
        return QStringLiteral("replaced slot %1 by %2").arg(i).arg(e.id);
    }
    if (kind == u"rename") {
        Node &n = m.nodes[rng.bounded(int(m.nodes.size()))];
        n.name += QStringLiteral(" (renamed)");
        n.description = QStringLiteral("edited");
        return QStringLiteral("renamed ") + n.id;
    }
    if (kind == u"remove node") {
        const QString id = pick(systems);
        m.nodes.erase(std::find_if(m.nodes.begin(), m.nodes.end(), [&](const Node &n) { return n.id == id; }));
        m.edges.erase(std::remove_if(m.edges.begin(), m.edges.end(),
                                     [&](const Edge &e) { return e.from == id || e.to == id || e.keyHolder == id; }),
                      m.edges.end());
        for (Node &n : m.nodes)
            for (StoredData &s : n.stores)
                if (s.keyHolder == id)
                    s.keyHolder.clear();
        m.layout.remove(id);
        return QStringLiteral("removed node ") + id;
    }
    if (kind == u"add node" || kind == u"add population") {
        Node n;
        n.id = QStringLiteral("n%1").arg(++counter);
        n.kind = kind == u"add population" ? NodeKind::People : rng.bounded(2) ? NodeKind::Service : NodeKind::Vendor;
        if (n.kind == NodeKind::People) {
            n.count = 5000;
            n.regions << QStringLiteral("DE");
        } else if (rng.bounded(2)) {
            n.stores.push_back({rng.bounded(2) ? QStringLiteral("CRED.SIGNING_KEY") : QStringLiteral("ID.GOV"),
                                std::nullopt,
                                std::nullopt,
                                {},
                                {pick(people)}});
        }
        m.nodes.push_back(n);
        return QStringLiteral("added node ") + n.id;
    }
    if (kind == u"people count") {
        for (Node &n : m.nodes)
            if (n.kind == NodeKind::People) {
                n.count = n.count.value_or(0) + 1000;
                return QStringLiteral("count of ") + n.id;
            }
    }
    return QStringLiteral("nothing");
}

QByteArray answer(const BlastRadius &r) { return QJsonDocument(toJson(r, true)).toJson(QJsonDocument::Compact); }

// Every answer of two engines on the same model: scenarios (JSON with paths, states, edge
// flags), the ranking and concentration. Empty when equal, else the first difference.
QString difference(const BlastRadiusEngine &a, const BlastRadiusEngine &b)
{
    const Model &m = b.model();
    for (std::size_t i = 0; i < m.nodes.size(); i += std::max<std::size_t>(1, m.nodes.size() / 9)) {
        const QString id = m.nodes[i].id;
        for (const Scenario &s : {Scenario{{{id, Compromise::Breached}}, std::nullopt, true},
                                  Scenario{{{id, Compromise::Controlled}}, std::nullopt, true},
                                  Scenario{{{id, Compromise::Controlled}}, 2, false}}) {
            const auto ra = a.run(s), rb = b.run(s);
            if (!ra || !rb)
                return QStringLiteral("run failed for %1").arg(id);
            if (answer(*ra) != answer(*rb))
                return QStringLiteral("scenario %1 mode %2 hops %3 differs:\n%4\n---\n%5")
                    .arg(id)
                    .arg(int(s.seeds[0].mode))
                    .arg(s.maxHops.value_or(-1))
                    .arg(QString::fromUtf8(answer(*ra).left(1500)), QString::fromUtf8(answer(*rb).left(1500)));
            // States and flags by id: a masked engine keeps its model's order.
            const Model &ma = *ra->model(), &mb = *rb->model();
            for (std::size_t k = 0; k < mb.nodes.size(); ++k)
                if (ra->state(mb.nodes[k].id) != rb->nodeStates()[k])
                    return QStringLiteral("the state of %1 differs (seed %2)").arg(mb.nodes[k].id, id);
            QHash<QString, quint8> flags;
            for (std::size_t e = 0; e < ma.edges.size(); ++e)
                flags.insert(ma.edges[e].id, ra->edgeFlags()[e]);
            for (std::size_t e = 0; e < mb.edges.size(); ++e)
                if (flags.value(mb.edges[e].id) != rb->edgeFlags()[e])
                    return QStringLiteral("the flags of edge %1 differ (seed %2)").arg(mb.edges[e].id, id);
        }
    }
    const auto ka = a.rank(true, true), kb = b.rank(true, true);
    if (ka.size() != kb.size())
        return QStringLiteral("rank sizes differ");
    for (std::size_t i = 0; i < ka.size(); ++i)
        if (ka[i].vendorId != kb[i].vendorId || ka[i].mode != kb[i].mode || !sameSummary(ka[i].summary, kb[i].summary))
            return QStringLiteral("rank row %1 differs: %2 vs %3").arg(i).arg(ka[i].vendorId, kb[i].vendorId);
    const auto ca = a.concentration(), cb = b.concentration();
    if (ca.size() != cb.size())
        return QStringLiteral("concentration sizes differ");
    for (std::size_t i = 0; i < ca.size(); ++i)
        if (ca[i].id != cb[i].id || ca[i].vendors != cb[i].vendors || ca[i].categories != cb[i].categories
            || ca[i].score != cb[i].score)
            return QStringLiteral("concentration row %1 differs").arg(i);
    return {};
}

// The model without a node: its edges dropped (as whatIfRemove() describes it).
Model without(const Model &m, const QString &id)
{
    Model out = m;
    out.nodes.erase(std::find_if(out.nodes.begin(), out.nodes.end(), [&](const Node &n) { return n.id == id; }));
    out.edges.erase(
        std::remove_if(out.edges.begin(), out.edges.end(), [&](const Edge &e) { return e.from == id || e.to == id; }),
        out.edges.end());
    out.layout.remove(id);
    return out;
}

} // namespace

class TestEngineUpdate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void updatedEqualsBuiltFromScratch_data()
    {
        QTest::addColumn<QString>("model"); // sample, default or deep
        QTest::addColumn<QStringList>("edits"); // kinds, applied in turn
        QTest::addColumn<int>("rounds");
        QTest::addColumn<int>("origin"); // BlastRadiusEngine::Origin expected after each edit
        const int updated = int(BlastRadiusEngine::Origin::Updated), built = int(BlastRadiusEngine::Origin::Built);
        const QStringList data{QStringLiteral("add data edge"), QStringLiteral("remove data edge"),
                               QStringLiteral("change data edge")};
        const QStringList propagation{QStringLiteral("add propagation edge"), QStringLiteral("remove propagation edge"),
                                      QStringLiteral("change access scope")};
        auto row = [&](const char *name, const char *model, const QStringList &edits, int rounds, int origin) {
            QTest::newRow(name) << QString::fromLatin1(model) << edits << rounds << origin;
        };
        row("sample: data edges added, removed and changed", "sample", data, 6, updated);
        row("sample: access, code and hosts edges (tenants, signing keys)", "sample", propagation, 6, updated);
        row("sample: stores with keys, signing keys and subjects", "sample", {QStringLiteral("store")}, 12, updated);
        row("default shape: data edges (origins downstream, key holders)", "default", data, 8, updated);
        row("deep chains: data edges (origins along long chains)", "deep", data, 8, updated);
        row("deep chains: propagation edges", "deep", propagation, 6, updated);
        row("default shape: a freed slot reused by another edge", "default",
            {QStringLiteral("replace in place"), QStringLiteral("remove data edge")}, 6, updated);
        row("deep chains: every kind of edit mixed", "deep",
            data + propagation + QStringList{QStringLiteral("store"), QStringLiteral("replace in place")}, 3, updated);
        row("names and descriptions only", "default", {QStringLiteral("rename")}, 3, updated);
        row("sample: services and vendors added, then wired", "sample",
            {QStringLiteral("add node"), QStringLiteral("add data edge"), QStringLiteral("add propagation edge"),
             QStringLiteral("add data edge")},
            4, updated);
        row("deep chains: nodes added between other edits", "deep",
            {QStringLiteral("add node"), QStringLiteral("add data edge"), QStringLiteral("remove data edge"),
             QStringLiteral("add propagation edge")},
            3, updated);
        row("a population added: rebuilt", "sample", {QStringLiteral("add population")}, 2, built);
        row("a node removed: rebuilt", "default", {QStringLiteral("remove node")}, 3, built);
        row("a population's count changed: rebuilt", "sample", {QStringLiteral("people count")}, 2, built);
    }
    void updatedEqualsBuiltFromScratch()
    {
        QFETCH(QString, model);
        QFETCH(QStringList, edits);
        QFETCH(int, rounds);
        QFETCH(int, origin);
        Model m = model == u"sample"
            ? bundledSample()
            : generated(model == u"deep" ? 11 : 12,
                        model == u"deep" ? GeneratorShape::DeepChains : GeneratorShape::Default);
        QRandomGenerator rng(quint32(qHash(QString::fromLatin1(QTest::currentDataTag()))));
        BlastRadiusEngine engine(m);
        int counter = 0, steps = 0;
        for (int round = 0; round < rounds; ++round)
            for (const QString &kind : edits) {
                const QString did = edit(m, kind, rng, counter);
                if (did == u"nothing")
                    continue;
                QVERIFY2(validateModel(m).empty(), qPrintable(did));
                engine = engine.updated(std::make_shared<const Model>(m));
                QCOMPARE(int(engine.origin()), origin);
                const QString diff = difference(engine, BlastRadiusEngine(m));
                QVERIFY2(diff.isEmpty(),
                         qPrintable(QStringLiteral("after %1 (step %2): %3").arg(did).arg(steps).arg(diff)));
                ++steps;
            }
        QVERIFY(steps >= rounds);
    }

    // The same model object: nothing to do, the same index.
    void updatingToTheSameModelKeepsTheEngine()
    {
        auto m = std::make_shared<const Model>(bundledSample());
        const BlastRadiusEngine engine(m);
        const BlastRadiusEngine again = engine.updated(m);
        QCOMPARE(again.sharedModel(), m);
        QCOMPARE(int(again.origin()), int(BlastRadiusEngine::Origin::Built));
    }

    void nodeStatesAgreeWithTheNodeList_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("seed");
        QTest::addColumn<bool>("control");
        QTest::addColumn<int>("maxHops"); // -1: unbounded
        QTest::newRow("sample, analytics vendor breached") << "sample"
                                                           << "analytics" << false << -1;
        QTest::newRow("sample, chat app controlled (potential nodes, escalation)") << "sample"
                                                                                   << "chat_widget" << true << -1;
        QTest::newRow("sample, CI provider controlled, two hops") << "sample"
                                                                  << "ci_provider" << true << 2;
        QTest::newRow("sample, billing service controlled (our account at a vendor)") << "sample"
                                                                                      << "billing_svc" << true << -1;
        QTest::newRow("deep chains, a vendor controlled") << "deep"
                                                          << "vendor-000000" << true << -1;
        QTest::newRow("default shape, a service breached") << "default"
                                                           << "svc-000003" << false << -1;
    }
    void nodeStatesAgreeWithTheNodeList()
    {
        QFETCH(QString, model);
        QFETCH(QString, seed);
        QFETCH(bool, control);
        QFETCH(int, maxHops);
        const Model m = model == u"sample"
            ? bundledSample()
            : generated(3, model == u"deep" ? GeneratorShape::DeepChains : GeneratorShape::Default);
        const BlastRadiusEngine engine(m);
        const BlastRadius r = blast(engine, {{seed, control ? Compromise::Controlled : Compromise::Breached}},
                                    maxHops < 0 ? std::nullopt : std::optional<int>(maxHops));
        const std::vector<NodeState> &states = r.nodeStates();
        QCOMPARE(states.size(), m.nodes.size());
        QHash<QString, const ReachedNode *> listed;
        for (const ReachedNode &n : r.nodes())
            listed.insert(n.id, &n);
        int reached = 0, seeds = 0;
        for (std::size_t i = 0; i < m.nodes.size(); ++i) {
            const NodeState &s = states[i];
            QCOMPARE(r.state(int(i)), s);
            QCOMPARE(r.state(m.nodes[i].id), s);
            const ReachedNode *n = listed.value(m.nodes[i].id);
            QCOMPARE(s.reached, n != nullptr);
            if (!n) {
                QCOMPARE(s.hops, -1);
                continue;
            }
            ++reached;
            seeds += s.seed;
            QCOMPARE(int(s.state), int(n->state));
            QCOMPARE(int(s.certainty), int(n->certainty));
            QCOMPARE(s.hops, n->hops);
            QCOMPARE(s.tenant, n->tenant);
            QCOMPARE(s.escalation, n->escalation.has_value());
            QCOMPARE(s.seed, n->edge.isEmpty());
            QCOMPARE(r.path(n->id).size(), qsizetype(n->hops));
        }
        QCOMPARE(reached, int(r.nodes().size()));
        QCOMPARE(seeds, 1);
        QVERIFY(!r.state(QStringLiteral("no-such-node")).reached);
        QVERIFY(!r.state(-1).reached && !r.state(int(m.nodes.size())).reached);
        // Edge flags: every reported node's edge carried the compromise.
        const std::vector<quint8> &flags = r.edgeFlags();
        QCOMPARE(flags.size(), m.edges.size());
        QHash<QString, int> edgeIndex;
        for (std::size_t e = 0; e < m.edges.size(); ++e)
            edgeIndex.insert(m.edges[e].id, int(e));
        for (const ReachedNode &n : r.nodes())
            if (!n.edge.isEmpty())
                QVERIFY(flags[std::size_t(edgeIndex.value(n.edge))] & CarriedCompromise);
        for (const ExposedCategory &x : r.exposed())
            for (const QString &e : r.via(x.category))
                QVERIFY(flags[std::size_t(edgeIndex.value(e))] & CarriesExposedData);
    }

    void whatIfByMaskingEqualsRemovingAndRebuilding_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("vendor");
        QTest::newRow("sample, the analytics vendor (SDK and data)") << "sample"
                                                                     << "analytics";
        QTest::newRow("sample, the cloud vendor (hosts our platform)") << "sample"
                                                                       << "cloud_vendor";
        QTest::newRow("sample, the payment processor (our account there)") << "sample"
                                                                           << "payments";
        QTest::newRow("sample, the CI provider (code in our pipelines)") << "sample"
                                                                         << "ci_provider";
        QTest::newRow("default shape, the busiest vendor") << "default"
                                                           << "vendor-000000";
        QTest::newRow("deep chains, a busy vendor") << "deep"
                                                    << "vendor-000001";
        QTest::newRow("deep chains, a sub-processor") << "deep"
                                                      << "sub-000002";
    }
    void whatIfByMaskingEqualsRemovingAndRebuilding()
    {
        QFETCH(QString, model);
        QFETCH(QString, vendor);
        const Model m = model == u"sample"
            ? bundledSample()
            : generated(5, model == u"deep" ? GeneratorShape::DeepChains : GeneratorShape::Default);
        if (std::none_of(m.nodes.begin(), m.nodes.end(), [&](const Node &n) { return n.id == vendor; }))
            QSKIP("the vendor is not in this model");
        const BlastRadiusEngine engine(m);
        const auto w = engine.whatIfRemove(vendor);
        QVERIFY2(w.ok(), w ? "" : qPrintable(w.error().message()));
        const Model removed = without(m, vendor);
        const BlastRadiusEngine rebuilt(removed);
        const auto expected = rebuilt.rank(true, true);
        QCOMPARE(w->rankAfter.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(w->rankAfter[i].vendorId, expected[i].vendorId);
            QCOMPARE(int(w->rankAfter[i].mode), int(expected[i].mode));
            QVERIFY2(sameSummary(w->rankAfter[i].summary, expected[i].summary), qPrintable(expected[i].vendorId));
        }
        QCOMPARE(w->topAfter.size(), std::min<std::size_t>(10, expected.size()));
        // Scenarios on the masked engine answer as on the rebuilt one.
        QVERIFY(w->after);
        QCOMPARE(int(w->after->origin()), int(BlastRadiusEngine::Origin::Masked));
        QCOMPARE(difference(*w->after, rebuilt).left(600), QString());
        // The lists describe what the removal takes away: categories only it held among
        // vendors, and services that lose a data, code or hosts edge.
        QSet<QString> before, after;
        auto vendorHeld = [](const Model &x, QSet<QString> &out) {
            QHash<QString, NodeKind> kinds;
            for (const Node &n : x.nodes)
                kinds.insert(n.id, n.kind);
            for (const Edge &e : x.edges)
                if (e.kind == EdgeKind::Data && kinds.value(e.to) == NodeKind::Vendor)
                    for (const QString &c : e.categories)
                        out.insert(c);
            for (const Node &n : x.nodes)
                if (n.kind == NodeKind::Vendor)
                    for (const StoredData &s : n.stores)
                        out.insert(s.category);
        };
        vendorHeld(m, before);
        vendorHeld(removed, after);
        QStringList lost((before - after).begin(), (before - after).end());
        lost.sort();
        QCOMPARE(w->categoriesNoLongerHeldByVendors, lost);
        for (auto it = w->servicesLosingEdges.cbegin(); it != w->servicesLosingEdges.cend(); ++it)
            QVERIFY(!it.value().contains(QStringLiteral("access")));
    }

    void maskingRefusesWhatIsNotAVendor()
    {
        const BlastRadiusEngine engine(bundledSample());
        QVERIFY(!engine.whatIfRemove(QStringLiteral("dashboard")).ok());
        QVERIFY(!engine.whatIfRemove(QStringLiteral("no-such-node")).ok());
        QVERIFY(!engine.masked(QStringLiteral("no-such-node")).ok());
        const auto masked = engine.masked(QStringLiteral("analytics"));
        QVERIFY(masked.ok());
        QVERIFY(!masked->run(Scenario{{breach("analytics")}, std::nullopt, true}).ok()); // removed: not a seed
    }

    // A result keeps its engine's index and its model alive; an update does not touch it.
    void resultsOwnWhatTheyRead()
    {
        std::optional<BlastRadius> kept;
        std::weak_ptr<const Model> watch;
        QByteArray before;
        {
            auto m = std::make_shared<const Model>(bundledSample());
            watch = m;
            BlastRadiusEngine engine(m);
            kept = blast(engine, {control("chat_widget")});
            before = answer(*kept);
            Model edited = *m;
            edited.edges.erase(std::remove_if(edited.edges.begin(), edited.edges.end(),
                                              [](const Edge &e) { return e.from == u"chat_widget"; }),
                               edited.edges.end());
            engine = engine.updated(std::make_shared<const Model>(edited));
            QVERIFY(answer(blast(engine, {control("chat_widget")})) != before);
        }
        QVERIFY(!watch.expired()); // the result holds the model
        QCOMPARE(answer(*kept), before);
        QCOMPARE(kept->model()->nodes.size(), bundledSample().nodes.size());
        kept.reset();
        QVERIFY(watch.expired());
    }
};

QTEST_GUILESS_MAIN(TestEngineUpdate)
#include "tst_engineupdate.moc"
