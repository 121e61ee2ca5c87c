// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/model.h"

#include <QString>

#include <vector>

namespace vg::test {

// Valid models built to hurt (issue 11), scaled by `scale` (1.0: the sizes below).
struct HostileShape {
    QString name; // the file's base name
    QString what; // one line for the report
    Model model;
    QString seedNode; // the node whose breach reaches the most
};

// "chain": a vendor hosting a service that hosts the next, 12,000 hops deep, with data along
// the way. "star": a hub service sending data to 100,000 vendors whose code runs in it (every
// leaf's breach reaches every other leaf). "million-nodes": 1,000,000 nodes and 1,000,000
// edges, within the file-size cap. "categories": 10,000 categories of the model's own, the
// cap, each on an edge. (A million categories is a file, not a model: see
// hostileCategoriesJson().)
std::vector<HostileShape> hostileShapes(double scale = 1.0);

// A model file that defines `count` categories of its own (one million in the issue): over
// the cap, so every reader must refuse it with a message instead of reading it all.
QByteArray hostileCategoriesJson(int count);

} // namespace vg::test
