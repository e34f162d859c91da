// Text helpers: trimming, and answer normalization (case, accents, spaces) for the live challenge.
#include "core/text.hpp"

#include <cstdint>

namespace palabre::core {

std::string_view trim(std::string_view text) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

namespace {
using namespace std::literals;
// ASCII base letter for U+00C0..U+017F ('\0' when none): enough for French and most of Europe.
char fold_latin(std::uint32_t cp) {
  static constexpr std::string_view latin1 =  // U+00C0..U+00FF; Æ æ ß × ÷ are handled apart
      "aaaaaa\0ceeeeiiii" "dnooooo\0ouuuuyt\0" "aaaaaa\0ceeeeiiii" "dnooooo\0ouuuuyty"sv;
  if (cp >= 0xC0 && cp <= 0xFF) return latin1[cp - 0xC0];
  static constexpr std::string_view extended_a =  // U+0100..U+017F, pairs upper/lower
      "aaaaaaccccccccdddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii" "\0\0" "jj" "kkk"
      "llllllllll" "nnnnnnnnn" "oooooo" "\0\0" "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu"
      "ww" "yyy" "zzzzzz" "s"sv;
  if (cp >= 0x100 && cp <= 0x17F && cp - 0x100 < extended_a.size()) return extended_a[cp - 0x100];
  return '\0';
}
}  // namespace

std::string normalize_answer(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  auto emit = [&](std::string_view piece) {
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.append(piece);
  };
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { pending_space = true; continue; }
      char lower = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : char(c);
      emit(std::string_view(&lower, 1));
      continue;
    }
    std::size_t len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 1;
    if (i + len > text.size()) len = text.size() - i;
    std::uint32_t cp = 0;
    if (len == 2) cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
    if (cp == 0xA0) { pending_space = true; i += len; continue; }  // no-break space
    if (char folded = fold_latin(cp)) {
      emit(std::string_view(&folded, 1));
    } else if (cp == 0x152 || cp == 0x153) {
      emit("oe");
    } else if (cp == 0xC6 || cp == 0xE6) {
      emit("ae");
    } else if (cp == 0xDF) {
      emit("ss");
    } else if (len == 2 && cp >= 0x300 && cp <= 0x36F) {
      // combining accent (decomposed input): dropped
    } else {
      emit(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

}  // namespace palabre::core
