// CSV: one row per attempt, answer, comment, idea, like, vote, question, upvote and message.
// RFC 4180 (comma, double quotes, CRLF), UTF-8. Columns documented in docs/report.md.
#include "report/locale.hpp"
#include "report/render.hpp"

namespace palabre::report {

namespace {
// A spreadsheet would run a cell starting with = + - @ (or tab/CR) as a formula: prefix it with '.
// A leading '-' followed by a digit or a space is ordinary text ("- item", "-3") and kept.
bool needs_defusing(std::string_view value) {
  if (value.empty()) return false;
  const char c = value.front();
  return c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r' ||
         (c == '-' && value.size() > 1 && value[1] != ' ' && (value[1] < '0' || value[1] > '9'));
}

void cell(std::string& out, std::string_view value, bool last = false) {
  const bool defuse = needs_defusing(value);
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    if (defuse) out += '\'';
    out += value;
  } else {
    out += '"';
    if (defuse) out += '\'';
    for (std::size_t i = 0; i < value.size();) {
      const std::size_t quote = value.find('"', i);
      const std::size_t end = quote == std::string_view::npos ? value.size() : quote + 1;
      out.append(value.data() + i, end - i);
      if (quote != std::string_view::npos) out += '"';
      i = end;
    }
    out += '"';
  }
  out += last ? "\r\n" : ",";
}
}  // namespace

std::string render_csv(const Report& report) {
  std::string out;
  out.reserve(256 + record_count(report) * 96);
  out += "activity_id,activity_kind,activity,question,record,participant,value,time\r\n";
  for (const Activity& a : report.activities) {
    const std::string_view kind = to_string(a.kind());
    for (const Record& r : a.records) {
      cell(out, a.id);
      cell(out, kind);
      cell(out, a.title);
      cell(out, r.question);
      cell(out, to_string(r.kind));
      cell(out, a.anonymous ? std::string_view{} : std::string_view{r.participant});
      cell(out, r.value);
      cell(out, format_iso8601(r.at), true);
    }
  }
  for (const Authored& m : report.messages) {
    cell(out, "messages");
    cell(out, "messages");
    cell(out, labels(report.lang).messages_section);
    cell(out, "");
    cell(out, to_string(RecordKind::message));
    cell(out, m.author);
    cell(out, m.text);
    cell(out, format_iso8601(m.at), true);
  }
  return out;
}

}  // namespace palabre::report
