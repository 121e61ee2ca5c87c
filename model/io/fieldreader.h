// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/domain/model.h"

#include <QJsonObject>
#include <QJsonValue>

#include <initializer_list>
#include <span>

namespace vg {

// A JSON pointer built lazily on the stack: formatting happens only when a problem is
// reported, so reading a large valid file builds no path strings. A node refers to its
// parent and key, which must outlive it (use as temporaries or locals).
class JsonPath final {
public:
    // The document root, or a root labelled with prefix (e.g. "table nodes, id \"x\"").
    explicit JsonPath(const QString *prefix = nullptr) : m_prefix(prefix) { }
    JsonPath(const JsonPath &parent, const char *key) : m_parent(&parent), m_literal(key) { }
    JsonPath(const JsonPath &parent, qsizetype index) : m_parent(&parent), m_index(index) { }
    JsonPath(const JsonPath &parent, const QString *key) : m_parent(&parent), m_key(key) { }
    QString toString() const;

private:
    const JsonPath *m_parent = nullptr;
    const QString *m_prefix = nullptr;
    const char *m_literal = nullptr;
    const QString *m_key = nullptr;
    qsizetype m_index = -1;
};

// Reads the typed fields of the interchange format out of parsed JSON values, strictly:
// every wrong type, unknown key or out-of-range value becomes a Problem naming its path
// (a JSON pointer such as /edges/3/to), and reading goes on so that all problems are found.
// Shared by the JSON reader and by the .vgdb reader for its JSON-valued columns.
class FieldReader final {
public:
    std::vector<Problem> problems;

    void fail(const JsonPath &path, const QString &what) { problems.push_back({path.toString(), what}); }
    void fail(const QString &where, const QString &what) { problems.push_back({where, what}); }
    bool checkKeys(const QJsonObject &o, std::span<const char *const> allowed, const JsonPath &path,
                   const QString &what);
    bool checkKeys(const QJsonObject &o, std::initializer_list<const char *> allowed, const JsonPath &path,
                   const QString &what)
    {
        return checkKeys(o, std::span<const char *const>(allowed.begin(), allowed.size()), path, what);
    }

    std::optional<QString> string(const QJsonValue &v, const JsonPath &path);
    QStringList stringList(const QJsonValue &v, const JsonPath &path);
    std::optional<qint64> integer(const QJsonValue &v, const JsonPath &path, qint64 min, qint64 max);
    std::optional<bool> boolean(const QJsonValue &v, const JsonPath &path);
    QDate date(const QJsonValue &v, const JsonPath &path);
    QStringList regions(const QJsonValue &v, const JsonPath &path);
    QMap<QString, qint64> regionCounts(const QJsonValue &v, const JsonPath &path);

    std::vector<StoredData> stores(const QJsonValue &v, const JsonPath &path);
    QMap<QString, QString> attributes(const QJsonValue &v, const JsonPath &path);
    std::optional<VendorProfile> vendor(const QJsonValue &v, const JsonPath &path);
    std::optional<Organization> organization(const QJsonValue &v, const JsonPath &path);
    CategoryDef category(const QJsonValue &v, const JsonPath &path);
    Node node(const QJsonValue &v, const JsonPath &path);
    // hadId tells whether the edge named its id (otherwise one is generated later).
    Edge edge(const QJsonValue &v, const JsonPath &path, bool *hadId);
    std::optional<QPointF> position(const QJsonValue &v, const JsonPath &path);
    SavedScenario scenario(const QJsonValue &v, const JsonPath &path);
    // An awareness time (formatAwareness()); an invalid QDateTime after a problem.
    QDateTime awareness(const QJsonValue &v, const JsonPath &path);

private:
    std::optional<Encryption> encryption(const QJsonValue &v, const JsonPath &path);
};

// ISO 3166-1 alpha-2 (US), an ISO 3166-2 subdivision (US-CA), or the groups EU and EEA
// (resources/regions.json).
bool isValidRegion(QStringView r);

} // namespace vg
