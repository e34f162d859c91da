// Session basics: joining, renaming, chat, configuration, presence, ordering, roles.
#include <gtest/gtest.h>

#include "helpers.hpp"

using namespace palabre::core;
using palabre::core::testing::Script;

TEST(SessionJoin, GivenNewParticipant_WhenJoining_ThenListedWithName) {
  Script s;
  EXPECT_TRUE(s.join("p1", "Gaëlle Lecart").accepted());
  ASSERT_EQ(s.session.participants.size(), 1u);
  EXPECT_EQ(s.session.participants[0].id, "p1");
  EXPECT_EQ(s.session.participants[0].name, "Gaëlle Lecart");
  EXPECT_EQ(s.session.participants[0].joined_seq, 1);
}

TEST(SessionJoin, GivenTwoPeopleWithSameName_WhenBothJoin_ThenBothAreParticipantsWithDistinctIds) {
  Script s;
  EXPECT_TRUE(s.join("p1", "Julie").accepted());
  EXPECT_TRUE(s.join("p2", "Julie").accepted());
  ASSERT_EQ(s.session.participants.size(), 2u);
  EXPECT_NE(s.session.participants[0].id, s.session.participants[1].id);
}

TEST(SessionJoin, GivenJoinedParticipant_WhenJoiningAgain_ThenRejectedAlreadyJoined) {
  Script s;
  s.join("p1", "Eliane");
  const std::string before = canonical_json(s.session);
  EXPECT_EQ(s.join("p1", "Eliane bis").code(), "already_joined");
  EXPECT_EQ(canonical_json(s.session), before);
}

TEST(SessionJoin, GivenBlankOrHugeName_WhenJoining_ThenRejected) {
  Script s;
  EXPECT_EQ(s.join("p1", "   ").code(), "empty_name");
  EXPECT_EQ(s.join("p1", std::string(max_name_bytes + 1, 'x')).code(), "name_too_long");
  EXPECT_TRUE(s.session.participants.empty());
}

TEST(SessionJoin, GivenNameWithSurroundingSpaces_WhenJoining_ThenStoredTrimmed) {
  Script s;
  s.join("p1", "  claire  ");
  EXPECT_EQ(s.session.participants[0].name, "claire");
}

TEST(SessionJoin, GivenHost_WhenSendingJoin_ThenRejectedNotParticipant) {
  Script s;
  EXPECT_EQ(s.host(ParticipantJoin{"Anne"}).code(), "not_participant");
}

TEST(SessionRename, GivenParticipant_WhenRenaming_ThenNameChanges) {
  Script s;
  s.join("p1", "Caroline");
  EXPECT_TRUE(s.participant("p1", ParticipantRename{"Caroline N. ONB"}).accepted());
  EXPECT_EQ(s.session.participants[0].name, "Caroline N. ONB");
}

TEST(SessionRename, GivenStranger_WhenRenaming_ThenRejectedNotJoined) {
  Script s;
  EXPECT_EQ(s.participant("p9", ParticipantRename{"X"}).code(), "not_joined");
}

TEST(SessionRename, GivenSameName_WhenRenaming_ThenRejectedNoChange) {
  Script s;
  s.join("p1", "Julie");
  EXPECT_EQ(s.participant("p1", ParticipantRename{"Julie"}).code(), "no_change");
}

TEST(Chat, GivenParticipant_WhenPosting_ThenMessageKeptWithSeqAsId) {
  Script s;
  s.join("p1", "Gaëlle Lecart");
  EXPECT_TRUE(s.participant("p1", ChatPost{"Découverte de Klaxoon. Ravie."}).accepted());
  ASSERT_EQ(s.session.messages.size(), 1u);
  EXPECT_EQ(s.session.messages[0].id, 2);
  EXPECT_EQ(s.session.messages[0].from, "p1");
  EXPECT_EQ(s.session.messages[0].text, "Découverte de Klaxoon. Ravie.");
}

TEST(Chat, GivenStranger_WhenPosting_ThenRejectedNotJoined) {
  Script s;
  EXPECT_EQ(s.participant("p1", ChatPost{"hello"}).code(), "not_joined");
  EXPECT_TRUE(s.session.messages.empty());
}

// A participant's view of a big room hears only its own join (docs/protocol.md, "Big rooms").
TEST(BigRoom, GivenAViewThatDoesNotHearEveryJoin_WhenAnUnseenParticipantPosts_ThenTheyStandInAsNumber) {
  Script s;
  s.session.hears_every_join = false;
  EXPECT_TRUE(s.participant("p17", ChatPost{"Bonjour"}).accepted());
  ASSERT_EQ(s.session.participants.size(), 1u);
  EXPECT_TRUE(s.session.participants[0].stand_in);
  EXPECT_EQ(s.session.display_name("p17"), "#17");
  EXPECT_TRUE(s.participant("p17", ChatPost{"encore"}).accepted());  // once
  EXPECT_EQ(s.session.participants.size(), 1u);
}

