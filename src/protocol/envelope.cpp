#include "protocol/envelope.hpp"

#include <charconv>

namespace palabre::protocol {

std::string envelope_text(std::int64_t seq, std::int64_t at, std::string_view from, std::string_view role, bool staff,
                          std::string_view ev_text) {
  std::string text;
  text.reserve(96 + ev_text.size());
  text.append("{\"seq\":").append(std::to_string(seq));
  text.append(",\"at\":").append(std::to_string(at));
  text.append(",\"from\":\"").append(from);
  text.append("\",\"role\":\"").append(role);
  text.append(staff ? "\",\"vis\":\"staff\",\"ev\":" : "\",\"vis\":\"public\",\"ev\":");
  text.append(ev_text).append("}");
  return text;
}

std::int64_t envelope_at(std::string_view text) {
  const auto at = text.find("\"at\":");
  std::int64_t value = 0;
  if (at != std::string_view::npos) std::from_chars(text.data() + at + 5, text.data() + text.size(), value);
  return value;
}

}  // namespace palabre::protocol
