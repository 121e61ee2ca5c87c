// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QMap>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <limits>
#include <optional>
#include <vector>

namespace vg {

enum class NodeKind { People, Service, Vendor };
enum class EdgeKind { Data, Access, Code, Hosts };
enum class Encryption { None, HolderKey, ExternalKey };
enum class Scope { Read, Write, Admin };
enum class ExitPlan { Tested, Documented, None };

QString toString(NodeKind k);
QString toString(EdgeKind k);
QString toString(Encryption e);
QString toString(Scope s);
QString toString(ExitPlan p);
std::optional<NodeKind> nodeKindFromString(QStringView s);
std::optional<EdgeKind> edgeKindFromString(QStringView s);
std::optional<Encryption> encryptionFromString(QStringView s);
std::optional<Scope> scopeFromString(QStringView s);
std::optional<ExitPlan> exitPlanFromString(QStringView s);

// The largest count or records figure a model may state: the world's population (about 8.2
// billion in 2025), rounded up. Larger figures are refused by validateModel().
inline constexpr qint64 kMaxCount = 8'300'000'000LL;

// Data held at rest by a node.
struct StoredData {
    QString category;
    std::optional<qint64> records;
    std::optional<Encryption> encryption;
    QString keyHolder; // external-key only: the node that holds the key (empty: unknown)
    QStringList subjects; // people node ids the data is about, besides those traced upstream
    bool operator==(const StoredData &) const = default;
};

// Typed due-diligence fields of a vendor (domain.md section 4).
struct VendorProfile {
    std::optional<int> tier; // 1..4
    std::optional<bool> dpa;
    QStringList certifications;
    QStringList regions; // processing locations
    QString securityRating;
    QDate lastAssessed;
    QDate contractEnd;
    std::optional<ExitPlan> exitPlan;
    bool operator==(const VendorProfile &) const = default;
};

struct Node {
    QString id;
    NodeKind kind = NodeKind::Service;
    QString name;
    QString description;
    QStringList tags;
    std::optional<qint64> count; // people only
    QStringList regions; // people only
    QMap<QString, qint64> regionCounts; // people only: how many of them live in a region
    std::vector<StoredData> stores;
    QMap<QString, QString> attributes;
    std::optional<VendorProfile> vendor; // vendors only
    bool operator==(const Node &) const = default;
};

struct Edge {
    QString id;
    QString from;
    QString to;
    EdgeKind kind = EdgeKind::Data;
    QStringList categories; // data only
    std::optional<qint64> records; // data only
    std::optional<Encryption> encryption; // data only
    QString keyHolder; // data, external-key only: the node that holds the key
    QStringList subjects; // data only: people node ids the data is about
    Scope scope = Scope::Read; // access only
    bool stored = true; // access only
    QString description;
    QString source;
    QDate confirmed;
    bool operator==(const Edge &) const = default;
};

// A category defined or overridden by the model. Unset fields keep the built-in value.
struct CategoryDef {
    QString id;
    std::optional<QString> name;
    std::optional<int> tier;
    std::optional<QStringList> flags;
    bool operator==(const CategoryDef &) const = default;
};

struct Organization {
    QString name;
    QStringList regions;
    QStringList sectors;
    bool secRegistrant = false;
    bool operator==(const Organization &) const = default;
};

// A blast-radius question saved with the document: which nodes are compromised and how, the
// options, and when the organization became aware (the start of notification clocks).
struct SavedScenario {
    QString name; // unique within the model; 1-200 characters
    QStringList breach; // node ids whose data the attacker read
    QStringList control; // node ids the attacker can act as
    std::optional<int> maxHops; // unbounded when empty
    bool potential = true; // false: ignore pivots through exposed credentials
    QDateTime awareness; // with its UTC offset; invalid when not entered
    bool operator==(const SavedScenario &) const = default;
};

// The whole document. Plain data: no invariants are enforced here; validateModel() checks them.
struct Model {
    QString name;
    std::optional<Organization> organization;
    std::vector<CategoryDef> categories;
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    QMap<QString, QPointF> layout;
    std::vector<SavedScenario> scenarios; // in the user's order
    QString activeScenario; // the name of one of them, or empty
    bool operator==(const Model &) const = default;

    // Sorts categories, nodes and edges by id: the canonical order of every writer. Scenarios
    // keep their order.
    void sortById();
};

// Pointers to the items in id order, the canonical order of every writer, without copying.
template <typename T>
std::vector<const T *> sortedById(const std::vector<T> &items)
{
    std::vector<const T *> out;
    out.reserve(items.size());
    for (const T &x : items)
        out.push_back(&x);
    std::sort(out.begin(), out.end(), [](const T *a, const T *b) { return a->id < b->id; });
    return out;
}

// a + b for figures of at least 0, stopping at the largest qint64 instead of wrapping.
inline qint64 saturatingAdd(qint64 a, qint64 b)
{
    qint64 out = 0;
    return __builtin_add_overflow(a, b, &out) ? std::numeric_limits<qint64>::max() : out;
}

// Ids are 1..128 characters from [A-Za-z0-9._:-].
bool isValidId(QStringView id);

// The largest hop limit a scenario may state.
inline constexpr int kMaxHops = 1'000'000;

// An awareness time as files store it: YYYY-MM-DDTHH:MM:SS with Z or an offset (+HH:MM),
// always to the second. parseAwareness() accepts exactly that form and keeps the offset.
QString formatAwareness(const QDateTime &t);
std::optional<QDateTime> parseAwareness(QStringView text);

} // namespace vg
