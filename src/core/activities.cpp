// The rules of activities. Every handler checks everything first and mutates last, so a rejected
// event leaves the session untouched.
// [SECTION] common checks  [SECTION] host: prepare and run  [SECTION] moderation
// [SECTION] challenge  [SECTION] quiz  [SECTION] survey (answers, the question on screen)  [SECTION] ideas  [SECTION] rating
// [SECTION] qna  [SECTION] presentation
#include <algorithm>
#include <limits>
#include <set>

#include "core/activity_rules.hpp"
#include "core/aggregates.hpp"
#include "core/plan.hpp"
#include "core/text.hpp"

namespace palabre::core {

std::string_view to_string(ActivityStatus status) {
  switch (status) {
    case ActivityStatus::draft: return "draft";
    case ActivityStatus::running: return "running";
    case ActivityStatus::stopped: return "stopped";
  }
  return "draft";
}

namespace detail {
namespace {
constexpr std::size_t max_idea_bytes = 500;
constexpr int board_extent = 10000;

// [SECTION] common checks
#define PALABRE_TRY(expr) \
  if (Reason r_ = (expr); r_ != Reason::none) return r_

Reason host_only(const Envelope& env) { return env.role == Role::host ? Reason::none : Reason::not_host; }

Reason joined_participant(const Session& s, const Envelope& env) {
  if (env.role != Role::participant) return Reason::not_participant;
  return s.find_participant(env.from) ? Reason::none : Reason::not_joined;
}

// The activity `id`, for a host action.
Reason host_activity(Session& s, const Envelope& env, std::int64_t id, Activity*& out) {
  PALABRE_TRY(host_only(env));
  out = s.find_activity(id);
  return out ? Reason::none : Reason::unknown_activity;
}

// The activity `id`, running, of one of the given kinds, within its timer, for a participant action.
Reason participant_activity(Session& s, const Envelope& env, std::int64_t id, std::initializer_list<ActivityKind> kinds,
                            Activity*& out) {
  out = s.find_activity(id);
  // In an anonymous activity a participant acts under its pseudonym, which no engine can link to a
  // join: the relay gives one per member and room, so "one per person" still holds per pseudonym.
  const bool pseudonymous = out && out->spec.anonymous && env.role == Role::participant && is_pseudonym(env.from);
  if (!pseudonymous) PALABRE_TRY(joined_participant(s, env));
  if (!out) return Reason::unknown_activity;
  if (std::find(kinds.begin(), kinds.end(), out->spec.kind) == kinds.end()) return Reason::wrong_kind;
  if (!out->running()) return Reason::not_running;
  if (out->spec.timer_s > 0 && env.at > out->opened_at + std::int64_t(out->spec.timer_s) * 1000)
    return Reason::time_over;
  return Reason::none;
}

Reason check_text(std::string_view text, std::size_t max) {
  if (trim(text).empty()) return Reason::empty_text;
  return text.size() > max ? Reason::text_too_long : Reason::none;
}

Reason check_category(const Activity& a, int category) {
  if (category == -1) return Reason::none;
  return category >= 0 && category < int(a.spec.categories.size()) ? Reason::none : Reason::bad_category;
}

bool is_ideas(const Activity& a) { return a.spec.kind == ActivityKind::brainstorm || a.spec.kind == ActivityKind::board; }

// Sizes the per-question containers to the spec.
void shape_for_spec(Activity& a) {
  a.quiz_answers.assign(a.spec.kind == ActivityKind::quiz ? a.spec.quiz.size() : 0, {});
  a.question_shown_at.assign(a.quiz_answers.size(), 0);
  a.question_deadline.assign(a.quiz_answers.size(), 0);
  a.question_closed_at.assign(a.quiz_answers.size(), 0);
  a.survey_answers.assign(a.spec.kind == ActivityKind::survey ? a.spec.questions.size() : 0, {});
  a.survey_shown = 0;  // an edit may have removed the question that was chosen
  a.survey_shown_at = 0;
}

// An idea a participant can see and act on.
Reason visible_idea(Activity& a, std::int64_t id, Idea*& out) {
  auto it = a.ideas.find(id);
  if (it == a.ideas.end() || it->second.hidden) return Reason::unknown_item;
  out = &it->second;
  return Reason::none;
}

// `at` comes from the relay (or a crafted log): sums with it saturate instead of overflowing.
std::int64_t later(std::int64_t at, std::int64_t ms) {
  return at > std::numeric_limits<std::int64_t>::max() - ms ? std::numeric_limits<std::int64_t>::max() : at + ms;
}

// to − from, 0 when negative, saturated when too large.
std::int64_t span_ms(std::int64_t from, std::int64_t to) {
  std::int64_t d = 0;
  if (__builtin_sub_overflow(to, from, &d)) return to > from ? std::numeric_limits<std::int64_t>::max() : 0;
  return std::max<std::int64_t>(d, 0);
}

// Shows quiz question `q` from `at`: its full time, open.
void show_question(Activity& a, int q, std::int64_t at) {
  a.current_question = q;
  a.question_shown_at[std::size_t(q)] = at;
  a.question_deadline[std::size_t(q)] = later(at, std::int64_t(a.spec.quiz[std::size_t(q)].limit_s) * 1000);
  a.question_closed_at[std::size_t(q)] = 0;
  a.leaderboard_shown = false;
}

// Closes the quiz question on screen, if open: no more answers, its results may show.
void close_question(Activity& a, std::int64_t at) {
  if (a.question_open()) a.question_closed_at[std::size_t(a.current_question)] = at;
}

// Published figures that fit the activity's content, so that views can index them safely.
bool figures_fit(const ActivitySpec& spec, const ActivityFigures& f) {
  if (f.kind != spec.kind) return false;
  const auto n_quiz = spec.quiz.size();
  if (spec.kind == ActivityKind::quiz) {
    const auto& q = f.quiz;
    if (q.answered.size() != n_quiz || q.correct.size() != n_quiz || q.correct_percent.size() != n_quiz ||
        q.picks.size() != n_quiz || q.picks_percent.size() != n_quiz)
      return false;
    for (std::size_t i = 0; i < n_quiz; ++i)
      if (q.picks[i].size() != spec.quiz[i].choices.size() || q.picks_percent[i].size() != spec.quiz[i].choices.size()) return false;
  }
  if (spec.kind == ActivityKind::survey) {
    if (f.survey.questions.size() != spec.questions.size()) return false;
    for (std::size_t i = 0; i < spec.questions.size(); ++i) {
      const SurveyQuestion& sq = spec.questions[i];
      const QuestionFigures& qf = f.survey.questions[i];
      const bool choices = sq.kind == QuestionKind::single || sq.kind == QuestionKind::multiple;
      if (qf.choices.size() != (choices ? sq.choices.size() : 0)) return false;
      if (sq.kind == QuestionKind::rating && qf.per_star.size() != std::size_t(sq.scale)) return false;
      for (int item : qf.ranking)
        if (item < 0 || std::size_t(item) >= sq.choices.size()) return false;
    }
  }
  if (spec.kind == ActivityKind::rating && f.rating.per_star.size() != std::size_t(std::max(spec.scale, 0))) return false;
  return true;
}
}  // namespace

int quiz_points(std::int64_t elapsed_ms, int limit_s) { return quiz_points_ms(elapsed_ms, std::int64_t(limit_s) * 1000); }

int quiz_points_ms(std::int64_t elapsed_ms, std::int64_t limit_ms) {
  if (limit_ms <= 0) return 0;
  limit_ms = std::min<std::int64_t>(limit_ms, 24 * 3600 * 1000);  // a day of extensions, at most
  if (elapsed_ms < 0) elapsed_ms = 0;
  if (elapsed_ms > limit_ms) return 0;
  // round(a / b) with a = 1000 (2L − t), b = 2L, all positive.
  const std::int64_t a = 1000 * (2 * limit_ms - elapsed_ms), b = 2 * limit_ms;
  return int((2 * a + b) / (2 * b));
}

// [SECTION] host: prepare and run
Reason handle_activity_event(Session& s, const Envelope& env, const ActivityAdd& e) {
  PALABRE_TRY(host_only(env));
  if (!validate_spec(e.activity, "$").reason.empty()) return Reason::bad_activity;
  Activity a;
  a.id = env.seq;
  a.spec = e.activity;
  shape_for_spec(a);
  s.activities.push_back(std::move(a));
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const ActivityEdit& e) {
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, e.id, a));
  if (!validate_spec(e.activity, "$").reason.empty()) return Reason::bad_activity;
  // Once started, only the wording may change (a typo on the screen): every record keeps its meaning.
  if (a->status != ActivityStatus::draft) {
    if (!only_wording_differs(a->spec, e.activity)) return Reason::already_started;
    a->spec = e.activity;
    return Reason::none;
  }
  a->spec = e.activity;
  shape_for_spec(*a);
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const ActivityRemove& e) {
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, e.id, a));
  if (a->status != ActivityStatus::draft) return Reason::already_started;
  s.activities.erase(s.activities.begin() + (a - s.activities.data()));
  if (s.current_activity == e.id) s.current_activity = 0;
  return Reason::none;
}

