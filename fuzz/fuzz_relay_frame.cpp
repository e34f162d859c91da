// Fuzz target: how both relays read one client frame, without sockets (read_client_frame, shared by
// `palabre serve` and the no-relay keeper). Must hold for any bytes: no crash; an accepted event's
// `ev_text` (the client's exact bytes of `ev` when they fit one log line) is exactly one JSON object
// equal to the parsed `ev`, so the stamped envelope line stays one valid JSON object whose fields
// the client cannot forge (no injected "from"/"role"/"seq"); a refusal carries a known error code.
// One parse, one truth: on any object the strict parser accepts, the raw-text reader and the parser
// agree on every top-level member (issue 16: `"ev":5,"e\u0076":{}` made them disagree).
#include "protocol/client_frame.hpp"
#include "protocol/envelope.hpp"
#include "protocol/frames.hpp"
#include "protocol/json_text.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using nlohmann::json;
using namespace palabre::protocol;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // raw_member_text is only called on valid JSON, but must not read out of bounds on anything.
  (void)raw_member_text(text, "ev");
  const StrictParse strict = strict_parse(text);
  if (strict.error.empty() && strict.value.is_object())
    for (const auto& [key, value] : strict.value.items()) {
      const auto raw = raw_member_text(text, key);
      if (raw && json::parse(*raw, nullptr, false) != value) std::abort();
    }
  const auto read = read_client_frame(text);
  if (const auto* error = std::get_if<FrameError>(&read)) {
    if (error->code != "bad_json" && error->code != "too_deep" && error->code != "bad_message" &&
        error->code != "unknown_type")
      std::abort();
    if (json::parse(error_frame(error->code, error->message, error->cid), nullptr, false).is_discarded()) std::abort();
    return 0;
  }
  const auto& frame = std::get<ClientFrame>(read);
  if (frame.type != FrameType::event) return 0;
  if (frame.ev_text.find_first_of("\r\n") != std::string::npos) std::abort();
  const json ev = json::parse(text)["ev"];
  const json reparsed = json::parse(frame.ev_text, nullptr, false);
  if (reparsed.is_discarded() || reparsed != ev) std::abort();
  // The envelope line as the relays stamp it must parse back with the relay's own fields.
  const std::string line = envelope_text(7, 1, "p3", "participant", false, frame.ev_text);
  const json envelope = json::parse(line, nullptr, false);
  if (envelope.is_discarded() || envelope.size() != 6 || envelope["from"] != "p3" || envelope["seq"] != 7 ||
      envelope["ev"] != ev)
    std::abort();
  return 0;
}
