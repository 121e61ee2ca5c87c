// SPDX-License-Identifier: GPL-3.0-or-later
// PgModelStore's rows: a model's nodes, edges and model-wide values as the server's columns
// (to write), as JSON for an edit (commit_edit), and read back from result rows. Private to
// model/storage.
#pragma once

#include "model/domain/model.h"
#include "model/storage/pgconnection.h"
#include "model/team/teamedit.h"

#include <QHash>
#include <QJsonObject>

#include <optional>

namespace vg {

class FieldReader;

namespace pgrows {

using pg::Param;

// Column lists shared by every read, so that row readers and queries cannot drift apart.
#define VG_NODE_COLUMNS                                                                                                \
    "id, revision, kind, name, description, tags, count, regions, stores, attributes, vendor, x, y, extra"
#define VG_EDGE_COLUMNS                                                                                                \
    "id, revision, src, dst, kind, categories, records, encryption, scope, stored, description, source, confirmed, "   \
    "extra"

pg::Param optText(const QStringList &l);
QByteArray categoriesText(const std::vector<CategoryDef> &cats);

// The server's text of a node's columns, in VG_NODE_COLUMNS order from kind on.
struct NodeColumns {
    Param kind, name, description, tags, count, regions, stores, attributes, vendor, x, y, extra;
};
NodeColumns nodeColumns(const Node &n, const std::optional<QPointF> &pos);

struct EdgeColumns {
    Param src, dst, kind, categories, records, encryption, scope, stored, description, source, confirmed, extra;
};
EdgeColumns edgeColumns(const Edge &e);

QJsonObject nodeEditJson(const NodeVersion &v);
QJsonObject edgeEditJson(const EdgeVersion &v);

// Reads a row of VG_NODE_COLUMNS (and the position, when the row has one).
Node nodeFromRow(const pg::Result &res, int row, FieldReader &r, std::optional<QPointF> *pos);
// Reads a row of VG_EDGE_COLUMNS; intern shares the QStrings of node ids.
Edge edgeFromRow(const pg::Result &res, int row, FieldReader &r, QHash<QByteArray, QString> &intern);
// Reads the model-wide values from columns c0 on: revision, name, organization, categories.
MetaVersion metaFromRow(const pg::Result &res, int row, int c0, FieldReader &r);

} // namespace pgrows
} // namespace vg
