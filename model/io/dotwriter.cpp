// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/dotwriter.h"

#include "model/io/fieldcodec.h"

namespace vg {

namespace {

const char *shapeOf(NodeKind k)
{
    switch (k) {
    case NodeKind::People: return "ellipse";
    case NodeKind::Service: return "box";
    case NodeKind::Vendor: return "hexagon";
    }
    return "box";
}

const char *fillOf(NodeKind k)
{
    switch (k) {
    case NodeKind::People: return "#BBDEFB";
    case NodeKind::Service: return "#C8E6C9";
    case NodeKind::Vendor: return "#FFE0B2";
    }
    return "#FFFFFF";
}

QString edgeAttributes(const Edge &e)
{
    switch (e.kind) {
    case EdgeKind::Data: {
        QStringList cats = e.categories.mid(0, 3);
        if (e.categories.size() > 3)
            cats << QStringLiteral("+%1").arg(e.categories.size() - 3);
        return QStringLiteral("color=\"#1565C0\", label=%1").arg(dotQuoted(cats.join(QStringLiteral(", "))));
    }
    case EdgeKind::Access:
        return QStringLiteral("color=\"#C62828\", style=dashed, label=%1")
            .arg(dotQuoted(QStringLiteral("access: ") + toString(e.scope)));
    case EdgeKind::Code: return QStringLiteral("color=\"#6A1B9A\", style=dotted, label=\"code\"");
    case EdgeKind::Hosts: return QStringLiteral("color=\"#2E7D32\", penwidth=2, label=\"hosts\"");
    }
    return {};
}

} // namespace

QString dotQuoted(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\') {
            out += QLatin1Char('\\');
            out += c;
        } else if (u == u'\n') {
            out += QLatin1String("\\n");
        } else if (u == u'\r') {
            continue;
        } else if (u < 0x20 || u == 0x7F) {
            out += QLatin1Char(' ');
        } else {
            out += c;
        }
    }
    // Graphviz's lexer reads \" as a backslash and an escaped quote: never end on a backslash.
    if (out.endsWith(QLatin1Char('\\')))
        out += QLatin1Char(' ');
    out += QLatin1Char('"');
    return out;
}

QByteArray exportDot(const Model &model)
{
    QString out;
    out += QStringLiteral("digraph %1 {\n").arg(dotQuoted(model.name.isEmpty() ? QStringLiteral("model") : model.name));
    out += QStringLiteral("  graph [rankdir=LR, fontname=\"Helvetica\", label=%1, labelloc=t];\n")
               .arg(dotQuoted(model.name));
    out += QStringLiteral("  node [fontname=\"Helvetica\", fontsize=10, style=filled];\n");
    out += QStringLiteral("  edge [fontname=\"Helvetica\", fontsize=8];\n");
    for (const Node *n : sortedById(model.nodes)) {
        QStringList tip{toString(n->kind)};
        if (n->vendor && n->vendor->tier)
            tip << QStringLiteral("tier %1").arg(*n->vendor->tier);
        if (n->count)
            tip << QStringLiteral("%1 people").arg(*n->count);
        if (!n->description.isEmpty())
            tip << n->description;
        out += QStringLiteral("  %1 [label=%2, shape=%3, fillcolor=\"%4\", tooltip=%5")
                   .arg(dotQuoted(n->id), dotQuoted(n->name.isEmpty() ? n->id : n->name),
                        QLatin1StringView(shapeOf(n->kind)), QLatin1StringView(fillOf(n->kind)),
                        dotQuoted(tip.join(QStringLiteral("; "))));
        if (const auto p = model.layout.constFind(n->id); p != model.layout.cend())
            out += QStringLiteral(", pos=\"%1,%2\"").arg(formatReal(p->x()), formatReal(-p->y()));
        out += QStringLiteral("];\n");
    }
    for (const Edge *e : sortedById(model.edges))
        out += QStringLiteral("  %1 -> %2 [id=%3, %4];\n")
                   .arg(dotQuoted(e->from), dotQuoted(e->to), dotQuoted(e->id), edgeAttributes(*e));
    out += QStringLiteral("}\n");
    return out.toUtf8();
}

} // namespace vg
