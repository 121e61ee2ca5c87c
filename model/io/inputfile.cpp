// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/inputfile.h"

#include <QFile>
#include <QFileInfo>

namespace vg {

Expected<QByteArray> readInputFile(const QString &path)
{
    QFile f(path);
    const QFileInfo info(path);
    if (!info.exists())
        return Error(path, QStringLiteral("no such file"));
    if (info.size() > kMaxInputBytes)
        return Error(path,
                     QStringLiteral("the file is %1 MiB; VendorGraph opens files up to 256 MiB")
                         .arg(info.size() / (1024 * 1024)));
    if (!f.open(QIODevice::ReadOnly))
        return Error(path, QStringLiteral("cannot be read: %1").arg(f.errorString()));
    QByteArray bytes = f.read(kMaxInputBytes + 1);
    if (bytes.size() > kMaxInputBytes)
        return Error(path, QStringLiteral("the file is larger than 256 MiB"));
    return bytes;
}

} // namespace vg
