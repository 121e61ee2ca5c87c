// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QPointF>
#include <QStringList>

#include <optional>
#include <vector>

namespace vg {

// Nodes or edges as an importer read them, before they are mapped to domain fields: named
// columns (CSV headers, GraphML attr.names, GEXF attribute titles) and one row per record.
// Graph files also carry per-element values that are not columns (element ids, edge ends,
// the label yEd draws, a position, the group an element sits in).
struct RecordRow {
    int line = 0; // where the record starts in its file
    QStringList cells; // aligned with RecordTable::columns; "" when absent
    QString elementId; // graph files: the node's or edge's id
    QString source, target; // graph files: the edge's ends (node element ids)
    QString label; // graph files: the label drawn (yEd NodeLabel/EdgeLabel, GEXF label)
    std::optional<QPointF> position; // graph files: the drawn centre (yEd Geometry, GEXF viz:position)
    QString group; // graph files: the enclosing yEd group or GEXF parent, outermost first, " / "-joined
    bool isGroup = false; // a yEd group node or a GEXF node with children
};

struct RecordTable {
    QStringList columns;
    std::vector<RecordRow> rows;
};

// A graph file (GraphML or GEXF) as read: its graph-level values, nodes and edges.
struct GraphDocument {
    QString format; // "GraphML" or "GEXF"
    QString producer; // "VendorGraph", "yEd" or "" when unknown
    QHash<QString, QString> graphData; // graph-level values by name
    RecordTable nodes, edges;
    bool undirected = false; // edgedefault="undirected" / defaultedgetype="undirected"
    QStringList notes; // things read but not kept (hyperedges, ports, ...)
};

} // namespace vg
