// Text helpers: trimming, and the folding rule (case, accents, spaces) by which the live challenge
// compares answers and the word cloud groups ideas. Folding is table-driven over decoded code
// points, so "É" (two bytes) folds like "E" and a capital Cyrillic letter like its small one.
#include "core/text.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <array>
#include <iterator>
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

using utf8::append;
using utf8::decode;
using utf8::Decoded;

// [SECTION] Folding tables

// Letters written as several: ligatures, sharp s, thorn, Latin digraphs; Greek letters with an
// accent (their base letter, small); final sigma as sigma. Sorted by code point (binary search).
struct Special { char32_t cp; std::string_view folded; };
constexpr Special kSpecials[] = {
    {0x00C6, "ae"}, {0x00DE, "th"}, {0x00DF, "ss"}, {0x00E6, "ae"}, {0x00FE, "th"},
    {0x0132, "ij"}, {0x0133, "ij"}, {0x0152, "oe"}, {0x0153, "oe"},
    {0x01C4, "dz"}, {0x01C5, "dz"}, {0x01C6, "dz"}, {0x01C7, "lj"}, {0x01C8, "lj"}, {0x01C9, "lj"},
    {0x01CA, "nj"}, {0x01CB, "nj"}, {0x01CC, "nj"}, {0x01E2, "ae"}, {0x01E3, "ae"},
    {0x01F1, "dz"}, {0x01F2, "dz"}, {0x01F3, "dz"}, {0x01FC, "ae"}, {0x01FD, "ae"},
    {0x0386, "α"}, {0x0388, "ε"}, {0x0389, "η"}, {0x038A, "ι"}, {0x038C, "ο"}, {0x038E, "υ"},
    {0x038F, "ω"}, {0x0390, "ι"}, {0x03AA, "ι"}, {0x03AB, "υ"}, {0x03AC, "α"}, {0x03AD, "ε"},
    {0x03AE, "η"}, {0x03AF, "ι"}, {0x03B0, "υ"}, {0x03C2, "σ"}, {0x03CA, "ι"}, {0x03CB, "υ"},
    {0x03CC, "ο"}, {0x03CD, "υ"}, {0x03CE, "ω"},
    {0x04C0, "ӏ"}, {0x1E9E, "ss"},
};
static_assert(std::is_sorted(std::begin(kSpecials), std::end(kSpecials), [](const Special& a, const Special& b) { return a.cp < b.cp; }));

// Latin letters with their ASCII base letter, one character per code point from `first`: '-' when
// the letter has none (or is in kSpecials). Derived from the letters' Unicode names ("LATIN SMALL
// LETTER E WITH CIRCUMFLEX AND HOOK ABOVE" → e), plus eth → d, dotless i → i and long s → s.
struct AsciiRange { char32_t first; std::string_view letters; };
constexpr AsciiRange kToAscii[] = {
    {0x00C0,
     "aaaaaa-ceeeeiiiidnooooo-ouuuuy--"  // U+00C0
     "aaaaaa-ceeeeiiiidnooooo-ouuuuy-y"sv},
    {0x0100,  // Latin Extended-A
     "aaaaaaccccccccddddeeeeeeeeeegggg"  // U+0100
     "gggghhhhiiiiiiiiii--jjkk-lllllll"  // U+0120
     "lllnnnnnn---oooooo--rrrrrrssssss"  // U+0140
     "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs"sv},
    {0x0180,  // Latin Extended-B: letters with a base letter (Vietnamese ơ ư, Romanian ș ț, pinyin ǎ…)
     "bbbb---cc-ddd----ffg---ikkl--nno"  // U+0180
     "oo--pp-----ttttuu-vyyzz---------"  // U+01A0
     "-------------aaiioouuuuuuuuuu-aa"  // U+01C0
     "aa--ggggkkoooo--j---gg--nnaa--oo"  // U+01E0
     "aaaaeeeeiiiioooorrrruuuusstt--hh"  // U+0200
     "nd--zzaaeeooooooooyylnt---acclts"  // U+0220
     "z--b--eejj-qrryy"sv},
    {0x1E00,  // Latin Extended Additional: Vietnamese and Welsh
     "aabbbbbbccddddddddddeeeeeeeeeeff"  // U+1E00
     "gghhhhhhhhhhiiiikkkkkkllllllllmm"  // U+1E20
     "mmmmnnnnnnnnoooooooopppprrrrrrrr"  // U+1E40
     "ssssssssssttttttttuuuuuuuuuuvvvv"  // U+1E60
     "wwwwwwwwwwxxxxyyzzzzzzhtwyasss--"  // U+1E80
     "aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee"  // U+1EA0
     "eeeeeeeeiiiioooooooooooooooooooo"  // U+1EC0
     "oooouuuuuuuuuuuuuuyyyyyyyy----yy"sv},
};

