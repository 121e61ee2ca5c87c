// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace vg {

struct DiagramRequest;

// What a diagram shows (whole map, current view, selection, blast subgraph), its title, and
// its scale (PNG) or page (PDF).
class DiagramOptionsDialog final : public QDialog {
    Q_OBJECT
public:
    DiagramOptionsDialog(const DiagramRequest &start, bool png, bool pdf, bool blastAvailable, QWidget *parent = nullptr);
    void apply(DiagramRequest *request) const;

private:
    QComboBox *m_scope, *m_scale, *m_page;
    QLineEdit *m_title;
};

} // namespace vg
