// The rules of activities. Every handler checks everything first and mutates last, so a rejected
// event leaves the session untouched.
// [SECTION] common checks  [SECTION] host: prepare and run  [SECTION] moderation
// [SECTION] quiz (the host's controls)  [SECTION] published figures
// The participants' answers: activities_answers.cpp; ideas (brainstorm and board): activities_ideas.cpp.
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
// [SECTION] common checks (declared in activity_rules.hpp)
static Reason host_only(const Envelope& env) { return env.role == Role::host ? Reason::none : Reason::not_host; }

static Reason joined_participant(const Session& s, const Envelope& env) {
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

bool held_for_moderation(const Session& s, const Activity& a, std::string_view text) {
  return a.spec.controlled || has_blocked_word(text, s.info.blocked_words);
}

// Sizes the per-question containers to the spec.
static void shape_for_spec(Activity& a) {
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
static std::int64_t later(std::int64_t at, std::int64_t ms) {
  return at > std::numeric_limits<std::int64_t>::max() - ms ? std::numeric_limits<std::int64_t>::max() : at + ms;
}

// to − from, 0 when negative, saturated when too large.
std::int64_t span_ms(std::int64_t from, std::int64_t to) {
  std::int64_t d = 0;
  if (__builtin_sub_overflow(to, from, &d)) return to > from ? std::numeric_limits<std::int64_t>::max() : 0;
  return std::max<std::int64_t>(d, 0);
}

// Shows quiz question `q` from `at`: its full time, open.
static void show_question(Activity& a, int q, std::int64_t at) {
  a.current_question = q;
  a.question_shown_at[std::size_t(q)] = at;
  const std::int64_t limit_ms = std::int64_t(a.spec.quiz[std::size_t(q)].limit_s) * (a.spec.accessible ? 2000 : 1000);
  a.question_deadline[std::size_t(q)] = later(at, limit_ms);
  a.question_closed_at[std::size_t(q)] = 0;
  a.leaderboard_shown = false;
}

// Closes the quiz question on screen, if open: no more answers, its results may show.
static void close_question(Activity& a, std::int64_t at) {
  if (a.question_open()) a.question_closed_at[std::size_t(a.current_question)] = at;
}

// Published figures that fit the activity's content, so that views can index them safely.
static bool figures_fit(const ActivitySpec& spec, const ActivityFigures& f) {
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
// One moderation flag (`field`: hidden or approved) of an idea, post-it, question or open answer,
// found by its item id; null when the activity has no such item.
template <typename Field>
bool* item_flag(Activity& a, std::int64_t item, Field field) {
  if (auto it = a.ideas.find(item); it != a.ideas.end()) return &field(it->second);
  if (auto it = a.questions.find(item); it != a.questions.end()) return &field(it->second);
  for (auto& per_question : a.survey_answers)
    for (auto& [who, r] : per_question)
      if (r.seq == item) return &field(r);
  return nullptr;
}

Reason handle_activity_event(Session& s, const Envelope& env, const ItemHide& e) {
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, e.activity, a));
  bool* flag = item_flag(*a, e.item, [](auto& x) -> bool& { return x.hidden; });
  if (!flag) return Reason::unknown_item;
  if (*flag == e.hidden) return Reason::no_change;
  *flag = e.hidden;
  return Reason::none;
}

}  // namespace detail

int hide_contributions_of(Session& s, std::string_view who, std::int64_t seq) {
  const std::string id(who);
  int hidden = 0;
  auto hide = [&](bool& flag) {
    hidden += !flag;
    flag = true;
  };
  for (Message& m : s.messages)
    if (m.from == who) hide(m.hidden);
  for (Activity& a : s.activities) {
    const int before = hidden;
    for (auto& [id, idea] : a.ideas)
      if (idea.by == who) hide(idea.hidden);
    for (auto& [id, question] : a.questions)
      if (question.by == who) hide(question.hidden);
    for (auto& per_question : a.survey_answers)  // open answers and comments: what can be read out
      if (const auto it = per_question.find(id);
          it != per_question.end() && !(it->second.text.empty() && it->second.comment.empty()))
        hide(it->second.hidden);
    if (hidden != before) a.figures_seq = seq;  // hidden items leave the figures
  }
  return hidden;
}

namespace detail {

Reason handle_activity_event(Session& s, const Envelope& env, const IdeaApprove& e) {
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, e.activity, a));
  if (!is_ideas(*a)) return Reason::wrong_kind;
  auto it = a->ideas.find(e.id);
  if (it == a->ideas.end()) return Reason::unknown_item;
  if (it->second.approved) return a->spec.controlled ? Reason::no_change : Reason::wrong_mode;
  it->second.approved = true;
  return Reason::none;
}

Reason handle_activity_event(Session& s, const Envelope& env, const ItemApprove& e) {
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, e.activity, a));
  bool* approved = item_flag(*a, e.item, [](auto& x) -> bool& { return x.approved; });
  if (!approved) return Reason::unknown_item;
  if (*approved) return Reason::no_change;
  *approved = true;
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

}  // namespace detail
}  // namespace palabre::core
