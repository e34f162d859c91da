#pragma once
// Internal: the rules of every activity event (activities.cpp). Each validates, then mutates.
#include "core/session.hpp"

namespace palabre::core::detail {

#define PALABRE_ACTIVITY_EVENTS(X)                                                                       \
  X(ActivityAdd) X(ActivityEdit) X(ActivityRemove) X(ActivityMove) X(ActivityStart) X(ActivityStop) X(ActivityReopen)    \
  X(ActivityReveal) X(ItemHide) X(IdeaApprove) X(BoardLock) X(QuizNext) X(QuizClose) X(QuizExtend) X(QuizLeaderboard) X(ResultsPublish) X(QnaMark) X(PresentationGoto) X(SurveyShow) \
  X(ChallengeAttempt) X(QuizAnswer) X(SurveyAnswer) X(IdeaPost) X(IdeaEdit) X(IdeaDelete) X(IdeaMove)  \
  X(IdeaLike) X(IdeaDot) X(RatingVote) X(QnaAsk) X(QnaUpvote)

#define PALABRE_DECLARE_HANDLER(T) Reason handle_activity_event(Session& s, const Envelope& env, const T& e);
PALABRE_ACTIVITY_EVENTS(PALABRE_DECLARE_HANDLER)
#undef PALABRE_DECLARE_HANDLER

// Quiz points for a correct answer after `elapsed_ms` of a `limit_s` question:
// round(1000 × (1 − t / (2·limit))), 0 past the limit.
int quiz_points(std::int64_t elapsed_ms, int limit_s);
// The same with the time allowed in milliseconds (a question's limit plus the host's extensions).
int quiz_points_ms(std::int64_t elapsed_ms, std::int64_t allowed_ms);

}  // namespace palabre::core::detail
