// Fuzz target: the engine's apply over arbitrary event sequences. The input is envelope lines
// (as in a log, without header); each line that decodes is renumbered seq = n+1 so the engine gets
// past its ordering check, then applied. Must hold: no crash; a rejected envelope leaves the state
// byte-identical (canonical JSON); the same sequence gives the same state twice (determinism);
// a participant view can be computed. (Bounded: 64 envelopes, 3 views, so a run stays fast.)
#include "core/codec.hpp"
#include "core/session.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

using namespace palabre::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<Envelope> envelopes;
  for (std::size_t start = 0; start < text.size() && envelopes.size() < 64;) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    auto decoded = decode_envelope(text.substr(start, end - start));
    if (decoded) {
      decoded.value->seq = std::int64_t(envelopes.size()) + 1;
      envelopes.push_back(std::move(*decoded.value));
    }
    start = end + 1;
  }
  Session first, second;
  for (const Envelope& envelope : envelopes) {
    const Session before = first;
    const Outcome outcome = apply(first, envelope);
    if (!outcome.accepted() && canonical_json(first) != canonical_json(before)) std::abort();  // rejection changed state
    if (apply(second, envelope).reason != outcome.reason) std::abort();
  }
  if (canonical_json(first) != canonical_json(second)) std::abort();
  for (std::size_t i = 0; i < first.participants.size() && i < 3; ++i)
    (void)canonical_json(participant_view(first, first.participants[i].id));
  return 0;
}
