// Fuzz target: envelope decoding (core/codec). Any bytes: no crash; the fast path (read in place)
// gives what the tree path (nlohmann) gives, the same envelope or the same error; an envelope that
// decodes encodes to text that decodes to the same envelope (stable after one round).
#include "core/codec.hpp"

#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto envelope = palabre::core::decode_envelope(text);
  (void)palabre::core::decode_event(text);
  (void)palabre::core::events_frame_envelopes(text);
  const auto tree_value = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (!tree_value.is_discarded()) {
    const auto tree = palabre::core::decode_envelope(tree_value);
    if (bool(tree) != bool(envelope)) std::abort();
    if (tree && palabre::core::encode_envelope(*tree.value) != palabre::core::encode_envelope(*envelope.value)) std::abort();
    if (!tree && tree.error.message() != envelope.error.message()) std::abort();
  } else if (envelope) {
    std::abort();  // invalid JSON never half-read
  }
  if (!envelope) return 0;
  const std::string once = palabre::core::encode_envelope(*envelope.value);
  const auto again = palabre::core::decode_envelope(std::string_view(once));
  if (!again) std::abort();  // what we encode must decode
  if (palabre::core::encode_envelope(*again.value) != once) std::abort();
  return 0;
}
