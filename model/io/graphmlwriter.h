// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/model.h"

#include <QByteArray>

namespace vg {

// The model as GraphML (UTF-8) that both kinds of tools read:
// - every interchange field (interchangefields.h) and every node attribute ("attr:KEY") is a
//   typed <key attr.name=... attr.type=...>, so Gephi, Cytoscape, igraph and networkx see all
//   domain attributes; graph-level keys carry the model's name, organization and categories
//   (as JSON, as in the interchange format) and format="vendorgraph";
// - yFiles keys (nodegraphics, edgegraphics) draw each node as a y:ShapeNode with its label,
//   a shape and colour per kind and its position (y:Geometry), and each edge as a
//   y:PolyLineEdge styled by kind, so that yEd opens it as a diagram. A node without a
//   position is placed in a column for its kind and marked auto_position, so that it comes
//   back without one unless it was moved.
// readGraphml() and the importer read it back to the same model. Characters XML cannot
// carry (control characters other than tab and line breaks) are written as U+FFFD.
QByteArray exportGraphml(const Model &model);

} // namespace vg
