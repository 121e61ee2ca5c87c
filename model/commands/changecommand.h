// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/commands/commandids.h"
#include "model/document/changeset.h"

#include <QUndoCommand>

namespace vg {

class Document;

// The undo command of every edit: redo applies the change, undo applies its inverse, both
// through Document::apply(). The document must outlive the command (it owns the stack).
//
// A command made with a merge key merges with the next one of the same id and key: their
// changes must only put the same items or move the same nodes (a drag, typing in one field),
// so that the merged command redoes the last state and undoes to the first.
class ChangeCommand : public QUndoCommand {
public:
    ChangeCommand(Document *doc, ChangeSet change, const QString &text, CommandId id = CommandId(-1),
                  QString mergeKey = {});
    void redo() override;
    void undo() override;
    int id() const override { return m_mergeKey.isEmpty() ? -1 : int(m_id); }
    bool mergeWith(const QUndoCommand *other) override;

    const ChangeSet &change() const { return m_forward; }

private:
    Document *m_doc;
    ChangeSet m_forward, m_inverse;
    CommandId m_id;
    QString m_mergeKey;
};

} // namespace vg