TEST(BigRoom, GivenAStandIn_WhenTheirJoinArrivesAfterAll_ThenTheirNameReplacesTheNumber) {
  Script s;
  s.session.hears_every_join = false;
  s.participant("p17", ChatPost{"Bonjour"});
  EXPECT_TRUE(s.join("p17", "Gaëlle").accepted());
  EXPECT_EQ(s.session.display_name("p17"), "Gaëlle");
  EXPECT_FALSE(s.session.participants[0].stand_in);
  EXPECT_EQ(s.join("p17", "Gaëlle bis").code(), "already_joined");
}

TEST(BigRoom, GivenAViewThatDoesNotHearEveryJoin_WhenAnUnseenParticipantsEventIsRejected_ThenNothingChanges) {
  Script s;
  s.session.hears_every_join = false;
  const std::string before = canonical_json(s.session);
  EXPECT_EQ(s.participant("p17", ChatPost{"   "}).code(), "empty_text");
  EXPECT_EQ(canonical_json(s.session), before);
  EXPECT_TRUE(s.session.participants.empty());
}

TEST(BigRoom, GivenAStandInsEventCarryingItsAuthorsName_WhenAccepted_ThenTheStandInTakesThatName) {
  Script s;
  s.session.hears_every_join = false;
  Envelope post = s.envelope("p17", Role::participant, ChatPost{"Bonjour"});
  post.by = "  Gaëlle ";
  EXPECT_TRUE(apply(s.session, post).accepted());
  EXPECT_EQ(s.session.display_name("p17"), "Gaëlle");
  EXPECT_TRUE(s.session.participants[0].stand_in);  // their join, if it comes, still has the last word
  // A name that is no name leaves the one it has; a refused event names nobody.
  Envelope blank = s.envelope("p17", Role::participant, ChatPost{"encore"});
  blank.by = "   ";
  EXPECT_TRUE(apply(s.session, blank).accepted());
  EXPECT_EQ(s.session.display_name("p17"), "Gaëlle");
  Envelope refused = s.envelope("p18", Role::participant, ChatPost{""});
  refused.by = "Intrus";
  EXPECT_FALSE(apply(s.session, refused).accepted());
  EXPECT_EQ(s.session.find_participant("p18"), nullptr);
}

TEST(BigRoom, GivenAViewThatHearsEveryJoin_WhenAnEventCarriesAName_ThenTheJoinedNameStays) {
  Script s;  // the host's view, and the report's
  s.join("p1", "Gaëlle");
  Envelope post = s.envelope("p1", Role::participant, ChatPost{"Bonjour"});
  post.by = "Quelqu'un d'autre";
  EXPECT_TRUE(apply(s.session, post).accepted());
  EXPECT_EQ(s.session.display_name("p1"), "Gaëlle");
}

TEST(BigRoom, GivenAParticipant_WhenTheirEventIsSent_ThenOnlyPublicAttributedEventsCarryTheirName) {
  Script s;
  const std::int64_t open = s.running(palabre::core::testing::ideas_spec(), 1);
  ActivitySpec hidden = palabre::core::testing::ideas_spec();
  hidden.anonymous = true;
  const std::int64_t anonymous = s.add(hidden);
  EXPECT_EQ(author_name_to_send(s.session, "p1", ChatPost{"Bonjour"}), "Person 1");
  EXPECT_EQ(author_name_to_send(s.session, "p1", IdeaPost{open, "Une idée"}), "Person 1");
  EXPECT_EQ(author_name_to_send(s.session, "p1", IdeaPost{anonymous, "Une idée"}), "");  // anonymous activity
  EXPECT_EQ(author_name_to_send(s.session, "p1", IdeaLike{open, 3}), "");                // staff: not shown
  EXPECT_EQ(author_name_to_send(s.session, "p1", ParticipantRename{"P"}), "");          // goes to the staff
  EXPECT_EQ(author_name_to_send(s.session, "p9", ChatPost{"Bonjour"}), "");             // not joined yet
}

TEST(Chat, GivenHost_WhenPosting_ThenAccepted) {
  Script s;
  EXPECT_TRUE(s.host(ChatPost{"Bienvenue !"}).accepted());
  EXPECT_EQ(s.session.messages.size(), 1u);
}

TEST(Chat, GivenEmptyOrTooLongText_WhenPosting_ThenRejected) {
  Script s;
  s.join("p1", "A");
  EXPECT_EQ(s.participant("p1", ChatPost{"  "}).code(), "empty_text");
  EXPECT_EQ(s.participant("p1", ChatPost{std::string(max_text_bytes + 1, 'a')}).code(), "text_too_long");
}

