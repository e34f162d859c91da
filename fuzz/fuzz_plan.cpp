// Fuzz target: the plan loader (core/plan). Any bytes: no crash, no sanitizer finding; a plan that
// loads writes back to JSON that loads again into the same plan (the host's save/open round trip).
#include "core/plan.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto loaded = palabre::core::load_plan(text);
  if (!loaded) return 0;
  const std::string written = palabre::core::plan_to_json(*loaded.value);
  const auto reloaded = palabre::core::load_plan(written);
  if (!reloaded) std::abort();  // a plan we wrote must load
  if (palabre::core::plan_to_json(*reloaded.value) != written) std::abort();
  (void)palabre::core::plan_events(*loaded.value);
  return 0;
}
