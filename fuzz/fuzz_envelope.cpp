// Fuzz target: envelope decoding (core/codec). Any bytes: no crash; an envelope that decodes
// encodes to text that decodes to the same envelope (stable after one round).
#include "core/codec.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto envelope = palabre::core::decode_envelope(text);
  (void)palabre::core::decode_event(text);
  if (!envelope) return 0;
  const std::string once = palabre::core::encode_envelope(*envelope.value);
  const auto again = palabre::core::decode_envelope(once);
  if (!again) std::abort();  // what we encode must decode
  if (palabre::core::encode_envelope(*again.value) != once) std::abort();
  return 0;
}
