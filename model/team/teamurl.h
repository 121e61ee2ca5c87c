// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/expected.h"

#include <QString>
#include <QStringList>

namespace vg {

// A model on a team server: postgresql://[user@]host[:port]/dbname?model=NAME[&sslmode=...].
// Everything but model= is libpq's own URI syntax (host=/path for a Unix socket, sslmode,
// sslrootcert, ...), passed to libpq as is; libpq reads the password from ~/.pgpass when the URL
// has none. A password written in the URL is accepted but never shown or stored: display()
// and stored() leave it out.
class TeamUrl final {
public:
    // Whether text looks like a server URL rather than a file path.
    static bool looksLikeUrl(const QString &text);
    // Parses url; the model name is required unless modelOptional (server-init names none).
    static Expected<TeamUrl> parse(const QString &url, bool modelOptional = false);

    const QString &model() const { return m_model; }
    // libpq keywords and values for the connection; password, when given, is passed as its own
    // value, never put into a string that is parsed.
    QStringList keys(const QString &password = {}) const;
    QStringList values(const QString &password = {}) const;
    // The URL without a password (for the title bar, settings and messages).
    QString display() const { return m_display; }
    // "host/dbname" or "socket dir/dbname" for the status bar.
    QString server() const;
    // The same server, another model.
    TeamUrl withModel(const QString &model) const;

private:
    QString m_conninfo; // the URI minus model= (may contain a password)
    QString m_display;
    QString m_host, m_database;
    QString m_model;
};

// Model names on a server: 1 to 128 characters from [A-Za-z0-9._-].
bool isValidModelName(QStringView name);

} // namespace vg
