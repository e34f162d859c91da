// Fuzz target: the log reader (core/log), both the whole-file reader and the streaming replay.
// Any bytes: no crash; both agree on whether the log is usable and on what was torn.
#include "core/log.hpp"
#include "core/session.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto contents = palabre::core::read_log(text);
  const auto stream = palabre::core::replay_log_text(text);
  if (contents.ok() != stream.ok()) std::abort();
  if (contents.torn_tail.has_value() != stream.torn_tail.has_value()) std::abort();
  if (contents.ok()) {
    const auto whole = palabre::core::replay(contents.envelopes);
    if (whole.applied != stream.replay.applied) std::abort();
    if (palabre::core::canonical_json(whole.session) != palabre::core::canonical_json(stream.replay.session))
      std::abort();
  }
  return 0;
}
