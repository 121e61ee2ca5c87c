// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/storage/documentwriter.h"

#include "model/io/jsonwriter.h"
#include "model/storage/atomicfile.h"
#include "model/storage/schema.h"
#include "model/storage/sqlite.h"

namespace vg {

namespace {

using sql::Database;
using sql::SqlError;
using sql::Statement;

void insertModel(Database &db, const Model &m)
{
    sql::Transaction tx(db);
    Statement meta = db.prepare("INSERT INTO meta(key, value) VALUES(?, ?)");
    meta.bind(1, QStringLiteral("name")).bind(2, m.name).run();
    if (m.organization)
        meta.bind(1, QStringLiteral("organization")).bindUtf8(2, toJsonText(*m.organization)).run();
    if (!m.activeScenario.isEmpty())
        meta.bind(1, QStringLiteral("active_scenario")).bind(2, m.activeScenario).run();
    Statement cat = db.prepare("INSERT INTO categories(id, name, tier, flags) VALUES(?, ?, ?, ?)");
    for (const CategoryDef *c : sortedById(m.categories)) {
        cat.bind(1, c->id).bind(2, c->name);
        if (c->tier)
            cat.bind(3, qint64(*c->tier));
        if (c->flags)
            cat.bindUtf8(4, toJsonText(*c->flags));
        cat.run();
    }
    // Nested values are stored as the same canonical JSON the interchange writer produces.
    Statement node = db.prepare("INSERT INTO nodes(id, kind, name, description, tags, count, regions, stores, "
                                "attributes, vendor, region_counts) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const Node *n : sortedById(m.nodes)) {
        node.bind(1, n->id).bind(2, toString(n->kind)).bind(3, n->name).bind(4, n->description);
        if (!n->tags.isEmpty())
            node.bindUtf8(5, toJsonText(n->tags));
        node.bind(6, n->count);
        if (!n->regions.isEmpty())
            node.bindUtf8(7, toJsonText(n->regions));
        if (!n->stores.empty())
            node.bindUtf8(8, toJsonText(n->stores));
        if (!n->attributes.isEmpty())
            node.bindUtf8(9, toJsonText(n->attributes));
        if (n->vendor)
            node.bindUtf8(10, toJsonText(*n->vendor));
        if (!n->regionCounts.isEmpty())
            node.bindUtf8(11, toJsonText(n->regionCounts));
        node.run();
    }
    Statement edge = db.prepare(
        "INSERT INTO edges(id, src, dst, kind, categories, records, encryption, scope, stored, description, source, "
        "confirmed, key_holder, subjects) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const Edge *e : sortedById(m.edges)) {
        edge.bind(1, e->id).bind(2, e->from).bind(3, e->to).bind(4, toString(e->kind));
        if (e->kind == EdgeKind::Data) {
            edge.bind(5, e->categories.join(QLatin1Char(' '))).bind(6, e->records);
            if (e->encryption)
                edge.bind(7, toString(*e->encryption));
            if (!e->keyHolder.isEmpty())
                edge.bind(13, e->keyHolder);
            if (!e->subjects.isEmpty())
                edge.bind(14, e->subjects.join(QLatin1Char(' ')));
        }
        if (e->kind == EdgeKind::Access)
            edge.bind(8, toString(e->scope)).bind(9, qint64(e->stored ? 1 : 0));
        edge.bind(10, e->description).bind(11, e->source);
        if (e->confirmed.isValid())
            edge.bind(12, e->confirmed.toString(Qt::ISODate));
        edge.run();
    }
    Statement pos = db.prepare("INSERT INTO layout(node_id, x, y) VALUES(?, ?, ?)");
    for (auto it = m.layout.cbegin(); it != m.layout.cend(); ++it)
        pos.bind(1, it.key()).bind(2, it->x()).bind(3, it->y()).run();
    Statement sc = db.prepare("INSERT INTO scenarios(name, position, breach, control, max_hops, potential, aware_at) "
                              "VALUES(?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < m.scenarios.size(); ++i) {
        const SavedScenario &s = m.scenarios[i];
        sc.bind(1, s.name).bind(2, qint64(i));
        if (!s.breach.isEmpty())
            sc.bind(3, s.breach.join(QLatin1Char(' ')));
        if (!s.control.isEmpty())
            sc.bind(4, s.control.join(QLatin1Char(' ')));
        if (s.maxHops)
            sc.bind(5, qint64(*s.maxHops));
        sc.bind(6, qint64(s.potential ? 1 : 0));
        if (s.awareness.isValid())
            sc.bind(7, formatAwareness(s.awareness));
        sc.run();
    }
    tx.commit();
}

} // namespace

Status writeDocument(const Model &model, const QString &path)
{
    return writeFileAtomically(path, [&](const QString &tmpPath) -> Status {
        try {
            Database mem = Database::openReadWrite(QString());
            mem.exec(documentSchemaSql(kDocumentSchemaVersion).constData());
            mem.exec("PRAGMA application_id=" + QByteArray::number(kDocumentApplicationId));
            mem.exec("PRAGMA user_version=" + QByteArray::number(kDocumentSchemaVersion));
            insertModel(mem, model);
            Database file = Database::openReadWrite(tmpPath);
            // The temporary file becomes visible only by the rename, so its own journal
            // adds nothing; durability comes from the fsync before the rename.
            file.exec("PRAGMA journal_mode=OFF");
            file.exec("PRAGMA synchronous=OFF");
            mem.backupTo(file);
        } catch (const SqlError &e) {
            return Error(path, QStringLiteral("not saved: %1").arg(sqlErrorText(e)));
        }
        return Done{};
    });
}

} // namespace vg
