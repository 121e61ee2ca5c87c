// SPDX-License-Identifier: GPL-3.0-or-later
// File modes (issue 11): documents, interchange files, exports, autosaves, their records and
// every temporary file a save makes are created readable by their owner only (0600), whatever
// the umask (this test runs with umask 0, the most permissive); the autosave folder is 0700.
#include "tests/testutil.h"

#include "model/io/dataexport.h"
#include "model/io/modelfile.h"
#include "model/io/sample.h"
#include "model/storage/atomicfile.h"
#include "model/storage/autosave.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

#include <csignal>
#include <sys/stat.h>

using namespace vg;

namespace {

unsigned modeOf(const QString &path)
{
    struct stat st { };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 07777 : 0xFFFF;
}

// Files under dir whose mode is not 0600 ("name 0644"); folders must be 0700 if `folders`.
QStringList wrongModes(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        if (const unsigned m = modeOf(f); m != 0600 && m != 0xFFFF)
            out << QStringLiteral("%1 %2").arg(QDir(dir).relativeFilePath(f)).arg(m, 4, 8, QLatin1Char('0'));
    }
    return out;
}

} // namespace

class TestFileModes : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    mode_t m_umask = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() { m_umask = ::umask(0); }
    void cleanupTestCase() { ::umask(m_umask); }

    void everyFileWrittenIsOwnerOnly_data()
    {
        QTest::addColumn<QString>("what");
        for (const char *what : {"document", "interchange JSON", "replacing a world-readable file", "autosave",
                                 "CSV export", "GraphML export", "DOT export", "Mermaid export", "JSON export"})
            QTest::newRow(what) << QString::fromLatin1(what);
    }
    void everyFileWrittenIsOwnerOnly()
    {
        QFETCH(QString, what);
        QTemporaryDir dir(m_dir.filePath(QStringLiteral("XXXXXX")));
        const Model m = bundledSample();
        auto at = [&](const char *name) { return dir.filePath(QLatin1StringView(name)); };
        if (what == u"document") {
            QVERIFY(saveModel(m, at("a.vgdb")).ok());
        } else if (what == u"interchange JSON") {
            QVERIFY(saveModel(m, at("a.json")).ok());
        } else if (what == u"replacing a world-readable file") {
            QVERIFY(test::writeAll(at("a.vgdb"), "old"));
            QVERIFY(QFile::setPermissions(at("a.vgdb"),
                                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther
                                              | QFileDevice::ReadGroup));
            QCOMPARE(modeOf(at("a.vgdb")), 0644u);
            QVERIFY(saveModel(m, at("a.vgdb")).ok());
        } else if (what == u"autosave") {
            Autosave a(at("autosave"));
            QVERIFY(a.begin());
            QVERIFY(a.write(m, at("doc.vgdb"), QStringLiteral("doc")).ok()); // beside the document
            QVERIFY(a.write(m, QString(), QStringLiteral("Untitled")).ok()); // in the autosave folder
            QCOMPARE(modeOf(at("autosave")), 0700u);
            QVERIFY2(wrongModes(dir.path()).isEmpty(), qPrintable(wrongModes(dir.path()).join(u", ")));
            QVERIFY(QFileInfo::exists(a.pathFor(at("doc.vgdb"))) || QFileInfo::exists(a.pathFor(QString())));
            a.end();
            return;
        } else {
            const DataFormat format = what.startsWith(u"CSV") ? DataFormat::Csv
                : what.startsWith(u"GraphML")                 ? DataFormat::Graphml
                : what.startsWith(u"DOT")                     ? DataFormat::Dot
                : what.startsWith(u"Mermaid")                 ? DataFormat::Mermaid
                                                              : DataFormat::Json;
            QVERIFY(exportModelData(m, format, format == DataFormat::Csv ? at("csv") : at("export.out")).ok());
        }
        QVERIFY(
            !QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::AllDirs | QDir::NoDotAndDotDot).isEmpty());
        QVERIFY2(wrongModes(dir.path()).isEmpty(), qPrintable(wrongModes(dir.path()).join(u", ")));
    }

    // The temporary file a save fills is 0600 while it is being written.
    void theTemporaryFileOfASaveIsOwnerOnly()
    {
        unsigned seen = 0;
        const Status s = writeFileAtomically(path(QStringLiteral("tmp.vgdb")), [&](const QString &tmp) -> Status {
            seen = modeOf(tmp);
            return Done{};
        });
        QVERIFY(s.ok());
        QCOMPARE(seen, 0600u);
        QCOMPARE(modeOf(path(QStringLiteral("tmp.vgdb"))), 0600u);
    }

    // And so is every file that appears while saves run in another process (the new file, its
    // SQLite journal): the folder is watched while vg_savehelper saves over and over.
    void nothingWorldReadableAppearsDuringSaves()
    {
        QTemporaryDir dir(m_dir.filePath(QStringLiteral("XXXXXX")));
        QVERIFY(saveModel(bundledSample(), dir.filePath(QStringLiteral("src.json"))).ok());
        QProcess helper;
        helper.start(QStringLiteral(VG_SAVEHELPER),
                     {dir.filePath(QStringLiteral("src.json")), dir.filePath(QStringLiteral("target.vgdb"))});
        QVERIFY(helper.waitForStarted());
        QElapsedTimer t;
        t.start();
        int looks = 0;
        QSet<QString> names;
        QStringList wrong;
        while (t.elapsed() < 3000) {
            for (const QFileInfo &f : QDir(dir.path()).entryInfoList(QDir::Files | QDir::Hidden)) {
                names.insert(f.fileName().contains(QStringLiteral(".saving-")) ? QStringLiteral(".saving-*")
                                                                               : f.fileName());
                if (const unsigned m = modeOf(f.filePath()); m != 0600 && m != 0xFFFF)
                    wrong << QStringLiteral("%1 %2").arg(f.fileName()).arg(m, 4, 8, QLatin1Char('0'));
            }
            ++looks;
        }
        ::kill(pid_t(helper.processId()), SIGKILL);
        QVERIFY(helper.waitForFinished());
        const QStringList seen(names.cbegin(), names.cend());
        qInfo("%d looks at the folder; files seen: %s", looks, qPrintable(seen.join(u", ")));
        QVERIFY(names.contains(QStringLiteral(".saving-*"))); // the watch did see saves in progress
        wrong.removeAll(QStringLiteral("src.json 0600"));
        QCOMPARE(wrong, QStringList());
    }
};

QTEST_GUILESS_MAIN(TestFileModes)
#include "tst_filemodes.moc"
