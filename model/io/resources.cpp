// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/resources.h"

#include <QFile>

namespace vg {

QByteArray readResource(const char *name)
{
    QFile f(QStringLiteral(":/vendorgraph/") + QLatin1StringView(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("built-in resource %s is missing", name);
    return f.readAll();
}

} // namespace vg
