// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/storage/pgconnection.h"

#include <libpq-fe.h>

#include <QDeadlineTimer>

#include <poll.h>

namespace vg::pg {

PgError::PgError(QString state, QString msg, bool lost, bool password)
    : std::runtime_error(msg.toStdString()), sqlState(std::move(state)), message(std::move(msg)), connectionLost(lost),
      needsPassword(password)
{
}

Param param(const QString &s) { return s.toUtf8(); }
Param param(qint64 v) { return QByteArray::number(v); }
Param param(double v) { return QByteArray::number(v, 'g', 17); }
Param param(bool v) { return v ? QByteArray("t") : QByteArray("f"); }

Result &Result::operator=(Result &&o) noexcept
{
    std::swap(m_r, o.m_r);
    return *this;
}

Result::~Result()
{
    if (m_r)
        PQclear(m_r);
}

int Result::rows() const { return m_r ? PQntuples(m_r) : 0; }
bool Result::isNull(int row, int col) const { return PQgetisnull(m_r, row, col) != 0; }
QByteArrayView Result::utf8(int row, int col) const
{
    return QByteArrayView(PQgetvalue(m_r, row, col), PQgetlength(m_r, row, col));
}
qint64 Result::integer(int row, int col) const { return utf8(row, col).toByteArray().toLongLong(); }
double Result::real(int row, int col) const { return utf8(row, col).toByteArray().toDouble(); }

namespace {

QString connectionMessage(pg_conn *c) { return QString::fromUtf8(PQerrorMessage(c)).trimmed(); }

} // namespace

Connection Connection::open(const QStringList &keys, const QStringList &values, int timeoutMs)
{
    std::vector<QByteArray> k, v;
    std::vector<const char *> kp, vp;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        k.push_back(keys[i].toUtf8());
        v.push_back(values.value(i).toUtf8());
    }
    // Text crosses the wire as UTF-8 whatever the server's or the environment's default.
    k.push_back("client_encoding");
    v.push_back("UTF8");
    for (std::size_t i = 0; i < k.size(); ++i) {
        kp.push_back(k[i].constData());
        vp.push_back(v[i].constData());
    }
    kp.push_back(nullptr);
    vp.push_back(nullptr);
    // expand_dbname = 1: a "dbname" value that is a URI is expanded (the URL form).
    pg_conn *c = PQconnectStartParams(kp.data(), vp.data(), 1);
    if (!c)
        throw PgError({}, QStringLiteral("out of memory while connecting"), true);
    if (PQstatus(c) == CONNECTION_BAD) {
        const QString m = connectionMessage(c);
        PQfinish(c);
        throw PgError({}, m, true);
    }
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const PostgresPollingStatusType st = PQconnectPoll(c);
        if (st == PGRES_POLLING_OK)
            break;
        if (st == PGRES_POLLING_FAILED) {
            const bool pw = PQconnectionNeedsPassword(c) != 0;
            const QString m = connectionMessage(c);
            PQfinish(c);
            throw PgError({}, m, true, pw);
        }
        pollfd p{PQsocket(c), short(st == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
        const qint64 left = deadline.remainingTime();
        if (left == 0 || ::poll(&p, 1, int(left)) == 0) {
            PQfinish(c);
            throw PgError({}, QStringLiteral("the server did not answer within %1 s").arg(timeoutMs / 1000.0), true);
        }
    }
    // Server notices (and the last words of a server shutting down) are not for the user's
    // terminal; failures reach the caller as errors.
    PQsetNoticeProcessor(
        c, [](void *, const char *) {}, nullptr);
    return Connection(c, timeoutMs);
}

Connection::Connection(Connection &&o) noexcept : m_conn(o.m_conn), m_timeoutMs(o.m_timeoutMs) { o.m_conn = nullptr; }

Connection &Connection::operator=(Connection &&o) noexcept
{
    std::swap(m_conn, o.m_conn);
    std::swap(m_timeoutMs, o.m_timeoutMs);
    return *this;
}

Connection::~Connection() { close(); }

void Connection::close()
{
    if (m_conn)
        PQfinish(m_conn);
    m_conn = nullptr;
}

bool Connection::isHealthy() const { return m_conn && PQstatus(m_conn) == CONNECTION_OK; }

void Connection::raiseConnection(const QString &what)
{
    const QString m = m_conn ? connectionMessage(m_conn) : QString();
    throw PgError({}, m.isEmpty() ? what : what + QStringLiteral(": ") + m, true);
}

void Connection::raise(pg_result *r)
{
    // Copied now: the fields point into r, which is cleared below.
    const char *stateField = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    const QString state = stateField ? QString::fromLatin1(stateField) : QString();
    const char *primary = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
    QString msg = QString::fromUtf8(primary ? primary : PQresultErrorMessage(r)).trimmed();
    if (const char *detail = PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL))
        msg += QStringLiteral(" (%1)").arg(QString::fromUtf8(detail));
    if (msg.isEmpty())
        msg = connectionMessage(m_conn);
    PQclear(r);
    const bool lost = PQstatus(m_conn) != CONNECTION_OK;
    // Drain what is left of this command so the connection can be used again.
    while (pg_result *rest = PQgetResult(m_conn))
        PQclear(rest);
    throw PgError(state, msg, lost);
}

