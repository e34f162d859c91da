// The rules of the participants' answers: challenge attempts, quiz answers, survey answers and the
// question on screen, rating votes, Q&A, the presentation's page. Each checks first, mutates last.
#include <algorithm>
#include <limits>
#include <set>

#include "core/activity_rules.hpp"
#include "core/aggregates.hpp"
#include "core/text.hpp"

namespace palabre::core::detail {

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
  // The accessible option gives no points for speed: every right answer is worth the most.
  r.points = !r.correct           ? 0
             : a->spec.accessible ? 1000
                                  : quiz_points_ms(r.elapsed_ms, span_ms(a->question_shown_at[e.question], a->question_deadline[std::size_t(e.question)]));
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
  if (q.kind == QuestionKind::open) {
    r.text = e.text;
    r.approved = !held_for_moderation(s, *a, r.text);
  }
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
  q.approved = !held_for_moderation(s, *a, q.text);
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

Reason handle_activity_event(Session& s, const Envelope& env, const ActivityNotes& e) {
  constexpr std::size_t max_note_bytes = 8000;
  std::int64_t id = e.id;
  if (id == 0)  // the activity added last: ids are the seqs of their activity.add
    for (const auto& other : s.activities) id = std::max(id, other.id);
  Activity* a = nullptr;
  PALABRE_TRY(host_activity(s, env, id, a));
  if (env.vis != Visibility::staff) return Reason::must_be_staff;
  if (a->spec.kind != ActivityKind::presentation) return Reason::wrong_kind;
  if (e.notes.size() > a->spec.pages.size()) return Reason::bad_page;
  for (const auto& note : e.notes)
    if (note.size() > max_note_bytes) return Reason::text_too_long;
  if (a->notes == e.notes) return Reason::no_change;
  a->notes = e.notes;
  return Reason::none;
}

}  // namespace palabre::core::detail
