// The same log replayed by the WebAssembly build (in node) gives byte-identical canonical JSON.
// Needs the wasm build at PALABRE_WASM_BUILD_DIR (scripts/test.sh builds it before ctest).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/log.hpp"

using namespace palabre::core;

namespace {
std::string native_replay(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return canonical_json(replay(read_log(text).envelopes).session) + "\n";
}

std::string run(const std::string& command, int& status) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) { status = -1; return out; }
  char buf[65536];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  status = pclose(pipe);
  return out;
}
}  // namespace

TEST(WasmParity, GivenWorkshopLog_WhenReplayedInNodeAndNatively_ThenByteIdenticalJson) {
  const std::string js = std::string(PALABRE_WASM_BUILD_DIR) + "/tests/wasm/palabre_replay_wasm.js";
  // A missing build fails: a skip would let CI pass without the parity it promises.
  if (!std::filesystem::exists(js))
    FAIL() << "no WebAssembly build at " << js << " (build the wasm preset first; scripts/test.sh does)";
  const std::string log = std::string(PALABRE_SOURCE_DIR) + "/tests/data/workshop_fr.palabre.jsonl";
  int status = 0;
  const std::string wasm = run("NODE_PATH=/usr/share/nodejs \"" PALABRE_NODE "\" --no-experimental-fetch \"" + js + "\" \"" + log + "\"", status);
  ASSERT_EQ(status, 0) << "node failed";
  const std::string native = native_replay(log);
  ASSERT_GT(native.size(), 1000u);
  EXPECT_EQ(wasm.size(), native.size());
  EXPECT_TRUE(wasm == native) << "first difference at byte "
                              << std::distance(native.begin(), std::mismatch(native.begin(), native.end(), wasm.begin(), wasm.end()).first);
}
