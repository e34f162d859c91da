// The HTML report: one self-contained file (inline CSS and SVG, no script, no external URL),
// readable on a phone, printable with sensible page breaks. Its style sheet: html_style.cpp.
//
// [SECTION] Small builders (text blocks, figures, people)
// [SECTION] Activity details
// [SECTION] Document
#include <algorithm>

#include "core/rich_text.hpp"
#include "report/html_style.hpp"
#include "report/locale.hpp"
#include "report/render.hpp"
#include "report/svg.hpp"
#include "report/text.hpp"

namespace palabre::report {

namespace {
using text::html_escape;

// [SECTION] Small builders ------------------------------------------------------------------------

std::string e(std::string_view text) { return html_escape(text); }

// Plain text → paragraphs; lines starting with "- " or "• " become list items.
bool safe_image_mime(std::string_view mime);
bool safe_base64(std::string_view data);

// An embedded picture as an <img> with a data: URI: never a request (checked: a mime and base64
// that could break out of the attribute are not written).
std::string image_html(std::string_view mime, std::string_view base64, std::string_view alt) {
  if (!safe_image_mime(mime) || base64.empty() || !safe_base64(base64)) return {};
  return "<img alt=\"" + e(alt) + "\" src=\"data:" + std::string(mime) + ";base64," + std::string(base64) + "\">";
}

// A page's rich text (core/rich_text.hpp): headings, bullet and numbered lists, bold, line breaks.
std::string rich_html(std::string_view text) {
  std::string out, paragraph;
  const char* list = nullptr;  // "ul" / "ol" while one is open
  const auto spans = [](const core::RichLine& line) {
    std::string html;
    for (const auto& span : line.spans) html += span.bold ? "<strong>" + e(span.text) + "</strong>" : e(span.text);
    return html;
  };
  const auto close = [&](const char* keep) {
    if (!paragraph.empty()) out += "<p>" + paragraph + "</p>";
    paragraph.clear();
    if (list && list != keep) out += std::string("</") + list + ">";
    if (list != keep) list = nullptr;
  };
  for (const auto& line : core::parse_rich_text(text)) {
    using K = core::RichLineKind;
    if (line.kind == K::bullet || line.kind == K::numbered) {
      const char* kind = line.kind == K::bullet ? "ul" : "ol";
      close(kind);
      if (!list) out += std::string("<") + kind + ">";
      list = kind;
      out += "<li>" + spans(line) + "</li>";
    } else if (line.kind == K::heading) {
      close(nullptr);
      out += "<h5>" + spans(line) + "</h5>";
    } else if (line.kind == K::gap) {
      close(nullptr);
    } else {
      if (list) close(nullptr);  // a line after a list starts a paragraph; after a line, it goes on it
      paragraph += (paragraph.empty() ? "" : "<br>") + spans(line);
    }
  }
  close(nullptr);
  return out;
}

std::string prose(std::string_view text) {
  std::string out;
  std::string paragraph;
  bool in_list = false;
  auto flush_paragraph = [&] {
    if (!paragraph.empty()) out += "<p>" + paragraph + "</p>";
    paragraph.clear();
  };
  for (std::string_view line : text::lines(text)) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    std::string_view trimmed = line;
    while (!trimmed.empty() && trimmed.front() == ' ') trimmed.remove_prefix(1);
    const bool bullet = trimmed.starts_with("- ") || trimmed.starts_with("• ");
    if (bullet) {
      flush_paragraph();
      if (!in_list) out += "<ul>";
      in_list = true;
      out += "<li>" + e(trimmed.substr(trimmed.starts_with("- ") ? 2 : 4)) + "</li>";
      continue;
    }
    if (in_list) out += "</ul>";
    in_list = false;
    if (trimmed.empty()) {
      flush_paragraph();
      continue;
    }
    if (!paragraph.empty()) paragraph += "<br>";
    paragraph += e(trimmed);
  }
  if (in_list) out += "</ul>";
  flush_paragraph();
  return out;
}

struct Figure {
  Figure(std::string v, std::string_view l) : value(std::move(v)), label(l) {}
  Figure(std::string v, std::string l) : value(std::move(v)), label(std::move(l)) {}
  std::string value;
  std::string label;
};
// Value first, as the seed's "2 tentatives", "27 secondes".
std::string figures(const std::vector<Figure>& items) {
  std::string out = "<ul class=\"figures\">";
  for (const Figure& f : items) out += "<li><b>" + e(f.value) + "</b> " + e(f.label) + "</li>";
  return out + "</ul>";
}

// Label first, as the seed's "Nombre de participants 50".
std::string stats(const std::vector<Figure>& items) {
  std::string out = "<ul class=\"figures stats\">";
  for (const Figure& f : items) out += "<li>" + e(f.label) + " <b>" + e(f.value) + "</b></li>";
  return out + "</ul>";
}

std::string who(const std::string& author, const Labels& l) {
  if (author.empty()) return "<p class=\"who anon\">" + e(l.anonymous) + "</p>";
  return "<p class=\"who\">" + e(author) + "</p>";
}

std::string authored_list(const std::vector<Authored>& items, const Labels& l) {
  if (items.empty()) return "<p class=\"empty\">" + e(l.no_entries) + "</p>";
  std::string out = "<ul class=\"answers\">";
  for (const Authored& item : items)
    out += "<li>" + who(item.author, l) + "<p class=\"what\">" + e(item.text) + "</p></li>";
  return out + "</ul>";
}

std::string stars(int average_tenths, int scale) {
  const int full = (average_tenths + 5) / 10;  // nearest whole star for the picture only
  std::string out = "<span class=\"stars\" aria-hidden=\"true\">";
  for (int i = 1; i <= scale; ++i) out += i <= full ? "★" : "<s>★</s>";
  return out + "</span>";
}

std::string average_block(const RatingSummary& rating, std::string_view label, Lang lang) {
  const Labels& l = labels(lang);
  // The label follows the figure in the text ("4,3 Moyenne du groupe", as the seed reads); the stars
  // are drawn above it by the column-reverse layout.
  return "<div class=\"average\"><span class=\"big\">" + e(format_tenths(rating.average_tenths, lang)) +
         "</span><div><small>" + e(label) + " · " + e(counted(rating.votes, l.vote_one, l.vote_many, lang)) +
         "</small>" + stars(rating.average_tenths, rating.scale) + "</div></div>";
}

// [SECTION] Activity details -----------------------------------------------------------------------

std::string challenge_html(const ChallengeDetail& d, const Activity& a, Lang lang) {
  const Labels& l = labels(lang);
  std::string out = "<div class=\"challenge\">";
  if (!d.question.empty() && d.question != a.title) out += "<p>" + e(d.question) + "</p>";
  if (!d.hint.empty()) out += "<p class=\"hint\">" + e(d.hint) + "</p>";
  out += "<p class=\"challenge-answer\">" + e(l.quote_open) + e(d.answer) + e(l.quote_close) + "</p>";
  const std::string attempts_word(plural_form(d.attempts, l.attempt_one, l.attempt_many, lang));
  if (d.won) {
    out += "<p class=\"winner\">" + e(l.won_by) + " <strong>" + e(d.winner.empty() ? l.anonymous : d.winner) +
           "</strong></p>";
    const std::string winner_word =
        std::string(plural_form(d.winner_attempts, l.attempt_one, l.attempt_many, lang)) + " " + std::string(l.by_the_winner);
    out += figures({{format_count(d.winner_attempts, lang), winner_word},
                    {format_count(d.attempts, lang), attempts_word + " " + std::string(l.in_all)},
                    {format_count(d.seconds_to_win, lang),
                     std::string(plural_form(d.seconds_to_win, l.second_one, l.second_many, lang))},
                    {format_percent(a.participation.percent, lang), std::string(l.participation)}});
  } else {
    out += "<p class=\"winner\">" + e(l.not_won) + " (" + e(l.expected_answer) + ")</p>";
    out += figures({{format_count(d.attempts, lang), attempts_word + " " + std::string(l.in_all)},
                    {format_percent(a.participation.percent, lang), std::string(l.participation)}});
  }
  return out + "</div>";
}

std::string question_head(int number, std::string_view text, std::string kind_line, std::string_view hint,
                          const Labels& l) {
  std::string out = "<div class=\"question\"><p class=\"qnum\">" + e(l.question) + " " + std::to_string(number) +
                    "</p><h4>" + e(text) + "</h4><p class=\"qkind\">" + e(kind_line) + "</p>";
  if (!hint.empty()) out += "<p class=\"hint\">" + e(hint) + "</p>";
  return out;
}

std::string survey_html(const SurveyDetail& d, const Activity& a, Lang lang) {
  const Labels& l = labels(lang);
  std::string out = stats({{format_count(a.participation.took_part, lang), l.participants_count},
                             {format_count(std::int64_t(d.questions.size()), lang), l.questions_count}});
  for (const SurveyQuestion& q : d.questions) {
    out += question_head(q.number, q.text, survey_question_line(q, lang), q.hint, l);
    switch (q.kind) {
      case QuestionKind::single_choice:
      case QuestionKind::multiple_choice: out += svg::choice_bars(q.choices, lang, q.text); break;
      case QuestionKind::open: out += authored_list(q.answers, l); break;
      case QuestionKind::ranking: out += svg::ranking_bars(q.ranking, lang, q.text); break;
      case QuestionKind::rating:
        out += average_block(q.rating, l.group_average, lang);
        out += svg::rating_bars(q.rating, lang, l.distribution);
        if (!q.comments.empty()) {
          out += "<h4 class=\"group\">" + e(l.comments) + " <small>" + std::to_string(q.comments.size()) + "</small></h4>";
          out += authored_list(q.comments, l);
        }
        break;
    }
    out += "</div>";
  }
  return out;
}

std::string idea_groups(const std::vector<IdeaGroup>& groups, Lang lang) {
  const Labels& l = labels(lang);
  std::string out;
  for (const IdeaGroup& group : groups) {
    out += "<h4 class=\"group\">" + e(group.category.empty() ? l.uncategorised : group.category) + " <small>" +
           e(counted(std::int64_t(group.ideas.size()), l.idea_one, l.idea_many, lang)) + "</small></h4>";
    if (group.ideas.empty()) {
      out += "<p class=\"empty\">" + e(l.no_entries) + "</p>";
      continue;
    }
    out += "<ul class=\"ideas\">";
    for (const Idea& idea : group.ideas)
      out += "<li><span class=\"txt\">" + e(idea.text) + "</span><span class=\"by\"><span>" + e(idea.author) +
             "</span><span class=\"likes\" title=\"" + e(l.like_many) + "\">♥ " + std::to_string(idea.likes) +
             "</span></span></li>";
    out += "</ul>";
  }
  return out;
}

// Core's word cloud (BrainstormDetail::words, most frequent first), each entry sized by its count.
std::string word_cloud(const std::vector<WordCount>& words) {
  int most = 1;
  for (const WordCount& w : words) most = std::max(most, w.count);
  static constexpr std::string_view kColours[] = {"#4f46e5", "#7c3aed", "#db2777", "#0891b2", "#059669", "#d97706"};
  std::string out = "<p class=\"cloud\">";
  for (std::size_t i = 0; i < words.size(); ++i) {
    const int size = 15 + (words[i].count - 1) * 25 / std::max(1, most - 1);
    out += "<span style=\"font-size:" + std::to_string(size) + "px;color:" + std::string(kColours[i % 6]) + "\">" +
           e(words[i].text) + "</span> ";
  }
  return out + "</p>";
}

std::string brainstorm_html(const BrainstormDetail& d, const Activity& a, Lang lang) {
  const Labels& l = labels(lang);
  std::string out = stats({{format_count(a.participation.took_part, lang), l.participants_count},
                             {format_count(d.idea_count, lang), l.ideas_count}});
  if (!d.prompt.empty() && d.prompt != a.title) out += "<p><strong>" + e(d.prompt) + "</strong></p>";
  if (d.one_word && d.idea_count > 0) out += "<h4 class=\"group\">" + e(l.word_cloud) + "</h4>" + word_cloud(d.words);
  return out + idea_groups(d.groups, lang);
}

std::string board_html(const BoardDetail& d, const Activity& a, Lang lang) {
  const Labels& l = labels(lang);
  std::string out = stats({{format_count(a.participation.took_part, lang), l.participants_count},
                             {format_count(d.idea_count, lang), l.ideas_posted_count}});
  if (!d.prompt.empty() && d.prompt != a.title) out += "<p><strong>" + e(d.prompt) + "</strong></p>";
  out += "<h4 class=\"group\">" + e(l.board_picture) + "</h4>" + svg::board(d, a.title);
  return out + idea_groups(d.groups, lang);
}

std::string rating_html(const RatingDetail& d, const Activity& a, Lang lang) {
  const Labels& l = labels(lang);
  std::string out;
  if (!d.question.empty() && d.question != a.title) out += "<p>" + e(d.question) + "</p>";
  out += "<p class=\"qkind\">" + e(l.kind_rating_question) + "</p>";
  out += average_block(d.rating, l.group_average_lower, lang);
  out += figures({{format_headline(a.headline, lang), std::string_view{}}});
  out += svg::rating_bars(d.rating, lang, l.distribution);
  return out;
}

std::string quiz_html(const QuizDetail& d, const Activity& a, Lang lang) {
  const Labels& l = labels(lang);
  std::string out = stats({{format_count(a.participation.took_part, lang), l.participants_count},
                             {format_count(std::int64_t(d.questions.size()), lang), l.questions_count}});
  if (!d.leaderboard.empty()) {
    out += "<h4 class=\"group\">" + e(l.podium) + "</h4>" + svg::podium(d.leaderboard, lang, l.podium);
    out += "<h4 class=\"group\">" + e(l.leaderboard) + "</h4><table><thead><tr><th class=\"num\">" + e(l.rank) +
           "</th><th>" + e(l.name) + "</th><th class=\"num\">" + e(l.correct_answers) + "</th><th class=\"num\">" +
           e(l.points) + "</th></tr></thead><tbody>";
    const std::size_t shown = std::min<std::size_t>(d.leaderboard.size(), 20);  // the full list is in CSV/JSON
    for (std::size_t i = 0; i < shown; ++i) {
      const LeaderboardRow& row = d.leaderboard[i];
      out += "<tr><td class=\"num\">" + std::to_string(row.rank) + "</td><td>" +
             e(row.name.empty() ? l.anonymous : row.name) + "</td><td class=\"num\">" +
             format_count(row.correct_answers, lang) + "</td><td class=\"num\">" + format_count(row.points, lang) +
             "</td></tr>";
    }
    out += "</tbody></table>";
  }
  for (const QuizQuestion& q : d.questions) {
    std::string kind = format_percent(q.percent_correct, lang) + " " + std::string(l.correct) + " · " +
                       counted(q.answered, l.answer_one, l.answer_many, lang);
    if (q.time_limit_seconds > 0)
      kind += " · " + std::string(l.time_limit) + " " + std::to_string(q.time_limit_seconds) + " s";
    out += question_head(q.number, q.text, kind, "", l) + svg::choice_bars(q.choices, lang, q.text) + "</div>";
  }
  return out;
}

std::string qna_html(const QnaDetail& d, const Activity& a, Lang lang) {
  const Labels& l = labels(lang);
  std::string out = stats({{format_count(a.participation.took_part, lang), l.participants_count},
                             {format_count(std::int64_t(d.questions.size()), lang), l.questions_count}});
  if (d.questions.empty()) return out + "<p class=\"empty\">" + e(l.no_entries) + "</p>";
  out += "<ol class=\"qna\">";
  for (const QnaQuestion& q : d.questions) {
    out += "<li><div class=\"votes\">" + std::to_string(q.votes) + "<small>" +
           e(plural_form(q.votes, l.vote_one, l.vote_many, lang)) + "</small></div><div>" + "<p class=\"what\">" + e(q.text) +
           "<span class=\"state " + (q.answered ? "done\">" + e(l.answered) : "open\">" + e(l.not_answered)) +
           "</span></p><p class=\"hint\">" + e(q.author.empty() ? l.anonymous : q.author) + "</p></div></li>";
  }
  return out + "</ol>";
}

std::string activity_html(const Activity& a, std::size_t index, Lang lang) {
  const Labels& l = labels(lang);
  std::string out = "<article class=\"card activity\" id=\"" + e(a.id) + "\"><span class=\"kind\">" +
                    e(kind_label(a.kind(), lang)) + "</span>";
  if (a.anonymous) out += "<span class=\"kind anon\">" + e(l.anonymous) + "</span>";
  out += "<h3>" + std::to_string(index + 1) + ". " + e(a.title) + "</h3>";
  const Participation& p = a.participation;
  out += "<div class=\"participation\"><span class=\"meter\"><i style=\"width:" +
         std::to_string(std::clamp(p.percent, 0, 100)) + "%\"></i></span><span>" + format_count(p.took_part, lang) +
         " / " + format_count(p.session_participants, lang) + " " + e(l.session_participants) + " · <b>" +
         e(format_percent(p.percent, lang)) + "</b> " + e(l.participation) + "</span></div>";
  if (a.anonymous) out += "<p class=\"hint\">" + e(l.anonymous_activity) + "</p>";
  if (!a.instructions.empty()) out += "<div class=\"instructions prose\">" + prose(a.instructions) + "</div>";
  if (!a.images.empty()) {
    out += "<div class=\"figures\">";
    for (const EmbeddedImage& image : a.images) out += image_html(image.mime, image.base64, a.title);
    out += "</div>";
  }
  std::visit(
      [&](const auto& d) {
        using T = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<T, ChallengeDetail>) out += challenge_html(d, a, lang);
        else if constexpr (std::is_same_v<T, QuizDetail>) out += quiz_html(d, a, lang);
        else if constexpr (std::is_same_v<T, SurveyDetail>) out += survey_html(d, a, lang);
        else if constexpr (std::is_same_v<T, BrainstormDetail>) out += brainstorm_html(d, a, lang);
        else if constexpr (std::is_same_v<T, BoardDetail>) out += board_html(d, a, lang);
        else if constexpr (std::is_same_v<T, RatingDetail>) out += rating_html(d, a, lang);
        else if constexpr (std::is_same_v<T, QnaDetail>) out += qna_html(d, a, lang);
      },
      a.detail);
  return out + "</article>";
}

