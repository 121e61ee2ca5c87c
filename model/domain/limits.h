// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/domain/model.h"

#include <QString>

#include <vector>

namespace vg {

// The caps on what a model may hold, whichever way it arrives (JSON, .vgdb, import, paste,
// an edit, a team server). Documented with the reasons and the measured costs in
// resources/HARDENING.md; every reader refuses a model over them with a message that names the
// cap. The caps on the bytes themselves are elsewhere: kMaxInputBytes (inputfile.h) for a
// file, JSON nesting (jsonsyntax.cpp), XML depth and text (guardedxmlreader.h), CSV cells and
// columns (csvparser.h, csvguard.h), SQLite value length (sqlite.cpp).
inline constexpr qsizetype kMaxNodes = 1'000'000;
inline constexpr qsizetype kMaxEdges = 2'000'000;
// Categories a model defines or overrides (the built-in taxonomy comes on top).
inline constexpr qsizetype kMaxModelCategories = 10'000;
// Names and short values: a node's, a category's, the model's and organisation's names,
// tags, certifications, regions, attribute keys, a security rating.
inline constexpr qsizetype kMaxNameChars = 1'000;
// Free text: descriptions, an edge's source, attribute values.
inline constexpr qsizetype kMaxTextChars = 100'000;
// The items of any one list: a node's tags, stores, attributes, regions, region counts; an
// edge's categories and subjects; a vendor's certifications and regions.
inline constexpr qsizetype kMaxListItems = 10'000;
// Saved scenarios of one model (each one's breach and control lists count as lists above).
inline constexpr qsizetype kMaxScenarios = 1'000;

// The problems of a model over the caps, as validateModel() reports them (JSON pointers;
// counts at "/nodes", "/edges" and "/categories"). Over a count cap, only that is reported.
std::vector<Problem> limitProblems(const Model &model);

// The first cap one node or edge breaks ("description: 120000 characters; at most
// 100000"), or an empty string. For importers, which reject such a record.
QString nodeLimitProblem(const Node &node);
QString edgeLimitProblem(const Edge &edge);

} // namespace vg
