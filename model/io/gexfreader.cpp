// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/gexfreader.h"

#include "model/io/guardedxmlreader.h"

#include <functional>

namespace vg {

namespace {

using L = QLatin1StringView;

struct Attribute {
    int column = -1;
    QString defaultValue;
};

class GexfReader final {
public:
    GexfReader(const QByteArray &bytes, qsizetype maxElements) : m_r(bytes), m_max(maxElements) { }

    Expected<GraphDocument> run(const QString &file)
    {
        m_doc.format = QStringLiteral("GEXF");
        if (const QString e = m_r.readDocument(L("gexf"), QStringLiteral("a GEXF file"), [this] { return gexf(); });
            !e.isEmpty())
            return Error(file, e);
        fillDefaults(m_doc.nodes, m_nodeAttributes);
        fillDefaults(m_doc.edges, m_edgeAttributes);
        resolveParents();
        return std::move(m_doc);
    }

private:
    bool children(const std::function<bool()> &onStart)
    {
        while (m_r.next()) {
            if (m_r.isEnd())
                return true;
            if (m_r.isStart() && !onStart())
                return false;
        }
        return !m_r.failed() && m_r.fail(QStringLiteral("the file ends inside an element"));
    }

    bool gexf()
    {
        return children([&] {
            if (m_r.isStart(L("meta")))
                return meta();
            if (m_r.isStart(L("graph")))
                return graph();
            return m_r.skipElement();
        });
    }

    bool meta()
    {
        return children([&] {
            if (m_r.isStart(L("creator"))) {
                QString creator;
                if (!m_r.elementText(&creator))
                    return false;
                m_doc.producer = creator.trimmed().left(100);
                return true;
            }
            return m_r.skipElement();
        });
    }

    bool graph()
    {
        m_doc.undirected = m_r.attribute(L("defaultedgetype")) == u"undirected";
        return children([&] {
            if (m_r.isStart(L("attributes")))
                return attributes();
            if (m_r.isStart(L("nodes")))
                return nodes(QString());
            if (m_r.isStart(L("edges")))
                return edges();
            return m_r.skipElement();
        });
    }

    bool attributes()
    {
        const bool forNodes = m_r.attribute(L("class")) != u"edge";
        RecordTable &table = forNodes ? m_doc.nodes : m_doc.edges;
        QHash<QString, Attribute> &declared = forNodes ? m_nodeAttributes : m_edgeAttributes;
        return children([&] {
            if (!m_r.isStart(L("attribute")))
                return m_r.skipElement();
            const QString id = m_r.attribute(L("id"));
            QString title = m_r.attribute(L("title"));
            if (title.isEmpty())
                title = id;
            Attribute a;
            a.column = int(table.columns.indexOf(title));
            if (a.column < 0) {
                table.columns << title;
                a.column = int(table.columns.size() - 1);
            }
            const bool ok = children([&] {
                if (m_r.isStart(L("default")))
                    return m_r.elementText(&a.defaultValue);
                return m_r.skipElement();
            });
            declared.insert(id, a);
            return ok;
        });
    }

    bool counted()
    {
        if (qsizetype(m_doc.nodes.rows.size() + m_doc.edges.rows.size()) >= m_max)
            return m_r.fail(QStringLiteral("more than %1 nodes and edges").arg(m_max));
        return true;
    }

    bool nodes(const QString &group)
    {
        return children([&] {
            if (!m_r.isStart(L("node")))
                return m_r.skipElement();
            if (!counted())
                return false;
            RecordRow row;
            row.line = m_r.line();
            row.elementId = m_r.attribute(L("id"));
            row.label = m_r.attribute(L("label"));
            row.group = group;
            if (row.elementId.isEmpty())
                return m_r.fail(QStringLiteral("a <node> without an id"));
            const QString pid = m_r.attribute(L("pid"));
            if (!pid.isEmpty())
                m_parentOf.insert(m_doc.nodes.rows.size(), pid);
            const std::size_t index = m_doc.nodes.rows.size();
            m_doc.nodes.rows.push_back(row);
            return children([&] {
                if (m_r.isStart(L("attvalues")))
                    return attvalues(m_doc.nodes.rows[index], m_doc.nodes, m_nodeAttributes);
                if (m_r.isStart(L("position"))) {
                    bool okX = false, okY = false;
                    const double x = m_r.xml().attributes().value(L("x")).toDouble(&okX);
                    const double y = m_r.xml().attributes().value(L("y")).toDouble(&okY);
                    if (okX && okY)
                        m_doc.nodes.rows[index].position = QPointF(x, y);
                    return m_r.skipElement();
                }
                if (m_r.isStart(L("nodes"))) {
                    RecordRow &self = m_doc.nodes.rows[index];
                    self.isGroup = true;
                    const QString name = self.label.isEmpty() ? self.elementId : self.label;
                    return nodes(group.isEmpty() ? name : group + QStringLiteral(" / ") + name);
                }
                return m_r.skipElement();
            });
        });
    }