// Any time (running or not): the order is the host's agenda, it changes no record.
Reason handle_activity_event(Session& s, const Envelope& env, const ActivityMove& e) {
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, e.id, a));
  if (e.to < 0 || e.to >= static_cast<int>(s.activities.size())) return Reason::bad_position;
  const auto from = a - s.activities.data();
  if (from == e.to) return Reason::no_change;
  const auto first = s.activities.begin();
  if (from < e.to) std::rotate(first + from, first + from + 1, first + e.to + 1);
  else std::rotate(first + e.to, first + from, first + from + 1);
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const ActivityStart& e) {
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, e.id, a));
  if (a->status != ActivityStatus::draft) return Reason::already_started;
  a->status = ActivityStatus::running;
  a->started_at = a->opened_at = env.at;
  if (a->spec.kind == ActivityKind::quiz) show_question(*a, 0, env.at);
  s.current_activity = a->id;
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const ActivityStop& e) {
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, e.id, a));
  if (!a->running()) return Reason::not_running;
  close_question(*a, env.at);
  a->status = ActivityStatus::stopped;
  a->stopped_at = env.at;
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const ActivityReopen& e) {
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, e.id, a));
  if (a->status != ActivityStatus::stopped) return Reason::not_stopped;
  if (a->winning_seq != 0) return Reason::challenge_won;
  a->status = ActivityStatus::running;
  a->opened_at = env.at;
  if (a->spec.kind == ActivityKind::quiz && a->current_question >= 0)
    show_question(*a, a->current_question, env.at);  // the question on screen gets its full time again
  s.current_activity = a->id;
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const ActivityReveal& e) {
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, e.id, a));
  if (a->revealed == e.revealed) return Reason::no_change;
  a->revealed = e.revealed;
  return Reason::none;
}

