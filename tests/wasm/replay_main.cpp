// The WebAssembly twin of `palabre replay LOG`: same reading, same replay, same canonical JSON.
// Built with NODERAWFS so that node reads the host file system directly.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "core/log.hpp"

int main(int argc, char** argv) {
  using namespace palabre::core;
  if (argc != 2) {
    std::fprintf(stderr, "usage: node --no-experimental-fetch palabre_replay_wasm.js LOG.palabre.jsonl\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) { std::fprintf(stderr, "palabre_replay_wasm: cannot open '%s'\n", argv[1]); return 1; }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ReplayStream log = replay_log_text(text);
  if (!log.ok()) { std::fprintf(stderr, "palabre_replay_wasm: %s:%zu: %s\n", argv[1], log.fatal->line, log.fatal->reason.c_str()); return 1; }
  const std::string json = canonical_json(log.replay.session);
  std::fwrite(json.data(), 1, json.size(), stdout);
  std::fputc('\n', stdout);
  return 0;
}
