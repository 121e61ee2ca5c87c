// SPDX-License-Identifier: GPL-3.0-or-later
#include "sample.h"

#include "modeljson.h"
#include "resources.h"


namespace vg {

QByteArray bundledSampleJson()
{
    return readResource("sample.json");
}

Model bundledSample()
{
    Expected<Model> m = parseModelJson(bundledSampleJson(), QStringLiteral("sample.json"));
    if (!m)
        qFatal("bundled sample is invalid: %s", qPrintable(m.error().message()));
    return std::move(*m);
}

} // namespace vg
