// Session → report model. Figures are read from core's aggregates; see from_session.hpp.
//
// [SECTION] Context (names, anonymity, time zone)
// [SECTION] Challenge, quiz, survey
// [SECTION] Brainstorm and board
// [SECTION] Rating, Q&A, presentation
// [SECTION] Report
#include "report/from_session.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/aggregates.hpp"
#include "core/board_layout.hpp"
#include "core/timezone_history.hpp"
#include "protocol/blobs.hpp"
#include "report/locale.hpp"

namespace palabre::report {

namespace {

// [SECTION] Context -------------------------------------------------------------------------------

// What every activity mapping needs: the session, its time zone, and whether names may show.
struct Context {
  const core::Session& session;
  core::TimeZone zone;
  Lang lang;

  Moment moment(std::int64_t utc_ms) const {
    if (utc_ms == 0) return {};
    return Moment{utc_ms, core::utc_offset_minutes(zone, utc_ms)};
  }
  // Member id → display name, hashed once: a 10,000-person session asks for names 100,000 times.
  std::unordered_map<std::string_view, std::string_view> names;

  // The display name of a member, or "" when the activity is anonymous (or nobody).
  std::string name(const core::Activity& activity, const std::string& member) const {
    if (activity.spec.anonymous || member.empty()) return {};
    return display_name(member);
  }
  std::string display_name(const std::string& member) const {
    const auto found = names.find(member);
    return found != names.end() ? std::string(found->second) : session.display_name(member);
  }
};

Participation participation(int took_part, int participants) {
  return Participation{took_part, participants, core::percent(took_part, participants)};
}

// Records come out of per-member maps; readers expect them in the order things happened.
// Sorting indices then moving each record once: records hold five strings, and a merge sort of
// 30,000 of them would move each one log n times.
void sort_records(std::vector<Record>& records) {
  const auto earlier = [](const Record& a, const Record& b) { return a.at.utc_ms < b.at.utc_ms; };
  if (std::is_sorted(records.begin(), records.end(), earlier)) return;
  std::vector<std::uint32_t> order(records.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return earlier(records[a], records[b]); });
  std::vector<Record> sorted;
  sorted.reserve(records.size());
  for (std::uint32_t i : order) sorted.push_back(std::move(records[i]));
  records = std::move(sorted);
}

std::string join(const std::vector<int>& indices, const std::vector<std::string>& labels, std::string_view sep) {
  std::string out;
  for (int index : indices) {
    if (!out.empty()) out += sep;
    if (index >= 0 && std::size_t(index) < labels.size()) out += labels[std::size_t(index)];
  }
  return out;
}

// [SECTION] Challenge, quiz, survey ----------------------------------------------------------------

// The winning answer as shown: surrounding and repeated spaces dropped (core compares it normalized).
std::string tidy(std::string_view text) {
  std::string out;
  for (char ch : text) {
    if (ch == ' ' || ch == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += ch;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

void map_challenge(const Context& c, const core::Activity& a, Activity& out) {
  const core::ChallengeFigures f = core::challenge_figures(c.session, a);
  ChallengeDetail d;
  d.question = a.spec.title;
  d.hint = a.spec.hint;
  d.won = f.won;
  d.winner = c.name(a, f.winner);
  d.attempts = f.attempts;
  d.winner_attempts = f.winner_attempts;
  d.seconds_to_win = f.seconds_to_win;
  for (const core::Attempt& attempt : a.attempts) {
    if (f.won && attempt.seq == a.winning_seq) d.answer = tidy(attempt.text);
    out.records.push_back({RecordKind::attempt, a.spec.title, c.name(a, attempt.by), attempt.text, c.moment(attempt.at)});
  }
  if (d.answer.empty() && !a.spec.answers.empty()) d.answer = a.spec.answers.front();
  out.participation = Participation{f.people_attempted, f.participants, f.participation_percent};
  out.headline = {HeadlineKind::answer, 0, 0, d.answer};
  out.detail = std::move(d);
}

void map_quiz(const Context& c, const core::Activity& a, Activity& out) {
  const core::QuizFigures f = core::quiz_figures(c.session, a);
  QuizDetail d;
  for (std::size_t i = 0; i < a.spec.quiz.size(); ++i) {
    const core::QuizQuestion& spec = a.spec.quiz[i];
    QuizQuestion q;
    q.number = int(i) + 1;
    q.text = spec.text;
    q.time_limit_seconds = spec.limit_s;
    q.answered = i < f.answered.size() ? f.answered[i] : 0;
    q.correct = i < f.correct.size() ? f.correct[i] : 0;
    q.percent_correct = i < f.correct_percent.size() ? f.correct_percent[i] : 0;
    if (i < a.quiz_answers.size())
      for (const auto& [member, response] : a.quiz_answers[i])
        out.records.push_back({RecordKind::answer, spec.text, c.name(a, member), join(response.choices, spec.choices, "; "),
                               c.moment(response.at)});
    for (std::size_t j = 0; j < spec.choices.size(); ++j) {
      const bool correct = std::find(spec.correct.begin(), spec.correct.end(), int(j)) != spec.correct.end();
      const bool counted = i < f.picks.size() && j < f.picks[i].size();
      q.choices.push_back({spec.choices[j], counted ? f.picks[i][j] : 0, counted ? f.picks_percent[i][j] : 0, correct});
    }
    d.questions.push_back(std::move(q));
  }
  // Equal points and equal correct answers share a rank (1, 2, 2, 4).
  for (std::size_t i = 0; i < f.leaderboard.size(); ++i) {
    const core::LeaderboardRow& row = f.leaderboard[i];
    int rank = int(i) + 1;
    if (i > 0 && row.points == f.leaderboard[i - 1].points && row.correct == f.leaderboard[i - 1].correct)
      rank = d.leaderboard.back().rank;
    d.leaderboard.push_back({rank, c.name(a, row.who), row.points, row.correct});
  }
  out.participation = participation(f.respondents, f.participants);
  out.headline = {HeadlineKind::players, f.respondents, 0, ""};
  out.detail = std::move(d);
}

QuestionKind question_kind(core::QuestionKind kind) {
  switch (kind) {
    case core::QuestionKind::single: return QuestionKind::single_choice;
    case core::QuestionKind::multiple: return QuestionKind::multiple_choice;
    case core::QuestionKind::open: return QuestionKind::open;
    case core::QuestionKind::ranking: return QuestionKind::ranking;
    case core::QuestionKind::rating: return QuestionKind::rating;
  }
  return QuestionKind::open;
}

void map_survey(const Context& c, const core::Activity& a, Activity& out) {
  const core::SurveyFigures f = core::survey_figures(c.session, a);
  SurveyDetail d;
  for (std::size_t i = 0; i < a.spec.questions.size(); ++i) {
    const core::SurveyQuestion& spec = a.spec.questions[i];
    const core::QuestionFigures figures = i < f.questions.size() ? f.questions[i] : core::QuestionFigures{};
    SurveyQuestion q;
    q.number = int(i) + 1;
    q.kind = question_kind(spec.kind);
    q.text = spec.text;
    q.hint = spec.hint;
    q.respondents = figures.respondents;
    q.max_choices = spec.max_choices;
    // Responses in the order they were given (the map is keyed by member).
    std::vector<std::pair<std::string, const core::SurveyResponse*>> responses;
    if (i < a.survey_answers.size())
      for (const auto& [member, response] : a.survey_answers[i])
        if (!response.hidden) responses.emplace_back(member, &response);
    std::stable_sort(responses.begin(), responses.end(),
                     [](const auto& x, const auto& y) { return x.second->seq < y.second->seq; });
    switch (q.kind) {
      case QuestionKind::single_choice:
      case QuestionKind::multiple_choice:
        for (std::size_t j = 0; j < spec.choices.size(); ++j) {
          const core::ChoiceFigure choice = j < figures.choices.size() ? figures.choices[j] : core::ChoiceFigure{};
          q.choices.push_back({spec.choices[j], choice.count, choice.percent, false});
        }
        for (const auto& [member, r] : responses)
          out.records.push_back({RecordKind::answer, spec.text, c.name(a, member), join(r->choices, spec.choices, "; "),
                                 c.moment(r->at)});
        break;
      case QuestionKind::open:
        for (const auto& [member, r] : responses) {
          if (r->text.empty()) continue;
          q.answers.push_back({c.name(a, member), r->text, c.moment(r->at)});
          out.records.push_back({RecordKind::answer, spec.text, c.name(a, member), r->text, c.moment(r->at)});
        }
        break;
      case QuestionKind::ranking:
        for (std::size_t position = 0; position < figures.ranking.size(); ++position) {
          const int item = figures.ranking[position];
          if (item < 0 || std::size_t(item) >= spec.choices.size()) continue;
          const std::int64_t points =
              std::size_t(item) < figures.borda_points.size() ? figures.borda_points[std::size_t(item)] : 0;
          q.ranking.push_back({int(position) + 1, spec.choices[std::size_t(item)], points});
        }
        for (const auto& [member, r] : responses)
          out.records.push_back({RecordKind::answer, spec.text, c.name(a, member), join(r->choices, spec.choices, " > "),
                                 c.moment(r->at)});
        break;
      case QuestionKind::rating:
        q.rating = RatingSummary{spec.scale, figures.average_tenths, figures.ratings, figures.per_star};
        for (const auto& [member, r] : responses) {
          out.records.push_back({RecordKind::answer, spec.text, c.name(a, member), std::to_string(r->stars), c.moment(r->at)});
          if (r->comment.empty()) continue;
          q.comments.push_back({c.name(a, member), r->comment, c.moment(r->at)});
          out.records.push_back({RecordKind::comment, spec.text, c.name(a, member), r->comment, c.moment(r->at)});
        }
        break;
    }
    d.questions.push_back(std::move(q));
  }
  out.participation = participation(f.respondents, f.participants);
  out.headline = {HeadlineKind::questions, std::int64_t(a.spec.questions.size()), 0, ""};
  out.detail = std::move(d);
}

// [SECTION] Brainstorm and board ------------------------------------------------------------------

constexpr std::string_view kZoneColours[] = {"#6366f1", "#10b981", "#f59e0b", "#ec4899", "#0ea5e9", "#84cc16"};
constexpr std::string_view kNoteColours[] = {"#fde68a", "#bbf7d0", "#fed7aa", "#fbcfe8", "#bae6fd", "#d9f99d"};

// Visible ideas grouped by category (plan order, then uncategorised), most liked first in each.
std::vector<IdeaGroup> idea_groups(const Context& c, const core::Activity& a, const core::IdeaFigures& f,
                                   std::vector<Record>& records) {
  const auto& categories = a.spec.categories;
  std::vector<IdeaGroup> groups;
  for (const std::string& category : categories) groups.push_back({category, {}});
  IdeaGroup uncategorised{"", {}};
  const bool dots = a.spec.dot_budget > 0;
  for (std::int64_t id : f.by_likes) {
    const auto found = a.ideas.find(id);
    if (found == a.ideas.end()) continue;
    const core::Idea& idea = found->second;
    const bool has_category = idea.category >= 0 && std::size_t(idea.category) < categories.size();
    const std::string category = has_category ? categories[std::size_t(idea.category)] : std::string{};
    const int likes = dots ? idea.dot_total : int(idea.likes.size());
    Idea shown{idea.text, c.name(a, idea.by), category, likes, c.moment(idea.at)};
    (has_category ? groups[std::size_t(idea.category)] : uncategorised).ideas.push_back(std::move(shown));
    records.push_back({RecordKind::idea, category, c.name(a, idea.by), idea.text, c.moment(idea.at)});
    if (dots) {
      for (const auto& [member, count] : idea.dots)
        records.push_back({RecordKind::like, idea.text, c.name(a, member), std::to_string(count), {}});
    } else {
      for (const std::string& member : idea.likes) records.push_back({RecordKind::like, idea.text, c.name(a, member), "1", {}});
    }
  }
  if (!uncategorised.ideas.empty() || groups.empty()) groups.push_back(std::move(uncategorised));
  return groups;
}

// What a brainstorm and a board report alike: the prompt, the ideas by category, who took part.
template <class Detail>
Detail ideas_detail(const Context& c, const core::Activity& a, const core::IdeaFigures& f, HeadlineKind headline, Activity& out) {
  Detail d;
  d.prompt = a.spec.title;
  d.idea_count = f.ideas;
  d.groups = idea_groups(c, a, f, out.records);
  out.participation = participation(f.contributors, f.participants);
  out.headline = {headline, f.ideas, 0, ""};
  return d;
}

void map_brainstorm(const Context& c, const core::Activity& a, Activity& out) {
  const core::IdeaFigures f = core::idea_figures(c.session, a);
  BrainstormDetail d = ideas_detail<BrainstormDetail>(c, a, f, HeadlineKind::ideas, out);
  d.one_word = f.cloud;
  for (const auto& [text, count] : f.words) d.words.push_back({text, count});
  out.detail = std::move(d);
}

void map_board(const Context& c, const core::Activity& a, Activity& out) {
  const core::IdeaFigures f = core::idea_figures(c.session, a);
  BoardDetail d = ideas_detail<BoardDetail>(c, a, f, HeadlineKind::ideas_posted, out);
  // The picture is a 1600-unit-wide laptop screen with 16-unit text, its zones and post-its where
  // the app puts them (core's board geometry); a post-it has room for five lines of its text.
  d.width = 1600;
  d.height = 900;
  d.unit = 16;
  const std::size_t categories = a.spec.categories.size();
  const std::vector<core::BoardRect> zones = core::board_zones(int(std::max<std::size_t>(1, categories)), d.width, d.height, d.unit);
  for (std::size_t i = 0; i < zones.size(); ++i) {
    const core::BoardRect& z = zones[i];
    d.zones.push_back({i < categories ? a.spec.categories[i] : std::string(), std::string(kZoneColours[i % 6]), z.x, z.y, z.width, z.height});
    d.height = std::max(d.height, z.y + z.height);
  }
  for (std::int64_t id : f.by_likes) {
    const auto found = a.ideas.find(id);
    if (found == a.ideas.end()) continue;
    const core::Idea& idea = found->second;
    const int zone = categories == 0 ? 0 : idea.category;
    if (zone < 0 || std::size_t(zone) >= zones.size()) continue;
    const core::BoardRect& z = zones[std::size_t(zone)];
    const core::BoardSize size{core::board_note_width(z, d.unit, 9), core::board_note_width(z, d.unit, 9) * 0.72};
    const core::BoardPoint at = core::board_note_place(z, size, idea.x, idea.y, d.unit);
    const std::string colour = idea.color.size() == 7 && idea.color[0] == '#' ? idea.color : std::string(kNoteColours[std::size_t(zone) % 6]);
    const int likes = a.spec.dot_budget > 0 ? idea.dot_total : int(idea.likes.size());
    d.notes.push_back({idea.text, c.name(a, idea.by), categories ? a.spec.categories[std::size_t(zone)] : "", colour, at.x, at.y,
                       likes, size.width, size.height});
  }
  // Draw the least liked first so the most liked stay on top where post-its overlap.
  std::reverse(d.notes.begin(), d.notes.end());
  out.detail = std::move(d);
}

// [SECTION] Rating, Q&A, presentation --------------------------------------------------------------

void map_rating(const Context& c, const core::Activity& a, Activity& out) {
  const core::RatingFigures f = core::rating_figures(c.session, a);
  out.detail = RatingDetail{a.spec.title, RatingSummary{a.spec.scale, f.average_tenths, f.votes, f.per_star}};
  for (const auto& [member, vote] : a.votes)
    out.records.push_back({RecordKind::vote, a.spec.title, c.name(a, member), std::to_string(vote.stars), c.moment(vote.at)});
  out.participation = participation(f.votes, f.participants);
  out.headline = {HeadlineKind::votes_over_participants, f.votes, f.participants, ""};
}

void map_qna(const Context& c, const core::Activity& a, Activity& out) {
  const core::QnaFigures f = core::qna_figures(c.session, a);
  QnaDetail d;
  std::set<std::string> people;  // core has no contributor count for Q&A yet: askers and voters
  for (std::int64_t id : f.by_votes) {
    const auto found = a.questions.find(id);
    if (found == a.questions.end()) continue;
    const core::QnaQuestion& q = found->second;
    d.questions.push_back({q.text, c.name(a, q.by), int(q.upvotes.size()), q.answered, c.moment(q.at)});
    out.records.push_back({RecordKind::question, "", c.name(a, q.by), q.text, c.moment(q.at)});
    people.insert(q.by);
    for (const std::string& member : q.upvotes) {
      out.records.push_back({RecordKind::upvote, q.text, c.name(a, member), "1", {}});
      people.insert(member);
    }
  }
  out.participation = participation(int(people.size()), int(c.session.participants.size()));
  out.headline = {HeadlineKind::questions, f.questions, 0, ""};
  out.detail = std::move(d);
}

EmbeddedImage embedded(const ImageSource& images, const std::string& ref) {
  if (images)
    if (auto image = images(ref)) {
      image->ref = ref;
      return *image;
    }
  return {ref, "", ""};
}

Presentation map_presentation(const core::Activity& a, std::size_t ordinal, const ImageSource& images) {
  Presentation p;
  p.id = "p" + std::to_string(ordinal);
  p.title = a.spec.title;
  for (std::size_t i = 0; i < a.spec.pages.size(); ++i) {
    const core::Page& spec = a.spec.pages[i];
    Page page{int(i) + 1, spec.title, spec.text, "", "", "", spec.slide_text};
    if (core::is_image_ref(spec.image)) {
      EmbeddedImage image = embedded(images, spec.image);
      page.image_ref = spec.image;
      page.image_mime = std::move(image.mime);
      page.image_base64 = std::move(image.base64);
    }
    // "data:image/png;base64,AAAA" → mime + payload; anything else is not embedded.
    constexpr std::string_view kData = "data:";
    constexpr std::string_view kBase64 = ";base64,";
    const std::size_t marker = spec.image.find(kBase64);
    if (spec.image.starts_with(kData) && marker != std::string::npos) {
      page.image_mime = spec.image.substr(kData.size(), marker - kData.size());
      page.image_base64 = spec.image.substr(marker + kBase64.size());
    }
    p.pages.push_back(std::move(page));
  }
  return p;
}

// "2022-10-05" → Date; anything else → unknown.
Date parse_date(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return {};
  auto number = [&](std::size_t from, std::size_t length) {
    int value = 0;
    for (std::size_t i = from; i < from + length; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
  if (year <= 0 || month < 1 || month > 12 || day < 1 || day > 31) return {};
  return Date{year, month, day};
}

}  // namespace

// [SECTION] Report ----------------------------------------------------------------------------------

std::optional<Lang> lang_from_string(std::string_view text) {
  if (text == "fr") return Lang::fr;
  if (text == "en") return Lang::en;
  return std::nullopt;
}

Report build_report(const core::Session& session, std::optional<Lang> lang, const ImageSource& images) {
  // The zone with its past offsets: a report of a 2018 session in São Paulo shows that summer's time.
  Context c{session, core::with_history(core::parse_timezone(session.info.timezone).value_or(*core::parse_timezone("UTC"))),
            lang.value_or(lang_from_string(session.info.locale).value_or(Lang::fr)), {}};
  c.names.reserve(session.participants.size());
  for (const core::Participant& p : session.participants) c.names.emplace(p.id, p.name);
  Report report;
  report.lang = c.lang;
  report.header.title = session.info.title;
  report.header.host = session.info.host;
  report.header.description = session.info.description;
  report.header.timezone = c.zone.name;
  report.header.participants = int(session.participants.size());
  std::set<std::string> removed = session.removed;
  for (const auto& [who, hidden] : session.removals) {
    removed.insert(who);
    report.header.hidden += hidden;
  }
  report.header.removed = int(removed.size());
  report.header.date = parse_date(session.info.date);

  std::int64_t first_start = 0;
  for (const core::Activity& a : session.activities) {
    if (a.status == core::ActivityStatus::draft) continue;  // prepared but never run: nothing to report
    if (first_start == 0 || (a.started_at != 0 && a.started_at < first_start)) first_start = a.started_at;
    if (a.spec.kind == core::ActivityKind::presentation) {
      report.presentations.push_back(map_presentation(a, report.presentations.size() + 1, images));
      continue;
    }
    Activity out;
    out.id = "a" + std::to_string(report.activities.size() + 1);
    out.title = a.spec.title;
    out.anonymous = a.spec.anonymous;
    if (a.spec.kind != core::ActivityKind::challenge) out.instructions = a.spec.hint;
    switch (a.spec.kind) {
      case core::ActivityKind::challenge: map_challenge(c, a, out); break;
      case core::ActivityKind::quiz: map_quiz(c, a, out); break;
      case core::ActivityKind::survey: map_survey(c, a, out); break;
      case core::ActivityKind::brainstorm: map_brainstorm(c, a, out); break;
      case core::ActivityKind::board: map_board(c, a, out); break;
      case core::ActivityKind::rating: map_rating(c, a, out); break;
      case core::ActivityKind::qna: map_qna(c, a, out); break;
      case core::ActivityKind::presentation: break;
    }
    sort_records(out.records);
    std::vector<std::string> refs = core::image_refs(a.spec);
    for (std::size_t i = 0; i < refs.size(); ++i)
      if (std::find(refs.begin(), refs.begin() + std::ptrdiff_t(i), refs[i]) == refs.begin() + std::ptrdiff_t(i))
        out.images.push_back(embedded(images, refs[i]));
    report.activities.push_back(std::move(out));
  }
  // A session without a planned date is dated by its first activity.
  if (!report.header.date.known() && first_start != 0) report.header.date = local_date(c.moment(first_start));

  for (const core::Message& m : session.messages)
    if (!m.hidden) report.messages.push_back({c.display_name(m.from), m.text, c.moment(m.at)});
  return report;
}

std::string_view image_mime_of(std::string_view bytes) {
  const auto type = protocol::sniff_blob_type(bytes);  // the relay's own reading of the bytes
  return type && *type != protocol::kE2eBlobType ? *type : std::string_view();
}

std::string to_base64(std::string_view bytes) {
  static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::uint32_t n = std::uint32_t(std::uint8_t(bytes[i])) << 16 |
                            (i + 1 < bytes.size() ? std::uint32_t(std::uint8_t(bytes[i + 1])) << 8 : 0) |
                            (i + 2 < bytes.size() ? std::uint32_t(std::uint8_t(bytes[i + 2])) : 0);
    out += digits[n >> 18 & 63];
    out += digits[n >> 12 & 63];
    out += i + 1 < bytes.size() ? digits[n >> 6 & 63] : '=';
    out += i + 2 < bytes.size() ? digits[n & 63] : '=';
  }
  return out;
}

}  // namespace palabre::report
