// SPDX-License-Identifier: GPL-3.0-or-later
// Each kind of source mapped to node, edge and category records.
#include "model/io/importplannerimpl.h"

#include "model/io/fieldreader.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace vg {

void ImportPlanner::Impl::nodesFromTable(const LoadedSource &s, int scope)
{
    const NodeColumns cols = mapNodeColumns(s.table, s.file, false);
    const bool keyed = cols.id >= 0;
    if (!keyed && cols.name < 0) {
        reject({s.file, 1},
               QStringLiteral("no id or name column; expected a column called id or name (or a "
                              "synonym such as \"Vendor name\"); the header is \"%1\"")
                   .arg(s.table.columns.join(QStringLiteral(", ")).left(200)));
        return;
    }
    const NodeKind defaultKind = opt.defaultNodeKind.value_or(NodeKind::Vendor);
    const int nameField = nodeFieldIndex("name");
    QHash<QString, int> nameLines; // without ids, names are the keys: one row per name
    for (const RecordRow &row : s.table.rows) {
        const ImportLocation at{s.file, row.line};
        if (blankRow(row) || !checkWidth(row, s.table, at))
            continue;
        if (!keyed) {
            const QString key = nameKey(row.cells[cols.name]);
            if (const auto first = nameLines.constFind(key); !key.isEmpty() && first != nameLines.cend()) {
                reject(at,
                       QStringLiteral("line %1 already names \"%2\"; expected one row per node (or an id "
                                      "column)")
                           .arg(first.value())
                           .arg(cleanName(row.cells[cols.name]).left(100)));
                continue;
            }
            nameLines.insert(key, row.line);
        }
        NodeInput in;
        in.at = at;
        in.scope = scope;
        in.idIsKey = keyed;
        in.defaultKind = defaultKind;
        if (cols.id >= 0)
            in.rawId = row.cells[cols.id];
        if (cols.kind >= 0)
            in.kindText = row.cells[cols.kind];
        if (cols.name >= 0)
            in.name = keyed ? row.cells[cols.name] : cleanName(row.cells[cols.name]);
        if (!in.name.isEmpty())
            in.fields.push_back({nameField, in.name});
        for (const auto &[column, field] : cols.fields)
            if (!row.cells[column].isEmpty())
                in.fields.push_back({field, row.cells[column]});
        std::sort(in.fields.begin(), in.fields.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &[column, key] : cols.attributes)
            if (!row.cells[column].isEmpty())
                in.attributes.push_back({key, row.cells[column]});
        intakeNode(in);
    }
}

void ImportPlanner::Impl::edgesFromTable(const LoadedSource &s, int scope)
{
    const EdgeColumns cols = mapEdgeColumns(s.table, s.file, false);
    if (cols.from < 0 || cols.to < 0) {
        reject({s.file, 1},
               QStringLiteral("no from or to column; expected columns called from and to (or "
                              "source and target)"));
        return;
    }
    for (const RecordRow &row : s.table.rows) {
        const ImportLocation at{s.file, row.line};
        if (blankRow(row) || !checkWidth(row, s.table, at))
            continue;
        EdgeInput in;
        in.at = at;
        in.scope = scope;
        in.idIsKey = cols.id >= 0;
        in.refsMayBeNames = true;
        if (cols.id >= 0)
            in.rawId = row.cells[cols.id];
        in.fromRef = row.cells[cols.from];
        in.toRef = row.cells[cols.to];
        if (in.fromRef.isEmpty() || in.toRef.isEmpty()) {
            reject(at, QStringLiteral("an edge needs both ends; expected a from and a to"));
            continue;
        }
        if (cols.kind >= 0)
            in.kindText = row.cells[cols.kind];
        for (const auto &[column, field] : cols.fields)
            if (!row.cells[column].isEmpty())
                in.fields.push_back({field, row.cells[column]});
        intakeEdge(in);
    }
}

void ImportPlanner::Impl::graphModelValues(const LoadedSource &s)
{
    const QHash<QString, QString> &g = s.graph.graphData;
    const ImportLocation at{s.file, 0};
    if (plan.name.isEmpty() && !g.value(QStringLiteral("name")).isEmpty())
        plan.name = g.value(QStringLiteral("name"));
    if (const QString org = g.value(QStringLiteral("organization")); !org.isEmpty() && !plan.organization) {
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(org.toUtf8(), &err);
        FieldReader reader;
        if (err.error == QJsonParseError::NoError && doc.isObject()) {
            auto o = reader.organization(doc.object(), JsonPath());
            if (reader.problems.empty())
                plan.organization = o;
        }
        if (!plan.organization)
            note(at, QStringLiteral("the graph's \"organization\" value is not valid; ignored"));
    }
    if (const QString cats = g.value(QStringLiteral("categories")); !cats.isEmpty())
        categoriesFromJson(cats, at);
}

