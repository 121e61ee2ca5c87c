// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/team/teambench.h"

#include "model/commands/changecommand.h"
#include "model/commands/edits.h"
#include "model/document/document.h"
#include "model/io/jsonwriter.h"
#include "model/team/teamio.h"
#include "model/team/teamsession.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <map>

namespace vg {

namespace {

struct Client {
    Document doc;
    TeamSession session{&doc};
};

// Runs the event loop until done() or the timeout; returns whether done() came true.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(1, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5))];
}

QByteArray digest(const Model &m)
{
    return QCryptographicHash::hash(serializeModelJson(m), QCryptographicHash::Sha256);
}

} // namespace

Expected<QJsonObject> runTeamBench(const Model &model, const QString &url, const TeamBenchParams &p,
                                   const std::function<void(const QString &)> &progress)
{
    QJsonObject out;
    out.insert(u"nodes", qint64(model.nodes.size()));
    out.insert(u"edges", qint64(model.edges.size()));
    QElapsedTimer t;

    // A publish of a new model is timed: a model left by an earlier run is deleted first.
    deleteModel(url);
    progress(QStringLiteral("pushing %1 nodes and %2 edges").arg(model.nodes.size()).arg(model.edges.size()));
    t.start();
    if (Status s = pushModel(model, url, false, QStringLiteral("bench-team")); !s)
        return s.error();
    out.insert(u"push_s", double(t.nsecsElapsed()) / 1e9);

    const int n = std::max(2, p.clients);
    std::vector<std::unique_ptr<Client>> clients;
    progress(QStringLiteral("opening %1 clients").arg(n));
    for (int i = 0; i < n; ++i) {
        clients.push_back(std::make_unique<Client>());
        t.restart();
        if (Status s = clients.back()->session.open(url); !s)
            return s.error();
        if (i == 0)
            out.insert(u"open_s", double(t.nsecsElapsed()) / 1e9);
    }

    // Node ids to edit: every client picks among all nodes.
    std::vector<QString> ids;
    clients[0]->doc.store().forEachNode([&](int, const Node &node) { ids.push_back(node.id); });
    std::map<QString, std::pair<std::size_t, qint64>> sent; // name written -> (client, time sent)
    QElapsedTimer clock;
    clock.start();
    auto edit = [&](std::size_t c, const QString &id, const QString &name) {
        Document &doc = clients[c]->doc;
        const Node *cur = doc.store().findNode(id);
        if (!cur)
            return;
        Node updated = *cur;
        updated.description = name; // a field edit: the description carries a unique stamp
        doc.undoStack()->push(new ChangeCommand(&doc, replaceNode(doc, id, updated), QStringLiteral("bench edit")));
    };

    progress(QStringLiteral("timing %1 round trips").arg(p.roundtrips));
    std::vector<double> roundtrips;
    for (int i = 0; i < p.roundtrips; ++i) {
        const QString &id = ids[std::size_t(QRandomGenerator::global()->bounded(qint64(ids.size())))];
        const QString stamp = QStringLiteral("roundtrip %1").arg(i);
        t.restart();
        edit(0, id, stamp);
        if (!waitUntil([&] { return clients[1]->doc.store().findNode(id)->description == stamp; }, 10000))
            return Error(url, QStringLiteral("an edit did not reach the second client within 10 s"));
        roundtrips.push_back(double(t.nsecsElapsed()) / 1e6);
        waitUntil([&] { return clients[0]->session.queuedEdits() == 0; }, 1000);
    }
    out.insert(u"edit_roundtrip_ms", percentile(roundtrips, 0.5));

    // The storm: every client edits on a timer; arrival at every client is recorded.
    progress(QStringLiteral("%1 clients x %2 edits/s for %3 s").arg(n).arg(p.editsPerSecond).arg(p.seconds));
    std::map<QString, int> arrivals; // stamp -> clients that hold it
    std::vector<double> latencies;
    int made = 0, conflicts = 0;
    for (std::size_t c = 0; c < clients.size(); ++c) {
        TeamSession &s = clients[c]->session;
        QObject::connect(&s, &TeamSession::conflictDetected, &s, [&, c](int id) {
            ++conflicts;
            clients[c]->session.resolveConflict(id, true);
        });
        QObject::connect(&clients[c]->doc, &Document::nodeChanged, &clients[c]->doc, [&, c](const QString &id) {
            const QString &d = clients[c]->doc.store().findNode(id)->description;
            const auto it = sent.find(d);
            if (it == sent.end() || it->second.first == c)
                return;
            if (++arrivals[d] == int(clients.size()) - 1)
                latencies.push_back(double(clock.nsecsElapsed() / 1000000 - it->second.second));
        });
    }
    std::vector<std::unique_ptr<QTimer>> timers;
    const qint64 stormEnd = clock.elapsed() + qint64(p.seconds) * 1000;
    for (std::size_t c = 0; c < clients.size(); ++c) {
        auto timer = std::make_unique<QTimer>();
        timer->setInterval(1000 / std::max(1, p.editsPerSecond));
        QObject::connect(timer.get(), &QTimer::timeout, timer.get(), [&, c] {
            if (clock.elapsed() >= stormEnd)
                return;
            const QString &id = ids[std::size_t(QRandomGenerator::global()->bounded(qint64(ids.size())))];
            const QString stamp = QStringLiteral("c%1 e%2").arg(c).arg(made++);
            sent.emplace(stamp, std::make_pair(c, clock.nsecsElapsed() / 1000000));
            edit(c, id, stamp);
        });
        QTimer::singleShot(int(c) * 1000 / std::max(1, p.editsPerSecond) / n, timer.get(), qOverload<>(&QTimer::start));
        timers.push_back(std::move(timer));
    }
    waitUntil([&] { return clock.elapsed() >= stormEnd; }, p.seconds * 1000 + 60000);
    const qint64 lastEdit = clock.nsecsElapsed();
    timers.clear();
    // Converged when no client has anything queued and all have applied the server's revision.
    progress(QStringLiteral("waiting for every client to converge"));
    const bool converged = waitUntil(
        [&] {
            qint64 top = 0;
            for (const auto &c : clients) {
                if (c->session.queuedEdits() || !c->session.conflicts().empty()
                    || c->session.state() != TeamSession::State::Online)
                    return false;
                top = std::max(top, c->session.revision());
            }
            for (const auto &c : clients)
                if (c->session.revision() < top)
                    return false;
            return true;
        },
        60000);
    out.insert(u"converge_ms", double(clock.nsecsElapsed() - lastEdit) / 1e6);
    out.insert(u"edits_made", made);
    out.insert(u"conflicts", conflicts);
    out.insert(u"edit_latency_p95_ms", percentile(latencies, 0.95));
    out.insert(u"clients", n);
    out.insert(u"seconds", p.seconds);
    if (!converged)
        return Error(url, QStringLiteral("the clients did not converge within 60 s of the last edit"));
    progress(QStringLiteral("comparing every client's model with the server's"));
    const Expected<Model> server = pullModel(url);
    if (!server)
        return server.error();
    Model sorted = *server;
    sorted.sortById();
    const QByteArray expected = digest(sorted);
    bool equal = true;
    for (const auto &c : clients) {
        Model m = *c->doc.snapshot();
        m.sortById();
        equal = equal && digest(m) == expected;
    }
    out.insert(u"all_equal", equal);
    if (!equal)
        return Error(url, QStringLiteral("the clients ended with different models"));
    return out;
}

} // namespace vg
