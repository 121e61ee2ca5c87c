// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/fuzz/fuzztargets.h"

#include "model/commands/changecommand.h"
#include "model/commands/edits.h"
#include "model/document/document.h"
#include "model/domain/validate.h"
#include "model/engine/blastradius.h"
#include "model/io/importer.h"
#include "model/io/jsonreader.h"
#include "model/io/jsonwriter.h"
#include "model/io/sample.h"
#include "model/reports/jsonreport.h"
#include "model/reports/textreport.h"
#include "model/storage/documentreader.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>

#include <QHash>

#include <algorithm>
#include <cmath>
#include <memory>

namespace vg::fuzz {

namespace {

const char *const kNames[] = {"json_reader", "vgdb_open",       "csv_import", "graphml_import",
                              "gexf_import", "clipboard_paste", "engine"};

// Deterministic choices for a target that must keep its input intact (the XML and CSV
// readers see the bytes as a file would hold them): bits of a hash of the input.
quint32 choiceBits(QByteArrayView data)
{
    const QByteArray h = QCryptographicHash::hash(data, QCryptographicHash::Md5);
    return quint32(quint8(h[0])) | quint32(quint8(h[1])) << 8 | quint32(quint8(h[2])) << 16;
}

[[noreturn]] void broken(const char *what, const QString &detail = {})
{
    qFatal("fuzz invariant broken: %s %s", what, qPrintable(detail.left(2000)));
}

void expectValid(const Model &m, const char *where)
{
    const std::vector<Problem> problems = validateModel(m);
    if (!problems.empty())
        broken(where, Error(QString(), problems).message());
}

void expectMessage(const Error &e, const char *where)
{
    if (e.message().trimmed().isEmpty())
        broken(where, QStringLiteral("an error without a message"));
}

const Model &sample()
{
    static const Model m = bundledSample();
    return m;
}

void jsonReader(QByteArrayView data)
{
    const QByteArray json = data.toByteArray();
    std::vector<Problem> problems;
    const Model lenient = parseModelJsonLenient(json, &problems);
    for (const Problem &p : problems)
        if (p.what.trimmed().isEmpty())
            broken("json_reader: a problem without a message");
    const Expected<Model> m = parseModelJson(json, QStringLiteral("fuzz.json"));
    if (m.ok() != problems.empty())
        broken("json_reader: the strict and the lenient reader disagree");
    if (!m) {
        expectMessage(m.error(), "json_reader");
        return;
    }
    if (!(lenient == *m))
        broken("json_reader: the lenient reader returned another model");
    expectValid(*m, "json_reader: an accepted model does not validate");
    // What the writer makes of it reads back to the same bytes.
    const QByteArray once = serializeModelJson(*m);
    const Expected<Model> again = parseModelJson(once, QStringLiteral("rewritten.json"));
    if (!again)
        broken("json_reader: the writer's output is refused:", again.error().message());
    if (serializeModelJson(*again) != once)
        broken("json_reader: a write-read-write round trip changes the text");
}

void documentOpen(QByteArrayView data)
{
    const Expected<Model> m = readDocumentImage(data.toByteArray(), QStringLiteral("fuzz.vgdb"));
    if (!m) {
        expectMessage(m.error(), "vgdb_open");
        if (!m.error().message().startsWith(QStringLiteral("fuzz.vgdb")))
            broken("vgdb_open: an error that does not name the file:", m.error().message());
        return;
    }
    expectValid(*m, "vgdb_open: an opened document does not validate");
    const QByteArray json = serializeModelJson(*m);
    if (!parseModelJson(json).ok())
        broken("vgdb_open: an opened document does not convert to valid JSON");
}

void importBytes(ImportFormat format, const QString &name, QByteArrayView data)
{
    if (data.isEmpty())
        return; // empty bytes mean "read the file at path"
    const quint32 bits = choiceBits(data);
    const Model existing = bits & 1 ? sample() : Model();
    ImportOptions options;
    options.uncertain = bits & 2 ? UncertainPolicy::Merge : UncertainPolicy::Separate;
    if (bits & 4)
        options.defaultEdgeKind = EdgeKind::Data;
    if (bits & 8)
        options.defaultNodeKind = NodeKind::Service;
    const Expected<ImportPlan> plan = planImport({ImportSource{name, format, data.toByteArray()}}, existing, options);
    if (!plan) {
        expectMessage(plan.error(), "import");
        return;
    }
    // planImport promises a plan that applies to the model it was made for.
    const Expected<Model> result = applyImport(existing, *plan);
    if (!result)
        broken("import: a plan does not apply to its own model:", result.error().message());
    expectValid(*result, "import: the imported model does not validate");
}

void csvImport(QByteArrayView data)
{
    static const std::pair<ImportFormat, const char *> kinds[] = {
        {ImportFormat::Auto, "fuzz.csv"},
        {ImportFormat::CsvNodes, "nodes.csv"},
        {ImportFormat::CsvEdges, "edges.csv"},
        {ImportFormat::CsvCategories, "categories.csv"},
        {ImportFormat::SubprocessorSheet, "subprocessors.csv"},
    };
    const auto &[format, name] = kinds[(choiceBits(data) >> 4) % std::size(kinds)];
    importBytes(format, QString::fromLatin1(name), data);
}

// As EditController::paste() does it: parse, offset, paste; then undo and redo.
void clipboardPaste(QByteArrayView data)
{
    const Expected<Model> fragment = parseModelJson(data.toByteArray(), QStringLiteral("the clipboard"));
    if (!fragment || fragment->nodes.empty())
        return;
    Document doc;
    doc.reset(sample(), QString());
    const std::shared_ptr<const Model> before = doc.snapshot();
    const quint32 bits = choiceBits(data);
    QPointF offset(40.0 * (1 + bits % 3), 40.0 * (1 + bits % 3));
    if (bits & 4) { // pasted at the mouse: the fragment's top left moves there
        const QPointF scenePos(double(qint16(bits >> 8)), double(qint16(bits >> 16)) * 10);
        QPointF minPos(1e300, 1e300);
        for (const QPointF &p : std::as_const(fragment->layout))
            minPos = QPointF(std::min(minPos.x(), p.x()), std::min(minPos.y(), p.y()));
        offset = minPos.x() < 1e299 ? scenePos - minPos : scenePos;
    }
    QStringList ids;
    const ChangeSet c = pasteFragment(doc, *fragment, offset, &ids);
    if (ids.size() != qsizetype(fragment->nodes.size()))
        broken("clipboard_paste: not every node was pasted");
    doc.undoStack()->push(new ChangeCommand(&doc, c, QStringLiteral("Paste")));
    const std::shared_ptr<const Model> after = doc.snapshot();
    expectValid(*after, "clipboard_paste: the pasted model does not validate");
    if (after->nodes.size() != before->nodes.size() + fragment->nodes.size())
        broken("clipboard_paste: the node count is wrong after the paste");
    doc.undoStack()->undo();
    Model a = *doc.snapshot(), b = *before;
    a.sortById();
    b.sortById();
    if (!(a == b))
        broken("clipboard_paste: undo does not restore the model");
    doc.undoStack()->redo();
    Model r = *doc.snapshot(), p = *after;
    r.sortById();
    p.sortById();
    if (!(r == p))
        broken("clipboard_paste: redo does not repeat the paste");
}

bool sameSummary(const ScenarioSummary &a, const ScenarioSummary &b)
{
    return a.reached == b.reached && a.reachedDirect == b.reachedDirect && a.controlled == b.controlled
        && std::equal(std::begin(a.categoriesByTier), std::end(a.categoriesByTier), std::begin(b.categoriesByTier))
        && a.people == b.people && std::abs(a.score - b.score) <= 1e-9 * std::max(1.0, std::abs(a.score));
}

void engine(QByteArrayView data)
{
    const Expected<Model> m = parseModelJson(data.toByteArray(), QStringLiteral("fuzz.json"));
    if (!m || m->nodes.empty())
        return;
    const quint32 bits = choiceBits(data);
    const BlastRadiusEngine engine(*m);
    const std::size_t n = m->nodes.size();
    Scenario s;
    for (std::size_t k = 0; k < 1 + bits % 3; ++k)
        s.seeds.push_back(Seed{m->nodes[(bits >> (4 * k)) % n].id,
                               (bits >> (12 + k)) & 1 ? Compromise::Controlled : Compromise::Breached});
    s.potential = !(bits & (1 << 20));
    const Expected<BlastRadius> unbounded = engine.run(s);
    if (!unbounded)
        broken("engine: a scenario of existing nodes fails:", unbounded.error().message());
    int reached = 0;
    for (const ReachedNode &r : unbounded->nodes()) {
        if (++reached > 200)
            break;
        if (unbounded->path(r.id).size() != r.hops)
            broken("engine: a path's length differs from the node's hops:", r.id);
        if (r.hops == 0 && !r.predecessor.isEmpty())
            broken("engine: a seed has a predecessor:", r.id);
    }
    if (qsizetype(unbounded->nodes().size()) != unbounded->summary().reached)
        broken("engine: the summary counts other nodes than the list");
    (void)unbounded->exposed();
    (void)unbounded->services();
    (void)QJsonDocument(toJson(*unbounded, bits & 2)).toJson();
    (void)toText(*unbounded, *m, bits & 2);
    // A hop limit only ever shrinks the result.
    s.maxHops = int(bits >> 21) % 4;
    const Expected<BlastRadius> bounded = engine.run(s);
    if (!bounded)
        broken("engine: a bounded scenario fails:", bounded.error().message());
    if (bounded->summary().reached > unbounded->summary().reached)
        broken("engine: a hop limit reaches more nodes");
    for (const ReachedNode &r : bounded->nodes())
        if (r.hops > *s.maxHops)
            broken("engine: a node beyond the hop limit:", r.id);
    // rank() and run() agree on every vendor's figures.
    const std::vector<VendorRank> ranks = engine.rank(true, true);
    (void)QJsonDocument(toJson(ranks)).toJson();
    (void)toText(ranks);
    for (std::size_t i = 0; i < ranks.size() && i < 6; ++i) {
        const Expected<BlastRadius> one = engine.run(Scenario{{Seed{ranks[i].vendorId, ranks[i].mode}}, {}, true});
        if (!one)
            broken("engine: a ranked vendor's scenario fails:", one.error().message());
        if (!sameSummary(one->summary(), ranks[i].summary))
            broken("engine: rank() and run() disagree on", ranks[i].vendorId);
    }
    const std::vector<SharedSubprocessor> shared = engine.concentration();
    (void)toText(shared);
    // What-if on one vendor: the masked ranking equals the ranking of a model built without it.
    std::vector<const Node *> vendors;
    for (const Node &node : m->nodes)
        if (node.kind == NodeKind::Vendor)
            vendors.push_back(&node);
    if (vendors.empty())
        return;
    const QString removed = vendors[(bits >> 8) % vendors.size()]->id;
    const Expected<WhatIf> w = engine.whatIfRemove(removed);
    if (!w)
        broken("engine: what-if fails for a vendor:", w.error().message());
    (void)toText(*w);
    (void)QJsonDocument(toJson(*w)).toJson();
    // (A model whose keys the vendor holds has no fair equivalent without it.)
    for (const Edge &e : m->edges)
        if (e.keyHolder == removed)
            return;
    Model without = *m;
    without.scenarios.clear();
    without.activeScenario.clear();
    without.nodes.erase(std::remove_if(without.nodes.begin(), without.nodes.end(),
                                       [&](const Node &node) { return node.id == removed; }),
                        without.nodes.end());
    without.edges.erase(std::remove_if(without.edges.begin(), without.edges.end(),
                                       [&](const Edge &e) { return e.from == removed || e.to == removed; }),
                        without.edges.end());
    without.layout.remove(removed);
    const std::vector<VendorRank> fresh = BlastRadiusEngine(std::move(without)).rank(true, true);
    if (fresh.size() != w->rankAfter.size())
        broken("engine: what-if ranks another number of rows than a model without the vendor:", removed);
    QHash<QString, const VendorRank *> byKey;
    for (const VendorRank &r : fresh)
        byKey.insert(r.vendorId + QLatin1Char(r.mode == Compromise::Controlled ? 'c' : 'b'), &r);
    for (const VendorRank &r : w->rankAfter) {
        const VendorRank *f = byKey.value(r.vendorId + QLatin1Char(r.mode == Compromise::Controlled ? 'c' : 'b'));
        if (!f || !sameSummary(f->summary, r.summary))
            broken("engine: what-if and a model without the vendor disagree on", r.vendorId);
    }
}

} // namespace

const std::vector<Target> &allTargets()
{
    static const std::vector<Target> all{Target::JsonReader,    Target::DocumentOpen, Target::CsvImport,
                                         Target::GraphmlImport, Target::GexfImport,   Target::ClipboardPaste,
                                         Target::Engine};
    return all;
}

QString targetName(Target t) { return QString::fromLatin1(kNames[int(t)]); }

std::optional<Target> targetFromName(const QString &name)
{
    for (Target t : allTargets())
        if (targetName(t) == name)
            return t;
    return std::nullopt;
}

void runOne(Target t, QByteArrayView data)
{
    switch (t) {
    case Target::JsonReader: jsonReader(data); break;
    case Target::DocumentOpen: documentOpen(data); break;
    case Target::CsvImport: csvImport(data); break;
    case Target::GraphmlImport: importBytes(ImportFormat::Graphml, QStringLiteral("fuzz.graphml"), data); break;
    case Target::GexfImport: importBytes(ImportFormat::Gexf, QStringLiteral("fuzz.gexf"), data); break;
    case Target::ClipboardPaste: clipboardPaste(data); break;
    case Target::Engine: engine(data); break;
    }
}

void initialize(int *argc, char ***argv)
{
    // Never destroyed: libFuzzer leaves through exit(), and a QCoreApplication destroyed among
    // the other static destructors crashes there.
    if (!QCoreApplication::instance())
        new QCoreApplication(*argc, *argv);
    // Qt's own warnings (e.g. from QXmlStreamReader) would flood the fuzzer's output.
    qSetMessagePattern(QStringLiteral("%{if-fatal}%{message}%{endif}"));
}

} // namespace vg::fuzz
