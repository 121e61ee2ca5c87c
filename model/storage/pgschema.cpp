// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/storage/pgschema.h"

namespace vg {

namespace {

using pg::Connection;
using pg::PgError;

// Schema version 1: models, their items with revisions, tombstones, the revision log, the
// field history (written only by triggers that run as the schema owner, with the login of the
// session), and the one function through which clients commit an edit.
constexpr const char *kSchemaV1 = R"SQL(
CREATE TABLE vendorgraph.meta(key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE vendorgraph.models(
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text COLLATE "C" NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9._-]{1,128}$'),
    revision bigint NOT NULL DEFAULT 0,
    meta_revision bigint NOT NULL DEFAULT 0,
    title text NOT NULL DEFAULT '',
    organization text,
    categories text NOT NULL DEFAULT '[]');
CREATE TABLE vendorgraph.nodes(
    model_id bigint NOT NULL REFERENCES vendorgraph.models(id) ON DELETE CASCADE,
    id text COLLATE "C" NOT NULL,
    revision bigint NOT NULL,
    kind text NOT NULL CHECK (kind IN ('people', 'service', 'vendor')),
    name text NOT NULL,
    description text NOT NULL,
    tags text, count bigint, regions text, stores text, attributes text, vendor text,
    x double precision, y double precision,
    PRIMARY KEY(model_id, id));
CREATE INDEX nodes_by_revision ON vendorgraph.nodes(model_id, revision);
CREATE TABLE vendorgraph.edges(
    model_id bigint NOT NULL REFERENCES vendorgraph.models(id) ON DELETE CASCADE,
    id text COLLATE "C" NOT NULL,
    revision bigint NOT NULL,
    src text COLLATE "C" NOT NULL,
    dst text COLLATE "C" NOT NULL,
    kind text NOT NULL CHECK (kind IN ('data', 'access', 'code', 'hosts')),
    categories text, records bigint, encryption text, scope text, stored boolean,
    description text NOT NULL,
    source text NOT NULL,
    confirmed text,
    PRIMARY KEY(model_id, id));
CREATE INDEX edges_by_revision ON vendorgraph.edges(model_id, revision);
-- No index on src or dst: maintaining two more text indexes made a 500,000-edge publish a third
-- slower, while only node removals look edges up by their ends (one hashed scan of the model's
-- edges, tens of milliseconds).
CREATE TABLE vendorgraph.removed(
    model_id bigint NOT NULL REFERENCES vendorgraph.models(id) ON DELETE CASCADE,
    kind text NOT NULL,
    id text COLLATE "C" NOT NULL,
    revision bigint NOT NULL,
    PRIMARY KEY(model_id, kind, id));
CREATE INDEX removed_by_revision ON vendorgraph.removed(model_id, revision);
CREATE TABLE vendorgraph.revisions(
    model_id bigint NOT NULL REFERENCES vendorgraph.models(id) ON DELETE CASCADE,
    revision bigint NOT NULL,
    author text NOT NULL,
    at timestamptz NOT NULL,
    summary text NOT NULL DEFAULT '',
    PRIMARY KEY(model_id, revision));
CREATE TABLE vendorgraph.history(
    model_id bigint NOT NULL REFERENCES vendorgraph.models(id) ON DELETE CASCADE,
    revision bigint NOT NULL,
    author text NOT NULL,
    at timestamptz NOT NULL,
    item_kind text NOT NULL,
    item_id text COLLATE "C" NOT NULL,
    field text,
    before text,
    after text);
CREATE INDEX history_by_item ON vendorgraph.history(model_id, item_kind, item_id);

-- Every edge joins two nodes of its model. Checked per statement over the transition tables
-- (one anti-join, not a locking lookup per row as a foreign key would do: a 500,000-edge
-- upload stays fast). Commits of one model are serialized by commit_edit's lock on its row.
CREATE FUNCTION vendorgraph.check_edge_ends() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    bad text;
BEGIN
    SELECT e.id INTO bad FROM new_rows e
     WHERE NOT EXISTS (SELECT 1 FROM vendorgraph.nodes n WHERE n.model_id = e.model_id AND n.id = e.src)
        OR NOT EXISTS (SELECT 1 FROM vendorgraph.nodes n WHERE n.model_id = e.model_id AND n.id = e.dst)
     LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'edge "%" would join a node that is not in the model', bad USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE FUNCTION vendorgraph.check_node_refs() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    bad text;
    gone text[];
BEGIN
    -- A model being deleted takes its edges along.
    IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN vendorgraph.models m ON m.id = o.model_id) THEN
        RETURN NULL;
    END IF;
    -- Most statements remove no node (an update keeps its id): then there is nothing to scan.
    SELECT array_agg(o.id) INTO gone FROM old_rows o
     WHERE NOT EXISTS (SELECT 1 FROM vendorgraph.nodes n WHERE n.model_id = o.model_id AND n.id = o.id);
    IF gone IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT e.id INTO bad FROM vendorgraph.edges e
     WHERE e.model_id IN (SELECT DISTINCT o.model_id FROM old_rows o)
       AND (e.src = ANY (gone) OR e.dst = ANY (gone))
       AND EXISTS (SELECT 1 FROM old_rows o WHERE o.model_id = e.model_id AND (o.id = e.src OR o.id = e.dst)
                   AND NOT EXISTS (SELECT 1 FROM vendorgraph.nodes n WHERE n.model_id = o.model_id AND n.id = o.id))
     LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'edge "%" would be left without one of its nodes; remove it with the node', bad
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER edges_check_insert AFTER INSERT ON vendorgraph.edges REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION vendorgraph.check_edge_ends();
CREATE TRIGGER edges_check_update AFTER UPDATE ON vendorgraph.edges REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION vendorgraph.check_edge_ends();
CREATE TRIGGER nodes_check_delete AFTER DELETE ON vendorgraph.nodes REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION vendorgraph.check_node_refs();
CREATE TRIGGER nodes_check_update AFTER UPDATE ON vendorgraph.nodes REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION vendorgraph.check_node_refs();

-- Who and when are the server's: the session's login and the transaction's time.
CREATE FUNCTION vendorgraph.stamp_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.author := session_user;
    NEW.at := now();
    RETURN NEW;
END $$;
CREATE TRIGGER revisions_stamp BEFORE INSERT OR UPDATE ON vendorgraph.revisions
    FOR EACH ROW EXECUTE FUNCTION vendorgraph.stamp_revision();

-- Field history of nodes and edges, from the statement's transition tables. Positions are
-- layout, not facts, and are left out. The items of a publish (revision 1) are not logged one
-- by one: the publish's revision record (who, when, from which file) is their creation.
CREATE FUNCTION vendorgraph.log_items() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    k text := TG_ARGV[0];
    skip text[] := '{model_id,id,revision,x,y}';
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO vendorgraph.history(model_id, revision, author, at, item_kind, item_id, field, before, after)
        SELECT n.model_id, n.revision, session_user, now(), k, n.id, NULL, NULL,
               jsonb_strip_nulls(to_jsonb(n) - skip)::text
          FROM new_rows n WHERE n.revision > 1;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO vendorgraph.history(model_id, revision, author, at, item_kind, item_id, field, before, after)
        SELECT o.model_id, m.revision, session_user, now(), k, o.id, NULL,
               jsonb_strip_nulls(to_jsonb(o) - skip)::text, NULL
          FROM old_rows o JOIN vendorgraph.models m ON m.id = o.model_id;
    ELSE
        INSERT INTO vendorgraph.history(model_id, revision, author, at, item_kind, item_id, field, before, after)
        SELECT n.model_id, n.revision, session_user, now(), k, n.id, f.key, o.j ->> f.key, n.j ->> f.key
          FROM (SELECT t.model_id, t.id, t.revision, to_jsonb(t) - skip AS j FROM new_rows t) n
          JOIN (SELECT t.model_id, t.id, to_jsonb(t) - skip AS j FROM old_rows t) o
            ON o.model_id = n.model_id AND o.id = n.id
         CROSS JOIN LATERAL jsonb_object_keys(n.j) AS f(key)
         WHERE (o.j -> f.key) IS DISTINCT FROM (n.j -> f.key);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER nodes_log_insert AFTER INSERT ON vendorgraph.nodes REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION vendorgraph.log_items('node');
CREATE TRIGGER nodes_log_update AFTER UPDATE ON vendorgraph.nodes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION vendorgraph.log_items('node');
CREATE TRIGGER nodes_log_delete AFTER DELETE ON vendorgraph.nodes REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION vendorgraph.log_items('node');
CREATE TRIGGER edges_log_insert AFTER INSERT ON vendorgraph.edges REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION vendorgraph.log_items('edge');
CREATE TRIGGER edges_log_update AFTER UPDATE ON vendorgraph.edges REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION vendorgraph.log_items('edge');
CREATE TRIGGER edges_log_delete AFTER DELETE ON vendorgraph.edges REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION vendorgraph.log_items('edge');

CREATE FUNCTION vendorgraph.log_model() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO vendorgraph.history(model_id, revision, author, at, item_kind, item_id, field, before, after)
    SELECT NEW.id, NEW.revision, session_user, now(), 'model', '', f.key, o.j ->> f.key, n.j ->> f.key
      FROM (SELECT jsonb_build_object('name', NEW.title, 'organization', NEW.organization,
                                      'categories', NEW.categories) AS j) n,
           (SELECT jsonb_build_object('name', OLD.title, 'organization', OLD.organization,
                                      'categories', OLD.categories) AS j) o,
           jsonb_object_keys(n.j) AS f(key)
     WHERE (o.j -> f.key) IS DISTINCT FROM (n.j -> f.key);
    RETURN NULL;
END $$;
CREATE TRIGGER models_log AFTER UPDATE ON vendorgraph.models FOR EACH ROW
    WHEN (OLD.meta_revision IS DISTINCT FROM NEW.meta_revision) EXECUTE FUNCTION vendorgraph.log_model();

)SQL";

