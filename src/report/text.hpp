#pragma once
// Small text helpers the renderers share (internal to src/report).
#include <string>
#include <string_view>
#include <vector>

namespace palabre::report::text {

// Escapes & < > " ' for HTML text and attributes (also valid inside SVG).
std::string html_escape(std::string_view text);
// Number of Unicode code points of UTF-8 text (a byte that does not start a sequence is not counted).
std::size_t length(std::string_view utf8);
// At most `max_chars` code points, ending with "…" when cut.
std::string truncate(std::string_view utf8, std::size_t max_chars);
// Greedy word wrap to lines of at most `width` code points (long words are cut); at most
// `max_lines` lines, the last ending with "…" when text remains. Newlines break lines.
std::vector<std::string> wrap(std::string_view utf8, std::size_t width, std::size_t max_lines);
// Splits on '\n' (a trailing '\r' is dropped from each line).
std::vector<std::string_view> lines(std::string_view text);
// Makes a string safe to embed as a plain Markdown inline: escapes \ ` * _ [ ] < > | and #
// at the start; turns newlines into spaces.
std::string markdown_inline(std::string_view text);
// A fixed-point number for SVG coordinates: at most 2 decimals, '.' as separator, no trailing zeros.
std::string svg_number(double value);

}  // namespace palabre::report::text
