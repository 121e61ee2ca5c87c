// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/layout/layoutgraph.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QProgressDialog>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

namespace vg {

// Runs work on a worker thread while the window stays responsive: a window-modal progress
// dialog appears after a short delay, with Cancel. Cancel sets the control's flag (work that
// polls it stops early) and returns at once; a worker that does not poll finishes on its
// own and its result is dropped. Returns nothing when cancelled.
template <typename T>
std::optional<T> runInBackground(QWidget *parent, const QString &label, std::function<T(const LayoutControl &)> work)
{
    struct State {
        std::atomic<bool> cancel{false}, done{false};
        std::atomic<int> permille{-1};
        std::optional<T> result;
    };
    auto state = std::make_shared<State>();
    std::thread worker([state, work = std::move(work)] {
        LayoutControl control;
        control.cancel = &state->cancel;
        control.progress = [state](double f) { state->permille = int(f * 1000); };
        std::optional<T> r = work(control);
        state->result = std::move(r);
        state->done = true;
    });
    QProgressDialog dialog(label, QCoreApplication::translate("vg::BackgroundTask", "Cancel"), 0, 0, parent);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(300);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(25);
    bool cancelled = false;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (state->done) {
            loop.quit();
            return;
        }
        if (dialog.wasCanceled()) {
            state->cancel = true;
            cancelled = true;
            loop.quit();
            return;
        }
        const int p = state->permille;
        if (p >= 0) {
            if (dialog.maximum() != 1000)
                dialog.setRange(0, 1000);
            dialog.setValue(std::min(p, 999));
        }
    });
    poll.start();
    loop.exec();
    dialog.reset();
    if (cancelled) {
        worker.detach(); // it owns its state; its result is dropped
        return std::nullopt;
    }
    worker.join();
    return std::move(state->result);
}

} // namespace vg
