// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <stdexcept>
#include <vector>

struct pg_conn;
struct pg_result;

namespace vg::pg {

// Thrown by every call below on a server or connection error; the team store converts it to
// vg::Error at its boundary. sqlState is PostgreSQL's five-character code ("42501"), empty for
// a connection failure; connectionLost tells that the connection is unusable afterwards.
class PgError final : public std::runtime_error {
public:
    PgError(QString sqlState, QString message, bool connectionLost, bool needsPassword = false);
    QString sqlState;
    QString message;
    bool connectionLost;
    // The server asked for a password and none was given (neither ~/.pgpass nor a prompt).
    bool needsPassword;
};

// One bound parameter: UTF-8 text, or SQL NULL. Values are always sent separately from the
// statement text (PQexecParams), never spliced into it.
using Param = std::optional<QByteArray>;
Param param(const QString &s);
Param param(qint64 v);
Param param(double v);
Param param(bool v);

// A query result. Move-only; frees itself. Columns and rows are 0-based. Values arrive in
// PostgreSQL's text format.
class Result final {
public:
    Result() = default;
    explicit Result(pg_result *r) : m_r(r) { }
    Result(Result &&o) noexcept : m_r(o.m_r) { o.m_r = nullptr; }
    Result &operator=(Result &&o) noexcept;
    Result(const Result &) = delete;
    Result &operator=(const Result &) = delete;
    ~Result();

    int rows() const;
    bool isNull(int row, int col) const;
    // The value's bytes without a copy; valid while the Result lives.
    QByteArrayView utf8(int row, int col) const;
    QString text(int row, int col) const { return QString::fromUtf8(utf8(row, col)); }
    qint64 integer(int row, int col) const;
    double real(int row, int col) const;
    bool boolean(int row, int col) const { return utf8(row, col) == "t"; }

private:
    pg_result *m_r = nullptr;
};

struct Notification {
    QString channel;
    QString payload;
    int backendPid = 0;
};

// One libpq connection. Move-only; closes on destruction. Not thread-safe: use it from one
// thread. Every call that talks to the server waits at most timeoutMs (then cancels the
// statement and reports the connection lost), so a dead network never hangs the caller.
class Connection final {
public:
    // Connects with libpq keyword/value pairs (so a password is never part of a string that is
    // parsed). libpq reads ~/.pgpass and PGPASSFILE itself. Throws PgError.
    static Connection open(const QStringList &keys, const QStringList &values, int timeoutMs = 10000);

    Connection() = default;
    Connection(Connection &&o) noexcept;
    Connection &operator=(Connection &&o) noexcept;
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;
    ~Connection();

    bool isOpen() const { return m_conn != nullptr; }
    // Whether libpq still considers the connection good (false after a network failure).
    bool isHealthy() const;
    void close();

    // Runs one statement with bound parameters and returns its rows (none for a command).
    Result exec(const char *sql, const std::vector<Param> &params = {});
    // Runs a constant script of several statements without parameters (DDL).
    void execScript(const char *sql);
    // Runs COPY ... FROM STDIN: next() fills a chunk of COPY text and returns false when done.
    void copyIn(const char *sql, const std::function<bool(QByteArray &chunk)> &next);

    // The socket to watch for notifications, or -1.
    int socket() const;
    // Reads what the server sent without blocking and returns the notifications received.
    // Throws PgError (connectionLost) when the connection has failed.
    std::vector<Notification> takeNotifications();

    QString user() const;
    QString host() const;
    QString database() const;
    int serverVersion() const;
    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

private:
    explicit Connection(pg_conn *c, int timeoutMs) : m_conn(c), m_timeoutMs(timeoutMs) { }
    // Waits until the current command's results are all in, or throws after the timeout.
    void waitForResult();
    Result lastResult();
    [[noreturn]] void raise(pg_result *r);
    [[noreturn]] void raiseConnection(const QString &what);

    pg_conn *m_conn = nullptr;
    int m_timeoutMs = 10000;
};

// Appends s to out escaped for COPY's text format (backslash, tab, newline, carriage return).
void appendCopyText(QByteArray &out, QByteArrayView s);
// The COPY text token of a NULL.
inline constexpr const char kCopyNull[] = "\\N";

} // namespace vg::pg
