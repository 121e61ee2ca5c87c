// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/team/historypanel.h"

#include "model/team/historytablemodel.h"
#include "model/team/teamsession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace vg {

HistoryPanel::HistoryPanel(TeamSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new HistoryTableModel(this)), m_kind(new QComboBox(this)),
      m_item(new QLineEdit(this)), m_author(new QLineEdit(this)), m_useSince(new QCheckBox(tr("&Since"), this)),
      m_since(new QDateEdit(QDate::currentDate().addDays(-7), this)), m_view(new QTableView(this)),
      m_message(new QLabel(this))
{
    m_kind->addItem(tr("All items"));
    m_kind->addItem(tr("Node"), int(ItemKind::Node));
    m_kind->addItem(tr("Edge"), int(ItemKind::Edge));
    m_kind->addItem(tr("Model"), int(ItemKind::Meta));
    m_item->setPlaceholderText(tr("id"));
    m_author->setPlaceholderText(tr("who (login)"));
    m_since->setCalendarPopup(true);
    m_since->setEnabled(false);
    auto *refreshButton = new QPushButton(tr("&Refresh"), this);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_kind);
    filters->addWidget(m_item, 1);
    filters->addWidget(m_author, 1);
    filters->addWidget(m_useSince);
    filters->addWidget(m_since);
    filters->addWidget(refreshButton);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_message->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);
    connect(refreshButton, &QPushButton::clicked, this, &HistoryPanel::refresh);
    connect(m_useSince, &QCheckBox::toggled, m_since, &QWidget::setEnabled);
    connect(m_useSince, &QCheckBox::toggled, this, &HistoryPanel::refresh);
    connect(m_since, &QDateEdit::dateChanged, this, &HistoryPanel::refresh);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &HistoryPanel::refresh);
    connect(m_item, &QLineEdit::editingFinished, this, &HistoryPanel::refresh);
    connect(m_author, &QLineEdit::editingFinished, this, &HistoryPanel::refresh);
    // New edits (others' or one's own) show up without a click, at most once a second.
    auto *soon = new QTimer(this);
    soon->setSingleShot(true);
    soon->setInterval(1000);
    connect(soon, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    connect(m_session, &TeamSession::remoteChangesApplied, soon, qOverload<>(&QTimer::start));
    connect(m_session, &TeamSession::queueChanged, soon, qOverload<>(&QTimer::start));
    connect(m_session, &TeamSession::stateChanged, soon, qOverload<>(&QTimer::start));
}

HistoryQuery HistoryPanel::query() const
{
    HistoryQuery q;
    if (m_kind->currentIndex() > 0) {
        q.kind = ItemKind(m_kind->currentData().toInt());
        q.itemId = m_item->text().trimmed();
    }
    q.author = m_author->text().trimmed();
    if (m_useSince->isChecked())
        q.since = m_since->date().startOfDay();
    return q;
}

void HistoryPanel::showItem(ItemKind kind, const QString &id)
{
    const QSignalBlocker block(m_kind);
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
    m_item->setText(id);
    refresh();
}

void HistoryPanel::refresh()
{
    if (m_session->state() != TeamSession::State::Online) {
        m_message->setText(m_session->state() == TeamSession::State::Closed
                               ? tr("History is kept by the team server: connect to a team model to see it.")
                               : tr("The server is not connected; the history shown may be out of date."));
        return;
    }
    const auto entries = m_session->history(query());
    if (!entries) {
        m_message->setText(entries.error().message());
        return;
    }
    m_message->setText(entries->empty() ? tr("No changes recorded for this filter.")
                                        : tr("%n change(s), newest first.", nullptr, int(entries->size())));
    m_model->setEntries(*entries);
    m_view->resizeColumnsToContents();
}

} // namespace vg