// [SECTION] moderation
Reason handle_activity_event(Session& s, const Envelope& env, const ItemHide& e) {
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, e.activity, a));
  bool* flag = nullptr;
  if (auto it = a->ideas.find(e.item); it != a->ideas.end()) flag = &it->second.hidden;
  if (auto it = a->questions.find(e.item); it != a->questions.end()) flag = &it->second.hidden;
  for (auto& per_question : a->survey_answers)
    for (auto& [who, r] : per_question)
      if (r.seq == e.item) flag = &r.hidden;
  if (!flag) return Reason::unknown_item;
  if (*flag == e.hidden) return Reason::no_change;
  *flag = e.hidden;
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const IdeaApprove& e) {
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, e.activity, a));
  if (!is_ideas(*a)) return Reason::wrong_kind;
  if (!a->spec.controlled) return Reason::wrong_mode;
  auto it = a->ideas.find(e.id);
  if (it == a->ideas.end()) return Reason::unknown_item;
  if (it->second.approved) return Reason::no_change;
  it->second.approved = true;
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const BoardLock& e) {
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, e.activity, a));
  if (a->spec.kind != ActivityKind::board) return Reason::wrong_kind;
  if (a->locked == e.locked) return Reason::no_change;
  a->locked = e.locked;
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const QnaMark& e) {
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, e.activity, a));
  if (a->spec.kind != ActivityKind::qna) return Reason::wrong_kind;
  auto it = a->questions.find(e.id);
  if (it == a->questions.end()) return Reason::unknown_item;
  if (it->second.answered == e.answered) return Reason::no_change;
  it->second.answered = e.answered;
  return Reason::none;
}

