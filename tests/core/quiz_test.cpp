// Quiz: timed questions, points falling with time, one answer per question, leaderboard.
#include <gtest/gtest.h>

#include "core/activity_rules.hpp"
#include "core/aggregates.hpp"
#include "helpers.hpp"

using namespace palabre::core;
using namespace palabre::core::testing;

TEST(Quiz, GivenPointsFormula_WhenComputed_ThenFallsFrom1000To500AtTheLimit) {
  EXPECT_EQ(detail::quiz_points(0, 20), 1000);
  EXPECT_EQ(detail::quiz_points(10000, 20), 750);
  EXPECT_EQ(detail::quiz_points(20000, 20), 500);
  EXPECT_EQ(detail::quiz_points(20001, 20), 0);
  EXPECT_EQ(detail::quiz_points(3000, 20), 925);
}

TEST(Quiz, GivenStart_WhenStarted_ThenFirstQuestionIsShown) {
  Script s;
  const std::int64_t id = s.running(quiz_spec());
  EXPECT_EQ(s.activity(id).current_question, 0);
}

TEST(Quiz, GivenCorrectAnswer_WhenSentAfter3Seconds_ThenPointsFallWithTime) {
  Script s;
  const std::int64_t id = s.running(quiz_spec(), 1);  // start at t, answer at t + 1 s + 2 s
  s.wait_ms(2000);
  EXPECT_TRUE(s.participant("p1", QuizAnswer{id, 0, {1}}).accepted());
  const QuizResponse& r = s.activity(id).quiz_answers[0].at("p1");
  EXPECT_TRUE(r.correct);
  EXPECT_EQ(r.elapsed_ms, 3000);
  EXPECT_EQ(r.points, 925);
}

TEST(Quiz, GivenWrongOrPartialAnswer_WhenSent_ThenZeroPoints) {
  Script s;
  const std::int64_t id = s.running(quiz_spec(), 2);
  s.participant("p1", QuizAnswer{id, 0, {0}});
  s.host(QuizNext{id});
  s.participant("p2", QuizAnswer{id, 1, {0}});  // needs 0 and 2
  EXPECT_EQ(s.activity(id).quiz_answers[0].at("p1").points, 0);
  EXPECT_FALSE(s.activity(id).quiz_answers[1].at("p2").correct);
}

TEST(Quiz, GivenLateAnswer_WhenSent_ThenRefusedTimeOverAndNotCounted) {
  Script s;
  const std::int64_t id = s.running(quiz_spec(5), 1);
  s.wait_ms(6000);
  EXPECT_EQ(s.participant("p1", QuizAnswer{id, 0, {1}}).code(), "time_over");
  EXPECT_TRUE(s.activity(id).quiz_answers[0].empty());
}

TEST(Quiz, GivenHostClosedTheQuestion_WhenAnswering_ThenRefusedQuestionClosed) {
  Script s;
  const std::int64_t id = s.running(quiz_spec(), 1);
  EXPECT_TRUE(s.host(QuizClose{id}).accepted());
  EXPECT_EQ(s.participant("p1", QuizAnswer{id, 0, {1}}).code(), "question_closed");
  EXPECT_EQ(s.host(QuizClose{id}).code(), "no_change");
}

TEST(Quiz, GivenHostAddedTime_WhenAnsweringAfterTheFirstLimit_ThenAcceptedWithPointsOverTheLongerTime) {
  Script s;
  const std::int64_t id = s.running(quiz_spec(5), 1);  // shown at t; extend at t+1 s
  EXPECT_TRUE(s.host(QuizExtend{id, 10}).accepted());  // deadline t + 15 s
  s.wait_ms(5000);                                     // answer at t + 7 s
  EXPECT_TRUE(s.participant("p1", QuizAnswer{id, 0, {1}}).accepted());
  EXPECT_EQ(s.activity(id).quiz_answers[0].at("p1").points, detail::quiz_points_ms(7000, 15000));
  EXPECT_EQ(s.host(QuizExtend{id, 0}).code(), "bad_duration");
}

TEST(Quiz, GivenTwoRightAnswers_WhenAParticipantPicksBoth_ThenRightWithPoints) {
  Script s;
  const std::int64_t id = s.running(quiz_spec(), 2);
  s.host(QuizNext{id});
  EXPECT_TRUE(s.participant("p1", QuizAnswer{id, 1, {2, 0}}).accepted());
  EXPECT_TRUE(s.participant("p2", QuizAnswer{id, 1, {0}}).accepted());
  EXPECT_TRUE(s.activity(id).quiz_answers[1].at("p1").correct);
  EXPECT_GT(s.activity(id).quiz_answers[1].at("p1").points, 0);
  EXPECT_FALSE(s.activity(id).quiz_answers[1].at("p2").correct);
  s.host(QuizClose{id});
  EXPECT_EQ(quiz_figures(s.session, s.activity(id)).correct_percent[1], 50);
}