void ImportPlanner::Impl::nodesFromGraph(const LoadedSource &s, int scope)
{
    const GraphDocument &g = s.graph;
    const bool keyed = g.producer == u"VendorGraph";
    for (const QString &n : g.notes)
        note({s.file, 0}, n);
    if (g.undirected)
        note({s.file, 0},
             QStringLiteral("the graph is undirected; each edge is imported from its source to its "
                            "target"));
    const NodeColumns cols = mapNodeColumns(g.nodes, s.file, true);
    QSet<QString> touched;
    for (const RecordRow &e : g.edges.rows)
        touched << e.source << e.target;
    const NodeKind defaultKind = opt.defaultNodeKind.value_or(NodeKind::Service);
    const int nameField = nodeFieldIndex("name");
    for (const RecordRow &row : g.nodes.rows) {
        const ImportLocation at{s.file, row.line};
        if (row.isGroup && !touched.contains(row.elementId)) {
            note(at,
                 QStringLiteral("group \"%1\" is not imported as a node; its members carry it in the "
                                "attribute \"group\"")
                     .arg((row.label.isEmpty() ? row.elementId : row.label).left(100)));
            continue;
        }
        NodeInput in;
        in.at = at;
        in.scope = scope;
        in.idIsKey = keyed;
        in.rawId = row.elementId;
        in.defaultKind = defaultKind;
        in.drawn = row.position;
        if (cols.kind >= 0)
            in.kindText = row.cells[cols.kind];
        QString name = cols.name >= 0 ? row.cells[cols.name] : QString();
        if (!keyed) {
            if (name.isEmpty())
                name = row.label;
            if (name.isEmpty())
                name = row.elementId;
            name = cleanName(name);
        }
        in.name = name;
        if (!name.isEmpty())
            in.fields.push_back({nameField, name});
        for (const auto &[column, field] : cols.fields)
            if (!row.cells[column].isEmpty())
                in.fields.push_back({field, row.cells[column]});
        std::sort(in.fields.begin(), in.fields.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &[column, key] : cols.attributes)
            if (!row.cells[column].isEmpty())
                in.attributes.push_back({key, row.cells[column]});
        if (!row.group.isEmpty())
            in.attributes.push_back({QStringLiteral("group"), row.group});
        intakeNode(in);
    }
}

bool ImportPlanner::Impl::labelIsCategories(const QString &label) const
{
    const QStringList items = splitIdList(label);
    return !items.isEmpty()
        && std::all_of(items.begin(), items.end(), [&](const QString &i) { return categories->find(i).has_value(); });
}

void ImportPlanner::Impl::edgesFromGraph(const LoadedSource &s, int scope)
{
    const int categoriesField = edgeFieldIndex("categories");
    const GraphDocument &g = s.graph;
    const bool keyed = g.producer == u"VendorGraph";
    const EdgeColumns cols = mapEdgeColumns(g.edges, s.file, true);
    for (const RecordRow &row : g.edges.rows) {
        EdgeInput in;
        in.at = {s.file, row.line};
        in.scope = scope;
        in.idIsKey = keyed;
        in.rawId = row.elementId;
        in.fromRef = row.source;
        in.toRef = row.target;
        in.label = row.label;
        if (cols.kind >= 0)
            in.kindText = row.cells[cols.kind];
        for (const auto &[column, field] : cols.fields)
            if (!row.cells[column].isEmpty())
                in.fields.push_back({field, row.cells[column]});
        // A drawn label that names only data categories ("ID.NAME; Email address") says
        // what flows: it becomes the categories of a data edge.
        const bool hasCategories =
            std::any_of(in.fields.begin(), in.fields.end(), [&](const auto &f) { return f.first == categoriesField; });
        if (!keyed && !hasCategories && in.kindText.isEmpty() && labelIsCategories(row.label)) {
            in.fields.push_back({categoriesField, row.label});
            std::sort(in.fields.begin(), in.fields.end(),
                      [](const auto &a, const auto &b) { return a.first < b.first; });
            in.label.clear();
        }
        intakeEdge(in);
    }
}

// A VendorGraph model goes through the same fields as CSV, so it is matched and merged
// the same way (ids are keys).
void ImportPlanner::Impl::nodesFromModel(const LoadedSource &s, int scope)
{
    const Model &m = s.model;
    if (plan.name.isEmpty())
        plan.name = m.name;
    if (!plan.organization)
        plan.organization = m.organization;
    for (const Node &n : m.nodes) {
        NodeInput in;
        in.at = {s.file, 0};
        in.scope = scope;
        in.idIsKey = true;
        in.rawId = n.id;
        in.name = n.name;
        in.kindText = toString(n.kind);
        const QPointF *pos = m.layout.contains(n.id) ? &*m.layout.constFind(n.id) : nullptr;
        for (int f = 0; f < int(nodeFields().size()); ++f) {
            const NodeField &field = nodeFields()[std::size_t(f)];
            if (!(field.formats & InCsv) || qstrcmp(field.name, "id") == 0 || qstrcmp(field.name, "kind") == 0)
                continue;
            const QString v = field.get(n, pos);
            if (!v.isEmpty())
                in.fields.push_back({f, v});
        }
        for (auto it = n.attributes.cbegin(); it != n.attributes.cend(); ++it)
            in.attributes.push_back({it.key(), *it});
        intakeNode(in);
    }
}

