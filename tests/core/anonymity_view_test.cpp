// Anonymity (never attributed, in canonical JSON or views) and the participant view of activities.
#include <gtest/gtest.h>

#include "core/aggregates.hpp"
#include "helpers.hpp"

using namespace palabre::core;
using namespace palabre::core::testing;

TEST(Anonymity, GivenAnonymousSurvey_WhenSerialized_ThenAnswersCountedButNeverAttributed) {
  Script s;
  ActivitySpec spec = survey_spec();
  spec.anonymous = true;
  const std::int64_t id = s.running(spec, 2);
  s.participant("p1", SurveyAnswer{id, 2, {}, "secret idea", 0, ""});
  s.participant("p2", SurveyAnswer{id, 0, {1}, "", 0, ""});
  const std::string json = canonical_json(s.session);
  EXPECT_NE(json.find("secret idea"), std::string::npos);
  EXPECT_EQ(json.find(R"("by":)"), std::string::npos) << json;
  EXPECT_EQ(survey_figures(s.session, s.activity(id)).respondents, 2);
}

TEST(Anonymity, GivenAnonymousBrainstormAndQuiz_WhenSerialized_ThenNoAuthorNoLikerNoPlayer) {
  Script s;
  ActivitySpec ideas = ideas_spec();
  ideas.anonymous = true;
  ActivitySpec quiz = quiz_spec();
  quiz.anonymous = true;
  const std::int64_t b = s.running(ideas, 2);
  const std::int64_t q = s.add(quiz);
  s.host(ActivityStart{q});
  const std::int64_t idea = s.next_seq;
  s.participant("p1", IdeaPost{b, "anonyme"});
  s.participant("p2", IdeaLike{b, idea, true});
  s.participant("p2", QuizAnswer{q, 0, {1}});
  const std::string json = canonical_json(s.session);
  EXPECT_EQ(json.find(R"("by":)"), std::string::npos) << json;
  EXPECT_EQ(json.find(R"("who":)"), std::string::npos) << json;
  EXPECT_EQ(json.find(R"("likes":["p2"])"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("likes":1)"), std::string::npos) << json;
}

TEST(ParticipantView, GivenOthersVotes_WhenNotRevealed_ThenOnlyOwnVoteVisible) {
  Script s;
  const std::int64_t id = s.running(rating_spec(), 3);
  s.participant("p1", RatingVote{id, 5});
  s.participant("p2", RatingVote{id, 2});
  Session v = participant_view(s.session, "p1");
  const Activity& a = *v.find_activity(id);
  ASSERT_EQ(a.votes.size(), 1u);
  EXPECT_EQ(a.votes.at("p1").stars, 5);
}

TEST(ParticipantView, GivenRevealedResults_WhenViewed_ThenCountsRightButOthersUnnamed) {
  Script s;
  const std::int64_t id = s.running(rating_spec(), 3);
  s.participant("p1", RatingVote{id, 5});
  s.participant("p2", RatingVote{id, 2});
  s.participant("p3", RatingVote{id, 2});
  s.host(ActivityReveal{id, true});
  Session v = participant_view(s.session, "p1");
  const Activity& a = *v.find_activity(id);
  EXPECT_EQ(rating_figures(v, a).votes, 3);
  EXPECT_EQ(rating_figures(v, a).average_tenths, 30);
  EXPECT_TRUE(a.votes.count("p1"));
  EXPECT_FALSE(a.votes.count("p2"));
}

TEST(ParticipantView, GivenHiddenAndPendingIdeas_WhenViewed_ThenHiddenGoneAndPendingOnlyForAuthor) {
  Script s;
  const std::int64_t id = s.running(ideas_spec(ActivityKind::brainstorm, 0, true), 2);
  const std::int64_t pending = s.next_seq;
  s.participant("p1", IdeaPost{id, "en attente"});
  const std::int64_t hidden = s.next_seq;
  s.participant("p2", IdeaPost{id, "caché"});
  s.host(IdeaApprove{id, hidden});
  s.host(ItemHide{id, hidden, true});
  EXPECT_TRUE(participant_view(s.session, "p1").find_activity(id)->ideas.count(pending));
  EXPECT_FALSE(participant_view(s.session, "p2").find_activity(id)->ideas.count(pending));
  EXPECT_FALSE(participant_view(s.session, "p2").find_activity(id)->ideas.count(hidden));
}

TEST(ParticipantView, GivenOthersLikes_WhenNotRevealed_ThenOnlyOwnLikeVisible) {
  Script s;
  const std::int64_t id = s.running(ideas_spec(), 3);
  const std::int64_t idea = s.next_seq;
  s.participant("p1", IdeaPost{id, "idée"});
  s.participant("p2", IdeaLike{id, idea, true});
  s.participant("p3", IdeaLike{id, idea, true});
  EXPECT_EQ(participant_view(s.session, "p2").find_activity(id)->ideas.at(idea).likes, (std::set<std::string>{"p2"}));
  s.host(ActivityReveal{id, true});
  EXPECT_EQ(participant_view(s.session, "p2").find_activity(id)->ideas.at(idea).likes.size(), 2u);
}

TEST(ParticipantView, GivenChallengeWonByAnother_WhenRevealed_ThenWinnerNamedOtherAttemptsNot) {
  Script s;
  const std::int64_t id = s.running(challenge_spec(), 3);
  s.participant("p3", ChallengeAttempt{id, "faux"});
  s.participant("p2", ChallengeAttempt{id, "26/09/2022"});
  Session before = participant_view(s.session, "p1");
  EXPECT_TRUE(before.find_activity(id)->attempts.empty());
  EXPECT_FALSE(challenge_figures(before, *before.find_activity(id)).won);
  s.host(ActivityReveal{id, true});
  Session after = participant_view(s.session, "p1");
  ChallengeFigures f = challenge_figures(after, *after.find_activity(id));
  EXPECT_EQ(f.winner, "p2");
  EXPECT_EQ(f.attempts, 2);
  EXPECT_NE(after.find_activity(id)->attempts[0].by, "p3");
}
