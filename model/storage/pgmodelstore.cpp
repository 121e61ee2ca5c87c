// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/storage/pgmodelstore.h"

#include "model/domain/validate.h"
#include "model/io/fieldreader.h"
#include "model/io/jsonwriter.h"
#include "model/storage/pgrows.h"
#include "model/storage/pgschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>

namespace vg {

namespace {

using pg::Connection;
using pg::Param;
using pg::PgError;
using pg::Result;
using namespace pgrows;

// Rolls back unless commit() was called (the connection may be gone: then there is nothing to
// roll back).
class Tx final {
public:
    Tx(Connection &c, const char *begin = "BEGIN") : m_c(c) { m_c.exec(begin); }
    ~Tx()
    {
        if (!m_done && m_c.isHealthy()) {
            try {
                m_c.exec("ROLLBACK");
            } catch (const PgError &) {
            }
        }
    }
    void commit()
    {
        m_c.exec("COMMIT");
        m_done = true;
    }
    Tx(const Tx &) = delete;
    Tx &operator=(const Tx &) = delete;

private:
    Connection &m_c;
    bool m_done = false;
};

void appendField(QByteArray &out, const Param &p)
{
    if (p)
        pg::appendCopyText(out, *p);
    else
        out += pg::kCopyNull;
}

// Streams rows through COPY in chunks of about 1 MiB; row(i, out) appends row i's fields.
template <typename F>
void copyRows(Connection &c, const char *sql, std::size_t count, F row)
{
    std::size_t i = 0;
    c.copyIn(sql, [&](QByteArray &chunk) {
        chunk.reserve(1 << 20);
        while (i < count && chunk.size() < (1 << 20))
            row(i++, chunk);
        return i < count;
    });
}

QString itemKindSql(ItemKind k) { return toString(k); }

} // namespace

std::optional<qint64> PgModelStore::modelId(const QString &name)
{
    const Result r = m_c.exec("SELECT id FROM vendorgraph.models WHERE name = $1", {pg::param(name)});
    if (r.rows() == 0)
        return std::nullopt;
    return r.integer(0, 0);
}

QStringList PgModelStore::modelNames()
{
    const Result r = m_c.exec("SELECT name FROM vendorgraph.models ORDER BY name");
    QStringList out;
    for (int i = 0; i < r.rows(); ++i)
        out << r.text(i, 0);
    return out;
}

Expected<qint64> PgModelStore::publish(const Model &model, const QString &name, bool replace, const QString &summary)
{
    // A bulk upload may keep the server busy for a while; a dead connection still ends it.
    const int oldTimeout = m_c.timeoutMs();
    m_c.setTimeoutMs(std::max(oldTimeout, 600000));
    const auto restore = qScopeGuard([&] { m_c.setTimeoutMs(oldTimeout); });
    Tx tx(m_c);
    if (replace) {
        const Result old = m_c.exec("DELETE FROM vendorgraph.models WHERE name = $1 RETURNING id", {pg::param(name)});
        if (old.rows() == 1) // connected clients learn that their model is gone
            m_c.exec("SELECT pg_notify('vendorgraph', $1 || ' replaced')", {pg::param(old.text(0, 0))});
    } else if (modelId(name)) {
        return Error(name,
                     QStringLiteral("a model of this name is already on the server; nothing was changed. "
                                    "Give another name, or replace it (push --replace, admins only)."));
    }
    const Result ins = m_c.exec("INSERT INTO vendorgraph.models(name, revision, meta_revision, title, organization, "
                                "categories) VALUES ($1, 1, 1, $2, $3, $4) RETURNING id",
                                {pg::param(name), pg::param(model.name),
                                 model.organization ? Param(toJsonText(*model.organization)) : Param(),
                                 categoriesText(model.categories)});
    const qint64 id = ins.integer(0, 0);
    const QByteArray idText = QByteArray::number(id);
    const std::vector<const Node *> nodes = sortedById(model.nodes);
    copyRows(m_c,
             "COPY vendorgraph.nodes(model_id, id, revision, kind, name, description, tags, count, regions, stores, "
             "attributes, vendor, x, y, extra) FROM STDIN",
             nodes.size(), [&](std::size_t i, QByteArray &out) {
                 const Node &n = *nodes[i];
                 const auto pos = model.layout.constFind(n.id);
                 const NodeColumns c = nodeColumns(
                     n, pos == model.layout.cend() ? std::optional<QPointF>() : std::optional<QPointF>(*pos));
                 out += idText;
                 out += '\t';
                 pg::appendCopyText(out, n.id.toUtf8());
                 out += "\t1";
                 for (const Param *p : {&c.kind, &c.name, &c.description, &c.tags, &c.count, &c.regions, &c.stores,
                                        &c.attributes, &c.vendor, &c.x, &c.y, &c.extra}) {
                     out += '\t';
                     appendField(out, *p);
                 }
                 out += '\n';
             });
    const std::vector<const Edge *> edges = sortedById(model.edges);
    copyRows(m_c,
             "COPY vendorgraph.edges(model_id, id, revision, src, dst, kind, categories, records, encryption, scope, "
             "stored, description, source, confirmed, extra) FROM STDIN",
             edges.size(), [&](std::size_t i, QByteArray &out) {
                 const Edge &e = *edges[i];
                 const EdgeColumns c = edgeColumns(e);
                 out += idText;
                 out += '\t';
                 pg::appendCopyText(out, e.id.toUtf8());
                 out += "\t1";
                 for (const Param *p : {&c.src, &c.dst, &c.kind, &c.categories, &c.records, &c.encryption, &c.scope,
                                        &c.stored, &c.description, &c.source, &c.confirmed, &c.extra}) {
                     out += '\t';
                     appendField(out, *p);
                 }
                 out += '\n';
             });
    m_c.exec("INSERT INTO vendorgraph.revisions(model_id, revision, author, at, summary) "
             "VALUES ($1, 1, session_user, now(), $2)",
             {pg::param(id), pg::param(summary)});
    tx.commit();
    return id;
}

bool PgModelStore::remove(const QString &name)
{
    Tx tx(m_c);
    const Result old = m_c.exec("DELETE FROM vendorgraph.models WHERE name = $1 RETURNING id", {pg::param(name)});
    if (old.rows() == 1)
        m_c.exec("SELECT pg_notify('vendorgraph', $1 || ' replaced')", {pg::param(old.text(0, 0))});
    tx.commit();
    return old.rows() == 1;
}

Expected<TeamSnapshot> PgModelStore::open(const QString &name)
{
    Tx tx(m_c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const Result head = m_c.exec(
        "SELECT id, revision, meta_revision, title, organization, categories FROM vendorgraph.models WHERE name = $1",
        {pg::param(name)});
    if (head.rows() == 0)
        return Error(name,
                     QStringLiteral("there is no model of this name on the server; the models there are: %1")
                         .arg(modelNames().join(u", ")));
    TeamSnapshot s;
    s.modelId = head.integer(0, 0);
    s.revision = head.integer(0, 1);
    FieldReader r;
    const MetaVersion meta = metaFromRow(head, 0, 2, r);
    s.metaRevision = meta.revision;
    s.model.name = meta.name;
    s.model.organization = meta.organization;
    s.model.categories = meta.categories;
    const Param id = pg::param(s.modelId);
    {
        const Result rows = m_c.exec("SELECT " VG_NODE_COLUMNS " FROM vendorgraph.nodes WHERE model_id = $1", {id});
        s.model.nodes.reserve(std::size_t(rows.rows()));
        s.nodeRevisions.reserve(rows.rows());
        for (int i = 0; i < rows.rows(); ++i) {
            std::optional<QPointF> pos;
            Node n = nodeFromRow(rows, i, r, &pos);
            s.nodeRevisions.insert(n.id, rows.integer(i, 1));
            if (pos)
                s.model.layout.insert(n.id, *pos);
            s.model.nodes.push_back(std::move(n));
        }
    }
    {
        QHash<QByteArray, QString> intern;
        intern.reserve(qsizetype(s.model.nodes.size()));
        for (const Node &n : s.model.nodes)
            intern.insert(n.id.toUtf8(), n.id);
        const Result rows = m_c.exec("SELECT " VG_EDGE_COLUMNS " FROM vendorgraph.edges WHERE model_id = $1", {id});
        s.model.edges.reserve(std::size_t(rows.rows()));
        s.edgeRevisions.reserve(rows.rows());
        for (int i = 0; i < rows.rows(); ++i) {
            Edge e = edgeFromRow(rows, i, r, intern);
            s.edgeRevisions.insert(e.id, rows.integer(i, 1));
            s.model.edges.push_back(std::move(e));
        }
    }
    tx.commit();
    for (Problem &p : validateModel(s.model))
        r.problems.push_back(std::move(p));
    if (!r.problems.empty())
        return Error(name, std::move(r.problems));
    return s;
}

CommitResult PgModelStore::commit(qint64 modelId, const TeamEdit &edit)
{
    QJsonObject o{{QStringLiteral("summary"), edit.summary}};
    QJsonArray nodes, edges;
    for (const NodeVersion &v : edit.nodes)
        nodes.append(nodeEditJson(v));
    for (const EdgeVersion &v : edit.edges)
        edges.append(edgeEditJson(v));
    o.insert(u"nodes", nodes);
    o.insert(u"edges", edges);
    if (edit.meta) {
        o.insert(
            u"meta",
            QJsonObject{{QStringLiteral("base"), QString::number(edit.meta->revision)},
                        {QStringLiteral("title"), edit.meta->name},
                        {QStringLiteral("organization"),
                         edit.meta->organization ? QJsonValue(QString::fromUtf8(toJsonText(*edit.meta->organization)))
                                                 : QJsonValue(QJsonValue::Null)},
                        {QStringLiteral("categories"), QString::fromUtf8(categoriesText(edit.meta->categories))}});
    }
    const Result r = m_c.exec("SELECT vendorgraph.commit_edit($1, $2::jsonb)",
                              {pg::param(modelId), QJsonDocument(o).toJson(QJsonDocument::Compact)});
    const QJsonObject out = QJsonDocument::fromJson(r.utf8(0, 0).toByteArray()).object();
    CommitResult result;
    if (out.contains(u"revision")) {
        result.revision = out.value(u"revision").toInteger();
        return result;
    }
    for (const QJsonValue &c : out.value(u"conflicts").toArray()) {
        const QJsonObject co = c.toObject();
        result.conflicts.push_back({itemKindFromString(co.value(u"kind").toString()).value_or(ItemKind::Meta),
                                    co.value(u"id").toString(), co.value(u"revision").toInteger()});
    }
    return result;
}

Expected<TeamDelta> PgModelStore::changesSince(qint64 modelId, qint64 revision)
{
    Tx tx(m_c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const Param id = pg::param(modelId), rev = pg::param(revision);
    const Result head = m_c.exec(
        "SELECT revision, meta_revision, title, organization, categories FROM vendorgraph.models WHERE id = $1", {id});
    if (head.rows() == 0)
        return Error(QString(), QStringLiteral("the model is no longer on the server (it was deleted or replaced)"));
    TeamDelta d;
    d.revision = head.integer(0, 0);
    FieldReader r;
    if (head.integer(0, 1) > revision)
        d.meta = metaFromRow(head, 0, 1, r);
    if (d.revision > revision) {
        QSet<QString> present;
        {
            const Result rows = m_c.exec(
                "SELECT " VG_NODE_COLUMNS " FROM vendorgraph.nodes WHERE model_id = $1 AND revision > $2", {id, rev});
            for (int i = 0; i < rows.rows(); ++i) {
                NodeVersion v;
                v.node = nodeFromRow(rows, i, r, &v.pos);
                v.id = v.node->id;
                v.revision = rows.integer(i, 1);
                present.insert(QStringLiteral("n:") + v.id);
                d.nodes.push_back(std::move(v));
            }
        }
        {
            QHash<QByteArray, QString> intern;
            const Result rows = m_c.exec(
                "SELECT " VG_EDGE_COLUMNS " FROM vendorgraph.edges WHERE model_id = $1 AND revision > $2", {id, rev});
            for (int i = 0; i < rows.rows(); ++i) {
                EdgeVersion v;
                v.edge = edgeFromRow(rows, i, r, intern);
                v.id = v.edge->id;
                v.revision = rows.integer(i, 1);
                present.insert(QStringLiteral("e:") + v.id);
                d.edges.push_back(std::move(v));
            }
        }
        const Result gone = m_c.exec(
            "SELECT kind, id, revision FROM vendorgraph.removed WHERE model_id = $1 AND revision > $2", {id, rev});
        for (int i = 0; i < gone.rows(); ++i) {
            const bool node = gone.utf8(i, 0) == "node";
            const QString itemId = gone.text(i, 1);
            // An item removed and then added again is present: its row is the truth.
            if (present.contains((node ? QStringLiteral("n:") : QStringLiteral("e:")) + itemId))
                continue;
            // Absent, with the revision that removed it.
            if (node)
                d.nodes.push_back({itemId, gone.integer(i, 2), std::nullopt, std::nullopt});
            else
                d.edges.push_back({itemId, gone.integer(i, 2), std::nullopt});
        }
    }
    tx.commit();
    if (!r.problems.empty())
        return Error(QString(), std::move(r.problems));
    return d;
}

Expected<TeamDelta> PgModelStore::currentVersions(qint64 modelId, const std::vector<ItemConflict> &items)
{
    Tx tx(m_c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const Param id = pg::param(modelId);
    TeamDelta d;
    FieldReader r;
    const Result head = m_c.exec(
        "SELECT revision, meta_revision, title, organization, categories FROM vendorgraph.models WHERE id = $1", {id});
    if (head.rows() == 0)
        return Error(QString(), QStringLiteral("the model is no longer on the server (it was deleted or replaced)"));
    d.revision = head.integer(0, 0);
    QHash<QByteArray, QString> intern;
    for (const ItemConflict &c : items) {
        if (c.kind == ItemKind::Meta) {
            d.meta = metaFromRow(head, 0, 1, r);
        } else if (c.kind == ItemKind::Node) {
            const Result row =
                m_c.exec("SELECT " VG_NODE_COLUMNS " FROM vendorgraph.nodes WHERE model_id = $1 AND id = $2",
                         {id, pg::param(c.id)});
            NodeVersion v{c.id, 0, std::nullopt, std::nullopt};
            if (row.rows() == 1) {
                v.node = nodeFromRow(row, 0, r, &v.pos);
                v.revision = row.integer(0, 1);
            }
            d.nodes.push_back(std::move(v));
        } else {
            const Result row =
                m_c.exec("SELECT " VG_EDGE_COLUMNS " FROM vendorgraph.edges WHERE model_id = $1 AND id = $2",
                         {id, pg::param(c.id)});
            EdgeVersion v{c.id, 0, std::nullopt};
            if (row.rows() == 1) {
                v.edge = edgeFromRow(row, 0, r, intern);
                v.revision = row.integer(0, 1);
            }
            d.edges.push_back(std::move(v));
        }
    }
    tx.commit();
    if (!r.problems.empty())
        return Error(QString(), std::move(r.problems));
    return d;
}

std::vector<HistoryEntry> PgModelStore::history(qint64 modelId, const HistoryQuery &q)
{
    auto ts = [](const QDateTime &t) {
        return t.isValid() ? Param(t.toUTC().toString(Qt::ISODateWithMs).toUtf8()) : Param();
    };
    // The field rows, and the publish (revision 1): it created the model and, for an item query,
    // the item, when the item has no creation row of its own but existed.
    const Result r = m_c.exec(
        "SELECT revision, author, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), item_kind, "
        "item_id, field, before, after, summary FROM ("
        "SELECT h.revision, h.author, h.at, h.item_kind, h.item_id, h.field, h.before, h.after, "
        "coalesce(r.summary, '') AS summary "
        "FROM vendorgraph.history h LEFT JOIN vendorgraph.revisions r "
        "ON r.model_id = h.model_id AND r.revision = h.revision "
        "WHERE h.model_id = $1 AND ($2::text IS NULL OR h.item_kind = $2) AND ($3::text IS NULL OR h.item_id = $3) "
        "AND ($4::text IS NULL OR h.author = $4) AND ($5::timestamptz IS NULL OR h.at >= $5) "
        "AND ($6::timestamptz IS NULL OR h.at < $6) "
        "UNION ALL "
        "SELECT r.revision, r.author, r.at, coalesce($2, 'model'), coalesce($3, ''), 'published', NULL, NULL, "
        "r.summary FROM vendorgraph.revisions r "
        "WHERE r.model_id = $1 AND r.revision = 1 AND ($4::text IS NULL OR r.author = $4) "
        "AND ($5::timestamptz IS NULL OR r.at >= $5) AND ($6::timestamptz IS NULL OR r.at < $6) "
        "AND ($2::text IS NULL OR $2 = 'model' OR ($3::text IS NOT NULL "
        "  AND NOT EXISTS (SELECT 1 FROM vendorgraph.history c WHERE c.model_id = $1 AND c.item_kind = $2 "
        "                  AND c.item_id = $3 AND c.field IS NULL AND c.after IS NOT NULL) "
        "  AND (EXISTS (SELECT 1 FROM vendorgraph.history c WHERE c.model_id = $1 AND c.item_kind = $2 "
        "               AND c.item_id = $3) "
        "       OR ($2 = 'node' AND EXISTS (SELECT 1 FROM vendorgraph.nodes n WHERE n.model_id = $1 AND n.id = $3)) "
        "       OR ($2 = 'edge' AND EXISTS (SELECT 1 FROM vendorgraph.edges e WHERE e.model_id = $1 AND e.id = $3)))))"
        ") AS x ORDER BY revision DESC, item_kind, item_id, field NULLS FIRST LIMIT $7",
        {pg::param(modelId), q.kind ? pg::param(itemKindSql(*q.kind)) : Param(),
         q.kind && !q.itemId.isEmpty() ? pg::param(q.itemId) : Param(),
         q.author.isEmpty() ? Param() : pg::param(q.author), ts(q.since), ts(q.until), pg::param(qint64(q.limit))});
    std::vector<HistoryEntry> out;
    out.reserve(std::size_t(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        HistoryEntry h;
        h.revision = r.integer(i, 0);
        h.author = r.text(i, 1);
        h.at = QDateTime::fromString(r.text(i, 2), Qt::ISODateWithMs);
        h.kind = itemKindFromString(r.text(i, 3)).value_or(ItemKind::Meta);
        h.itemId = r.text(i, 4);
        h.field = r.text(i, 5);
        if (h.field == u"src")
            h.field = QStringLiteral("from");
        else if (h.field == u"dst")
            h.field = QStringLiteral("to");
        if (!r.isNull(i, 6))
            h.before = r.text(i, 6);
        if (!r.isNull(i, 7))
            h.after = r.text(i, 7);
        h.summary = r.text(i, 8);
        out.push_back(std::move(h));
    }
    return out;
}

void PgModelStore::listen() { m_c.exec("LISTEN vendorgraph"); }

} // namespace vg