TEST(Chat, GivenMessage_WhenHostHides_ThenHiddenAndUnhideable) {
  Script s;
  s.join("p1", "A");
  s.participant("p1", ChatPost{"oops"});
  EXPECT_TRUE(s.host(ChatHide{2, true}).accepted());
  EXPECT_TRUE(s.session.messages[0].hidden);
  EXPECT_EQ(s.host(ChatHide{2, true}).code(), "no_change");
  EXPECT_TRUE(s.host(ChatHide{2, false}).accepted());
  EXPECT_FALSE(s.session.messages[0].hidden);
}

TEST(Chat, GivenParticipant_WhenHidingMessage_ThenRejectedNotHost) {
  Script s;
  s.join("p1", "A");
  s.participant("p1", ChatPost{"oops"});
  EXPECT_EQ(s.participant("p1", ChatHide{2, true}).code(), "not_host");
  EXPECT_FALSE(s.session.messages[0].hidden);
}

TEST(Chat, GivenUnknownId_WhenHostHides_ThenRejectedUnknownItem) {
  Script s;
  EXPECT_EQ(s.host(ChatHide{42, true}).code(), "unknown_item");
}

TEST(Configure, GivenHost_WhenConfiguring_ThenGivenFieldsChangeOthersStay) {
  Script s;
  SessionConfigure c;
  c.title = "Café TMNlab";
  c.host = "Anne Le Gall";
  EXPECT_TRUE(s.host(c).accepted());
  SessionConfigure d;
  d.locale = "en";
  EXPECT_TRUE(s.host(d).accepted());
  EXPECT_EQ(s.session.info.title, "Café TMNlab");
  EXPECT_EQ(s.session.info.host, "Anne Le Gall");
  EXPECT_EQ(s.session.info.locale, "en");
  EXPECT_EQ(s.session.info.timezone, "Europe/Paris");
}

TEST(Configure, GivenHost_WhenHidingTheScreensJoinCorner_ThenHiddenUntilShownAgain) {
  Script s;
  EXPECT_TRUE(s.session.info.screen_join);
  SessionConfigure hide;
  hide.screen_join = false;
  EXPECT_TRUE(s.host(hide).accepted());
  EXPECT_FALSE(s.session.info.screen_join);
  SessionConfigure title;
  title.title = "Café";
  EXPECT_TRUE(s.host(title).accepted());
  EXPECT_FALSE(s.session.info.screen_join);  // another field leaves it as it is
  SessionConfigure show;
  show.screen_join = true;
  EXPECT_TRUE(s.host(show).accepted());
  EXPECT_TRUE(s.session.info.screen_join);
}

TEST(Configure, GivenParticipant_WhenConfiguring_ThenRejectedNotHost) {
  Script s;
  s.join("p1", "A");
  SessionConfigure c;
  c.title = "Mine";
  EXPECT_EQ(s.participant("p1", c).code(), "not_host");
  EXPECT_EQ(s.session.info.title, "");
}

TEST(Configure, GivenUnknownLocale_WhenConfiguring_ThenRejectedBadLocale) {
  Script s;
  SessionConfigure c;
  c.locale = "de";
  EXPECT_EQ(s.host(c).code(), "bad_locale");
}

TEST(Presence, GivenRelay_WhenReportingPresence_ThenOnlineFlagFollows) {
  Script s;
  s.join("p1", "A");
  EXPECT_TRUE(s.send("relay", Role::relay, Presence{"p1", true}).accepted());
  EXPECT_TRUE(s.session.online.at("p1"));
  EXPECT_TRUE(s.send("relay", Role::relay, Presence{"p1", false}).accepted());
  EXPECT_FALSE(s.session.online.at("p1"));
}

TEST(Presence, GivenParticipant_WhenClaimingPresence_ThenRejectedNotRelay) {
  Script s;
  s.join("p1", "A");
  EXPECT_EQ(s.participant("p1", Presence{"p1", true}).code(), "not_relay");
}

TEST(Roles, GivenKiosk_WhenSendingAnything_ThenRejectedReadOnly) {
  Script s;
  EXPECT_EQ(s.send("k1", Role::kiosk, ChatPost{"hi"}).code(), "kiosk_read_only");
  EXPECT_EQ(s.send("k1", Role::kiosk, ParticipantJoin{"Kiosk"}).code(), "kiosk_read_only");
}

TEST(Ordering, GivenAppliedSeq_WhenSameOrOlderSeqArrives_ThenRejectedStale) {
  Script s;
  s.join("p1", "A");
  Envelope old{1, s.now, "p2", Role::participant, Visibility::public_, ParticipantJoin{"B"}};
  EXPECT_EQ(apply(s.session, old).code(), "stale_seq");
  EXPECT_EQ(s.session.participants.size(), 1u);
}

TEST(Ordering, GivenRejectedEvent_WhenInspectingState_ThenLastSeqUnchanged) {
  Script s;
  s.join("p1", "A");
  s.participant("p2", ChatPost{"not joined"});
  EXPECT_EQ(s.session.last_seq, 1);
}