// The function that commits one edit; (re)created by the base schema and by migrations that
// add columns. plpgsql resolves columns when it runs, so the base schema can create it
// before migration 3 adds "extra".
constexpr const char *kCommitEdit = R"SQL(
-- Commits one edit in the caller's transaction, with the caller's privileges. p_edit holds
-- {"summary", "nodes": [{id, base, removed, kind, name, ...}], "edges": [...],
--  "meta": {base, title, organization, categories}}. Returns {"revision": r} or, when an item's
-- server revision differs from its base (or the edit would leave an edge without its node),
-- {"conflicts": [{kind, id, revision}]} and writes nothing. The model row is locked first, so
-- commits of one model are serialized and revisions are gap-free.
CREATE OR REPLACE FUNCTION vendorgraph.commit_edit(p_model bigint, p_edit jsonb) RETURNS jsonb LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r bigint;
    conflicts jsonb;
    wn jsonb := coalesce(p_edit -> 'nodes', '[]');
    we jsonb := coalesce(p_edit -> 'edges', '[]');
BEGIN
    IF NOT pg_has_role(current_user, 'vendorgraph_editor', 'USAGE') THEN
        RAISE EXCEPTION 'the login "%" may only view VendorGraph models; changing one needs the vendorgraph_editor role', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT m.revision INTO r FROM vendorgraph.models m WHERE m.id = p_model FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the model is no longer on the server (it was deleted or replaced)' USING ERRCODE = 'no_data_found';
    END IF;
    WITH n AS (SELECT * FROM jsonb_to_recordset(wn) AS w(id text, base bigint, removed boolean)),
         e AS (SELECT * FROM jsonb_to_recordset(we) AS w(id text, base bigint, removed boolean, src text, dst text)),
         c AS (
            SELECT 'node' AS kind, n.id, coalesce(s.revision, 0) AS revision
              FROM n LEFT JOIN vendorgraph.nodes s ON s.model_id = p_model AND s.id = n.id
             WHERE coalesce(s.revision, 0) <> n.base
            UNION ALL
            SELECT 'edge', e.id, coalesce(s.revision, 0)
              FROM e LEFT JOIN vendorgraph.edges s ON s.model_id = p_model AND s.id = e.id
             WHERE coalesce(s.revision, 0) <> e.base
            UNION ALL
            SELECT 'edge', s.id, s.revision
              FROM vendorgraph.edges s
             WHERE EXISTS (SELECT 1 FROM n WHERE n.removed) AND s.model_id = p_model
               AND (s.src IN (SELECT n.id FROM n WHERE n.removed) OR s.dst IN (SELECT n.id FROM n WHERE n.removed))
               AND NOT EXISTS (SELECT 1 FROM e WHERE e.id = s.id)
            UNION ALL
            SELECT 'node', ep.id, 0
              FROM e CROSS JOIN LATERAL (VALUES (e.src), (e.dst)) AS ep(id)
             WHERE NOT e.removed
               AND NOT EXISTS (SELECT 1 FROM n WHERE n.id = ep.id AND NOT n.removed)
               AND NOT EXISTS (SELECT 1 FROM vendorgraph.nodes s WHERE s.model_id = p_model AND s.id = ep.id)
            UNION ALL
            SELECT 'model', '', m.meta_revision FROM vendorgraph.models m
             WHERE m.id = p_model AND p_edit ? 'meta' AND m.meta_revision <> (p_edit -> 'meta' ->> 'base')::bigint)
    SELECT jsonb_agg(DISTINCT jsonb_build_object('kind', c.kind, 'id', c.id, 'revision', c.revision)) INTO conflicts FROM c;
    IF conflicts IS NOT NULL THEN
        RETURN jsonb_build_object('conflicts', conflicts);
    END IF;

    r := r + 1;
    UPDATE vendorgraph.models SET revision = r WHERE id = p_model;
    IF p_edit ? 'meta' THEN
        UPDATE vendorgraph.models
           SET meta_revision = r, title = p_edit -> 'meta' ->> 'title',
               organization = p_edit -> 'meta' ->> 'organization', categories = p_edit -> 'meta' ->> 'categories'
         WHERE id = p_model;
    END IF;
    DELETE FROM vendorgraph.edges s USING jsonb_to_recordset(we) AS w(id text, removed boolean)
     WHERE s.model_id = p_model AND s.id = w.id AND w.removed;
    DELETE FROM vendorgraph.nodes s USING jsonb_to_recordset(wn) AS w(id text, removed boolean)
     WHERE s.model_id = p_model AND s.id = w.id AND w.removed;
    INSERT INTO vendorgraph.removed(model_id, kind, id, revision)
    SELECT p_model, 'node', w.id, r FROM jsonb_to_recordset(wn) AS w(id text, removed boolean) WHERE w.removed
    UNION ALL
    SELECT p_model, 'edge', w.id, r FROM jsonb_to_recordset(we) AS w(id text, removed boolean) WHERE w.removed
    ON CONFLICT (model_id, kind, id) DO UPDATE SET revision = excluded.revision;

    UPDATE vendorgraph.nodes s
       SET revision = r, kind = w.kind, name = w.name, description = w.description, tags = w.tags, count = w.count,
           regions = w.regions, stores = w.stores, attributes = w.attributes, vendor = w.vendor, x = w.x, y = w.y,
           extra = w.extra
      FROM jsonb_to_recordset(wn) AS w(id text, removed boolean, kind text, name text, description text, tags text,
                                       count bigint, regions text, stores text, attributes text, vendor text,
                                       x double precision, y double precision, extra text)
     WHERE s.model_id = p_model AND s.id = w.id AND NOT w.removed;
    INSERT INTO vendorgraph.nodes(model_id, id, revision, kind, name, description, tags, count, regions, stores,
                                  attributes, vendor, x, y, extra)
    SELECT p_model, w.id, r, w.kind, w.name, w.description, w.tags, w.count, w.regions, w.stores, w.attributes,
           w.vendor, w.x, w.y, w.extra
      FROM jsonb_to_recordset(wn) AS w(id text, removed boolean, kind text, name text, description text, tags text,
                                       count bigint, regions text, stores text, attributes text, vendor text,
                                       x double precision, y double precision, extra text)
     WHERE NOT w.removed AND NOT EXISTS (SELECT 1 FROM vendorgraph.nodes s WHERE s.model_id = p_model AND s.id = w.id);

    UPDATE vendorgraph.edges s
       SET revision = r, src = w.src, dst = w.dst, kind = w.kind, categories = w.categories, records = w.records,
           encryption = w.encryption, scope = w.scope, stored = w.stored, description = w.description,
           source = w.source, confirmed = w.confirmed, extra = w.extra
      FROM jsonb_to_recordset(we) AS w(id text, removed boolean, src text, dst text, kind text, categories text,
                                       records bigint, encryption text, scope text, stored boolean,
                                       description text, source text, confirmed text, extra text)
     WHERE s.model_id = p_model AND s.id = w.id AND NOT w.removed;
    INSERT INTO vendorgraph.edges(model_id, id, revision, src, dst, kind, categories, records, encryption, scope,
                                  stored, description, source, confirmed, extra)
    SELECT p_model, w.id, r, w.src, w.dst, w.kind, w.categories, w.records, w.encryption, w.scope, w.stored,
           w.description, w.source, w.confirmed, w.extra
      FROM jsonb_to_recordset(we) AS w(id text, removed boolean, src text, dst text, kind text, categories text,
                                       records bigint, encryption text, scope text, stored boolean,
                                       description text, source text, confirmed text, extra text)
     WHERE NOT w.removed AND NOT EXISTS (SELECT 1 FROM vendorgraph.edges s WHERE s.model_id = p_model AND s.id = w.id);

    INSERT INTO vendorgraph.revisions(model_id, revision, author, at, summary)
    VALUES (p_model, r, session_user, now(), coalesce(p_edit ->> 'summary', ''));
    PERFORM pg_notify('vendorgraph', p_model::text || ' ' || r::text);
    RETURN jsonb_build_object('revision', r);
