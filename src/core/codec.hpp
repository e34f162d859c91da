#pragma once
// JSON codec for envelopes and events, on nlohmann/json. Never throws on bad input (WebAssembly
// builds have no exceptions): every decode returns either a value or an error with a JSON path.
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/envelope.hpp"

namespace palabre::core {

// Where and why a document was refused: path like "$.ev.text", reason like "expected a string".
struct DecodeError {
  std::string path;
  std::string reason;
  std::string message() const { return path + ": " + reason; }
};

template <class T>
struct Decoded {
  std::optional<T> value;
  DecodeError error;  // meaningful only when !value
  explicit operator bool() const { return value.has_value(); }
};

// Objects and arrays an `ev` may nest, itself counted: the relay refuses deeper (docs/protocol.md),
// and an envelope whose `ev` is deeper (in an old log) is refused here, before anything recurses on it.
inline constexpr int max_event_depth = 32;

// Envelope from one line of JSON text / an already parsed value.
Decoded<Envelope> decode_envelope(std::string_view json_text);
Decoded<Envelope> decode_envelope(const nlohmann::json& value);
// The envelopes of an `events` frame ({"t":"events","envs":[…]}, docs/protocol.md), each as its
// exact text, found in place without building a tree (a big room's catch-up). Nullopt when `frame`
// is not such a frame; each envelope's own validity is decode_envelope's to tell.
std::optional<std::vector<std::string_view>> events_frame_envelopes(std::string_view frame);
// Event from the `ev` object; `path` prefixes error paths.
Decoded<Event> decode_event(const nlohmann::json& value, const std::string& path = "$.ev");
Decoded<Event> decode_event(std::string_view json_text);

// Same field names as the wire, fixed key order, compact.
std::string encode_envelope(const Envelope& envelope);
std::string encode_event(const Event& event);
nlohmann::ordered_json event_to_json(const Event& event);
// What a client sends to the relay: {"t":"event","vis":…,"ev":…} (docs/protocol.md).
// `vis` defaults to default_visibility(event); `cid` is omitted when negative; `by`, the author's
// name in a big room (Envelope::by), when not empty; `anon` asks the relay for the pseudonym.
std::string encode_client_event(const Event& event, std::optional<Visibility> vis = std::nullopt,
                                std::int64_t cid = -1, std::string_view by = {}, bool anon = false);

}  // namespace palabre::core
