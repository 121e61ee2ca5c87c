// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/itemmodels/vendorrankingmodel.h"

#include <QHash>

namespace vg {

VendorRankingModel::VendorRankingModel(QObject *parent) : QAbstractTableModel(parent) { m_pool.setMaxThreadCount(1); }

VendorRankingModel::~VendorRankingModel()
{
    cancel();
    m_pool.waitForDone();
}

int VendorRankingModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int VendorRankingModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

namespace {

QVariant value(const VendorRankingModel::Row &r, int column)
{
    switch (column) {
    case VendorRankingModel::Vendor: return r.id;
    case VendorRankingModel::Name: return r.name;
    case VendorRankingModel::BreachScore: return r.breach.score;
    case VendorRankingModel::ControlScore: return r.control.score;
    case VendorRankingModel::BreachPeople: return r.breach.people;
    case VendorRankingModel::ControlPeople: return r.control.people;
    case VendorRankingModel::BreachTier1: return r.breach.categoriesByTier[0];
    case VendorRankingModel::ControlTier1: return r.control.categoriesByTier[0];
    default: break;
    }
    return {};
}

// Orders two rows by a column: negative, zero (a tie) or positive.
int compare(const VendorRankingModel::Row &a, const VendorRankingModel::Row &b, int column)
{
    auto cmp = [](const auto &x, const auto &y) { return x < y ? -1 : y < x ? 1 : 0; };
    switch (column) {
    case VendorRankingModel::Vendor: return cmp(a.id, b.id);
    case VendorRankingModel::Name: return a.name.localeAwareCompare(b.name);
    case VendorRankingModel::BreachScore: return cmp(a.breach.score, b.breach.score);
    case VendorRankingModel::ControlScore: return cmp(a.control.score, b.control.score);
    case VendorRankingModel::BreachPeople: return cmp(a.breach.people, b.breach.people);
    case VendorRankingModel::ControlPeople: return cmp(a.control.people, b.control.people);
    case VendorRankingModel::BreachTier1: return cmp(a.breach.categoriesByTier[0], b.breach.categoriesByTier[0]);
    case VendorRankingModel::ControlTier1: return cmp(a.control.categoriesByTier[0], b.control.categoriesByTier[0]);
    default: break;
    }
    return 0;
}

} // namespace

QVariant VendorRankingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &r = m_rows[std::size_t(index.row())];
    if (role == Qt::UserRole)
        return r.id;
    if (role == Qt::DisplayRole)
        return value(r, index.column());
    return {};
}

QVariant VendorRankingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    switch (section) {
    case Vendor: return tr("Vendor");
    case Name: return tr("Name");
    case BreachScore: return tr("Breach score");
    case ControlScore: return tr("Control score");
    case BreachPeople: return tr("People (breach)");
    case ControlPeople: return tr("People (control)");
    case BreachTier1: return tr("Tier 1 (breach)");
    case ControlTier1: return tr("Tier 1 (control)");
    default: break;
    }
    return {};
}

void VendorRankingModel::applySort()
{
    const int column = m_sortColumn;
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    std::sort(m_rows.begin(), m_rows.end(), [&](const Row &a, const Row &b) {
        const int c = compare(a, b, column);
        if (c != 0)
            return descending ? c > 0 : c < 0;
        return a.id < b.id; // ties by vendor id, whatever the order
    });
}

void VendorRankingModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<QString> ids;
    ids.reserve(std::size_t(before.size()));
    for (const QModelIndex &i : before)
        ids.push_back(m_rows[std::size_t(i.row())].id);
    applySort();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype k = 0; k < before.size(); ++k)
        after << index(rowOf(ids[std::size_t(k)]), before[k].column());
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int VendorRankingModel::rowOf(const QString &vendorId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == vendorId)
            return int(i);
    return -1;
}

void VendorRankingModel::rank(std::shared_ptr<const Model> model, quint64 revision)
{
    start(std::move(model), std::nullopt, revision);
}

void VendorRankingModel::rank(BlastRadiusEngine engine, quint64 revision)
{
    start(nullptr, std::move(engine), revision);
}

void VendorRankingModel::cancel()
{
    if (m_job)
        m_job->cancelled = true;
}

bool VendorRankingModel::isRunning() const { return m_job && m_job->running && !m_job->cancelled; }

quint64 VendorRankingModel::requestedRevision() const { return m_job ? m_job->revision : m_revision; }

void VendorRankingModel::start(std::shared_ptr<const Model> model, std::optional<BlastRadiusEngine> engine,
                               quint64 revision)
{
    cancel(); // the one running, if any, is out of date now
    auto job = std::make_shared<Job>();
    job->revision = revision;
    m_job = job;
    m_pool.start([this, job, model = std::move(model), engine = std::move(engine)]() mutable {
        auto report = [&](auto f) { QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection); };
        try {
            if (job->cancelled) {
                job->running = false;
                return;
            }
            const BlastRadiusEngine e = engine ? std::move(*engine) : BlastRadiusEngine(std::move(model));
            const auto ranks = e.rank(true, true, [&](int done, int total) {
                if (job->cancelled)
                    return false;
                report([this, job, done, total] {
                    if (job == m_job && !job->cancelled)
                        Q_EMIT progress(done, total);
                });
                return true;
            });
            if (job->cancelled) {
                job->running = false;
                return;
            }
            // One row per vendor, both modes.
            std::vector<Row> rows;
            QHash<QString, std::size_t> at;
            for (const VendorRank &r : ranks) {
                auto it = at.find(r.vendorId);
                if (it == at.end()) {
                    it = at.insert(r.vendorId, rows.size());
                    rows.push_back({r.vendorId, r.name, {}, {}});
                }
                (r.mode == Compromise::Breached ? rows[*it].breach : rows[*it].control) = r.summary;
            }
            job->running = false;
            report([this, job, rows = std::move(rows)]() mutable { deliver(job, std::move(rows)); });
        } catch (const std::exception &ex) {
            job->running = false;
            const QString what = QString::fromLocal8Bit(ex.what());
            report([this, job, what] {
                if (job == m_job && !job->cancelled)
                    Q_EMIT failed(tr("The ranking failed: %1").arg(what));
            });
        }
    });
}

void VendorRankingModel::deliver(const std::shared_ptr<Job> &job, std::vector<Row> rows)
{
    if (job != m_job || job->cancelled)
        return; // out of date: a newer ranking was asked for, or this one was cancelled
    beginResetModel();
    m_rows = std::move(rows);
    applySort();
    m_revision = job->revision;
    endResetModel();
    Q_EMIT finished(m_revision);
}

} // namespace vg
