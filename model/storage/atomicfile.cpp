// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/storage/atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace vg {

namespace {

bool syncPath(const QByteArray &path, int flags)
{
    const int fd = ::open(path.constData(), flags | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace

Status writeFileAtomically(const QString &path, const std::function<Status(const QString &tmpPath)> &write)
{
    const QFileInfo target(path);
    const QString dir = target.absolutePath();
    QTemporaryFile tmp(dir + QStringLiteral("/.") + target.fileName() + QStringLiteral(".saving-XXXXXX"));
    tmp.setAutoRemove(true);
    if (!tmp.open()) // QTemporaryFile creates the file with mode 0600
        return Error(path,
                     QStringLiteral("cannot write in %1: %2").arg(QDir::toNativeSeparators(dir), tmp.errorString()));
    tmp.close();
    if (Status s = write(tmp.fileName()); !s)
        return s;
    const QByteArray tmpPath = QFile::encodeName(tmp.fileName());
    if (!syncPath(tmpPath, O_RDONLY))
        return Error(path, QStringLiteral("not saved: the new file could not be flushed to disk"));
    if (std::rename(tmpPath.constData(), QFile::encodeName(target.absoluteFilePath()).constData()) != 0)
        return Error(path,
                     QStringLiteral("not saved: cannot replace the file (%1)")
                         .arg(QString::fromLocal8Bit(std::strerror(errno))));
    tmp.setAutoRemove(false); // it has been renamed
    syncPath(QFile::encodeName(dir), O_RDONLY | O_DIRECTORY);
    return Done{};
}

Status writeBytesAtomically(const QString &path, const QByteArray &bytes)
{
    return writeFileAtomically(path, [&](const QString &tmpPath) -> Status {
        QFile f(tmpPath);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size() || !f.flush())
            return Error(path, QStringLiteral("not saved: %1").arg(f.errorString()));
        return Done{};
    });
}

} // namespace vg
