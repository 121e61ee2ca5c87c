// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/io/recordtable.h"

#include <QByteArray>

namespace vg {

// Reads GEXF 1.1 to 1.3 (as Gephi writes it) into records: each declared <attribute> becomes
// a column named by its title (its id when untitled), <attvalue>s fill the cells and
// defaults the gaps; node and edge labels, viz:position and nested nodes (as groups) come
// along. Through GuardedXmlReader: any DTD is refused. Dynamic data (spells, start/end) is
// read as static. Fails, naming the line, on malformed XML, a DTD, a missing <gexf> root, or
// more than maxElements nodes and edges. fileName only labels messages.
Expected<GraphDocument> readGexf(const QByteArray &bytes, const QString &fileName, qsizetype maxElements = 2'000'000);

} // namespace vg
