// Every activity: add/edit/remove while not started; start, stop, reopen; reveal; permissions.
#include <gtest/gtest.h>

#include "helpers.hpp"

using namespace palabre::core;
using palabre::core::testing::Script;
using namespace palabre::core::testing;

TEST(Lifecycle, GivenHost_WhenAddingActivity_ThenItIsADraftWithTheSeqAsId) {
  Script s;
  const std::int64_t id = s.add(rating_spec());
  ASSERT_EQ(s.session.activities.size(), 1u);
  EXPECT_EQ(s.session.activities[0].id, id);
  EXPECT_EQ(s.session.activities[0].status, ActivityStatus::draft);
}

TEST(Lifecycle, GivenParticipantOrKiosk_WhenAddingActivity_ThenRejected) {
  Script s;
  s.join("p1", "A");
  EXPECT_EQ(s.participant("p1", ActivityAdd{rating_spec()}).code(), "not_host");
  EXPECT_EQ(s.send("k2", Role::kiosk, ActivityAdd{rating_spec()}).code(), "kiosk_read_only");
  EXPECT_TRUE(s.session.activities.empty());
}

TEST(Lifecycle, GivenInvalidContent_WhenAdding_ThenRejectedBadActivity) {
  Script s;
  ActivitySpec spec = challenge_spec({});
  EXPECT_EQ(s.host(ActivityAdd{spec}).code(), "bad_activity");
  ActivitySpec quiz = quiz_spec();
  quiz.quiz[0].correct = {7};
  EXPECT_EQ(s.host(ActivityAdd{quiz}).code(), "bad_activity");
  EXPECT_TRUE(s.session.activities.empty());
}

TEST(Lifecycle, GivenDraft_WhenEditingOrRemoving_ThenAccepted) {
  Script s;
  const std::int64_t id = s.add(rating_spec());
  ActivitySpec changed = rating_spec(10);
  EXPECT_TRUE(s.host(ActivityEdit{id, changed}).accepted());
  EXPECT_EQ(s.activity(id).spec.scale, 10);
  EXPECT_TRUE(s.host(ActivityRemove{id}).accepted());
  EXPECT_TRUE(s.session.activities.empty());
}

TEST(Lifecycle, GivenStartedActivity_WhenEditingOrRemoving_ThenRejectedAlreadyStarted) {
  Script s;
  const std::int64_t id = s.running(rating_spec());
  const std::string before = canonical_json(s.session);
  EXPECT_EQ(s.host(ActivityEdit{id, rating_spec(3)}).code(), "already_started");  // another scale: another meaning
  EXPECT_EQ(s.host(ActivityRemove{id}).code(), "already_started");
  EXPECT_EQ(s.host(ActivityStart{id}).code(), "already_started");
  EXPECT_EQ(canonical_json(s.session), before);
}

TEST(Lifecycle, GivenStartedSurveyWithAnswers_WhenOnlyItsWordingIsCorrected_ThenAcceptedAndAnswersKept) {
  Script s;
  const std::int64_t id = s.running(survey_spec());
  s.join("p1", "Alice");
  ASSERT_TRUE(s.participant("p1", SurveyAnswer{id, 0, {2}, "", 0, ""}).accepted());
  ActivitySpec fixed = survey_spec();
  fixed.title = "Votre usage du site";
  fixed.questions[0].text = "Une photo ?";
  fixed.questions[0].choices[2] = "Bientôt";
  fixed.questions[2].hint = "Le nom du dispositif";
  EXPECT_TRUE(s.host(ActivityEdit{id, fixed}).accepted());
  EXPECT_EQ(s.activity(id).spec.questions[0].choices[2], "Bientôt");
  EXPECT_EQ(s.activity(id).status, ActivityStatus::running);
  EXPECT_EQ(s.activity(id).survey_answers[0].at("p1").choices, std::vector<int>{2});
}

TEST(Lifecycle, GivenStartedActivities_WhenAnEditChangesWhatAnswersMean_ThenRejectedAlreadyStarted) {
  Script s;
  const std::int64_t survey = s.running(survey_spec());
  ActivitySpec more = survey_spec();
  more.questions[0].choices.push_back("jamais");  // a choice more
  EXPECT_EQ(s.host(ActivityEdit{survey, more}).code(), "already_started");
  ActivitySpec kind = survey_spec();
  kind.questions[0].kind = QuestionKind::multiple;
  EXPECT_EQ(s.host(ActivityEdit{survey, kind}).code(), "already_started");
  ActivitySpec anonymous = survey_spec();
  anonymous.anonymous = true;
  EXPECT_EQ(s.host(ActivityEdit{survey, anonymous}).code(), "already_started");
  s.host(ActivityStop{survey});
  const std::int64_t quiz = s.running(quiz_spec());
  ActivitySpec right = quiz_spec();
  right.quiz[0].correct = {2};  // another right answer
  EXPECT_EQ(s.host(ActivityEdit{quiz, right}).code(), "already_started");
  ActivitySpec typo = quiz_spec();
  typo.quiz[0].text = "En quelle année ?";
  EXPECT_TRUE(s.host(ActivityEdit{quiz, typo}).accepted());
}

