// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/importplanner.h"

#include "model/io/fieldreader.h"
#include "model/io/importplannerimpl.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <climits>

namespace vg {

bool ImportPlanner::Impl::isToolColumn(const QString &normalised)
{
    static const QSet<QString> tool{QStringLiteral("r"),           QStringLiteral("g"),
                                    QStringLiteral("b"),           QStringLiteral("size"),
                                    QStringLiteral("suid"),        QStringLiteral("selected"),
                                    QStringLiteral("shared name"), QStringLiteral("shared interaction"),
                                    QStringLiteral("interaction"), QStringLiteral("weight"),
                                    QStringLiteral("color"),       QStringLiteral("colour")};
    return tool.contains(normalised);
}

QString ImportPlanner::Impl::describe(NodeKind k)
{
    return k == NodeKind::People ? QStringLiteral("people node")
        : k == NodeKind::Service ? QStringLiteral("service")
                                 : QStringLiteral("vendor");
}

QString ImportPlanner::Impl::tripleKey(const QString &from, const QString &to, EdgeKind kind)
{
    return from + QLatin1Char('\x1f') + to + QLatin1Char('\x1f') + QString::number(int(kind));
}

QString ImportPlanner::Impl::slug(const QString &name)
{
    QString out;
    for (const QString &w : nameWords(name)) {
        QString ascii;
        for (const QChar c : w)
            if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
                ascii += c;
        if (ascii.isEmpty())
            continue;
        if (!out.isEmpty())
            out += QLatin1Char('_');
        out += ascii;
        if (out.size() >= 60)
            break;
    }
    out.truncate(60);
    return out.isEmpty() ? QStringLiteral("node") : out;
}

ImportPlanner::Impl::Impl(const Model &m, const ImportOptions &o) : existing(m), opt(o)
{
    existingNode.reserve(qsizetype(m.nodes.size()));
    for (int i = 0; i < int(m.nodes.size()); ++i) {
        existingNode.insert(m.nodes[std::size_t(i)].id, i);
        existingNames.add(i, m.nodes[std::size_t(i)].name);
    }
    existingEdge.reserve(qsizetype(m.edges.size()));
    for (int i = 0; i < int(m.edges.size()); ++i)
        existingEdge.insert(m.edges[std::size_t(i)].id, i);
}

const Node *ImportPlanner::Impl::nodeById(const QString &id) const
{
    if (auto a = addedNode.constFind(id); a != addedNode.cend())
        return &plan.addedNodes[std::size_t(*a)].node;
    if (auto e = existingNode.constFind(id); e != existingNode.cend()) {
        if (auto m = matchedNode.constFind(*e); m != matchedNode.cend())
            return &plan.matchedNodes[std::size_t(*m)].updated;
        return &existing.nodes[std::size_t(*e)];
    }
    return nullptr;
}

QList<int> ImportPlanner::Impl::exactNames(const QString &name, const std::function<bool(int scope)> &useScope) const
{
    QList<int> out = existingNames.exact(name);
    for (const auto &[scope, index] : addedNames)
        if (useScope(scope))
            out += index.exact(name);
    return out;
}

std::vector<NearMatch> ImportPlanner::Impl::nearNames(const QString &name,
                                                      const std::function<bool(int scope)> &useScope) const
{
    std::vector<NearMatch> out = existingNames.near(name);
    for (const auto &[scope, index] : addedNames)
        if (useScope(scope))
            for (const NearMatch &m : index.near(name))
                out.push_back(m);
    if (out.size() > 5)
        out.resize(5);
    return out;
}

QString ImportPlanner::Impl::idOfHandle(int h) const
{
    return h >= 0 ? existing.nodes[std::size_t(h)].id : plan.addedNodes[std::size_t(-h - 1)].node.id;
}

QString ImportPlanner::Impl::uniqueNodeId(const QString &base) const
{
    if (!nodeIdTaken(base))
        return base;
    for (int n = 2;; ++n) {
        const QString id = base + QStringLiteral("_%1").arg(n);
        if (!nodeIdTaken(id))
            return id;
    }
}

QString ImportPlanner::Impl::nextEdgeId()
{
    for (;; ++nextEdgeNumber) {
        const QString id = QStringLiteral("e%1").arg(nextEdgeNumber);
        if (!existingEdge.contains(id) && !addedEdge.contains(id)) {
            ++nextEdgeNumber;
            return id;
        }
    }
}

void ImportPlanner::Impl::addCategory(const CategoryDef &c, const ImportLocation &at)
{
    // At the cap every further definition is refused at once (the lookups below are linear).
    if (existing.categories.size() + plan.addedCategories.size() >= std::size_t(kMaxModelCategories)) {
        reject(at,
               QStringLiteral("category \"%1\": the model would define more than %2 categories of its own")
                   .arg(c.id.left(140))
                   .arg(kMaxModelCategories));
        return;
    }
    if ((c.name && c.name->size() > kMaxNameChars) || (c.flags && c.flags->size() > kMaxListItems)) {
        reject(at,
               QStringLiteral("category \"%1\": a name over %2 characters or more than %3 flags")
                   .arg(c.id.left(140))
                   .arg(kMaxNameChars)
                   .arg(kMaxListItems));
        return;
    }
    if (!isValidId(c.id)) {
        reject(at,
               QStringLiteral("\"%1\" is not a valid category id; expected 1-128 characters from "
                              "A-Z a-z 0-9 . _ : -")
                   .arg(c.id.left(140)));
        return;
    }
    const auto same = [&](const CategoryDef &o) { return o.id == c.id; };
    if (auto it = std::find_if(existing.categories.begin(), existing.categories.end(), same);
        it != existing.categories.end()) {
        if (!(*it == c))
            reject(at,
                   QStringLiteral("category \"%1\" is already defined differently in the model; edit it "
                                  "there or leave it out of the import")
                       .arg(c.id));
        return;
    }
    if (auto it = std::find_if(plan.addedCategories.begin(), plan.addedCategories.end(), same);
        it != plan.addedCategories.end()) {
        if (!(*it == c))
            reject(at, QStringLiteral("category \"%1\" is defined twice, differently").arg(c.id));
        return;
    }
    if (!Taxonomy::builtIn().contains(c.id) && (!c.name || !c.tier)) {
        reject(at, QStringLiteral("new category \"%1\" needs a name and a tier (1-4)").arg(c.id));
        return;
    }
    plan.addedCategories.push_back(c);
}

void ImportPlanner::Impl::categoriesFromTable(const LoadedSource &s)
{
    std::vector<std::pair<int, int>> cols; // column -> field
    for (int c = 0; c < int(s.table.columns.size()); ++c) {
        const int f = findCategoryField(s.table.columns[c]);
        if (f < 0)
            note({s.file, 1},
                 QStringLiteral("column \"%1\" is not a category field; ignored").arg(s.table.columns[c].left(100)));
        else
            cols.push_back({c, f});
    }
    for (const RecordRow &row : s.table.rows) {
        const ImportLocation at{s.file, row.line};
        if (!checkWidth(row, s.table, at))
            continue;
        CategoryDef def;
        QString error;
        for (const auto &[column, field] : cols) {
            const QString &v = row.cells[column];
            if (v.isEmpty())
                continue;
            error = categoryFields()[std::size_t(field)].set(def, v);
            if (!error.isEmpty()) {
                error =
                    QStringLiteral("%1: %2").arg(QLatin1StringView(categoryFields()[std::size_t(field)].name), error);
                break;
            }
        }
        if (!error.isEmpty())
            reject(at, error);
        else
            addCategory(def, at);
    }
}

void ImportPlanner::Impl::categoriesFromJson(const QString &json, const ImportLocation &at)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isArray()) {
        reject(at, QStringLiteral("the graph's \"categories\" value is not a JSON array of categories"));
        return;
    }
    FieldReader reader;
    const QJsonArray a = doc.array();
    for (qsizetype i = 0; i < a.size(); ++i) {
        const std::size_t before = reader.problems.size();
        const CategoryDef c = reader.category(a[i], JsonPath(JsonPath(), i));
        if (reader.problems.size() > before)
            reject(at, QStringLiteral("categories: %1").arg(reader.problems.back().toString()));
        else
            addCategory(c, at);
    }
}

