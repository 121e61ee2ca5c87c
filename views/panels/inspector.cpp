// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/panels/inspector.h"

#include "model/commands/changecommand.h"
#include "model/document/document.h"
#include "model/document/selection.h"
#include "model/domain/validate.h"
#include "views/panels/edgeform.h"
#include "views/panels/formsupport.h"
#include "views/panels/nodeform.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace vg {

namespace {

QScrollArea *scrolled(QWidget *w, QWidget *parent)
{
    auto *area = new QScrollArea(parent);
    area->setWidget(w);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

} // namespace

Inspector::Inspector(Document *doc, Selection *selection, Prompter *prompter, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_selection(selection), m_stack(new QStackedWidget(this)),
      m_nodeForm(new NodeForm(doc, this)), m_edgeForm(new EdgeForm(doc, prompter, this))
{
    m_modelPage = new QWidget(this);
    auto *modelLayout = new QVBoxLayout(m_modelPage);
    auto *hint = new QLabel(tr("<p>Select a node or an edge to see and edit it.</p>"
                               "<p><b>Add a node:</b> double-click the canvas, or Edit ▸ Add Node.<br>"
                               "<b>Connect two nodes:</b> drag from the dot on a node's right edge (or Shift+drag "
                               "the node) onto another node.<br><b>Pan:</b> middle button, or Space+drag. "
                               "<b>Zoom:</b> the wheel.</p>"),
                            m_modelPage);
    hint->setWordWrap(true);
    hint->setTextFormat(Qt::RichText);
    modelLayout->addWidget(hint);
    auto *form = new QFormLayout;
    m_modelName = new QLineEdit(m_modelPage);
    m_orgName = new QLineEdit(m_modelPage);
    m_orgRegions = new QLineEdit(m_modelPage);
    m_orgRegions->setPlaceholderText(tr("where the company is established: US, EU, GB, ..."));
    m_orgSectors = new QLineEdit(m_modelPage);
    m_orgSectors->setPlaceholderText(tr("health, finance, essential-entity, important-entity, ..."));
    m_sec = new QCheckBox(tr("Files with the US &SEC (Form 8-K)"), m_modelPage);
    form->addRow(tr("&Model name"), m_modelName);
    form->addRow(tr("&Organization"), m_orgName);
    form->addRow(tr("Esta&blished in"), m_orgRegions);
    form->addRow(tr("Sec&tors"), m_orgSectors);
    form->addRow(QString(), m_sec);
    modelLayout->addLayout(form);
    m_modelMessage = new QLabel(m_modelPage);
    m_modelMessage->setWordWrap(true);
    m_modelMessage->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    modelLayout->addWidget(m_modelMessage);
    modelLayout->addStretch(1);
    for (QLineEdit *e : {m_modelName, m_orgName, m_orgRegions, m_orgSectors})
        connect(e, &QLineEdit::editingFinished, this, &Inspector::applyModel);
    connect(m_sec, &QCheckBox::toggled, this, &Inspector::applyModel);

    m_many = new QLabel(this);
    m_many->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_many->setWordWrap(true);
    m_many->setMargin(8);

    m_stack->addWidget(scrolled(m_modelPage, m_stack));
    m_stack->addWidget(scrolled(m_nodeForm, m_stack));
    m_stack->addWidget(scrolled(m_edgeForm, m_stack));
    m_stack->addWidget(m_many);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(selection, &Selection::changed, this, &Inspector::refresh);
    connect(doc, &Document::modelReset, this, &Inspector::refresh);
    connect(doc, &Document::organizationChanged, this, &Inspector::loadModel);
    connect(doc, &Document::changeApplied, this, [this](const ChangeSet &c) {
        if (c.name)
            loadModel();
        // An edit elsewhere (undo, the table) shows in the open form.
        if (m_stack->currentIndex() == 1 && m_doc->store().findNode(m_nodeForm->nodeId()))
            m_nodeForm->load(m_nodeForm->nodeId());
        if (m_stack->currentIndex() == 2 && m_doc->store().findEdge(m_edgeForm->edgeId()))
            m_edgeForm->load(m_edgeForm->edgeId());
    });
    refresh();
}

QString Inspector::page() const
{
    static const char *const names[] = {"model", "node", "edge", "many"};
    return QString::fromLatin1(names[m_stack->currentIndex()]);
}

void Inspector::focusForm()
{
    if (QWidget *w = m_stack->currentWidget()->findChild<QLineEdit *>())
        w->setFocus(Qt::ShortcutFocusReason);
}

void Inspector::refresh()
{
    const int nodes = int(m_selection->nodes().size()), edges = int(m_selection->edges().size());
    if (nodes + edges == 0) {
        loadModel();
        m_stack->setCurrentIndex(0);
    } else if (nodes + edges == 1 && nodes == 1) {
        m_nodeForm->load(m_selection->nodes().first());
        m_stack->setCurrentIndex(1);
    } else if (nodes + edges == 1) {
        m_edgeForm->load(m_selection->edges().first());
        m_stack->setCurrentIndex(2);
    } else {
        m_many->setText(tr("<b>%1 nodes and %2 edges selected.</b><br><br>Delete removes them (with the edges of "
                           "the nodes). View ▸ Focus on Selection shows only their neighbourhood; Layout ▸ Selection "
                           "Only lays out just these nodes.")
                            .arg(nodes)
                            .arg(edges));
        m_stack->setCurrentIndex(3);
    }
}

void Inspector::loadModel()
{
    m_loading = true;
    m_modelName->setText(m_doc->name());
    const Organization org = m_doc->organization().value_or(Organization());
    m_orgName->setText(org.name);
    m_orgRegions->setText(form::joinList(org.regions));
    m_orgSectors->setText(form::joinList(org.sectors));
    m_sec->setChecked(org.secRegistrant);
    m_modelMessage->clear();
    m_loading = false;
}

void Inspector::applyModel()
{
    if (m_loading)
        return;
    Organization org = m_doc->organization().value_or(Organization());
    org.name = m_orgName->text().trimmed();
    org.regions = form::splitList(m_orgRegions->text().toUpper());
    org.sectors = form::splitList(m_orgSectors->text());
    org.secRegistrant = m_sec->isChecked();
    Model probe;
    probe.organization = org;
    std::vector<Problem> problems = validateModel(probe);
    m_modelMessage->setText(form::describe(problems));
    form::markInvalid(m_orgRegions, problems.empty() ? QString() : form::describe(problems));
    if (!problems.empty())
        return;
    ChangeSet c;
    if (m_modelName->text() != m_doc->name())
        c.name = m_modelName->text();
    const bool hadOrg = m_doc->organization().has_value();
    if ((hadOrg && org != *m_doc->organization()) || (!hadOrg && org != Organization()))
        c.organization = std::optional<Organization>(org);
    if (c.isEmpty())
        return;
    m_doc->undoStack()->push(new ChangeCommand(m_doc, c, tr("Edit the model's properties")));
}

} // namespace vg
