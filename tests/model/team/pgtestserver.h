// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/storage/pgconnection.h"
#include "model/storage/pgschema.h"
#include "model/team/teamio.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace vg::test {

// A throwaway PostgreSQL server for one test executable: initdb and pg_ctl in a temporary folder
// (through .ci/pg-team-server, as the postgres system user when run as root), listening on a
// Unix socket there only, with fsync off. server-init has run, and four logins exist: alice and
// bob (editors), carol (viewer), dave (admin). The superuser is vgadmin. Stopped on destruction.
class PgTestServer final {
public:
    ~PgTestServer() { stop(); }

    // Empty on success, else why the server could not start.
    QString start()
    {
        if (!QFileInfo::exists(QStringLiteral("/usr/lib/postgresql")))
            return QStringLiteral("PostgreSQL is not installed (bash .ci/deps installs postgresql-15)");
        m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/vgpg-XXXXXX"));
        if (!m_dir->isValid())
            return QStringLiteral("no temporary folder");
        const QString out = script({QStringLiteral("start"), m_dir->path(), QStringLiteral("--fast")});
        if (out.isNull())
            return m_error;
        m_running = true;
        const Expected<int> init = initServer(url(QStringLiteral("vgadmin")));
        if (!init)
            return init.error().message();
        try {
            pg::Connection c = admin();
            c.execScript("CREATE ROLE alice LOGIN IN ROLE vendorgraph_editor;"
                         "CREATE ROLE bob LOGIN IN ROLE vendorgraph_editor;"
                         "CREATE ROLE carol LOGIN IN ROLE vendorgraph_viewer;"
                         "CREATE ROLE dave LOGIN IN ROLE vendorgraph_admin;");
        } catch (const pg::PgError &e) {
            return e.message;
        }
        return {};
    }
    void stop()
    {
        if (m_running)
            script({QStringLiteral("stop"), m_dir->path()});
        m_running = false;
    }
    bool restart() { return !script({QStringLiteral("restart"), m_dir->path()}).isNull(); }
    // Stops the server without starting it again (for offline tests); start() is not needed
    // to bring it back: call resume().
    bool pause() { return !script({QStringLiteral("stop"), m_dir->path()}).isNull(); }
    bool resume() { return !script({QStringLiteral("start"), m_dir->path(), QStringLiteral("--fast")}).isNull(); }

    QString url(const QString &user, const QString &model = {}) const
    {
        QString u = QStringLiteral("postgresql:///vendorgraph?host=%1&user=%2").arg(m_dir->path(), user);
        if (!model.isEmpty())
            u += QStringLiteral("&model=") + model;
        return u;
    }
    QString socketDir() const { return m_dir->path(); }
    // A superuser connection (throws pg::PgError).
    pg::Connection admin() const { return login(QStringLiteral("vgadmin")); }
    pg::Connection login(const QString &user) const
    {
        const auto u = TeamUrl::parse(url(user), true);
        return pg::Connection::open(u->keys(), u->values());
    }

private:
    QString script(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral("bash"), QStringList{QStringLiteral(VG_PG_SERVER_SCRIPT)} + args);
        if (!p.waitForFinished(120000) || p.exitCode() != 0) {
            m_error = QStringLiteral("pg-team-server %1 failed: %2")
                          .arg(args.join(u' '), QString::fromUtf8(p.readAllStandardError()));
            return {};
        }
        return QString::fromUtf8(p.readAllStandardOutput()) + QStringLiteral(" "); // never null on success
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    bool m_running = false;
    QString m_error;
};

} // namespace vg::test
