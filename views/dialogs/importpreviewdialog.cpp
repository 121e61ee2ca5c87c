// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/dialogs/importpreviewdialog.h"

#include "model/io/importplan.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vg {

namespace {

QTableWidget *table(const QStringList &headers, const std::vector<QStringList> &rows, QWidget *parent)
{
    auto *t = new QTableWidget(int(rows.size()), int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(true);
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (int c = 0; c < headers.size() && c < rows[r].size(); ++c) {
            auto *item = new QTableWidgetItem(rows[r][c]);
            item->setToolTip(rows[r][c]);
            t->setItem(int(r), c, item);
        }
    t->resizeColumnsToContents();
    for (int c = 0; c + 1 < headers.size(); ++c)
        t->setColumnWidth(c, std::min(t->columnWidth(c), 320));
    t->resizeRowsToContents();
    // Long reasons wrap once the last column has its width.
    QObject::connect(t->horizontalHeader(), &QHeaderView::sectionResized, t, [t] { t->resizeRowsToContents(); });
    return t;
}

// "nodes.csv:4": the file's name and line (the whole path is in the tooltip and the summary).
QString shortLocation(const ImportLocation &at)
{
    const QString name = QFileInfo(at.file).fileName();
    return at.line > 0 ? QStringLiteral("%1:%2").arg(name).arg(at.line) : name;
}

} // namespace

ImportPreviewDialog::ImportPreviewDialog(const ImportPlan &plan, QWidget *parent)
    : QDialog(parent), m_tabs(new QTabWidget(this))
{
    setWindowTitle(tr("Import preview"));
    QString read;
    for (const ImportSourceSummary &s : plan.sources)
        read += QStringLiteral("<li><span title=\"%1\">%2</span>: %3, %4%5</li>")
                    .arg(QDir::toNativeSeparators(s.file).toHtmlEscaped(), QFileInfo(s.file).fileName().toHtmlEscaped(),
                         s.format.toHtmlEscaped(), tr("%n record(s)", nullptr, s.records),
                         s.detail.isEmpty() ? QString()
                                            : QStringLiteral(" (") + s.detail.toHtmlEscaped() + QLatin1Char(')'));
    const QString headline = tr("%n node(s) and ", nullptr, int(plan.addedNodes.size()))
        + tr("%n edge(s) will be added; ", nullptr, int(plan.addedEdges.size()))
        + tr("%n node(s) and ", nullptr, int(plan.matchedNodes.size()))
        + tr("%n edge(s) are already in the model", nullptr, int(plan.matchedEdges.size()))
        + (plan.rejected.empty()
               ? QStringLiteral(".")
               : tr("; %n row(s) will be left out (see Rejected).", nullptr, int(plan.rejected.size())));
    auto *summary = new QLabel(QStringLiteral("<b>%1</b><ul style=\"margin-left:-20px\">%2</ul>%3")
                                   .arg(headline.toHtmlEscaped(), read,
                                        tr("Nothing changes until you press Import; then Undo takes it all back.")),
                               this);
    summary->setTextFormat(Qt::RichText);
    summary->setWordWrap(true);
    std::vector<QStringList> added, matched, rejected, notes;
    for (const ImportedNode &n : plan.addedNodes)
        added.push_back({n.node.id, toString(n.node.kind), n.node.name, shortLocation(n.at)});
    for (const ImportedEdge &e : plan.addedEdges)
        added.push_back(
            {e.edge.id, toString(e.edge.kind), e.edge.from + QStringLiteral(" → ") + e.edge.to, shortLocation(e.at)});
    for (const MatchedNode &n : plan.matchedNodes)
        matched.push_back({n.existingId, n.importedName,
                           n.changedFields.isEmpty() ? tr("no change") : n.changedFields.join(u", "),
                           shortLocation(n.at)});
    for (const MatchedEdge &e : plan.matchedEdges)
        matched.push_back({e.existingId, e.updated.from + QStringLiteral(" → ") + e.updated.to,
                           e.changedFields.isEmpty() ? tr("no change") : e.changedFields.join(u", "),
                           shortLocation(e.at)});
    for (const ImportIssue &i : plan.rejected)
        rejected.push_back({shortLocation(i.at), i.reason});
    for (const ImportIssue &i : plan.notes)
        notes.push_back({shortLocation(i.at), i.reason});
    m_tabs->addTab(table({tr("Id"), tr("Kind"), tr("Name / ends"), tr("From")}, added, m_tabs),
                   tr("&Added (%1)").arg(added.size()));
    m_tabs->addTab(table({tr("Existing"), tr("Imported as"), tr("Changes"), tr("From")}, matched, m_tabs),
                   tr("&Matched (%1)").arg(matched.size()));
    m_tabs->addTab(table({tr("Where"), tr("Why it is left out")}, rejected, m_tabs),
                   tr("&Rejected (%1)").arg(rejected.size()));
    // Uncertain matches: the user decides.
    auto *uncertain = new QTableWidget(int(plan.uncertain.size()), 3, m_tabs);
    uncertain->setHorizontalHeaderLabels({tr("Imported name"), tr("Use"), tr("Why it may be the same")});
    uncertain->verticalHeader()->hide();
    uncertain->horizontalHeader()->setStretchLastSection(true);
    for (std::size_t r = 0; r < plan.uncertain.size(); ++r) {
        const UncertainMatch &u = plan.uncertain[r];
        uncertain->setItem(int(r), 0, new QTableWidgetItem(u.importedName));
        auto *combo = new QComboBox(uncertain);
        combo->addItem(tr("a new node"), QString());
        QStringList why;
        for (const MatchCandidate &c : u.candidates) {
            combo->addItem(tr("merge into %1 (%2)").arg(c.id, c.name), c.id);
            why << tr("%1: %2").arg(c.id, c.reason);
        }
        if (u.merged)
            combo->setCurrentIndex(std::max(0, combo->findData(u.resolvedId)));
        uncertain->setCellWidget(int(r), 1, combo);
        uncertain->setItem(int(r), 2, new QTableWidgetItem(why.join(QStringLiteral("; "))));
        m_choices.insert(u.key, combo);
    }
    uncertain->setWordWrap(true);
    uncertain->resizeColumnsToContents();
    uncertain->resizeRowsToContents();
    m_tabs->addTab(uncertain, tr("&Uncertain (%1)").arg(plan.uncertain.size()));
    m_tabs->addTab(table({tr("Where"), tr("Note")}, notes, m_tabs), tr("&Notes (%1)").arg(notes.size()));
    if (!plan.uncertain.empty())
        m_tabs->setCurrentIndex(3);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(plan.changesSomething() || !plan.uncertain.empty());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(900, 560);
}

QHash<QString, QString> ImportPreviewDialog::decisions() const
{
    QHash<QString, QString> out;
    for (auto it = m_choices.cbegin(); it != m_choices.cend(); ++it)
        out.insert(it.key(), static_cast<QComboBox *>(*it)->currentData().toString());
    return out;
}

} // namespace vg