bool safe_image_mime(std::string_view mime) {
  return mime == "image/png" || mime == "image/jpeg" || mime == "image/gif" || mime == "image/webp";
}

bool safe_base64(std::string_view data) {
  return std::all_of(data.begin(), data.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
  });
}

}  // namespace

// [SECTION] Document --------------------------------------------------------------------------------

std::string render_html(const Report& report) {
  const Lang lang = report.lang;
  const Labels& l = labels(lang);
  const Header& h = report.header;
  std::string out;
  out.reserve((1 << 17) + record_count(report) * 64);
  out += "<!DOCTYPE html>\n<html lang=\"" + std::string(l.html_lang) + "\"><head><meta charset=\"utf-8\">";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  out += "<meta name=\"generator\" content=\"Palabre\">";
  out += "<title>" + e(l.report_title) + " — " + e(h.title) + "</title><style>" + std::string(html_style()) +
         "</style></head><body><main>\n";

  // Cover: what the seed's first lines say, plus the session's totals.
  out += "<header class=\"cover\"><p class=\"kicker\">" + e(l.report_title) + "</p><h1>" + e(h.title) + "</h1>";
  out += "<p class=\"meta\">";
  if (h.date.known()) out += "<span>" + e(format_date(h.date, lang)) + "</span>";
  if (!h.host.empty()) out += "<span>" + e(l.hosted_by) + " <b>" + e(h.host) + "</b></span>";
  out += "</p><ul class=\"totals\"><li><b>" + format_count(h.participants, lang) + "</b>" + e(l.participants_count) +
         "</li><li><b>" + format_count(std::int64_t(report.activities.size()), lang) + "</b>" +
         e(l.activities_section) + "</li><li><b>" + format_count(std::int64_t(report.messages.size()), lang) +
         "</b>" + e(l.messages_section) + "</li>";
  if (h.removed > 0)
    out += "<li><b>" + format_count(h.removed, lang) + "</b>" + e(l.removed_count) + "</li><li><b>" +
           format_count(h.hidden, lang) + "</b>" + e(l.hidden_count) + "</li>";
  out += "</ul></header>\n";

  // Sommaire.
  out += "<nav class=\"toc\" aria-label=\"" + e(l.contents) + "\"><h2>" + e(l.contents) + "</h2><ol>";
  const auto toc = table_of_contents(report);
  for (std::size_t i = 0; i < toc.size(); ++i) {
    const TocEntry& entry = toc[i];
    if (entry.level == 2 && (i == 0 || toc[i - 1].level == 1)) out += "<ol>";
    out += "<li><a href=\"#" + e(entry.anchor) + "\">" + e(entry.label) + "</a>";
    const bool next_is_child = i + 1 < toc.size() && toc[i + 1].level == 2;
    if (entry.level == 2 && !next_is_child) out += "</li></ol></li>";
    else if (entry.level == 1 && !next_is_child) out += "</li>";
    else if (entry.level == 2) out += "</li>";
  }
  out += "</ol></nav>\n";

  // Compte-rendu: the session's own description.
  out += "<section class=\"card\" id=\"compte-rendu\"><h2>" + e(h.title) + "</h2>";
  out += "<p class=\"date\">";
  if (h.date.known()) out += e(format_date(h.date, lang));
  if (h.date.known() && !h.host.empty()) out += " · ";
  if (!h.host.empty()) out += e(l.hosted_by) + " <b>" + e(h.host) + "</b>";
  out += "</p><div class=\"prose\">" + prose(h.description) + "</div></section>\n";

  if (!report.activities.empty()) {
    out += "<h2 class=\"section\" id=\"activites\">" + e(l.activities_section) + "</h2>";
    out += "<section class=\"card\"><ol class=\"summary\">";
    for (std::size_t i = 0; i < report.activities.size(); ++i) {
      const Activity& a = report.activities[i];
      out += "<li><a href=\"#" + e(a.id) + "\"><span class=\"n\">" + std::to_string(i + 1) +
             "</span><span class=\"t\"><span class=\"k\">" + e(kind_label(a.kind(), lang)) + "</span>" + e(a.title) +
             "</span><span class=\"f\">" + e(format_headline(a.headline, lang)) + "</span></a></li>";
    }
    out += "</ol></section>\n";
    for (std::size_t i = 0; i < report.activities.size(); ++i) out += activity_html(report.activities[i], i, lang) + "\n";
  }

  if (!report.presentations.empty()) {
    out += "<h2 class=\"section\" id=\"presentations\">" + e(l.presentations_section) + "</h2>";
    out += "<section class=\"card\">" +
           stats({{format_count(std::int64_t(report.presentations.size()), lang), l.presentations_count}});
    for (const Presentation& p : report.presentations) {
      out += "<div class=\"question\" id=\"" + e(p.id) + "\"><h3>" + e(p.title) + "</h3><p class=\"qkind\">" +
             e(counted(std::int64_t(p.pages.size()), l.page_one, l.page_many, lang)) + "</p>";
      for (const Page& page : p.pages) {
        out += "<article class=\"page\"><p class=\"qnum\">" + e(l.page) + " " + std::to_string(page.number) + "</p>";
        if (!page.title.empty()) out += "<h4>" + e(page.title) + "</h4>";
        out += "<div class=\"prose\">" + rich_html(page.text) + "</div>";
        out += image_html(page.image_mime, page.image_base64, page.title.empty() ? page.slide_text : page.title);
        if (!page.slide_text.empty()) out += "<details class=\"slide-text\"><summary>" + e(l.slide_text) + "</summary>" + prose(page.slide_text) + "</details>";
        out += "</article>";
      }
      out += "</div>";
    }
    out += "</section>\n";
  }

  if (!report.messages.empty()) {
    out += "<h2 class=\"section\" id=\"messages\">" + e(l.messages_section) + "</h2><section class=\"card\">" +
           stats({{format_count(std::int64_t(report.messages.size()), lang), l.messages_count}});
    out += "<ol class=\"messages\">";
    for (const Authored& m : report.messages)
      out += "<li><p class=\"head\"><b>" + e(m.author.empty() ? l.anonymous : m.author) + "</b><time datetime=\"" +
             e(format_iso8601(m.at)) + "\">" + e(format_date_time(m.at, lang)) + "</time></p><p class=\"body\">" +
             e(m.text) + "</p></li>";
    out += "</ol></section>\n";
  }

  if (!report.left_out.empty()) {
    out += "<h2 class=\"section\" id=\"left-out\">" + e(l.left_out_section) + "</h2><section class=\"card\"><p>" +
           e(l.left_out_intro) + "</p><ul>";
    for (const Report::LeftOut& x : report.left_out)
      out += "<li>seq " + std::to_string(x.seq) + " (line " + std::to_string(x.line) + "): <code>" + e(x.reason) + "</code></li>";
    out += "</ul></section>\n";
  }

  out += "<footer>" + e(l.generated_by) + "</footer></main></body></html>\n";
  return out;
}

}  // namespace palabre::report
