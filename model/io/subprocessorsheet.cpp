// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/subprocessorsheet.h"

#include "model/io/fieldcodec.h"
#include "model/io/namematcher.h"

#include <QSet>

#include <array>

namespace vg {

namespace {

enum Column { Vendor, Subprocessor, Purpose, Location, Categories, ColumnCount };

// Header synonyms, normalised (normaliseHeader()).
constexpr std::array<const char *, ColumnCount> kSynonyms{
    "vendor|vendor name|processor|processor name|company|provider|service provider|our vendor|parent vendor|"
    "customer vendor|supplier|supplier name",
    "sub processor|subprocessor|sub processors|subprocessors|sub processor name|subprocessor name|"
    "name of sub processor|sub processor entity|entity|entity name|fourth party|subcontractor|sub contractor|"
    "sub contractor name|subcontractor name",
    "purpose|purpose of processing|services|service|service provided|services provided|function|"
    "nature of processing|processing activities|activity|description",
    "location|locations|country|countries|region|regions|hosting location|processing location|data location|"
    "entity country|entity location|corporate location",
    "categories|data categories|categories of data|personal data|data types|data",
};

std::array<int, ColumnCount> mapColumns(const QStringList &header)
{
    std::array<int, ColumnCount> columns;
    columns.fill(-1);
    for (int c = 0; c < int(header.size()); ++c) {
        const QString h = normaliseHeader(header[c]);
        for (int k = 0; k < ColumnCount; ++k) {
            if (columns[std::size_t(k)] >= 0)
                continue;
            const QStringList synonyms = QString::fromLatin1(kSynonyms[std::size_t(k)]).split(QLatin1Char('|'));
            if (synonyms.contains(h)) {
                columns[std::size_t(k)] = c;
                break;
            }
        }
    }
    return columns;
}

} // namespace

bool isSubprocessorHeader(const QStringList &header)
{
    const auto c = mapColumns(header);
    return c[Vendor] >= 0 && c[Subprocessor] >= 0;
}

Expected<SubprocessorSheet> readSubprocessorSheet(const CsvTable &table)
{
    const auto columns = mapColumns(table.header);
    if (columns[Vendor] < 0 || columns[Subprocessor] < 0)
        return Error(table.file,
                     QStringLiteral("line 1: expected a sub-processor sheet with a \"Vendor\" column and a "
                                    "\"Sub-processor\" column; the header is \"%1\"")
                         .arg(table.header.join(table.delimiter).left(200)));
    SubprocessorSheet sheet;
    sheet.hasCategories = columns[Categories] >= 0;
    QString lastVendor;
    QHash<QString, int> seen; // row key -> first line
    for (const CsvRow &r : table.rows) {
        if (r.cells.size() > table.header.size()) {
            sheet.rejected.push_back(
                {table.file, r.line,
                 QStringLiteral("%1 cells, but the header has %2 columns; expected one cell per column (is a "
                                "name with a comma missing its quotes?)")
                     .arg(r.cells.size())
                     .arg(table.header.size())});
            continue;
        }
        auto cell = [&](Column c) {
            const int i = columns[c];
            return i >= 0 && i < r.cells.size() ? r.cells[i] : QString();
        };
        SubprocessorRow row;
        row.line = r.line;
        row.vendor = cleanName(cell(Vendor));
        row.subprocessor = cleanName(cell(Subprocessor));
        row.purpose = cell(Purpose).simplified();
        row.location = cell(Location).simplified();
        row.categories = cell(Categories).trimmed();
        bool blank = true;
        for (const QString &c : r.cells)
            blank = blank && c.trimmed().isEmpty();
        if (blank)
            continue;
        if (row.vendor.isEmpty()) {
            if (lastVendor.isEmpty()) {
                sheet.rejected.push_back({table.file, r.line,
                                          QStringLiteral("no vendor: the vendor cell is empty and no row above "
                                                         "names one; expected the vendor that uses \"%1\"")
                                              .arg(row.subprocessor.left(100))});
                continue;
            }
            row.vendor = lastVendor;
            row.vendorFilledDown = true;
        }
        lastVendor = row.vendor;
        if (row.subprocessor.isEmpty()) {
            sheet.rejected.push_back({table.file, r.line,
                                      QStringLiteral("no sub-processor: the cell is empty; expected the name of a "
                                                     "sub-processor of \"%1\"")
                                          .arg(row.vendor.left(100))});
            continue;
        }
        const QString key = nameKey(row.vendor) + QLatin1Char('\x1f') + nameKey(row.subprocessor) + QLatin1Char('\x1f')
            + nameKey(row.purpose) + QLatin1Char('\x1f') + nameKey(row.location) + QLatin1Char('\x1f')
            + row.categories.toUpper();
        if (const auto first = seen.constFind(key); first != seen.cend()) {
            sheet.notes.push_back(
                {table.file, r.line, QStringLiteral("duplicate of line %1; skipped").arg(first.value())});
            continue;
        }
        seen.insert(key, r.line);
        if (row.vendorFilledDown)
            sheet.notes.push_back(
                {table.file, r.line,
                 QStringLiteral("empty vendor cell; \"%1\" taken from the row above").arg(row.vendor.left(100))});
        sheet.rows.push_back(std::move(row));
    }
    return sheet;
}

} // namespace vg
