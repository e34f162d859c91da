// Inline SVG pictures for the HTML report.
//
// [SECTION] Bars (choices, ratings, rankings)
// [SECTION] Podium
// [SECTION] Board
#include "report/svg.hpp"

#include <algorithm>
#include <numeric>

#include "report/locale.hpp"
#include "report/text.hpp"

namespace palabre::report::svg {

using text::html_escape;
using text::svg_number;

namespace {
constexpr std::string_view kAccent = "#4f46e5";
constexpr std::string_view kCorrect = "#16a34a";
constexpr std::string_view kTrack = "#eceef3";
constexpr std::string_view kInk = "#1f2937";
constexpr std::string_view kMuted = "#6b7280";

std::string open_svg(double height, std::string_view title, std::string_view css_class) {
  return "<svg class=\"" + std::string(css_class) +
         "\" width=\"100%\" height=\"" + svg_number(height) + "\" role=\"img\" aria-label=\"" +
         html_escape(title) + "\"><title>" + html_escape(title) + "</title>";
}

// [SECTION] Bars ----------------------------------------------------------------------------------

struct Bar {
  std::string label;
  std::string value_text;
  double fraction = 0;  // 0..1 of the track
  bool highlight = false;
};

constexpr double kLine = 19;       // label line height
constexpr double kBarHeight = 10;
constexpr double kRowGap = 14;
// Code points per label line. SVG text does not wrap, so each chart is drawn twice: wide for
// desktops and print, narrow (fits a 390 px phone beside the value); CSS shows one of them.
constexpr std::size_t kWideLabel = 72;
constexpr std::size_t kNarrowLabel = 34;

std::string bars_at(const std::vector<Bar>& rows, std::string_view title, std::size_t label_width,
                    std::string_view css_class) {
  std::vector<std::vector<std::string>> wrapped;
  double height = 0;
  for (const Bar& row : rows) {
    wrapped.push_back(text::wrap(row.label, label_width, 3));
    if (wrapped.back().empty()) wrapped.back().push_back("");
    height += double(wrapped.back().size()) * kLine + 4 + kBarHeight + kRowGap;
  }
  std::string out = open_svg(height, title, css_class);
  double y = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Bar& row = rows[i];
    const std::string_view colour = row.highlight ? kCorrect : kAccent;
    for (std::size_t line = 0; line < wrapped[i].size(); ++line) {
      y += kLine;
      out += "<text x=\"0\" y=\"" + svg_number(y - 5) + "\" fill=\"" + std::string(kInk) +
             "\" font-size=\"14\">" + html_escape(wrapped[i][line]) + "</text>";
      if (line == 0)
        out += "<text x=\"100%\" y=\"" + svg_number(y - 5) + "\" text-anchor=\"end\" fill=\"" +
               std::string(row.highlight ? kCorrect : kInk) + "\" font-size=\"14\" font-weight=\"600\">" +
               html_escape(row.value_text) + "</text>";
    }
    y += 4;
    out += "<rect x=\"0\" y=\"" + svg_number(y) + "\" width=\"100%\" height=\"" + svg_number(kBarHeight) +
           "\" rx=\"5\" fill=\"" + std::string(kTrack) + "\"/>";
    const double percent = std::clamp(row.fraction, 0.0, 1.0) * 100.0;
    if (percent > 0)
      out += "<rect x=\"0\" y=\"" + svg_number(y) + "\" width=\"" + svg_number(percent) + "%\" height=\"" +
             svg_number(kBarHeight) + "\" rx=\"5\" fill=\"" + std::string(colour) + "\"/>";
    y += kBarHeight + kRowGap;
  }
  return out + "</svg>";
}

std::string bars(const std::vector<Bar>& rows, std::string_view title) {
  return bars_at(rows, title, kWideLabel, "chart wide") + bars_at(rows, title, kNarrowLabel, "chart narrow");
}
}  // namespace