// [SECTION] challenge
Reason handle_activity_event(Session& s, const Envelope& env, const ChallengeAttempt& e) {
  Activity* a = nullptr;
  // A won challenge is stopped; say why precisely rather than "not running".
  if (const Activity* c = s.find_activity(e.activity); c && c->winning_seq != 0 && env.role == Role::participant)
    return Reason::challenge_won;
  PALABRE_TRY(participant_activity(s, env, e.activity, {ActivityKind::challenge}, a));
  PALABRE_TRY(check_text(e.text, max_text_bytes));
  const std::string given = normalize_answer(e.text);
  bool correct = false;
  for (const auto& accepted : a->spec.answers) correct = correct || normalize_answer(accepted) == given;
  a->attempts.push_back(Attempt{env.seq, env.at, env.from, e.text, correct});
  // The first correct attempt in seq order wins and ends the challenge. A participant's engine sees
  // only its own attempts: the host's results.publish names the winner there.
  if (correct && s.hears_every_answer) {
    a->winning_seq = env.seq;
    a->status = ActivityStatus::stopped;
    a->stopped_at = env.at;
  }
  return Reason::none;
}

// [SECTION] quiz
Reason handle_activity_event(Session& s, const Envelope& env, const QuizNext& e) {
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, e.activity, a));
  if (a->spec.kind != ActivityKind::quiz) return Reason::wrong_kind;
  if (!a->running()) return Reason::not_running;
  if (a->current_question + 1 >= int(a->spec.quiz.size())) return Reason::no_more_questions;
  close_question(*a, env.at);
  show_question(*a, a->current_question + 1, env.at);
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const QuizClose& e) {
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, e.activity, a));
  if (a->spec.kind != ActivityKind::quiz) return Reason::wrong_kind;
  if (!a->running()) return Reason::not_running;
  if (!a->question_open()) return Reason::no_change;
  close_question(*a, env.at);
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const QuizExtend& e) {
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, e.activity, a));
  if (a->spec.kind != ActivityKind::quiz) return Reason::wrong_kind;
  if (!a->running()) return Reason::not_running;
  if (!a->question_open()) return Reason::question_closed;
  if (e.seconds < 1 || e.seconds > 600) return Reason::bad_duration;
  // From the deadline, or from now when it has passed (the host gives time back to a silent room).
  std::int64_t& deadline = a->question_deadline[std::size_t(a->current_question)];
  deadline = later(std::max(deadline, env.at), std::int64_t(e.seconds) * 1000);
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const QuizLeaderboard& e) {
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, e.activity, a));
  if (a->spec.kind != ActivityKind::quiz) return Reason::wrong_kind;
  if (a->current_question < 0) return Reason::not_running;
  if (a->question_open()) return Reason::question_open;  // the podium would give the answer away
  if (a->leaderboard_shown == e.shown) return Reason::no_change;
  a->leaderboard_shown = e.shown;
  return Reason::none;
}

