// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/commands/changecommand.h"

#include "model/document/document.h"

#include <algorithm>

namespace vg {

namespace {

// Whether a change only puts items and moves nodes: what merging can combine.
bool mergeable(const ChangeSet &c)
{
    return c.edgesRemoved.isEmpty() && c.nodesRemoved.isEmpty() && c.nodeRenames.empty() && c.edgeRenames.empty()
        && !c.name && !c.organization && !c.categories;
}

template <typename T>
void mergeItems(std::vector<T> &into, const std::vector<T> &from, bool later)
{
    for (const T &x : from) {
        const auto it = std::find_if(into.begin(), into.end(), [&](const T &y) { return y.id == x.id; });
        if (it == into.end())
            into.push_back(x);
        else if (later)
            *it = x;
    }
}

} // namespace

ChangeCommand::ChangeCommand(Document *doc, ChangeSet change, const QString &text, CommandId id, QString mergeKey)
    : m_doc(doc), m_forward(std::move(change)), m_id(id), m_mergeKey(std::move(mergeKey))
{
    setText(text);
}

void ChangeCommand::redo() { m_inverse = m_doc->apply(m_forward); }

void ChangeCommand::undo() { m_doc->apply(m_inverse); }

bool ChangeCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const ChangeCommand *>(other);
    if (o->m_mergeKey != m_mergeKey || !mergeable(m_forward) || !mergeable(o->m_forward))
        return false;
    // Forward: the later state wins. Inverse: the earlier state wins.
    mergeItems(m_forward.nodesPut, o->m_forward.nodesPut, true);
    mergeItems(m_forward.edgesPut, o->m_forward.edgesPut, true);
    for (auto it = o->m_forward.positions.cbegin(); it != o->m_forward.positions.cend(); ++it)
        m_forward.positions.insert(it.key(), *it);
    // An item this command added is removed by its undo, whatever came later.
    for (const Node &n : o->m_inverse.nodesPut)
        if (!m_inverse.nodesRemoved.contains(n.id))
            mergeItems(m_inverse.nodesPut, {n}, false);
    for (const Edge &e : o->m_inverse.edgesPut)
        if (!m_inverse.edgesRemoved.contains(e.id))
            mergeItems(m_inverse.edgesPut, {e}, false);
    m_inverse.nodesRemoved += o->m_inverse.nodesRemoved;
    m_inverse.edgesRemoved += o->m_inverse.edgesRemoved;
    for (auto it = o->m_inverse.positions.cbegin(); it != o->m_inverse.positions.cend(); ++it)
        if (!m_inverse.positions.contains(it.key()))
            m_inverse.positions.insert(it.key(), *it);
    if (o->m_forward.scenarios)
        m_forward.scenarios = o->m_forward.scenarios;
    if (o->m_forward.activeScenario)
        m_forward.activeScenario = o->m_forward.activeScenario;
    if (!m_inverse.scenarios)
        m_inverse.scenarios = o->m_inverse.scenarios;
    if (!m_inverse.activeScenario)
        m_inverse.activeScenario = o->m_inverse.activeScenario;
    return true;
}

} // namespace vg
