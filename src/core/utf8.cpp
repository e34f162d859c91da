#include "core/utf8.hpp"

#include <array>

namespace palabre::core::utf8 {
namespace {

// Multi-byte forms by lead byte; `min` rejects overlong encodings (a second spelling of ASCII).
struct Form { unsigned char mask, lead; std::size_t length; char32_t min; };
constexpr std::array<Form, 3> kForms = {{{0xE0, 0xC0, 2, 0x80}, {0xF0, 0xE0, 3, 0x800}, {0xF8, 0xF0, 4, 0x10000}}};

}  // namespace

Decoded decode(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  if (byte(i) < 0x80) return {byte(i), 1, true};
  for (const Form& form : kForms) {
    if ((byte(i) & form.mask) != form.lead) continue;
    if (i + form.length > text.size()) return {};
    char32_t cp = byte(i) & static_cast<unsigned char>(~form.mask & 0x7F);
    for (std::size_t k = 1; k < form.length; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80) return {};
      cp = (cp << 6) | (byte(i + k) & 0x3Fu);
    }
    if (cp < form.min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
    return {cp, form.length, true};
  }
  return {};
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::size_t length(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += starts_code_point(c);
  return n;
}

std::size_t offset_of(std::string_view text, std::size_t n) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (starts_code_point(text[i])) {
      if (seen == n) return i;
      ++seen;
    }
  }
  return text.size();
}

std::string_view prefix(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  while (end > 0 && !starts_code_point(text[end])) --end;
  return text.substr(0, end);
}

}  // namespace palabre::core::utf8
