// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/storage/sqlite.h"

#include <sqlite3.h>

#include <cstring>

namespace vg::sql {

namespace {
std::function<void(sqlite3 *, bool)> &observer()
{
    static std::function<void(sqlite3 *, bool)> o;
    return o;
}

int dbConfig(sqlite3 *db, int op, int value)
{
    int out = -1;
    return sqlite3_db_config(db, op, value, &out) == SQLITE_OK ? out : -1;
}
} // namespace

void setConnectionObserver(std::function<void(sqlite3 *, bool)> o) { observer() = std::move(o); }

SqlError::SqlError(int c, const QString &m) : std::runtime_error(m.toStdString()), code(c), message(m) { }

void Database::raise(int rc) const
{
    const QString msg = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
    throw SqlError(rc, msg);
}

Database Database::openReadWrite(const QString &path)
{
    sqlite3 *db = nullptr;
    const QByteArray p = path.isEmpty() ? QByteArrayLiteral(":memory:") : path.toUtf8();
    const int rc = sqlite3_open_v2(
        p.constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE,
        nullptr);
    Database d(db);
    if (rc != SQLITE_OK)
        d.raise(rc);
    sqlite3_extended_result_codes(db, 1);
    // No connection ever trusts a schema, runs SQL that can corrupt a file, or loads code.
    if (dbConfig(db, SQLITE_DBCONFIG_DEFENSIVE, 1) != 1 || dbConfig(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0) != 0
        || dbConfig(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0) != 0)
        throw SqlError(SQLITE_ERROR, QStringLiteral("SQLite refused the safety settings"));
    if (observer())
        observer()(db, true);
    return d;
}

Database Database::fromImage(const QByteArray &image)
{
    Database d = openReadWrite(QString());
    // Harden before the image is attached so no schema object in it is ever trusted.
    d.hardenForUntrustedInput();
    const auto size = sqlite3_int64(image.size());
    auto *buf = static_cast<unsigned char *>(sqlite3_malloc64(sqlite3_uint64(std::max<sqlite3_int64>(size, 1))));
    if (!buf)
        throw SqlError(SQLITE_NOMEM, QStringLiteral("out of memory"));
    std::memcpy(buf, image.constData(), std::size_t(size));
    const int rc = sqlite3_deserialize(d.m_db, "main", buf, size, size,
                                       SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
    if (rc != SQLITE_OK)
        d.raise(rc);
    return d;
}

Database::Database(Database &&o) noexcept : m_db(o.m_db) { o.m_db = nullptr; }

Database &Database::operator=(Database &&o) noexcept
{
    std::swap(m_db, o.m_db);
    return *this;
}

bool Database::hasBaselineSettings() const
{
    return dbConfig(m_db, SQLITE_DBCONFIG_DEFENSIVE, -1) == 1 && dbConfig(m_db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1) == 0
        && dbConfig(m_db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, -1) == 0;
}

Database::~Database()
{
    if (m_db && observer())
        observer()(m_db, false);
    if (m_db)
        sqlite3_close_v2(m_db);
}

void Database::hardenForUntrustedInput()
{
    auto config = [&](int op, int value) {
        int out = -1;
        const int rc = sqlite3_db_config(m_db, op, value, &out);
        if (rc != SQLITE_OK)
            raise(rc);
    };
    config(SQLITE_DBCONFIG_DEFENSIVE, 1);
    config(SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0);
    config(SQLITE_DBCONFIG_ENABLE_TRIGGER, 0);
    config(SQLITE_DBCONFIG_ENABLE_VIEW, 0);
    config(SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0);
    exec("PRAGMA cell_size_check=ON");
    exec("PRAGMA mmap_size=0");
    sqlite3_limit(m_db, SQLITE_LIMIT_LENGTH, 16 * 1024 * 1024);
    sqlite3_limit(m_db, SQLITE_LIMIT_SQL_LENGTH, 100000);
    sqlite3_limit(m_db, SQLITE_LIMIT_COLUMN, 100);
    sqlite3_limit(m_db, SQLITE_LIMIT_ATTACHED, 0);
}

bool Database::isHardened() const
{
    auto get = [&](int op) {
        int out = -1;
        sqlite3_db_config(m_db, op, -1, &out);
        return out;
    };
    return get(SQLITE_DBCONFIG_DEFENSIVE) == 1 && get(SQLITE_DBCONFIG_TRUSTED_SCHEMA) == 0
        && get(SQLITE_DBCONFIG_ENABLE_TRIGGER) == 0 && get(SQLITE_DBCONFIG_ENABLE_VIEW) == 0
        && get(SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION) == 0 && sqlite3_limit(m_db, SQLITE_LIMIT_ATTACHED, -1) == 0;
}

void Database::exec(const char *sql)
{
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        const QString msg = QString::fromUtf8(err ? err : sqlite3_errstr(rc));
        sqlite3_free(err);
        throw SqlError(rc, msg);
    }
}

Statement Database::prepare(const char *sql)
{
    sqlite3_stmt *st = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr);
    if (rc != SQLITE_OK)
        raise(rc);
    return Statement(m_db, st);
}

