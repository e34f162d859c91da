#include "json_text.hpp"

namespace palabre::relay {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void skip_space(std::string_view s, std::size_t& i) {
  while (i < s.size() && is_space(s[i])) ++i;
}

// `i` is on the opening quote; leaves `i` after the closing quote.
void skip_string(std::string_view s, std::size_t& i) {
  ++i;
  while (i < s.size() && s[i] != '"') i += s[i] == '\\' ? 2 : 1;
  ++i;
}

// Skips one value (the text is valid JSON, so bracket depth is enough).
void skip_value(std::string_view s, std::size_t& i) {
  int depth = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '"') {
      skip_string(s, i);
      if (depth == 0) return;
      continue;
    }
    if (c == '{' || c == '[') ++depth;
    else if (c == '}' || c == ']') {
      if (depth == 0) return;  // end of the enclosing object: a scalar just ended
      if (--depth == 0) { ++i; return; }
    } else if (depth == 0 && (c == ',' || is_space(c))) return;
    ++i;
  }
}

}  // namespace

std::optional<std::string_view> raw_member_text(std::string_view s, std::string_view key) {
  std::optional<std::string_view> found;
  std::size_t i = 0;
  skip_space(s, i);
  if (i >= s.size() || s[i] != '{') return std::nullopt;
  ++i;
  while (i < s.size()) {
    skip_space(s, i);
    if (i >= s.size() || s[i] == '}') break;
    if (s[i] == ',') { ++i; continue; }
    if (s[i] != '"') return std::nullopt;
    const std::size_t key_start = i + 1;
    skip_string(s, i);
    const std::string_view raw_key = s.substr(key_start, i - 1 - key_start);
    skip_space(s, i);
    if (i >= s.size() || s[i] != ':') return std::nullopt;
    ++i;
    skip_space(s, i);
    const std::size_t value_start = i;
    skip_value(s, i);
    if (raw_key == key) found = s.substr(value_start, i - value_start);
  }
  return found;
}

}  // namespace palabre::relay