    bool edges()
    {
        return children([&] {
            if (!m_r.isStart(L("edge")))
                return m_r.skipElement();
            if (!counted())
                return false;
            RecordRow row;
            row.line = m_r.line();
            row.elementId = m_r.attribute(L("id"));
            row.source = m_r.attribute(L("source"));
            row.target = m_r.attribute(L("target"));
            row.label = m_r.attribute(L("label"));
            if (row.source.isEmpty() || row.target.isEmpty())
                return m_r.fail(QStringLiteral("an <edge> without a source or a target"));
            const bool ok = children([&] {
                if (m_r.isStart(L("attvalues")))
                    return attvalues(row, m_doc.edges, m_edgeAttributes);
                return m_r.skipElement();
            });
            m_doc.edges.rows.push_back(std::move(row));
            return ok;
        });
    }

    bool attvalues(RecordRow &row, RecordTable &table, const QHash<QString, Attribute> &declared)
    {
        return children([&] {
            if (!m_r.isStart(L("attvalue")))
                return m_r.skipElement();
            QString id = m_r.attribute(L("for"));
            if (id.isEmpty())
                id = m_r.attribute(L("id"));
            const QString value = m_r.attribute(L("value"));
            const auto it = declared.constFind(id);
            if (it != declared.cend()) {
                if (row.cells.size() < table.columns.size())
                    row.cells.resize(table.columns.size());
                row.cells[it->column] = value;
            }
            return m_r.skipElement();
        });
    }

    static void fillDefaults(RecordTable &t, const QHash<QString, Attribute> &declared)
    {
        for (RecordRow &row : t.rows) {
            row.cells.resize(t.columns.size());
            for (const Attribute &a : declared)
                if (!a.defaultValue.isEmpty() && row.cells[a.column].isEmpty())
                    row.cells[a.column] = a.defaultValue;
        }
    }

    // GEXF 1.x may give a node's parent with pid="..." instead of nesting.
    void resolveParents()
    {
        if (m_parentOf.isEmpty())
            return;
        QHash<QString, std::size_t> byId;
        for (std::size_t i = 0; i < m_doc.nodes.rows.size(); ++i)
            byId.insert(m_doc.nodes.rows[i].elementId, i);
        for (auto it = m_parentOf.cbegin(); it != m_parentOf.cend(); ++it) {
            QStringList path;
            QString parent = *it;
            for (int guard = 0; guard < 64 && byId.contains(parent); ++guard) {
                RecordRow &p = m_doc.nodes.rows[byId.value(parent)];
                p.isGroup = true;
                path.prepend(p.label.isEmpty() ? p.elementId : p.label);
                const auto up = m_parentOf.constFind(byId.value(parent));
                if (up == m_parentOf.cend())
                    break;
                parent = *up;
            }
            m_doc.nodes.rows[it.key()].group = path.join(QStringLiteral(" / "));
        }
    }

    GuardedXmlReader m_r;
    qsizetype m_max;
    GraphDocument m_doc;
    QHash<QString, Attribute> m_nodeAttributes, m_edgeAttributes;
    QHash<std::size_t, QString> m_parentOf; // node row -> pid
};

} // namespace

Expected<GraphDocument> readGexf(const QByteArray &bytes, const QString &fileName, qsizetype maxElements)
{
    return GexfReader(bytes, maxElements).run(fileName);
}

} // namespace vg
