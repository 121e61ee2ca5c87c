// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>
#include <stdexcept>

struct sqlite3;
struct sqlite3_stmt;

namespace vg::sql {

// Thrown by every call below on an SQLite error; storage code converts it to vg::Error
// at its boundary. code is SQLite's extended result code.
class SqlError final : public std::runtime_error {
public:
    SqlError(int code, const QString &message);
    int code;
    QString message;
};

class Statement;

// An owned connection. Move-only; closes on destruction.
class Database final {
public:
    // Creates or opens a read-write database at path ("" or ":memory:" for a private one).
    // Every connection starts in defensive mode, with the schema untrusted and extension
    // loading off (hardenForUntrustedInput() adds the rest for files from strangers).
    static Database openReadWrite(const QString &path);
    // A private in-memory database holding a copy of image (sqlite3_deserialize); the
    // bytes' owner is the connection. Nothing on disk is touched afterwards.
    static Database fromImage(const QByteArray &image);

    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    // Settings for a file from a stranger: defensive mode on; trusted schema, triggers,
    // views and extension loading off; cell size checks on; lower length limits.
    void hardenForUntrustedInput();
    // Whether hardenForUntrustedInput() is in force (the start-up self-check).
    bool isHardened() const;
    // Whether the settings every connection gets at open are in force: defensive mode on,
    // trusted schema off, extension loading off.
    bool hasBaselineSettings() const;

    void exec(const char *sql);
    Statement prepare(const char *sql);
    qint64 pragmaInt(const char *name);
    // Copies this whole database over dest in one write transaction (the backup API).
    void backupTo(Database &dest);

    sqlite3 *handle() const { return m_db; }

private:
    explicit Database(sqlite3 *db) : m_db(db) { }
    [[noreturn]] void raise(int rc) const;
    sqlite3 *m_db = nullptr;
};

// Test hook: observer(handle, true) runs for every connection right after it is opened and
// configured, observer(handle, false) right before it is closed. Not thread-safe: install it
// before any connection opens; an empty function removes it.
void setConnectionObserver(std::function<void(sqlite3 *, bool opened)> observer);

// A prepared statement. Columns and parameters are 0-based and 1-based as in SQLite.
class Statement final {
public:
    Statement(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    Statement &bind(int i, const QString &v);
    Statement &bindUtf8(int i, QByteArrayView v); // text, already UTF-8
    Statement &bind(int i, qint64 v);
    Statement &bind(int i, double v);
    Statement &bindNull(int i);
    template <typename T>
    Statement &bind(int i, const std::optional<T> &v)
    {
        return v ? bind(i, *v) : bindNull(i);
    }

    // Advances; true while a row is available.
    bool step();
    // Runs a statement that returns no rows, then resets it for reuse.
    void run();
    void reset();

    bool isNull(int col) const;
    QString text(int col) const;
    // The column's UTF-8 bytes without a copy; valid until the next step() or reset().
    QByteArrayView utf8(int col) const;
    qint64 integer(int col) const;
    double real(int col) const;
    // The SQLite storage class name of a column value (for type checks on foreign files).
    const char *typeName(int col) const;

private:
    friend class Database;
    Statement(sqlite3 *db, sqlite3_stmt *st) : m_db(db), m_st(st) { }
    sqlite3 *m_db;
    sqlite3_stmt *m_st;
};

// BEGIN on construction; ROLLBACK unless commit() was called.
class Transaction final {
public:
    explicit Transaction(Database &db);
    ~Transaction();
    void commit();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

private:
    Database &m_db;
    bool m_done = false;
};

} // namespace vg::sql
