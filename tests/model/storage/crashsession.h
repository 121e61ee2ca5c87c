// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/model.h"
#include "model/io/generator.h"
#include "model/io/jsonwriter.h"

#include <QCryptographicHash>

namespace vg::test {

// What tst_crashconsistency and its helper (crashsession.cpp) call the same model: a hash of
// its canonical JSON, whichever format or order it was written in.
inline QByteArray crashModelHash(const Model &m)
{
    Model sorted = m;
    sorted.sortById();
    return QCryptographicHash::hash(serializeModelJson(sorted), QCryptographicHash::Sha256).toHex().left(16);
}

// The session's first model: large enough that a save takes a while (about 0.6 MB as .vgdb).
inline Model crashStartModel()
{
    GeneratorParams g;
    g.people = 4;
    g.services = 300;
    g.vendors = 500;
    g.edges = 5000;
    g.seed = 11;
    return generateModel(g);
}

} // namespace vg::test
