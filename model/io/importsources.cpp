// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/importsources.h"

#include "model/io/csvguard.h"
#include "model/io/csvparser.h"
#include "model/io/gexfreader.h"
#include "model/io/graphmlreader.h"
#include "model/io/inputfile.h"
#include "model/io/interchangefields.h"
#include "model/io/jsonreader.h"
#include "model/io/modelfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace vg {

namespace {

QString delimiterName(QChar d) { return d == u'\t' ? QStringLiteral("tab") : QStringLiteral("\"%1\"").arg(d); }

bool hasColumnFor(const QStringList &header, int (*find)(QStringView), const char *field, int (*index)(const char *))
{
    const int wanted = index(field);
    for (const QString &h : header)
        if (find(h) == wanted)
            return true;
    return false;
}

ImportFormat csvRole(const QString &path, const QStringList &header)
{
    if (isSubprocessorHeader(header))
        return ImportFormat::SubprocessorSheet;
    if (QFileInfo(path).completeBaseName().compare(u"categories", Qt::CaseInsensitive) == 0)
        return ImportFormat::CsvCategories;
    const bool from = hasColumnFor(header, &findEdgeField, "from", &edgeFieldIndex);
    const bool to = hasColumnFor(header, &findEdgeField, "to", &edgeFieldIndex);
    bool source = false;
    for (const QString &h : header)
        source = source || normaliseHeader(h) == u"source";
    if (to && (from || source))
        return ImportFormat::CsvEdges;
    return ImportFormat::CsvNodes;
}

ImportFormat sniff(const QString &path, const QByteArray &bytes)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"graphml")
        return ImportFormat::Graphml;
    if (suffix == u"gexf")
        return ImportFormat::Gexf;
    if (suffix == u"json" || suffix == u"vgdb")
        return ImportFormat::VendorGraph;
    const QByteArray head = bytes.left(2048).trimmed();
    if (head.startsWith('<') || head.startsWith("\xEF\xBB\xBF<")) {
        if (head.contains("<gexf"))
            return ImportFormat::Gexf;
        return ImportFormat::Graphml;
    }
    if (head.startsWith('{'))
        return ImportFormat::VendorGraph;
    return ImportFormat::Auto; // CSV; the header decides its role
}

// Whether sniff() could take the file at path for CSV (from its name and first bytes).
bool mayBeCsv(const QString &path, ImportFormat format)
{
    if (format != ImportFormat::Auto)
        return format != ImportFormat::Graphml && format != ImportFormat::Gexf && format != ImportFormat::VendorGraph;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return sniff(path, f.read(2048)) == ImportFormat::Auto;
}

Expected<LoadedSource> loadCsv(const QString &path, const QByteArray &bytes, ImportFormat format)
{
    Expected<CsvTable> csv = parseCsv(bytes, path);
    if (!csv)
        return csv.error();
    if (csv->header.isEmpty())
        return Error(path, QStringLiteral("the file is empty; expected a header line and rows"));
    if (format == ImportFormat::Auto || format == ImportFormat::CsvNodes || format == ImportFormat::CsvEdges
        || format == ImportFormat::CsvCategories || format == ImportFormat::SubprocessorSheet) {
        if (format == ImportFormat::Auto)
            format = csvRole(path, csv->header);
    }
    LoadedSource s;
    s.file = path;
    s.summary.file = path;
    s.summary.detail = QStringLiteral("%1, delimiter %2").arg(csv->encoding, delimiterName(csv->delimiter));
    s.summary.records = int(csv->rows.size());
    if (format == ImportFormat::SubprocessorSheet) {
        Expected<SubprocessorSheet> sheet = readSubprocessorSheet(*csv);
        if (!sheet)
            return sheet.error();
        s.kind = LoadedSource::Kind::Sheet;
        s.summary.format = QStringLiteral("sub-processor sheet");
        s.sheet = std::move(*sheet);
        return s;
    }
    s.kind = format == ImportFormat::CsvEdges   ? LoadedSource::Kind::Edges
        : format == ImportFormat::CsvCategories ? LoadedSource::Kind::Categories
                                                : LoadedSource::Kind::Nodes;
    s.summary.format = format == ImportFormat::CsvEdges ? QStringLiteral("CSV edges")
        : format == ImportFormat::CsvCategories         ? QStringLiteral("CSV categories")
                                                        : QStringLiteral("CSV nodes");
    s.table.columns = csv->header;
    s.table.rows.reserve(csv->rows.size());
    for (CsvRow &r : csv->rows)
        s.table.rows.push_back(RecordRow{r.line, std::move(r.cells), {}, {}, {}, {}, {}, {}, false});
    return s;
}

