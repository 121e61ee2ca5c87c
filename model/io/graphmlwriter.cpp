// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/graphmlwriter.h"

#include "model/io/fieldcodec.h"
#include "model/io/interchangefields.h"
#include "model/io/jsonwriter.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QXmlStreamWriter>

namespace vg {

namespace {

const QString kYNamespace = QStringLiteral("http://www.yworks.com/xml/graphml");

// XML 1.0 cannot carry most control characters, lone surrogates or U+FFFE/U+FFFF.
QString xmlSafe(const QString &s)
{
    QString out = s;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const char16_t u = out[i].unicode();
        const bool control = u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r';
        bool badSurrogate = false;
        if (QChar::isHighSurrogate(u))
            badSurrogate = i + 1 >= out.size() || !QChar::isLowSurrogate(out[i + 1].unicode());
        else if (QChar::isLowSurrogate(u))
            badSurrogate = i == 0 || !QChar::isHighSurrogate(out[i - 1].unicode());
        if (control || badSurrogate || u == 0xFFFE || u == 0xFFFF)
            out[i] = QChar(0xFFFD);
    }
    return out;
}

struct KindStyle {
    const char *shape;
    const char *fill;
};

KindStyle styleOf(NodeKind k)
{
    switch (k) {
    case NodeKind::People: return {"ellipse", "#BBDEFB"};
    case NodeKind::Service: return {"roundrectangle", "#C8E6C9"};
    case NodeKind::Vendor: return {"hexagon", "#FFE0B2"};
    }
    return {"rectangle", "#FFFFFF"};
}

struct EdgeStyle {
    const char *color;
    const char *line;
    const char *width;
};

EdgeStyle styleOf(EdgeKind k)
{
    switch (k) {
    case EdgeKind::Data: return {"#1565C0", "line", "1.0"};
    case EdgeKind::Access: return {"#C62828", "dashed", "1.5"};
    case EdgeKind::Code: return {"#6A1B9A", "dotted", "1.5"};
    case EdgeKind::Hosts: return {"#2E7D32", "line", "2.0"};
    }
    return {"#000000", "line", "1.0"};
}

QString edgeLabel(const Edge &e)
{
    switch (e.kind) {
    case EdgeKind::Data: {
        QStringList cats = e.categories.mid(0, 3);
        if (e.categories.size() > 3)
            cats << QStringLiteral("+%1").arg(e.categories.size() - 3);
        return cats.join(QStringLiteral(", "));
    }
    case EdgeKind::Access: return QStringLiteral("access: ") + toString(e.scope);
    case EdgeKind::Code: return QStringLiteral("code");
    case EdgeKind::Hosts: return QStringLiteral("hosts");
    }
    return {};
}

QString number(double v) { return formatReal(v); }

class Writer final {
public:
    explicit Writer(const Model &m) : m_model(m), m_xml(&m_out) { m_xml.setAutoFormatting(true); }

