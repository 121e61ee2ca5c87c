// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/document/analysisservice.h"
#include "model/document/document.h"

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace vg {

// The engine a risk view queries: the analysis service's, when it was built on the document
// as it is now (so a ranking it computed is reused), or else a snapshot to build one from
// on a worker thread. Taken on the GUI thread; get() may run on any thread.
struct EngineSource {
    std::shared_ptr<const BlastRadiusEngine> engine;
    std::shared_ptr<const Model> model;
    quint64 revision = 0; // the document's content revision it stands for

    static EngineSource of(Document *doc, AnalysisService *analysis)
    {
        EngineSource s;
        s.revision = doc->contentRevision();
        const auto r = analysis ? analysis->result() : nullptr;
        if (r && r->engine && r->revision == s.revision)
            s.engine = r->engine;
        else
            s.model = doc->snapshot();
        return s;
    }
    std::shared_ptr<const BlastRadiusEngine> get() const
    {
        return engine ? engine : std::make_shared<const BlastRadiusEngine>(model);
    }
};

// Runs work on the global thread pool and returns its future: watch it with a
// QFutureWatcher (progress, result), cancel it with QFuture::cancel() (work polls
// promise.isCanceled()). The work owns everything it touches, so a view may go away while
// it runs; its result is then dropped.
template <typename T>
QFuture<T> startRiskJob(std::function<void(QPromise<T> &)> work)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, work = std::move(work)] {
        try {
            work(*promise);
        } catch (...) {
            promise->setException(std::current_exception());
        }
        promise->finish();
    });
    return future;
}

} // namespace vg
