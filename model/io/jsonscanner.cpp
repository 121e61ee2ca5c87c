// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/jsonscanner.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vg {

std::pair<int, int> lineColumn(const QByteArray &text, qsizetype offset)
{
    int line = 1;
    qsizetype lineStart = 0;
    offset = std::min(offset, text.size());
    for (qsizetype i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    return {line, int(offset - lineStart) + 1};
}

void addLine(std::vector<Problem> &problems, std::size_t from, int line)
{
    for (std::size_t i = from; i < problems.size(); ++i)
        problems[i].where += QStringLiteral(" (line %1)").arg(line);
}

} // namespace vg