qint64 Database::pragmaInt(const char *name)
{
    const QByteArray sql = QByteArrayLiteral("PRAGMA ") + name;
    Statement st = prepare(sql.constData());
    return st.step() ? st.integer(0) : 0;
}

void Database::backupTo(Database &dest)
{
    sqlite3_backup *b = sqlite3_backup_init(dest.m_db, "main", m_db, "main");
    if (!b)
        dest.raise(sqlite3_errcode(dest.m_db));
    const int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE)
        dest.raise(rc);
}

Statement::Statement(Statement &&o) noexcept : m_db(o.m_db), m_st(o.m_st) { o.m_st = nullptr; }

Statement::~Statement()
{
    if (m_st)
        sqlite3_finalize(m_st);
}

Statement &Statement::bind(int i, const QString &v) { return bindUtf8(i, v.toUtf8()); }

Statement &Statement::bindUtf8(int i, QByteArrayView v)
{
    if (const int rc = sqlite3_bind_text64(m_st, i, v.data() ? v.data() : "", sqlite3_uint64(v.size()),
                                           SQLITE_TRANSIENT, SQLITE_UTF8);
        rc != SQLITE_OK)
        throw SqlError(rc, QString::fromUtf8(sqlite3_errmsg(m_db)));
    return *this;
}

Statement &Statement::bind(int i, qint64 v)
{
    if (const int rc = sqlite3_bind_int64(m_st, i, v); rc != SQLITE_OK)
        throw SqlError(rc, QString::fromUtf8(sqlite3_errmsg(m_db)));
    return *this;
}

Statement &Statement::bind(int i, double v)
{
    if (const int rc = sqlite3_bind_double(m_st, i, v); rc != SQLITE_OK)
        throw SqlError(rc, QString::fromUtf8(sqlite3_errmsg(m_db)));
    return *this;
}

Statement &Statement::bindNull(int i)
{
    sqlite3_bind_null(m_st, i);
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_st);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    throw SqlError(rc, QString::fromUtf8(sqlite3_errmsg(m_db)));
}

void Statement::run()
{
    while (step()) { }
    reset();
}

void Statement::reset()
{
    sqlite3_reset(m_st);
    sqlite3_clear_bindings(m_st);
}

bool Statement::isNull(int col) const { return sqlite3_column_type(m_st, col) == SQLITE_NULL; }

QString Statement::text(int col) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_st, col));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_st, col)) : QString();
}

QByteArrayView Statement::utf8(int col) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_st, col));
    return p ? QByteArrayView(p, sqlite3_column_bytes(m_st, col)) : QByteArrayView();
}

qint64 Statement::integer(int col) const { return sqlite3_column_int64(m_st, col); }
double Statement::real(int col) const { return sqlite3_column_double(m_st, col); }

const char *Statement::typeName(int col) const
{
    switch (sqlite3_column_type(m_st, col)) {
    case SQLITE_INTEGER: return "integer";
    case SQLITE_FLOAT: return "real";
    case SQLITE_TEXT: return "text";
    case SQLITE_BLOB: return "blob";
    default: return "null";
    }
}

Transaction::Transaction(Database &db) : m_db(db) { m_db.exec("BEGIN"); }

Transaction::~Transaction()
{
    if (!m_done) {
        try {
            m_db.exec("ROLLBACK");
        } catch (const SqlError &) {
            // Nothing more can be done; the connection is being abandoned with the error.
        }
    }
}

void Transaction::commit()
{
    m_db.exec("COMMIT");
    m_done = true;
}

} // namespace vg::sql
