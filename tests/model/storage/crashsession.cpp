// SPDX-License-Identifier: GPL-3.0-or-later
// Test helper for tst_crashconsistency: a random edit-and-save session that runs until it is
// killed. vg_crashsession DIR SEED opens DIR/doc.vgdb (or makes a model) and then, forever,
// edits it and saves it the way the app's FileController does: Save (saveModel over the
// document's file), Save As (to DIR/saveas-K.vgdb or .json; the document then points there),
// and autosave (Autosave::write, beside the document, with its record in DIR/autosave);
// after a save the autosave is discarded. It prints, flushed, one line per step:
//   READY <model hash>
//   BEGIN save|saveas|autosave PATH <model hash>
//   ACK save|saveas|autosave PATH <model hash>
//   DISCARDED
// where a model hash is crashModelHash() of what is being written. ACK is printed only after
// the file (and, for an autosave, its record) is complete.
#include "tests/model/storage/crashsession.h"

#include "model/commands/changecommand.h"
#include "model/commands/edits.h"
#include "model/document/document.h"
#include "model/io/modelfile.h"
#include "model/storage/autosave.h"

#include <QCoreApplication>
#include <QDir>
#include <QRandomGenerator>

#include <cstdio>

int main(int argc, char *argv[])
{
    using namespace vg;
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3)
        return 2;
    const QDir dir(args.at(1));
    const QString docPath = dir.filePath(QStringLiteral("doc.vgdb"));
    QRandomGenerator rng(args.at(2).toUInt());
    auto say = [](const QByteArray &line) {
        std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout);
        std::fputc('\n', stdout);
        std::fflush(stdout);
    };

    Model start;
    if (QFileInfo::exists(docPath)) {
        Expected<Model> m = loadModel(docPath);
        if (!m) {
            say("ERROR " + m.error().message().toUtf8());
            return 3;
        }
        start = std::move(*m);
    } else {
        start = test::crashStartModel();
        const QByteArray hash = test::crashModelHash(start);
        say("BEGIN save " + docPath.toUtf8() + ' ' + hash);
        if (!saveModel(start, docPath).ok())
            return 4;
        say("ACK save " + docPath.toUtf8() + ' ' + hash);
    }
    Document doc;
    doc.reset(start, docPath);
    Autosave autosave(dir.filePath(QStringLiteral("autosave")));
    if (!autosave.begin())
        return 5;
    say("READY " + test::crashModelHash(*doc.snapshot()));

    auto push = [&](ChangeSet c) {
        if (!c.isEmpty())
            doc.undoStack()->push(new ChangeCommand(&doc, std::move(c), QStringLiteral("edit")));
    };
    for (quint64 step = 0;; ++step) {
        const std::shared_ptr<const Model> now = doc.snapshot();
        const quint32 action = rng.bounded(100);
        if (action < 70) { // an edit
            const Node &n = now->nodes[rng.bounded(quint32(now->nodes.size()))];
            switch (rng.bounded(4)) {
            case 0: {
                Node renamed = n;
                renamed.name = QStringLiteral("renamed %1").arg(step);
                push(replaceNode(doc, n.id, renamed));
                break;
            }
            case 1: {
                Node added;
                added.kind = NodeKind::Vendor;
                added.name = QStringLiteral("vendor %1").arg(step);
                push(addNode(doc, added, QPointF(double(step % 1000), 5.0)));
                break;
            }
            case 2: {
                const Node &other = now->nodes[rng.bounded(quint32(now->nodes.size()))];
                if (other.id != n.id) {
                    Edge e;
                    e.from = n.id;
                    e.to = other.id;
                    e.kind = EdgeKind::Code;
                    push(addEdge(doc, e));
                }
                break;
            }
            default:
                if (!now->edges.empty())
                    push(removeItems(doc, {}, {now->edges[rng.bounded(quint32(now->edges.size()))].id}));
                break;
            }
            continue;
        }
        const QByteArray hash = test::crashModelHash(*now);
        if (action < 80 || action >= 90) {
            const bool saveAs = action >= 95;
            const QString target = saveAs
                ? dir.filePath(QStringLiteral("saveas-%1.%2")
                                   .arg(rng.bounded(3))
                                   .arg(rng.bounded(2) ? QStringLiteral("vgdb") : QStringLiteral("json")))
                : doc.filePath();
            const QByteArray kind = saveAs ? "saveas" : "save";
            say("BEGIN " + kind + ' ' + target.toUtf8() + ' ' + hash);
            if (Status s = saveModel(*now, target); !s) {
                say("ERROR " + s.error().message().toUtf8());
                return 6;
            }
            say("ACK " + kind + ' ' + target.toUtf8() + ' ' + hash);
            doc.markSaved(target);
            autosave.discard();
            say("DISCARDED");
        } else {
            const QString target = autosave.pathFor(doc.filePath());
            say("BEGIN autosave " + target.toUtf8() + ' ' + hash);
            if (Status s = autosave.write(*now, doc.filePath(), doc.displayName()); !s) {
                say("ERROR " + s.error().message().toUtf8());
                return 7;
            }
            say("ACK autosave " + target.toUtf8() + ' ' + hash);
        }
    }
}
