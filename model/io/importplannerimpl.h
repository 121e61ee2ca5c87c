// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The state and steps of ImportPlanner, shared by its source files (importplanner*.cpp).
// Internal to the importer.

#include "model/domain/limits.h"
#include "model/domain/taxonomy.h"
#include "model/io/fieldcodec.h"
#include "model/io/importplanner.h"
#include "model/io/interchangefields.h"
#include "model/io/namematcher.h"

#include <functional>
#include <map>
#include <optional>

namespace vg {

struct ImportPlanner::Impl {
    using FieldValues = std::vector<std::pair<int, QString>>; // field index -> non-empty text

    struct NodeColumns {
        int id = -1, kind = -1, name = -1;
        std::vector<std::pair<int, int>> fields; // column -> node field (not id, kind, name)
        std::vector<std::pair<int, QString>> attributes; // column -> attribute key
    };

    struct EdgeColumns {
        int id = -1, from = -1, to = -1, kind = -1;
        std::vector<std::pair<int, int>> fields; // column -> edge field (not id, from, to, kind)
    };

    // Columns that graph tools write about their own drawing or bookkeeping, not about the
    // domain (normalised): Gephi's colour and size, Cytoscape's ids and selection.
    static bool isToolColumn(const QString &normalised);
    static QString describe(NodeKind k);
    static QString tripleKey(const QString &from, const QString &to, EdgeKind kind);
    // A readable id from a name: ascii letters and digits of its words, joined by '_'.
    static QString slug(const QString &name);

    const Model &existing;
    const ImportOptions &opt;
    ImportPlan plan;

    // Nodes: the model's, the ones this import adds, the model's ones it matched.
    QHash<QString, int> existingNode; // id -> index in existing.nodes
    QHash<QString, int> addedNode; // id -> index in plan.addedNodes
    QHash<int, int> matchedNode; // existing index -> index in plan.matchedNodes
    // Names, for matching: the model's (handle = index), and the added ones per raw-id scope
    // (handle = -(added index) - 1), so that a file's own rows are not compared with each
    // other unless they may match (sub-processor sheets).
    NameIndex existingNames;
    std::map<int, NameIndex> addedNames;
    std::vector<QHash<QString, QString>> rawIds; // per scope: id as written -> final id

    // Edges, likewise.
    QHash<QString, int> existingEdge;
    QHash<QString, int> addedEdge;
    QHash<int, int> matchedEdge;
    std::optional<QHash<QString, int>> existingTriples; // built on first use
    QHash<QString, int> addedTriples;
    qint64 nextEdgeNumber = 1;

    // Categories in force: the model's plus the ones this import adds.
    Taxonomy taxonomy;
    std::unique_ptr<CategoryLookup> categories;
    FieldContext ctx;

    // Sub-processor edges whose categories come from what the vendor receives.
    struct Inheriting {
        bool added;
        int index;
    };
    std::vector<Inheriting> inheriting;

    Impl(const Model &m, const ImportOptions &o);

    void reject(const ImportLocation &at, const QString &reason) { plan.rejected.push_back({at, reason}); }
    void note(const ImportLocation &at, const QString &what) { plan.notes.push_back({at, what}); }

    // ---- Lookups over the model as it will be --------------------------------------------

    const Node *nodeById(const QString &id) const;
    // Name lookups over the model's nodes and the added nodes of the scopes useScope accepts.
    QList<int> exactNames(const QString &name, const std::function<bool(int scope)> &useScope) const;
    std::vector<NearMatch> nearNames(const QString &name, const std::function<bool(int scope)> &useScope) const;

    QString idOfHandle(int h) const;

    bool nodeIdTaken(const QString &id) const { return existingNode.contains(id) || addedNode.contains(id); }

    QString uniqueNodeId(const QString &base) const;

    QString nextEdgeId();

    // ---- Categories ------------------------------------------------------------------------

    void addCategory(const CategoryDef &c, const ImportLocation &at);

    void categoriesFromTable(const LoadedSource &s);

