#pragma once
// Internal: the rules of every activity event (activities.cpp, activities_answers.cpp,
// activities_ideas.cpp) and the checks they share. Each validates, then mutates.
#include <initializer_list>
#include <string_view>

#include "core/session.hpp"

namespace palabre::core::detail {

#define PALABRE_ACTIVITY_EVENTS(X)                                                                       \
  X(ActivityAdd) X(ActivityEdit) X(ActivityRemove) X(ActivityMove) X(ActivityStart) X(ActivityStop) X(ActivityReopen)    \
  X(ActivityReveal) X(ItemHide) X(IdeaApprove) X(ItemApprove) X(BoardLock) X(QuizNext) X(QuizClose) X(QuizExtend) X(QuizLeaderboard) X(ResultsPublish) X(QnaMark) X(PresentationGoto) X(ActivityNotes) X(SurveyShow) \
  X(ChallengeAttempt) X(QuizAnswer) X(SurveyAnswer) X(IdeaPost) X(IdeaEdit) X(IdeaDelete) X(IdeaMove)  \
  X(IdeaLike) X(IdeaDot) X(RatingVote) X(QnaAsk) X(QnaUpvote)

#define PALABRE_DECLARE_HANDLER(T) Reason handle_activity_event(Session& s, const Envelope& env, const T& e);
PALABRE_ACTIVITY_EVENTS(PALABRE_DECLARE_HANDLER)
#undef PALABRE_DECLARE_HANDLER

#define PALABRE_TRY(expr) \
  if (Reason r_ = (expr); r_ != Reason::none) return r_

inline constexpr std::size_t max_idea_bytes = 500;
inline constexpr int board_extent = 10000;

// The activity `id`, for a host action.
Reason host_activity(Session& s, const Envelope& env, std::int64_t id, Activity*& out);
// The activity `id`, running, of one of `kinds`, within its timer, for a participant action (under
// a pseudonym in an anonymous activity).
Reason participant_activity(Session& s, const Envelope& env, std::int64_t id, std::initializer_list<ActivityKind> kinds,
                            Activity*& out);
// Not blank, at most `max` bytes.
Reason check_text(std::string_view text, std::size_t max);
// -1 (none) or one of the activity's categories.
Reason check_category(const Activity& a, int category);
bool is_ideas(const Activity& a);
// Whether a participant's text waits for the host before anyone else sees it: the activity is
// controlled (moderated), or the text has one of the session's blocked words.
bool held_for_moderation(const Session& s, const Activity& a, std::string_view text);
// An idea a participant can see and act on.
Reason visible_idea(Activity& a, std::int64_t id, Idea*& out);
// to − from, 0 when negative, saturated when too large.
std::int64_t span_ms(std::int64_t from, std::int64_t to);

// Quiz points for a correct answer after `elapsed_ms` of a `limit_s` question:
// round(1000 × (1 − t / (2·limit))), 0 past the limit.
int quiz_points(std::int64_t elapsed_ms, int limit_s);
// The same with the time allowed in milliseconds (a question's limit plus the host's extensions).
int quiz_points_ms(std::int64_t elapsed_ms, std::int64_t allowed_ms);

}  // namespace palabre::core::detail
