// SPDX-License-Identifier: GPL-3.0-or-later
// File > Import... and File > Export as a user drives them: the preview, one undo step, the
// files written; and the golden image of the sample's diagram.
#include "tests/testutil.h"
#include "tests/views/scriptedprompter.h"

#include "model/commands/changecommand.h"
#include "model/commands/edits.h"
#include "model/document/analysisservice.h"
#include "model/document/document.h"
#include "model/document/selection.h"
#include "model/io/importer.h"
#include "model/io/modelfile.h"
#include "model/io/sample.h"
#include "views/dialogs/diagramoptionsdialog.h"
#include "views/dialogs/importpreviewdialog.h"
#include "views/export/incidentreport.h"
#include "views/mainwindow/interchangecontroller.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/scenariocontroller.h"
#include "views/panels/scenariopanel.h"

#include <QImage>
#include <QMenuBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QUndoStack>

#include <cmath>

using namespace vg;

namespace {

const QString kGolden = QStringLiteral(VG_TEST_DATA "/golden/sample-overview.png");

// How far apart two renderings are, at the scale where a person compares them: both are
// reduced to 25% with smoothing, so that antialiasing does not count but a missing node and
// its flows, a wrong colour or a moved node does. mean: the mean absolute channel difference
// (0..255); far: the share of pixels where some channel differs by more than 48. The
// reference is drawn with Debian 12's Qt 6.4 and DejaVu fonts (.ci/deps installs both); the
// tolerance (mean < 0.5, far < 0.08%) is below what removing one vendor does (far ~0.17%).
struct ImageDistance {
    double mean = 0, far = 0;
    bool sameSize = false;
};

ImageDistance distance(const QImage &a, const QImage &b)
{
    ImageDistance d;
    d.sameSize = std::abs(a.width() - b.width()) <= 2 && std::abs(a.height() - b.height()) <= 2;
    if (!d.sameSize)
        return d;
    const QSize small(b.width() / 4, b.height() / 4);
    const QImage x =
        a.convertToFormat(QImage::Format_RGB32).scaled(small, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const QImage y =
        b.convertToFormat(QImage::Format_RGB32).scaled(small, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    double sum = 0;
    qint64 far = 0;
    for (int row = 0; row < small.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const auto *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int col = 0; col < small.width(); ++col) {
            const int dr = std::abs(qRed(p[col]) - qRed(q[col])), dg = std::abs(qGreen(p[col]) - qGreen(q[col])),
                      db = std::abs(qBlue(p[col]) - qBlue(q[col]));
            sum += (dr + dg + db) / 3.0;
            far += std::max({dr, dg, db}) > 48;
        }
    }
    const double n = double(small.width()) * small.height();
    d.mean = sum / n;
    d.far = far / n;
    return d;
}

} // namespace

class TestInterchangeUi : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> m_window;
    test::ScriptedPrompter *m_prompter = nullptr;
    QTemporaryDir m_dir;

