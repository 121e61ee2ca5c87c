// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/dialogs/comparedialog.h"

#include "model/document/analysisservice.h"
#include "model/document/document.h"
#include "model/reports/format.h"
#include "views/dialogs/riskcells.h"
#include "views/panels/riskjob.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMap>
#include <QSet>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vg {

using namespace riskcells;

namespace {

QString seedsText(const SavedScenario &s)
{
    QStringList parts;
    if (!s.breach.isEmpty())
        parts << QObject::tr("breached: %1").arg(s.breach.join(QLatin1String(", ")));
    if (!s.control.isEmpty())
        parts << QObject::tr("controlled: %1").arg(s.control.join(QLatin1String(", ")));
    return parts.isEmpty() ? QObject::tr("(no seeds)") : parts.join(QLatin1String("; "));
}

QString costText(const std::optional<BlastRadius> &r)
{
    if (!r)
        return QStringLiteral("—");
    return QStringLiteral("%1 – %2").arg(formatUsd(r->cost().low), formatUsd(r->cost().high));
}

} // namespace

CompareDialog::CompareDialog(Document *doc, AnalysisService *analysis, QWidget *parent)
    : QDialog(parent), m_doc(doc), m_analysis(analysis), m_a(new QComboBox(this)), m_b(new QComboBox(this)),
      m_message(new QLabel(this)), m_figures(table({tr("Figure"), tr("A"), tr("B"), tr("B against A")}, this)),
      m_only(table({tr("Only in"), tr("What"), tr("Id"), tr("Name"), tr("Detail")}, this))
{
    setObjectName(QStringLiteral("compareDialog"));
    setWindowTitle(tr("Compare Scenarios"));
    m_a->setObjectName(QStringLiteral("compareA"));
    m_b->setObjectName(QStringLiteral("compareB"));
    m_figures->setObjectName(QStringLiteral("compareFigures"));
    m_only->setObjectName(QStringLiteral("compareDifferences"));
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("compareMessage"));
    auto *pick = new QFormLayout;
    pick->addRow(tr("Scenario &A:"), m_a);
    pick->addRow(tr("Scenario &B:"), m_b);
    auto *figures = new QGroupBox(tr("Side by side"), this);
    (new QVBoxLayout(figures))->addWidget(m_figures);
    auto *only = new QGroupBox(tr("Exposed in one but not the other"), this);
    (new QVBoxLayout(only))->addWidget(m_only);
    // One above the other, each the dialog's width: A, B and their difference side by side
    // stay in view without scrolling.
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(figures);
    split->addWidget(only);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pick);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    fillCombos();
    connect(m_a, &QComboBox::currentIndexChanged, this, &CompareDialog::compare);
    connect(m_b, &QComboBox::currentIndexChanged, this, &CompareDialog::compare);
    connect(&m_watcher, &QFutureWatcher<CompareAnswer>::finished, this, [this] {
        const QFuture<CompareAnswer> f = m_watcher.future();
        if (!f.isCanceled() && f.resultCount() > 0)
            showAnswer(f.result());
    });
    connect(doc, &Document::scenariosChanged, this, [this] {
        const QSignalBlocker ba(m_a), bb(m_b);
        fillCombos();
        compare();
    });
    // An edit the analysis reads makes the figures out of date: said at once, and both
    // scenarios run again shortly after (the timer gathers a burst of edits).
    m_rerun.setSingleShot(true);
    m_rerun.setInterval(500);
    connect(&m_rerun, &QTimer::timeout, this, &CompareDialog::compare);
    connect(doc, &Document::changeApplied, this, [this](const ChangeSet &c) {
        if (!c.changesAnalysis())
            return;
        m_message->setText(tr("The map changed: updating; the figures below are for the map as it was..."));
        m_ready = false;
        m_rerun.start();
    });
    resize(1200, 860);
    compare();
}

CompareDialog::~CompareDialog()
{
    m_watcher.disconnect();
    m_watcher.cancel();
}

QString CompareDialog::messageText() const { return m_message->text(); }

void CompareDialog::fillCombos()
{
    const QString a = m_a->currentText(), b = m_b->currentText();
    m_a->clear();
    m_b->clear();
    for (const SavedScenario &s : m_doc->scenarios()) {
        m_a->addItem(s.name);
        m_b->addItem(s.name);
    }
    const QString active = m_doc->activeScenarioName();
    int ia = m_a->findText(a.isEmpty() ? active : a);
    if (ia < 0)
        ia = std::max(0, m_a->findText(active));
    m_a->setCurrentIndex(m_a->count() > 0 ? ia : -1);
    int ib = m_b->findText(b);
    if (ib < 0 || ib == ia)
        ib = ia == 0 ? 1 : 0;
    m_b->setCurrentIndex(ib < m_b->count() ? ib : -1);
    const bool two = m_doc->scenarios().size() >= 2;
    m_a->setEnabled(two);
    m_b->setEnabled(two);
}