void ImportPlanner::Impl::buildTaxonomy()
{
    Model m;
    m.categories = existing.categories;
    m.categories.insert(m.categories.end(), plan.addedCategories.begin(), plan.addedCategories.end());
    taxonomy = Taxonomy::forModel(m);
    categories = std::make_unique<CategoryLookup>(taxonomy);
    ctx.categories = categories.get();
}

bool ImportPlanner::Impl::checkWidth(const RecordRow &row, const RecordTable &t, const ImportLocation &at)
{
    if (row.cells.size() == t.columns.size())
        return true;
    reject(at,
           QStringLiteral("%1 cells, but the header has %2 columns; expected one cell per column (a "
                          "value with a comma or a line break needs quotes)")
               .arg(row.cells.size())
               .arg(t.columns.size()));
    return false;
}

bool ImportPlanner::Impl::blankRow(const RecordRow &row)
{
    return std::all_of(row.cells.begin(), row.cells.end(), [](const QString &c) { return c.isEmpty(); });
}

bool ImportPlanner::Impl::columnUsed(const RecordTable &t, int column)
{
    return std::any_of(t.rows.begin(), t.rows.end(),
                       [&](const RecordRow &r) { return column < r.cells.size() && !r.cells[column].isEmpty(); });
}

ImportPlanner::Impl::NodeColumns ImportPlanner::Impl::mapNodeColumns(const RecordTable &table, const QString &file,
                                                                     bool graph)
{
    const QStringList &columns = table.columns;
    NodeColumns m;
    const int idField = nodeFieldIndex("id"), kindField = nodeFieldIndex("kind"), nameField = nodeFieldIndex("name");
    std::vector<int> byField(nodeFields().size(), -1);
    std::vector<bool> canonical(nodeFields().size(), false);
    for (int c = 0; c < int(columns.size()); ++c) {
        const QString &h = columns[c];
        const QString norm = normaliseHeader(h);
        if (!opt.nameColumn.isEmpty() && norm == normaliseHeader(opt.nameColumn)) {
            m.name = c;
            continue;
        }
        if (!opt.kindColumn.isEmpty() && norm == normaliseHeader(opt.kindColumn)) {
            m.kind = c;
            continue;
        }
        if (const QString key = attributeKeyOfHeader(h); !key.isNull()) {
            m.attributes.push_back({c, key});
            continue;
        }
        const int f = findNodeField(h);
        if (f >= 0 && !(graph && f == idField)) {
            const bool exact = norm == normaliseHeader(QString::fromLatin1(nodeFields()[std::size_t(f)].name));
            if (byField[std::size_t(f)] < 0 || (exact && !canonical[std::size_t(f)])) {
                if (byField[std::size_t(f)] >= 0)
                    note({file, 1},
                         QStringLiteral("column \"%1\" is ignored: \"%2\" also gives the node's %3")
                             .arg(columns[byField[std::size_t(f)]].left(100), h.left(100),
                                  QLatin1StringView(nodeFields()[std::size_t(f)].name)));
                byField[std::size_t(f)] = c;
                canonical[std::size_t(f)] = exact;
            } else {
                note({file, 1},
                     QStringLiteral("column \"%1\" is ignored: \"%2\" already gives the node's %3")
                         .arg(h.left(100), columns[byField[std::size_t(f)]].left(100),
                              QLatin1StringView(nodeFields()[std::size_t(f)].name)));
            }
            continue;
        }
        if (graph && (isToolColumn(norm) || f == idField))
            continue;
        if (h.trimmed().isEmpty()) {
            note({file, 1}, QStringLiteral("column %1 has no header; ignored").arg(c + 1));
            continue;
        }
        m.attributes.push_back({c, h.trimmed()});
        note({file, 1},
             QStringLiteral("column \"%1\" is not a VendorGraph field; kept as the node attribute "
                            "\"%1\"")
                 .arg(h.trimmed().left(100)));
    }
    for (int f = 0; f < int(byField.size()); ++f) {
        const int c = byField[std::size_t(f)];
        if (c < 0)
            continue;
        if (f == idField)
            m.id = c;
        else if (f == kindField && m.kind < 0)
            m.kind = c;
        else if (f == nameField && m.name < 0)
            m.name = c;
        else if (f != kindField && f != nameField)
            m.fields.push_back({c, f});
    }
    std::sort(m.fields.begin(), m.fields.end(), [](auto a, auto b) { return a.second < b.second; });
    return m;
}