    Document *doc() const { return m_window->document(); }
    InterchangeController *io() const { return m_window->interchange(); }
    QString out(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    // The sample's whole-map diagram as PNG at 1x, with the date pinned.
    QImage sampleDiagram(const QString &path)
    {
        DiagramRequest req;
        req.date = QDate(2026, 1, 1);
        const Status s = exportDiagram(doc(), req, DiagramFormat::Png, path);
        if (!s)
            qWarning() << s.error().message();
        return QImage(path);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }
    void init()
    {
        auto prompter = std::make_unique<test::ScriptedPrompter>();
        m_prompter = prompter.get();
        m_window = std::make_unique<MainWindow>(std::move(prompter));
        m_window->resize(1400, 900);
        m_window->show();
        m_window->openSample();
    }
    void cleanup() { m_window.reset(); }

    void theFileMenuOffersImportAndExport()
    {
        QStringList texts;
        for (QAction *a : m_window->menuBar()->actions().constFirst()->menu()->actions())
            texts << a->text();
        QVERIFY2(texts.contains(QStringLiteral("&Import...")), qPrintable(texts.join(u'|')));
        QVERIFY(texts.contains(QStringLiteral("&Export")));
        // ... before Quit, after Save As.
        QVERIFY(texts.indexOf(QStringLiteral("&Import...")) > texts.indexOf(QStringLiteral("Save &As...")));
        QVERIFY(texts.indexOf(QStringLiteral("&Export")) < texts.indexOf(QStringLiteral("&Quit")));
    }

    void anInventoryArrivesAsOneUndoableStep()
    {
        const std::size_t nodes = doc()->snapshot()->nodes.size(), edges = doc()->snapshot()->edges.size();
        const int steps = doc()->undoStack()->count();
        QVERIFY(io()->importPaths({QStringLiteral(VG_TEST_DATA "/interchange/inventory")}));
        QCOMPARE(m_prompter->importPreviews, 1);
        QVERIFY(m_prompter->lastPlan && !m_prompter->lastPlan->addedNodes.empty());
        const auto after = doc()->snapshot();
        QCOMPARE(after->nodes.size(), nodes + m_prompter->lastPlan->addedNodes.size());
        QVERIFY(after->edges.size() > edges);
        QCOMPARE(doc()->undoStack()->count(), steps + 1);
        QVERIFY(doc()->isModified());
        // Every new node has a place, and none sits on a node that was there before.
        const auto before = bundledSample();
        for (const ImportedNode &n : m_prompter->lastPlan->addedNodes) {
            QVERIFY2(after->layout.contains(n.node.id), qPrintable(n.node.id));
            const QPointF p = after->layout.value(n.node.id);
            for (const Node &old : before.nodes)
                if (after->layout.contains(old.id)) {
                    const QPointF q = after->layout.value(old.id);
                    QVERIFY2(std::abs(p.x() - q.x()) > 100 || std::abs(p.y() - q.y()) > 40,
                             qPrintable(n.node.id + QStringLiteral(" overlaps ") + old.id));
                }
        }
        // The canvas shows them.
        QVERIFY(doc()->store().node(m_prompter->lastPlan->addedNodes.front().node.id) >= 0);
        // One undo takes the whole import back.
        doc()->undoStack()->undo();
        QCOMPARE(doc()->snapshot()->nodes.size(), nodes);
        QCOMPARE(doc()->snapshot()->edges.size(), edges);
        doc()->undoStack()->redo();
        QCOMPARE(doc()->snapshot()->nodes.size(), after->nodes.size());
    }

    void cancellingThePreviewChangesNothing()
    {
        const int revision = int(doc()->contentRevision());
        m_prompter->importAccepted = false;
        QVERIFY(!io()->importPaths({QStringLiteral(VG_TEST_DATA "/interchange/inventory")}));
        QCOMPARE(m_prompter->importPreviews, 1);
        QCOMPARE(int(doc()->contentRevision()), revision);
        QVERIFY(!doc()->isModified());
    }

    void theUsersDecisionsOnUncertainNamesAreFollowed()
    {
        // "Pulsegraph Analytics, Inc." is probably the sample's Pulsegraph Analytics: the preview asks.
        const QString csv = out("uncertain.csv");
        QVERIFY(test::writeAll(csv, "name,kind,notes\r\n\"Pulsegraph Analytics, Inc.\",vendor,from procurement\r\n"));
        QVERIFY(io()->importPaths({csv}) || m_prompter->lastPlan);
        QVERIFY(m_prompter->lastPlan);
        QCOMPARE(m_prompter->lastPlan->uncertain.size(), std::size_t(1));
        const UncertainMatch u = m_prompter->lastPlan->uncertain.front();
        doc()->undoStack()->undo();
        const std::size_t nodes = doc()->snapshot()->nodes.size();
        // Merge it into the first candidate: no new node, one preview per plan.
        m_prompter->importDecisions.insert(u.key, u.candidates.front().id);
        QVERIFY(io()->importPaths({csv}));
        QCOMPARE(doc()->snapshot()->nodes.size(), nodes);
        const auto now = doc()->snapshot();
        const auto merged = std::find_if(now->nodes.cbegin(), now->nodes.cend(),
                                         [&](const Node &n) { return n.id == u.candidates.front().id; });
        QVERIFY(merged != now->nodes.cend());
        QCOMPARE(merged->description, QStringLiteral("from procurement"));
    }

    void aBrokenFileIsNamedAndChangesNothing()
    {
        const int revision = int(doc()->contentRevision());
        QVERIFY(!io()->importPaths({QStringLiteral(VG_TEST_DATA "/interchange/truncated.csv")}));
        QCOMPARE(m_prompter->errors.size(), 1);
        QVERIFY2(m_prompter->errors.front().contains(QStringLiteral("truncated.csv")),
                 qPrintable(m_prompter->errors.front()));
        QVERIFY(m_prompter->errors.front().contains(QRegularExpression(QStringLiteral("line \\d+"))));
        QCOMPARE(m_prompter->importPreviews, 0);
        QCOMPARE(int(doc()->contentRevision()), revision);
    }

    void diagramsInEveryFormat()
    {
        m_prompter->exportPath = out("map");
        QVERIFY(io()->exportDiagram(DiagramFormat::Png));
        QVERIFY(!m_prompter->blastOffered); // no scenario yet
        const QImage png(out("map.png")); // the suffix was added
        QVERIFY(!png.isNull());
        QVERIFY(png.width() > 800 && png.height() > 400);
        m_prompter->exportPath = out("map.svg");
        QVERIFY(io()->exportDiagram(DiagramFormat::Svg));
        QSvgRenderer svg(out("map.svg"));
        QVERIFY(svg.isValid());
        QVERIFY(test::readAll(out("map.svg")).contains("crm"));
        m_prompter->exportPath = out("map.pdf");
        QVERIFY(io()->exportDiagram(DiagramFormat::Pdf));
        QVERIFY(test::readAll(out("map.pdf")).startsWith("%PDF-"));
        // Cancelling the dialog writes nothing.
        m_prompter->diagramAccepted = false;
        m_prompter->exportPath = out("never.png");
        QVERIFY(!io()->exportDiagram(DiagramFormat::Png));
        QVERIFY(!QFile::exists(out("never.png")));
    }

    void theBlastSubgraphAndTheSelection()
    {
        m_window->selection()->selectNode(QStringLiteral("analytics"));
        m_window->scenarios()->mark(Compromise::Breached);
        m_window->analysis()->waitForIdle();
        m_prompter->diagramScope = DiagramRequest::Scope::Blast;
        m_prompter->exportPath = out("blast.png");
        QVERIFY(io()->exportDiagram(DiagramFormat::Png));
        QVERIFY(m_prompter->blastOffered);
        const QImage blast(out("blast.png"));
        m_prompter->diagramScope = DiagramRequest::Scope::All;
        m_prompter->exportPath = out("all.png");
        QVERIFY(io()->exportDiagram(DiagramFormat::Png));
        // The blast subgraph is a small part of the map.
        QVERIFY(blast.width() * blast.height() < QImage(out("all.png")).width() * QImage(out("all.png")).height());
        // It shows where the data came from (the services that sent it, the people it is
        // about) and where it went, and nothing else.
        m_prompter->diagramScope = DiagramRequest::Scope::Blast;
        m_prompter->exportPath = out("blast.svg");
        QVERIFY(io()->exportDiagram(DiagramFormat::Svg));
        const QByteArray svg = test::readAll(out("blast.svg"));
        for (const char *id : {"analytics", "dashboard", "marketing_site", "analytics_cloud"})
            QVERIFY2(svg.contains(QByteArray(">") + id + "<"), id);
        QVERIFY(svg.contains(">API customers")); // a population shows its name and head count
        QVERIFY(!svg.contains(">crm<"));
        // A selection with nothing selected is refused with a message.
        m_window->selection()->clear();
        m_prompter->diagramScope = DiagramRequest::Scope::Selection;
        m_prompter->exportPath = out("sel.png");
        QVERIFY(!io()->exportDiagram(DiagramFormat::Png));
        QCOMPARE(m_prompter->errors.size(), 1);
        QVERIFY(!QFile::exists(out("sel.png")));
    }

    void theReportNeedsAScenarioAndComesFromThePanelToo()
    {
        m_prompter->exportPath = out("report.pdf");
        QVERIFY(!io()->exportReport());
        QVERIFY(m_prompter->errors.value(0).contains(QStringLiteral("Mark Breached")));
        QVERIFY(!m_window->scenarioPanel()->reportButton()->isEnabled());
        m_window->selection()->selectNode(QStringLiteral("analytics"));
        m_window->scenarios()->mark(Compromise::Breached);
        m_window->analysis()->waitForIdle();
        QVERIFY(m_window->scenarioPanel()->reportButton()->isEnabled());
        m_window->scenarioPanel()->reportButton()->click();
        const QByteArray pdf = test::readAll(out("report.pdf"));
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.size() > 20000);
        // What it says: the HTML it was printed from.
        const QString html = incidentReportHtml(doc(), *m_window->analysis()->result());
        QVERIFY(html.contains(QStringLiteral("NOT exposed")));
        // Only the seed was reached: the paths section says so instead of standing empty.
        QVERIFY(html.contains(QStringLiteral("Nothing propagated beyond analytics breached")));
    }

