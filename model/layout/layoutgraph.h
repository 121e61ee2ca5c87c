// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/domain/model.h"

#include <QHash>
#include <QLineF>
#include <QPointF>
#include <QSizeF>

#include <atomic>
#include <functional>
#include <vector>

namespace vg {

// What a layout sees of a model: node kinds and the edges between them, by index.
struct LayoutGraph {
    std::vector<QString> ids;
    std::vector<NodeKind> kinds;
    std::vector<std::pair<int, int>> edges; // from, to

    int size() const { return int(ids.size()); }
    // The whole model, or only the nodes in `only` (and the edges among them).
    static LayoutGraph fromModel(const Model &model, const QStringList &only = {});
};

// How long a force-directed layout (Organic, or Layered through Graphviz) may run before
// it stops with a message and moves nothing: on a huge or crowded graph it could otherwise
// run for hours (measured figures in resources/HARDENING.md). Tiers is linear and has none.
inline constexpr int kLayoutTimeLimitSeconds = 120;

// Cancel and progress for a layout running off the GUI thread. The layout polls cancel
// between steps and then returns an error saying so; progress receives 0..1.
struct LayoutControl {
    const std::atomic<bool> *cancel = nullptr;
    std::function<void(double)> progress;
    int timeLimitMs = kLayoutTimeLimitSeconds * 1000;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void report(double fraction) const
    {
        if (progress)
            progress(fraction);
    }
};

enum class LayoutKind { Tiers, Layered, Organic };
QString toString(LayoutKind kind);

// The error a cancelled layout returns.
Error layoutCancelled();
bool isCancellation(const Error &e);

// Runs a layout on the model (or on the nodes in `only`, placed where their current
// bounding box starts) and returns the new positions by node id. Every position is finite
// and no two nodes' footprints (placement.h) overlap.
Expected<QHash<QString, QPointF>> runLayout(LayoutKind kind, const Model &model, const QStringList &only,
                                            const LayoutControl &control, QString *note = nullptr);

// Places nodes that have no position (an import, a file with a few missing) without moving
// any that have one: a Tiers layout of the unplaced nodes among themselves, set to the right of
// the placed ones' bounding box, top-aligned with it. With nothing placed, it is the whole
// Tiers layout.
Expected<QHash<QString, QPointF>> placeUnplaced(const Model &model, const QStringList &unplaced,
                                                const LayoutControl &control);

} // namespace vg
