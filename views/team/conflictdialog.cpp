// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/team/conflictdialog.h"

#include "model/io/jsonwriter.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vg {

namespace {

using Fields = std::vector<std::pair<QString, QString>>;

QString text(const QStringList &l) { return l.join(QStringLiteral(", ")); }

Fields fieldsOf(const std::optional<Node> &n, const std::optional<QPointF> &pos)
{
    if (!n)
        return {{QStringLiteral("(removed)"), QString()}};
    Fields f{{QStringLiteral("kind"), toString(n->kind)},
             {QStringLiteral("name"), n->name},
             {QStringLiteral("description"), n->description},
             {QStringLiteral("tags"), text(n->tags)}};
    if (n->count)
        f.push_back({QStringLiteral("count"), QString::number(*n->count)});
    f.push_back({QStringLiteral("regions"), text(n->regions)});
    f.push_back({QStringLiteral("stores"), n->stores.empty() ? QString() : QString::fromUtf8(toJsonText(n->stores))});
    f.push_back({QStringLiteral("attributes"),
                 n->attributes.isEmpty() ? QString() : QString::fromUtf8(toJsonText(n->attributes))});
    f.push_back({QStringLiteral("vendor"), n->vendor ? QString::fromUtf8(toJsonText(*n->vendor)) : QString()});
    f.push_back({QStringLiteral("position"),
                 pos ? QStringLiteral("%1, %2").arg(pos->x()).arg(pos->y()) : QStringLiteral("(none)")});
    return f;
}

Fields fieldsOf(const std::optional<Edge> &e)
{
    if (!e)
        return {{QStringLiteral("(removed)"), QString()}};
    return {{QStringLiteral("from"), e->from},
            {QStringLiteral("to"), e->to},
            {QStringLiteral("kind"), toString(e->kind)},
            {QStringLiteral("categories"), text(e->categories)},
            {QStringLiteral("records"), e->records ? QString::number(*e->records) : QString()},
            {QStringLiteral("encryption"), e->encryption ? toString(*e->encryption) : QString()},
            {QStringLiteral("scope"), e->kind == EdgeKind::Access ? toString(e->scope) : QString()},
            {QStringLiteral("description"), e->description},
            {QStringLiteral("source"), e->source},
            {QStringLiteral("confirmed"), e->confirmed.toString(Qt::ISODate)}};
}

Fields fieldsOf(const std::optional<MetaVersion> &m)
{
    if (!m)
        return {};
    return {
        {QStringLiteral("name"), m->name},
        {QStringLiteral("organization"), m->organization ? QString::fromUtf8(toJsonText(*m->organization)) : QString()},
        {QStringLiteral("categories"), QString::number(m->categories.size()) + QStringLiteral(" defined")}};
}

void append(QString &mine, QString &theirs, const QString &title, const Fields &a, const Fields &b)
{
    mine += title + QLatin1Char('\n');
    theirs += title + QLatin1Char('\n');
    auto valueIn = [](const Fields &f, const QString &key) -> std::optional<QString> {
        for (const auto &[k, v] : f)
            if (k == key)
                return v;
        return std::nullopt;
    };
    auto line = [](const QString &k, const QString &v, bool differs) {
        return (differs ? QStringLiteral("≠ ") : QStringLiteral("  ")) + k
            + (v.isEmpty() ? QString() : QStringLiteral(": ") + v) + QLatin1Char('\n');
    };
    for (const auto &[k, v] : a)
        mine += line(k, v, valueIn(b, k) != v);
    for (const auto &[k, v] : b)
        theirs += line(k, v, valueIn(a, k) != v);
    mine += QLatin1Char('\n');
    theirs += QLatin1Char('\n');
}

} // namespace

std::pair<QString, QString> ConflictDialog::describe(const TeamConflict &c)
{
    QString mine, theirs;
    for (std::size_t i = 0; i < c.mine.nodes.size() && i < c.theirs.nodes.size(); ++i)
        append(mine, theirs, QObject::tr("Node %1").arg(c.mine.nodes[i].id),
               fieldsOf(c.mine.nodes[i].node, c.mine.nodes[i].pos),
               fieldsOf(c.theirs.nodes[i].node, c.theirs.nodes[i].pos));
    for (std::size_t i = 0; i < c.mine.edges.size() && i < c.theirs.edges.size(); ++i)
        append(mine, theirs, QObject::tr("Edge %1").arg(c.mine.edges[i].id), fieldsOf(c.mine.edges[i].edge),
               fieldsOf(c.theirs.edges[i].edge));
    if (c.mine.meta || c.theirs.meta)
        append(mine, theirs, QObject::tr("The model's name, organization and categories"), fieldsOf(c.mine.meta),
               fieldsOf(c.theirs.meta));
    return {mine, theirs};
}

ConflictDialog::ConflictDialog(const TeamConflict &c, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Conflicting edit"));
    std::tie(m_mine, m_theirs) = describe(c);
    const QString who = c.authors.isEmpty() ? tr("someone else") : c.authors.join(QStringLiteral(", "));
    auto *intro = new QLabel(
        c.undo ? tr("Your undo (\"%1\") would overwrite changes that %2 made after your edit.").arg(c.summary, who)
               : tr("\"%1\" changes items that %2 changed on the server since you last saw them. Nothing has been "
                    "overwritten: choose which version to keep. Fields that differ are marked ≠.")
                     .arg(c.summary, who),
        this);
    intro->setWordWrap(true);
    auto side = [this](const QString &text) {
        auto *e = new QPlainTextEdit(text, this);
        e->setReadOnly(true);
        e->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        e->setMinimumSize(320, 240);
        return e;
    };
    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("<b>Yours</b>"), this), 0, 0);
    grid->addWidget(new QLabel(tr("<b>On the server</b> (by %1, revision %2)").arg(who).arg(c.theirs.revision), this),
                    0, 1);
    grid->addWidget(side(m_mine), 1, 0);
    grid->addWidget(side(m_theirs), 1, 1);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *keep = buttons->addButton(tr("Keep &Mine"), QDialogButtonBox::AcceptRole);
    QPushButton *take = buttons->addButton(tr("Take &Theirs"), QDialogButtonBox::DestructiveRole);
    QPushButton *copy = buttons->addButton(tr("&Copy Mine"), QDialogButtonBox::ActionRole);
    buttons->addButton(tr("Decide &Later"), QDialogButtonBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepMine"));
    take->setObjectName(QStringLiteral("takeTheirs"));
    copy->setObjectName(QStringLiteral("copyMine"));
    connect(keep, &QPushButton::clicked, this, [this] {
        m_choice = true;
        accept();
    });
    connect(take, &QPushButton::clicked, this, [this] {
        m_choice = false;
        accept();
    });
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_mine); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(grid);
    layout->addWidget(buttons);
}

} // namespace vg
