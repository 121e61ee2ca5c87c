// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/model/team/pgtestserver.h"
#include "tests/testutil.h"

#include "model/commands/changecommand.h"
#include "model/commands/edits.h"
#include "model/document/document.h"
#include "model/team/historytablemodel.h"
#include "model/team/teamsession.h"
#include "views/team/conflictdialog.h"
#include "views/team/historypanel.h"
#include "views/team/teamcontroller.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>

using namespace vg;

namespace {

// Answers the team questions from fields the test sets, and records what was asked.
class FakeTeamPrompter final : public TeamPrompter {
public:
    QString url;
    std::optional<bool> keepMine = true;
    bool closeAnyway = false;
    QStringList errors;
    QStringList conflictTexts;
    int closeAsked = 0;

    QString askUrl(QWidget *, const QString &, const QStringList &, const QString &) override { return url; }
    std::optional<QString> askPassword(QWidget *, const QString &) override { return std::nullopt; }
    std::optional<bool> askConflict(QWidget *, const TeamConflict &c) override
    {
        const auto [mine, theirs] = ConflictDialog::describe(c);
        conflictTexts << mine << theirs;
        return keepMine;
    }
    QString askSavePath(QWidget *, const QString &) override { return {}; }
    bool askCloseWithQueued(QWidget *, int) override
    {
        ++closeAsked;
        return closeAnyway;
    }
    void showError(QWidget *, const QString &, const QString &message) override { errors << message; }
};

void rename(Document &doc, const char *id, const QString &name)
{
    Node n = *doc.store().findNode(QString::fromLatin1(id));
    n.name = name;
    doc.undoStack()->push(new ChangeCommand(&doc, replaceNode(doc, n.id, n), QStringLiteral("Rename %1").arg(n.id)));
}

} // namespace

class TestTeamController : public QObject {
    Q_OBJECT
private:
    test::PgTestServer m_server;
    int m_n = 0;
    QString m_model;

    QString url(const char *user) const { return m_server.url(QString::fromLatin1(user), m_model); }

