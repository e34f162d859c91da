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

// Issue 16: an event sent with "anon":true (from = the relay's pseudonym) was refused not_joined,
// so the pseudonym path could not be used at all.
TEST(Anonymity, GivenAnonymousActivities_WhenParticipantsActUnderTheirPseudonyms_ThenAcceptedOncePerPseudonym) {
  Script s;
  ActivitySpec survey = survey_spec();
  survey.anonymous = true;
  ActivitySpec quiz = quiz_spec();
  quiz.anonymous = true;
  ActivitySpec ideas = ideas_spec();
  ideas.anonymous = true;
  const std::int64_t sv = s.running(survey, 2);
  const std::int64_t q = s.add(quiz);
  s.host(ActivityStart{q});
  const std::int64_t b = s.add(ideas);
  s.host(ActivityStart{b});
  const std::string alice = "a0123456789ab", bob = "afedcba987654";
  // when each answers, posts and likes under its pseudonym, then every event is accepted
  EXPECT_TRUE(s.participant(alice, SurveyAnswer{sv, 2, {}, "secret idea", 0, ""}).accepted());
  EXPECT_TRUE(s.participant(bob, SurveyAnswer{sv, 0, {1}, "", 0, ""}).accepted());
  EXPECT_TRUE(s.participant(alice, QuizAnswer{q, 0, {1}}).accepted());
  const std::int64_t idea = s.next_seq;
  EXPECT_TRUE(s.participant(alice, IdeaPost{b, "anonyme"}).accepted());
  EXPECT_TRUE(s.participant(bob, IdeaLike{b, idea, true}).accepted());
  EXPECT_TRUE(s.participant(alice, IdeaEdit{b, idea, "anonyme aussi"}).accepted()) << "the author is its pseudonym";
  // and "one per person" holds per pseudonym
  EXPECT_EQ(s.participant(alice, QuizAnswer{q, 0, {1}}).reason, Reason::already_answered);
  EXPECT_EQ(s.participant(bob, IdeaLike{b, idea, true}).reason, Reason::already_liked);
  EXPECT_EQ(survey_figures(s.session, s.activity(sv)).respondents, 2);
  // and a pseudonym opens nothing outside an anonymous activity, nor for a host or a kiosk
  const std::int64_t named = s.add(rating_spec());
  s.host(ActivityStart{named});
  EXPECT_EQ(s.participant(alice, RatingVote{named, 4}).reason, Reason::not_joined);
  EXPECT_EQ(s.participant(alice, ChatPost{"hello"}).reason, Reason::not_joined);
  EXPECT_EQ(s.send(alice, Role::kiosk, QuizAnswer{q, 0, {1}}).reason, Reason::kiosk_read_only);
  EXPECT_EQ(s.participant("a0123", SurveyAnswer{sv, 0, {1}, "", 0, ""}).reason, Reason::not_joined);
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
