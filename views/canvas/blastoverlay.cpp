// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/canvas/blastoverlay.h"

#include <QObject>

namespace vg {

BlastOverlay::BlastOverlay(std::shared_ptr<const AnalysisResult> result, const CanvasStyle &style, QSet<int> pathEdges)
    : m_result(std::move(result)), m_style(style), m_path(std::move(pathEdges))
{
}

QColor BlastOverlay::seedColor(Compromise mode)
{
    return mode == Compromise::Controlled ? QColor(0x6a, 0x1b, 0x9a) : QColor(0xb7, 0x1c, 0x1c);
}

QColor BlastOverlay::stateColor(Compromise state)
{
    return state == Compromise::Controlled ? QColor(0xd8, 0x43, 0x15) : QColor(0xef, 0x8f, 0x00);
}

QColor BlastOverlay::pathColor() { return QColor(0x00, 0x89, 0x7b); }

NodeLook BlastOverlay::node(int h) const
{
    NodeLook look;
    if (!m_result || !m_result->radius || std::size_t(h) >= m_result->nodes.size())
        return look;
    const NodeMark &m = m_result->nodes[std::size_t(h)];
    if (!m.reached) {
        look.faded = true;
        return look;
    }
    const QColor c = m.seed ? seedColor(m.state) : stateColor(m.state);
    look.border = c;
    QColor fill = c;
    fill.setAlpha(m_style.dark ? 110 : 70);
    look.fill = m_style.dark ? fill : fill.lighter(100);
    look.badgeColor = c;
    const QString state = m.state == Compromise::Controlled ? QObject::tr("CONTROLLED") : QObject::tr("BREACHED");
    if (m.seed) {
        look.badge = QObject::tr("%1 · SEED").arg(state);
    } else if (m.certainty == Certainty::Potential) {
        look.hatched = true;
        look.badge = QObject::tr("POTENTIALLY %1").arg(state);
        look.fill = m_style.background;
    } else {
        look.badge = state;
    }
    if (m.tenant)
        look.caption = QObject::tr("our account at this vendor");
    else if (m.escalation)
        look.caption = QObject::tr("could be controlled (potential)");
    return look;
}

EdgeLayer::Look BlastOverlay::edge(int h) const
{
    EdgeLayer::Look look;
    if (!m_result || !m_result->radius || std::size_t(h) >= m_result->edgeCarried.size())
        return look;
    if (m_path.contains(h)) {
        look.color = pathColor();
        look.emphasis = true;
    } else if (m_result->edgeCarried[std::size_t(h)]) {
        look.color = QColor(0xc6, 0x28, 0x28);
        look.emphasis = true;
    } else {
        look.faded = true;
    }
    return look;
}

} // namespace vg