std::string choice_bars(const std::vector<Choice>& choices, Lang lang, std::string_view title) {
  std::vector<Bar> rows;
  for (const Choice& choice : choices)
    rows.push_back({(choice.correct ? "✓ " : "") + choice.label,
                    format_percent(choice.percent, lang) + " · " + format_count(choice.count, lang),
                    choice.percent / 100.0, choice.correct});
  return bars(rows, title);
}

std::string rating_bars(const RatingSummary& rating, Lang lang, std::string_view title) {
  // Each bar is its share of all votes: scaled to the largest count, one vote among ten would
  // fill a bar.
  const int total = std::accumulate(rating.distribution.begin(), rating.distribution.end(), 0);
  std::vector<Bar> rows;
  const Labels& l = labels(lang);
  for (int star = int(rating.distribution.size()); star >= 1; --star) {
    const int votes = rating.distribution[std::size_t(star - 1)];
    std::string label = std::to_string(star) + " ";
    for (int i = 0; i < star; ++i) label += "★";
    rows.push_back({label, counted(votes, l.vote_one, l.vote_many, lang), total ? double(votes) / total : 0.0, false});
  }
  return bars(rows, title);
}

std::string ranking_bars(const std::vector<RankedItem>& ranking, Lang lang, std::string_view title) {
  std::int64_t best = 0;
  for (const RankedItem& item : ranking) best = std::max(best, item.score);
  std::vector<Bar> rows;
  const Labels& l = labels(lang);
  for (const RankedItem& item : ranking)
    rows.push_back({std::to_string(item.position) + ". " + item.label,
                    counted(item.score, l.point_one, l.point_many, lang), best ? double(item.score) / double(best) : 0.0,
                    false});
  return bars(rows, title);
}

// [SECTION] Podium --------------------------------------------------------------------------------

std::string podium(const std::vector<LeaderboardRow>& leaderboard, Lang lang, std::string_view title) {
  struct Step { std::size_t index; double x, height; std::string_view colour; };
  // Second on the left, first in the middle, third on the right.
  const Step steps[] = {{1, 10, 80, "#94a3b8"}, {0, 125, 115, "#f59e0b"}, {2, 240, 55, "#b45309"}};
  const double base = 220;
  std::string out =
      "<svg class=\"podium\" viewBox=\"0 45 360 185\" role=\"img\" "
      "aria-label=\"" + html_escape(title) + "\"><title>" + html_escape(title) + "</title>";
  const Labels& l = labels(lang);
  for (const Step& step : steps) {
    if (step.index >= leaderboard.size()) continue;
    const LeaderboardRow& row = leaderboard[step.index];
    const double top = base - step.height;
    out += "<rect x=\"" + svg_number(step.x) + "\" y=\"" + svg_number(top) + "\" width=\"110\" height=\"" +
           svg_number(step.height) + "\" rx=\"6\" fill=\"" + std::string(step.colour) + "\"/>";
    out += "<text x=\"" + svg_number(step.x + 55) + "\" y=\"" + svg_number(top + 34) +
           "\" text-anchor=\"middle\" font-size=\"28\" font-weight=\"700\" fill=\"#fff\">" +
           std::to_string(row.rank) + "</text>";
    out += "<text x=\"" + svg_number(step.x + 55) + "\" y=\"" + svg_number(top - 26) +
           "\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"600\" fill=\"" + std::string(kInk) + "\">" +
           html_escape(text::truncate(row.name, 14)) + "</text>";
    out += "<text x=\"" + svg_number(step.x + 55) + "\" y=\"" + svg_number(top - 9) +
           "\" text-anchor=\"middle\" font-size=\"12\" fill=\"" + std::string(kMuted) + "\">" +
           html_escape(counted(row.points, l.point_one, l.point_many, lang)) + "</text>";
  }
  out += "<line x1=\"0\" y1=\"" + svg_number(base) + "\" x2=\"360\" y2=\"" + svg_number(base) +
         "\" stroke=\"#cbd5e1\" stroke-width=\"2\"/>";
  return out + "</svg>";
}

