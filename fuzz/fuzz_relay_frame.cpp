// Fuzz target: the relay's handling of one client frame, without sockets. State::handle parses the
// frame with nlohmann/json, then re-emits the client's exact bytes of `ev` (raw_member_text) inside
// the envelope it logs and broadcasts. Must hold for any bytes: no crash; whenever the relay would
// accept the frame's `ev` (a JSON object) and raw_member_text returns text, that text is exactly
// one JSON value equal to the parsed `ev`, so the stamped envelope line stays one valid JSON object
// whose fields the client cannot forge (no injected "from"/"role"/"seq").
#include "relay/json_text.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using nlohmann::json;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // raw_member_text is only called on valid JSON, but must not read out of bounds on anything.
  (void)palabre::relay::raw_member_text(text, "ev");
  const json msg = json::parse(text, nullptr, false);
  if (msg.is_discarded() || !msg.is_object()) return 0;
  const auto ev = msg.find("ev");
  if (ev == msg.end() || !ev->is_object()) return 0;
  const auto raw = palabre::relay::raw_member_text(text, "ev");
  if (!raw || raw->find_first_of("\r\n") != std::string_view::npos) return 0;  // the relay re-serializes
  const json reparsed = json::parse(*raw, nullptr, false);
  if (reparsed.is_discarded() || reparsed != *ev) std::abort();
  // The envelope line as State::stamp builds it must parse back with the relay's own fields.
  const std::string line = std::string(R"({"seq":7,"at":1,"from":"p3","role":"participant","vis":"public","ev":)") +
                           std::string(*raw) + "}";
  const json envelope = json::parse(line, nullptr, false);
  if (envelope.is_discarded() || envelope.size() != 6 || envelope["from"] != "p3" || envelope["seq"] != 7 ||
      envelope["ev"] != *ev)
    std::abort();
  return 0;
}
