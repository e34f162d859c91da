// canonical_json(): the whole state with keys in a fixed order (ordered_json keeps insertion
// order), compact. Maps are std::map, so iteration is sorted and the text is deterministic.
#include <nlohmann/json.hpp>

#include "core/aggregates.hpp"
#include "core/plan.hpp"
#include "core/session.hpp"

namespace palabre::core {

using ojson = nlohmann::ordered_json;

namespace {
// [SECTION] per-kind state. Anonymous activities never write who did what.
template <class Record>
std::vector<std::pair<const std::string*, const Record*>> by_seq(const std::map<std::string, Record>& records) {
  std::vector<std::pair<const std::string*, const Record*>> out;
  for (const auto& [who, r] : records) out.emplace_back(&who, &r);
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.second->seq < y.second->seq; });
  return out;
}

ojson member_list(const std::set<std::string>& ids, bool anonymous) {
  if (anonymous) return ojson(ids.size());
  ojson arr = ojson::array();
  for (const auto& id : ids) arr.push_back(id);
  return arr;
}

double tenths(int v) { return v / 10.0; }

void write_challenge(ojson& j, const Session& s, const Activity& a) {
  const bool anon = a.spec.anonymous;
  ojson attempts = ojson::array();
  for (const Attempt& t : a.attempts) {
    ojson o = ojson::object();
    o["seq"] = t.seq;
    o["at"] = t.at;
    if (!anon || t.seq == a.winning_seq) o["by"] = t.by;
    o["text"] = t.text;
    o["correct"] = t.correct;
    attempts.push_back(std::move(o));
  }
  j["attempts"] = std::move(attempts);
  const ChallengeFigures f = challenge_figures(s, a);
  ojson fig = ojson::object();
  fig["won"] = f.won;
  fig["winner"] = f.winner;
  fig["attempts"] = f.attempts;
  fig["winner_attempts"] = f.winner_attempts;
  fig["seconds_to_win"] = f.seconds_to_win;
  fig["people_attempted"] = f.people_attempted;
  fig["participants"] = f.participants;
  fig["participation_percent"] = f.participation_percent;
  j["figures"] = std::move(fig);
}

void write_quiz(ojson& j, const Session& s, const Activity& a) {
  const bool anon = a.spec.anonymous;
  j["current_question"] = a.current_question;
  j["leaderboard_shown"] = a.leaderboard_shown;
  ojson questions = ojson::array();
  for (std::size_t qi = 0; qi < a.quiz_answers.size(); ++qi) {
    ojson q = ojson::object();
    q["shown_at"] = a.question_shown_at[qi];
    q["deadline"] = a.question_deadline[qi];
    q["closed_at"] = a.question_closed_at[qi];
    ojson answers = ojson::array();
    for (const auto& [who, r] : by_seq(a.quiz_answers[qi])) {
      ojson o = ojson::object();
      o["seq"] = r->seq;
      if (!anon) o["by"] = *who;
      o["choices"] = r->choices;
      o["elapsed_ms"] = r->elapsed_ms;
      o["correct"] = r->correct;
      o["points"] = r->points;
      answers.push_back(std::move(o));
    }
    q["answers"] = std::move(answers);
    questions.push_back(std::move(q));
  }
  j["questions"] = std::move(questions);
  const QuizFigures f = quiz_figures(s, a);
  ojson fig = ojson::object();
  fig["respondents"] = f.respondents;
  fig["participants"] = f.participants;
  fig["answered"] = f.answered;
  fig["correct"] = f.correct;
  fig["correct_percent"] = f.correct_percent;
  ojson board = ojson::array();
  for (const auto& row : f.leaderboard) {
    ojson o = ojson::object();
    if (!anon) o["who"] = row.who;
    o["points"] = row.points;
    o["correct"] = row.correct;
    board.push_back(std::move(o));
  }
  fig["leaderboard"] = std::move(board);
  j["figures"] = std::move(fig);
}