    QByteArray run()
    {
        m_xml.writeStartDocument();
        m_xml.writeNamespace(QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"), QStringLiteral("xsi"));
        m_xml.writeNamespace(kYNamespace, QStringLiteral("y"));
        m_xml.writeStartElement(QStringLiteral("graphml"));
        m_xml.writeDefaultNamespace(QStringLiteral("http://graphml.graphdrawing.org/xmlns"));
        m_xml.writeAttribute(QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"),
                             QStringLiteral("schemaLocation"),
                             QStringLiteral("http://graphml.graphdrawing.org/xmlns "
                                            "http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"));
        keys();
        m_xml.writeStartElement(QStringLiteral("graph"));
        m_xml.writeAttribute(QStringLiteral("id"), QStringLiteral("G"));
        m_xml.writeAttribute(QStringLiteral("edgedefault"), QStringLiteral("directed"));
        graphData();
        placeUnpositioned();
        for (const Node *n : sortedById(m_model.nodes))
            node(*n);
        for (const Edge *e : sortedById(m_model.edges))
            edge(*e);
        m_xml.writeEndElement(); // graph
        m_xml.writeStartElement(QStringLiteral("data"));
        m_xml.writeAttribute(QStringLiteral("key"), QStringLiteral("resources"));
        m_xml.writeEmptyElement(kYNamespace, QStringLiteral("Resources"));
        m_xml.writeEndElement();
        m_xml.writeEndElement(); // graphml
        m_xml.writeEndDocument();
        return m_out;
    }

private:
    QString keyId() { return QStringLiteral("d%1").arg(m_nextKey++); }

    QString declare(const char *forWhat, const QString &name, const char *type)
    {
        const QString id = keyId();
        m_xml.writeEmptyElement(QStringLiteral("key"));
        m_xml.writeAttribute(QStringLiteral("id"), id);
        m_xml.writeAttribute(QStringLiteral("for"), QLatin1StringView(forWhat));
        m_xml.writeAttribute(QStringLiteral("attr.name"), xmlSafe(name));
        m_xml.writeAttribute(QStringLiteral("attr.type"), QLatin1StringView(type));
        return id;
    }

    void keys()
    {
        for (const char *g : {"format", "name", "organization", "categories"})
            m_graphKeys.insert(QLatin1StringView(g), declare("graph", QLatin1StringView(g), "string"));
        m_graphKeys.insert(QStringLiteral("format_version"), declare("graph", QStringLiteral("format_version"), "int"));
        for (const NodeField &f : nodeFields())
            if ((f.formats & InGraphml) && qstrcmp(f.name, "id") != 0)
                m_nodeKeys.push_back({&f, declare("node", QLatin1StringView(f.name), graphmlTypeName(f.type))});
        QSet<QString> attributeKeys;
        for (const Node &n : m_model.nodes)
            for (auto it = n.attributes.cbegin(); it != n.attributes.cend(); ++it)
                attributeKeys.insert(it.key());
        QStringList sorted = attributeKeys.values();
        sorted.sort();
        for (const QString &k : sorted)
            m_attributeKeys.insert(k, declare("node", kAttributePrefix + k, "string"));
        for (const EdgeField &f : edgeFields())
            if ((f.formats & InGraphml) && qstrcmp(f.name, "id") != 0)
                m_edgeKeys.push_back({&f, declare("edge", QLatin1StringView(f.name), graphmlTypeName(f.type))});
        for (const auto &[id, forWhat, type] :
             {std::tuple{"nodegraphics", "node", "nodegraphics"}, std::tuple{"edgegraphics", "edge", "edgegraphics"},
              std::tuple{"resources", "graphml", "resources"}}) {
            m_xml.writeEmptyElement(QStringLiteral("key"));
            m_xml.writeAttribute(QStringLiteral("id"), QLatin1StringView(id));
            m_xml.writeAttribute(QStringLiteral("for"), QLatin1StringView(forWhat));
            m_xml.writeAttribute(QStringLiteral("yfiles.type"), QLatin1StringView(type));
        }
    }

    // XML readers turn a literal CR (and CRLF) into LF; a character reference keeps it.
    void text(const QString &value)
    {
        const QStringList parts = xmlSafe(value).split(QLatin1Char('\r'));
        for (qsizetype i = 0; i < parts.size(); ++i) {
            if (i > 0)
                m_xml.writeEntityReference(QStringLiteral("#13"));
            if (!parts[i].isEmpty())
                m_xml.writeCharacters(parts[i]);
        }
    }

    void data(const QString &key, const QString &value)
    {
        m_xml.writeStartElement(QStringLiteral("data"));
        m_xml.writeAttribute(QStringLiteral("key"), key);
        text(value);
        m_xml.writeEndElement();
    }

    void graphData()
    {
        data(m_graphKeys.value(QStringLiteral("format")), QStringLiteral("vendorgraph"));
        data(m_graphKeys.value(QStringLiteral("format_version")), QStringLiteral("1"));
        if (!m_model.name.isEmpty())
            data(m_graphKeys.value(QStringLiteral("name")), m_model.name);
        if (m_model.organization)
            data(m_graphKeys.value(QStringLiteral("organization")),
                 QString::fromUtf8(toJsonText(*m_model.organization)));
        if (!m_model.categories.empty()) {
            QJsonArray a;
            for (const CategoryDef *c : sortedById(m_model.categories)) {
                QJsonObject o{{QStringLiteral("id"), c->id}};
                if (c->name)
                    o.insert(QStringLiteral("name"), *c->name);
                if (c->tier)
                    o.insert(QStringLiteral("tier"), *c->tier);
                if (c->flags)
                    o.insert(QStringLiteral("flags"), QJsonArray::fromStringList(*c->flags));
                a.append(o);
            }
            data(m_graphKeys.value(QStringLiteral("categories")),
                 QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact)));
        }
    }

