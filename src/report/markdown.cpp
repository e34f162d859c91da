// Markdown: the HTML report's content in CommonMark with GitHub-flavoured tables. Charts become
// tables with a bar of block characters; the board becomes its lists of ideas.
#include <algorithm>
#include <numeric>

#include "report/locale.hpp"
#include "report/render.hpp"
#include "report/text.hpp"

namespace palabre::report {

namespace {
using text::markdown_inline;
std::string md(std::string_view s) { return markdown_inline(s); }

// A 20-cell bar: "██████░░░░░░░░░░░░░░".
std::string block_bar(double fraction) {
  const int filled = int(std::clamp(fraction, 0.0, 1.0) * 20.0 + 0.5);
  std::string out;
  for (int i = 0; i < 20; ++i) out += i < filled ? "█" : "░";
  return out;
}

// Text block (description, page text) as Markdown paragraphs: each source line is kept as a line.
std::string block(std::string_view text) {
  std::string out;
  for (std::string_view line : text::lines(text)) {
    std::string_view trimmed = line;
    while (!trimmed.empty() && trimmed.front() == ' ') trimmed.remove_prefix(1);
    while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
    if (trimmed.empty()) {
      if (!out.empty() && !out.ends_with("\n\n")) out += "\n";
      continue;
    }
    if (trimmed.starts_with("- ") || trimmed.starts_with("• "))
      out += "- " + md(trimmed.substr(trimmed.starts_with("- ") ? 2 : 4)) + "\n";
    else
      out += md(trimmed) + "  \n";
  }
  return out + "\n";
}

std::string quote(std::string_view text) {
  std::string out;
  for (std::string_view line : text::lines(text)) out += "> " + md(line) + "\n";
  return out;
}

std::string figures(const std::vector<std::pair<std::string, std::string_view>>& items, Lang lang) {
  std::string out;
  for (const auto& [value, label] : items)
    out += "- " + std::string(label) + (lang == Lang::fr ? "\u202F: **" : ": **") + value + "**\n";
  return out + "\n";
}

std::string author_or_anonymous(const std::string& author, const Labels& l) {
  return author.empty() ? "*" + std::string(l.anonymous) + "*" : "**" + md(author) + "**";
}

std::string authored(const std::vector<Authored>& items, const Labels& l) {
  if (items.empty()) return "*" + std::string(l.no_entries) + "*\n\n";
  std::string out;
  for (const Authored& item : items) out += author_or_anonymous(item.author, l) + "\n" + quote(item.text) + "\n";
  return out;
}

std::string choice_table(const std::vector<Choice>& choices, Lang lang, bool quiz) {
  const Labels& l = labels(lang);
  std::string out = "| " + std::string(lang == Lang::fr ? "Choix" : "Choice") + " | % | " +
                    std::string(l.answer_many) + " | |\n|---|---:|---:|---|\n";
  for (const Choice& c : choices)
    out += "| " + std::string(quiz && c.correct ? "✓ " : "") + md(c.label) + " | " + format_percent(c.percent, lang) +
           " | " + format_count(c.count, lang) + " | " + block_bar(c.percent / 100.0) + " |\n";
  return out + "\n";
}

std::string rating_table(const RatingSummary& r, Lang lang) {
  const Labels& l = labels(lang);
  // A bar is its share of all votes, as in the HTML report (svg::rating_bars).
  const int total = std::accumulate(r.distribution.begin(), r.distribution.end(), 0);
  std::string out = "| ★ | " + std::string(l.vote_many) + " | |\n|---:|---:|---|\n";
  for (int star = int(r.distribution.size()); star >= 1; --star) {
    const int votes = r.distribution[std::size_t(star - 1)];
    out += "| " + std::to_string(star) + " | " + format_count(votes, lang) + " | " +
           block_bar(total ? double(votes) / total : 0.0) + " |\n";
  }
  return out + "\n";
}

// Core's word cloud as one line, most frequent first: "Élan (3) · Œuvre (2) · Rentrée intense (1)".
std::string word_cloud(const std::vector<WordCount>& words, const Labels& l) {
  std::string out = "#### " + std::string(l.word_cloud) + "\n\n";
  for (std::size_t i = 0; i < words.size(); ++i)
    out += (i ? " · " : "") + md(words[i].text) + " (" + std::to_string(words[i].count) + ")";
  return out + "\n\n";
}

std::string ideas(const std::vector<IdeaGroup>& groups, Lang lang) {
  const Labels& l = labels(lang);
  std::string out;
  for (const IdeaGroup& g : groups) {
    out += "#### " + md(g.category.empty() ? l.uncategorised : g.category) + " (" +
           counted(std::int64_t(g.ideas.size()), l.idea_one, l.idea_many, lang) + ")\n\n";
    if (g.ideas.empty()) out += "*" + std::string(l.no_entries) + "*\n";
    for (const Idea& i : g.ideas) {
      out += "- " + md(i.text) + " — ♥ " + std::to_string(i.likes);
      if (!i.author.empty()) out += " — " + md(i.author);
      out += "\n";
    }
    out += "\n";
  }
  return out;
}

std::string question_head(int number, std::string_view text, const std::string& kind, std::string_view hint,
                          const Labels& l) {
  std::string out = "#### " + std::string(l.question) + " " + std::to_string(number) + "\n\n**" + md(text) + "**\n\n*" +
                    md(kind) + "*\n\n";
  if (!hint.empty()) out += "> " + md(hint) + "\n\n";
  return out;
}

std::string detail_md(const Activity& a, Lang lang) {
  const Labels& l = labels(lang);
  std::string out;
  std::visit(
      [&](const auto& d) {
        using T = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<T, ChallengeDetail>) {
          if (!d.question.empty() && d.question != a.title) out += md(d.question) + "\n\n";
          if (!d.hint.empty()) out += "*" + md(d.hint) + "*\n\n";
          out += "### " + std::string(l.quote_open) + md(d.answer) + std::string(l.quote_close) + "\n\n";
          if (d.won) {
            out += std::string(l.won_by) + " **" + md(d.winner.empty() ? l.anonymous : d.winner) + "**\n\n";
            out += "- " + counted(d.winner_attempts, l.attempt_one, l.attempt_many, lang) + " " +
                   std::string(l.by_the_winner) + "\n- " + counted(d.attempts, l.attempt_one, l.attempt_many, lang) +
                   " " + std::string(l.in_all) + "\n- " + counted(d.seconds_to_win, l.second_one, l.second_many, lang) +
                   "\n- " +
                   format_percent(a.participation.percent, lang) + " " + std::string(l.participation) + "\n\n";
          } else {
            out += std::string(l.not_won) + " (" + std::string(l.expected_answer) + ")\n\n- " +
                   counted(d.attempts, l.attempt_one, l.attempt_many, lang) + " " + std::string(l.in_all) + "\n- " +
                   format_percent(a.participation.percent, lang) + " " + std::string(l.participation) + "\n\n";
          }
        } else if constexpr (std::is_same_v<T, QuizDetail>) {
          out += figures({{format_count(a.participation.took_part, lang), l.participants_count},
                          {format_count(std::int64_t(d.questions.size()), lang), l.questions_count}}, lang);
          if (!d.leaderboard.empty()) {
            out += "#### " + std::string(l.podium) + "\n\n";
            static constexpr std::string_view kMedals[] = {"🥇", "🥈", "🥉"};
            for (std::size_t i = 0; i < std::min<std::size_t>(3, d.leaderboard.size()); ++i)
              out += std::string(kMedals[i]) + " **" + md(d.leaderboard[i].name.empty() ? l.anonymous : d.leaderboard[i].name) +
                     "** — " + counted(d.leaderboard[i].points, l.point_one, l.point_many, lang) + "  \n";
            out += "\n#### " + std::string(l.leaderboard) + "\n\n| " + std::string(l.rank) + " | " + std::string(l.name) +
                   " | " + std::string(l.correct_answers) + " | " + std::string(l.points) + " |\n|---:|---|---:|---:|\n";
            for (std::size_t i = 0; i < std::min<std::size_t>(20, d.leaderboard.size()); ++i) {
              const LeaderboardRow& r = d.leaderboard[i];
              out += "| " + std::to_string(r.rank) + " | " + md(r.name.empty() ? l.anonymous : r.name) + " | " +
                     format_count(r.correct_answers, lang) + " | " + format_count(r.points, lang) + " |\n";
            }
            out += "\n";
          }
          for (const QuizQuestion& q : d.questions) {
            std::string kind = format_percent(q.percent_correct, lang) + " " + std::string(l.correct) + " · " +
                               counted(q.answered, l.answer_one, l.answer_many, lang);
            if (q.time_limit_seconds > 0)
              kind += " · " + std::string(l.time_limit) + " " + std::to_string(q.time_limit_seconds) + " s";
            out += question_head(q.number, q.text, kind, "", l) + choice_table(q.choices, lang, true);
          }
        } else if constexpr (std::is_same_v<T, SurveyDetail>) {
          out += figures({{format_count(a.participation.took_part, lang), l.participants_count},
                          {format_count(std::int64_t(d.questions.size()), lang), l.questions_count}}, lang);
          for (const SurveyQuestion& q : d.questions) {
            out += question_head(q.number, q.text, survey_question_line(q, lang), q.hint, l);
            switch (q.kind) {
              case QuestionKind::single_choice:
              case QuestionKind::multiple_choice: out += choice_table(q.choices, lang, false); break;
              case QuestionKind::open: out += authored(q.answers, l); break;
              case QuestionKind::ranking:
                for (const RankedItem& r : q.ranking)
                  out += std::to_string(r.position) + ". " + md(r.label) + " — " +
                         counted(r.score, l.point_one, l.point_many, lang) + "\n";
                out += "\n";
                break;
              case QuestionKind::rating:
                out += "**" + format_tenths(q.rating.average_tenths, lang) + "** " + std::string(l.group_average) + " (" +
                       counted(q.rating.votes, l.vote_one, l.vote_many, lang) + ")\n\n" + rating_table(q.rating, lang);
                if (!q.comments.empty()) out += "**" + std::string(l.comments) + "**\n\n" + authored(q.comments, l);
                break;
            }
          }
        } else if constexpr (std::is_same_v<T, BrainstormDetail>) {
          out += figures({{format_count(a.participation.took_part, lang), l.participants_count},
                          {format_count(d.idea_count, lang), l.ideas_count}}, lang);
          if (!d.prompt.empty() && d.prompt != a.title) out += "**" + md(d.prompt) + "**\n\n";
          if (d.one_word && !d.words.empty()) out += word_cloud(d.words, l);
          out += ideas(d.groups, lang);
        } else if constexpr (std::is_same_v<T, BoardDetail>) {
          out += figures({{format_count(a.participation.took_part, lang), l.participants_count},
                          {format_count(d.idea_count, lang), l.ideas_posted_count}}, lang);
          if (!d.prompt.empty() && d.prompt != a.title) out += "**" + md(d.prompt) + "**\n\n";
          out += ideas(d.groups, lang);
        } else if constexpr (std::is_same_v<T, RatingDetail>) {
          if (!d.question.empty() && d.question != a.title) out += md(d.question) + "\n\n";
          out += "*" + std::string(l.kind_rating_question) + "*\n\n**" + format_tenths(d.rating.average_tenths, lang) +
                 "** " + std::string(l.group_average_lower) + "\n\n" + format_headline(a.headline, lang) + "\n\n" +
                 rating_table(d.rating, lang);
        } else {
          out += figures({{format_count(a.participation.took_part, lang), l.participants_count},
                          {format_count(std::int64_t(d.questions.size()), lang), l.questions_count}}, lang);
          if (d.questions.empty()) out += "*" + std::string(l.no_entries) + "*\n\n";
          for (const QnaQuestion& q : d.questions)
            out += "- **" + counted(q.votes, l.vote_one, l.vote_many, lang) + "** — " + md(q.text) + " — " +
                   author_or_anonymous(q.author, l) + " — *" + std::string(q.answered ? l.answered : l.not_answered) +
                   "*\n";
          out += "\n";
        }
      },
      a.detail);
  return out;
}
}  // namespace