// [SECTION] Board ---------------------------------------------------------------------------------

std::string board(const BoardDetail& board, std::string_view title) {
  const double width = board.width > 0 ? board.width : 1000;
  const double height = board.height > 0 ? board.height : 600;
  // Post-its are sized and placed by the mapping, as the app does (core/board_layout.hpp), below
  // each zone's title; their text scales with them.
  const auto note_width_of = [&](const BoardNote& note) { return note.width > 0 ? note.width : width / 11; };
  const double font = (board.notes.empty() ? width / 11 : note_width_of(board.notes.front())) / 10;
  std::string out = "<svg class=\"board\" viewBox=\"0 0 " +
                    svg_number(width) + " " + svg_number(height) + "\" role=\"img\" aria-label=\"" +
                    html_escape(title) + "\"><title>" + html_escape(title) + "</title>";
  out += "<rect x=\"0\" y=\"0\" width=\"" + svg_number(width) + "\" height=\"" + svg_number(height) +
         "\" fill=\"#f8fafc\"/>";
  for (const BoardZone& zone : board.zones) {
    const std::string colour = zone.colour.empty() ? "#c7d2fe" : zone.colour;
    out += "<rect x=\"" + svg_number(zone.x) + "\" y=\"" + svg_number(zone.y) + "\" width=\"" +
           svg_number(zone.width) + "\" height=\"" + svg_number(zone.height) + "\" rx=\"" +
           svg_number(font) + "\" fill=\"" + html_escape(colour) + "\" fill-opacity=\"0.16\" stroke=\"" +
           html_escape(colour) + "\" stroke-width=\"" + svg_number(font / 4) + "\"/>";
    if (!zone.label.empty())
      out += "<text x=\"" + svg_number(zone.x + board.unit * 0.6) + "\" y=\"" + svg_number(zone.y + board.unit * 1.6) +
             "\" font-size=\"" + svg_number(board.unit * 1.25) + "\" font-weight=\"700\" fill=\"" + std::string(kInk) + "\">" +
             html_escape(zone.label) + "</text>";
  }
  for (const BoardNote& note : board.notes) {
    const std::string colour = note.colour.empty() ? "#fde68a" : note.colour;
    const double x = note.x, y = note.y, note_width = note_width_of(note);
    const double note_height = note.height > 0 ? note.height : note_width * 0.72;
    out += "<g><rect x=\"" + svg_number(x + font * 0.25) + "\" y=\"" + svg_number(y + font * 0.35) +
           "\" width=\"" + svg_number(note_width) + "\" height=\"" + svg_number(note_height) +
           "\" fill=\"#0f172a\" fill-opacity=\"0.12\"/>";
    out += "<rect x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" width=\"" + svg_number(note_width) +
           "\" height=\"" + svg_number(note_height) + "\" fill=\"" + html_escape(colour) + "\"/>";
    const auto lines = text::wrap(note.text, 17, 5);
    double line_y = y + font * 1.5;
    for (const std::string& line : lines) {
      out += "<text x=\"" + svg_number(x + font * 0.6) + "\" y=\"" + svg_number(line_y) + "\" font-size=\"" +
             svg_number(font) + "\" fill=\"" + std::string(kInk) + "\">" + html_escape(line) + "</text>";
      line_y += font * 1.25;
    }
    if (note.likes > 0)
      out += "<text x=\"" + svg_number(x + note_width - font * 0.5) + "\" y=\"" +
             svg_number(y + note_height - font * 0.5) + "\" text-anchor=\"end\" font-size=\"" + svg_number(font) +
             "\" font-weight=\"700\" fill=\"" + std::string(kAccent) + "\">♥ " + std::to_string(note.likes) + "</text>";
    out += "</g>";
  }
  return out + "</svg>";
}

}  // namespace palabre::report::svg
