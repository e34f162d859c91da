#pragma once
// Reading a member's value as the exact text the client sent, so the relay can re-emit `ev`
// byte for byte without re-serializing it (it stays opaque; it could be end-to-end encrypted);
// and the one parse of a client frame that both relays trust.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace palabre::protocol {

// The raw text of the value of top-level member `key` in `object_text`, which must already be
// known to be a valid JSON object without duplicate keys (strict_parse). Returns nullopt if the key
// is absent or written with escapes.
std::optional<std::string_view> raw_member_text(std::string_view object_text, std::string_view key);

// Objects and arrays nested in a client frame, the frame itself counted: 1 + the 32 levels an `ev`
// may have (docs/protocol.md). Deeper data would make a reader that recurses (a serializer, a
// browser's JSON code) run out of stack, so it never enters a log.
inline constexpr int max_frame_depth = 33;

struct StrictParse {
  nlohmann::json value;  // discarded on error
  std::string error;     // empty when parsed
  bool too_deep = false;
};

// Parses without recursion; refuses invalid JSON, a key that appears twice in one object (after
// unescaping: "ev" and "e\u0076" are the same key, so no two readers can disagree on which one
// counts) and nesting deeper than `max_depth`.
StrictParse strict_parse(std::string_view text, int max_depth = max_frame_depth);

}  // namespace palabre::protocol