void Connection::waitForResult()
{
    const QDeadlineTimer deadline(m_timeoutMs);
    while (PQisBusy(m_conn)) {
        pollfd p{PQsocket(m_conn), POLLIN, 0};
        const qint64 left = deadline.remainingTime();
        const int n = left == 0 ? 0 : ::poll(&p, 1, int(left));
        if (n == 0) {
            // Cancel the statement; the connection is then closed, as its state is unknown.
            if (PGcancel *cancel = PQgetCancel(m_conn)) {
                char buf[256];
                PQcancel(cancel, buf, sizeof buf);
                PQfreeCancel(cancel);
            }
            close();
            throw PgError({}, QStringLiteral("the server did not answer within %1 s").arg(m_timeoutMs / 1000.0), true);
        }
        if (n < 0 || !PQconsumeInput(m_conn))
            raiseConnection(QStringLiteral("the connection to the server was lost"));
    }
}

Result Connection::lastResult()
{
    pg_result *last = nullptr;
    for (;;) {
        waitForResult();
        pg_result *r = PQgetResult(m_conn);
        if (!r)
            break;
        const ExecStatusType st = PQresultStatus(r);
        if (st == PGRES_FATAL_ERROR || st == PGRES_BAD_RESPONSE || st == PGRES_NONFATAL_ERROR) {
            if (last)
                PQclear(last);
            raise(r);
        }
        if (st == PGRES_COPY_IN || st == PGRES_COPY_OUT) // the caller continues the COPY
            return Result(r);
        if (last)
            PQclear(last);
        last = r;
    }
    return Result(last);
}

Result Connection::exec(const char *sql, const std::vector<Param> &params)
{
    if (!m_conn)
        throw PgError({}, QStringLiteral("not connected to the server"), true);
    std::vector<const char *> values;
    std::vector<int> lengths;
    values.reserve(params.size());
    for (const Param &p : params) {
        values.push_back(p ? p->constData() : nullptr);
        lengths.push_back(p ? int(p->size()) : 0);
    }
    if (!PQsendQueryParams(m_conn, sql, int(params.size()), nullptr, values.data(), lengths.data(), nullptr, 0))
        raiseConnection(QStringLiteral("could not send a statement to the server"));
    return lastResult();
}

void Connection::execScript(const char *sql)
{
    if (!m_conn)
        throw PgError({}, QStringLiteral("not connected to the server"), true);
    if (!PQsendQuery(m_conn, sql))
        raiseConnection(QStringLiteral("could not send a statement to the server"));
    lastResult();
}

void Connection::copyIn(const char *sql, const std::function<bool(QByteArray &)> &next)
{
    Result start = exec(sql);
    QByteArray chunk;
    bool more = true;
    while (more) {
        chunk.clear();
        more = next(chunk);
        if (!chunk.isEmpty() && PQputCopyData(m_conn, chunk.constData(), int(chunk.size())) != 1)
            raiseConnection(QStringLiteral("the connection was lost while uploading"));
    }
    if (PQputCopyEnd(m_conn, nullptr) != 1)
        raiseConnection(QStringLiteral("the connection was lost while uploading"));
    Result done = lastResult();
    Q_UNUSED(done);
}

int Connection::socket() const { return m_conn ? PQsocket(m_conn) : -1; }

std::vector<Notification> Connection::takeNotifications()
{
    if (!m_conn)
        throw PgError({}, QStringLiteral("not connected to the server"), true);
    if (!PQconsumeInput(m_conn) || PQstatus(m_conn) != CONNECTION_OK)
        raiseConnection(QStringLiteral("the connection to the server was lost"));
    std::vector<Notification> out;
    while (PGnotify *n = PQnotifies(m_conn)) {
        out.push_back({QString::fromUtf8(n->relname), QString::fromUtf8(n->extra), n->be_pid});
        PQfreemem(n);
    }
    return out;
}

QString Connection::user() const { return m_conn ? QString::fromUtf8(PQuser(m_conn)) : QString(); }
QString Connection::host() const { return m_conn ? QString::fromUtf8(PQhost(m_conn)) : QString(); }
QString Connection::database() const { return m_conn ? QString::fromUtf8(PQdb(m_conn)) : QString(); }
int Connection::serverVersion() const { return m_conn ? PQserverVersion(m_conn) : 0; }

void appendCopyText(QByteArray &out, QByteArrayView s)
{
    for (const char c : s) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
}

} // namespace vg::pg