    void dataInEveryFormat()
    {
        m_prompter->exportPath = out("model");
        QVERIFY(io()->exportData(DataFormat::Json));
        const Expected<Model> back = loadModel(out("model.json"));
        QVERIFY2(back, back ? "" : qPrintable(back.error().message()));
        QCOMPARE(back->nodes.size(), doc()->snapshot()->nodes.size());
        QCOMPARE(back->edges.size(), doc()->snapshot()->edges.size());
        m_prompter->exportPath = out("csv");
        QVERIFY(io()->exportData(DataFormat::Csv));
        QVERIFY(QFile::exists(out("csv/nodes.csv")) && QFile::exists(out("csv/edges.csv")));
        for (auto [format, name, marker] :
             {std::tuple{DataFormat::Graphml, "g", "<graphml"}, std::tuple{DataFormat::Dot, "d", "digraph"},
              std::tuple{DataFormat::Mermaid, "m", "flowchart"}}) {
            m_prompter->exportPath = out(name);
            QVERIFY(io()->exportData(format));
            const QDir dir(m_dir.path());
            const QStringList written = dir.entryList({QString::fromLatin1(name) + QStringLiteral(".*")});
            QCOMPARE(written.size(), 1);
            QVERIFY2(test::readAll(dir.filePath(written.front())).contains(marker), name);
        }
        // A folder where a file must go: the error names it, and the app goes on.
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("taken.json")));
        m_prompter->exportPath = out("taken.json");
        QVERIFY(!io()->exportData(DataFormat::Json));
        QVERIFY2(m_prompter->errors.value(0).contains(QStringLiteral("taken.json")),
                 qPrintable(m_prompter->errors.value(0)));
    }

    // The sample's overview, compared with the reference picture at the scale a person sees
    // it. VG_UPDATE_GOLDEN=1 rewrites the reference (look at it before committing).
    void goldenImageOfTheSample()
    {
        const QImage now = sampleDiagram(out("golden-now.png"));
        QVERIFY(!now.isNull());
        if (qEnvironmentVariableIsSet("VG_UPDATE_GOLDEN")) {
            QVERIFY(QDir().mkpath(QFileInfo(kGolden).absolutePath()));
            QVERIFY(QFile::remove(kGolden) || !QFile::exists(kGolden));
            QVERIFY(QFile::copy(out("golden-now.png"), kGolden));
            QSKIP("the reference was rewritten");
        }
        const QImage ref(kGolden);
        QVERIFY2(!ref.isNull(), qPrintable(kGolden));
        const ImageDistance d = distance(now, ref);
        QVERIFY2(d.sameSize,
                 qPrintable(QStringLiteral("%1x%2 against %3x%4")
                                .arg(now.width())
                                .arg(now.height())
                                .arg(ref.width())
                                .arg(ref.height())));
        qInfo("against the reference: mean %.2f, far %.4f", d.mean, d.far);
        QVERIFY2(d.mean < 0.5 && d.far < 0.0008, qPrintable(QStringLiteral("mean %1, far %2").arg(d.mean).arg(d.far)));
    }

    // The tolerance is tight enough to see a real change: the same map with one vendor's
    // edges gone, or in the dark palette, is far from the reference.
    void theGoldenToleranceSeesRealChanges()
    {
        const QImage ref(kGolden);
        QVERIFY(!ref.isNull());
        m_window->selection()->selectNode(QStringLiteral("analytics"));
        m_window->scenarios()->mark(Compromise::Breached);
        m_window->analysis()->waitForIdle();
        DiagramRequest req;
        req.date = QDate(2026, 1, 1);
        req.analysis = m_window->analysis()->result();
        QVERIFY(exportDiagram(doc(), req, DiagramFormat::Png, out("golden-changed.png")));
        const ImageDistance d = distance(QImage(out("golden-changed.png")), ref);
        QVERIFY2(!d.sameSize || d.mean >= 0.5 || d.far >= 0.0008,
                 qPrintable(QStringLiteral("mean %1, far %2").arg(d.mean).arg(d.far)));
        // One vendor and its flows gone (the picture keeps its size: the vendor column is long).
        m_window->analysis()->clearSeeds();
        doc()->undoStack()->push(new ChangeCommand(doc(), removeItems(*doc(), {QStringLiteral("crm")}, {}), QString()));
        const ImageDistance e = distance(sampleDiagram(out("golden-minus-crm.png")), ref);
        qInfo("without crm: same size %d, mean %.2f, far %.4f", e.sameSize, e.mean, e.far);
        QVERIFY2(!e.sameSize || e.mean >= 0.5 || e.far >= 0.0008,
                 qPrintable(QStringLiteral("mean %1, far %2").arg(e.mean).arg(e.far)));
    }

    // VG_SCREENSHOTS=DIR: the import preview (a messy sub-processor sheet) and the diagram
    // dialog, as a person sees them.
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("VG_SCREENSHOTS");
        if (dir.isEmpty())
            QSKIP("set VG_SCREENSHOTS=DIR to save screenshots");
        std::vector<ImportSource> sources{
            {QStringLiteral(VG_TEST_DATA "/interchange/subprocessors.csv"), ImportFormat::Auto, {}},
            {QStringLiteral(VG_TEST_DATA "/interchange/inventory"), ImportFormat::Auto, {}}};
        const Expected<ImportPlan> plan = planImport(sources, *doc()->snapshot());
        QVERIFY(plan);
        ImportPreviewDialog preview(*plan, m_window.get());
        preview.resize(900, 560);
        preview.show();
        for (int i = 0; i < preview.tabs()->count(); ++i) {
            preview.tabs()->setCurrentIndex(i);
            QCoreApplication::processEvents();
            QVERIFY(preview.grab().save(dir + QStringLiteral("/30-import-preview-%1.png").arg(i)));
        }
        DiagramRequest req;
        req.title = doc()->name();
        DiagramOptionsDialog options(req, true, false, true, m_window.get());
        options.show();
        QCoreApplication::processEvents();
        QVERIFY(options.grab().save(dir + QStringLiteral("/31-diagram-options.png")));
    }
};

QTEST_MAIN(TestInterchangeUi)
#include "tst_interchangeui.moc"
