// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace vg {

struct TeamConflict;

// Every question the team features ask the user. Injectable, like Prompter, so that GUI tests
// answer deterministically.
class TeamPrompter {
public:
    virtual ~TeamPrompter() = default;
    // A server URL (postgresql://host/dbname?model=NAME); empty when cancelled. recent holds the
    // URLs used before (never with a password); suggestedModel fills model= for a publish.
    virtual QString askUrl(QWidget *parent, const QString &title, const QStringList &recent,
                           const QString &suggestedModel) = 0;
    // The password for server; nullopt when cancelled. Never stored.
    virtual std::optional<QString> askPassword(QWidget *parent, const QString &server) = 0;
    // Keep mine (true), take theirs (false), or decide later (nullopt).
    virtual std::optional<bool> askConflict(QWidget *parent, const TeamConflict &conflict) = 0;
    virtual QString askSavePath(QWidget *parent, const QString &suggested) = 0;
    // Whether to close although queued edits have not reached the server.
    virtual bool askCloseWithQueued(QWidget *parent, int queued) = 0;
    virtual void showError(QWidget *parent, const QString &title, const QString &message) = 0;
};

// The real dialogs.
class DialogTeamPrompter final : public TeamPrompter {
public:
    QString askUrl(QWidget *parent, const QString &title, const QStringList &recent,
                   const QString &suggestedModel) override;
    std::optional<QString> askPassword(QWidget *parent, const QString &server) override;
    std::optional<bool> askConflict(QWidget *parent, const TeamConflict &conflict) override;
    QString askSavePath(QWidget *parent, const QString &suggested) override;
    bool askCloseWithQueued(QWidget *parent, int queued) override;
    void showError(QWidget *parent, const QString &title, const QString &message) override;
};

} // namespace vg
