// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/modelfile.h"

#include "model/io/inputfile.h"
#include "model/io/jsonreader.h"
#include "model/io/jsonwriter.h"
#include "model/storage/atomicfile.h"
#include "model/storage/documentreader.h"
#include "model/storage/documentwriter.h"
#include "model/team/teamio.h"
#include "model/team/teamurl.h"

#include <QFileInfo>

namespace vg {

Expected<FileFormat> formatForPath(const QString &path)
{
    if (TeamUrl::looksLikeUrl(path))
        return FileFormat::TeamServer;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"json")
        return FileFormat::Json;
    if (suffix == u"vgdb")
        return FileFormat::Document;
    return Error(path,
                 QStringLiteral("unknown file type \"%1\"; expected a name ending in .vgdb (document) or "
                                ".json (interchange), or a team server URL postgresql://host/dbname?model=NAME")
                     .arg(suffix.isEmpty() ? QStringLiteral("(none)") : QLatin1Char('.') + suffix));
}

Expected<Model> loadModel(const QString &path)
{
    const auto format = formatForPath(path);
    if (!format)
        return format.error();
    if (*format == FileFormat::Document)
        return readDocument(path);
    if (*format == FileFormat::TeamServer)
        return pullModel(path);
    Expected<QByteArray> bytes = readInputFile(path);
    if (!bytes)
        return bytes.error();
    return parseModelJson(*bytes, path);
}

std::vector<Problem> validateFile(const QString &path)
{
    const auto format = formatForPath(path);
    if (!format)
        return format.error().problems;
    std::vector<Problem> problems;
    if (*format == FileFormat::Document) {
        readDocumentLenient(path, &problems);
        return problems;
    }
    if (*format == FileFormat::TeamServer) {
        Expected<Model> m = pullModel(path);
        return m ? std::vector<Problem>() : m.error().problems;
    }
    Expected<QByteArray> bytes = readInputFile(path);
    if (!bytes)
        return bytes.error().problems;
    parseModelJsonLenient(*bytes, &problems);
    return problems;
}

Status saveModel(const Model &model, const QString &path)
{
    const auto format = formatForPath(path);
    if (!format)
        return format.error();
    if (*format == FileFormat::Document)
        return writeDocument(model, path);
    if (*format == FileFormat::TeamServer)
        return pushModel(model, path, false);
    return writeBytesAtomically(path, serializeModelJson(model));
}

} // namespace vg
