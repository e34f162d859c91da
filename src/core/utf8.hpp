#pragma once
// The one UTF-8 helper (core, report, app): decoding a code point, writing one, counting and
// cutting on code-point boundaries. Pure, no allocation beyond the strings asked for.
#include <cstddef>
#include <string>
#include <string_view>

namespace palabre::core::utf8 {

struct Decoded {
  char32_t cp = 0;
  std::size_t length = 1;
  bool valid = false;  // false: `length` is 1, the byte at i is not the start of a well-formed sequence
};

// The code point starting at text[i] (i < text.size()), well-formed as RFC 3629 says: no overlong
// form, no surrogate, nothing past U+10FFFF, no cut sequence.
Decoded decode(std::string_view text, std::size_t i);

// Appends `cp` (≤ U+10FFFF) encoded.
void append(std::string& out, char32_t cp);

// False for a continuation byte (10xxxxxx): the byte starts a code point, or is ASCII.
constexpr bool starts_code_point(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// Code points in `text` (lead bytes counted; invalid bytes count as one each).
std::size_t length(std::string_view text);

// Byte offset of code point `n` (text.size() when there are fewer).
std::size_t offset_of(std::string_view text, std::size_t n);

// The longest prefix of at most `max_bytes` bytes that does not cut a code point in two.
std::string_view prefix(std::string_view text, std::size_t max_bytes);

}  // namespace palabre::core::utf8
