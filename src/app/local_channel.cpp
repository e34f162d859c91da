// [SECTION] page bridge  [SECTION] channel  [SECTION] storage
#include "app/local_channel.hpp"

#include <emscripten.h>

#include <cstdlib>

#include "app/platform_web.hpp"
#include "protocol/tokens.hpp"

// [SECTION] page bridge
EM_JS(void, js_local_open, (const char* room), {
  if (Module.palabreChannel) Module.palabreChannel.close();
  const channel = new BroadcastChannel('palabre:' + UTF8ToString(room));
  channel.onmessage = (e) => {
    const t = typeof e.data === 'string' ? e.data : "";
    const p = stringToNewUTF8(t);
    Module._palabre_local_message(p); _free(p);
  };
  Module.palabreChannel = channel;
  if (!Module.palabreByeListening) {
    Module.palabreByeListening = true;
    window.addEventListener('pagehide', () => { if (Module.palabreBye && Module.palabreChannel) Module.palabreChannel.postMessage(Module.palabreBye); });
  }
});
EM_JS(void, js_local_set_bye, (const char* message), { Module.palabreBye = UTF8ToString(message); });
EM_JS(void, js_local_close, (), { if (Module.palabreChannel) Module.palabreChannel.close(); Module.palabreChannel = null; });
EM_JS(void, js_local_post, (const char* message), { if (Module.palabreChannel) Module.palabreChannel.postMessage(UTF8ToString(message)); });
EM_JS(void, js_local_claim, (const char* room), {
  const name = 'palabre-local:' + UTF8ToString(room);
  if (!navigator.locks) { setTimeout(() => Module._palabre_local_claimed(1), 0); return; }
  navigator.locks.request(name, {ifAvailable: true}, (lock) => {
    Module._palabre_local_claimed(lock ? 1 : 0);
    if (!lock) return null;
    return new Promise((resolve) => { Module.palabreReleaseLock = resolve; });  // held until released or the page goes
  });
});
EM_JS(void, js_local_release, (), { if (Module.palabreReleaseLock) Module.palabreReleaseLock(); Module.palabreReleaseLock = null; });
EM_JS(void, js_random_bytes, (unsigned char* out, int n), { crypto.getRandomValues(HEAPU8.subarray(out, out + n)); });
namespace palabre::app::local_channel {
namespace {

std::string prefix(const std::string& room) { return "palabre.local." + room + "."; }

// Lines per stored chunk: a new envelope rewrites at most one chunk, not the whole log.
constexpr std::size_t kLinesPerChunk = 200;

struct Saved {
  std::string room;
  std::size_t lines = 0;  // log lines already stored
  std::string members;
};
Saved saved;

}  // namespace

// [SECTION] channel
const std::string& connection_id() {
  static const std::string id = "t" + random_hex(8);
  return id;
}

void open(const std::string& room) {
  js_local_open(room.c_str());
  js_local_set_bye((std::string(R"({"c":")") + connection_id() + R"(","bye":1})").c_str());
}
void close() { js_local_close(); }
void post(const std::string& message) { js_local_post(message.c_str()); }
void claim(const std::string& room) { js_local_claim(room.c_str()); }
void release() { js_local_release(); }

void random_bytes(void* out, std::size_t size) { js_random_bytes(static_cast<unsigned char*>(out), int(size)); }

std::string random_hex(int bytes) {
  unsigned char buffer[64];
  if (bytes > 64) bytes = 64;
  js_random_bytes(buffer, bytes);
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < bytes; ++i) {
    out.push_back(digits[buffer[i] >> 4]);
    out.push_back(digits[buffer[i] & 15]);
  }
  return out;
}

std::string new_room_code() {
  // The relay's generator (protocol/tokens.hpp) on the browser's randomness.
  for (;;) {
    std::string code = protocol::new_room_code(random_bytes);
    if (!platform::storage_get(platform::Storage::local, prefix(code) + "members")) return code;
  }
}

// [SECTION] storage
bool save(const LocalRelay& relay) {
  const std::string p = prefix(relay.room());
  if (saved.room != relay.room()) saved = {relay.room(), 0, {}};
  bool ok = true;
  std::string members = relay.members_text();
  if (members != saved.members) {
    ok &= platform::storage_set(platform::Storage::local, p + "members", members);
    if (ok) saved.members = std::move(members);
  }
  const std::size_t lines = relay.log_lines();
  if (lines == saved.lines) return ok;
  // Rewrite from the chunk holding the first unsaved line to the end.
  for (std::size_t chunk = saved.lines / kLinesPerChunk; chunk * kLinesPerChunk < lines; ++chunk) {
    std::string text;
    for (std::size_t i = chunk * kLinesPerChunk; i < std::min(lines, (chunk + 1) * kLinesPerChunk); ++i)
      text.append(relay.log_line(i)).push_back('\n');
    ok &= platform::storage_set(platform::Storage::local, p + "log." + std::to_string(chunk), text);
  }
  if (ok) saved.lines = lines;
  return ok;
}

std::optional<LocalRelay> load(const std::string& room) {
  const auto members = platform::storage_get(platform::Storage::local, prefix(room) + "members");
  if (!members) return std::nullopt;
  std::string log;
  for (std::size_t chunk = 0;; ++chunk) {
    const auto text = platform::storage_get(platform::Storage::local, prefix(room) + "log." + std::to_string(chunk));
    if (!text) break;
    log += *text;
  }
  auto relay = LocalRelay::restore(*members, log);
  if (relay) saved = {room, relay->log_lines(), *members};
  return relay;
}

void forget(const std::string& room) {
  platform::storage_remove_prefix(platform::Storage::local, prefix(room));
  if (saved.room == room) saved = {};
}

}  // namespace palabre::app::local_channel