END $$;
)SQL";

// Migration 1 -> 2: indexes for the model-wide log filtered by person and by date.
constexpr const char *kMigration1to2 = R"SQL(
CREATE INDEX history_by_time ON vendorgraph.history(model_id, at);
CREATE INDEX history_by_author ON vendorgraph.history(model_id, author, at);
)SQL";

// migrations[i] takes a schema from version i+1 to i+2.
// Migration 2 -> 3: the fields added after the first schema (a population's counts by region;
// a data flow's key holder and subjects), as one JSON object per item, so that later fields
// need no new column.
constexpr const char *kMigration2to3 = R"SQL(
ALTER TABLE vendorgraph.nodes ADD COLUMN extra text;
ALTER TABLE vendorgraph.edges ADD COLUMN extra text;
)SQL";

constexpr const char *kMigrations[] = {kMigration1to2, kMigration2to3};
static_assert(std::size(kMigrations) == kTeamSchemaVersion - 1);

// Roles are cluster-wide; they are created once and their privileges granted on every init.
constexpr const char *kRoles = R"SQL(
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vendorgraph_viewer') THEN
        CREATE ROLE vendorgraph_viewer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vendorgraph_editor') THEN
        CREATE ROLE vendorgraph_editor NOLOGIN IN ROLE vendorgraph_viewer;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vendorgraph_admin') THEN
        CREATE ROLE vendorgraph_admin NOLOGIN IN ROLE vendorgraph_editor;
    END IF;
