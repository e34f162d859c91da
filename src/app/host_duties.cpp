#include "app/host_duties.hpp"

#include <algorithm>

#include "core/aggregates.hpp"

namespace palabre::app {
namespace {
// Answers stamped before the deadline may still be on their way when the host's clock passes it;
// those after are refused by the engine anyway: the close only ends the wait.
constexpr std::int64_t close_grace_ms = 300;

bool same_figures(core::ActivityFigures a, const core::ActivityFigures& b) {
  a.as_of = b.as_of;
  return a == b;
}
}  // namespace

bool published_to_participants(const core::Activity& a) {
  using K = core::ActivityKind;
  if (a.status == core::ActivityStatus::draft || a.spec.kind == K::presentation) return false;
  return a.revealed || a.spec.kind == K::quiz || a.spec.kind == K::qna || (a.spec.kind == K::challenge && a.winning_seq != 0);
}

DutiesDue host_duties(const core::Session& s, std::int64_t now, HostDuties& duties) {
  DutiesDue due;
  const auto wake_in = [&](std::int64_t ms) {
    ms = std::max<std::int64_t>(ms, 1);
    due.next_in_ms = due.next_in_ms == 0 ? ms : std::min(due.next_in_ms, ms);
  };
  if (duties.figured_at != s.last_seq) duties.figured.clear(), duties.figured_at = s.last_seq;
  for (const core::Activity& a : s.activities) {
    if (a.spec.kind == core::ActivityKind::quiz && a.question_open()) {
      const auto q = static_cast<std::size_t>(a.current_question);
      const std::int64_t close_at = a.question_deadline[q] + close_grace_ms;
      auto asked = duties.closing.find(a.id);
      if (now >= close_at && (asked == duties.closing.end() || asked->second != a.current_question)) {
        due.events.push_back(core::QuizClose{a.id});
        duties.closing[a.id] = a.current_question;
      } else if (now < close_at) {
        wake_in(close_at - now);
      }
    }
    if (!published_to_participants(a)) continue;
    auto [cached, fresh] = duties.figured.try_emplace(a.id);
    if (fresh) cached->second = core::room_figures(s, a);
    const core::ActivityFigures& figures = cached->second;
    auto sent = duties.sent.find(a.id);
    const core::ActivityFigures* last = sent != duties.sent.end() ? &sent->second : (a.published ? &*a.published : nullptr);
    // Phones draw published figures only when they are as of the latest event about the activity
    // (core::shown_figures_current): a reveal or a stop calls for a publication even when no figure moved.
    const bool covers = last && last->as_of >= a.figures_seq;
    if (covers && same_figures(figures, *last)) continue;
    // A win, a closed question, a podium or a reveal shows at once; a vote's running figures wait their turn.
    const bool urgent = !last || (same_figures(figures, *last) && !covers) || (figures.challenge.won && !last->challenge.won) ||
                        figures.quiz.leaderboard.size() != last->quiz.leaderboard.size() ||
                        (a.spec.kind == core::ActivityKind::quiz && figures.quiz.picks != last->quiz.picks);
    const auto at = duties.sent_at.find(a.id);
    const std::int64_t since = at == duties.sent_at.end() ? publish_every_ms : now - at->second;
    if (!urgent && since < publish_every_ms) {
      wake_in(publish_every_ms - since);
      continue;
    }
    core::ActivityFigures published = figures;
    published.as_of = s.last_seq;
    duties.sent[a.id] = published;
    duties.sent_at[a.id] = now;
    due.events.push_back(core::ResultsPublish{a.id, std::move(published)});
  }
  return due;
}

}  // namespace palabre::app
