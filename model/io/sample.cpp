// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/sample.h"

#include "model/io/jsonreader.h"
#include "model/io/jsonwriter.h"
#include "model/io/resources.h"

namespace vg {

QByteArray bundledSampleJson() { return readResource("sample.json"); }

Model bundledSample()
{
    Expected<Model> m = parseModelJson(bundledSampleJson(), QStringLiteral("sample.json"));
    if (!m)
        qFatal("bundled sample is invalid: %s", qPrintable(m.error().message()));
    return std::move(*m);
}

} // namespace vg