void ImportPlanner::Impl::edgesFromModel(const LoadedSource &s, int scope)
{
    for (const Edge &e : s.model.edges) {
        EdgeInput in;
        in.at = {s.file, 0};
        in.scope = scope;
        in.idIsKey = true;
        in.rawId = e.id;
        in.fromRef = e.from;
        in.toRef = e.to;
        in.kindText = toString(e.kind);
        for (int f = 0; f < int(edgeFields().size()); ++f) {
            const EdgeField &field = edgeFields()[std::size_t(f)];
            const char *name = field.name;
            if (qstrcmp(name, "id") == 0 || qstrcmp(name, "from") == 0 || qstrcmp(name, "to") == 0
                || qstrcmp(name, "kind") == 0)
                continue;
            const QString v = field.get(e);
            if (!v.isEmpty())
                in.fields.push_back({f, v});
        }
        intakeEdge(in);
    }
}

void ImportPlanner::Impl::sheet(const LoadedSource &s)
{
    for (const RowIssue &r : s.sheet.rejected)
        reject({r.file, r.line}, r.reason);
    for (const RowIssue &r : s.sheet.notes)
        note({r.file, r.line}, r.reason);
    QHash<QString, QString> resolved; // name key -> final id, so a name is matched (and asked about) once
    const NodeKind vendorKind = NodeKind::Vendor;
    auto nodeFor = [&](const QString &name, const ImportLocation &at) -> QString {
        const QString key = nameKey(name);
        if (auto it = resolved.constFind(key); it != resolved.cend())
            return *it;
        NodeInput in;
        in.at = at;
        in.name = name;
        in.defaultKind = vendorKind;
        in.kindGivenByCaller = true;
        in.matchWithinScope = true;
        in.fieldsOnlyIfNew = true; // a matched node keeps its own name: the sheet's spelling is a reference
        in.fields.push_back({nodeFieldIndex("name"), name});
        const QString id = intakeNode(in);
        if (!id.isNull())
            resolved.insert(key, id);
        return id;
    };
    const QString source = QStringLiteral("published sub-processor list (%1)").arg(QFileInfo(s.file).fileName());
    static const QRegularExpression separators(QStringLiteral("\\s*(?:[,;/|&]|\\band\\b)\\s*"));
    for (const SubprocessorRow &row : s.sheet.rows) {
        const ImportLocation at{s.file, row.line};
        if (nameKey(row.vendor) == nameKey(row.subprocessor)) {
            reject(at, QStringLiteral("\"%1\" is listed as its own sub-processor").arg(row.vendor.left(100)));
            continue;
        }
        const QString vendor = nodeFor(row.vendor, at);
        if (vendor.isNull())
            continue;
        const QString sub = nodeFor(row.subprocessor, at);
        if (sub.isNull())
            continue;
        const bool subIsNew = addedNode.contains(sub);
        if (vendor == sub) {
            reject(at,
                   QStringLiteral("\"%1\" and \"%2\" are the same node (%3); a vendor cannot be its own "
                                  "sub-processor")
                       .arg(row.vendor.left(100), row.subprocessor.left(100), vendor));
            continue;
        }
        // What the sheet says about the sub-processor: where it is, and that it is one.
        QStringList regions;
        QString unparsed;
        if (!row.location.isEmpty()) {
            for (const QString &part : row.location.split(separators, Qt::SkipEmptyParts)) {
                if (const auto r = parseRegion(part))
                    regions << *r;
                else
                    unparsed = row.location;
            }
        }
        augmentNode(sub, [&](Node &n) {
            if (subIsNew && !n.tags.contains(QStringLiteral("sub-processor")))
                n.tags << QStringLiteral("sub-processor");
            if (!regions.isEmpty() && n.kind == NodeKind::Vendor) {
                if (!n.vendor)
                    n.vendor = VendorProfile();
                for (const QString &r : regions)
                    if (!n.vendor->regions.contains(r))
                        n.vendor->regions << r;
            }
            if (!unparsed.isEmpty()) {
                const QString old = n.attributes.value(QStringLiteral("location"));
                if (old.isEmpty())
                    n.attributes.insert(QStringLiteral("location"), unparsed);
                else if (!old.split(QStringLiteral("; ")).contains(unparsed))
                    n.attributes.insert(QStringLiteral("location"), old + QStringLiteral("; ") + unparsed);
            }
        });
        EdgeInput in;
        in.at = at;
        in.fromRef = vendor;
        in.toRef = sub;
        in.kindText = QStringLiteral("data");
        in.deferCategories = row.categories.isEmpty();
        in.appendDescription = true;
        if (!row.categories.isEmpty())
            in.fields.push_back({edgeFieldIndex("categories"), row.categories});
        if (!row.purpose.isEmpty())
            in.fields.push_back({edgeFieldIndex("description"), row.purpose});
        in.fields.push_back({edgeFieldIndex("source"), source});
        intakeEdge(in);
    }
}

} // namespace vg