void CompareDialog::compare()
{
    m_rerun.stop();
    m_ready = false;
    m_watcher.cancel();
    m_figures->setRowCount(0);
    m_only->setRowCount(0);
    const auto &all = m_doc->scenarios();
    if (all.size() < 2) {
        m_message->setText(
            all.empty()
                ? tr("Compare needs two saved scenarios, and this model has none. Mark a vendor breached or "
                     "controlled to make one, then save another from the Scenario panel.")
                : tr("Compare needs two saved scenarios, and this model has one (\"%1\"). Save another from the "
                     "Scenario panel.")
                      .arg(all.front().name));
        m_ready = true;
        Q_EMIT ready();
        return;
    }
    const int ia = m_a->currentIndex(), ib = m_b->currentIndex();
    if (ia < 0 || ib < 0 || ia >= int(all.size()) || ib >= int(all.size()))
        return;
    m_figures->setHorizontalHeaderLabels(
        {tr("Figure"), tr("A: %1").arg(all[std::size_t(ia)].name), tr("B: %1").arg(all[std::size_t(ib)].name),
         tr("B against A")});
    m_message->setText(ia == ib ? tr("A and B are the same scenario: pick another for B.")
                                : tr("Running both on the map as it is now..."));
    CompareAnswer seed;
    seed.a = all[std::size_t(ia)];
    seed.b = all[std::size_t(ib)];
    const EngineSource source = EngineSource::of(m_doc, m_analysis);
    seed.revision = source.revision;
    m_watcher.setFuture(startRiskJob<CompareAnswer>([source, seed](QPromise<CompareAnswer> &promise) {
        CompareAnswer a = seed;
        const auto engine = source.get();
        auto run = [&](const SavedScenario &s, std::optional<BlastRadius> *out, QString *error) {
            const Scenario question = scenarioOf(s);
            if (question.seeds.empty() || promise.isCanceled())
                return;
            Expected<BlastRadius> r = engine->run(question);
            if (!r) {
                *error = r.error().message();
                return;
            }
            r->nodes(); // build the lists here, off the GUI thread
            r->exposed();
            *out = std::move(*r);
        };
        run(a.a, &a.ra, &a.errorA);
        run(a.b, &a.rb, &a.errorB);
        if (!promise.isCanceled())
            promise.addResult(std::move(a));
    }));
}

