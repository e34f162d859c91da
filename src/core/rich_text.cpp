#include "core/rich_text.hpp"

namespace palabre::core {
namespace {

std::vector<RichSpan> parse_spans(std::string_view line) {
  std::vector<RichSpan> spans;
  bool bold = false;
  while (!line.empty()) {
    const auto mark = line.find("**");
    // A "**" opens bold only if another closes it on this line.
    const bool toggles = mark != std::string_view::npos && (bold || line.find("**", mark + 2) != std::string_view::npos);
    const auto end = toggles ? mark : line.size();
    if (end > 0) spans.push_back({std::string(line.substr(0, end)), bold});
    if (!toggles) break;
    bold = !bold;
    line.remove_prefix(mark + 2);
  }
  return spans;
}

}  // namespace

std::vector<RichLine> parse_rich_text(std::string_view text) {
  std::vector<RichLine> lines;
  while (true) {
    const auto eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    RichLine out;
    std::size_t lead = line.find_first_not_of(' ');
    const std::string_view body = lead == std::string_view::npos ? std::string_view() : line.substr(lead);
    std::size_t digits = 0;
    while (digits < body.size() && digits < 4 && body[digits] >= '0' && body[digits] <= '9') ++digits;
    if (body.empty()) {
      out.kind = RichLineKind::gap;
    } else if (body.starts_with("# ") || body.starts_with("## ")) {
      out.kind = RichLineKind::heading;
      out.spans = parse_spans(body.substr(body.find(' ') + 1));
    } else if (body.starts_with("- ") || body.starts_with("* ") || body.starts_with("• ")) {
      out.kind = RichLineKind::bullet;
      out.spans = parse_spans(body.substr(body.find(' ') + 1));
    } else if (digits > 0 && body.size() > digits + 1 && body[digits] == '.' && body[digits + 1] == ' ') {
      out.kind = RichLineKind::numbered;
      out.number = std::stoi(std::string(body.substr(0, digits)));
      out.spans = parse_spans(body.substr(digits + 2));
    } else {
      out.spans = parse_spans(line);
    }
    // Gaps only between paragraphs: none first, none twice in a row.
    if (out.kind != RichLineKind::gap || (!lines.empty() && lines.back().kind != RichLineKind::gap))
      lines.push_back(std::move(out));
    if (eol == std::string_view::npos) break;
    text.remove_prefix(eol + 1);
  }
  while (!lines.empty() && lines.back().kind == RichLineKind::gap) lines.pop_back();
  return lines;
}

std::string rich_text_plain(std::string_view text) {
  std::string plain;
  for (const auto& line : parse_rich_text(text)) {
    if (!plain.empty()) plain += '\n';
    if (line.kind == RichLineKind::bullet) plain += "• ";
    if (line.kind == RichLineKind::numbered) plain += std::to_string(line.number) + ". ";
    for (const auto& span : line.spans) plain += span.text;
  }
  return plain;
}

}  // namespace palabre::core
