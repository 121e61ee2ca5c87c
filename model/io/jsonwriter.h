// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/model.h"

#include <QByteArray>

namespace vg {

// The canonical form: ids sorted, a fixed key order, one node or edge per line, defaults
// left out. Deterministic: writing what parseModelJson read back gives the same bytes.
QByteArray serializeModelJson(const Model &model);

// The canonical JSON text of one nested value, exactly as serializeModelJson() writes it.
// The document store keeps these values in JSON-valued columns.
QByteArray toJsonText(const QStringList &list);
QByteArray toJsonText(const std::vector<StoredData> &stores);
QByteArray toJsonText(const QMap<QString, QString> &attributes);
QByteArray toJsonText(const QMap<QString, qint64> &regionCounts);
QByteArray toJsonText(const VendorProfile &vendor);
QByteArray toJsonText(const Organization &organization);
QByteArray toJsonText(const SavedScenario &scenario);

} // namespace vg
