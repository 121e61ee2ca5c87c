// SPDX-License-Identifier: GPL-3.0-or-later
// No model content in logs (issue 11): with Qt's default logging rules, a whole session on a
// model whose every name, id, description and category carries a marker (open, edit, copy and
// paste, mark a breach and analyse, layouts, autosave, save, Save As, export, a failed open and
// an import with refused rows) writes no message that contains the marker, and the source has
// no logging call beyond the reviewed ones.
#include "tests/testutil.h"
#include "tests/views/scriptedprompter.h"

#include "model/document/analysisservice.h"
#include "model/document/document.h"
#include "model/document/selection.h"
#include "model/io/dataexport.h"
#include "model/io/importer.h"
#include "model/io/modelfile.h"
#include "model/io/sample.h"
#include "views/mainwindow/editcontroller.h"
#include "views/mainwindow/filecontroller.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/scenariocontroller.h"
#include "views/mainwindow/viewcontroller.h"

#include <QDirIterator>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace vg;

namespace {

QStringList g_messages;

void capture(QtMsgType, const QMessageLogContext &, const QString &message) { g_messages << message; }

const QString kMarker = QStringLiteral("Zq7Marker");

// The sample with the marker in every text a user could type.
Model markedSample()
{
    Model m = bundledSample();
    m.name = kMarker + QStringLiteral(" model");
    for (Node &n : m.nodes) {
        n.name = kMarker + QStringLiteral(" ") + n.name;
        n.description = QStringLiteral("secret ") + kMarker;
        n.tags << kMarker;
    }
    for (Edge &e : m.edges) {
        e.description = kMarker + QStringLiteral(" flow");
        e.source = kMarker;
    }
    CategoryDef c;
    c.id = QStringLiteral("X.") + kMarker.toUpper();
    c.name = kMarker + QStringLiteral(" category");
    c.tier = 1;
    m.categories.push_back(c);
    for (Edge &e : m.edges)
        if (e.kind == EdgeKind::Data) {
            e.categories << c.id;
            break;
        }
    return m;
}

} // namespace

class TestLogs : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString path(const char *n) const { return m_dir.filePath(QLatin1StringView(n)); }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("VendorGraph"));
        QCoreApplication::setApplicationName(QStringLiteral("VendorGraph"));
        QLoggingCategory::setFilterRules(QString()); // Qt's defaults: debug and up, except qt.*
    }

    void aWholeSessionLogsNoModelContent()
    {
        QVERIFY(saveModel(markedSample(), path("marked.vgdb")).ok());
        QVERIFY(test::writeAll(path("broken.json"), "{\"format\": \"vendorgraph\", \"name\": \"" + kMarker.toUtf8()));
        QVERIFY(test::writeAll(path("rows.csv"), QByteArray("id,name,kind\nbad id!,") + kMarker.toUtf8() + ",robot\n"));
        const QtMessageHandler previous = qInstallMessageHandler(&capture);
        qWarning("self-check %s", "of the handler");
        {
            auto prompter = std::make_unique<test::ScriptedPrompter>();
            test::ScriptedPrompter *answers = prompter.get();
            MainWindow window(std::move(prompter));
            window.show();
            QVERIFY(window.openFile(path("marked.vgdb")));
            Document *doc = window.document();
            const QString first = doc->snapshot()->nodes.front().id;
            window.selection()->set({first, QStringLiteral("analytics")}, {});
            window.edits()->copySelection();
            QVERIFY(window.edits()->paste());
            window.selection()->set({QStringLiteral("analytics")}, {});
            window.scenarios()->mark(Compromise::Breached);
            window.analysis()->waitForIdle();
            QVERIFY(window.analysis()->isCurrent());
            QVERIFY(window.views()->runLayout(LayoutKind::Tiers, false));
            QVERIFY(window.views()->runLayout(LayoutKind::Organic, false));
            QVERIFY(window.files()->autosaveNow());
            QVERIFY(window.save());
            answers->savePath = path("marked-copy.json");
            QVERIFY(window.saveAs());
            QVERIFY(!window.openFile(path("broken.json")));
            QVERIFY(!answers->errors.isEmpty()); // shown to the user, not logged
            QVERIFY(exportModelData(*doc->snapshot(), DataFormat::Graphml, path("marked.graphml")).ok());
            const auto plan = planImport({ImportSource{path("rows.csv"), ImportFormat::Auto, {}}}, *doc->snapshot());
            QVERIFY(plan.ok() && !plan->rejected.empty());
            doc->undoStack()->setClean();
            window.files()->shutdown();
        }
        qInstallMessageHandler(previous);
        QVERIFY(g_messages.contains(QStringLiteral("self-check of the handler")));
        for (const QString &m : std::as_const(g_messages))
            QVERIFY2(!m.contains(kMarker, Qt::CaseInsensitive), qPrintable(m));
        qInfo("%lld messages logged during the session, none with model content", qint64(g_messages.size()));
    }

    // The logging calls in the code base, reviewed: none prints model content.
    void everyLoggingCallIsReviewed()
    {
        static const QStringList reviewed{
            // Internal failures of the engine (issue 8's rewrite): the text of a standard or
            // Boost exception (bad_alloc, a Boost.Graph error), which carries no ids or names.
            QStringLiteral("model/engine/rankindex.cpp: qWarning(\"rank failed: %s\", e.what());"),
            QStringLiteral("model/engine/update.cpp: qWarning(\"incremental update failed, rebuilding: %s\", e.what());"),
        };
        static const QRegularExpression call(
            QStringLiteral(R"(\b(qDebug|qInfo|qWarning|qCritical|qCDebug|qCInfo|qCWarning|qCCritical)\s*\()"));
        QStringList found;
        for (const char *dir : {"model", "views", "app"}) {
            QDirIterator it(QStringLiteral(VG_SOURCE_DIR "/") + QLatin1StringView(dir),
                            {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString file = it.next();
                const QStringList lines = QString::fromUtf8(test::readAll(file)).split(QLatin1Char('\n'));
                for (const QString &line : lines)
                    if (call.match(line).hasMatch())
                        found << QDir(QStringLiteral(VG_SOURCE_DIR)).relativeFilePath(file) + QStringLiteral(": ")
                                + line.trimmed();
            }
        }
        for (const QString &f : std::as_const(found))
            QVERIFY2(reviewed.contains(f), qPrintable(QStringLiteral("a logging call to review: ") + f));
    }
};

QTEST_MAIN(TestLogs)
#include "tst_logs.moc"