    // Nodes without a position get one in a column per kind, below the positioned ones.
    void placeUnpositioned()
    {
        double bottom = 0;
        for (auto it = m_model.layout.cbegin(); it != m_model.layout.cend(); ++it)
            bottom = std::max(bottom, it->y());
        const double top = m_model.layout.isEmpty() ? 0 : bottom + 120;
        int row[3] = {0, 0, 0};
        for (const Node *n : sortedById(m_model.nodes)) {
            if (m_model.layout.contains(n->id))
                continue;
            const int k = int(n->kind);
            m_auto.insert(n->id, QPointF(k * 320.0, top + 80.0 * row[k]++));
        }
    }

    void node(const Node &n)
    {
        m_xml.writeStartElement(QStringLiteral("node"));
        m_xml.writeAttribute(QStringLiteral("id"), n.id);
        const auto layoutIt = m_model.layout.constFind(n.id);
        const QPointF *pos = layoutIt != m_model.layout.cend() ? &*layoutIt : nullptr;
        for (const auto &[field, key] : m_nodeKeys) {
            QString v = field->get(n, pos);
            if (qstrcmp(field->name, "auto_position") == 0 && !pos) {
                const QPointF a = m_auto.value(n.id);
                v = number(a.x()) + QLatin1Char(' ') + number(a.y());
            }
            if (!v.isEmpty())
                data(key, v);
        }
        for (auto it = n.attributes.cbegin(); it != n.attributes.cend(); ++it)
            data(m_attributeKeys.value(it.key()), *it);

        const QPointF centre = pos ? *pos : m_auto.value(n.id);
        const QString label = n.name.isEmpty() ? n.id : n.name;
        const double width = std::clamp(double(label.size()) * 7.0 + 24.0, 80.0, 260.0);
        const double height = n.kind == NodeKind::People ? 50.0 : 40.0;
        const KindStyle style = styleOf(n.kind);
        m_xml.writeStartElement(QStringLiteral("data"));
        m_xml.writeAttribute(QStringLiteral("key"), QStringLiteral("nodegraphics"));
        m_xml.writeStartElement(kYNamespace, QStringLiteral("ShapeNode"));
        m_xml.writeEmptyElement(kYNamespace, QStringLiteral("Geometry"));
        m_xml.writeAttribute(QStringLiteral("height"), number(height));
        m_xml.writeAttribute(QStringLiteral("width"), number(width));
        m_xml.writeAttribute(QStringLiteral("x"), number(centre.x() - width / 2));
        m_xml.writeAttribute(QStringLiteral("y"), number(centre.y() - height / 2));
        m_xml.writeEmptyElement(kYNamespace, QStringLiteral("Fill"));
        m_xml.writeAttribute(QStringLiteral("color"), QLatin1StringView(style.fill));
        m_xml.writeAttribute(QStringLiteral("transparent"), QStringLiteral("false"));
        m_xml.writeEmptyElement(kYNamespace, QStringLiteral("BorderStyle"));
        m_xml.writeAttribute(QStringLiteral("color"), QStringLiteral("#424242"));
        m_xml.writeAttribute(QStringLiteral("type"), QStringLiteral("line"));
        m_xml.writeAttribute(QStringLiteral("width"), QStringLiteral("1.0"));
        m_xml.writeStartElement(kYNamespace, QStringLiteral("NodeLabel"));
        m_xml.writeAttribute(QStringLiteral("alignment"), QStringLiteral("center"));
        m_xml.writeAttribute(QStringLiteral("autoSizePolicy"), QStringLiteral("content"));
        m_xml.writeAttribute(QStringLiteral("fontFamily"), QStringLiteral("Dialog"));
        m_xml.writeAttribute(QStringLiteral("fontSize"), QStringLiteral("12"));
        m_xml.writeAttribute(QStringLiteral("fontStyle"), QStringLiteral("plain"));
        m_xml.writeAttribute(QStringLiteral("modelName"), QStringLiteral("internal"));
        m_xml.writeAttribute(QStringLiteral("modelPosition"), QStringLiteral("c"));
        m_xml.writeAttribute(QStringLiteral("textColor"), QStringLiteral("#000000"));
        m_xml.writeAttribute(QStringLiteral("visible"), QStringLiteral("true"));
        text(label);
        m_xml.writeEndElement(); // NodeLabel
        m_xml.writeEmptyElement(kYNamespace, QStringLiteral("Shape"));
        m_xml.writeAttribute(QStringLiteral("type"), QLatin1StringView(style.shape));
        m_xml.writeEndElement(); // ShapeNode
        m_xml.writeEndElement(); // data
        m_xml.writeEndElement(); // node
    }