std::string render_markdown(const Report& report) {
  const Lang lang = report.lang;
  const Labels& l = labels(lang);
  const Header& h = report.header;
  std::string out;
  out.reserve((1 << 16) + record_count(report) * 32);
  out += "# " + std::string(l.report_title) + "\n\n**" + md(h.title) + "**\n\n";
  if (!h.host.empty()) out += std::string(l.hosted_by) + " " + md(h.host) + "\n\n";

  out += "## " + std::string(l.contents) + "\n\n";
  for (const TocEntry& entry : table_of_contents(report))
    out += std::string(entry.level == 2 ? "  " : "") + "- [" + md(entry.label) + "](#" + entry.anchor + ")\n";
  out += "\n";

  out += "<a id=\"compte-rendu\"></a>\n\n## " + std::string(l.summary_section) + "\n\n### " + md(h.title) + "\n\n";
  if (h.date.known()) out += format_date(h.date, lang) + "\n\n";
  if (!h.host.empty()) out += std::string(l.hosted_by) + " " + md(h.host) + "\n\n";
  out += block(h.description);
  if (h.removed > 0) {
    const std::string colon = lang == Lang::fr ? " : " : ": ";
    out += std::string(l.removed_count) + colon + format_count(h.removed, lang) + " · " + std::string(l.hidden_count) +
           colon + format_count(h.hidden, lang) + "\n\n";
  }

  if (!report.activities.empty()) {
    out += "<a id=\"activites\"></a>\n\n## " + std::string(l.activities_section) + "\n\n";
    for (const Activity& a : report.activities)
      out += "- [" + md(a.title) + "](#" + a.id + ") — " + md(format_headline(a.headline, lang)) + "\n";
    out += "\n";
    for (std::size_t i = 0; i < report.activities.size(); ++i) {
      const Activity& a = report.activities[i];
      out += "<a id=\"" + a.id + "\"></a>\n\n### " + std::to_string(i + 1) + ". " + md(a.title) + "\n\n*" +
             std::string(kind_label(a.kind(), lang)) + "*" + (a.anonymous ? " · *" + std::string(l.anonymous) + "*" : "") +
             " · " + format_count(a.participation.took_part, lang) + " / " +
             format_count(a.participation.session_participants, lang) + " " + std::string(l.session_participants) +
             " · " + format_percent(a.participation.percent, lang) + " " + std::string(l.participation) + "\n\n";
      if (a.anonymous) out += "*" + std::string(l.anonymous_activity) + "*\n\n";
      if (!a.instructions.empty()) out += quote(a.instructions) + "\n";
      for (const EmbeddedImage& image : a.images) out += "![](" + image_file_name(image.ref, image.mime) + ")\n\n";
      out += detail_md(a, lang);
    }
  }

  if (!report.presentations.empty()) {
    out += "<a id=\"presentations\"></a>\n\n## " + std::string(l.presentations_section) + "\n\n" +
           figures({{format_count(std::int64_t(report.presentations.size()), lang), l.presentations_count}}, lang);
    for (const Presentation& p : report.presentations) {
      out += "### " + md(p.title) + "\n\n" + counted(std::int64_t(p.pages.size()), l.page_one, l.page_many, lang) + "\n\n";
      for (const Page& page : p.pages) {
        out += "#### " + std::string(l.page) + " " + std::to_string(page.number) + "\n\n";
        if (!page.title.empty()) out += "**" + md(page.title) + "**\n\n";
        out += block(page.text);
        if (!page.image_ref.empty()) out += "![" + md(page.title) + "](" + image_file_name(page.image_ref, page.image_mime) + ")\n\n";
      }
    }
  }

  if (!report.messages.empty()) {
    out += "<a id=\"messages\"></a>\n\n## " + std::string(l.messages_section) + "\n\n" +
           figures({{format_count(std::int64_t(report.messages.size()), lang), l.messages_count}}, lang);
    for (const Authored& m : report.messages)
      out += author_or_anonymous(m.author, l) + " " + format_date_time(m.at, lang) + "\n" + quote(m.text) + "\n";
  }
  if (!report.left_out.empty()) {
    out += "<a id=\"left-out\"></a>\n\n## " + std::string(l.left_out_section) + "\n\n" + std::string(l.left_out_intro) + "\n\n";
    for (const Report::LeftOut& x : report.left_out)
      out += "- seq " + std::to_string(x.seq) + " (line " + std::to_string(x.line) + "): `" + x.reason + "`\n";
    out += "\n";
  }
  out += "---\n\n*" + std::string(l.generated_by) + "*\n";
  return out;
}

std::string image_file_name(std::string_view ref, std::string_view mime) {
  const std::string_view ext = mime == "image/jpeg" ? ".jpg" : mime == "image/gif" ? ".gif" : mime == "image/webp" ? ".webp" : ".png";
  return "images/" + std::string(ref) + std::string(ext);
}

}  // namespace palabre::report
