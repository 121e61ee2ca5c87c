// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/domain/validate.h"
#include "model/io/generator.h"
#include "model/io/inputfile.h"
#include "model/io/modelfile.h"
#include "model/io/sample.h"
#include "model/storage/documentreader.h"
#include "model/storage/documentwriter.h"
#include "model/storage/schema.h"
#include "model/storage/sqlite.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <csignal>
#include <sys/stat.h>

using namespace vg;

class TestDocumentStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QLatin1StringView(name)); }

    // Writes a bare SQLite file with the given SQL and pragmas.
    void makeSqlite(const QString &file, const QByteArray &sql)
    {
        sql::Database db = sql::Database::openReadWrite(file);
        db.exec(sql.constData());
    }

    void expectRefused(const QString &file, const QString &what)
    {
        const QByteArray before = test::sha(file);
        const auto m = readDocument(file);
        QVERIFY(!m.ok());
        QVERIFY2(m.error().message().contains(what), qPrintable(m.error().message()));
        QVERIFY2(m.error().message().startsWith(file), qPrintable(m.error().message()));
        QCOMPARE(test::sha(file), before); // opening never modifies
    }

private Q_SLOTS:
    void roundTripIsLossless()
    {
        const Model sample = bundledSample();
        QVERIFY(writeDocument(sample, path("sample.vgdb")).ok());
        const auto back = readDocument(path("sample.vgdb"));
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message()));
        Model sorted = sample;
        sorted.sortById();
        QCOMPARE(*back, sorted);
    }

    void jsonToDocumentToJsonIsByteIdentical()
    {
        const QByteArray json = serializeModelJson(test::exampleModel());
        QVERIFY(test::writeAll(path("a.json"), json));
        QVERIFY(saveModel(*loadModel(path("a.json")), path("a.vgdb")).ok());
        QVERIFY(saveModel(*loadModel(path("a.vgdb")), path("b.json")).ok());
        QCOMPARE(test::readAll(path("b.json")), json);
        // and for the whole bundled sample
        const QByteArray sampleJson = serializeModelJson(bundledSample());
        QVERIFY(test::writeAll(path("s.json"), sampleJson));
        QVERIFY(saveModel(*loadModel(path("s.json")), path("s.vgdb")).ok());
        QVERIFY(saveModel(*loadModel(path("s.vgdb")), path("s2.json")).ok());
        QCOMPARE(test::readAll(path("s2.json")), sampleJson);
    }

    void newFilesAreOwnerOnly()
    {
        QVERIFY(writeDocument(test::exampleModel(), path("mode.vgdb")).ok());
        struct stat st { };
        QCOMPARE(::stat(QFile::encodeName(path("mode.vgdb")).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        QVERIFY(saveModel(test::exampleModel(), path("mode.json")).ok());
        QCOMPARE(::stat(QFile::encodeName(path("mode.json")).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
    }

    void headerIdentifiesTheDocument()
    {
        QVERIFY(writeDocument(test::exampleModel(), path("id.vgdb")).ok());
        sql::Database db = sql::Database::openReadWrite(path("id.vgdb"));
        QCOMPARE(db.pragmaInt("application_id"), qint64(kDocumentApplicationId));
        QCOMPARE(db.pragmaInt("user_version"), qint64(kDocumentSchemaVersion));
    }

    void refusesForeignSqlite()
    {
        makeSqlite(path("foreign.db"), "CREATE TABLE t(x); INSERT INTO t VALUES(1);");
        expectRefused(path("foreign.db"), QStringLiteral("not a VendorGraph document"));
    }

    void refusesNonSqlite()
    {
        QVERIFY(test::writeAll(path("text.vgdb"), QByteArray(200, 'x')));
        expectRefused(path("text.vgdb"), QStringLiteral("not an SQLite file"));
        QVERIFY(test::writeAll(path("empty.vgdb"), {}));
        expectRefused(path("empty.vgdb"), QStringLiteral("empty"));
    }

    void refusesTruncatedDocument()
    {
        QVERIFY(writeDocument(bundledSample(), path("full.vgdb")).ok());
        const QByteArray bytes = test::readAll(path("full.vgdb"));
        QVERIFY(bytes.size() > 8192);
        QVERIFY(test::writeAll(path("trunc.vgdb"), bytes.left(bytes.size() / 2)));
        expectRefused(path("trunc.vgdb"), QStringLiteral("truncated"));
        QVERIFY(test::writeAll(path("trunc50.vgdb"), bytes.left(50)));
        expectRefused(path("trunc50.vgdb"), QStringLiteral("truncated"));
    }

    void refusesCorruptDocument()
    {
        QVERIFY(writeDocument(bundledSample(), path("c.vgdb")).ok());
        QByteArray bytes = test::readAll(path("c.vgdb"));
        // Scribble over the second page (a b-tree page of the schema's tables).
        for (int i = 4096; i < 4096 + 512; ++i)
            bytes[i] = char(0xA5);
        QVERIFY(test::writeAll(path("corrupt.vgdb"), bytes));
        expectRefused(path("corrupt.vgdb"), QStringLiteral("damaged"));
    }

    void refusesNewerVersion()
    {
        QVERIFY(writeDocument(test::exampleModel(), path("newer.vgdb")).ok());
        {
            sql::Database db = sql::Database::openReadWrite(path("newer.vgdb"));
            db.exec("PRAGMA user_version=99");
        }
        expectRefused(path("newer.vgdb"), QStringLiteral("newer version of VendorGraph"));
    }

    void refusesHostileSchemaObjects_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QString>("what");
        QTest::newRow("extra trigger") << QByteArray(
            "CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM nodes; END;")
                                       << "unexpected trigger t";
        QTest::newRow("extra view") << QByteArray("CREATE VIEW v AS SELECT 1;") << "unexpected view v";
        QTest::newRow("extra table") << QByteArray("CREATE TABLE spy(x);") << "unexpected table spy";
        QTest::newRow("altered table") << QByteArray("ALTER TABLE nodes ADD COLUMN payload TEXT;")
                                       << "differs from VendorGraph's schema";
    }
    void refusesHostileSchemaObjects()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QString, what);
        const QString file = path("hostile.vgdb");
        QFile::remove(file);
        QVERIFY(writeDocument(test::exampleModel(), file).ok());
        {
            sql::Database db = sql::Database::openReadWrite(file);
            db.exec(sql.constData());
        }
        expectRefused(file, what);
    }

    void reportsBadValuesInsideTheDocument()
    {
        const QString file = path("badvalues.vgdb");
        QVERIFY(writeDocument(test::exampleModel(), file).ok());
        {
            sql::Database db = sql::Database::openReadWrite(file);
            db.exec("UPDATE nodes SET kind='robot' WHERE id='crm'; UPDATE edges SET dst='ghost' WHERE id='e3'; "
                    "UPDATE nodes SET count=-4 WHERE id='api_users'");
        }
        const auto m = readDocument(file);
        QVERIFY(!m.ok());
        const QString msg = m.error().message();
        QVERIFY2(msg.contains(QStringLiteral("table nodes, id \"crm\", column kind")), qPrintable(msg));
        QVERIFY2(msg.contains(QStringLiteral("unknown node \"ghost\"")), qPrintable(msg));
        QVERIFY2(msg.contains(QStringLiteral("table nodes, id \"api_users\" (/nodes/1/count): must be 0 or more")),
                 qPrintable(msg));
    }

    // A .vgdb is validated exactly like JSON: values that JSON cannot hold, or that the JSON
    // reader refuses, are refused here too, so convert never writes invalid JSON.
    void documentValuesAreValidatedLikeJson_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QString>("what");
        QTest::newRow("infinite position")
            << QByteArray("INSERT INTO layout VALUES('crm', 1e999, 0)") << "two finite numbers";
        QTest::newRow("NaN position is stored as NULL and refused by the schema")
            << QByteArray("INSERT INTO layout VALUES('crm', 0.0/0.0, 0)") << "NOT NULL";
        QTest::newRow("tier that would wrap around")
            << QByteArray("UPDATE categories SET tier=4294967297") << "must be from 1 to 4, found 4294967297";
        QTest::newRow("count above the world's population")
            << QByteArray("UPDATE nodes SET count=9000000000 WHERE id='api_users'") << "world's population";
        QTest::newRow("stored flag other than 0 or 1")
            << QByteArray("UPDATE edges SET stored=7 WHERE kind='access'") << "expected 0 or 1";
        QTest::newRow("region UK") << QByteArray("UPDATE nodes SET regions='[\"UK\"]' WHERE id='api_users'")
                                   << "did you mean GB?";
        QTest::newRow("raw tab inside a JSON column")
            << QByteArray("UPDATE nodes SET tags='[\"a	b\"]' WHERE id='crm'") << "raw control character";
        QTest::newRow("duplicate key inside a JSON column")
            << QByteArray("UPDATE nodes SET vendor='{\"tier\": 1, \"tier\": 2}' WHERE id='analytics'")
            << "duplicate key";
        QTest::newRow("vendor tier out of range")
            << QByteArray("UPDATE nodes SET vendor='{\"tier\": 9}' WHERE id='analytics'") << "from 1 to 4";
        QTest::newRow("empty id in a category list")
            << QByteArray("UPDATE edges SET categories='ID.NAME  CONTACT.EMAIL' WHERE kind='data'") << "single spaces";
        QTest::newRow("scenario seed that is not a node")
            << QByteArray("INSERT INTO scenarios VALUES('Ghost', 0, 'analytics ghost', NULL, NULL, 1, NULL)")
            << "table scenarios, name \"Ghost\" (/scenarios/0/breach/1): unknown node \"ghost\"";
        QTest::newRow("scenario hop limit out of range")
            << QByteArray("INSERT INTO scenarios VALUES('Far', 0, 'analytics', NULL, -2, 1, NULL)")
            << "table scenarios, name \"Far\", column max_hops: must be from 0";
        QTest::newRow("scenario potential flag other than 0 or 1")
            << QByteArray("INSERT INTO scenarios VALUES('P', 0, 'analytics', NULL, NULL, 5, NULL)")
            << "expected 0 or 1";
        QTest::newRow("scenario awareness without an offset")
            << QByteArray("INSERT INTO scenarios VALUES('T', 0, NULL, 'crm', NULL, 1, '2025-11-26T18:30:00')")
            << "column aware_at: expected a date and time with its UTC offset";
        QTest::newRow("scenario seeds with an empty item")
            << QByteArray("INSERT INTO scenarios VALUES('S', 0, 'analytics  crm', NULL, NULL, 1, NULL)")
            << "column breach: expected node ids separated by single spaces";
        QTest::newRow("active scenario that does not exist")
            << QByteArray("INSERT INTO meta VALUES('active_scenario', 'Nope')")
            << "table meta, key \"active_scenario\" (/active_scenario): unknown scenario \"Nope\"";
    }
    void documentValuesAreValidatedLikeJson()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QString, what);
        const QString file = path("parity.vgdb");
        QFile::remove(file);
        QVERIFY(writeDocument(test::exampleModel(), file).ok());
        try {
            sql::Database db = sql::Database::openReadWrite(file);
            db.exec(sql.constData());
        } catch (const sql::SqlError &e) {
            QVERIFY2(e.message.contains(what), qPrintable(e.message)); // the schema itself refuses it
            return;
        }
        const auto m = readDocument(file);
        QVERIFY(!m.ok());
        QVERIFY2(m.error().message().contains(what), qPrintable(m.error().message()));
        QVERIFY(!validateFile(file).empty());
    }

    // Every file that validate accepts converts both ways and validates again, unchanged.
    void everyValidFileConvertsBothWays_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("documented example") << serializeModelJson(test::exampleModel());
        QTest::newRow("bundled sample") << serializeModelJson(bundledSample());
        for (quint64 seed : {1ULL, 2ULL, 3ULL}) {
            GeneratorParams g;
            g.people = 4;
            g.services = 40;
            g.vendors = 60;
            g.edges = 500;
            g.seed = seed;
            QTest::newRow(qPrintable(QStringLiteral("generated, seed %1").arg(seed)))
                << serializeModelJson(generateModel(g));
        }
        QTest::newRow("scenarios, in the user's order, one active")
            << QByteArray(R"({"format": "vendorgraph", "version": 1, "name": "S",
 "nodes": [{"id": "a", "kind": "service"}, {"id": "b", "kind": "vendor"}, {"id": "c", "kind": "vendor"}],
 "scenarios": [{"name": "z: both", "breach": ["a"], "control": ["b", "c"], "max_hops": 0, "potential": false, "aware_at": "2025-11-26T19:30:00+01:00"},
               {"name": "a: analytics", "breach": ["b"], "aware_at": "2025-01-01T00:00:00Z"},
               {"name": "unmarked yet"}],
 "active_scenario": "a: analytics"})");
        QTest::newRow("every optional field")
            << QByteArray(R"({"format": "vendorgraph", "version": 1, "name": "tab\there \u0007",
 "organization": {"name": "O", "regions": ["EEA", "GB"], "sectors": ["finance"], "sec_registrant": true},
 "categories": [{"id": "X.SCORE", "name": "Risk score", "tier": 2, "flags": ["COMBO"]}],
 "nodes": [{"id": "p", "kind": "people", "name": "P", "description": "d", "tags": ["t"], "count": 8300000000,
            "regions": ["US", "US-CA"], "region_counts": {"US-CA": 12}},
           {"id": "s", "kind": "service", "stores": [{"category": "X.SCORE", "records": 0, "encryption": "external-key", "key_holder": "v", "subjects": ["p"]}],
            "attributes": {"k": "v"}},
           {"id": "v", "kind": "vendor", "vendor": {"tier": 4, "dpa": false, "certifications": ["c"], "regions": ["DE-BY"],
            "security_rating": "A", "last_assessed": "2025-01-02", "contract_end": "2026-02-03", "exit_plan": "none"}}],
 "edges": [{"id": "e1", "from": "s", "to": "v", "kind": "data", "categories": ["ID.NAME", "X.SCORE"], "records": 5,
            "encryption": "external-key", "key_holder": "s", "subjects": ["p"], "description": "x", "source": "y", "confirmed": "2024-02-29"},
           {"id": "e2", "from": "v", "to": "s", "kind": "access", "scope": "admin", "stored": false}],
 "layout": {"p": [0.1, -2.5e-300], "s": [1.7976931348623157e308, 3]}})");
    }
    void everyValidFileConvertsBothWays()
    {
        QFETCH(QByteArray, json);
        QVERIFY(test::writeAll(path("any.json"), json));
        const std::vector<Problem> problems = validateFile(path("any.json"));
        QVERIFY2(problems.empty(), qPrintable(Error(QString(), problems).message()));
        const auto m = loadModel(path("any.json"));
        QVERIFY(m.ok());
        QFile::remove(path("any.vgdb"));
        QVERIFY(saveModel(*m, path("any.vgdb")).ok());
        QVERIFY(validateFile(path("any.vgdb")).empty());
        const auto back = loadModel(path("any.vgdb"));
        QVERIFY(back.ok());
        QVERIFY(saveModel(*back, path("any2.json")).ok());
        QVERIFY(validateFile(path("any2.json")).empty());
        QCOMPARE(test::readAll(path("any2.json")), serializeModelJson(*m));
        Model sorted = *m;
        sorted.sortById();
        QCOMPARE(*back, sorted);
    }

    void scenariosPersistInTheDocument()
    {
        Model m = test::exampleModel();
        SavedScenario a{QStringLiteral("Mixpanel case"),
                        {QStringLiteral("analytics")},
                        {},
                        std::nullopt,
                        true,
                        QDateTime(QDate(2025, 11, 26), QTime(18, 30), Qt::OffsetFromUTC, -5 * 3600)};
        SavedScenario b{QStringLiteral("CRM taken over, two hops"), {}, {QStringLiteral("crm")}, 2, false, {}};
        m.scenarios = {a, b};
        m.activeScenario = b.name;
        QVERIFY(validateModel(m).empty());
        QVERIFY(writeDocument(m, path("scenarios.vgdb")).ok());
        const auto back = readDocument(path("scenarios.vgdb"));
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message()));
        QCOMPARE(back->scenarios, m.scenarios);
        QCOMPARE(back->scenarios[0].awareness.offsetFromUtc(), -5 * 3600);
        QCOMPARE(back->activeScenario, b.name);
        // JSON -> .vgdb -> JSON keeps the bytes.
        const QByteArray json = serializeModelJson(m);
        QVERIFY(saveModel(*back, path("scenarios.json")).ok());
        QCOMPARE(test::readAll(path("scenarios.json")), json);
    }

    void migratesVersion3()
    {
        const QString file = path("v3.vgdb");
        {
            sql::Database db = sql::Database::openReadWrite(file);
            db.exec(documentSchemaSql(3).constData());
            db.exec("PRAGMA application_id=1447514692; PRAGMA user_version=3;"
                    "INSERT INTO meta VALUES('name','Schema 3');"
                    "INSERT INTO nodes(id,kind,name,description,count,regions,region_counts) "
                    "VALUES('p','people','P','',5,'[\"US-CA\"]','{\"US-CA\": 2}'),('v','vendor','V','',NULL,NULL,NULL);"
                    "INSERT INTO edges(id,src,dst,kind,categories,description,source,subjects) "
                    "VALUES('e1','p','v','data','ID.NAME','','','p');");
        }
        const QByteArray before = test::sha(file);
        const auto m = readDocument(file);
        QVERIFY2(m.ok(), m.ok() ? "" : qPrintable(m.error().message()));
        QCOMPARE(m->name, QStringLiteral("Schema 3"));
        QVERIFY(m->scenarios.empty() && m->activeScenario.isEmpty());
        QCOMPARE(m->nodes.at(0).regionCounts.value(QStringLiteral("US-CA")), qint64(2));
        QCOMPARE(test::sha(file), before); // migrated in memory only
        QVERIFY(writeDocument(*m, path("v3-saved.vgdb")).ok());
        sql::Database db = sql::Database::openReadWrite(path("v3-saved.vgdb"));
        QCOMPARE(db.pragmaInt("user_version"), qint64(4));
    }

    void migratesVersion2()
    {
        const QString file = path("v2.vgdb");
        {
            sql::Database db = sql::Database::openReadWrite(file);
            db.exec(documentSchemaSql(2).constData());
            db.exec("PRAGMA application_id=1447514692; PRAGMA user_version=2;"
                    "INSERT INTO meta VALUES('name','Schema 2');"
                    "INSERT INTO nodes(id,kind,name,description,count,regions) "
                    "VALUES('p','people','P','',5,'[\"US-CA\"]'),('v','vendor','V','',NULL,NULL);"
                    "INSERT INTO edges(id,src,dst,kind,categories,description,source) "
                    "VALUES('e1','p','v','data','ID.NAME','','');"
                    "INSERT INTO layout VALUES('v', 1.5, 2);");
        }
        const QByteArray before = test::sha(file);
        const auto m = readDocument(file);
        QVERIFY2(m.ok(), m.ok() ? "" : qPrintable(m.error().message()));
        QCOMPARE(m->name, QStringLiteral("Schema 2"));
        QVERIFY(m->edges.at(0).subjects.isEmpty() && m->edges.at(0).keyHolder.isEmpty());
        QVERIFY(m->nodes.at(0).regionCounts.isEmpty());
        QCOMPARE(m->layout.value(QStringLiteral("v")), QPointF(1.5, 2));
        QCOMPARE(test::sha(file), before);
    }

    void migratesVersion1()
    {
        const QString file = path("v1.vgdb");
        {
            sql::Database db = sql::Database::openReadWrite(file);
            db.exec(documentSchemaSql(1).constData());
            db.exec(
                "PRAGMA application_id=1447514692; PRAGMA user_version=1;"
                "INSERT INTO meta VALUES('name','Old model');"
                "INSERT INTO nodes(id,kind,name,description) VALUES('svc','service','Svc',''),('v','vendor','V','');"
                "INSERT INTO edges(id,src,dst,kind,categories,description,source) "
                "VALUES('e1','svc','v','data','ID.NAME CONTACT.EMAIL','','');");
        }
        const QByteArray before = test::sha(file);
        const auto m = readDocument(file);
        QVERIFY2(m.ok(), m.ok() ? "" : qPrintable(m.error().message()));
        QCOMPARE(m->name, QStringLiteral("Old model"));
        QCOMPARE(m->edges.at(0).categories, QStringList({QStringLiteral("ID.NAME"), QStringLiteral("CONTACT.EMAIL")}));
        QVERIFY(m->layout.isEmpty());
        QCOMPARE(test::sha(file), before); // migrated in memory only
        // Saving writes the current schema.
        QVERIFY(writeDocument(*m, path("v1-saved.vgdb")).ok());
        sql::Database db = sql::Database::openReadWrite(path("v1-saved.vgdb"));
        QCOMPARE(db.pragmaInt("user_version"), qint64(kDocumentSchemaVersion));
    }

    void hardeningTakesEffect()
    {
        QVERIFY(writeDocument(test::exampleModel(), path("h.vgdb")).ok());
        sql::Database db = sql::Database::fromImage(test::readAll(path("h.vgdb")));
        QVERIFY(db.isHardened());
        sql::Database plain = sql::Database::openReadWrite(QString());
        QVERIFY(!plain.isHardened());
    }

    void refusesFilesOver256MiB()
    {
        for (const char *name : {"huge.vgdb", "huge.json"}) {
            QFile f(path(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(257LL * 1024 * 1024)); // sparse: nothing is written
            f.close();
            const auto m = loadModel(f.fileName());
            QVERIFY(!m.ok());
            QVERIFY2(m.error().message().contains(QStringLiteral("up to 256 MiB")), qPrintable(m.error().message()));
            QFile::remove(f.fileName());
        }
    }

    void failedSaveKeepsTheOldFile()
    {
        const QString file = path("keep.vgdb");
        QVERIFY(writeDocument(test::exampleModel(), file).ok());
        const QByteArray before = test::sha(file);
        const Status s = writeDocument(bundledSample(), m_dir.filePath(QStringLiteral("no/such/dir/keep.vgdb")));
        QVERIFY(!s.ok());
        QVERIFY(s.error().message().contains(QStringLiteral("cannot write")));
        QCOMPARE(test::sha(file), before);
    }

    // Hostile files: mutated documents either open as a valid model or are refused with a
    // message; none crashes (this test runs under the sanitizers too when they are on).
    void mutatedDocumentsNeverCrash()
    {
        QVERIFY(writeDocument(bundledSample(), path("base.vgdb")).ok());
        const QByteArray base = test::readAll(path("base.vgdb"));
        QRandomGenerator rng(20261129);
        int refused = 0, opened = 0;
        for (int i = 0; i < 400; ++i) {
            QByteArray bytes = base;
            switch (i % 4) {
            case 0: // a few random bytes anywhere
                for (int k = 0; k < 1 + int(rng.bounded(8)); ++k)
                    bytes[int(rng.bounded(bytes.size()))] = char(rng.bounded(256));
                break;
            case 1: // a burst of garbage
            {
                const int at = int(rng.bounded(bytes.size() - 64));
                for (int k = 0; k < 64; ++k)
                    bytes[at + k] = char(rng.bounded(256));
                break;
            }
            case 2: // truncated anywhere
                bytes.truncate(int(rng.bounded(bytes.size())));
                break;
            case 3: // the header: page size, counts, application id, version
                bytes[16 + int(rng.bounded(84))] = char(rng.bounded(256));
                break;
            }
            const auto m = readDocumentImage(bytes, QStringLiteral("mutant.vgdb"));
            if (m.ok()) {
                ++opened;
                QVERIFY(validateModel(*m).empty());
            } else {
                ++refused;
                QVERIFY(!m.error().message().isEmpty());
            }
        }
        QVERIFY(refused > 100);
        qInfo("mutants: %d refused, %d opened as valid models", refused, opened);
    }

    // kill -9 during saves: the target is always the old or the new document, whole.
    void killDuringSaveLeavesAnOpenableFile()
    {
        const QString target = path("atomic.vgdb");
        const Model small = test::exampleModel();
        QVERIFY(writeDocument(small, target).ok());
        GeneratorParams g;
        g.people = 5;
        g.services = 2000;
        g.vendors = 3000;
        g.edges = 40000;
        const Model big = generateModel(g);
        QVERIFY(saveModel(big, path("big.json")).ok());
        Model smallSorted = small, bigSorted = big;
        smallSorted.sortById();
        bigSorted.sortById();
        // Calibrate: how long the helper takes from start to its first completed save.
        qint64 saveMs = 0;
        {
            QProcess helper;
            QElapsedTimer t;
            t.start();
            helper.start(QStringLiteral(VG_SAVEHELPER), {path("big.json"), target});
            QVERIFY(helper.waitForStarted());
            while (!helper.canReadLine())
                QVERIFY2(helper.waitForReadyRead(120000), "the helper never finished a save");
            saveMs = std::max<qint64>(30, t.elapsed());
            ::kill(pid_t(helper.processId()), SIGKILL);
            QVERIFY(helper.waitForFinished());
        }
        // Then kill at 1/6 .. 2x of that time: before, during and after the first write.
        int sawNew = 0, sawOld = 0;
        for (int round = 0; round < 12; ++round) {
            QVERIFY(writeDocument(small, target).ok());
            QProcess helper;
            helper.start(QStringLiteral(VG_SAVEHELPER), {path("big.json"), target});
            QVERIFY(helper.waitForStarted());
            QTest::qWait(int(saveMs * (round + 1) / 6));
            ::kill(pid_t(helper.processId()), SIGKILL);
            QVERIFY(helper.waitForFinished());
            const auto m = readDocument(target);
            QVERIFY2(m.ok(), m.ok() ? "" : qPrintable(m.error().message()));
            QVERIFY(*m == smallSorted || *m == bigSorted);
            sawNew += *m == bigSorted ? 1 : 0;
            sawOld += *m == smallSorted ? 1 : 0;
        }
        qInfo("kill -9 during saves: %d rounds left the old file, %d the new one (a save takes ~%lld ms)", sawOld,
              sawNew, saveMs);
        QVERIFY(sawOld > 0);
        QVERIFY(sawNew > 0); // the helper did get to replace the file
    }
};

QTEST_GUILESS_MAIN(TestDocumentStore)
#include "tst_documentstore.moc"