Expected<LoadedSource> loadOne(const ImportSource &src, const QString &path, ImportFormat format)
{
    QByteArray bytes = src.bytes;
    const bool isDocument = QFileInfo(path).suffix().compare(u"vgdb", Qt::CaseInsensitive) == 0;
    if (bytes.isEmpty() && !isDocument) {
        // A CSV file is measured in chunks first: a hostile one (a gigantic cell, a million
        // columns) is refused before it is read whole.
        if (mayBeCsv(path, format))
            if (Status shape = checkCsvFileShape(path); !shape)
                return shape.error();
        Expected<QByteArray> read = readInputFile(path);
        if (!read)
            return read.error();
        bytes = std::move(*read);
    }
    if (format == ImportFormat::Auto)
        format = sniff(path, bytes);
    LoadedSource s;
    s.file = path;
    s.summary.file = path;
    switch (format) {
    case ImportFormat::Graphml:
    case ImportFormat::Gexf: {
        Expected<GraphDocument> g = format == ImportFormat::Graphml ? readGraphml(bytes, path) : readGexf(bytes, path);
        if (!g)
            return g.error();
        s.kind = LoadedSource::Kind::Graph;
        s.summary.format = g->format;
        s.summary.detail = g->producer.isEmpty() ? QString() : QStringLiteral("written by %1").arg(g->producer);
        s.summary.records = int(g->nodes.rows.size() + g->edges.rows.size());
        s.graph = std::move(*g);
        return s;
    }
    case ImportFormat::VendorGraph: {
        Expected<Model> m = isDocument && src.bytes.isEmpty() ? loadModel(path) : parseModelJson(bytes, path);
        if (!m)
            return m.error();
        s.kind = LoadedSource::Kind::Model;
        s.summary.format = isDocument ? QStringLiteral("VendorGraph document") : QStringLiteral("VendorGraph JSON");
        s.summary.records = int(m->nodes.size() + m->edges.size());
        s.model = std::move(*m);
        return s;
    }
    default: return loadCsv(path, bytes, format);
    }
}

} // namespace

Expected<std::vector<LoadedSource>> loadImportSources(const std::vector<ImportSource> &sources)
{
    std::vector<LoadedSource> out;
    if (sources.empty())
        return Error(QString(), QStringLiteral("nothing to import; expected at least one file or folder"));
    for (const ImportSource &src : sources) {
        const QFileInfo info(src.path);
        if (src.bytes.isEmpty() && info.isDir()) {
            const QDir dir(src.path);
            int found = 0;
            for (const auto &[name, format] :
                 {std::pair{"categories.csv", ImportFormat::CsvCategories},
                  std::pair{"nodes.csv", ImportFormat::CsvNodes}, std::pair{"edges.csv", ImportFormat::CsvEdges}}) {
                const QString path = dir.filePath(QLatin1StringView(name));
                if (!QFileInfo::exists(path))
                    continue;
                ++found;
                Expected<LoadedSource> s = loadOne(ImportSource{path, format, {}}, path, format);
                if (!s)
                    return s.error();
                out.push_back(std::move(*s));
            }
            if (found == 0)
                return Error(src.path, QStringLiteral("the folder holds no nodes.csv, edges.csv or categories.csv"));
            continue;
        }
        if (src.bytes.isEmpty() && !info.exists())
            return Error(src.path, QStringLiteral("no such file or folder"));
        Expected<LoadedSource> s = loadOne(src, src.path, src.format);
        if (!s)
            return s.error();
        out.push_back(std::move(*s));
    }
    return out;
}

} // namespace vg
