// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/team/teamsession.h"

#include <QDialog>

#include <optional>

namespace vg {

// Shows a conflict: for every item, the user's version beside the server's (its author named),
// with the fields that differ marked. Both texts can be selected and copied; Copy Mine puts the
// user's version on the clipboard, so nothing typed is lost whatever is chosen. Keep Mine writes
// the user's versions; Take Theirs keeps the server's; closing decides later.
class ConflictDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ConflictDialog(const TeamConflict &conflict, QWidget *parent = nullptr);
    std::optional<bool> choice() const { return m_choice; } // true: keep mine
    QString mineText() const { return m_mine; }
    QString theirsText() const { return m_theirs; }

    // A readable, field-per-line text of each side; lines that differ start with "≠ ".
    static std::pair<QString, QString> describe(const TeamConflict &conflict);

private:
    std::optional<bool> m_choice;
    QString m_mine, m_theirs;
};

} // namespace vg
