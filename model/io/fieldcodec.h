// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/model.h"

#include <QHash>

namespace vg {

class Taxonomy;

// The text forms of typed values in CSV cells and GraphML/GEXF data, shared by every
// importer and exporter. Parsers are lenient about spelling (case, spaces, separators) and
// return nothing on a value they cannot read; writers produce the canonical form that the
// parsers read back exactly.

// Header and attribute names compared ignoring case, `_ - .` and runs of spaces, and a
// trailing `?`, `*` or `:` ("DPA signed?" -> "dpa signed").
QString normaliseHeader(QStringView header);
// Enumeration values compared the same way ("Holder_Key" -> "holder key").
QString normaliseWord(QStringView word);

// Lists in one cell: items separated by `;`, trimmed, empty ones left out. joinList() escapes `;` and `\` inside items
// with a backslash; splitList() undoes it.
QStringList splitList(QStringView cell);
QString joinList(const QStringList &items);
// For lists of ids and codes, which cannot hold commas or line breaks: those separate too.
QStringList splitIdList(QStringView cell);

// true/false, yes/no, y/n, 1/0.
std::optional<bool> parseBool(QStringView s);
// A whole number >= 0; `,` `_` and spaces between digit groups are allowed ("4,200,000").
std::optional<qint64> parseCount(QStringView s);
// YYYY-MM-DD, optionally followed by a time ("2025-03-01T10:00:00").
std::optional<QDate> parseIsoDate(QStringView s);
// A finite decimal number.
std::optional<double> parseReal(QStringView s);
// The shortest text that reads back as the same double.
QString formatReal(double v);

// An ISO 3166 region code in any case (de, US-CA, EU, EEA), or a common English country
// name ("United States", "Germany", "UK"); the canonical code or nothing.
std::optional<QString> parseRegion(QStringView s);

std::optional<NodeKind> parseNodeKind(QStringView s);
std::optional<EdgeKind> parseEdgeKind(QStringView s);
std::optional<Encryption> parseEncryption(QStringView s);
std::optional<Scope> parseScope(QStringView s);
std::optional<ExitPlan> parseExitPlan(QStringView s);

// Category ids and names in force, for finding a category by its id in any case or by its
// name ("Email address" -> CONTACT.EMAIL). Built once per import.
class CategoryLookup final {
public:
    explicit CategoryLookup(const Taxonomy &taxonomy);
    // The canonical id, or nothing for an unknown category.
    std::optional<QString> find(QStringView idOrName) const;

private:
    QHash<QString, QString> m_byKey;
};

// One stored-data entry as text: "CATEGORY [RECORDS] [ENCRYPTION]" ("CRED.PASSWORD 22000000
// holder-key"). The category may be given by name; an error text names what is wrong.
QString formatStore(const StoredData &s);
std::optional<StoredData> parseStore(QStringView item, const CategoryLookup &categories, QString *error);

} // namespace vg
