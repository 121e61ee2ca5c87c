// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/io/recordtable.h"

#include <QByteArray>

namespace vg {

// Reads GraphML as yEd, Gephi, Cytoscape, igraph, networkx and VendorGraph write it into
// records: every <key> with its attr.name (or its id when it has none) becomes a column, and
// <default> values fill absent data. yEd's graphics give each node its label, its centre
// (y:Geometry) and the group nodes it sits in; nested graphs are read as groups. Streaming
// (QXmlStreamReader through GuardedXmlReader: any DTD is refused). Ports and hyperedges are
// skipped with a note. Fails, naming the line, on malformed XML, a DTD, a missing <graphml>
// root or element, or more than maxElements nodes and edges. fileName only labels messages.
Expected<GraphDocument> readGraphml(const QByteArray &bytes, const QString &fileName,
                                    qsizetype maxElements = 2'000'000);

} // namespace vg