    void categoriesFromJson(const QString &json, const ImportLocation &at);

    void buildTaxonomy();

    // ---- Columns ---------------------------------------------------------------------------

    bool checkWidth(const RecordRow &row, const RecordTable &t, const ImportLocation &at);

    static bool blankRow(const RecordRow &row);

    static bool columnUsed(const RecordTable &t, int column);

    NodeColumns mapNodeColumns(const RecordTable &table, const QString &file, bool graph);

    EdgeColumns mapEdgeColumns(const RecordTable &table, const QString &file, bool graph);

    // ---- Nodes -------------------------------------------------------------------------------

    struct NodeInput {
        ImportLocation at;
        int scope = -1; // raw-id scope; -1: none
        QString rawId;
        QString name; // for matching and for the id of a new node
        QString kindText;
        FieldValues fields; // by field index, in table order; includes the name
        std::vector<std::pair<QString, QString>> attributes;
        std::optional<QPointF> drawn;
        bool idIsKey = false;
        bool matchWithinScope = false; // may match a node added from the same scope by name
        NodeKind defaultKind = NodeKind::Vendor;
        bool kindGivenByCaller = false; // sub-processor sheets: the node must be a vendor
        bool fieldsOnlyIfNew = false; // sub-processor sheets: a matched node keeps its own values
    };

    enum class Target { New, Existing, Added };
    struct Resolution {
        Target target = Target::New;
        int index = -1;
        MatchBasis basis = MatchBasis::Id;
        std::optional<UncertainMatch> uncertain;
        QString error;
    };

    Resolution resolveByName(const NodeInput &in, std::optional<NodeKind> kind, bool onlyExisting);

    std::optional<QPointF> positionOf(const NodeRecord &rec, const std::optional<QPointF> &drawn, QString *error);

    QStringList changedNodeFields(const Node &before, const Node &after, const std::optional<QPointF> &oldPos,
                                  const std::optional<QPointF> &newPos) const;

    // Maps one node record onto the plan. Returns the node's final id, or a null string when
    // the record is rejected (the reason is in the plan).
    QString intakeNode(const NodeInput &in);

    // Adds to a node that the import already placed (added or matched).
    void augmentNode(const QString &id, const std::function<void(Node &)> &change);

    // ---- Edges -------------------------------------------------------------------------------

    struct EdgeInput {
        ImportLocation at;
        int scope = -1;
        QString rawId;
        QString fromRef, toRef;
        QString kindText;
        FieldValues fields;
        QString label; // graph files: the drawn label, a description when there is none
        bool idIsKey = false;
        bool refsMayBeNames = false; // CSV: a reference may be an id or a name
        bool deferCategories = false; // sub-processor sheets: inherit them afterwards
        bool appendDescription = false; // sub-processor sheets: one purpose per row
    };

    QString resolveRef(const EdgeInput &in, const QString &ref, QString *error);

    int existingEdgeByEnds(const QString &key);

    QStringList changedEdgeFields(const Edge &before, const Edge &after) const;

    // Maps one edge record onto the plan; returns false when it is rejected.
    bool intakeEdge(const EdgeInput &in);

    // ---- Sources -------------------------------------------------------------------------------

    void nodesFromTable(const LoadedSource &s, int scope);

    void edgesFromTable(const LoadedSource &s, int scope);

    void graphModelValues(const LoadedSource &s);

    void nodesFromGraph(const LoadedSource &s, int scope);

    bool labelIsCategories(const QString &label) const;

    void edgesFromGraph(const LoadedSource &s, int scope);

    // A VendorGraph model goes through the same fields as CSV, so it is matched and merged
    // the same way (ids are keys).
    void nodesFromModel(const LoadedSource &s, int scope);

    void edgesFromModel(const LoadedSource &s, int scope);

    void sheet(const LoadedSource &s);

    // Data edges of sub-processor sheets without categories carry what their vendor
    // receives or stores (an upper bound), passed down chains of sub-processors.
    void inheritCategories();
};

} // namespace vg