void write_survey(ojson& j, const Session& s, const Activity& a) {
  const bool anon = a.spec.anonymous;
  const SurveyFigures f = survey_figures(s, a);
  ojson questions = ojson::array();
  for (std::size_t qi = 0; qi < a.survey_answers.size(); ++qi) {
    const SurveyQuestion& spec = a.spec.questions[qi];
    ojson q = ojson::object();
    ojson answers = ojson::array();
    for (const auto& [who, r] : by_seq(a.survey_answers[qi])) {
      ojson o = ojson::object();
      o["seq"] = r->seq;
      if (!anon) o["by"] = *who;
      if (!r->choices.empty()) o["choices"] = r->choices;
      if (spec.kind == QuestionKind::open) o["text"] = r->text;
      if (spec.kind == QuestionKind::rating) { o["stars"] = r->stars; o["comment"] = r->comment; }
      o["hidden"] = r->hidden;
      if (!r->approved) o["approved"] = false;  // written only when held: old states read the same
      answers.push_back(std::move(o));
    }
    q["answers"] = std::move(answers);
    const QuestionFigures& qf = f.questions[qi];
    ojson fig = ojson::object();
    fig["respondents"] = qf.respondents;
    if (!qf.choices.empty()) {
      ojson counts = ojson::array(), percents = ojson::array();
      for (const auto& c : qf.choices) { counts.push_back(c.count); percents.push_back(c.percent); }
      fig["counts"] = std::move(counts);
      fig["percents"] = std::move(percents);
    }
    if (spec.kind == QuestionKind::ranking) { fig["ranking"] = qf.ranking; fig["borda_points"] = qf.borda_points; }
    if (spec.kind == QuestionKind::rating) { fig["average"] = tenths(qf.average_tenths); fig["per_star"] = qf.per_star; }
    q["figures"] = std::move(fig);
    questions.push_back(std::move(q));
  }
  j["questions"] = std::move(questions);
  j["shown_question"] = a.survey_shown;
  j["shown_at"] = a.survey_shown_at;
  ojson fig = ojson::object();
  fig["respondents"] = f.respondents;
  fig["participants"] = f.participants;
  j["figures"] = std::move(fig);
}

void write_ideas(ojson& j, const Session& s, const Activity& a) {
  const bool anon = a.spec.anonymous;
  j["locked"] = a.locked;
  ojson ideas = ojson::array();
  for (const auto& [id, idea] : a.ideas) {
    ojson o = ojson::object();
    o["id"] = id;
    o["at"] = idea.at;
    if (!anon) o["by"] = idea.by;
    o["text"] = idea.text;
    o["category"] = idea.category;
    if (a.spec.kind == ActivityKind::board) { o["x"] = idea.x; o["y"] = idea.y; o["color"] = idea.color; }
    o["approved"] = idea.approved;
    o["hidden"] = idea.hidden;
    if (a.spec.dot_budget > 0) o["dots"] = idea.dot_total;
    else o["likes"] = member_list(idea.likes, anon);
    ideas.push_back(std::move(o));
  }
  j["ideas"] = std::move(ideas);
  const IdeaFigures f = idea_figures(s, a);
  ojson fig = ojson::object();
  fig["ideas"] = f.ideas;
  fig["pending"] = f.pending;
  fig["contributors"] = f.contributors;
  fig["participants"] = f.participants;
  ojson cats = ojson::array();
  for (const auto& c : f.categories) {
    ojson o = ojson::object();
    o["name"] = c.name;
    o["ideas"] = c.ideas;
    o["likes"] = c.likes;
    cats.push_back(std::move(o));
  }
  fig["categories"] = std::move(cats);
  fig["by_likes"] = f.by_likes;
  ojson words = ojson::array();
  for (const auto& [word, count] : f.words) words.push_back(ojson::array({word, count}));
  fig["words"] = std::move(words);
  fig["cloud"] = f.cloud;
  j["figures"] = std::move(fig);
}

void write_rating(ojson& j, const Session& s, const Activity& a) {
  const bool anon = a.spec.anonymous;
  ojson votes = ojson::array();
  for (const auto& [who, v] : by_seq(a.votes)) {
    ojson o = ojson::object();
    o["seq"] = v->seq;
    if (!anon) o["by"] = *who;
    o["stars"] = v->stars;
    votes.push_back(std::move(o));
  }
  j["votes"] = std::move(votes);
  const RatingFigures f = rating_figures(s, a);
  ojson fig = ojson::object();
  fig["votes"] = f.votes;
  fig["participants"] = f.participants;
  fig["average"] = tenths(f.average_tenths);
  fig["per_star"] = f.per_star;
  j["figures"] = std::move(fig);
}

