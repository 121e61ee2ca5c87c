// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QStringList>

#include <array>

namespace vg {

// What the canvas shows: a view, never an edit. Edge kinds, the categories of data edges
// (none selected: all), the vendor tiers (index 0..3 for tiers 1-4, 4 for vendors without a
// tier), and a focus: only the neighbourhood of some nodes, to a depth, in a direction.
struct ViewFilter {
    enum class Direction { Upstream, Downstream, Both };
    std::array<bool, 4> edgeKinds{true, true, true, true};
    QSet<QString> categories;
    std::array<bool, 5> vendorTiers{true, true, true, true, true};
    QStringList focus;
    int depth = 1;
    Direction direction = Direction::Both;
    // When not empty, only these nodes are shown (a diagram of a blast subgraph).
    QSet<QString> onlyNodes;

    bool isIdentity() const
    {
        return focus.isEmpty() && categories.isEmpty() && onlyNodes.isEmpty() && edgeKinds == std::array<bool, 4>{true, true, true, true}
        && vendorTiers == std::array<bool, 5>{true, true, true, true, true};
    }
    bool operator==(const ViewFilter &) const = default;
};

} // namespace vg