TEST(Quiz, GivenAnOpenQuestion_WhenTheRoomLooks_ThenOnlyHowManyAnsweredShows) {
  Script s;
  const std::int64_t id = s.running(quiz_spec(), 2);
  s.participant("p1", QuizAnswer{id, 0, {1}});
  ActivityFigures open = room_figures(s.session, s.activity(id));
  EXPECT_EQ(open.quiz.answered[0], 1);
  EXPECT_EQ(open.quiz.picks[0], (std::vector<int>{0, 0, 0}));
  EXPECT_EQ(open.quiz.correct[0], 0);
  EXPECT_TRUE(open.quiz.leaderboard.empty());
  EXPECT_EQ(s.host(QuizLeaderboard{id}).code(), "question_open");
  s.host(QuizClose{id});
  ActivityFigures closed = room_figures(s.session, s.activity(id));
  EXPECT_EQ(closed.quiz.picks[0], (std::vector<int>{0, 1, 0}));
  EXPECT_TRUE(closed.quiz.leaderboard.empty());  // the podium waits for the host
  EXPECT_TRUE(s.host(QuizLeaderboard{id}).accepted());
  EXPECT_EQ(room_figures(s.session, s.activity(id)).quiz.leaderboard.size(), 1u);
  s.host(QuizNext{id});
  EXPECT_FALSE(s.activity(id).leaderboard_shown);
}

TEST(Quiz, GivenAnsweredQuestion_WhenAnsweringAgain_ThenRejectedAlreadyAnswered) {
  Script s;
  const std::int64_t id = s.running(quiz_spec(), 1);
  s.participant("p1", QuizAnswer{id, 0, {0}});
  EXPECT_EQ(s.participant("p1", QuizAnswer{id, 0, {1}}).code(), "already_answered");
  EXPECT_EQ(s.activity(id).quiz_answers[0].at("p1").choices, std::vector<int>{0});
}

TEST(Quiz, GivenOtherQuestionOnScreen_WhenAnswering_ThenRejectedNotCurrentQuestion) {
  Script s;
  const std::int64_t id = s.running(quiz_spec(), 1);
  EXPECT_EQ(s.participant("p1", QuizAnswer{id, 1, {0}}).code(), "not_current_question");
  EXPECT_EQ(s.participant("p1", QuizAnswer{id, 5, {0}}).code(), "unknown_question");
}

TEST(Quiz, GivenBadChoices_WhenAnswering_ThenRejectedBadChoice) {
  Script s;
  const std::int64_t id = s.running(quiz_spec(), 1);
  EXPECT_EQ(s.participant("p1", QuizAnswer{id, 0, {}}).code(), "bad_choice");
  EXPECT_EQ(s.participant("p1", QuizAnswer{id, 0, {3}}).code(), "bad_choice");
  EXPECT_EQ(s.participant("p1", QuizAnswer{id, 0, {1, 1}}).code(), "bad_choice");
}

TEST(Quiz, GivenLastQuestion_WhenHostAsksNext_ThenRejectedNoMoreQuestions) {
  Script s;
  const std::int64_t id = s.running(quiz_spec(), 0);
  EXPECT_TRUE(s.host(QuizNext{id}).accepted());
  EXPECT_EQ(s.host(QuizNext{id}).code(), "no_more_questions");
}

TEST(Quiz, GivenAnswers_WhenFigured_ThenLeaderboardByPointsAndPercentCorrect) {
  Script s;
  const std::int64_t id = s.running(quiz_spec(), 3);
  s.participant("p2", QuizAnswer{id, 0, {1}});
  s.participant("p1", QuizAnswer{id, 0, {1}});
  s.participant("p3", QuizAnswer{id, 0, {2}});
  QuizFigures f = quiz_figures(s.session, s.activity(id));
  EXPECT_EQ(f.correct_percent[0], 67);
  ASSERT_EQ(f.leaderboard.size(), 3u);
  EXPECT_EQ(f.leaderboard[0].who, "p2");  // faster
  EXPECT_EQ(f.leaderboard[1].who, "p1");
  EXPECT_EQ(f.leaderboard[2].who, "p3");
  EXPECT_EQ(f.leaderboard[2].points, 0);
}

TEST(Quiz, GivenAnswers_WhenFigured_ThenPicksPerChoiceAreCountedAndRoundedPerChoice) {
  // Given three answers to a three-choice question: two pick "2014", one picks "2016"
  Script s;
  const std::int64_t id = s.running(quiz_spec(), 3);
  s.participant("p1", QuizAnswer{id, 0, {1}});
  s.participant("p2", QuizAnswer{id, 0, {1}});
  s.participant("p3", QuizAnswer{id, 0, {2}});
  // when figured
  const QuizFigures f = quiz_figures(s.session, s.activity(id));
  // then each choice has its count and its percentage of those who answered, rounded per choice
  ASSERT_GE(f.picks.size(), 1u);
  EXPECT_EQ(f.picks[0], (std::vector<int>{0, 2, 1}));
  EXPECT_EQ(f.picks_percent[0], (std::vector<int>{0, 67, 33}));
}