// [SECTION] published figures
Reason handle_activity_event(Session& s, const Envelope& env, const ResultsPublish& e) {
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, e.activity, a));
  if (a->spec.kind == ActivityKind::presentation) return Reason::wrong_kind;
  if (!figures_fit(a->spec, e.figures) || e.figures.as_of >= env.seq || e.figures.as_of < 0) return Reason::wrong_figures;
  if (a->published && e.figures.as_of < a->published->as_of) return Reason::no_change;  // an older picture
  if (s.hears_every_answer) {
    // Checked when nothing about the activity (or the room's size) changed since the host's view of it.
    if (a->figures_seq <= e.figures.as_of && s.people_seq <= e.figures.as_of) {
      ActivityFigures mine = room_figures(s, *a);
      mine.as_of = e.figures.as_of;
      if (!(mine == e.figures)) return Reason::wrong_figures;
    }
  } else if (a->spec.kind == ActivityKind::challenge && e.figures.challenge.won && a->winning_seq == 0) {
    a->winning_seq = e.figures.challenge.winning_seq;  // the win is public the moment the host sees it
    a->status = ActivityStatus::stopped;
    a->stopped_at = env.at;
  }
  a->published = e.figures;
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const QuizAnswer& e) {
  Activity* a = nullptr;
  PALABRE_TRY(participant_activity(s, env, e.activity, {ActivityKind::quiz}, a));
  if (e.question < 0 || e.question >= int(a->spec.quiz.size())) return Reason::unknown_question;
  if (e.question != a->current_question) return Reason::not_current_question;
  if (a->question_closed_at[std::size_t(e.question)] != 0) return Reason::question_closed;
  if (env.at > a->question_deadline[std::size_t(e.question)]) return Reason::time_over;
  const QuizQuestion& q = a->spec.quiz[e.question];
  auto& answers = a->quiz_answers[e.question];
  if (answers.count(env.from)) return Reason::already_answered;
  if (e.choices.empty()) return Reason::bad_choice;
  std::set<int> chosen;
  for (int c : e.choices)
    if (c < 0 || c >= int(q.choices.size()) || !chosen.insert(c).second) return Reason::bad_choice;
  QuizResponse r;
  r.seq = env.seq;
  r.at = env.at;
  r.choices = e.choices;
  r.elapsed_ms = span_ms(a->question_shown_at[e.question], env.at);
  // All the right choices and none wrong; speed counts from the confirmation (this event).
  r.correct = chosen == std::set<int>(q.correct.begin(), q.correct.end());
  r.points = r.correct ? quiz_points_ms(r.elapsed_ms, span_ms(a->question_shown_at[e.question], a->question_deadline[std::size_t(e.question)])) : 0;
  answers.emplace(env.from, std::move(r));
  return Reason::none;
}

// [SECTION] survey
Reason handle_activity_event(Session& s, const Envelope& env, const SurveyAnswer& e) {
  Activity* a = nullptr;
  PALABRE_TRY(participant_activity(s, env, e.activity, {ActivityKind::survey}, a));
  if (e.question < 0 || e.question >= int(a->spec.questions.size())) return Reason::unknown_question;
  const SurveyQuestion& q = a->spec.questions[e.question];
  const int n = int(q.choices.size());
  std::set<int> chosen;
  for (int c : e.choices)
    if (c < 0 || c >= n || !chosen.insert(c).second) return q.kind == QuestionKind::ranking ? Reason::bad_order : Reason::bad_choice;
  switch (q.kind) {
    case QuestionKind::single:
      if (e.choices.size() != 1) return Reason::bad_choice;
      break;
    case QuestionKind::multiple:
      if (e.choices.empty()) return Reason::bad_choice;
      if (q.max_choices > 0 && int(e.choices.size()) > q.max_choices) return Reason::too_many_choices;
      break;
    case QuestionKind::ranking:
      if (int(e.choices.size()) != n) return Reason::bad_order;
      break;
    case QuestionKind::open:
      if (!e.choices.empty()) return Reason::bad_choice;
      PALABRE_TRY(check_text(e.text, max_text_bytes));
      break;
    case QuestionKind::rating:
      if (!e.choices.empty()) return Reason::bad_choice;
      if (e.stars < 1 || e.stars > q.scale) return Reason::bad_stars;
      if (!e.comment.empty() && !q.comment) return Reason::comment_not_allowed;
      if (e.comment.size() > max_text_bytes) return Reason::text_too_long;
      break;
  }
  SurveyResponse r;
  r.seq = env.seq;
  r.at = env.at;
  r.choices = e.choices;
  if (q.kind == QuestionKind::multiple) std::sort(r.choices.begin(), r.choices.end());
  if (q.kind == QuestionKind::open) r.text = e.text;
  if (q.kind == QuestionKind::rating) { r.stars = e.stars; r.comment = std::string(trim(e.comment)); }
  a->survey_answers[e.question][env.from] = std::move(r);  // the last answer counts
  return Reason::none;
}

