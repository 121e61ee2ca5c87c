// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/io/fieldcodec.h"

#include <QPointF>

#include <span>

namespace vg {

// The one table of node, edge and category fields that the CSV and GraphML exporters write
// and every importer (CSV, GraphML, GEXF, sub-processor sheets) reads. A new domain field
// is one new row here: its column name, the synonyms accepted on import, its GraphML type,
// a getter and a setter. Free-form node attributes travel as extra columns named
// "attr:KEY" (kAttributePrefix).

// A node as one CSV row or one GraphML/GEXF node carries it.
struct NodeRecord {
    Node node;
    std::optional<double> x, y; // canvas position (the node's centre)
    // GraphML only: the stand-in position an export gave a node that had none, so that an
    // unmoved node comes back without a position.
    std::optional<QPointF> autoPosition;
    bool kindGiven = false;
};

// An edge as one CSV row or one GraphML/GEXF edge carries it. from and to hold the
// references as written (ids or names); the importer resolves them.
struct EdgeRecord {
    Edge edge;
    bool kindGiven = false;
};

// GraphML attr.type of a field.
enum class FieldType { String, Int, Long, Double, Boolean };
const char *graphmlTypeName(FieldType t);

// Which formats carry a field.
enum FieldFormat : unsigned { InCsv = 1, InGraphml = 2, InBoth = 3 };

// What setters need to read a value: the categories in force.
struct FieldContext {
    const CategoryLookup *categories = nullptr;
};

// Getters return "" for an unset value. Setters are called only with non-empty text, in
// table order (the kind comes before the fields that depend on it); they return an empty
// string, or what is wrong and what was expected.
struct NodeField {
    const char *name; // the column / attr.name VendorGraph writes
    const char *synonyms; // other headers accepted on import, normalised (normaliseHeader), '|'-separated
    FieldType type;
    unsigned formats;
    QString (*get)(const Node &, const QPointF *position);
    QString (*set)(NodeRecord &, const QString &, const FieldContext &);
};

struct EdgeField {
    const char *name;
    const char *synonyms;
    FieldType type;
    unsigned formats;
    QString (*get)(const Edge &);
    QString (*set)(EdgeRecord &, const QString &, const FieldContext &);
};

struct CategoryField {
    const char *name;
    const char *synonyms;
    QString (*get)(const CategoryDef &);
    QString (*set)(CategoryDef &, const QString &);
};

std::span<const NodeField> nodeFields();
std::span<const EdgeField> edgeFields();
std::span<const CategoryField> categoryFields();

// Index into the table of the field a header names (its name or a synonym, compared with
// normaliseHeader()), or -1.
int findNodeField(QStringView header);
int findEdgeField(QStringView header);
int findCategoryField(QStringView header);
// Index of a field by its exact name; aborts on a name not in the table (a programming error).
int nodeFieldIndex(const char *name);
int edgeFieldIndex(const char *name);

// Columns named "attr:KEY" (or "attribute:KEY") carry the node attribute KEY.
inline constexpr QLatin1StringView kAttributePrefix("attr:");
// The attribute key a header names, or a null string when it names none.
QString attributeKeyOfHeader(QStringView header);

} // namespace vg
