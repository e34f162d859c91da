// `palabre decrypt --key KEY LOG [-o OUT]`: the log of an end-to-end encrypted session with every
// event in clear, for `palabre report` and `palabre replay` (docs/security.md "End-to-end encryption").
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "commands.hpp"
#include "crypto/e2e.hpp"

namespace palabre::cli {

int run_decrypt(int argc, char** argv) {
  CLI::App app{"Writes the log with every event decrypted and authenticated (AES-256-GCM) to OUT or\n"
               "stdout. An event that does not authenticate (tampered, wrong key, injected in clear) is\n"
               "left out with a warning, as every client rejected it live; if none authenticates, exit 1\n"
               "(most likely the wrong key). Then: palabre report OUT / palabre replay OUT.",
               "palabre decrypt"};
  std::string key_text, path, output;
  app.add_option("--key", key_text, "the key= part of the session's newest link (base64url: 43 characters per key epoch)")->required();
  app.add_option("LOG", path, "the encrypted session log (*.palabre.jsonl)")->required();
  app.add_option("-o,--output", output, "where to write the decrypted log (default: stdout)");
  if (const auto exit = parse_options(app, argc, argv)) return *exit;
  const auto keys = palabre::crypto::parse_key_chain(key_text);
  if (!keys) { std::fprintf(stderr, "palabre decrypt: the key is not 32 bytes of base64url (or several, end to end)\n"); return 2; }
  std::ifstream in(path, std::ios::binary);
  if (!in) { std::fprintf(stderr, "palabre decrypt: cannot open '%s'\n", path.c_str()); return 1; }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto plain = palabre::crypto::decrypt_log(text, *keys);
  if (!plain.text) {
    std::fprintf(stderr, "palabre decrypt: %s:%zu: %s\n", path.c_str(), plain.line, plain.error.c_str());
    return 1;
  }
  for (const auto& bad : plain.rejected)
    std::fprintf(stderr, "palabre decrypt: warning: %s:%zu: left out: %s\n", path.c_str(), bad.line, bad.reason.c_str());
  const bool none_opened = !plain.rejected.empty() &&
                           plain.text->find("\"role\":\"host\"") == std::string::npos &&
                           plain.text->find("\"role\":\"participant\"") == std::string::npos;
  if (none_opened) {
    std::fprintf(stderr, "palabre decrypt: no event authenticates with this key\n");
    return 1;
  }
  if (output.empty()) {
    std::fwrite(plain.text->data(), 1, plain.text->size(), stdout);
    return 0;
  }
  std::ofstream out(output, std::ios::binary);
  if (!out || !out.write(plain.text->data(), std::streamsize(plain.text->size()))) {
    std::fprintf(stderr, "palabre decrypt: cannot write '%s'\n", output.c_str());
    return 1;
  }
  return 0;
}

}  // namespace palabre::cli
