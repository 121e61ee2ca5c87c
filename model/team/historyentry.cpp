// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/team/historyentry.h"

namespace vg {

QString toString(ItemKind k)
{
    switch (k) {
    case ItemKind::Node: return QStringLiteral("node");
    case ItemKind::Edge: return QStringLiteral("edge");
    case ItemKind::Meta: return QStringLiteral("model");
    }
    return {};
}

std::optional<ItemKind> itemKindFromString(QStringView s)
{
    if (s == u"node")
        return ItemKind::Node;
    if (s == u"edge")
        return ItemKind::Edge;
    if (s == u"model")
        return ItemKind::Meta;
    return std::nullopt;
}

} // namespace vg
