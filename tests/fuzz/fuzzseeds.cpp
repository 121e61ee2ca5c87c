// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/fuzz/fuzzseeds.h"

#include "model/commands/edits.h"
#include "model/document/document.h"
#include "model/io/csvexport.h"
#include "model/io/generator.h"
#include "model/io/graphmlwriter.h"
#include "model/io/jsonreader.h"
#include "model/io/jsonwriter.h"
#include "model/io/sample.h"
#include "model/storage/documentwriter.h"
#include "model/storage/schema.h"
#include "model/storage/sqlite.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>

namespace vg::fuzz {

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Fixture files under testData whose names end in one of suffixes.
void addFixtures(std::vector<std::pair<QString, QByteArray>> &out, const QString &testData, const QStringList &suffixes)
{
    QStringList names;
    for (const QString &s : suffixes)
        names << QStringLiteral("*.") + s;
    QDirIterator it(testData, names, QDir::Files, QDirIterator::Subdirectories);
    std::vector<std::pair<QString, QByteArray>> found;
    while (it.hasNext()) {
        const QString path = it.next();
        found.emplace_back(QStringLiteral("seed-fixture-") + QDir(testData).relativeFilePath(path).replace(u'/', u'-'),
                           fileBytes(path));
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
}

Model generated(quint64 seed, int people, int services, int vendors, qint64 edges)
{
    GeneratorParams g;
    g.people = people;
    g.services = services;
    g.vendors = vendors;
    g.edges = edges;
    g.seed = seed;
    return generateModel(g);
}

// A document of the model, written as VendorGraph writes it, then (pageSize > 0) rewritten
// with smaller pages so that the fuzzer mutates a smaller file.
QByteArray documentBytes(const Model &m, int pageSize = 0)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("seed.vgdb"));
    if (!writeDocument(m, path).ok())
        return {};
    if (pageSize > 0) {
        sql::Database db = sql::Database::openReadWrite(path);
        db.exec(QByteArray("PRAGMA page_size=" + QByteArray::number(pageSize)).constData());
        db.exec("VACUUM");
    }
    return fileBytes(path);
}

// A document of an older schema version, as tst_documentstore builds them.
QByteArray olderDocument(int version)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.vgdb"));
    {
        sql::Database db = sql::Database::openReadWrite(path);
        db.exec("PRAGMA page_size=512");
        db.exec(documentSchemaSql(version).constData());
        db.exec(QByteArray("PRAGMA application_id=" + QByteArray::number(kDocumentApplicationId)
                           + "; PRAGMA user_version=" + QByteArray::number(version) + ";")
                    .constData());
        db.exec("INSERT INTO meta VALUES('name','Old model');"
                "INSERT INTO nodes(id,kind,name,description,count,regions) "
                "VALUES('p','people','P','',5,'[\"US-CA\"]'),('svc','service','Svc','',NULL,NULL),"
                "('v','vendor','V','',NULL,NULL);"
                "INSERT INTO edges(id,src,dst,kind,categories,description,source) "
                "VALUES('e1','p','svc','data','ID.NAME CONTACT.EMAIL','',''),('e2','svc','v','code',NULL,'','');");
        if (version >= 2)
            db.exec("INSERT INTO layout VALUES('v', 1.5, 2);");
    }
    return fileBytes(path);
}

// What Copy puts on the clipboard for a few of the sample's nodes.
QByteArray fragmentJson(const QStringList &ids)
{
    Document doc;
    doc.reset(bundledSample(), QString());
    return serializeModelJson(copyFragment(doc, ids));
}

} // namespace

std::vector<std::pair<QString, QByteArray>> seedInputs(Target t, const QString &testData)
{
    std::vector<std::pair<QString, QByteArray>> out;
    const Model sample = bundledSample();
    const Model small = generated(7, 2, 6, 8, 30);
    switch (t) {
    case Target::JsonReader:
    case Target::Engine:
        out.emplace_back(QStringLiteral("seed-sample.json"), bundledSampleJson());
        out.emplace_back(QStringLiteral("seed-generated-small.json"), serializeModelJson(small));
        out.emplace_back(QStringLiteral("seed-generated-medium.json"),
                         serializeModelJson(generated(3, 3, 20, 30, 150)));
        addFixtures(out, testData, {QStringLiteral("json")});
        break;
    case Target::DocumentOpen:
        out.emplace_back(QStringLiteral("seed-sample.vgdb"), documentBytes(sample));
        out.emplace_back(QStringLiteral("seed-sample-512.vgdb"), documentBytes(sample, 512));
        out.emplace_back(QStringLiteral("seed-generated-small-512.vgdb"), documentBytes(small, 512));
        out.emplace_back(QStringLiteral("seed-schema-1.vgdb"), olderDocument(1));
        out.emplace_back(QStringLiteral("seed-schema-2.vgdb"), olderDocument(2));
        break;
    case Target::CsvImport: {
        const CsvExport csv = exportCsv(sample);
        out.emplace_back(QStringLiteral("seed-sample-nodes.csv"), csv.nodes);
        out.emplace_back(QStringLiteral("seed-sample-edges.csv"), csv.edges);
        out.emplace_back(QStringLiteral("seed-sample-categories.csv"), csv.categories);
        const CsvExport smallCsv = exportCsv(small, CsvExportOptions{true, false});
        out.emplace_back(QStringLiteral("seed-small-nodes.csv"), smallCsv.nodes);
        out.emplace_back(QStringLiteral("seed-small-edges.csv"), smallCsv.edges);
        addFixtures(out, testData, {QStringLiteral("csv")});
        break;
    }
    case Target::GraphmlImport:
        out.emplace_back(QStringLiteral("seed-sample.graphml"), exportGraphml(sample));
        out.emplace_back(QStringLiteral("seed-small.graphml"), exportGraphml(small));
        addFixtures(out, testData, {QStringLiteral("graphml")});
        break;
    case Target::GexfImport: addFixtures(out, testData, {QStringLiteral("gexf")}); break;
    case Target::ClipboardPaste:
        out.emplace_back(QStringLiteral("seed-fragment-one.json"), fragmentJson({QStringLiteral("analytics")}));
        out.emplace_back(QStringLiteral("seed-fragment-pair.json"),
                         fragmentJson({QStringLiteral("api_users"), QStringLiteral("dashboard")}));
        {
            QStringList all;
            for (const Node &n : sample.nodes)
                all << n.id;
            out.emplace_back(QStringLiteral("seed-fragment-all.json"), fragmentJson(all.mid(0, 12)));
        }
        out.emplace_back(QStringLiteral("seed-generated-small.json"), serializeModelJson(small));
        break;
    }
    return out;
}

std::vector<std::pair<QString, QByteArray>> folderInputs(const QString &folder)
{
    std::vector<std::pair<QString, QByteArray>> out;
    const QDir dir(folder);
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden, QDir::Name))
        out.emplace_back(name, fileBytes(dir.filePath(name)));
    return out;
}

} // namespace vg::fuzz
