// Live challenge: normalized answers, first correct attempt in seq order wins and stops it.
#include <gtest/gtest.h>

#include "core/aggregates.hpp"
#include "helpers.hpp"

using namespace palabre::core;
using namespace palabre::core::testing;

TEST(Challenge, GivenWrongAttempts_WhenSent_ThenKeptAndChallengeGoesOn) {
  Script s;
  const std::int64_t id = s.running(challenge_spec());
  EXPECT_TRUE(s.participant("p1", ChallengeAttempt{id, "25/09/2022"}).accepted());
  EXPECT_TRUE(s.participant("p1", ChallengeAttempt{id, "24/09/2022"}).accepted());
  EXPECT_EQ(s.activity(id).attempts.size(), 2u);
  EXPECT_TRUE(s.activity(id).running());
}

TEST(Challenge, GivenAnswerDifferingByCaseAccentsAndSpaces_WhenSent_ThenCorrect) {
  Script s;
  const std::int64_t id = s.running(challenge_spec({"Écran vivant"}));
  EXPECT_TRUE(s.participant("p2", ChallengeAttempt{id, "  ecran   VIVANT "}).accepted());
  EXPECT_TRUE(s.activity(id).attempts[0].correct);
}

TEST(Challenge, GivenFirstCorrectAttempt_WhenSent_ThenItWinsAndStopsTheChallenge) {
  Script s;
  const std::int64_t id = s.running(challenge_spec());
  s.participant("p1", ChallengeAttempt{id, "nope"});
  s.wait_ms(26000);
  s.participant("p2", ChallengeAttempt{id, "26/09/2022"});
  const Activity& a = s.activity(id);
  EXPECT_EQ(a.status, ActivityStatus::stopped);
  ChallengeFigures f = challenge_figures(s.session, a);
  EXPECT_TRUE(f.won);
  EXPECT_EQ(f.winner, "p2");
  EXPECT_EQ(f.winner_attempts, 1);
  EXPECT_EQ(f.attempts, 2);
  EXPECT_EQ(f.seconds_to_win, 28);  // start, +1 s first attempt, +1 s + 26 s winning attempt
  EXPECT_EQ(f.people_attempted, 2);
  EXPECT_EQ(f.participation_percent, 67);
}

TEST(Challenge, GivenWinner_WhenAnotherCorrectAttemptArrives_ThenRejectedChallengeWon) {
  Script s;
  const std::int64_t id = s.running(challenge_spec());
  s.participant("p1", ChallengeAttempt{id, "26/09/2022"});
  EXPECT_EQ(s.participant("p2", ChallengeAttempt{id, "26/09/2022"}).code(), "challenge_won");
  EXPECT_EQ(challenge_figures(s.session, s.activity(id)).winner, "p1");
}

TEST(Challenge, GivenWonChallenge_WhenHostReopens_ThenRejectedChallengeWon) {
  Script s;
  const std::int64_t id = s.running(challenge_spec());
  s.participant("p1", ChallengeAttempt{id, "26/09/2022"});
  EXPECT_EQ(s.host(ActivityReopen{id}).code(), "challenge_won");
}

TEST(Challenge, GivenEmptyAttempt_WhenSent_ThenRejectedEmptyText) {
  Script s;
  const std::int64_t id = s.running(challenge_spec());
  EXPECT_EQ(s.participant("p1", ChallengeAttempt{id, "  "}).code(), "empty_text");
}

TEST(Challenge, GivenTimeLimit_WhenAttemptComesLate_ThenRejectedTimeOver) {
  Script s;
  const std::int64_t id = s.running(challenge_spec({"26/09/2022"}, 10));
  s.wait_ms(11000);
  EXPECT_EQ(s.participant("p1", ChallengeAttempt{id, "26/09/2022"}).code(), "time_over");
  EXPECT_FALSE(challenge_figures(s.session, s.activity(id)).won);
}
