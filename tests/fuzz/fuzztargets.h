// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>
#include <vector>

namespace vg::fuzz {

// The readers and the engine as libFuzzer sees them. Each target takes any bytes and either
// refuses them with a message or accepts them; it aborts (qFatal) only when an invariant
// breaks: an accepted model that does not validate, a round trip that changes it, an undo
// that does not restore, an engine result that contradicts itself. Sanitizers catch the
// rest. The same functions replay the corpora in the ordinary test suite (tst_fuzzreplay).
enum class Target {
    JsonReader, // the JSON model reader (parseModelJsonLenient, parseModelJson)
    DocumentOpen, // .vgdb open (readDocumentImage)
    CsvImport, // CSV inventories, categories and sub-processor sheets (planImport, applyImport)
    GraphmlImport,
    GexfImport,
    ClipboardPaste, // interchange JSON from the clipboard, pasted into the sample (pasteFragment)
    Engine, // the blast-radius engine and its reports on any model that validates
};

const std::vector<Target> &allTargets();
// "json_reader", "vgdb_open", ...: the harness's and its corpus folder's name.
QString targetName(Target t);
std::optional<Target> targetFromName(const QString &name);

// Runs one input. Needs a QCoreApplication (initialize() makes one for libFuzzer).
void runOne(Target t, QByteArrayView data);

// For LLVMFuzzerInitialize: a QCoreApplication and quiet Qt messages.
void initialize(int *argc, char ***argv);

} // namespace vg::fuzz