// Any time, as presentation.goto: the host may set the first question before the start, and keep
// showing results on the kiosk after the stop.
Reason handle_activity_event(Session& s, const Envelope& env, const SurveyShow& e) {
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, e.activity, a));
  if (a->spec.kind != ActivityKind::survey) return Reason::wrong_kind;
  if (e.question < -1 || e.question >= int(a->spec.questions.size())) return Reason::unknown_question;
  if (a->survey_shown == e.question) return Reason::no_change;
  a->survey_shown = e.question;
  a->survey_shown_at = env.at;
  return Reason::none;
}

// [SECTION] ideas (brainstorm and board)
Reason handle_activity_event(Session& s, const Envelope& env, const IdeaPost& e) {
  Activity* a = nullptr;
  PALABRE_TRY(participant_activity(s, env, e.activity, {ActivityKind::brainstorm, ActivityKind::board}, a));
  if (a->locked) return Reason::board_locked;
  PALABRE_TRY(check_text(e.text, max_idea_bytes));
  PALABRE_TRY(check_category(*a, e.category));
  if (e.x < 0 || e.y < 0 || e.x > board_extent || e.y > board_extent) return Reason::bad_position;
  if (e.color.size() > 16) return Reason::text_too_long;  // a colour name or #rrggbb
  Idea idea;
  idea.id = env.seq;
  idea.at = env.at;
  idea.by = env.from;
  idea.text = std::string(trim(e.text));
  idea.category = e.category;
  idea.x = e.x;
  idea.y = e.y;
  idea.color = e.color;
  idea.approved = !a->spec.controlled;
  a->ideas.emplace(idea.id, std::move(idea));
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const IdeaEdit& e) {
  Activity* a = nullptr;
  PALABRE_TRY(participant_activity(s, env, e.activity, {ActivityKind::brainstorm, ActivityKind::board}, a));
  if (a->locked) return Reason::board_locked;
  Idea* idea = nullptr;
  PALABRE_TRY(visible_idea(*a, e.id, idea));
  if (idea->by != env.from) return Reason::not_author;
  PALABRE_TRY(check_text(e.text, max_idea_bytes));
  PALABRE_TRY(check_category(*a, e.category));
  if (idea->text == trim(e.text) && idea->category == e.category) return Reason::no_change;
  idea->text = std::string(trim(e.text));
  idea->category = e.category;
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const IdeaDelete& e) {
  Activity* a = nullptr;
  if (env.role == Role::host) {
    PALABRE_TRY(host_activity(s, env, e.activity, a));
    if (!is_ideas(*a)) return Reason::wrong_kind;
  } else {
    PALABRE_TRY(participant_activity(s, env, e.activity, {ActivityKind::brainstorm, ActivityKind::board}, a));
    if (a->locked) return Reason::board_locked;
  }
  auto it = a->ideas.find(e.id);
  if (it == a->ideas.end()) return Reason::unknown_item;
  if (env.role != Role::host && it->second.by != env.from) return Reason::not_author;
  for (const auto& [who, n] : it->second.dots) a->dots_used[who] -= n;  // dots come back to their owners
  a->ideas.erase(it);
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const IdeaMove& e) {
  Activity* a = nullptr;
  if (env.role == Role::host) {
    PALABRE_TRY(host_activity(s, env, e.activity, a));
    if (a->spec.kind != ActivityKind::board) return Reason::wrong_kind;
  } else {
    PALABRE_TRY(participant_activity(s, env, e.activity, {ActivityKind::board}, a));
    if (a->locked) return Reason::board_locked;
  }
  auto it = a->ideas.find(e.id);
  if (it == a->ideas.end() || (env.role != Role::host && it->second.hidden)) return Reason::unknown_item;
  Idea& idea = it->second;
  if (env.role != Role::host && idea.by != env.from) return Reason::not_author;
  PALABRE_TRY(check_category(*a, e.category));
  if (e.x < 0 || e.y < 0 || e.x > board_extent || e.y > board_extent) return Reason::bad_position;
  if (idea.x == e.x && idea.y == e.y && idea.category == e.category) return Reason::no_change;
  idea.x = e.x;
  idea.y = e.y;
  idea.category = e.category;
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const IdeaLike& e) {
  Activity* a = nullptr;
  PALABRE_TRY(participant_activity(s, env, e.activity, {ActivityKind::brainstorm, ActivityKind::board}, a));
  if (a->spec.dot_budget > 0) return Reason::wrong_mode;
  Idea* idea = nullptr;
  PALABRE_TRY(visible_idea(*a, e.id, idea));
  if (!idea->approved) return Reason::not_approved;
  const bool has = idea->likes.count(env.from) > 0;
  if (e.liked && has) return Reason::already_liked;
  if (!e.liked && !has) return Reason::not_liked;
  if (e.liked) idea->likes.insert(env.from);
  else idea->likes.erase(env.from);
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const IdeaDot& e) {
  Activity* a = nullptr;
  PALABRE_TRY(participant_activity(s, env, e.activity, {ActivityKind::brainstorm, ActivityKind::board}, a));
  if (a->spec.dot_budget == 0) return Reason::wrong_mode;
  if (e.delta != 1 && e.delta != -1) return Reason::bad_choice;
  Idea* idea = nullptr;
  PALABRE_TRY(visible_idea(*a, e.id, idea));
  if (!idea->approved) return Reason::not_approved;
  auto used = a->dots_used.find(env.from);
  const int used_now = used == a->dots_used.end() ? 0 : used->second;
  auto mine = idea->dots.find(env.from);
  const int on_idea = mine == idea->dots.end() ? 0 : mine->second;
  if (e.delta > 0 && used_now >= a->spec.dot_budget) return Reason::budget_exhausted;
  if (e.delta < 0 && on_idea == 0) return Reason::not_voted;
  a->dots_used[env.from] = used_now + e.delta;
  idea->dot_total += e.delta;
  if (on_idea + e.delta == 0) idea->dots.erase(env.from);
  else idea->dots[env.from] = on_idea + e.delta;
  return Reason::none;
}

