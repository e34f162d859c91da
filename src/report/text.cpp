// Small text helpers the renderers share.
#include "report/text.hpp"

#include "core/utf8.hpp"

#include <cmath>
#include <cstdint>
#include <string>

namespace palabre::report::text {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Runs without markup characters go out in one append.
    const std::size_t special = text.find_first_of("&<>\"'", i);
    const std::size_t end = special == std::string_view::npos ? text.size() : special;
    if (end > i) {
      out.append(text.data() + i, end - i);
      i = end;
      if (i == text.size()) break;
    }
    const char c = text[i];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::size_t length(std::string_view utf8) { return core::utf8::length(utf8); }

std::string truncate(std::string_view utf8, std::size_t max_chars) {
  if (length(utf8) <= max_chars) return std::string(utf8);
  if (max_chars == 0) return {};
  std::string cut(utf8.substr(0, core::utf8::offset_of(utf8, max_chars - 1)));
  while (!cut.empty() && cut.back() == ' ') cut.pop_back();
  return cut + "…";
}

std::vector<std::string_view> lines(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    start = end + 1;
  }
  return out;
}

std::vector<std::string> wrap(std::string_view utf8, std::size_t width, std::size_t max_lines) {
  std::vector<std::string> out;
  if (width == 0 || max_lines == 0) return out;
  bool truncated = false;
  for (std::string_view paragraph : lines(utf8)) {
    std::string current;
    std::size_t current_length = 0;
    std::size_t pos = 0;
    while (pos < paragraph.size()) {
      while (pos < paragraph.size() && paragraph[pos] == ' ') ++pos;
      if (pos >= paragraph.size()) break;
      std::size_t end = paragraph.find(' ', pos);
      if (end == std::string_view::npos) end = paragraph.size();
      std::string_view word = paragraph.substr(pos, end - pos);
      pos = end;
      while (!word.empty()) {
        const std::size_t word_length = length(word);
        const std::size_t needed = current_length == 0 ? word_length : current_length + 1 + word_length;
        if (needed <= width) {
          if (current_length) current += ' ';
          current += word;
          current_length = needed;
          word = {};
        } else if (current_length == 0) {  // a word longer than a line: cut it
          const std::size_t cut = core::utf8::offset_of(word, width);
          out.emplace_back(word.substr(0, cut));
          word.remove_prefix(cut);
        } else {
          out.push_back(std::move(current));
          current.clear();
          current_length = 0;
        }
        if (out.size() > max_lines) break;
      }
      if (out.size() > max_lines) break;
    }
    if (current_length) out.push_back(std::move(current));
    if (out.size() > max_lines) break;
  }
  if (out.size() > max_lines) {
    out.resize(max_lines);
    truncated = true;
  }
  if (truncated && !out.empty()) {
    std::string& last = out.back();
    last = truncate(last, width > 1 ? width - 1 : 1);
    if (last.size() < 3 || last.compare(last.size() - 3, 3, "…") != 0) last += "…";
  }
  return out;
}

std::string markdown_inline(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  bool at_start = true;
  for (char c : text) {
    if (c == '\r') continue;
    if (c == '\n') {
      out += ' ';
      continue;
    }
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|':
        out += '\\';
        out += c;
        break;
      case '#':
        if (at_start) out += '\\';
        out += c;
        break;
      default: out += c;
    }
    if (c != ' ') at_start = false;
  }
  return out;
}

std::string svg_number(double value) {
  if (!std::isfinite(value)) return "0";
  const std::int64_t hundredths = std::llround(value * 100.0);
  const bool negative = hundredths < 0;
  const std::int64_t magnitude = negative ? -hundredths : hundredths;
  std::string out = (negative ? "-" : "") + std::to_string(magnitude / 100);
  const std::int64_t fraction = magnitude % 100;
  if (fraction != 0) {
    out += '.';
    out += char('0' + fraction / 10);
    if (fraction % 10) out += char('0' + fraction % 10);
  }
  return out;
}

}  // namespace palabre::report::text
