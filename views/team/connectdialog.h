// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;

namespace vg {

// Asks for a team model's URL: postgresql://host/dbname?model=NAME, with the URLs used before
// to choose from. Shows what is wrong with the URL as it is typed; OK is enabled only for a
// valid one. Passwords are not asked here (libpq reads ~/.pgpass; otherwise a prompt follows).
class ConnectDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ConnectDialog(const QStringList &recent, const QString &suggestedModel, QWidget *parent = nullptr);
    QString url() const;
    void setUrl(const QString &url);

private:
    void check();

    QComboBox *m_url;
    QLabel *m_problem;
    QPushButton *m_ok;
};

} // namespace vg
