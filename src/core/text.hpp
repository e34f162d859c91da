#pragma once
// Internal text helpers shared by the engine: trimming and normalization of user text.
#include <string>
#include <string_view>

namespace palabre::core {

// Removes surrounding ASCII whitespace.
std::string_view trim(std::string_view text);

// For comparing answers: lower case, accents removed (Latin-1 Supplement and Latin Extended-A
// letters folded to ASCII), surrounding spaces removed, runs of spaces collapsed to one.
std::string normalize_answer(std::string_view text);

}  // namespace palabre::core