END $$;
REVOKE ALL ON SCHEMA vendorgraph FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA vendorgraph FROM PUBLIC;
GRANT USAGE ON SCHEMA vendorgraph TO vendorgraph_viewer;
GRANT SELECT ON ALL TABLES IN SCHEMA vendorgraph TO vendorgraph_viewer;
GRANT INSERT, UPDATE, DELETE ON vendorgraph.nodes, vendorgraph.edges, vendorgraph.removed TO vendorgraph_editor;
GRANT INSERT ON vendorgraph.revisions TO vendorgraph_editor;
GRANT UPDATE (revision, meta_revision, title, organization, categories) ON vendorgraph.models TO vendorgraph_editor;
GRANT INSERT, UPDATE, DELETE ON vendorgraph.models TO vendorgraph_admin;
REVOKE ALL ON FUNCTION vendorgraph.log_items(), vendorgraph.log_model(), vendorgraph.stamp_revision() FROM PUBLIC;
)SQL";

} // namespace

int teamSchemaVersion(Connection &c)
{
    pg::Result has = c.exec("SELECT to_regclass('vendorgraph.meta') IS NOT NULL");
    if (!has.boolean(0, 0))
        return 0;
    pg::Result v = c.exec("SELECT value FROM vendorgraph.meta WHERE key = 'schema_version'");
    return v.rows() == 1 ? int(v.integer(0, 0)) : 0;
}