// Capital letters of scripts kept as they are (Greek, Cyrillic): either a block at a fixed
// distance from its small letters, or alternating pairs (capital first, small right after).
struct CaseRange { char32_t first, last, to_small; bool pairs; };
constexpr CaseRange kCases[] = {
    {0x0391, 0x03A9, 0x20, false},  // Α..Ω (U+03A2 is unassigned)
    {0x0400, 0x040F, 0x50, false},  // Ѐ..Џ
    {0x0410, 0x042F, 0x20, false},  // А..Я
    {0x0460, 0x0481, 1, true},      // Ѡ ѡ … Ҁ ҁ
    {0x048A, 0x04BF, 1, true},      // Ҋ ҋ … Ҿ ҿ
    {0x04C1, 0x04CE, 1, true},      // Ӂ ӂ … Ӎ ӎ
    {0x04D0, 0x052F, 1, true},      // Ӑ ӑ … Ԯ ԯ
};

bool is_space(char32_t cp) {
  return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

// Accents typed apart from their letter (decomposed input, some phone keyboards).
bool is_combining_accent(char32_t cp) { return cp >= 0x300 && cp <= 0x36F; }

// Appends the folded form of one letter; false when the rule leaves it as it is.
bool append_folded(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(cp >= 'A' && cp <= 'Z' ? static_cast<char>(cp - 'A' + 'a') : static_cast<char>(cp));
    return true;
  }
  for (const AsciiRange& r : kToAscii)
    if (cp >= r.first && cp - r.first < r.letters.size() && r.letters[cp - r.first] != '-') {
      out.push_back(r.letters[cp - r.first]);
      return true;
    }
  const auto special = std::lower_bound(std::begin(kSpecials), std::end(kSpecials), cp,
                                        [](const Special& s, char32_t c) { return s.cp < c; });
  if (special != std::end(kSpecials) && special->cp == cp) {
    out.append(special->folded);
    return true;
  }
  for (const CaseRange& r : kCases)
    if (cp >= r.first && cp <= r.last) {
      if (r.pairs && (cp - r.first) % 2 != 0) return false;  // already small
      append(out, cp + r.to_small);
      return true;
    }
  return false;
}
}  // namespace

std::string normalize_answer(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode(text, i);
    const std::string_view as_typed = text.substr(i, d.length);
    i += d.length;
    if (d.valid && is_space(d.cp)) { pending_space = true; continue; }
    if (d.valid && is_combining_accent(d.cp)) continue;
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    if (!d.valid || !append_folded(out, d.cp)) out.append(as_typed);
  }
  return out;
}

// [SECTION] blocked words
namespace {
// Between words: ASCII spaces and punctuation, the no-break space, « » ¡ ¿, and General
// Punctuation (U+2000–U+207F: ’ … – — “ ” and the thin spaces), so that "l’idiot…" holds the word
// "idiot". Returns how many bytes the separator at `i` takes (0: a word's byte — letters, digits,
// anything else non-ASCII: accents, other scripts, emoji).
std::size_t separator_at(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
  const unsigned c = byte(0);
  if (c == 0xC2 && (byte(1) == 0xA0 || byte(1) == 0xAB || byte(1) == 0xBB || byte(1) == 0xA1 || byte(1) == 0xBF)) return 2;
  if (c == 0xE2 && (byte(1) == 0x80 || byte(1) == 0x81) && byte(2) >= 0x80) return 3;
  if (c >= 0x80) return 0;
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? 0 : 1;
}

// Calls f(begin, end) for each word of `text`, in order.
template <typename F>
void for_each_word(std::string_view text, F&& f) {
  std::size_t i = 0;
  while (i < text.size()) {
    for (std::size_t n; i < text.size() && (n = separator_at(text, i)) > 0;) i += n;
    const std::size_t begin = i;
    while (i < text.size() && separator_at(text, i) == 0) ++i;
    if (i > begin) f(begin, i);
  }
}

bool blocked_word(std::string_view word, const std::vector<std::string>& blocked) {
  return std::binary_search(blocked.begin(), blocked.end(), normalize_answer(word));
}
}  // namespace

std::vector<std::string> blocked_word_list(const std::vector<std::string>& words) {
  std::vector<std::string> list;
  for (const auto& w : words)
    if (std::string folded = normalize_answer(w); !folded.empty()) list.push_back(std::move(folded));
  std::sort(list.begin(), list.end());
  list.erase(std::unique(list.begin(), list.end()), list.end());
  return list;
}

bool has_blocked_word(std::string_view text, const std::vector<std::string>& blocked) {
  if (blocked.empty()) return false;
  bool found = false;
  for_each_word(text, [&](std::size_t b, std::size_t e) { found = found || blocked_word(text.substr(b, e - b), blocked); });
  return found;
}

std::string mask_blocked_words(std::string_view text, const std::vector<std::string>& blocked) {
  if (blocked.empty()) return std::string(text);
  std::string out;
  std::size_t done = 0;
  for_each_word(text, [&](std::size_t b, std::size_t e) {
    if (!blocked_word(text.substr(b, e - b), blocked)) return;
    out.append(text.substr(done, b - done));
    out += "•••";
    done = e;
  });
  out.append(text.substr(done));
  return out;
}

}  // namespace palabre::core
