// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/generator.h"

#include "model/domain/taxonomy.h"

#include <array>
#include <cmath>

namespace vg {

namespace {

// splitmix64: small, fast and identical everywhere (std:: distributions are not).
class Random final {
public:
    explicit Random(quint64 seed) : m_state(seed) { }
    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n).
    qint64 below(qint64 n) { return n <= 0 ? 0 : qint64(next() % quint64(n)); }
    // Uniform in [0, 1) with 53 bits.
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    // In [0, n), skewed towards 0: the popular end. power 1 is uniform.
    qint64 skewed(qint64 n, double power) { return std::min(n - 1, qint64(double(n) * std::pow(unit(), power))); }
    bool chance(int percent) { return below(100) < percent; }

private:
    quint64 m_state;
};

const std::array<const char *, 10> kRegions{"US", "US-CA", "EU", "DE", "FR", "GB", "IN", "BR", "JP", "CA"};

// Category pools by flow: what people give services, what services send vendors.
const std::array<const char *, 12> kPersonal{"ID.NAME",     "CONTACT.EMAIL", "CONTACT.PHONE", "CONTACT.POSTAL",
                                             "ID.ACCOUNT",  "DEVICE.IP",     "DEVICE.TECH",   "LOC.COARSE",
                                             "FIN.BILLING", "DEMO.DOB",      "CONTENT.USER",  "BEHAV.USAGE"};
const std::array<const char *, 10> kSensitive{"FIN.CARD_PAN",     "FIN.BANK",    "ID.GOV",        "HEALTH.CLINICAL",
                                              "HEALTH.INSURANCE", "LOC.PRECISE", "COMMS.CONTENT", "CONTENT.SUPPORT",
                                              "FIN.TXN",          "BIO"};
const std::array<const char *, 5> kCredentials{"CRED.API_KEY", "CRED.OAUTH", "CRED.SESSION", "CRED.CLOUD_KEY",
                                               "CRED.PASSWORD"};

QStringList pickCategories(Random &rng, int n, const QHash<QString, QString> &intern)
{
    QStringList out;
    auto add = [&](const char *c) {
        const QString s = intern.value(QString::fromLatin1(c));
        if (!out.contains(s))
            out << s;
    };
    for (int i = 0; i < n; ++i) {
        const int roll = int(rng.below(100));
        if (roll < 80)
            add(kPersonal[std::size_t(rng.skewed(kPersonal.size(), 1.6))]);
        else if (roll < 95)
            add(kSensitive[std::size_t(rng.below(kSensitive.size()))]);
        else
            add(kCredentials[std::size_t(rng.below(kCredentials.size()))]);
    }
    return out;
}

QString numbered(const char *prefix, qint64 i, int width)
{
    return QString::fromLatin1(prefix) + QStringLiteral("%1").arg(i, width, 10, QLatin1Char('0'));
}

} // namespace

