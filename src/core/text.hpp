#pragma once
// Internal text helpers shared by the engine: trimming and normalization of user text.
#include <string>
#include <string_view>

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

}  // namespace palabre::core