    struct Window {
        QMainWindow window;
        Document *doc = new Document(&window);
        FakeTeamPrompter *prompter = new FakeTeamPrompter;
        TeamController *team;
        QAction *quit;
        Window()
        {
            QMenu *file = window.menuBar()->addMenu(QStringLiteral("&File"));
            quit = file->addAction(QStringLiteral("&Quit"));
            team = TeamController::install(&window, doc, file, quit, std::unique_ptr<TeamPrompter>(prompter));
            team->session()->setReconnectDelay(100);
        }
    };

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("VendorGraphTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_teamcontroller"));
        QSettings().clear();
        const QString why = m_server.start();
        if (!why.isEmpty())
            QFAIL(qPrintable(why));
    }
    void init()
    {
        m_model = QStringLiteral("g%1").arg(++m_n);
        QVERIFY(pushModel(test::exampleModel(), url("dave"), false));
    }
    void cleanupTestCase()
    {
        QSettings().clear();
        m_server.stop();
    }

    void installAddsMenuStatusTitleAndHistory()
    {
        Window w;
        const QList<QAction *> actions = w.window.menuBar()->actions().first()->menu()->actions();
        for (QAction *a : {w.team->connectAction(), w.team->publishAction(), w.team->saveCopyAction(),
                           w.team->resolveAction(), w.team->disconnectAction()})
            QVERIFY(actions.indexOf(a) >= 0 && actions.indexOf(a) < actions.indexOf(w.quit));
        QVERIFY(!w.team->isTeamDocument());
        QVERIFY(!w.team->statusLabel()->isVisibleTo(&w.window));
        QVERIFY(w.team->connectTo(url("alice")));
        QVERIFY(w.team->isTeamDocument());
        QVERIFY(w.team->statusLabel()->isVisibleTo(&w.window));
        const QString status = w.team->statusLabel()->text();
        QVERIFY2(status.contains(m_model) && status.contains(m_server.socketDir())
                     && status.contains(u"Online as alice"),
                 qPrintable(status));
        QVERIFY(w.window.windowTitle().contains(m_model));
        QVERIFY(w.window.windowTitle().contains(u"online"));
        QCOMPARE(w.doc->store().nodeCount(), int(test::exampleModel().nodes.size()));
        // The URL is remembered for next time, without anything secret.
        QCOMPARE(w.team->recentUrls().first(), TeamUrl::parse(url("alice"))->display());

        rename(*w.doc, "crm", QStringLiteral("Logged"));
        w.team->historyPanel()->showItem(ItemKind::Node, QStringLiteral("crm"));
        HistoryTableModel *h = w.team->historyPanel()->model();
        QAbstractItemModelTester tester(h, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(h->rowCount(), 2); // the rename, then the publish that created crm
        QCOMPARE(h->data(h->index(1, HistoryTableModel::Field)).toString(), QStringLiteral("created by the publish"));
        QCOMPARE(h->data(h->index(1, HistoryTableModel::Who)).toString(), QStringLiteral("dave"));
        QCOMPARE(h->data(h->index(0, HistoryTableModel::Who)).toString(), QStringLiteral("alice"));
        QCOMPARE(h->data(h->index(0, HistoryTableModel::Field)).toString(), QStringLiteral("name"));
        QCOMPARE(h->data(h->index(0, HistoryTableModel::After)).toString(), QStringLiteral("Logged"));
        // VG_SCREENSHOTS=DIR saves what a person would see, for review.
        if (const QByteArray dir = qgetenv("VG_SCREENSHOTS"); !dir.isEmpty()) {
            w.team->historyDock()->show();
            w.window.resize(1100, 600);
            w.window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w.window));
            QVERIFY(w.window.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/team-history.png")));
        }
        // Filter by person: nobody else changed anything.
        w.team->historyPanel()->authorFilter()->setText(QStringLiteral("bob"));
        w.team->historyPanel()->refresh();
        QCOMPARE(h->rowCount(), 0);

        // Offline: the state is shown and the title says so.
        w.team->session()->setReconnectDelay(60000);
        w.team->session()->dropConnection();
        QVERIFY(w.team->statusLabel()->text().contains(u"Offline"));
        QVERIFY(w.window.windowTitle().contains(u"offline"));
        w.team->disconnect();
        QVERIFY(!w.team->statusLabel()->isVisibleTo(&w.window));
    }

    void conflictAsksWithBothVersionsAndKeepsMine()
    {
        Window w;
        QVERIFY(w.team->connectTo(url("alice")));
        Document other;
        TeamSession bob(&other);
        QVERIFY(bob.open(url("bob")));
        rename(other, "crm", QStringLiteral("Bob's name"));
        rename(*w.doc, "crm", QStringLiteral("Alice's name")); // before Bob's edit has arrived
        QTRY_COMPARE(w.prompter->conflictTexts.size(), 2);
        QVERIFY2(w.prompter->conflictTexts[0].contains(u"≠ name: Alice's name"),
                 qPrintable(w.prompter->conflictTexts[0]));
        QVERIFY(w.prompter->conflictTexts[1].contains(u"≠ name: Bob's name"));
        QVERIFY(w.team->session()->conflicts().empty());
        QTRY_COMPARE(other.store().findNode(QStringLiteral("crm"))->name, QStringLiteral("Alice's name"));
    }

    void conflictDialogOffersBothChoicesAndCopiesMine()
    {
        TeamConflict c;
        c.summary = QStringLiteral("Rename crm");
        c.authors = QStringList{QStringLiteral("bob")};
        Node mine = test::exampleModel().nodes.at(4), theirs = mine;
        mine.name = QStringLiteral("Mine");
        theirs.name = QStringLiteral("Theirs");
        c.mine.nodes.push_back({mine.id, 3, mine, std::nullopt});
        c.theirs.nodes.push_back({theirs.id, 4, theirs, std::nullopt});
        c.theirs.revision = 4;
        ConflictDialog d(c);
        if (const QByteArray dir = qgetenv("VG_SCREENSHOTS"); !dir.isEmpty()) {
            d.show();
            QVERIFY(QTest::qWaitForWindowExposed(&d));
            QVERIFY(d.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/team-conflict.png")));
        }
        QVERIFY(d.mineText().contains(u"≠ name: Mine"));
        QVERIFY(d.theirsText().contains(u"≠ name: Theirs"));
        QVERIFY(d.theirsText().contains(u"  kind: vendor")); // equal fields are not marked
        d.findChild<QPushButton *>(QStringLiteral("copyMine"))->click();
        QCOMPARE(QApplication::clipboard()->text(), d.mineText());
        QVERIFY(!d.choice());
        d.findChild<QPushButton *>(QStringLiteral("takeTheirs"))->click();
        QCOMPARE(d.choice(), std::optional<bool>(false));
    }

    void publishThenSaveACopy()
    {
        Window w;
        Model m = test::exampleModel();
        m.name = QStringLiteral("To publish");
        w.doc->reset(m, QString());
        m_model = QStringLiteral("published-%1").arg(m_n);
        QVERIFY(w.team->publish(url("dave")));
        QCOMPARE(w.team->session()->state(), TeamSession::State::Online);
        QCOMPARE(pullModel(url("carol"))->name, QStringLiteral("To publish"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("copy.json"));
        QVERIFY(w.team->saveCopyAs(path));
        QCOMPARE(test::readAll(path), serializeModelJson(*pullModel(url("carol"))));
        // Publishing over an existing model is refused, with a message.
        QVERIFY(!w.team->publish(url("dave")));
        QVERIFY(w.prompter->errors.last().contains(u"already on the server"));
    }

    void closingWithQueuedEditsAsks()
    {
        Window w;
        QVERIFY(w.team->connectTo(url("alice")));
        w.team->session()->setReconnectDelay(60000);
        w.team->session()->dropConnection();
        rename(*w.doc, "crm", QStringLiteral("Queued"));
        QCOMPARE(w.team->session()->queuedEdits(), 1);
        QVERIFY(w.team->statusLabel()->text().contains(u"queued"));
        w.window.show();
        QVERIFY(!w.window.close());
        QCOMPARE(w.prompter->closeAsked, 1);
        QVERIFY(w.window.isVisible());
        w.prompter->closeAnyway = true;
        QVERIFY(w.window.close());
    }
};

QTEST_MAIN(TestTeamController)
#include "tst_teamcontroller.moc"