Model generateModel(const GeneratorParams &p)
{
    Random rng(p.seed);
    Model m;
    m.name = QStringLiteral("Synthetic model (people %1, services %2, vendors %3, edges %4, seed %5)")
                 .arg(p.people)
                 .arg(p.services)
                 .arg(p.vendors)
                 .arg(p.edges)
                 .arg(p.seed);
    const bool deep = p.shape == GeneratorShape::DeepChains;
    if (deep)
        m.name += QStringLiteral(", deep chains");
    m.organization =
        Organization{QStringLiteral("Synthetic Corp"), {QStringLiteral("US"), QStringLiteral("EU")}, {}, false};
    QHash<QString, QString> intern;
    for (const Category &c : Taxonomy::builtIn().all())
        intern.insert(c.id, c.id);

    const int people = std::max(1, p.people), services = std::max(1, p.services);
    const int vendorsTotal = std::max(2, p.vendors);
    const int primary = std::max(1, vendorsTotal * 3 / 5);
    std::vector<QString> P, S, V, U;
    const int w = 6;
    m.nodes.reserve(std::size_t(people + services + vendorsTotal));
    for (int i = 0; i < people; ++i) {
        Node n;
        n.id = numbered("people-", i, w);
        n.kind = NodeKind::People;
        n.name = QStringLiteral("Population %1").arg(i);
        n.count = qint64(std::pow(10.0, 3.0 + 3.7 * rng.unit())); // 1e3 .. 5e6, log-uniform
        n.regions << QString::fromLatin1(kRegions[std::size_t(rng.below(kRegions.size()))]);
        if (rng.chance(40))
            n.regions << QString::fromLatin1(kRegions[std::size_t(rng.below(kRegions.size()))]);
        n.regions.removeDuplicates();
        P.push_back(n.id);
        m.nodes.push_back(std::move(n));
    }
    for (int i = 0; i < services; ++i) {
        Node n;
        n.id = numbered("svc-", i, w);
        n.kind = NodeKind::Service;
        n.name = QStringLiteral("Service %1").arg(i);
        for (const QString &c : pickCategories(rng, 1 + int(rng.below(3)), intern))
            n.stores.push_back({c, qint64(std::pow(10.0, 2.0 + 4.0 * rng.unit())), std::nullopt, {}, {}});
        S.push_back(n.id);
        m.nodes.push_back(std::move(n));
    }
    for (int i = 0; i < vendorsTotal; ++i) {
        const bool sub = i >= primary;
        Node n;
        n.id = sub ? numbered("sub-", i - primary, w) : numbered("vendor-", i, w);
        n.kind = NodeKind::Vendor;
        n.name = sub ? QStringLiteral("Sub-processor %1").arg(i - primary) : QStringLiteral("Vendor %1").arg(i);
        VendorProfile vp;
        vp.tier = 1 + int(rng.below(4));
        vp.dpa = rng.chance(70);
        n.vendor = vp;
        (sub ? U : V).push_back(n.id);
        m.nodes.push_back(std::move(n));
    }
    if (U.empty())
        U = V;

    // Popular targets attract more edges: index ~ n * u^3.
    auto pop = [&](const std::vector<QString> &v) -> const QString & {
        return v[std::size_t(rng.skewed(qint64(v.size()), 3.0))];
    };
    auto any = [&](const std::vector<QString> &v) -> const QString & {
        return v[std::size_t(rng.below(qint64(v.size())))];
    };
    auto busy = [&](const std::vector<QString> &v) -> const QString & {
        return v[std::size_t(rng.skewed(qint64(v.size()), 2.0))];
    };
    // Deep chains: a service passes data (and credentials) a few places along its region of
    // kRegion services, wrapping at the region's end, so regions are strongly connected and
    // paths through them are long.
    constexpr qint64 kRegion = 2000;
    const qint64 nS = qint64(S.size());
    qint64 chainFrom = 0;
    auto chainSource = [&]() -> const QString & {
        chainFrom = rng.below(nS);
        return S[std::size_t(chainFrom)];
    };
    auto chainNext = [&]() -> const QString & {
        const qint64 start = chainFrom / kRegion * kRegion;
        const qint64 size = std::min(kRegion, nS - start);
        const qint64 step = 1 + rng.skewed(6, 2.0);
        return S[std::size_t(start + (chainFrom - start + step) % size)];
    };

    m.edges.reserve(std::size_t(p.edges));
    for (qint64 i = 0; i < p.edges; ++i) {
        Edge e;
        e.id = numbered("e", i, 7);
        const int roll = int(rng.below(100));
        if (roll < 80) { // data flows, along the tiers
            e.kind = EdgeKind::Data;
            const int r2 = int(rng.below(100));
            if (r2 < 10) {
                e.from = any(P);
                e.to = deep ? any(S) : pop(S);
            } else if (r2 < 35) {
                e.from = deep ? chainSource() : any(S);
                e.to = deep ? chainNext() : pop(S);
            } else if (r2 < 80) {
                e.from = any(S);
                e.to = pop(V);
            } else {
                e.from = busy(V);
                e.to = pop(U);
            }
            e.categories = pickCategories(rng, 1 + int(rng.below(3)), intern);
            if (rng.chance(50))
                e.records = qint64(std::pow(10.0, 2.0 + 5.0 * rng.unit()));
            if (rng.chance(10))
                e.encryption = rng.chance(50) ? Encryption::ExternalKey : Encryption::HolderKey;
        } else if (roll < 92) { // credentials
            e.kind = EdgeKind::Access;
            const int r2 = int(rng.below(100));
            if (r2 < 40) {
                e.from = deep ? chainSource() : any(S);
                e.to = deep ? chainNext() : pop(S);
            } else if (r2 < 65) {
                e.from = any(S);
                e.to = pop(V);
            } else if (r2 < 85) {
                e.from = busy(V);
                e.to = pop(S);
            } else {
                e.from = busy(V);
                e.to = pop(U);
            }
            const int s = int(rng.below(100));
            e.scope = s < 50 ? Scope::Read : s < 85 ? Scope::Write : Scope::Admin;
            e.stored = rng.chance(90);
        } else if (roll < 97) { // SDKs and agents
            e.kind = EdgeKind::Code;
            e.from = busy(V);
            e.to = pop(S);
        } else { // tenants
            e.kind = EdgeKind::Hosts;
            e.from = busy(V);
            e.to = any(S);
        }
        if (e.from == e.to)
            e.to = (e.to == S.front() && S.size() > 1) ? S[1] : S.front();
        if (e.from == e.to)
            continue;
        m.edges.push_back(std::move(e));
    }
    return m;
}

} // namespace vg
