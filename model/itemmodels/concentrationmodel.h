// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/engine/blastradius.h"

#include <QAbstractTableModel>

#include <vector>

namespace vg {

// The shared sub-processors (fourth parties) of a model as a table, heaviest first: what
// BlastRadiusEngine::concentration() returns. Cells hold plain values (numbers stay numbers,
// so that a sort proxy sorts them numerically); Qt::UserRole is the sub-processor's id and
// VendorsRole the ids of the vendors that depend on it (a QStringList). Data only: colours
// and formatting belong to views/.
class ConcentrationModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, VendorCount, Vendors, Categories, Weight, ColumnCount };
    enum Role { VendorsRole = Qt::UserRole + 1 };

    explicit ConcentrationModel(QObject *parent = nullptr);
    // Replaces the rows; they are kept sorted by weight (highest first), then by score,
    // then by id.
    void setRows(std::vector<SharedSubprocessor> rows);
    const std::vector<SharedSubprocessor> &rows() const { return m_rows; }
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<SharedSubprocessor> m_rows;
};

} // namespace vg
