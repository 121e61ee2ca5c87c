// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testutil.h"

#include "model/domain/validate.h"
#include "model/io/sample.h"

#include <QSet>

using namespace vg;

class TestSample : public QObject {
    Q_OBJECT
    Model m = bundledSample();
    const Edge *find(const char *from, const char *to, EdgeKind kind) const
    {
        for (const Edge &e : m.edges)
            if (e.from == QLatin1StringView(from) && e.to == QLatin1StringView(to) && e.kind == kind)
                return &e;
        return nullptr;
    }
    const Node *node(const char *id) const
    {
        for (const Node &n : m.nodes)
            if (n.id == QLatin1StringView(id))
                return &n;
        return nullptr;
    }
private Q_SLOTS:
    void isValid() { QVERIFY(validateModel(m).empty()); }

    void hasTheRequiredSize()
    {
        std::map<NodeKind, int> kinds;
        for (const Node &n : m.nodes) {
            ++kinds[n.kind];
            if (n.kind == NodeKind::People)
                QVERIFY2(n.count && !n.regions.isEmpty(), qPrintable(n.id));
        }
        QVERIFY(m.nodes.size() >= 60);
        QVERIFY(kinds[NodeKind::People] >= 5);
        QVERIFY(kinds[NodeKind::Service] >= 20);
        QVERIFY(kinds[NodeKind::Vendor] >= 30);
        QVERIFY(m.edges.size() >= 150);
        std::map<EdgeKind, int> edgeKinds;
        QSet<QString> cats;
        for (const Edge &e : m.edges) {
            ++edgeKinds[e.kind];
            for (const QString &c : e.categories)
                cats.insert(c);
        }
        for (const Node &n : m.nodes)
            for (const StoredData &s : n.stores)
                cats.insert(s.category);
        QCOMPARE(edgeKinds.size(), std::size_t(4));
        QVERIFY(cats.size() >= 25);
    }

    void analyticsSdkReceivesProfileButNoContentOrCredentials()
    {
        const Edge *flow = find("dashboard", "analytics", EdgeKind::Data);
        QVERIFY(flow);
        for (const char *c : {"ID.NAME", "CONTACT.EMAIL", "LOC.COARSE", "DEVICE.TECH", "ONLINE.REFERRER", "ID.ACCOUNT"})
            QVERIFY2(flow->categories.contains(QLatin1StringView(c)), c);
        for (const QString &c : flow->categories)
            QVERIFY2(!c.startsWith(u"CRED.") && !c.startsWith(u"CONTENT.") && !c.startsWith(u"COMMS."), qPrintable(c));
        QVERIFY(find("analytics", "dashboard", EdgeKind::Code));
    }

    void chatAppHoldsOAuthIntoCrmTenantWithPastedKeys()
    {
        const Edge *grant = find("chat_widget", "crm_tenant", EdgeKind::Access);
        QVERIFY(grant && grant->stored);
        QVERIFY(find("crm", "crm_tenant", EdgeKind::Hosts));
        const Node *tenant = node("crm_tenant");
        QVERIFY(std::any_of(tenant->stores.begin(), tenant->stores.end(),
                            [](const StoredData &s) { return s.category == u"CRED.API_KEY"; }));
        QVERIFY(find("crm_tenant", "api_gateway", EdgeKind::Access));
    }

    void identityProviderSupportDeskGetsHarFiles()
    {
        const Edge *har = find("it_ops", "idp_support", EdgeKind::Data);
        QVERIFY(har && har->categories.contains(QStringLiteral("CRED.SESSION")));
        QVERIFY(find("idp_support", "corp_idp_tenant", EdgeKind::Access));
        QVERIFY(find("idp", "corp_idp_tenant", EdgeKind::Hosts));
    }

    void otherRequiredSituations()
    {
        QVERIFY(find("dwh_host", "dwh_tenant", EdgeKind::Hosts)); // warehouse tenant
        QVERIFY(find("api_users", "payments", EdgeKind::Data)); // payment processor
        QVERIFY(find("ci_provider", "ci_pipelines", EdgeKind::Hosts)); // CI provider ...
        QVERIFY(find("ci_pipelines", "cloud_prod", EdgeKind::Access)->scope == Scope::Admin); // with cloud keys
        QVERIFY(find("llm_router", "llm_provider", EdgeKind::Data)); // LLM sub-processor chain
        QVERIFY(find("llm_provider", "gpu_cloud", EdgeKind::Data));
        QVERIFY(find("llm_provider", "safety_bpo", EdgeKind::Data));
    }
};

QTEST_GUILESS_MAIN(TestSample)
#include "tst_sample.moc"
