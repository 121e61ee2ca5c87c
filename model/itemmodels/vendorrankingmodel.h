// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/blastradius.h"

#include <QAbstractTableModel>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace vg {

// Every vendor's breach and control scenario as a table: scores, people behind the exposed
// data and tier-1 categories exposed. Filled by a ranking that runs on a worker thread on an
// immutable snapshot; sortable by any column (ties by vendor id). Returns data only: colours
// and formatting belong to views/. Qt::UserRole is the vendor id.
//
// Threading: rank() returns at once; progress() and finished() arrive on this object's
// thread. A ranking started later, or cancel(), makes a running one out of date: it stops
// at its next progress step and its result is dropped, never shown. The rows keep showing
// the last completed ranking (revision()) until a newer one completes. Destroying the model
// cancels and waits for the worker.
class VendorRankingModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Vendor,
        Name,
        BreachScore,
        ControlScore,
        BreachPeople,
        ControlPeople,
        BreachTier1,
        ControlTier1,
        ColumnCount
    };
    struct Row {
        QString id, name;
        ScenarioSummary breach, control;
    };

    explicit VendorRankingModel(QObject *parent = nullptr);
    ~VendorRankingModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Ranks every vendor of a snapshot (building its engine on the worker), or with an engine
    // already built (its ranking is reused when it has one). revision labels the result: the
    // caller's document revision, for example.
    void rank(std::shared_ptr<const Model> model, quint64 revision);
    void rank(BlastRadiusEngine engine, quint64 revision);
    // Stops the running ranking, if any; its result is dropped.
    void cancel();
    bool isRunning() const;
    // The revision of the ranking the rows show (0 before the first one completes), and of
    // the latest one asked for.
    quint64 revision() const { return m_revision; }
    quint64 requestedRevision() const;
    const Row &rowAt(int row) const { return m_rows[std::size_t(row)]; }
    int rowOf(const QString &vendorId) const;

Q_SIGNALS:
    void progress(int done, int total); // vendors ranked so far
    void finished(quint64 revision); // the rows now show this ranking
    void failed(const QString &message); // the ranking could not be computed; the rows are unchanged

private:
    struct Job {
        std::atomic<bool> cancelled{false};
        std::atomic<bool> running{true};
        quint64 revision = 0;
    };
    void start(std::shared_ptr<const Model> model, std::optional<BlastRadiusEngine> engine, quint64 revision);
    void deliver(const std::shared_ptr<Job> &job, std::vector<Row> rows);
    void applySort();

    std::vector<Row> m_rows;
    quint64 m_revision = 0;
    int m_sortColumn = ControlScore;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    std::shared_ptr<Job> m_job; // the latest ranking asked for
    QThreadPool m_pool;
};

} // namespace vg
