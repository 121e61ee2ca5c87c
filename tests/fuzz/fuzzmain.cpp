// SPDX-License-Identifier: GPL-3.0-or-later
// The libFuzzer entry points of one harness; VG_FUZZ_TARGET names its target (fuzztargets.h).
// Built once per target by tests/fuzz/CMakeLists.txt when VENDORGRAPH_FUZZ is on.
#include "tests/fuzz/fuzztargets.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    vg::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    vg::fuzz::runOne(vg::fuzz::Target::VG_FUZZ_TARGET,
                     QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
