#pragma once
// Reading a member's value as the exact text the client sent, so the relay can re-emit `ev`
// byte for byte without re-serializing it (it stays opaque; it could be end-to-end encrypted).
#include <optional>
#include <string_view>

namespace palabre::relay {

// The raw text of the value of top-level member `key` in `object_text`, which must already be
// known to be a valid JSON object. With duplicate keys the last one wins (as nlohmann/json does).
// Returns nullopt if the key is absent or written with escapes.
std::optional<std::string_view> raw_member_text(std::string_view object_text, std::string_view key);

}  // namespace palabre::relay