// [SECTION] rating
Reason handle_activity_event(Session& s, const Envelope& env, const RatingVote& e) {
  Activity* a = nullptr;
  PALABRE_TRY(participant_activity(s, env, e.activity, {ActivityKind::rating}, a));
  if (e.stars < 1 || e.stars > a->spec.scale) return Reason::bad_stars;
  a->votes[env.from] = Vote{env.seq, env.at, e.stars};  // one vote per person; changing replaces it
  return Reason::none;
}

// [SECTION] qna
Reason handle_activity_event(Session& s, const Envelope& env, const QnaAsk& e) {
  Activity* a = nullptr;
  PALABRE_TRY(participant_activity(s, env, e.activity, {ActivityKind::qna}, a));
  PALABRE_TRY(check_text(e.text, max_idea_bytes));
  QnaQuestion q;
  q.id = env.seq;
  q.at = env.at;
  q.by = env.from;
  q.text = std::string(trim(e.text));
  a->questions.emplace(q.id, std::move(q));
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const QnaUpvote& e) {
  Activity* a = nullptr;
  PALABRE_TRY(participant_activity(s, env, e.activity, {ActivityKind::qna}, a));
  auto it = a->questions.find(e.id);
  if (it == a->questions.end() || it->second.hidden) return Reason::unknown_item;
  const bool has = it->second.upvotes.count(env.from) > 0;
  if (e.upvoted && has) return Reason::already_voted;
  if (!e.upvoted && !has) return Reason::not_voted;
  if (e.upvoted) it->second.upvotes.insert(env.from);
  else it->second.upvotes.erase(env.from);
  return Reason::none;
}

// [SECTION] presentation
Reason handle_activity_event(Session& s, const Envelope& env, const PresentationGoto& e) {
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, e.activity, a));
  if (a->spec.kind != ActivityKind::presentation) return Reason::wrong_kind;
  if (e.page < 0 || e.page >= int(a->spec.pages.size())) return Reason::bad_page;
  if (a->page == e.page) return Reason::no_change;
  a->page = e.page;
  return Reason::none;
}

}  // namespace detail
}  // namespace palabre::core
