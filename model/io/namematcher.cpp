// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/namematcher.h"

#include <QSet>
#include <QtAlgorithms>

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

// A bit per letter a-z, digit and other character class: the set of characters a name holds.
quint64 lettersOf(const QString &s)
{
    quint64 bits = 0;
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        bits |= quint64(1) << (u >= u'a' && u <= u'z'       ? u - u'a'
                                   : u >= u'0' && u <= u'9' ? 26 + (u - u'0')
                                                            : 36 + u % 28);
    }
    return bits;
}

// Spelling and first-word comparisons skip buckets this large (tens of thousands of names
// of one length and initial, or with one first word); exact and legal-form matches still apply.
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
    const qsizetype n = a.size(), m = b.size();
    if (std::abs(n - m) > max)
        return max + 1;
    if (max > 8 || m > 1024) { // not what names need: the plain full table
        std::vector<int> prev(std::size_t(m) + 1), cur(std::size_t(m) + 1);
        for (qsizetype j = 0; j <= m; ++j)
            prev[std::size_t(j)] = int(j);
        for (qsizetype i = 1; i <= n; ++i) {
            cur[0] = int(i);
            for (qsizetype j = 1; j <= m; ++j)
                cur[std::size_t(j)] = std::min({prev[std::size_t(j)] + 1, cur[std::size_t(j - 1)] + 1,
                                                prev[std::size_t(j - 1)] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            std::swap(prev, cur);
        }
        return std::min(prev[std::size_t(m)], max + 1);
    }
    // Only cells within `max` of the diagonal can stay within `max`: a band of 2*max+1.
    constexpr int kBig = 1 << 20;
    int prev[1026], cur[1026];
    for (qsizetype j = 0; j <= m; ++j)
        prev[j] = j <= max ? int(j) : kBig;
    for (qsizetype i = 1; i <= n; ++i) {
        const qsizetype lo = std::max<qsizetype>(1, i - max), hi = std::min<qsizetype>(m, i + max);
        cur[0] = i <= max ? int(i) : kBig;
        if (lo > 1)
            cur[lo - 1] = kBig;
        int rowMin = cur[0];
        for (qsizetype j = lo; j <= hi; ++j) {
            const int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            cur[j] = v;
            rowMin = std::min(rowMin, v);
        }
        if (hi < m)
            cur[hi + 1] = kBig;
        if (rowMin > max)
            return max + 1;
        std::copy(cur + std::max<qsizetype>(0, lo - 1), cur + std::min<qsizetype>(m, hi + 1) + 1,
                  prev + std::max<qsizetype>(0, lo - 1));
    }
    return std::min(prev[m], max + 1);
}

void NameIndex::add(int handle, QStringView name)
{
    const QStringList words = nameWords(name);
    if (words.isEmpty())
        return;
    Entry e{handle, words.join(QString()), {}, coreWords(words), {}};
    e.core = e.coreWords.join(QString());
    e.digits = digitsOf(e.core);
    const int pos = int(m_entries.size());
    m_byKey[e.key].push_back(pos);
    m_byCore[e.core].push_back(pos);
    m_byFirstWord[e.coreWords.first()].push_back(pos);
    if (allowedEdits(e.core.size()) > 0) {
        const quint64 letters = lettersOf(e.core);
        m_bySpelling[bucket(e.core.front(), e.core.size(), true)].push_back({pos, letters});
        m_bySpelling[bucket(e.core.back(), e.core.size(), false)].push_back({pos, letters});
    }
    m_entries.push_back(std::move(e));
}

QList<int> NameIndex::exact(QStringView name) const
{
    QList<int> out;
    const auto it = m_byKey.constFind(nameKey(name));
    if (it != m_byKey.cend())
        for (const int p : *it)
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
        if (m_entries[std::size_t(pos)].key == key || seen.contains(pos))
            return;
        seen.insert(pos);
        found.push_back({pos, rank, reason});
    };
    if (const auto it = m_byCore.constFind(core); it != m_byCore.cend())
        for (const int p : *it)
            consider(p, 0, QStringLiteral("the same name without its legal form (Inc, Ltd, GmbH, ...)"));
    const int edits = allowedEdits(core.size());
    if (edits > 0) {
        const QString digits = digitsOf(core);
        const quint64 letters = lettersOf(core);
        for (const bool first : {true, false}) {
            const QChar c = first ? core.front() : core.back();
            for (qsizetype length = core.size() - edits; length <= core.size() + edits; ++length) {
                const auto it = m_bySpelling.constFind(bucket(c, length, first));
                if (it == m_bySpelling.cend() || qsizetype(it->size()) > kMaxSpellingBucket)
                    continue;
                for (const Spelling &sp : *it) {
                    // Each edit adds or removes at most two letters from the set.
                    if (qPopulationCount(sp.letters ^ letters) > uint(2 * edits))
                        continue;
                    const Entry &e = m_entries[std::size_t(sp.pos)];
                    const int limitEdits = std::min(edits, allowedEdits(e.core.size()));
                    if (limitEdits == 0 || e.core == core || seen.contains(sp.pos) || e.digits != digits)
                        continue;
                    const int d = boundedEditDistance(core, e.core, limitEdits);
                    if (d <= limitEdits)
                        consider(sp.pos, d,
                                 QStringLiteral("spelled %1 letter%2 apart")
                                     .arg(d)
                                     .arg(QLatin1StringView(d == 1 ? "" : "s")));
                }
            }
        }
    }
    if (const auto it = m_byFirstWord.constFind(cw.first());
        it != m_byFirstWord.cend() && qsizetype(it->size()) <= kMaxSpellingBucket) {
        for (const int p : *it) {
            const Entry &e = m_entries[std::size_t(p)];
            const QStringList &shorter = e.coreWords.size() < cw.size() ? e.coreWords : cw;
            const QStringList &longer = e.coreWords.size() < cw.size() ? cw : e.coreWords;
            if (shorter.size() == longer.size() || shorter.join(QString()).size() < 4)
                continue;
            if (std::equal(shorter.begin(), shorter.end(), longer.begin()))
                consider(p, 3, QStringLiteral("one name is the start of the other"));
        }
    }
    std::stable_sort(found.begin(), found.end(), [](const Scored &a, const Scored &b) {
        return a.rank != b.rank ? a.rank < b.rank : a.pos < b.pos;
    });
    std::vector<NearMatch> out;
    for (const Scored &sc : found) {
        if (int(out.size()) >= limit)
            break;
        out.push_back({m_entries[std::size_t(sc.pos)].handle, sc.reason});
    }
    return out;
}

} // namespace vg
