// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/document/document.h"

#include "model/io/modelfile.h"

#include <QFileInfo>

namespace vg {

Document::Document(QObject *parent) : QObject(parent)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

QString Document::displayName() const
{
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    return m_model.name.isEmpty() ? tr("Untitled") : m_model.name;
}

void Document::reset(Model model, const QString &filePath)
{
    m_model = std::move(model);
    m_nodeRows.clear();
    for (std::size_t i = 0; i < m_model.nodes.size(); ++i)
        m_nodeRows.insert(m_model.nodes[i].id, int(i));
    m_undo.clear();
    m_filePath = filePath;
    Q_EMIT modelReset();
    Q_EMIT filePathChanged(m_filePath);
    Q_EMIT modifiedChanged(false);
}

Status Document::open(const QString &path)
{
    Expected<Model> m = loadModel(path);
    if (!m)
        return m.error();
    reset(std::move(*m), QFileInfo(path).absoluteFilePath());
    return Done{};
}

Status Document::saveAs(const QString &path)
{
    Status s = saveModel(m_model, path);
    if (!s)
        return s;
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_undo.setClean();
    Q_EMIT filePathChanged(m_filePath);
    return s;
}

void Document::setNodeText(const QString &id, NodeText field, const QString &value)
{
    const int row = nodeRow(id);
    if (row < 0)
        return;
    Node &n = m_model.nodes[std::size_t(row)];
    (field == NodeText::Name ? n.name : n.description) = value;
    Q_EMIT nodeChanged(row);
}

QString Document::nodeText(const QString &id, NodeText field) const
{
    const int row = nodeRow(id);
    if (row < 0)
        return {};
    const Node &n = m_model.nodes[std::size_t(row)];
    return field == NodeText::Name ? n.name : n.description;
}

EditNodeTextCommand::EditNodeTextCommand(Document *doc, QString nodeId, Document::NodeText field, QString value)
    : m_doc(doc), m_nodeId(std::move(nodeId)), m_field(field), m_old(doc->nodeText(m_nodeId, field)),
      m_new(std::move(value))
{
    setText(field == Document::NodeText::Name ? QObject::tr("Rename %1").arg(m_nodeId)
                                              : QObject::tr("Edit description of %1").arg(m_nodeId));
}

void EditNodeTextCommand::undo() { m_doc->setNodeText(m_nodeId, m_field, m_old); }
void EditNodeTextCommand::redo() { m_doc->setNodeText(m_nodeId, m_field, m_new); }

bool EditNodeTextCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const EditNodeTextCommand *>(other);
    if (o->m_nodeId != m_nodeId || o->m_field != m_field)
        return false;
    m_new = o->m_new;
    return true;
}

} // namespace vg
