// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/storage/schema.h"

namespace vg {

namespace {

using sql::Database;
using sql::SqlError;
using sql::Statement;

// Schema version 1 (VendorGraph 0.1 development files) had no layout table.
constexpr const char *kSchemaV1 = R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT, WITHOUT ROWID;
CREATE TABLE categories(id TEXT PRIMARY KEY NOT NULL, name TEXT, tier INTEGER, flags TEXT) STRICT, WITHOUT ROWID;
CREATE TABLE nodes(id TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL, tags TEXT, count INTEGER, regions TEXT, stores TEXT, attributes TEXT, vendor TEXT) STRICT, WITHOUT ROWID;
CREATE TABLE edges(id TEXT PRIMARY KEY NOT NULL, src TEXT NOT NULL REFERENCES nodes(id), dst TEXT NOT NULL REFERENCES nodes(id), kind TEXT NOT NULL, categories TEXT, records INTEGER, encryption TEXT, scope TEXT, stored INTEGER, description TEXT NOT NULL, source TEXT NOT NULL, confirmed TEXT) STRICT, WITHOUT ROWID;
)SQL";

// Migration 1 -> 2: canvas positions.
constexpr const char *kMigration1to2 = R"SQL(
CREATE TABLE layout(node_id TEXT PRIMARY KEY NOT NULL REFERENCES nodes(id), x REAL NOT NULL, y REAL NOT NULL) STRICT, WITHOUT ROWID;
)SQL";

// Migration 2 -> 3: lineage and keys. Per-region population counts (a JSON object), the node
// that holds an edge's external key, and the people an edge's data is about (space-separated
// ids). Stores keep key_holder and subjects inside their JSON column.
constexpr const char *kMigration2to3 = R"SQL(
ALTER TABLE nodes ADD COLUMN region_counts TEXT;
ALTER TABLE edges ADD COLUMN key_holder TEXT;
ALTER TABLE edges ADD COLUMN subjects TEXT;
)SQL";

// Migration 3 -> 4: scenarios saved with the document, in the user's order (position). Seeds
// are space-separated node ids; aware_at is an ISO 8601 date and time with its UTC offset.
// The active scenario's name is meta key active_scenario.
constexpr const char *kMigration3to4 = R"SQL(
CREATE TABLE scenarios(name TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL, breach TEXT, control TEXT, max_hops INTEGER, potential INTEGER NOT NULL, aware_at TEXT) STRICT, WITHOUT ROWID;
)SQL";

// migrations[i] takes a document from version i+1 to i+2.
constexpr const char *kMigrations[] = {kMigration1to2, kMigration2to3, kMigration3to4};
static_assert(std::size(kMigrations) == kDocumentSchemaVersion - 1);
} // namespace

QByteArray documentSchemaSql(int version)
{
    QByteArray out = kSchemaV1;
    for (int v = 1; v < version; ++v)
        out += kMigrations[v - 1];
    return out;
}

void migrateSchema(Database &db, int from)
{
    if (from >= kDocumentSchemaVersion)
        return;
    sql::Transaction tx(db);
    for (int v = from; v < kDocumentSchemaVersion; ++v)
        db.exec(kMigrations[v - 1]);
    db.exec("PRAGMA user_version=" + QByteArray::number(kDocumentSchemaVersion));
    tx.commit();
}

const std::map<QString, QString> &expectedSchema()
{
    static const std::map<QString, QString> expected = [] {
        Database db = Database::openReadWrite(QString());
        db.exec(documentSchemaSql(kDocumentSchemaVersion).constData());
        std::map<QString, QString> out;
        Statement st = db.prepare("SELECT type, name, ifnull(sql,'') FROM sqlite_schema");
        while (st.step())
            out.emplace(st.text(0) + QLatin1Char(' ') + st.text(1), st.text(2));
        return out;
    }();
    return expected;
}

QString sqlErrorText(const SqlError &e)
{
    switch (e.code & 0xff) {
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        return QStringLiteral("the file is damaged (%1); it cannot be opened").arg(e.message);
    case 13: // SQLITE_FULL
        return QStringLiteral("the disk is full (%1)").arg(e.message);
    default: return e.message;
    }
}

} // namespace vg
