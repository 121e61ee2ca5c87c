// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/model.h"

#include <QByteArray>

namespace vg {

// The model as a Mermaid flowchart (UTF-8) for pasting into wikis. Mermaid's traps are
// avoided by construction: node ids are "n_" plus the model id with every character other
// than letters, digits and '_' replaced (so never `end`, `graph`, `o...` or `x...`, and no
// dots or colons), made unique; every label is a quoted string in which `"`, `#`, `&`, `<`,
// `>`, `|`, `;`, `%` and backticks are written as Mermaid entity codes (#quot; #35; ...)
// and line breaks as spaces. Shapes and class colours mark the kind; edge strokes and labels
// the edge kind. Export only. Mermaid renders up to 500 edges by default (maxEdges).
QByteArray exportMermaid(const Model &model);

// A Mermaid quoted label for any text.
QString mermaidQuoted(const QString &text);

} // namespace vg
