// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/graphmlreader.h"

#include "model/io/guardedxmlreader.h"

namespace vg {

namespace {

using L = QLatin1StringView;

struct Key {
    QString name; // attr.name, or the id
    QString forWhat; // node, edge, graph, all, ...
    QString yfilesType; // nodegraphics, edgegraphics, resources, ...
    QString defaultValue;
    int nodeColumn = -1, edgeColumn = -1;
};

class GraphmlReader final {
public:
    GraphmlReader(const QByteArray &bytes, qsizetype maxElements) : m_r(bytes), m_max(maxElements) { }

    Expected<GraphDocument> run(const QString &file)
    {
        m_doc.format = QStringLiteral("GraphML");
        if (const QString e =
                m_r.readDocument(L("graphml"), QStringLiteral("a GraphML file"), [this] { return graphml(); });
            !e.isEmpty())
            return Error(file, e);
        fillDefaults(m_doc.nodes, true);
        fillDefaults(m_doc.edges, false);
        if (m_sawYfiles && m_doc.producer.isEmpty())
            m_doc.producer = QStringLiteral("yEd");
        if (m_doc.graphData.value(QStringLiteral("format")) == u"vendorgraph")
            m_doc.producer = QStringLiteral("VendorGraph");
        return std::move(m_doc);
    }

private:
    bool graphml()
    {
        while (m_r.next()) {
            if (m_r.isEnd())
                return true;
            if (m_r.isStart(L("key"))) {
                if (!key())
                    return false;
            } else if (m_r.isStart(L("graph"))) {
                if (!graph(QString(), true))
                    return false;
            } else if (m_r.isStart(L("data"))) {
                if (!graphData())
                    return false;
            } else if (m_r.isStart() && !m_r.skipElement()) {
                return false;
            }
        }
        return !m_r.failed() && m_r.fail(QStringLiteral("the file ends before </graphml>"));
    }

    bool key()
    {
        Key k;
        const QString id = m_r.attribute(L("id"));
        k.name = m_r.attribute(L("attr.name"));
        if (k.name.isEmpty())
            k.name = id;
        k.forWhat = m_r.attribute(L("for"));
        k.yfilesType = m_r.attribute(L("yfiles.type"));
        if (!k.yfilesType.isEmpty())
            m_sawYfiles = true;
        while (m_r.next()) {
            if (m_r.isEnd())
                break;
            if (m_r.isStart(L("default"))) {
                if (!m_r.elementText(&k.defaultValue))
                    return false;
            } else if (m_r.isStart() && !m_r.skipElement()) {
                return false;
            }
        }
        if (m_r.failed())
            return false;
        if (k.forWhat.isEmpty())
            k.forWhat = QStringLiteral("all"); // the GraphML default
        if (k.yfilesType.isEmpty() && !k.name.isEmpty()) {
            if (k.forWhat == u"node" || k.forWhat == u"all")
                k.nodeColumn = addColumn(m_doc.nodes, k.name);
            if (k.forWhat == u"edge" || k.forWhat == u"all")
                k.edgeColumn = addColumn(m_doc.edges, k.name);
        }
        // Some tools (Cytoscape) reuse one key id for a node key and an edge key.
        m_keys.insert(k.forWhat + QLatin1Char('\x1f') + id, k);
        return true;
    }

    static int addColumn(RecordTable &t, const QString &name)
    {
        const qsizetype existing = t.columns.indexOf(name);
        if (existing >= 0)
            return int(existing);
        t.columns << name;
        return int(t.columns.size() - 1);
    }

    bool graphData()
    {
        const Key *found = findKey(m_r.attribute(L("key")), QStringLiteral("graph"));
        const Key k = found ? *found : Key();
        QString text;
        if (!m_r.elementText(&text))
            return false;
        if (!k.name.isEmpty() && k.yfilesType.isEmpty())
            m_doc.graphData.insert(k.name, text);
        return true;
    }

    bool graph(const QString &group, bool top)
    {
        if (m_r.attribute(L("edgedefault")) == u"undirected" && top)
            m_doc.undirected = true;
        while (m_r.next()) {
            if (m_r.isEnd())
                return true;
            if (m_r.isStart(L("node"))) {
                if (!node(group))
                    return false;
            } else if (m_r.isStart(L("edge"))) {
                if (!edge())
                    return false;
            } else if (m_r.isStart(L("data")) && top) {
                if (!graphData())
                    return false;
            } else if (m_r.isStart(L("hyperedge"))) {
                note(QStringLiteral("hyperedges are not imported"));
                if (!m_r.skipElement())
                    return false;
            } else if (m_r.isStart() && !m_r.skipElement()) {
                return false;
            }
        }
        return !m_r.failed() && m_r.fail(QStringLiteral("the file ends inside a <graph>"));
    }

    bool counted()
    {
        if (qsizetype(m_doc.nodes.rows.size() + m_doc.edges.rows.size()) >= m_max)
            return m_r.fail(QStringLiteral("more than %1 nodes and edges").arg(m_max));
        return true;
    }

