// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/mermaidwriter.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace vg {

namespace {

QString mermaidId(const QString &id)
{
    QString out = QStringLiteral("n_");
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_';
        out += plain ? c : QChar(u'_');
    }
    return out;
}

QString nodeShape(NodeKind k, const QString &label)
{
    switch (k) {
    case NodeKind::People: return QStringLiteral("([%1])").arg(label);
    case NodeKind::Service: return QStringLiteral("(%1)").arg(label);
    case NodeKind::Vendor: return QStringLiteral("{{%1}}").arg(label);
    }
    return QStringLiteral("[%1]").arg(label);
}

} // namespace

QString mermaidQuoted(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'"': out += QLatin1String("#quot;"); break;
        case u'#': out += QLatin1String("#35;"); break;
        case u'&': out += QLatin1String("#amp;"); break;
        case u'<': out += QLatin1String("#lt;"); break;
        case u'>': out += QLatin1String("#gt;"); break;
        case u'|': out += QLatin1String("#124;"); break;
        case u';': out += QLatin1String("#59;"); break;
        case u'%': out += QLatin1String("#37;"); break;
        case u'`': out += QLatin1String("#96;"); break;
        case u'\n':
        case u'\r':
        case u'\t': out += QLatin1Char(' '); break;
        default:
            if (c.unicode() >= 0x20 && c.unicode() != 0x7F)
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

QByteArray exportMermaid(const Model &model)
{
    QString out = QStringLiteral("flowchart LR\n");
    if (!model.name.isEmpty())
        out += QStringLiteral("  %% %1\n")
                   .arg(QString(model.name).remove(QRegularExpression(QStringLiteral("[{}\\r\\n]"))));
    QHash<QString, QString> ids;
    QSet<QString> used;
    QStringList byKind[3];
    for (const Node *n : sortedById(model.nodes)) {
        QString id = mermaidId(n->id);
        for (int i = 2; used.contains(id); ++i)
            id = mermaidId(n->id) + QStringLiteral("_%1").arg(i);
        used.insert(id);
        ids.insert(n->id, id);
        byKind[int(n->kind)] << id;
        out +=
            QStringLiteral("  %1%2\n").arg(id, nodeShape(n->kind, mermaidQuoted(n->name.isEmpty() ? n->id : n->name)));
    }
    for (const Edge *e : sortedById(model.edges)) {
        QString arrow, label;
        switch (e->kind) {
        case EdgeKind::Data: {
            arrow = QStringLiteral("-->");
            QStringList cats = e->categories.mid(0, 3);
            if (e->categories.size() > 3)
                cats << QStringLiteral("+%1").arg(e->categories.size() - 3);
            label = cats.join(QStringLiteral(", "));
            break;
        }
        case EdgeKind::Access:
            arrow = QStringLiteral("-.->");
            label = QStringLiteral("access: ") + toString(e->scope);
            break;
        case EdgeKind::Code:
            arrow = QStringLiteral("==>");
            label = QStringLiteral("code");
            break;
        case EdgeKind::Hosts:
            arrow = QStringLiteral("--->");
            label = QStringLiteral("hosts");
            break;
        }
        out +=
            QStringLiteral("  %1 %2|%3| %4\n").arg(ids.value(e->from), arrow, mermaidQuoted(label), ids.value(e->to));
    }
    const char *classes[3] = {"people", "service", "vendor"};
    const char *fills[3] = {"#BBDEFB", "#C8E6C9", "#FFE0B2"};
    for (int k = 0; k < 3; ++k) {
        out += QStringLiteral("  classDef %1 fill:%2,stroke:#424242,color:#000000\n")
                   .arg(QLatin1StringView(classes[k]), QLatin1StringView(fills[k]));
        if (!byKind[k].isEmpty())
            out +=
                QStringLiteral("  class %1 %2\n").arg(byKind[k].join(QLatin1Char(',')), QLatin1StringView(classes[k]));
    }
    return out.toUtf8();
}

} // namespace vg
