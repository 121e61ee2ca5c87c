// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/model.h"

#include <QByteArray>

namespace vg {

// The model as a Graphviz digraph (UTF-8) that `dot -Tsvg` renders: nodes in id order with
// a shape and colour per kind, edges styled per kind and labelled with their categories or
// scope, and the kind and due-diligence fields as tooltips. Every id and label is a quoted
// string with `"` and `\` escaped, line breaks as \n and no HTML-like labels, so no name can
// change the graph's structure. Positions, when the model has them, are written as pos
// ("neato -n" uses them; dot ignores them). Export only: VendorGraph does not read DOT.
QByteArray exportDot(const Model &model);

// A DOT quoted string for any text.
QString dotQuoted(const QString &text);

} // namespace vg
