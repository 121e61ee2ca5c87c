// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"
#include "model/domain/model.h"

#include <QDateTime>
#include <QLockFile>

#include <memory>

namespace vg {

// What an earlier session left behind when it ended without quitting.
struct AutosaveEntry {
    QString session;
    QString directory; // the autosave folder holding its record and lock
    QString autosavePath; // the .vgdb with the unsaved work
    QString originalPath; // the file it belongs to; empty for a never-saved model
    QString name; // the document's display name
    QDateTime savedAt;
};

// Autosave and crash recovery. Each running session holds a lock file in the autosave folder
// (by default the app data folder's "autosave"); its autosaves are written as .vgdb documents
// (atomically, mode 0600) beside the document's own file (".NAME.autosave.vgdb"), or in the
// autosave folder for a model that was never saved, with a small record in the folder naming
// them. A clean quit removes both; after a crash the lock is stale, and the next session
// offers the work back. Not thread-safe; write() may run on a worker thread while the GUI
// thread does nothing else with the object.
class Autosave final {
public:
    // directory: where locks and records live (created with mode 0700).
    explicit Autosave(QString directory = defaultDirectory());
    ~Autosave();

    static QString defaultDirectory();
    const QString &session() const { return m_session; }
    const QString &directory() const { return m_dir; }
    // Takes this session's lock; false when the folder cannot be written.
    bool begin();
    // Where the autosave of a document at originalPath (empty: unsaved) goes.
    QString pathFor(const QString &originalPath) const;
    // Writes the model as this session's autosave, replacing the previous one.
    Status write(const Model &model, const QString &originalPath, const QString &name);

    // The same in two steps, for writing on a worker thread: the job holds everything it
    // needs (run() touches no Autosave); finish() then records it, on the owner's thread.
    struct Job {
        QString target, fallback, record, original, name;
        QString written; // set by run(): the file written
        Status run(const Model &model);
    };
    Job prepare(const QString &originalPath, const QString &name) const;
    void finish(const Job &job);
    // Removes this session's autosave (after a save, or on a clean quit).
    void discard();
    // Removes the autosave and releases the lock: the clean quit.
    void end();

    // Autosaves of sessions that are no longer running, newest first.
    static std::vector<AutosaveEntry> recoverable(const QString &directory = defaultDirectory());
    // Deletes an entry's files (after it was recovered or discarded).
    static void remove(const AutosaveEntry &entry);

    // Removes ".NAME.saving-*" files beside path that an interrupted save left behind (older
    // than a minute, so that a save in progress elsewhere is left alone). Returns how many.
    static int removeStaleSaves(const QString &path);

private:
    QString recordPath() const;

    QString m_dir;
    QString m_session;
    std::unique_ptr<QLockFile> m_lock;
    QString m_written; // the autosave file this session wrote last
};

} // namespace vg