ImportPlanner::Impl::EdgeColumns ImportPlanner::Impl::mapEdgeColumns(const RecordTable &table, const QString &file,
                                                                     bool graph)
{
    const QStringList &columns = table.columns;
    EdgeColumns m;
    const int idF = edgeFieldIndex("id"), fromF = edgeFieldIndex("from"), toF = edgeFieldIndex("to"),
              kindF = edgeFieldIndex("kind"), sourceF = edgeFieldIndex("source");
    std::vector<int> byField(edgeFields().size(), -1);
    int sourceColumn = -1;
    for (int c = 0; c < int(columns.size()); ++c) {
        const QString norm = normaliseHeader(columns[c]);
        const int f = findEdgeField(columns[c]);
        if (norm == u"source")
            sourceColumn = c;
        if (f >= 0 && byField[std::size_t(f)] < 0 && !(graph && (f == idF || f == fromF || f == toF))) {
            byField[std::size_t(f)] = c;
            continue;
        }
        if (graph && isToolColumn(norm))
            continue;
        if (f >= 0 && graph)
            continue;
        note({file, 1},
             f >= 0 ? QStringLiteral("column \"%1\" is ignored: another column already gives the "
                                     "edge's %2")
                          .arg(columns[c].left(100), QLatin1StringView(edgeFields()[std::size_t(f)].name))
                    : QStringLiteral("column \"%1\" is not an edge field; ignored (edges have no "
                                     "free attributes)")
                          .arg(columns[c].left(100)));
    }
    // Gephi's edge tables say Source and Target for the ends.
    if (!graph && byField[std::size_t(fromF)] < 0 && sourceColumn >= 0 && byField[std::size_t(toF)] >= 0) {
        byField[std::size_t(fromF)] = sourceColumn;
        if (byField[std::size_t(sourceF)] == sourceColumn)
            byField[std::size_t(sourceF)] = -1;
    }
    for (int f = 0; f < int(byField.size()); ++f) {
        const int c = byField[std::size_t(f)];
        if (c < 0)
            continue;
        if (f == idF)
            m.id = c;
        else if (f == fromF)
            m.from = c;
        else if (f == toF)
            m.to = c;
        else if (f == kindF)
            m.kind = c;
        else
            m.fields.push_back({c, f});
    }
    std::sort(m.fields.begin(), m.fields.end(), [](auto a, auto b) { return a.second < b.second; });
    return m;
}

