// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/analysisservice.h"
#include "views/canvas/canvasoverlay.h"
#include "views/canvas/canvasstyle.h"

#include <QSet>

#include <memory>

namespace vg {

// The blast radius on the canvas: seeds in a strong colour, directly reached nodes in a
// second one, potentially reached ones hatched (so that the difference survives a
// grey-scale print), each with its state as a badge; the edges that carried the compromise
// or the exposed data emphasised; everything else faded. A selected node's explaining path
// is drawn on top.
class BlastOverlay final : public CanvasOverlay {
public:
    BlastOverlay(std::shared_ptr<const AnalysisResult> result, const CanvasStyle &style, QSet<int> pathEdges = {});
    NodeLook node(int handle) const override;
    EdgeLayer::Look edge(int handle) const override;

    // The colours of the states, shared with legends and reports.
    static QColor seedColor(Compromise mode);
    static QColor stateColor(Compromise state);
    static QColor pathColor();

private:
    std::shared_ptr<const AnalysisResult> m_result;
    CanvasStyle m_style;
    QSet<int> m_path;
};

} // namespace vg
