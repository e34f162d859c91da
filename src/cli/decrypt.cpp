// `palabre decrypt --key KEY LOG [-o OUT]`: the log of an end-to-end encrypted session with every
// event in clear, for `palabre report` and `palabre replay` (docs/security.md "End-to-end encryption").
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "commands.hpp"
#include "crypto/e2e.hpp"

namespace {

constexpr const char* kUsage = "usage: palabre decrypt --key ROOM_KEY LOG.palabre.jsonl [-o OUT.palabre.jsonl]\n";

int run_decrypt(std::span<const std::string_view> args) {
  if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
    std::printf("%s\nWrites the log with every event decrypted and authenticated (AES-256-GCM) to OUT or\n"
                "stdout. ROOM_KEY is the key= part of the session's link (base64url). An event that does not\n"
                "authenticate (tampered, wrong key, injected in clear) is left out with a warning, as every\n"
                "client rejected it live; if none authenticates, exit 1 (most likely the wrong key).\n"
                "Then: palabre report OUT / palabre replay OUT.\n",
                kUsage);
    return 0;
  }
  std::string key_text, path, output;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--key" && i + 1 < args.size()) key_text = std::string(args[++i]);
    else if (args[i] == "-o" && i + 1 < args.size()) output = std::string(args[++i]);
    else if (path.empty() && !args[i].starts_with("-")) path = std::string(args[i]);
    else { std::fprintf(stderr, "palabre decrypt: unexpected argument '%.*s'\n%s", int(args[i].size()), args[i].data(), kUsage); return 2; }
  }
  if (key_text.empty() || path.empty()) { std::fputs(kUsage, stderr); return 2; }
  const auto key = palabre::crypto::parse_room_key(key_text);
  if (!key) { std::fprintf(stderr, "palabre decrypt: the key is not 32 bytes of base64url\n"); return 2; }
  std::ifstream in(path, std::ios::binary);
  if (!in) { std::fprintf(stderr, "palabre decrypt: cannot open '%s'\n", path.c_str()); return 1; }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto plain = palabre::crypto::decrypt_log(text, *key);
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

}  // namespace

PALABRE_COMMAND("decrypt", "decrypt the log of an end-to-end encrypted session (--key from its link)", run_decrypt);
