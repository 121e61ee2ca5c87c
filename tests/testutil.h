// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/io/jsonreader.h"
#include "model/io/jsonwriter.h"

#include <QCryptographicHash>
#include <QFile>
#include <QString>
#include <QTest>

namespace vg::test {

inline QStringList ids(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *s : list)
        out << QString::fromLatin1(s);
    return out;
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

inline bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

inline QByteArray sha(const QString &path)
{
    return QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256);
}

// The example model of the format documentation (issue text), verbatim.
inline QByteArray exampleJson()
{
    return R"({
  "format": "vendorgraph", "version": 1, "name": "Example AI Inc.",
  "organization": {"regions": ["US", "EU"], "sectors": [], "sec_registrant": false},
  "categories": [{"id": "X.LOYALTY", "name": "Loyalty points", "tier": 3, "flags": []}],
  "nodes": [
    {"id": "api_users", "kind": "people", "name": "API customers", "count": 4000000, "regions": ["EU", "US-CA"]},
    {"id": "dashboard", "kind": "service", "name": "Developer dashboard", "stores": [{"category": "ID.ACCOUNT", "records": 4000000}]},
    {"id": "analytics", "kind": "vendor", "name": "Product analytics", "vendor": {"tier": 2, "dpa": true}},
    {"id": "chat_app", "kind": "vendor", "name": "Website chat"},
    {"id": "crm", "kind": "vendor", "name": "CRM platform"},
    {"id": "crm_tenant", "kind": "service", "name": "Our CRM org", "stores": [{"category": "CONTENT.SUPPORT"}]}
  ],
  "edges": [
    {"id": "e1", "from": "api_users", "to": "dashboard", "kind": "data", "categories": ["ID.NAME", "CONTACT.EMAIL"]},
    {"from": "dashboard", "to": "analytics", "kind": "data", "categories": ["ID.NAME", "CONTACT.EMAIL"], "records": 4000000},
    {"from": "analytics", "to": "dashboard", "kind": "code"},
    {"from": "chat_app", "to": "crm_tenant", "kind": "access", "scope": "read"},
    {"from": "crm", "to": "crm_tenant", "kind": "hosts"}
  ],
  "layout": {"dashboard": [120, 40]}
}
)";
}

inline Model exampleModel()
{
    auto m = parseModelJson(exampleJson());
    if (!m)
        qFatal("example model invalid: %s", qPrintable(m.error().message()));
    return *m;
}

} // namespace vg::test
