// Removing a participant (participant.remove, and the relay's member.removed / join.renewed): the
// host's record, and everything the person contributed under their name hidden in one event.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace palabre::core::testing {
namespace {

TEST(ParticipantRemove, GivenContributionsEverywhere_WhenTheHostRemovesWithHiding_ThenAllOfThemAreHiddenAndCounted) {
  Script s;
  // Given p1 who chatted, posted an idea, asked a question and answered an open survey question
  const std::int64_t ideas = s.running(ideas_spec(), 2);
  const std::int64_t idea_of_p1 = s.next_seq;
  ASSERT_TRUE(s.participant("p1", IdeaPost{ideas, "Un annuaire", 0}).accepted());
  const std::int64_t idea_of_p2 = s.next_seq;
  ASSERT_TRUE(s.participant("p2", IdeaPost{ideas, "Des rencontres", 0}).accepted());
  ASSERT_TRUE(s.participant("p1", ChatPost{"bonjour"}).accepted());
  ASSERT_TRUE(s.participant("p2", ChatPost{"salut"}).accepted());
  ActivitySpec qna;
  qna.kind = ActivityKind::qna;
  qna.title = "Questions";
  const std::int64_t questions = s.add(qna);
  ASSERT_TRUE(s.host(ActivityStart{questions}).accepted());
  ASSERT_TRUE(s.participant("p1", QnaAsk{questions, "Pourquoi ?"}).accepted());
  const std::int64_t survey = s.add(survey_spec());
  ASSERT_TRUE(s.host(ActivityStart{survey}).accepted());
  SurveyAnswer open{survey, 2, {}, "PIA"};
  ASSERT_TRUE(s.participant("p1", open).accepted());
  SurveyAnswer choice{survey, 0, {1}};
  ASSERT_TRUE(s.participant("p1", choice).accepted());
  // when the host removes p1 and hides their contributions
  const Outcome removed = s.host(ParticipantRemove{"p1", true});
  // then it is recorded with the four items it hid (the single choice is no text to hide)
  ASSERT_TRUE(removed.accepted()) << removed.code();
  ASSERT_EQ(s.session.removals.size(), 1u);
  EXPECT_EQ(s.session.removals.at("p1"), 5 - 1);
  EXPECT_TRUE(s.session.messages[0].hidden);
  EXPECT_FALSE(s.session.messages[1].hidden);
  EXPECT_TRUE(s.activity(ideas).ideas.at(idea_of_p1).hidden);
  EXPECT_FALSE(s.activity(ideas).ideas.at(idea_of_p2).hidden);
  EXPECT_TRUE(s.activity(questions).questions.begin()->second.hidden);
  EXPECT_TRUE(s.activity(survey).survey_answers[2].at("p1").hidden);
  // and no participant's screen shows them any more
  const Session seen_by_p2 = participant_view(s.session, "p2");
  ASSERT_EQ(seen_by_p2.messages.size(), 1u);
  EXPECT_EQ(seen_by_p2.messages[0].from, "p2");
}

TEST(ParticipantRemove, GivenTheHost_WhenRemovingWithoutHiding_ThenItIsRecordedAndNothingIsHidden) {
  Script s;
  s.join("p1", "Bob");
  ASSERT_TRUE(s.participant("p1", ChatPost{"bonjour"}).accepted());
  ASSERT_TRUE(s.host(ParticipantRemove{"p1", false}).accepted());
  ASSERT_EQ(s.session.removals.size(), 1u);
  EXPECT_EQ(s.session.removals.at("p1"), 0);
  EXPECT_FALSE(s.session.messages[0].hidden);
  // and the same removal again changes nothing
  EXPECT_EQ(s.host(ParticipantRemove{"p1", false}).code(), "no_change");
}

TEST(ParticipantRemove, GivenAParticipantOrTheKiosk_WhenRemovingSomeone_ThenRefused) {
  Script s;
  s.join("p1", "Alice");
  s.join("p2", "Bob");
  EXPECT_EQ(s.participant("p1", ParticipantRemove{"p2", true}).code(), "not_host");
  EXPECT_EQ(s.send("k2", Role::kiosk, ParticipantRemove{"p2", true}).code(), "kiosk_read_only");
  EXPECT_EQ(s.host(ParticipantRemove{"p9", true}).code(), "unknown_item");
  EXPECT_TRUE(s.session.removals.empty());
}

TEST(MemberRemoved, GivenTheRelay_WhenItRemovesAMemberOrRenewsTheLink_ThenTheSessionKnowsAndNobodyElseMaySayIt) {
  Script s;
  s.join("p1", "Bob");
  EXPECT_EQ(s.host(MemberRemoved{"p1"}).code(), "not_relay");
  EXPECT_EQ(s.host(JoinRenewed{"ABCDEF"}).code(), "not_relay");
  ASSERT_TRUE(s.send("relay", Role::relay, MemberRemoved{"p1"}).accepted());
  ASSERT_TRUE(s.send("relay", Role::relay, JoinRenewed{"GHJKMN"}).accepted());
  EXPECT_TRUE(s.session.removed.count("p1"));
  EXPECT_EQ(s.session.invite, "GHJKMN");
  // and what only the staff hears stays out of a participant's view
  const Session seen = participant_view(s.session, "p1");
  EXPECT_TRUE(seen.removed.empty());
  EXPECT_TRUE(seen.invite.empty());
}

TEST(SessionRekey, GivenAnEncryptedRoom_WhenTheHostRenewsTheKey_ThenTheEpochIsCountedAndOnlyTheHostMaySayIt) {
  Script s;
  s.join("p1", "Bob");
  EXPECT_EQ(s.participant("p1", SessionRekey{2, "{}"}).code(), "not_host");
  EXPECT_EQ(s.host(SessionRekey{1, "{}"}).code(), "bad_epoch") << "epoch 1 is the link's own key";
  EXPECT_EQ(s.host(SessionRekey{3, "{}"}).code(), "bad_epoch") << "no epoch is skipped";
  ASSERT_TRUE(s.host(SessionRekey{2, R"({"part":1,"parts":2})"}).accepted());
  // a large room's renewal comes in parts of the same epoch
  ASSERT_TRUE(s.host(SessionRekey{2, R"({"part":2,"parts":2})"}).accepted());
  ASSERT_TRUE(s.host(SessionRekey{3, "{}"}).accepted());
  EXPECT_EQ(s.session.key_epoch, 3);
  EXPECT_EQ(s.host(SessionRekey{2, "{}"}).code(), "bad_epoch") << "never back to an older key";
}

}  // namespace
}  // namespace palabre::core::testing
