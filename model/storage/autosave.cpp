// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/storage/autosave.h"

#include "model/storage/atomicfile.h"
#include "model/storage/documentwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace vg {

Autosave::Autosave(QString directory)
    : m_dir(std::move(directory)), m_session(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

Autosave::~Autosave() = default;

QString Autosave::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave");
}

bool Autosave::begin()
{
    if (!QDir().mkpath(m_dir))
        return false;
    QFile::setPermissions(m_dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString lockPath = m_dir + QLatin1Char('/') + m_session + QStringLiteral(".lock");
    m_lock = std::make_unique<QLockFile>(lockPath);
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0))
        return false;
    // QLockFile creates it by the umask; like every file of the session it is the owner's only.
    QFile::setPermissions(lockPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

QString Autosave::recordPath() const { return m_dir + QLatin1Char('/') + m_session + QStringLiteral(".json"); }

QString Autosave::pathFor(const QString &originalPath) const
{
    if (originalPath.isEmpty() || originalPath.contains(QStringLiteral("://")))
        return m_dir + QLatin1Char('/') + m_session + QStringLiteral(".autosave.vgdb");
    const QFileInfo info(originalPath);
    return info.absolutePath() + QStringLiteral("/.") + info.fileName() + QStringLiteral(".autosave.vgdb");
}

Autosave::Job Autosave::prepare(const QString &originalPath, const QString &name) const
{
    return Job{pathFor(originalPath), pathFor(QString()), recordPath(), originalPath, name, QString()};
}

Status Autosave::Job::run(const Model &model)
{
    QString where = target;
    Status s = writeDocument(model, where);
    if (!s && where != fallback) {
        // The document's folder cannot be written: keep the work in the app's own folder.
        where = fallback;
        s = writeDocument(model, where);
    }
    if (!s)
        return s;
    written = where;
    QJsonObject o{{QStringLiteral("autosave"), where},
                  {QStringLiteral("original"), original},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("saved_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    return writeBytesAtomically(record, QJsonDocument(o).toJson());
}

void Autosave::finish(const Job &job)
{
    if (job.written.isEmpty())
        return;
    if (!m_written.isEmpty() && m_written != job.written)
        QFile::remove(m_written);
    m_written = job.written;
}

Status Autosave::write(const Model &model, const QString &originalPath, const QString &name)
{
    Job job = prepare(originalPath, name);
    Status s = job.run(model);
    finish(job);
    return s;
}

void Autosave::discard()
{
    if (!m_written.isEmpty())
        QFile::remove(m_written);
    m_written.clear();
    QFile::remove(recordPath());
}

void Autosave::end()
{
    discard();
    if (m_lock)
        m_lock->unlock();
    m_lock.reset();
}

std::vector<AutosaveEntry> Autosave::recoverable(const QString &directory)
{
    std::vector<AutosaveEntry> out;
    const QDir dir(directory);
    for (const QFileInfo &info : dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files)) {
        const QString session = info.completeBaseName();
        QLockFile lock(dir.filePath(session + QStringLiteral(".lock")));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue; // that session is still running
        lock.unlock();
        QFile f(info.filePath());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(f.read(1 << 20)).object();
        AutosaveEntry e;
        e.session = session;
        e.directory = directory;
        e.autosavePath = o.value(u"autosave").toString();
        e.originalPath = o.value(u"original").toString();
        e.name = o.value(u"name").toString();
        e.savedAt = QDateTime::fromString(o.value(u"saved_at").toString(), Qt::ISODate);
        if (e.autosavePath.isEmpty() || !QFileInfo::exists(e.autosavePath)) {
            QFile::remove(info.filePath());
            continue;
        }
        out.push_back(std::move(e));
    }
    std::sort(out.begin(), out.end(),
              [](const AutosaveEntry &a, const AutosaveEntry &b) { return a.savedAt > b.savedAt; });
    return out;
}

void Autosave::remove(const AutosaveEntry &entry)
{
    QFile::remove(entry.autosavePath);
    QFile::remove(entry.directory + QLatin1Char('/') + entry.session + QStringLiteral(".json"));
    QFile::remove(entry.directory + QLatin1Char('/') + entry.session + QStringLiteral(".lock"));
}

int Autosave::removeStaleSaves(const QString &path)
{
    const QFileInfo info(path);
    const QDir dir = info.absoluteDir();
    int removed = 0;
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-60);
    for (const QFileInfo &f : dir.entryInfoList({QStringLiteral(".") + info.fileName() + QStringLiteral(".saving-*")},
                                                QDir::Files | QDir::Hidden))
        if (f.lastModified().toUTC() < cutoff && QFile::remove(f.filePath()))
            ++removed;
    return removed;
}

} // namespace vg
