// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/team/teamurl.h"

#include <QUrl>
#include <QUrlQuery>

namespace vg {

bool isValidModelName(QStringView name)
{
    if (name.isEmpty() || name.size() > 128)
        return false;
    for (const QChar c : name)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'.' && c != u'_' && c != u'-')
            return false;
    return true;
}

bool TeamUrl::looksLikeUrl(const QString &text)
{
    return text.startsWith(u"postgresql://") || text.startsWith(u"postgres://");
}

Expected<TeamUrl> TeamUrl::parse(const QString &url, bool modelOptional)
{
    if (!looksLikeUrl(url))
        return Error(url, QStringLiteral("not a team server URL; expected postgresql://host/dbname?model=NAME"));
    const qsizetype q = url.indexOf(QLatin1Char('?'));
    const QString base = q < 0 ? url : url.left(q);
    const QStringList items = q < 0 ? QStringList() : url.mid(q + 1).split(QLatin1Char('&'), Qt::SkipEmptyParts);
    TeamUrl t;
    QStringList rest; // the query items for libpq, as written
    QString host;
    for (const QString &item : items) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        const QString key = QUrl::fromPercentEncoding(item.left(eq).toUtf8());
        const QString value = eq < 0 ? QString() : QUrl::fromPercentEncoding(item.mid(eq + 1).toUtf8());
        if (key == u"model") {
            t.m_model = value;
            continue;
        }
        if (key == u"password")
            return Error(url,
                         QStringLiteral("the URL holds a password; leave it out and put it in ~/.pgpass "
                                        "(mode 0600), or enter it when asked"));
        if (key == u"host")
            host = value;
        if (key == u"dbname")
            t.m_database = value;
        rest << item;
    }
    if (t.m_model.isEmpty() && !modelOptional)
        return Error(url,
                     QStringLiteral("the URL names no model; add ?model=NAME (for example "
                                    "postgresql://host/dbname?model=payments-platform)"));
    if (!t.m_model.isEmpty() && !isValidModelName(t.m_model))
        return Error(url,
                     QStringLiteral("model names are 1 to 128 characters from A-Z, a-z, 0-9, '.', '_' and "
                                    "'-'; found \"%1\"")
                         .arg(t.m_model));
    // scheme://[userinfo@]hostspec/dbname
    const qsizetype schemeEnd = base.indexOf(u"://") + 3;
    const qsizetype slash = base.indexOf(QLatin1Char('/'), schemeEnd);
    QString authority = base.mid(schemeEnd, slash < 0 ? -1 : slash - schemeEnd);
    if (slash >= 0 && t.m_database.isEmpty())
        t.m_database = QUrl::fromPercentEncoding(base.mid(slash + 1).toUtf8());
    QString displayAuthority = authority;
    if (const qsizetype at = authority.lastIndexOf(QLatin1Char('@')); at >= 0) {
        const QString user = authority.left(at);
        const qsizetype colon = user.indexOf(QLatin1Char(':'));
        displayAuthority = (colon < 0 ? user : user.left(colon)) + authority.mid(at);
        authority = authority.mid(at + 1);
    }
    t.m_host = host.isEmpty() ? QUrl::fromPercentEncoding(authority.toUtf8()) : host;
    if (t.m_host.isEmpty())
        t.m_host = QStringLiteral("localhost");
    t.m_conninfo = base + (rest.isEmpty() ? QString() : QLatin1Char('?') + rest.join(QLatin1Char('&')));
    QString display = base.left(schemeEnd) + displayAuthority + (slash < 0 ? QString() : base.mid(slash));
    QStringList shown = rest;
    if (!t.m_model.isEmpty())
        shown << QStringLiteral("model=") + t.m_model;
    if (!shown.isEmpty())
        display += QLatin1Char('?') + shown.join(QLatin1Char('&'));
    t.m_display = display;
    return t;
}

QStringList TeamUrl::keys(const QString &password) const
{
    QStringList k{QStringLiteral("dbname"), QStringLiteral("application_name")};
    if (!password.isEmpty())
        k << QStringLiteral("password");
    return k;
}

QStringList TeamUrl::values(const QString &password) const
{
    QStringList v{m_conninfo, QStringLiteral("vendorgraph")};
    if (!password.isEmpty())
        v << password;
    return v;
}

QString TeamUrl::server() const { return m_host + QLatin1Char('/') + m_database; }

TeamUrl TeamUrl::withModel(const QString &model) const
{
    TeamUrl t = *this;
    const QString old = QStringLiteral("model=") + m_model;
    t.m_model = model;
    if (m_model.isEmpty())
        t.m_display += (m_display.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?'))
            + QStringLiteral("model=") + model;
    else
        t.m_display.replace(old, QStringLiteral("model=") + model);
    return t;
}

} // namespace vg
