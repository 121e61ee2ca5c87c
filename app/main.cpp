// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/cli.h"

#include "views/mainwindow/filecontroller.h"
#include "views/mainwindow/mainwindow.h"
#include "views/team/teamcontroller.h"

#include <QApplication>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    QCoreApplication::setOrganizationName(QStringLiteral("VendorGraph"));
    QCoreApplication::setApplicationName(QStringLiteral("VendorGraph"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VENDORGRAPH_VERSION));
    if (vg::cli::isHeadless(args)) {
        if (!vg::cli::needsWidgets(args)) {
            QCoreApplication app(argc, argv);
            return vg::cli::run(args);
        }
        // Diagrams and the canvas benchmark draw with the canvas's own code: widgets, but
        // no display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        return vg::cli::run(args);
    }
    QApplication app(argc, argv);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/vendorgraph/icons/vendorgraph.svg")));
    vg::MainWindow window;
    window.show();
    if (args.value(0) == u"--sample") {
        if (!window.files()->offerRecovery())
            window.openSample();
    } else if (args.value(0).startsWith(QLatin1String("postgres"))) {
        if (!window.team()->connectTo(args.value(0)))
            window.openSample();
    } else
        window.openInitial(args.value(0));
    return QApplication::exec();
}