Expected<int> initTeamSchema(Connection &c, int targetVersion)
{
    try {
        c.exec("BEGIN");
        // Two inits at once wait for each other instead of failing halfway.
        c.exec("SELECT pg_advisory_xact_lock(hashtext('vendorgraph.server-init'))");
        const int found = teamSchemaVersion(c);
        if (found > kTeamSchemaVersion) {
            c.exec("ROLLBACK");
            return Error(QString(),
                         QStringLiteral("the server's VendorGraph schema is version %1, newer than this "
                                        "VendorGraph knows (%2); nothing was changed. Use a newer "
                                        "VendorGraph.")
                             .arg(found)
                             .arg(kTeamSchemaVersion));
        }
        if (found == 0) {
            c.exec("CREATE SCHEMA IF NOT EXISTS vendorgraph");
            c.execScript(kSchemaV1);
            c.exec("INSERT INTO vendorgraph.meta(key, value) VALUES ('schema_version', '1')");
        }
        for (int v = std::max(found, 1); v < targetVersion; ++v)
            c.execScript(kMigrations[v - 1]);
        c.exec("UPDATE vendorgraph.meta SET value = $1 WHERE key = 'schema_version'",
               {pg::param(qint64(std::max(found, targetVersion)))});
        c.execScript(kCommitEdit);
        c.execScript(kRoles);
        c.exec("COMMIT");
        return found;
    } catch (const PgError &e) {
        if (c.isHealthy())
            c.exec("ROLLBACK");
        return Error(QString(), QStringLiteral("the schema was not created or migrated: %1").arg(teamErrorText(e)));
    }
}

