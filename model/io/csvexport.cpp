// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/csvexport.h"

#include "model/io/csvwriter.h"
#include "model/io/interchangefields.h"
#include "model/storage/atomicfile.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace vg {

namespace {

QByteArray finish(const QString &text, const CsvExportOptions &options)
{
    QByteArray out;
    if (options.byteOrderMark)
        out = "\xEF\xBB\xBF";
    out += text.toUtf8();
    return out;
}

} // namespace

CsvExport exportCsv(const Model &model, const CsvExportOptions &options)
{
    CsvWriteOptions w;
    w.neutraliseFormulas = options.neutraliseFormulas;
    CsvExport out;

    QStringList attributeKeys;
    {
        QSet<QString> keys;
        for (const Node &n : model.nodes)
            for (auto it = n.attributes.cbegin(); it != n.attributes.cend(); ++it)
                keys.insert(it.key());
        attributeKeys = keys.values();
        attributeKeys.sort();
    }
    QString text;
    QStringList header;
    std::vector<const NodeField *> fields;
    for (const NodeField &f : nodeFields())
        if (f.formats & InCsv) {
            header << QString::fromLatin1(f.name);
            fields.push_back(&f);
        }
    for (const QString &k : attributeKeys)
        header << kAttributePrefix + k;
    appendCsvRecord(text, header, w);
    QStringList row;
    for (const Node *n : sortedById(model.nodes)) {
        row.clear();
        const auto pos = model.layout.constFind(n->id);
        const QPointF *p = pos != model.layout.cend() ? &*pos : nullptr;
        for (const NodeField *f : fields)
            row << f->get(*n, p);
        for (const QString &k : attributeKeys)
            row << n->attributes.value(k);
        appendCsvRecord(text, row, w);
    }
    out.nodes = finish(text, options);

    text.clear();
    header.clear();
    for (const EdgeField &f : edgeFields())
        if (f.formats & InCsv)
            header << QString::fromLatin1(f.name);
    appendCsvRecord(text, header, w);
    for (const Edge *e : sortedById(model.edges)) {
        row.clear();
        for (const EdgeField &f : edgeFields())
            if (f.formats & InCsv)
                row << f.get(*e);
        appendCsvRecord(text, row, w);
    }
    out.edges = finish(text, options);

    text.clear();
    header.clear();
    for (const CategoryField &f : categoryFields())
        header << QString::fromLatin1(f.name);
    appendCsvRecord(text, header, w);
    for (const CategoryDef *c : sortedById(model.categories)) {
        row.clear();
        for (const CategoryField &f : categoryFields())
            row << f.get(*c);
        appendCsvRecord(text, row, w);
    }
    out.categories = finish(text, options);
    return out;
}

Status writeCsvFolder(const Model &model, const QString &folder, const CsvExportOptions &options)
{
    const QFileInfo info(folder);
    if (info.exists() && !info.isDir())
        return Error(folder, QStringLiteral("is a file; expected a folder to receive nodes.csv and edges.csv"));
    if (!QDir().mkpath(folder))
        return Error(folder, QStringLiteral("cannot create the folder"));
    const CsvExport csv = exportCsv(model, options);
    const QDir dir(folder);
    for (const auto &[name, bytes] : {std::pair{"nodes.csv", &csv.nodes}, std::pair{"edges.csv", &csv.edges},
                                      std::pair{"categories.csv", &csv.categories}}) {
        const QString path = dir.filePath(QLatin1StringView(name));
        if (bytes == &csv.categories && model.categories.empty() && !QFileInfo::exists(path))
            continue;
        if (Status s = writeBytesAtomically(path, *bytes); !s)
            return s;
    }
    return Done{};
}

} // namespace vg
