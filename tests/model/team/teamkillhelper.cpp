// SPDX-License-Identifier: GPL-3.0-or-later
// Commits edits to a team model in a loop, so that a test can kill it with SIGKILL in the middle
// of one. Every edit is whole or absent on the server: edit i adds node k-i with edge ke-i; from
// the tenth on, every other edit also adds 2000 nodes b-i-j (printing "BIG i" before it). After
// each commit returns it prints "ACK i <revision>".
#include "model/storage/pgmodelstore.h"
#include "model/team/teamurl.h"

#include <QCoreApplication>

#include <cstdio>

using namespace vg;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const auto url = TeamUrl::parse(QString::fromLocal8Bit(argv[1]));
    if (argc < 2 || !url) {
        std::fprintf(stderr, "usage: teamkillhelper URL\n");
        return 2;
    }
    try {
        pg::Connection c = pg::Connection::open(url->keys(), url->values());
        PgModelStore store(c);
        const qint64 model = *store.modelId(url->model());
        for (int i = 1; i < 100000; ++i) {
            TeamEdit e;
            Node k;
            k.id = QStringLiteral("k-%1").arg(i);
            k.kind = NodeKind::Service;
            k.name = k.id;
            e.nodes.push_back({k.id, 0, k, std::nullopt});
            Edge ke;
            ke.id = QStringLiteral("ke-%1").arg(i);
            ke.from = k.id;
            ke.to = QStringLiteral("crm");
            ke.kind = EdgeKind::Code;
            e.edges.push_back({ke.id, 0, ke});
            const bool big = i >= 10 && i % 2 == 0;
            if (big) {
                for (int j = 0; j < 2000; ++j) {
                    Node b;
                    b.id = QStringLiteral("b-%1-%2").arg(i).arg(j);
                    b.kind = NodeKind::Vendor;
                    b.name = QStringLiteral("Bulk vendor %1").arg(j);
                    b.description = QString(200, QLatin1Char('x'));
                    e.nodes.push_back({b.id, 0, b, QPointF(i, j)});
                }
                std::printf("BIG %d\n", i);
                std::fflush(stdout);
            }
            const CommitResult r = store.commit(model, e);
            if (!r.committed())
                return 1;
            std::printf("ACK %d %lld\n", i, static_cast<long long>(r.revision));
            std::fflush(stdout);
        }
    } catch (const pg::PgError &e) {
        std::fprintf(stderr, "%s\n", qPrintable(e.message));
        return 1;
    }
    return 0;
}
