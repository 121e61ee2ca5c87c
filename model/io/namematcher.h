// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace vg {

// Names as people type them in spreadsheets: "Amazon Web Services, Inc.", "amazon  web
// services inc", "Amazon Web Services Inc" all have the same key.

// The words of a name: letters and digits, lower case, accents removed ("Café-Müller GmbH"
// -> cafe, muller, gmbh).
QStringList nameWords(QStringView name);
// The words run together: names compared ignoring case, spacing, punctuation and accents.
QString nameKey(QStringView name);
// A name cleaned for display: runs of white space collapsed, surrounding straight or curly
// quotes removed ("“Acme”" -> Acme).
QString cleanName(QStringView name);

// A possible match for a name that is not an exact one, and why it was proposed.
struct NearMatch {
    int handle = -1;
    QString reason;
};

// Names indexed for exact and near lookups. Handles are the caller's (an index into its own
// table). Near matches: the same name without its legal form (Inc, Ltd, GmbH, ...), a
// spelling one or two letters apart, or one name the first words of the other ("Google" and
// "Google Cloud"). Not thread-safe while adding.
class NameIndex final {
public:
    void add(int handle, QStringView name);
    // Handles whose name has the same key, in the order they were added.
    QList<int> exact(QStringView name) const;
    // Handles that nearly match (never the exact ones), best first, at most limit.
    std::vector<NearMatch> near(QStringView name, int limit = 5) const;

private:
    struct Entry {
        int handle;
        QString key; // nameKey
        QString core; // key without legal-form words
        QStringList coreWords;
    };
    std::vector<Entry> m_entries;
    QMultiHash<QString, int> m_byKey; // -> entry position
    QMultiHash<QString, int> m_byCore;
    QMultiHash<QString, int> m_byFirstWord;
    QMultiHash<QChar, int> m_byFirstChar;
    QMultiHash<QChar, int> m_byLastChar;
};

// The edit distance of a and b if it is at most max, else max + 1.
int boundedEditDistance(QStringView a, QStringView b, int max);

} // namespace vg
