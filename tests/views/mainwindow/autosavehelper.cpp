// SPDX-License-Identifier: GPL-3.0-or-later
// A desktop session for the autosave test: opens MODEL, renames a node (unsaved), writes the
// autosave, prints "autosaved" and then either waits to be killed or, with --quit, quits
// cleanly. The test kills it with SIGKILL and checks that the next session recovers the edit.
// With --edit-every MS it instead autosaves on the app's own timer (every 5 s, the shortest
// interval) and renames the node to "edit N" every MS ms, printing "EDIT N T" (T: ms since
// the first edit), until it is killed.
#include "model/commands/changecommand.h"
#include "model/commands/edits.h"
#include "model/document/document.h"
#include "views/mainwindow/filecontroller.h"
#include "views/mainwindow/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("VendorGraph"));
    QCoreApplication::setApplicationName(QStringLiteral("VendorGraph"));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 3)
        return 2;
    vg::MainWindow window;
    window.show();
    if (!window.openFile(args.at(1)))
        return 3;
    vg::Document *doc = window.document();
    if (const qsizetype every = args.indexOf(QStringLiteral("--edit-every")); every > 0 && every + 1 < args.size()) {
        window.files()->setAutosaveInterval(5);
        QTimer timer;
        QElapsedTimer clock;
        int edits = 0;
        QObject::connect(&timer, &QTimer::timeout, &window, [&] {
            if (edits == 0)
                clock.start();
            vg::Node n = *doc->store().findNode(args.at(2));
            n.name = QStringLiteral("edit %1").arg(++edits);
            doc->undoStack()->push(
                new vg::ChangeCommand(doc, vg::replaceNode(*doc, n.id, n), QStringLiteral("Rename")));
            std::printf("EDIT %d %lld\n", edits, clock.elapsed());
            std::fflush(stdout);
        });
        timer.start(args.at(every + 1).toInt());
        return QApplication::exec();
    }
    vg::Node n = *doc->store().findNode(args.at(2));
    n.name = QStringLiteral("Renamed before the crash");
    doc->undoStack()->push(new vg::ChangeCommand(doc, vg::replaceNode(*doc, n.id, n), QStringLiteral("Rename")));
    if (!window.files()->autosaveNow())
        return 4;
    std::puts("autosaved");
    std::fflush(stdout);
    if (args.contains(QStringLiteral("--quit"))) {
        window.document()->undoStack()->setClean(); // nothing to ask about: quit as after a save
        window.close();
        return 0;
    }
    return QApplication::exec();
}
