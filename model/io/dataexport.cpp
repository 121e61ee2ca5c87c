// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/dataexport.h"

#include "model/io/dotwriter.h"
#include "model/io/graphmlwriter.h"
#include "model/io/jsonwriter.h"
#include "model/io/mermaidwriter.h"
#include "model/storage/atomicfile.h"

#include <QFileInfo>

namespace vg {

QStringList dataFormatNames()
{
    return {QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("graphml"), QStringLiteral("dot"),
            QStringLiteral("mermaid")};
}

std::optional<DataFormat> dataFormatFromName(QStringView name)
{
    const qsizetype i = dataFormatNames().indexOf(name.toString().toLower());
    if (i < 0)
        return std::nullopt;
    return static_cast<DataFormat>(i);
}

Status exportModelData(const Model &model, DataFormat format, const QString &path, const DataExportOptions &options)
{
    if (format == DataFormat::Csv)
        return writeCsvFolder(model, path, options.csv);
    if (QFileInfo(path).isDir())
        return Error(path, QStringLiteral("is a folder; expected a file name"));
    QByteArray bytes;
    switch (format) {
    case DataFormat::Json: bytes = serializeModelJson(model); break;
    case DataFormat::Graphml: bytes = exportGraphml(model); break;
    case DataFormat::Dot: bytes = exportDot(model); break;
    case DataFormat::Mermaid: bytes = exportMermaid(model); break;
    case DataFormat::Csv: break;
    }
    return writeBytesAtomically(path, bytes);
}

} // namespace vg
