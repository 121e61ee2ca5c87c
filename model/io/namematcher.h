// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <algorithm>
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
// spelling one or two letters apart (without the legal forms, and with the same digits), or
// one name the first words of the other ("Google" and "Google Cloud"). Lookups are const and
// may run concurrently; adding may not.
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
        QString digits; // the core's digits: spellings that differ in them are different names
    };
    // A spelling candidate: an entry and the letters its core holds (a bit per letter or digit
    // class), so that most candidates are ruled out without computing an edit distance.
    struct Spelling {
        int pos;
        quint64 letters;
    };
    // Spelling buckets: the first (or last) character and the length of a core, so a lookup
    // scans only cores that can be a letter or two apart, as contiguous arrays.
    static quint32 bucket(QChar c, qsizetype length, bool first)
    {
        return (quint32(c.unicode()) << 16) | (quint32(std::min<qsizetype>(length, 0x7FFF)) << 1) | (first ? 1u : 0u);
    }
    std::vector<Entry> m_entries;
    QHash<QString, std::vector<int>> m_byKey; // -> entry positions
    QHash<QString, std::vector<int>> m_byCore;
    QHash<QString, std::vector<int>> m_byFirstWord;
    QHash<quint32, std::vector<Spelling>> m_bySpelling;
};

// The edit distance of a and b if it is at most max, else max + 1.
int boundedEditDistance(QStringView a, QStringView b, int max);

} // namespace vg
