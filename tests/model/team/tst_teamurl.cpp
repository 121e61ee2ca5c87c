// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/modelfile.h"
#include "model/team/teamurl.h"

#include <QTest>

using namespace vg;

class TestTeamUrl : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("libpq"); // what libpq is given as dbname
        QTest::addColumn<QString>("display");
        QTest::newRow("host and database")
            << QStringLiteral("postgresql://db.example.com/arch?model=payments-platform")
            << QStringLiteral("payments-platform") << QStringLiteral("db.example.com/arch")
            << QStringLiteral("postgresql://db.example.com/arch")
            << QStringLiteral("postgresql://db.example.com/arch?model=payments-platform");
        QTest::newRow("TLS options are kept for libpq")
            << QStringLiteral("postgres://alice@db:5433/arch?sslmode=verify-full&model=m1&sslrootcert=/etc/ca.pem")
            << QStringLiteral("m1") << QStringLiteral("db:5433/arch")
            << QStringLiteral("postgres://alice@db:5433/arch?sslmode=verify-full&sslrootcert=/etc/ca.pem")
            << QStringLiteral("postgres://alice@db:5433/arch?sslmode=verify-full&sslrootcert=/etc/ca.pem&model=m1");
        QTest::newRow("a Unix socket folder")
            << QStringLiteral("postgresql:///vendorgraph?host=/tmp/vg&user=vgadmin&model=x") << QStringLiteral("x")
            << QStringLiteral("/tmp/vg/vendorgraph")
            << QStringLiteral("postgresql:///vendorgraph?host=/tmp/vg&user=vgadmin")
            << QStringLiteral("postgresql:///vendorgraph?host=/tmp/vg&user=vgadmin&model=x");
        QTest::newRow("a password in the URL is never displayed")
            << QStringLiteral("postgresql://bob:s3cret@db/arch?model=m") << QStringLiteral("m")
            << QStringLiteral("db/arch") << QStringLiteral("postgresql://bob:s3cret@db/arch")
            << QStringLiteral("postgresql://bob@db/arch?model=m");
    }
    void parses()
    {
        QFETCH(QString, url);
        QFETCH(QString, model);
        QFETCH(QString, server);
        QFETCH(QString, libpq);
        QFETCH(QString, display);
        const auto u = TeamUrl::parse(url);
        QVERIFY2(u, u ? "" : qPrintable(u.error().message()));
        QCOMPARE(u->model(), model);
        QCOMPARE(u->server(), server);
        QCOMPARE(u->values().first(), libpq);
        QCOMPARE(u->display(), display);
        QVERIFY(!u->display().contains(u"s3cret"));
        QCOMPARE(*formatForPath(url), FileFormat::TeamServer);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("message");
        QTest::newRow("no model") << QStringLiteral("postgresql://db/arch") << QStringLiteral("add ?model=NAME");
        QTest::newRow("a bad model name")
            << QStringLiteral("postgresql://db/arch?model=a b") << QStringLiteral("model names are");
        QTest::newRow("a password parameter")
            << QStringLiteral("postgresql://db/arch?model=m&password=x") << QStringLiteral("~/.pgpass");
        QTest::newRow("not a URL") << QStringLiteral("http://db/arch?model=m") << QStringLiteral("postgresql://");
    }
    void refuses()
    {
        QFETCH(QString, url);
        QFETCH(QString, message);
        const auto u = TeamUrl::parse(url);
        QVERIFY(!u);
        QVERIFY2(u.error().message().contains(message), qPrintable(u.error().message()));
    }

    void passwordGoesAsItsOwnValue()
    {
        const auto u = TeamUrl::parse(QStringLiteral("postgresql://db/arch?model=m"));
        const QStringList k = u->keys(QStringLiteral("p w'\\")), v = u->values(QStringLiteral("p w'\\"));
        QCOMPARE(k.size(), v.size());
        QCOMPARE(v.at(k.indexOf(QStringLiteral("password"))), QStringLiteral("p w'\\"));
        QVERIFY(!u->display().contains(u"p w"));
    }

    void anotherModelOnTheSameServer()
    {
        const auto u = TeamUrl::parse(QStringLiteral("postgresql://db/arch?model=a&sslmode=require"));
        const TeamUrl b = u->withModel(QStringLiteral("b"));
        QCOMPARE(b.model(), QStringLiteral("b"));
        QCOMPARE(b.display(), QStringLiteral("postgresql://db/arch?sslmode=require&model=b"));
        QVERIFY(isValidModelName(u"payments-platform.v2_x"));
        QVERIFY(!isValidModelName(u"über"));
        QVERIFY(!isValidModelName(QString(129, QLatin1Char('a'))));
    }
};

QTEST_GUILESS_MAIN(TestTeamUrl)
#include "tst_teamurl.moc"