    void edge(const Edge &e)
    {
        m_xml.writeStartElement(QStringLiteral("edge"));
        m_xml.writeAttribute(QStringLiteral("id"), e.id);
        m_xml.writeAttribute(QStringLiteral("source"), e.from);
        m_xml.writeAttribute(QStringLiteral("target"), e.to);
        for (const auto &[field, key] : m_edgeKeys)
            if (const QString v = field->get(e); !v.isEmpty())
                data(key, v);
        const EdgeStyle style = styleOf(e.kind);
        m_xml.writeStartElement(QStringLiteral("data"));
        m_xml.writeAttribute(QStringLiteral("key"), QStringLiteral("edgegraphics"));
        m_xml.writeStartElement(kYNamespace, QStringLiteral("PolyLineEdge"));
        m_xml.writeEmptyElement(kYNamespace, QStringLiteral("LineStyle"));
        m_xml.writeAttribute(QStringLiteral("color"), QLatin1StringView(style.color));
        m_xml.writeAttribute(QStringLiteral("type"), QLatin1StringView(style.line));
        m_xml.writeAttribute(QStringLiteral("width"), QLatin1StringView(style.width));
        m_xml.writeEmptyElement(kYNamespace, QStringLiteral("Arrows"));
        m_xml.writeAttribute(QStringLiteral("source"), QStringLiteral("none"));
        m_xml.writeAttribute(QStringLiteral("target"), QStringLiteral("standard"));
        m_xml.writeStartElement(kYNamespace, QStringLiteral("EdgeLabel"));
        m_xml.writeAttribute(QStringLiteral("fontSize"), QStringLiteral("10"));
        m_xml.writeAttribute(QStringLiteral("textColor"), QLatin1StringView(style.color));
        m_xml.writeAttribute(QStringLiteral("visible"), QStringLiteral("true"));
        text(edgeLabel(e));
        m_xml.writeEndElement(); // EdgeLabel
        m_xml.writeEmptyElement(kYNamespace, QStringLiteral("BendStyle"));
        m_xml.writeAttribute(QStringLiteral("smoothed"), QStringLiteral("false"));
        m_xml.writeEndElement(); // PolyLineEdge
        m_xml.writeEndElement(); // data
        m_xml.writeEndElement(); // edge
    }

    const Model &m_model;
    QByteArray m_out;
    QXmlStreamWriter m_xml;
    int m_nextKey = 0;
    QHash<QString, QString> m_graphKeys;
    std::vector<std::pair<const NodeField *, QString>> m_nodeKeys;
    std::vector<std::pair<const EdgeField *, QString>> m_edgeKeys;
    QHash<QString, QString> m_attributeKeys;
    QHash<QString, QPointF> m_auto;
};

} // namespace

QByteArray exportGraphml(const Model &model) { return Writer(model).run(); }

} // namespace vg
