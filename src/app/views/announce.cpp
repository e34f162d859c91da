// What sighted people see change, said to screen readers through the page's live region
// (mirror::announce): an activity starting, a quiz question and its countdown at 30 and 10 seconds,
// the right answer once it is closed, a winner, the podium, results shown, one's own answer accepted
// or refused. Reads the session and this member's pending and refused events like any view; keeps
// only what it last said.
#include <string>

#include "app/mirror.hpp"
#include "app/strings.hpp"
#include "app/views/views.hpp"

namespace palabre::app::views {
namespace {

// What was last announced, so each change is said once; primed silently on the first frame in a
// room (a latecomer's catch-up is not news).
struct Said {
  bool primed = false;
  std::int64_t activity = 0;
  int question = -1;
  int countdown_mark = 0;       // 30 or 10 once said for this question
  bool question_closed = false;
  std::int64_t winning_seq = 0;
  bool podium = false;
  bool published = false;
  std::size_t pending = 0;
  std::size_t refusals = 0;
};
Said said;

std::string question_line(const core::Activity& a) {
  const auto& questions = a.spec.quiz;
  const auto q = static_cast<std::size_t>(a.current_question);
  if (q >= questions.size()) return {};
  return std::to_string(q + 1) + " / " + std::to_string(questions.size()) + " : " + questions[q].text;
}

std::string right_answer_line(const core::Activity& a) {
  const auto q = static_cast<std::size_t>(a.current_question);
  if (q >= a.spec.quiz.size()) return {};
  const auto& question = a.spec.quiz[q];
  std::string line = tr(S::announce_right);
  for (std::size_t i = 0; i < question.correct.size(); ++i) {
    const auto c = static_cast<std::size_t>(question.correct[i]);
    if (c < question.choices.size()) line += (i ? ", " : " ") + question.choices[c];
  }
  return line;
}

std::string podium_line(Context& ctx, const core::QuizFigures& fig) {
  std::string line = tr(S::leaderboard);
  for (std::size_t rank = 0; rank < fig.leaderboard.size() && rank < 3; ++rank) {
    const auto& row = fig.leaderboard[rank];
    line += (rank ? ", " : " : ") + std::to_string(rank + 1) + ". " +
            (row.who.empty() ? std::string("—") : ctx.session.display_name(row.who)) + " " + std::to_string(row.points) + " " +
            trn(S::points, row.points);
  }
  return line;
}

}  // namespace

void announce_changes(Context& ctx, const core::Activity* a) {
  Said now;
  now.primed = true;
  now.activity = a ? a->id : 0;
  now.pending = ctx.pending.size();
  now.refusals = ctx.refusals.size();
  if (a) {
    now.question = a->current_question;
    now.question_closed = a->current_question >= 0 && !a->question_open();
    now.winning_seq = a->winning_seq;
    now.podium = a->leaderboard_shown;
    now.published = a->revealed;  // the host showed the results to the room
  }
  const bool first = !said.primed;
  const Said before = said;
  said = now;
  if (first || !a) return;
  const bool same_activity = before.activity == now.activity;
  if (!same_activity) mirror::announce(std::string(tr(S::announce_activity)) + " " + a->spec.title);
  if (now.question >= 0 && (!same_activity || now.question != before.question)) {
    mirror::announce(question_line(*a));
  } else if (same_activity && now.question == before.question) {
    said.countdown_mark = before.countdown_mark;
  }
  const int left = question_seconds_left(*a, ctx.epoch_ms);
  for (const int mark : {30, 10}) {
    if (left > 0 && left <= mark && (said.countdown_mark == 0 || said.countdown_mark > mark) &&
        a->spec.quiz[static_cast<std::size_t>(a->current_question)].limit_s > mark) {
      said.countdown_mark = mark;
      mirror::announce(std::to_string(mark) + " " + tr(S::announce_seconds));
    }
  }
  if (left > 10) ctx.ui.redraw_within((left - (left > 30 ? 30 : 10)) * 1000.0);
  if (now.question_closed && !(same_activity && now.question == before.question && before.question_closed))
    mirror::announce(right_answer_line(*a));
  if (now.winning_seq && now.winning_seq != before.winning_seq) {
    const auto& fig = figures_of(ctx.session, *a).challenge;
    if (!fig.winner.empty()) mirror::announce(std::string(tr(S::won_by)) + " " + ctx.session.display_name(fig.winner));
  }
  // The podium once its figures are there (a phone gets them from the host's publication).
  const auto& quiz = figures_of(ctx.session, *a).quiz;
  said.podium = now.podium && !quiz.leaderboard.empty();
  if (said.podium && !(same_activity && before.podium)) mirror::announce(podium_line(ctx, quiz));
  else if (now.published && !(same_activity && before.published)) mirror::announce(tr(S::announce_results));
  if (now.refusals > before.refusals) mirror::announce(tr(S::announce_refused));
  else if (now.pending < before.pending) mirror::announce(tr(S::sent));
}

}  // namespace palabre::app::views
