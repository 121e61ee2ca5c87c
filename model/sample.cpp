// SPDX-License-Identifier: GPL-3.0-or-later
#include "sample.h"

#include "modeljson.h"

#include <QFile>

namespace vg {

QByteArray bundledSampleJson()
{
    QFile f(QStringLiteral(":/vendorgraph/sample.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("bundled sample resource is missing");
    return f.readAll();
}

Model bundledSample()
{
    Expected<Model> m = parseModelJson(bundledSampleJson(), QStringLiteral("sample.json"));
    if (!m)
        qFatal("bundled sample is invalid: %s", qPrintable(m.error().message()));
    return std::move(*m);
}

} // namespace vg