ImportPlanner::ImportPlanner(const Model &existing, const ImportOptions &options)
    : d(std::make_unique<Impl>(existing, options))
{
}

ImportPlanner::~ImportPlanner() = default;

Expected<ImportPlan> ImportPlanner::plan(std::vector<LoadedSource> &sources)
{
    Impl &I = *d;
    using Kind = LoadedSource::Kind;
    // Raw ids: all CSV tables share scope 0 (edges.csv refers to nodes.csv); each graph file
    // and each model has its own.
    std::vector<int> scope(sources.size(), 0);
    I.rawIds.resize(1);
    for (std::size_t i = 0; i < sources.size(); ++i) {
        I.plan.sources.push_back(sources[i].summary);
        if (sources[i].kind == Kind::Graph || sources[i].kind == Kind::Model) {
            scope[i] = int(I.rawIds.size());
            I.rawIds.emplace_back();
        }
    }
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const LoadedSource &s = sources[i];
        if (s.kind == Kind::Categories)
            I.categoriesFromTable(s);
        else if (s.kind == Kind::Graph)
            I.graphModelValues(s);
        else if (s.kind == Kind::Model)
            for (const CategoryDef &c : s.model.categories)
                I.addCategory(c, {s.file, 0});
    }
    I.buildTaxonomy();
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const LoadedSource &s = sources[i];
        if (s.kind == Kind::Nodes)
            I.nodesFromTable(s, scope[i]);
        else if (s.kind == Kind::Graph)
            I.nodesFromGraph(s, scope[i]);
        else if (s.kind == Kind::Model)
            I.nodesFromModel(s, scope[i]);
    }
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const LoadedSource &s = sources[i];
        if (s.kind == Kind::Edges)
            I.edgesFromTable(s, scope[i]);
        else if (s.kind == Kind::Graph)
            I.edgesFromGraph(s, scope[i]);
        else if (s.kind == Kind::Model)
            I.edgesFromModel(s, scope[i]);
    }
    for (const LoadedSource &s : sources)
        if (s.kind == Kind::Sheet)
            I.sheet(s);
    I.inheritCategories();
    // Issues in file order, then line order, whatever step found them.
    QHash<QString, int> fileOrder;
    for (const ImportSourceSummary &s : I.plan.sources)
        fileOrder.insert(s.file, int(fileOrder.size()));
    const auto byPlace = [&](const ImportIssue &a, const ImportIssue &b) {
        const int fa = fileOrder.value(a.at.file, INT_MAX), fb = fileOrder.value(b.at.file, INT_MAX);
        return fa != fb ? fa < fb : a.at.line < b.at.line;
    };
    std::stable_sort(I.plan.rejected.begin(), I.plan.rejected.end(), byPlace);
    std::stable_sort(I.plan.notes.begin(), I.plan.notes.end(), byPlace);
    // The caps on the model as a whole (limits.h): the import would make a model no reader opens.
    const std::size_t nodes = I.existing.nodes.size() + I.plan.addedNodes.size();
    const std::size_t edges = I.existing.edges.size() + I.plan.addedEdges.size();
    if (nodes > std::size_t(kMaxNodes) || edges > std::size_t(kMaxEdges))
        return Error(QString(),
                     QStringLiteral("the import would make a model of %1 nodes and %2 edges; VendorGraph models "
                                    "hold up to %3 nodes and %4 edges")
                         .arg(nodes)
                         .arg(edges)
                         .arg(kMaxNodes)
                         .arg(kMaxEdges));
    return std::move(I.plan);
}

} // namespace vg
