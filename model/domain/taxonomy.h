// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/model.h"

#include <QHash>

#include <vector>

namespace vg {

// PIVOT: a credential; what exposing it opens is its pivot kind (Category::pivot).
// COMBO: a US breach-law element that triggers only in combination (with a name, or for a
// credential with a username or email). SPECIAL: GDPR Art. 9/10 or similar.
// NONPERSONAL: not personal data (source code, infrastructure keys, commercial terms,
// anonymised aggregates); every other category is treated as personal data.
enum CategoryFlag : unsigned { Pivot = 1, Combo = 2, Special = 4, NonPersonal = 8 };

// What exposing a PIVOT category opens (resources/ANALYSIS.md, "What the flags do").
enum class PivotKind {
    Access, // the systems its holder's stored access edges open (the edges model the credential)
    Code, // the targets of its holder's code edges: a signing key is a code channel
    Decrypt, // data encrypted with an external key held by its holder
};

// One data category as the analysis sees it: built-in, or defined or overridden by a model.
struct Category {
    QString id;
    QString name;
    QString note;
    int tier = 3; // 1 critical .. 4 low
    unsigned flags = 0;
    PivotKind pivot = PivotKind::Access; // meaningful with the PIVOT flag
    bool builtIn = false;
    bool has(CategoryFlag f) const { return (flags & f) != 0; }
};

QStringList flagNames(unsigned flags);
std::optional<unsigned> flagFromString(QStringView s);

// The categories in force for a model: the built-in taxonomy shipped in
// resources/taxonomy.json, with the model's own categories added or overriding it.
// Immutable once built; cheap to copy (the index is shared).
class Taxonomy final {
public:
    // The taxonomy shipped with the application. Loaded once; thread-safe after first use.
    static const Taxonomy &builtIn();
    // builtIn() plus model.categories. Unknown fields of a new category fall back to tier 3.
    static Taxonomy forModel(const Model &model);

    const Category *find(const QString &id) const;
    bool contains(const QString &id) const { return find(id) != nullptr; }
    const std::vector<Category> &all() const { return m_categories; }

private:
    void add(Category c);
    std::vector<Category> m_categories;
    QHash<QString, int> m_index;
};

} // namespace vg
