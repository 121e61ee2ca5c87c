// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/canvas/viewfilter.h"

#include <QWidget>

#include <array>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace vg {

class Document;
class Selection;

// Filters (edge kinds, categories, vendor tiers) and focus (the neighbourhood of the
// selection, to a depth, in a direction) for the canvas. Both are views, never edits.
class FilterPanel final : public QWidget {
    Q_OBJECT
public:
    FilterPanel(Document *doc, Selection *selection, QWidget *parent = nullptr);
    const ViewFilter &filter() const { return m_filter; }
    void setFilter(const ViewFilter &filter);
    // Focus on the current selection with the panel's depth and direction.
    void focusOnSelection();
    void showAll();

Q_SIGNALS:
    void filterChanged(const vg::ViewFilter &filter);

private:
    void fromWidgets();
    void toWidgets();

    Document *m_doc;
    Selection *m_selection;
    ViewFilter m_filter;
    std::array<QCheckBox *, 4> m_kinds;
    std::array<QCheckBox *, 5> m_tiers;
    QLabel *m_categories;
    QSpinBox *m_depth;
    QComboBox *m_direction;
    QLabel *m_focusLabel;
    bool m_updating = false;
};

} // namespace vg
