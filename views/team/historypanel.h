// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/team/historyentry.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;

namespace vg {

class HistoryTableModel;
class TeamSession;

// The history dock: the model-wide log of a team model, newest first, filtered by item, by
// person and by date. Each row is one field change: when, who, the item, the field, before and
// after (a created or removed item shows all its fields). Refreshes when edits arrive.
class HistoryPanel final : public QWidget {
    Q_OBJECT
public:
    explicit HistoryPanel(TeamSession *session, QWidget *parent = nullptr);

    // Shows the history of one item (the inspector's "History" button, or tests).
    void showItem(ItemKind kind, const QString &id);
    // Reads the history with the current filter.
    void refresh();
    HistoryQuery query() const;
    HistoryTableModel *model() const { return m_model; }
    QLineEdit *authorFilter() const { return m_author; }

private:
    TeamSession *m_session;
    HistoryTableModel *m_model;
    QComboBox *m_kind;
    QLineEdit *m_item;
    QLineEdit *m_author;
    QCheckBox *m_useSince;
    QDateEdit *m_since;
    QTableView *m_view;
    QLabel *m_message;
};

} // namespace vg