void write_qna(ojson& j, const Session& s, const Activity& a) {
  const bool anon = a.spec.anonymous;
  ojson questions = ojson::array();
  for (const auto& [id, q] : a.questions) {
    ojson o = ojson::object();
    o["id"] = id;
    o["at"] = q.at;
    if (!anon) o["by"] = q.by;
    o["text"] = q.text;
    o["upvotes"] = member_list(q.upvotes, anon);
    o["answered"] = q.answered;
    o["hidden"] = q.hidden;
    if (!q.approved) o["approved"] = false;
    questions.push_back(std::move(o));
  }
  j["questions"] = std::move(questions);
  const QnaFigures f = qna_figures(s, a);
  ojson fig = ojson::object();
  fig["questions"] = f.questions;
  fig["answered"] = f.answered;
  fig["by_votes"] = f.by_votes;
  j["figures"] = std::move(fig);
}

ojson activity_json(const Session& s, const Activity& a) {
  ojson j = ojson::object();
  j["id"] = a.id;
  j["kind"] = std::string(to_string(a.spec.kind));
  j["status"] = std::string(to_string(a.status));
  j["started_at"] = a.started_at;
  j["opened_at"] = a.opened_at;
  j["stopped_at"] = a.stopped_at;
  j["revealed"] = a.revealed;
  if (a.published) j["published_as_of"] = a.published->as_of;
  j["spec"] = spec_to_json(a.spec);
  switch (a.spec.kind) {
    case ActivityKind::challenge: write_challenge(j, s, a); break;
    case ActivityKind::quiz: write_quiz(j, s, a); break;
    case ActivityKind::survey: write_survey(j, s, a); break;
    case ActivityKind::brainstorm:
    case ActivityKind::board: write_ideas(j, s, a); break;
    case ActivityKind::rating: write_rating(j, s, a); break;
    case ActivityKind::qna: write_qna(j, s, a); break;
    case ActivityKind::presentation:
      j["page"] = a.page;
      if (!a.notes.empty()) j["notes"] = a.notes;
      break;
  }
  return j;
}
}  // namespace

std::string canonical_json(const Session& s) {
  ojson root = ojson::object();
  root["format"] = "palabre-state";
  root["version"] = 1;
  root["last_seq"] = s.last_seq;

  ojson info = ojson::object();
  info["title"] = s.info.title;
  info["host"] = s.info.host;
  info["date"] = s.info.date;
  info["description"] = s.info.description;
  info["locale"] = s.info.locale;
  info["timezone"] = s.info.timezone;
  if (!s.info.screen_join) info["screen_join"] = false;  // written only when hidden: old states read the same
  if (s.info.chat_moderated) info["chat_moderated"] = true;
  if (!s.info.blocked_words.empty()) info["blocked_words"] = s.info.blocked_words;
  root["session"] = std::move(info);

  ojson participants = ojson::array();
  for (const Participant& p : s.participants) {
    ojson j = ojson::object();
    j["id"] = p.id;
    j["name"] = p.name;
    j["joined_seq"] = p.joined_seq;
    j["joined_at"] = p.joined_at;
    auto on = s.online.find(p.id);
    j["online"] = on != s.online.end() && on->second;
    participants.push_back(std::move(j));
  }
  root["participants"] = std::move(participants);

  ojson online = ojson::object();
  for (const auto& [who, is_online] : s.online) online[who] = is_online;
  root["presence"] = std::move(online);
  // Written only when there is something: states without a removal read the same as before.
  if (!s.removed.empty()) {
    ojson removed = ojson::array();
    for (const std::string& who : s.removed) removed.push_back(who);
    root["removed"] = std::move(removed);
  }
  if (!s.removals.empty()) {
    ojson removals = ojson::object();
    for (const auto& [who, hidden] : s.removals) removals[who] = hidden;
    root["removals"] = std::move(removals);
  }
  if (!s.invite.empty()) root["invite"] = s.invite;
  if (s.key_epoch > 1) root["key_epoch"] = s.key_epoch;

  ojson messages = ojson::array();
  for (const Message& m : s.messages) {
    ojson j = ojson::object();
    j["id"] = m.id;
    j["at"] = m.at;
    j["from"] = m.from;
    j["text"] = m.text;
    j["hidden"] = m.hidden;
    if (!m.approved) j["approved"] = false;
    messages.push_back(std::move(j));
  }
  root["messages"] = std::move(messages);

  root["current_activity"] = s.current_activity;
  ojson activities = ojson::array();
  for (const Activity& a : s.activities) activities.push_back(activity_json(s, a));
  root["activities"] = std::move(activities);
  return root.dump();
}

}  // namespace palabre::core
