#pragma once
// Internal text helpers shared by the engine: trimming and normalization of user text.
#include <string>
#include <string_view>
#include <vector>

namespace palabre::core {

// Removes surrounding ASCII whitespace.
std::string_view trim(std::string_view text);

// The one folding rule for comparing what people type (challenge answers, word cloud): Unicode
// case folded and accents removed — Latin-1 Supplement, Latin Extended-A, the common letters of
// Latin Extended-B and Latin Extended Additional (Vietnamese) to ASCII; Æ æ → ae, Œ œ → oe,
// ß ẞ → ss; Greek and Cyrillic to lower case (Greek without its accents, ς as σ); combining
// accents dropped; surrounding spaces removed and runs of spaces (no-break ones too) collapsed to
// one. Other text, and bytes that are not valid UTF-8, are kept as they are; never throws.
// "  Nguyễn  ÉLAN " → "nguyen elan".
std::string normalize_answer(std::string_view text);

// [SECTION] blocked words (issue 19): a session's list of words its screens never show as typed.
// A word is a run of anything but ASCII spaces and punctuation ("con", "Merde!" -> "merde"); it
// matches when its folded form (normalize_answer) is in the list. `blocked` holds folded words,
// sorted (blocked_word_list makes one).
std::vector<std::string> blocked_word_list(const std::vector<std::string>& words);
bool has_blocked_word(std::string_view text, const std::vector<std::string>& blocked);
// The text with each blocked word replaced by "•••" (the kiosk: seen, never read out).
std::string mask_blocked_words(std::string_view text, const std::vector<std::string>& blocked);

}  // namespace palabre::core