Status checkTeamSchema(Connection &c)
{
    try {
        const int v = teamSchemaVersion(c);
        if (v == 0)
            return Error(QString(),
                         QStringLiteral("the database %1 has no VendorGraph schema (or this login may not "
                                        "read it). An admin creates it with: vendorgraph server-init URL")
                             .arg(c.database()));
        if (v > kTeamSchemaVersion)
            return Error(QString(),
                         QStringLiteral("the server's VendorGraph schema is version %1, newer than this "
                                        "VendorGraph reads (%2). Use a newer VendorGraph.")
                             .arg(v)
                             .arg(kTeamSchemaVersion));
        if (v < kTeamSchemaVersion)
            return Error(QString(),
                         QStringLiteral("the server's VendorGraph schema is version %1 and this VendorGraph "
                                        "needs %2. An admin migrates it with: vendorgraph server-init URL")
                             .arg(v)
                             .arg(kTeamSchemaVersion));
        return Done{};
    } catch (const PgError &e) {
        return Error(QString(), teamErrorText(e));
    }
}

QString teamErrorText(const PgError &e)
{
    if (e.needsPassword)
        return QStringLiteral("the server asks for a password; put it in ~/.pgpass (mode 0600) or enter it when "
                              "asked (%1)")
            .arg(e.message);
    if (e.sqlState == u"42501")
        return QStringLiteral("permission denied by the server: %1. Viewers may only read; an admin can grant "
                              "the vendorgraph_editor (or vendorgraph_admin) role.")
            .arg(e.message);
    if (e.sqlState == u"3F000" || e.sqlState == u"42P01")
        return QStringLiteral("the server has no VendorGraph schema (%1); an admin creates it with: vendorgraph "
                              "server-init URL")
            .arg(e.message);
    if (e.connectionLost)
        return QStringLiteral("cannot reach the server: %1").arg(e.message);
    return e.message;
}

} // namespace vg
