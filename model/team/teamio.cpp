// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/team/teamio.h"

#include "model/domain/validate.h"
#include "model/storage/pgmodelstore.h"
#include "model/storage/pgschema.h"

namespace vg {

Expected<pg::Connection> connectTeam(const TeamUrl &url, const QString &password, bool checkSchema)
{
    try {
        pg::Connection c = pg::Connection::open(url.keys(password), url.values(password));
        if (checkSchema)
            if (Status s = checkTeamSchema(c); !s)
                return Error(url.display(), s.error().problems);
        return c;
    } catch (const pg::PgError &e) {
        return Error(url.display(), teamErrorText(e));
    }
}

Expected<Model> pullModel(const QString &url, const QString &password)
{
    const auto u = TeamUrl::parse(url);
    if (!u)
        return u.error();
    auto c = connectTeam(*u, password);
    if (!c)
        return c.error();
    try {
        PgModelStore store(*c);
        Expected<TeamSnapshot> s = store.open(u->model());
        if (!s)
            return Error(u->display(), s.error().problems);
        return std::move(s->model);
    } catch (const pg::PgError &e) {
        return Error(u->display(), teamErrorText(e));
    }
}

Status pushModel(const Model &model, const QString &url, bool replace, const QString &summary, const QString &password)
{
    const auto u = TeamUrl::parse(url);
    if (!u)
        return u.error();
    if (std::vector<Problem> problems = validateModel(model); !problems.empty())
        return Error(u->display(), std::move(problems));
    auto c = connectTeam(*u, password);
    if (!c)
        return c.error();
    try {
        PgModelStore store(*c);
        Expected<qint64> id =
            store.publish(model, u->model(), replace, summary.isEmpty() ? QStringLiteral("Published") : summary);
        if (!id)
            return Error(u->display(), id.error().problems);
        return Done{};
    } catch (const pg::PgError &e) {
        return Error(u->display(), QStringLiteral("not published: %1").arg(teamErrorText(e)));
    }
}

Status deleteModel(const QString &url, const QString &password)
{
    const auto u = TeamUrl::parse(url);
    if (!u)
        return u.error();
    auto c = connectTeam(*u, password);
    if (!c)
        return c.error();
    try {
        if (!PgModelStore(*c).remove(u->model()))
            return Error(u->display(), QStringLiteral("there is no model \"%1\" on the server").arg(u->model()));
        return Done{};
    } catch (const pg::PgError &e) {
        return Error(u->display(), QStringLiteral("not deleted: %1").arg(teamErrorText(e)));
    }
}

Expected<std::vector<HistoryEntry>> modelHistory(const QString &url, const HistoryQuery &q, const QString &password)
{
    const auto u = TeamUrl::parse(url);
    if (!u)
        return u.error();
    auto c = connectTeam(*u, password);
    if (!c)
        return c.error();
    try {
        PgModelStore store(*c);
        const auto id = store.modelId(u->model());
        if (!id)
            return Error(u->display(), QStringLiteral("there is no model \"%1\" on the server").arg(u->model()));
        return store.history(*id, q);
    } catch (const pg::PgError &e) {
        return Error(u->display(), teamErrorText(e));
    }
}

Expected<int> initServer(const QString &url, const QString &password)
{
    const auto u = TeamUrl::parse(url, true);
    if (!u)
        return u.error();
    auto c = connectTeam(*u, password, false);
    if (!c)
        return c.error();
    Expected<int> v = initTeamSchema(*c);
    if (!v)
        return Error(u->display(), v.error().problems);
    return v;
}

} // namespace vg