void CompareDialog::showAnswer(const CompareAnswer &x)
{
    QStringList notes;
    if (!x.errorA.isEmpty())
        notes << tr("A could not be run: %1").arg(x.errorA);
    if (!x.errorB.isEmpty())
        notes << tr("B could not be run: %1").arg(x.errorB);
    if (x.a.name == x.b.name)
        notes << tr("A and B are the same scenario: pick another for B.");
    notes << tr("Both run on the map as it is now. Marked: ▲ B has more, ▼ B has less, ≠ differs; the list below "
                "is what only one of them exposes.");
    m_message->setText(notes.join(QLatin1Char(' ')));

    // Side by side.
    const ScenarioSummary sa = x.ra ? x.ra->summary() : ScenarioSummary{};
    const ScenarioSummary sb = x.rb ? x.rb->summary() : ScenarioSummary{};
    int row = 0;
    auto add = [&](const QString &label, QTableWidgetItem *a, QTableWidgetItem *b, QTableWidgetItem *diff) {
        m_figures->insertRow(row);
        m_figures->setItem(row, 0, text(label));
        m_figures->setItem(row, 1, a);
        m_figures->setItem(row, 2, b);
        m_figures->setItem(row, 3, diff);
        ++row;
    };
    auto addNumber = [&](const QString &label, double a, double b, int decimals = 0) {
        add(label, number(a, decimals), number(b, decimals), change(a, b, decimals));
    };
    auto addText = [&](const QString &label, const QString &a, const QString &b) {
        const bool same = a == b;
        add(label, text(a), text(b), same ? text(QStringLiteral("=")) : text(tr("≠ differs"), Tone::Changed));
    };
    addText(tr("Seeds"), seedsText(x.a), seedsText(x.b));
    addText(tr("Options"),
            tr("%1, pivots %2").arg(x.a.maxHops ? tr("%n hop(s) at most", nullptr, *x.a.maxHops) : tr("any hops"),
                                    x.a.potential ? tr("on") : tr("off")),
            tr("%1, pivots %2").arg(x.b.maxHops ? tr("%n hop(s) at most", nullptr, *x.b.maxHops) : tr("any hops"),
                                    x.b.potential ? tr("on") : tr("off")));
    addNumber(tr("Systems reached"), sa.reached, sb.reached);
    addNumber(tr("Reached directly"), sa.reachedDirect, sb.reachedDirect);
    addNumber(tr("Controlled"), sa.controlled, sb.controlled);
    addNumber(tr("People"), double(sa.people), double(sb.people));
    for (int t = 0; t < 4; ++t)
        addNumber(tr("Tier %1 categories").arg(t + 1), sa.categoriesByTier[t], sb.categoriesByTier[t]);
    {
        const double ha = x.ra ? x.ra->cost().high : 0, hb = x.rb ? x.rb->cost().high : 0;
        QTableWidgetItem *diff = change(ha, hb);
        if (diff->text() != QLatin1String("="))
            diff->setText(diff->text() + tr(" (high)"));
        add(tr("Cost range (USD)"), text(costText(x.ra)), text(costText(x.rb)), diff);
    }
    addNumber(tr("Score"), sa.score, sb.score, 1);
    // Obligations, one row per regime either scenario names.
    QMap<QString, std::pair<const Obligation *, const Obligation *>> regimes;
    if (x.ra)
        for (const Obligation &o : x.ra->obligations())
            regimes[o.regime].first = &o;
    if (x.rb)
        for (const Obligation &o : x.rb->obligations())
            regimes[o.regime].second = &o;
    for (auto it = regimes.cbegin(); it != regimes.cend(); ++it) {
        const Obligation *oa = it.value().first, *ob = it.value().second;
        const QString name = (oa ? oa->name : ob->name);
        addText(tr("Obligation: %1").arg(name.isEmpty() ? it.key() : name),
                oa ? toString(oa->status) : tr("not triggered"), ob ? toString(ob->status) : tr("not triggered"));
    }

    // Exposed in one but not the other: categories, then systems.
    m_only->setRowCount(0);
    auto categories = [](const std::optional<BlastRadius> &r) {
        QMap<QString, const ExposedCategory *> m;
        if (r)
            for (const ExposedCategory &c : r->exposed())
                m.insert(c.category, &c);
        return m;
    };
    auto systems = [](const std::optional<BlastRadius> &r) {
        QMap<QString, const ReachedNode *> m;
        if (r)
            for (const ReachedNode &n : r->nodes())
                m.insert(n.id, &n);
        return m;
    };
    const auto ca = categories(x.ra), cb = categories(x.rb);
    const auto na = systems(x.ra), nb = systems(x.rb);
    const QString onlyA = tr("◀ only in A"), onlyB = tr("only in B ▶");
    auto addOnly = [&](bool inA, const QString &what, const QString &id, const QString &name, const QString &detail) {
        const int r = m_only->rowCount();
        m_only->insertRow(r);
        m_only->setItem(r, 0, text(inA ? onlyA : onlyB, inA ? Tone::Changed : Tone::Other));
        m_only->setItem(r, 1, text(what));
        m_only->setItem(r, 2, text(id));
        m_only->setItem(r, 3, text(name));
        m_only->setItem(r, 4, text(detail));
    };
    auto categoryDetail = [](const ExposedCategory &c) {
        return tr("tier %1, %2%3").arg(c.tier).arg(toString(c.certainty), c.encrypted ? tr(", encrypted") : QString());
    };
    for (bool inA : {true, false}) {
        const auto &mine = inA ? ca : cb;
        const auto &other = inA ? cb : ca;
        for (auto it = mine.cbegin(); it != mine.cend(); ++it)
            if (!other.contains(it.key()))
                addOnly(inA, tr("category"), it.key(), it.value()->name, categoryDetail(*it.value()));
    }
    for (bool inA : {true, false}) {
        const auto &mine = inA ? na : nb;
        const auto &other = inA ? nb : na;
        for (auto it = mine.cbegin(); it != mine.cend(); ++it)
            if (!other.contains(it.key())) {
                const Node *n = m_doc->store().findNode(it.key());
                addOnly(inA, toString(it.value()->kind), it.key(), n ? n->name : QString(),
                        tr("%1, %2").arg(toString(it.value()->state), toString(it.value()->certainty)));
            }
    }
    if (m_only->rowCount() == 0) {
        m_only->setRowCount(1);
        m_only->setItem(0, 0, text(tr("(none: both expose the same categories and systems)")));
    }
    // The difference column must stay in view: the others are capped (full text in tooltips).
    fit(m_figures, 300);
    fit(m_only, 300);
    m_ready = true;
    Q_EMIT ready();
}

} // namespace vg
