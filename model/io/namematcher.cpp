// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/namematcher.h"

#include <QSet>

#include <algorithm>
#include <array>

namespace vg {

namespace {

constexpr std::array<const char *, 36> kLegalForms{
    "inc",  "incorporated", "llc", "ltd", "limited", "gmbh", "corp",    "corporation", "co",  "company", "sa",  "sas",
    "sarl", "ag",           "bv",  "nv",  "plc",     "pty",  "oy",      "ab",          "as",  "spa",     "srl", "kk",
    "lp",   "llp",          "se",  "ulc", "pte",     "pvt",  "private", "kg",          "aps", "sl",      "sro", "doo"};

bool isLegalForm(const QString &w)
{
    return std::any_of(kLegalForms.begin(), kLegalForms.end(),
                       [&](const char *f) { return w == QLatin1StringView(f); });
}

// The words without trailing legal forms ("acme co ltd" -> acme); never empty if words is not.
QStringList coreWords(const QStringList &words)
{
    QStringList core = words;
    while (core.size() > 1 && isLegalForm(core.back()))
        core.removeLast();
    return core;
}

int allowedEdits(qsizetype length) { return length >= 10 ? 2 : length >= 5 ? 1 : 0; }

// "Service 12" and "Service 13" are different things, not a typo: spellings that differ in
// their numbers are never near matches.
QString digitsOf(const QString &key)
{
    QString d;
    for (const QChar c : key)
        if (c.isDigit())
            d += c;
    return d;
}

// Spelling comparisons stop at buckets this large (a model of tens of thousands of
// numbered names); exact, legal-form and first-words matches still apply.
constexpr qsizetype kMaxSpellingBucket = 5000;

} // namespace

QStringList nameWords(QStringView name)
{
    const QString decomposed = name.toString().normalized(QString::NormalizationForm_KD);
    QStringList words;
    QString word;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c.isLetterOrNumber()) {
            word += c.toCaseFolded();
        } else if (!word.isEmpty()) {
            words << word;
            word.clear();
        }
    }
    if (!word.isEmpty())
        words << word;
    return words;
}

QString nameKey(QStringView name) { return nameWords(name).join(QString()); }

QString cleanName(QStringView name)
{
    QString s = name.toString().simplified();
    auto isQuote = [](QChar c) {
        return c == u'"' || c == u'\'' || c == u'\u201C' || c == u'\u201D' || c == u'\u2018' || c == u'\u2019'
            || c == u'\u00AB' || c == u'\u00BB' || c == u'\u201E';
    };
    while (s.size() >= 2 && isQuote(s.front()) && isQuote(s.back()))
        s = s.mid(1, s.size() - 2).trimmed();
    return s;
}

int boundedEditDistance(QStringView a, QStringView b, int max)
{
    if (std::abs(a.size() - b.size()) > max)
        return max + 1;
    std::vector<int> prev(std::size_t(b.size()) + 1), cur(std::size_t(b.size()) + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[std::size_t(j)] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        int rowMin = cur[0];
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[std::size_t(j)] =
                std::min({prev[std::size_t(j)] + 1, cur[std::size_t(j - 1)] + 1, prev[std::size_t(j - 1)] + cost});
            rowMin = std::min(rowMin, cur[std::size_t(j)]);
        }
        if (rowMin > max)
            return max + 1;
        std::swap(prev, cur);
    }
    return std::min(prev[std::size_t(b.size())], max + 1);
}

void NameIndex::add(int handle, QStringView name)
{
    const QStringList words = nameWords(name);
    Entry e{handle, words.join(QString()), {}, coreWords(words)};
    e.core = e.coreWords.join(QString());
    const int pos = int(m_entries.size());
    if (e.key.isEmpty())
        return;
    m_byKey.insert(e.key, pos);
    m_byCore.insert(e.core, pos);
    m_byFirstWord.insert(e.coreWords.first(), pos);
    m_byFirstChar.insert(e.key.front(), pos);
    m_byLastChar.insert(e.key.back(), pos);
    m_entries.push_back(std::move(e));
}

QList<int> NameIndex::exact(QStringView name) const
{
    QList<int> positions = m_byKey.values(nameKey(name));
    std::sort(positions.begin(), positions.end());
    QList<int> out;
    for (const int p : positions)
        out << m_entries[std::size_t(p)].handle;
    return out;
}

std::vector<NearMatch> NameIndex::near(QStringView name, int limit) const
{
    const QStringList words = nameWords(name);
    if (words.isEmpty())
        return {};
    const QString key = words.join(QString());
    const QStringList cw = coreWords(words);
    const QString core = cw.join(QString());
    struct Scored {
        int pos;
        int rank;
        QString reason;
    };
    std::vector<Scored> found;
    QSet<int> seen;
    auto consider = [&](int pos, int rank, const QString &reason) {
        const Entry &e = m_entries[std::size_t(pos)];
        if (e.key == key || seen.contains(pos))
            return;
        seen.insert(pos);
        found.push_back({pos, rank, reason});
    };
    for (auto it = m_byCore.constFind(core); it != m_byCore.cend() && it.key() == core; ++it)
        consider(*it, 0, QStringLiteral("the same name without its legal form (Inc, Ltd, GmbH, ...)"));
    const int edits = allowedEdits(key.size());
    if (edits > 0) {
        const QString digits = digitsOf(key);
        for (const auto *bucket : {&m_byFirstChar, &m_byLastChar}) {
            const QChar c = bucket == &m_byFirstChar ? key.front() : key.back();
            if (bucket->count(c) > kMaxSpellingBucket)
                continue;
            for (auto it = bucket->constFind(c); it != bucket->cend() && it.key() == c; ++it) {
                const Entry &e = m_entries[std::size_t(*it)];
                const int limitEdits = std::min(edits, allowedEdits(e.key.size()));
                if (limitEdits == 0 || seen.contains(*it) || digitsOf(e.key) != digits)
                    continue;
                const int d = boundedEditDistance(key, e.key, limitEdits);
                if (d <= limitEdits)
                    consider(
                        *it, d,
                        QStringLiteral("spelled %1 letter%2 apart").arg(d).arg(QLatin1StringView(d == 1 ? "" : "s")));
            }
        }
    }
    for (auto it = m_byFirstWord.constFind(cw.first()); it != m_byFirstWord.cend() && it.key() == cw.first(); ++it) {
        const Entry &e = m_entries[std::size_t(*it)];
        const QStringList &shorter = e.coreWords.size() < cw.size() ? e.coreWords : cw;
        const QStringList &longer = e.coreWords.size() < cw.size() ? cw : e.coreWords;
        if (shorter.size() == longer.size() || shorter.join(QString()).size() < 4)
            continue;
        if (std::equal(shorter.begin(), shorter.end(), longer.begin()))
            consider(*it, 3, QStringLiteral("one name is the start of the other"));
    }
    std::stable_sort(found.begin(), found.end(), [](const Scored &a, const Scored &b) {
        return a.rank != b.rank ? a.rank < b.rank : a.pos < b.pos;
    });
    std::vector<NearMatch> out;
    for (const Scored &s : found) {
        if (int(out.size()) >= limit)
            break;
        out.push_back({m_entries[std::size_t(s.pos)].handle, s.reason});
    }
    return out;
}

} // namespace vg
