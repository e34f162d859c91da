#pragma once
// The rich text of a presentation page (docs/formats.md, "Rich text"): a small subset of Markdown
// that kiosk, host, phones and the report draw alike. One source line is one RichLine:
//   "# Title" / "## Title"  a heading        "- item" / "* item"  a bullet
//   "3. item"               a numbered item  ""                   a gap between paragraphs
//   anything else           a line of a paragraph (line breaks are kept)
// and within a line, "**bold**". Nothing else is markup: the text is never HTML.
#include <string>
#include <string_view>
#include <vector>

namespace palabre::core {

struct RichSpan {
  std::string text;
  bool bold = false;
};

enum class RichLineKind { paragraph, heading, bullet, numbered, gap };

struct RichLine {
  RichLineKind kind = RichLineKind::paragraph;
  int number = 0;  // numbered: the number written
  std::vector<RichSpan> spans;
};

// Parses `text`; an unmatched "**" stays as it is written.
std::vector<RichLine> parse_rich_text(std::string_view text);
// The text without its markup (for search, screen readers and plain-text reports).
std::string rich_text_plain(std::string_view text);

}  // namespace palabre::core