TEST(Lifecycle, GivenRunningActivity_WhenStoppedThenReopened_ThenStatusFollows) {
  Script s;
  const std::int64_t id = s.running(rating_spec());
  EXPECT_EQ(s.activity(id).status, ActivityStatus::running);
  EXPECT_EQ(s.session.current_activity, id);
  EXPECT_TRUE(s.host(ActivityStop{id}).accepted());
  EXPECT_EQ(s.activity(id).status, ActivityStatus::stopped);
  EXPECT_EQ(s.host(ActivityStop{id}).code(), "not_running");
  EXPECT_TRUE(s.host(ActivityReopen{id}).accepted());
  EXPECT_EQ(s.activity(id).status, ActivityStatus::running);
  EXPECT_EQ(s.host(ActivityReopen{id}).code(), "not_stopped");
}

TEST(Lifecycle, GivenUnknownId_WhenHostActs_ThenRejectedUnknownActivity) {
  Script s;
  EXPECT_EQ(s.host(ActivityStart{99}).code(), "unknown_activity");
  EXPECT_EQ(s.host(ActivityReveal{99, true}).code(), "unknown_activity");
}

TEST(Lifecycle, GivenParticipant_WhenStartingStoppingOrRevealing_ThenRejectedNotHost) {
  Script s;
  s.join("p1", "A");
  const std::int64_t id = s.add(rating_spec());
  EXPECT_EQ(s.participant("p1", ActivityStart{id}).code(), "not_host");
  s.host(ActivityStart{id});
  EXPECT_EQ(s.participant("p1", ActivityStop{id}).code(), "not_host");
  EXPECT_EQ(s.participant("p1", ActivityReveal{id, true}).code(), "not_host");
}

TEST(Lifecycle, GivenActivity_WhenHostReveals_ThenRevealedAndRepeatIsNoChange) {
  Script s;
  const std::int64_t id = s.running(rating_spec());
  EXPECT_TRUE(s.host(ActivityReveal{id, true}).accepted());
  EXPECT_TRUE(s.activity(id).revealed);
  EXPECT_EQ(s.host(ActivityReveal{id, true}).code(), "no_change");
  EXPECT_TRUE(s.host(ActivityReveal{id, false}).accepted());
}

TEST(Lifecycle, GivenDraftOrStoppedActivity_WhenParticipantActs_ThenRejectedNotRunning) {
  Script s;
  s.join("p1", "A");
  const std::int64_t id = s.add(rating_spec());
  EXPECT_EQ(s.participant("p1", RatingVote{id, 4}).code(), "not_running");
  s.host(ActivityStart{id});
  s.host(ActivityStop{id});
  EXPECT_EQ(s.participant("p1", RatingVote{id, 4}).code(), "not_running");
  EXPECT_TRUE(s.activity(id).votes.empty());
}

TEST(Lifecycle, GivenTimer_WhenParticipantActsAfterIt_ThenRejectedTimeOver) {
  Script s;
  ActivitySpec spec = rating_spec();
  spec.timer_s = 30;
  const std::int64_t id = s.running(spec, 1);
  EXPECT_TRUE(s.participant("p1", RatingVote{id, 4}).accepted());
  s.wait_ms(31000);
  EXPECT_EQ(s.participant("p1", RatingVote{id, 5}).code(), "time_over");
  EXPECT_EQ(s.activity(id).votes.at("p1").stars, 4);
}

TEST(Lifecycle, GivenReopenedActivity_WhenTimerHadRunOut_ThenTimerCountsFromTheReopen) {
  Script s;
  ActivitySpec spec = rating_spec();
  spec.timer_s = 10;
  const std::int64_t id = s.running(spec, 1);
  s.wait_ms(20000);
  s.host(ActivityStop{id});
  s.host(ActivityReopen{id});
  EXPECT_TRUE(s.participant("p1", RatingVote{id, 2}).accepted());
}

TEST(Lifecycle, GivenEventForWrongKind_WhenSent_ThenRejectedWrongKind) {
  Script s;
  const std::int64_t id = s.running(rating_spec(), 1);
  EXPECT_EQ(s.participant("p1", ChallengeAttempt{id, "x"}).code(), "wrong_kind");
  EXPECT_EQ(s.participant("p1", IdeaPost{id, "x"}).code(), "wrong_kind");
  EXPECT_EQ(s.host(QuizNext{id}).code(), "wrong_kind");
}

TEST(Lifecycle, GivenStranger_WhenActingOnActivity_ThenRejectedNotJoined) {
  Script s;
  const std::int64_t id = s.running(rating_spec(), 1);
  EXPECT_EQ(s.participant("p9", RatingVote{id, 3}).code(), "not_joined");
  EXPECT_EQ(s.host(RatingVote{id, 3}).code(), "not_participant");
}
