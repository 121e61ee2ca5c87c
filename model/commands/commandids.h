// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace vg {

// QUndoCommand::id() values of the commands that merge with their successors.
enum class CommandId : int {
    MoveNodes = 1, // consecutive drags of the same selection
    EditItem = 2, // consecutive edits of the same field of the same item
    EditScenario = 3, // consecutive steps of one scenario option (the max hops spin box)
};

} // namespace vg
