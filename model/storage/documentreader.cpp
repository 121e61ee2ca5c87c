// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/storage/documentreader.h"

#include "model/domain/limits.h"
#include "model/domain/validate.h"
#include "model/io/fieldreader.h"
#include "model/io/inputfile.h"
#include "model/io/jsonsyntax.h"
#include "model/storage/schema.h"
#include "model/storage/sqlite.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vg {

namespace {

using sql::Database;
using sql::SqlError;
using sql::Statement;

// Checks that bytes are a complete VendorGraph document of a version this build reads.
// Returns the problem, or nothing.
std::optional<QString> checkHeader(const QByteArray &image)
{
    static const QByteArray magic("SQLite format 3\0", 16);
    if (image.size() < 100 || !image.startsWith(magic)) {
        if (image.isEmpty())
            return QStringLiteral("the file is empty; expected a VendorGraph document");
        if (image.startsWith(magic.left(image.size())))
            return QStringLiteral("the file is truncated (%1 bytes); expected a complete VendorGraph document")
                .arg(image.size());
        return QStringLiteral("not a VendorGraph document (not an SQLite file)");
    }
    auto be32 = [&](int at) {
        return quint32(quint8(image[at])) << 24 | quint32(quint8(image[at + 1])) << 16
            | quint32(quint8(image[at + 2])) << 8 | quint32(quint8(image[at + 3]));
    };
    quint32 pageSize = quint32(quint8(image[16])) << 8 | quint8(image[17]);
    if (pageSize == 1)
        pageSize = 65536;
    const quint32 pages = be32(28);
    // The in-header size is valid when the change counter matches version-valid-for.
    if (be32(24) == be32(92) && pages > 0 && qint64(pageSize) * pages > image.size())
        return QStringLiteral("the file is truncated: its header describes %1 bytes but it has %2")
            .arg(qint64(pageSize) * pages)
            .arg(image.size());
    const auto appId = qint32(be32(68));
    if (appId != kDocumentApplicationId)
        return QStringLiteral("not a VendorGraph document: an SQLite database of another application "
                              "(application_id 0x%1)")
            .arg(quint32(appId), 8, 16, QLatin1Char('0'));
    const auto version = qint32(be32(60));
    if (version > kDocumentSchemaVersion)
        return QStringLiteral("written by a newer version of VendorGraph (document schema %1); this version reads "
                              "schema %2 and older. Open it with a newer VendorGraph, or export JSON there.")
            .arg(version)
            .arg(kDocumentSchemaVersion);
    if (version < 1)
        return QStringLiteral("not a VendorGraph document (schema version %1)").arg(version);
    return std::nullopt;
}

QJsonValue parseJsonColumn(const QString &text, const QString &where, FieldReader &r)
{
    // As strict as the JSON reader: QJsonDocument only builds the value.
    if (const auto bad = checkJsonSyntax(text.toUtf8())) {
        r.fail(where, QStringLiteral("malformed JSON at byte %1: %2").arg(bad->offset + 1).arg(bad->what));
        return {};
    }
    QJsonParseError err;
    const QJsonDocument d = QJsonDocument::fromJson(QStringLiteral("[%1]").arg(text).toUtf8(), &err);
    if (err.error != QJsonParseError::NoError || d.array().size() != 1) {
        r.fail(where, QStringLiteral("expected JSON, found \"%1\"").arg(text.left(80)));
        return {};
    }
    return d.array().at(0);
}

// Reads the data of a checked, current-schema database. Problems in values go to r.
Model readTables(Database &db, FieldReader &r)
{
    Model m;
    QHash<QString, QString> intern;
    {
        Statement st = db.prepare("SELECT key, value FROM meta ORDER BY key");
        while (st.step()) {
            const QString key = st.text(0);
            const QString where = QStringLiteral("table meta, key \"%1\"").arg(key);
            if (key == u"name")
                m.name = st.text(1);
            else if (key == u"organization")
                m.organization = r.organization(parseJsonColumn(st.text(1), where, r), JsonPath(&where));
            else if (key == u"active_scenario")
                m.activeScenario = st.text(1);
            else
                r.fail(where, QStringLiteral("unknown key; expected name, organization or active_scenario"));
        }
    }
    {
        Statement st = db.prepare("SELECT id, name, tier, flags FROM categories ORDER BY id");
        while (st.step()) {
            CategoryDef c;
            c.id = st.text(0);
            const QString where = QStringLiteral("table categories, id \"%1\"").arg(c.id);
            if (!st.isNull(1))
                c.name = st.text(1);
            if (!st.isNull(2)) {
                // Range checks are validateModel()'s; a value that does not even fit an int
                // is reported here rather than wrapped.
                const qint64 tier = st.integer(2);
                if (tier < 1 || tier > 4)
                    r.fail(where + QStringLiteral(", column tier"),
                           QStringLiteral("must be from 1 to 4, found %1").arg(tier));
                else
                    c.tier = int(tier);
            }
            if (!st.isNull(3)) {
                const QString col = where + QStringLiteral(", column flags");
                c.flags = r.stringList(parseJsonColumn(st.text(3), col, r), JsonPath(&col));
            }
            intern.insert(c.id, c.id);
            m.categories.push_back(std::move(c));
        }
    }
    {
        Statement st = db.prepare("SELECT id, kind, name, description, tags, count, regions, stores, attributes, "
                                  "vendor, region_counts FROM nodes ORDER BY id");
        while (st.step()) {
            Node n;
            n.id = st.text(0);
            const QString where = QStringLiteral("table nodes, id \"%1\"").arg(n.id.left(140));
            const QString kind = st.text(1);
            if (auto k = nodeKindFromString(kind))
                n.kind = *k;
            else
                r.fail(where + QStringLiteral(", column kind"),
                       QStringLiteral("unknown kind \"%1\"; expected people, service or vendor").arg(kind));
            n.name = st.text(2);
            n.description = st.text(3);
            auto col = [&](const char *name) { return where + QStringLiteral(", column ") + QLatin1StringView(name); };
            // Reads JSON column i with reader f, labelling problems "table nodes, id .., column name".
            auto json = [&](int i, const char *name, auto f) {
                const QString label = col(name);
                return f(parseJsonColumn(st.text(i), label, r), JsonPath(&label));
            };
            if (!st.isNull(4))
                n.tags = json(4, "tags", [&](const QJsonValue &v, const JsonPath &p) { return r.stringList(v, p); });
            if (!st.isNull(5))
                n.count = st.integer(5); // range: validateModel()
            if (!st.isNull(6))
                n.regions = json(6, "regions", [&](const QJsonValue &v, const JsonPath &p) { return r.regions(v, p); });
            if (!st.isNull(7))
                n.stores = json(7, "stores", [&](const QJsonValue &v, const JsonPath &p) { return r.stores(v, p); });
            if (!st.isNull(8))
                n.attributes =
                    json(8, "attributes", [&](const QJsonValue &v, const JsonPath &p) { return r.attributes(v, p); });
            if (!st.isNull(9))
                n.vendor = json(9, "vendor", [&](const QJsonValue &v, const JsonPath &p) { return r.vendor(v, p); });
            if (!st.isNull(10))
                n.regionCounts = json(10, "region_counts",
                                      [&](const QJsonValue &v, const JsonPath &p) { return r.regionCounts(v, p); });
            intern.insert(n.id, n.id);
            m.nodes.push_back(std::move(n));
        }
    }
    {
        Statement st = db.prepare("SELECT id, src, dst, kind, categories, records, encryption, scope, stored, "
                                  "description, source, confirmed, key_holder, subjects FROM edges ORDER BY id");
        // Edges name nodes and categories read already: look them up by their UTF-8 bytes
        // and share one QString each, so that only the edge's own id is converted.
        QHash<QByteArray, QString> byBytes;
        byBytes.reserve(intern.size());
        for (auto it = intern.cbegin(); it != intern.cend(); ++it)
            byBytes.insert(it.key().toUtf8(), it.value());
        auto interned = [&](QByteArrayView bytes) {
            auto it = byBytes.constFind(QByteArray::fromRawData(bytes.data(), bytes.size()));
            if (it == byBytes.cend()) {
                const QString s = QString::fromUtf8(bytes);
                it = byBytes.insert(bytes.toByteArray(), s);
            }
            return *it;
        };
        while (st.step()) {
            Edge e;
            e.id = st.text(0);
            // Labels are built only for problems: this loop runs once per edge.
            auto where = [&] { return QStringLiteral("table edges, id \"%1\"").arg(e.id.left(140)); };
            auto col = [&](const char *name) {
                return where() + QStringLiteral(", column ") + QLatin1StringView(name);
            };
            e.from = interned(st.utf8(1));
            e.to = interned(st.utf8(2));
            const QByteArrayView kind = st.utf8(3);
            if (kind == "data")
                e.kind = EdgeKind::Data;
            else if (kind == "access")
                e.kind = EdgeKind::Access;
            else if (kind == "code")
                e.kind = EdgeKind::Code;
            else if (kind == "hosts")
                e.kind = EdgeKind::Hosts;
            else
                r.fail(col("kind"),
                       QStringLiteral("unknown kind \"%1\"; expected data, access, code or hosts")
                           .arg(QString::fromUtf8(kind)));
            // Space-separated id lists; an empty item (two spaces) is a problem, not skipped.
            auto idList = [&](int column, const char *name) {
                QStringList out;
                if (st.isNull(column))
                    return out;
                const QByteArrayView text = st.utf8(column);
                qsizetype start = 0;
                for (qsizetype i = 0; i <= text.size(); ++i)
                    if (i == text.size() || text[i] == ' ') {
                        if (i > start)
                            out << interned(text.sliced(start, i - start));
                        else
                            r.fail(col(name), QStringLiteral("expected ids separated by single spaces"));
                        start = i + 1;
                    }
                return out;
            };
            e.categories = idList(4, "categories");
            if (!st.isNull(5))
                e.records = st.integer(5); // range: validateModel()
            if (!st.isNull(6)) {
                e.encryption = encryptionFromString(st.text(6));
                if (!e.encryption)
                    r.fail(col("encryption"), QStringLiteral("expected none, holder-key or external-key"));
            }
            if (!st.isNull(7)) {
                const auto s = scopeFromString(st.text(7));
                if (!s)
                    r.fail(col("scope"), QStringLiteral("expected read, write or admin"));
                e.scope = s.value_or(Scope::Read);
            }
            if (!st.isNull(8)) {
                const qint64 stored = st.integer(8);
                if (stored != 0 && stored != 1)
                    r.fail(col("stored"), QStringLiteral("expected 0 or 1, found %1").arg(stored));
                e.stored = stored != 0;
            }
            e.description = st.text(9);
            e.source = st.text(10);
            if (!st.isNull(11)) {
                e.confirmed = QDate::fromString(st.text(11), Qt::ISODate);
                if (!e.confirmed.isValid())
                    r.fail(col("confirmed"), QStringLiteral("expected a date as YYYY-MM-DD"));
            }
            if (!st.isNull(12))
                e.keyHolder = interned(st.utf8(12));
            e.subjects = idList(13, "subjects");
            const bool isAccess = e.kind == EdgeKind::Access;
            if (!isAccess && (!st.isNull(7) || !st.isNull(8)))
                r.fail(where(), QStringLiteral("scope and stored apply only to access edges"));
            m.edges.push_back(std::move(e));
        }
    }
    {
        Statement st = db.prepare("SELECT node_id, x, y FROM layout ORDER BY node_id");
        while (st.step())
            m.layout.insert(st.text(0), QPointF(st.real(1), st.real(2)));
    }
    {
        Statement st = db.prepare(
            "SELECT name, breach, control, max_hops, potential, aware_at FROM scenarios ORDER BY position, name");
        while (st.step()) {
            SavedScenario sc;
            sc.name = st.text(0);
            auto col = [&](const char *name) {
                return QStringLiteral("table scenarios, name \"%1\", column %2")
                    .arg(sc.name.left(200), QLatin1StringView(name));
            };
            // Space-separated node ids; an empty item (two spaces) is a problem, not skipped.
            auto ids = [&](int column, const char *name) {
                QStringList out;
                if (st.isNull(column))
                    return out;
                const QString text = st.text(column);
                for (const QString &id : text.split(QLatin1Char(' '))) {
                    if (id.isEmpty()) {
                        r.fail(col(name), QStringLiteral("expected node ids separated by single spaces"));
                        break;
                    }
                    out << id;
                }
                return out;
            };
            sc.breach = ids(1, "breach");
            sc.control = ids(2, "control");
            if (!st.isNull(3)) {
                const qint64 hops = st.integer(3);
                if (hops < 0 || hops > kMaxHops)
                    r.fail(col("max_hops"), QStringLiteral("must be from 0 to %1, found %2").arg(kMaxHops).arg(hops));
                else
                    sc.maxHops = int(hops);
            }
            const qint64 potential = st.integer(4);
            if (potential != 0 && potential != 1)
                r.fail(col("potential"), QStringLiteral("expected 0 or 1, found %1").arg(potential));
            sc.potential = potential != 0;
            if (!st.isNull(5)) {
                const auto t = parseAwareness(st.text(5));
                if (!t)
                    r.fail(col("aware_at"),
                           QStringLiteral("expected a date and time with its UTC offset, as 2025-11-26T18:30:00Z, "
                                          "found \"%1\"")
                               .arg(st.text(5).left(60)));
                else
                    sc.awareness = *t;
            }
            m.scenarios.push_back(std::move(sc));
        }
    }
    return m;
}

// The checks and reading shared by the strict and lenient readers. Fatal problems (the
// file cannot be read at all) come back as an Error; problems in values go to *problems.
Expected<Model> readImage(const QByteArray &image, const QString &fileName, std::vector<Problem> *problems)
{
    if (auto bad = checkHeader(image))
        return Error(fileName, *bad);
    try {
        Database db = Database::fromImage(image);
        if (!db.isHardened())
            return Error(fileName, QStringLiteral("internal error: SQLite hardening did not take effect"));
        {
            Statement qc = db.prepare("PRAGMA quick_check");
            QStringList issues;
            while (qc.step() && issues.size() < 5)
                if (qc.text(0) != u"ok")
                    issues << qc.text(0);
            if (!issues.isEmpty())
                return Error(fileName,
                             QStringLiteral("the file is damaged (SQLite quick_check: %1); it cannot be "
                                            "opened")
                                 .arg(issues.join(u"; ")));
        }
        const qint64 version = db.pragmaInt("user_version");
        migrateSchema(db, int(version));
        // Every schema object must be one this version creates, with the same definition.
        const std::map<QString, QString> &expected = expectedSchema();
        std::map<QString, QString> found;
        {
            Statement st = db.prepare("SELECT type, name, ifnull(sql,'') FROM sqlite_schema");
            while (st.step())
                found.emplace(st.text(0) + QLatin1Char(' ') + st.text(1), st.text(2));
        }
        for (const auto &[key, sqlText] : found) {
            const auto it = expected.find(key);
            if (it == expected.end())
                return Error(fileName,
                             QStringLiteral("unexpected %1 in the document; a VendorGraph document holds "
                                            "only its own tables. It was not opened.")
                                 .arg(key));
            if (it->second != sqlText)
                return Error(fileName,
                             QStringLiteral("the definition of %1 differs from VendorGraph's schema; the "
                                            "document was altered outside VendorGraph. It was not opened.")
                                 .arg(key));
        }
        for (const auto &[key, sqlText] : expected)
            if (!found.count(key))
                return Error(fileName, QStringLiteral("the document lacks %1; it is incomplete").arg(key));
        // The caps of limits.h, before anything is read.
        Statement counts = db.prepare("SELECT (SELECT count(*) FROM nodes), (SELECT count(*) FROM edges), "
                                      "(SELECT count(*) FROM categories), (SELECT count(*) FROM scenarios)");
        counts.step();
        for (const auto &[n, cap, what] :
             {std::tuple{counts.integer(0), kMaxNodes, "nodes"}, std::tuple{counts.integer(1), kMaxEdges, "edges"},
              std::tuple{counts.integer(2), kMaxModelCategories, "categories of its own"},
              std::tuple{counts.integer(3), kMaxScenarios, "saved scenarios"}})
            if (n > cap)
                return Error(fileName,
                             QStringLiteral("the document has %1 %2; VendorGraph opens models of up to %3 %2")
                                 .arg(n)
                                 .arg(QLatin1StringView(what))
                                 .arg(cap));
        FieldReader r;
        Model m = readTables(db, r);
        *problems = std::move(r.problems);
        // The same checks as JSON input; a JSON pointer is labelled with the row it points at.
        for (Problem &p : validateModel(m)) {
            const QStringList parts = p.where.split(QLatin1Char('/'));
            const std::size_t i = parts.size() >= 3 ? parts[2].toULongLong() : std::size_t(-1);
            if (parts.size() >= 3 && parts[1] == u"nodes" && i < m.nodes.size())
                p.where = QStringLiteral("table nodes, id \"%1\" (%2)").arg(m.nodes[i].id.left(140), p.where);
            else if (parts.size() >= 3 && parts[1] == u"edges" && i < m.edges.size())
                p.where = QStringLiteral("table edges, id \"%1\" (%2)").arg(m.edges[i].id.left(140), p.where);
            else if (parts.size() >= 3 && parts[1] == u"categories" && i < m.categories.size())
                p.where = QStringLiteral("table categories, id \"%1\" (%2)").arg(m.categories[i].id.left(140), p.where);
            else if (parts.size() >= 2 && parts[1] == u"layout")
                p.where = QStringLiteral("table layout (%1)").arg(p.where);
            else if (parts.size() >= 3 && parts[1] == u"scenarios" && i < m.scenarios.size())
                p.where =
                    QStringLiteral("table scenarios, name \"%1\" (%2)").arg(m.scenarios[i].name.left(200), p.where);
            else if (parts.size() >= 2 && parts[1] == u"active_scenario")
                p.where = QStringLiteral("table meta, key \"active_scenario\" (%1)").arg(p.where);
            problems->push_back(std::move(p));
        }
        return m;
    } catch (const SqlError &e) {
        return Error(fileName, sqlErrorText(e));
    }
}

} // namespace

Expected<Model> readDocumentImage(const QByteArray &image, const QString &fileName)
{
    std::vector<Problem> problems;
    Expected<Model> m = readImage(image, fileName, &problems);
    if (m && !problems.empty())
        return Error(fileName, std::move(problems));
    return m;
}

Expected<Model> readDocument(const QString &path)
{
    Expected<QByteArray> bytes = readInputFile(path);
    if (!bytes)
        return bytes.error();
    return readDocumentImage(*bytes, path);
}

Model readDocumentLenient(const QString &path, std::vector<Problem> *problems)
{
    Expected<QByteArray> bytes = readInputFile(path);
    if (!bytes) {
        *problems = bytes.error().problems;
        return {};
    }
    Expected<Model> m = readImage(*bytes, path, problems);
    if (!m) {
        *problems = m.error().problems;
        return {};
    }
    return std::move(*m);
}

} // namespace vg