    bool node(const QString &group)
    {
        if (!counted())
            return false;
        RecordRow row;
        row.line = m_r.line();
        row.elementId = m_r.attribute(L("id"));
        row.group = group;
        row.cells.resize(m_doc.nodes.columns.size());
        if (row.elementId.isEmpty())
            return m_r.fail(QStringLiteral("a <node> without an id"));
        const std::size_t index = m_doc.nodes.rows.size();
        m_doc.nodes.rows.push_back(row);
        while (m_r.next()) {
            if (m_r.isEnd())
                return true;
            RecordRow &self = m_doc.nodes.rows[index];
            if (m_r.isStart(L("data"))) {
                if (!data(self, m_doc.nodes, true))
                    return false;
            } else if (m_r.isStart(L("graph"))) {
                self.isGroup = true;
                QString name = self.label;
                const qsizetype nameColumn = m_doc.nodes.columns.indexOf(QStringLiteral("name"));
                if (name.isEmpty() && nameColumn >= 0 && nameColumn < self.cells.size())
                    name = self.cells[nameColumn];
                if (name.isEmpty())
                    name = self.elementId;
                const QString inner = group.isEmpty() ? name : group + QStringLiteral(" / ") + name;
                if (!graph(inner, false))
                    return false;
            } else if (m_r.isStart(L("port"))) {
                note(QStringLiteral("ports are not imported; edges attach to their nodes"));
                if (!m_r.skipElement())
                    return false;
            } else if (m_r.isStart() && !m_r.skipElement()) {
                return false;
            }
        }
        return !m_r.failed() && m_r.fail(QStringLiteral("the file ends inside a <node>"));
    }

    bool edge()
    {
        if (!counted())
            return false;
        RecordRow row;
        row.line = m_r.line();
        row.elementId = m_r.attribute(L("id"));
        row.source = m_r.attribute(L("source"));
        row.target = m_r.attribute(L("target"));
        row.cells.resize(m_doc.edges.columns.size());
        if (row.source.isEmpty() || row.target.isEmpty())
            return m_r.fail(QStringLiteral("an <edge> without a source or a target"));
        while (m_r.next()) {
            if (m_r.isEnd()) {
                m_doc.edges.rows.push_back(std::move(row));
                return true;
            }
            if (m_r.isStart(L("data"))) {
                if (!data(row, m_doc.edges, false))
                    return false;
            } else if (m_r.isStart() && !m_r.skipElement()) {
                return false;
            }
        }
        return !m_r.failed() && m_r.fail(QStringLiteral("the file ends inside an <edge>"));
    }

    bool data(RecordRow &row, RecordTable &table, bool isNode)
    {
        const Key *key = findKey(m_r.attribute(L("key")), isNode ? QStringLiteral("node") : QStringLiteral("edge"));
        if (!key)
            return m_r.skipElement(); // data for an undeclared key: tools disagree on it, so it is ignored
        if (key->yfilesType == u"nodegraphics" || key->yfilesType == u"edgegraphics")
            return graphics(row);
        if (!key->yfilesType.isEmpty())
            return m_r.skipElement();
        const int column = isNode ? key->nodeColumn : key->edgeColumn;
        QString text;
        if (!m_r.elementText(&text))
            return false;
        if (column >= 0) {
            if (row.cells.size() < table.columns.size())
                row.cells.resize(table.columns.size());
            if (column < row.cells.size())
                row.cells[column] = text;
        }
        return true;
    }

    // yEd's graphics: the first label text, the first geometry (as the centre).
    bool graphics(RecordRow &row)
    {
        const int depth = m_r.depth();
        bool haveGeometry = false;
        while (m_r.next()) {
            if (m_r.isEnd() && m_r.depth() == depth - 1)
                return true;
            if (!m_r.isStart())
                continue;
            const QStringView name = m_r.xml().name();
            if (name == u"Geometry" && !haveGeometry && row.source.isEmpty()) {
                const QXmlStreamAttributes a = m_r.xml().attributes();
                bool okX = false, okY = false;
                const double x = a.value(L("x")).toDouble(&okX), y = a.value(L("y")).toDouble(&okY);
                const double w = a.value(L("width")).toDouble(), h = a.value(L("height")).toDouble();
                if (okX && okY) {
                    row.position = QPointF(x + w / 2, y + h / 2);
                    haveGeometry = true;
                }
            } else if ((name == u"NodeLabel" || name == u"EdgeLabel") && row.label.isEmpty()) {
                QString text;
                if (!m_r.elementText(&text))
                    return false;
                row.label = text.simplified();
            }
        }
        return !m_r.failed() && m_r.fail(QStringLiteral("the file ends inside a <data> element"));
    }

    void fillDefaults(RecordTable &t, bool isNode)
    {
        QList<QPair<int, QString>> defaults;
        for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it) {
            if (it->defaultValue.isEmpty() || !it->yfilesType.isEmpty())
                continue;
            const int column = isNode ? it->nodeColumn : it->edgeColumn;
            if (column >= 0)
                defaults.append({column, it->defaultValue});
        }
        for (RecordRow &row : t.rows) {
            row.cells.resize(t.columns.size());
            for (const auto &[column, value] : defaults)
                if (row.cells[column].isEmpty())
                    row.cells[column] = value;
        }
    }

    const Key *findKey(const QString &id, const QString &scope) const
    {
        for (const QString &f : {scope, QStringLiteral("all")})
            if (auto it = m_keys.constFind(f + QLatin1Char('\x1f') + id); it != m_keys.cend())
                return &*it;
        return nullptr;
    }

    void note(const QString &what)
    {
        if (!m_doc.notes.contains(what))
            m_doc.notes << what;
    }

    GuardedXmlReader m_r;
    qsizetype m_max;
    GraphDocument m_doc;
    QHash<QString, Key> m_keys; // by "for" and id

    bool m_sawYfiles = false;
};

} // namespace

Expected<GraphDocument> readGraphml(const QByteArray &bytes, const QString &fileName, qsizetype maxElements)
{
    return GraphmlReader(bytes, maxElements).run(fileName);
}

} // namespace vg
