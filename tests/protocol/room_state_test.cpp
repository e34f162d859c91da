// The room protocol's decisions (protocol::RoomState), as both hosts make them: the relay
// (tests/relay: its adapter, over WebSockets, storage and Redis) and the no-relay keeper
// (tests/app/local_relay_test.cpp: its adapter, over tabs). Given/When/Then in each test.
#include "protocol/room_state.hpp"

#include <gtest/gtest.h>

#include <string>

#include "protocol/client_frame.hpp"
#include "protocol/log_format.hpp"
#include "protocol/tokens.hpp"

namespace palabre::protocol {
namespace {

const std::string host_token = "host-token-0123456789abcdef", participant_token = "participant-token-42";

RoomState a_room() {
  RoomState room("K7MP4Q", 1665039300000,
                 Roster(token_hash(host_token), token_hash(kiosk_token_for(host_token)), "anon-key-for-tests"));
  room.roster().add_participant("p3", token_hash(participant_token));
  return room;
}

ClientFrame event(std::string ev, bool staff = false, bool anonymous = false, std::string cid = {}) {
  ClientFrame frame;
  frame.cid = std::move(cid);
  frame.type = FrameType::event;
  frame.ev_text = std::move(ev);
  frame.staff = staff;
  frame.anonymous = anonymous;
  return frame;
}

TEST(RoomState, GivenEachKindOfToken_WhenJoining_ThenTheMemberItOpens) {
  const RoomState room = a_room();
  EXPECT_EQ(std::get<std::string>(room.member_for_token(host_token)), "h1");
  EXPECT_EQ(std::get<std::string>(room.member_for_token(kiosk_token_for(host_token))), "k2");
  EXPECT_EQ(std::get<std::string>(room.member_for_token(participant_token)), "p3");
  const auto unknown = room.member_for_token("guessed");
  ASSERT_TRUE(std::holds_alternative<ErrorText>(unknown));
  EXPECT_EQ(std::get<ErrorText>(unknown).code, "bad_token");
}

TEST(RoomState, GivenAHost_WhenToldItJoined_ThenItLearnsTheKioskTokenAndOthersDoNot) {
  const RoomState room = a_room();
  const Joined host = room.joined("h1", host_token, 1);
  EXPECT_EQ(host.role, "host");
  EXPECT_EQ(host.kiosk_token, kiosk_token_for(host_token));
  const Joined participant = room.joined("p3", participant_token, 1);
  EXPECT_EQ(participant.role, "participant");
  EXPECT_TRUE(participant.kiosk_token.empty());
  EXPECT_EQ(participant.anon, room.roster().at("p3").pseudonym);
  EXPECT_FALSE(participant.anon.empty());
  const std::string frame = joined_frame(participant);
  EXPECT_NE(frame.find(R"("you":"p3")"), std::string::npos) << frame;
}

TEST(RoomState, GivenAnAnonymousEvent_WhenStamped_ThenItComesFromThePseudonymAndTheRealSenderIsKept) {
  RoomState room = a_room();
  const Stamp s = std::get<Stamp>(room.event_of("p3", event(R"({"type":"idea.post"})", false, true)));
  const StoredEnvelope env = room.stamp(s, 1000);
  EXPECT_EQ(env.sender, "p3");
  EXPECT_EQ(env.text.find(R"("from":"p3")"), std::string::npos) << env.text;
  EXPECT_NE(env.text.find(R"("from":")" + room.roster().at("p3").pseudonym + "\""), std::string::npos) << env.text;
  EXPECT_EQ(room.roster().real_sender(room.roster().at("p3").pseudonym), "p3");
}

TEST(RoomState, GivenAKiosk_WhenItSendsAnEvent_ThenRefused) {
  const RoomState room = a_room();
  const auto refused = room.event_of("k2", event(R"({"type":"chat.post"})"));
  ASSERT_TRUE(std::holds_alternative<ErrorText>(refused));
  EXPECT_EQ(std::get<ErrorText>(refused).code, errors::kiosk_sends.code);
  EXPECT_EQ(std::get<ErrorText>(refused).code, "forbidden");
}

TEST(RoomState, GivenAClockThatGoesBack_WhenStamping_ThenSeqsFollowAndAtNeverDecreases) {
  RoomState room = a_room();
  const Stamp s = std::get<Stamp>(room.event_of("h1", event(R"({"type":"chat.post"})")));
  const StoredEnvelope first = room.stamp(s, 5000), second = room.stamp(s, 4000);
  EXPECT_EQ(first.seq, 1);
  EXPECT_EQ(second.seq, 2);
  EXPECT_EQ(envelope_at(first.text), 5000);
  EXPECT_EQ(envelope_at(second.text), 5000);
  EXPECT_EQ(first.text, R"({"seq":1,"at":5000,"from":"h1","role":"host","vis":"public","ev":{"type":"chat.post"}})");
}

TEST(RoomState, GivenStampedEnvelopesNotStored_WhenForgotten_ThenTheirSeqsAreGivenAgain) {
  RoomState room = a_room();
  const Stamp s = std::get<Stamp>(room.event_of("h1", event(R"({"type":"chat.post"})")));
  room.commit(room.stamp(s, 1));
  room.stamp(s, 2);
  room.stamp(s, 3);
  room.forget_stamped();
  EXPECT_EQ(room.last_seq(), 1);
  EXPECT_EQ(room.stamp(s, 4).seq, 2);
}

TEST(RoomState, GivenStaffAndPublicEnvelopes_WhenAskedWhoSees_ThenStaffAndSenderOnlyForStaffOnes) {
  RoomState room = a_room();
  room.roster().add_participant("p4", token_hash("another"));
  room.commit(room.stamp(std::get<Stamp>(room.event_of("p3", event(R"({"type":"answer"})", true))), 1));
  room.commit(room.stamp(RoomState::presence("p4", true), 2));
  room.commit(room.stamp(std::get<Stamp>(room.event_of("p4", event(R"({"type":"chat.post"})"))), 3));
  const auto& envs = room.envelopes();
  ASSERT_EQ(envs.size(), 3u);
  EXPECT_TRUE(room.sees("h1", envs[0]));
  EXPECT_TRUE(room.sees("k2", envs[0]));
  EXPECT_TRUE(room.sees("p3", envs[0]));
  EXPECT_FALSE(room.sees("p4", envs[0]));
  EXPECT_FALSE(room.sees("p3", envs[1])) << "presence is the staff's";
  EXPECT_TRUE(room.sees("h1", envs[1]));
  EXPECT_TRUE(room.sees("p3", envs[2]));
  EXPECT_FALSE(room.sees("p99", envs[2])) << "nobody who is not a member";
}

TEST(RoomState, GivenAHistory_WhenAMemberAsksSinceASeq_ThenPagesHoldWhatItSeesAfterIt) {
  RoomState room = a_room();
  for (int i = 0; i < 5; ++i)
    room.commit(room.stamp(std::get<Stamp>(room.event_of("h1", event(R"({"type":"chat.post"})", i % 2 == 1))), i));
  HistoryCursor cursor = room.history_from(2);
  std::string pages;
  while (const auto page = room.history_page("p3", cursor)) pages += *page;
  EXPECT_EQ(pages.find(R"("seq":2,)"), std::string::npos);
  EXPECT_EQ(pages.find(R"("seq":4,)"), std::string::npos) << "staff, not p3's";
  EXPECT_NE(pages.find(R"("seq":3,)"), std::string::npos);
  EXPECT_NE(pages.find(R"("seq":5,)"), std::string::npos);
  const HistoryCursor beyond = room.history_from(99);
  EXPECT_EQ(beyond.after, 5);
}

TEST(RoomState, GivenEnvelopesStoredElsewhere_WhenCommitted_ThenStampsContinueAfterThem) {
  RoomState room = a_room();
  room.commit({1, false, "h1", R"({"seq":1,"at":9000,"from":"h1","role":"host","vis":"public","ev":{}})"});
  const StoredEnvelope next = room.stamp(std::get<Stamp>(room.event_of("h1", event("{}"))), 100);
  EXPECT_EQ(next.seq, 2);
  EXPECT_EQ(envelope_at(next.text), 9000);
}

TEST(RoomState, GivenAMemberOtherThanTheHost_WhenClosing_ThenRefused) {
  const RoomState room = a_room();
  EXPECT_FALSE(room.may_close("h1"));
  ASSERT_TRUE(room.may_close("p3"));
  EXPECT_EQ(room.may_close("p3")->message, errors::only_host_closes.message);
  EXPECT_TRUE(room.may_close("k2"));
}

TEST(RoomState, GivenAHostsRemoval_WhenCommitted_ThenTheMembersTokenAndEventsAreRefusedRemoved) {
  RoomState room = a_room();
  // a participant may not remove; the host may remove a participant only
  EXPECT_EQ(std::get<ErrorText>(room.removal_of("p3", "p3")).code, "forbidden");
  EXPECT_EQ(std::get<ErrorText>(room.removal_of("h1", "k2")).code, "no_member");
  EXPECT_EQ(std::get<ErrorText>(room.removal_of("h1", "p9")).code, "no_member");
  auto removal = room.removal_of("h1", "p3");
  ASSERT_TRUE(std::holds_alternative<Stamp>(removal));
  EXPECT_EQ(std::get<Stamp>(removal).ev_text, R"({"type":"member.removed","who":"p3"})");
  // nothing changes before the envelope is committed (stored and sent)
  const StoredEnvelope envelope = room.stamp(std::get<Stamp>(removal), 1665039400000);
  EXPECT_EQ(RoomState::removed_by(envelope), "p3");
  EXPECT_TRUE(std::holds_alternative<std::string>(room.member_for_token(participant_token)));
  room.commit(envelope);
  EXPECT_EQ(std::get<ErrorText>(room.member_for_token(participant_token)).code, "removed");
  EXPECT_EQ(std::get<ErrorText>(room.event_of("p3", event(R"({"type":"chat.post"})"))).code, "removed");
}

TEST(RoomState, GivenTheRelaysPresenceEnvelopes_WhenRead_ThenEachSaysWhoCameOrWentAndNothingElseIsOne) {
  RoomState room = a_room();
  const StoredEnvelope came = room.stamp(RoomState::presence("p3", true), 1665039400000);
  const StoredEnvelope went = room.stamp(RoomState::presence("p3", false), 1665039400001);
  ASSERT_TRUE(RoomState::presence_in(came));
  EXPECT_EQ(RoomState::presence_in(came)->who, "p3");
  EXPECT_TRUE(RoomState::presence_in(came)->online);
  EXPECT_FALSE(RoomState::presence_in(went)->online);
  // a participant's event shaped like one, or the relay's removal, is no presence
  const StoredEnvelope posed =
      room.stamp(std::get<Stamp>(room.event_of("p3", event(R"({"type":"presence","who":"h1","online":true})"))), 1665039400002);
  EXPECT_FALSE(RoomState::presence_in(posed));
  EXPECT_FALSE(RoomState::presence_in(room.stamp(std::get<Stamp>(room.removal_of("h1", "p3")), 1665039400003)));
}

TEST(RoomState, GivenAParticipantOnlySeenInTheLog_WhenTheHostRemovesThem_ThenItIsAllowed) {
  RoomState room = a_room();
  // p7 joined through another relay: not in this roster, but the sender of an envelope of the log
  room.commit(StoredEnvelope{1, false, "p7", R"({"seq":1,"at":1,"from":"p7","role":"participant","vis":"public","ev":{}})"});
  EXPECT_TRUE(std::holds_alternative<Stamp>(room.removal_of("h1", "p7")));
}

TEST(RoomState, GivenARenewal_WhenCommitted_ThenOnlyTheNewKeyAdmitsNewcomers) {
  RoomState room = a_room();
  EXPECT_FALSE(room.may_enter_as_newcomer(""));  // never renewed: the code alone admits
  EXPECT_EQ(std::get<ErrorText>(room.renewal_of("p3", "ABCDEF")).code, "forbidden");
  room.commit(room.stamp(std::get<Stamp>(room.renewal_of("h1", "ABCDEF")), 1665039400000));
  EXPECT_EQ(room.invite(), "ABCDEF");
  EXPECT_EQ(room.may_enter_as_newcomer("")->code, "old_link");
  EXPECT_EQ(room.may_enter_as_newcomer("GHJKMN")->code, "old_link");
  EXPECT_FALSE(room.may_enter_as_newcomer("ABCDEF"));
  EXPECT_EQ(std::get<std::string>(room.member_for_token(participant_token)), "p3");  // members stay
}

// Stamps and commits `member`'s event `cid` (as stored and sent); returns its seq.
std::int64_t store_event(RoomState& room, const std::string& member, const std::string& cid, bool anonymous = false) {
  StoredEnvelope env = room.stamp(std::get<Stamp>(room.event_of(member, event(R"({"type":"chat.post"})", false, anonymous, cid))),
                                  1665039400000);
  const std::int64_t seq = env.seq;
  room.commit(std::move(env));
  return seq;
}

TEST(RoomState, GivenAStoredEventWithACid_WhenItsMemberSendsItAgain_ThenItsSeqIsTheAnswerAndNotAnotherMembers) {
  RoomState room = a_room();
  const std::int64_t first = store_event(room, "p3", "41");
  store_event(room, "h1", R"("x-7")");
  // the same member, the same id: the first seq
  EXPECT_EQ(room.stored_seq("p3", "41"), first);
  EXPECT_EQ(room.stored_seq("h1", R"("x-7")"), first + 1);
  // another member's same id is another event; another id, or none, is a new event
  EXPECT_FALSE(room.stored_seq("h1", "41"));
  EXPECT_FALSE(room.stored_seq("p3", "42"));
  EXPECT_FALSE(room.stored_seq("p3", ""));
  // an integer and a string are different ids (JSON text)
  EXPECT_FALSE(room.stored_seq("p3", R"("41")"));
}

TEST(RoomState, GivenThirtyThreeEventsOfOneMember_WhenTheFirstIsSentAgain_ThenItIsForgottenAndTheOthersKnown) {
  RoomState room = a_room();
  std::vector<std::int64_t> seqs;
  for (int i = 1; i <= 33; ++i) seqs.push_back(store_event(room, "p3", std::to_string(i)));
  EXPECT_FALSE(room.stored_seq("p3", "1"));  // the 33rd evicted the first
  for (int i = 2; i <= 33; ++i) EXPECT_EQ(room.stored_seq("p3", std::to_string(i)), seqs[std::size_t(i - 1)]) << i;
  // another member's ring is its own
  store_event(room, "h1", "1");
  EXPECT_TRUE(room.stored_seq("h1", "1"));
  EXPECT_EQ(room.stored_seq("p3", "2"), seqs[1]);
}

TEST(RoomState, GivenACidOverFortyCharacters_WhenStored_ThenItIsNeitherRememberedNorKeptBesideTheEnvelope) {
  RoomState room = a_room();
  const std::string forty = "\"" + std::string(38, 'a') + "\"", forty_one = "\"" + std::string(39, 'a') + "\"";
  store_event(room, "p3", forty);
  store_event(room, "p3", forty_one);
  EXPECT_TRUE(room.stored_seq("p3", forty));
  EXPECT_FALSE(room.stored_seq("p3", forty_one));
  EXPECT_EQ(room.envelopes().back().cid, "");
}

TEST(RoomState, GivenAnAnonymousEventWithACid_WhenStamped_ThenTheIdIsBesideTheEnvelopeNeverInIt) {
  RoomState room = a_room();
  store_event(room, "p3", R"("c-9")", true);
  const StoredEnvelope& env = room.envelopes().back();
  EXPECT_EQ(env.cid, R"("c-9")");
  EXPECT_EQ(env.text.find("cid"), std::string::npos) << env.text;
  // remembered for the real member, whom the pseudonym hides
  EXPECT_TRUE(room.stored_seq("p3", R"("c-9")"));
  EXPECT_FALSE(room.stored_seq(room.roster().at("p3").pseudonym, R"("c-9")"));
}

TEST(RoomState, GivenAHostsRemovalWithACid_WhenSentAgain_ThenTheHostGetsItsSeq) {
  RoomState room = a_room();
  StoredEnvelope removal = room.stamp(std::get<Stamp>(room.removal_of("h1", "p3", "5")), 1665039400000);
  const std::int64_t seq = removal.seq;
  room.commit(std::move(removal));
  EXPECT_EQ(room.stored_seq("h1", "5"), seq);
  EXPECT_FALSE(room.stored_seq("relay", "5"));
}

TEST(LogLine, GivenAnEnvelopeWithACid_WhenWrittenAndReadBack_ThenTheIdFollowsVisAndIsCutOutExactly) {
  RoomState room = a_room();
  for (const std::string cid : {"42", "-3", R"("a,\"ev\":\\")", R"("é")"}) {
    StoredEnvelope env = room.stamp(std::get<Stamp>(room.event_of("p3", event(R"({"type":"chat.post","t":"\"cid\":1"})", true, false, cid))), 1665039400000);
    std::string line = log_line(env);
    EXPECT_NE(line.find(R"("vis":"staff","cid":)" + cid + R"(,"ev":{)"), std::string::npos) << line;
    EXPECT_EQ(take_cid(line), cid);
    EXPECT_EQ(line, env.text);
  }
  // a line without one (a log written before ids) is left as it is
  std::string old = R"({"seq":1,"at":1,"from":"p3","role":"participant","vis":"public","ev":{"cid":1}})";
  const std::string before = old;
  EXPECT_EQ(take_cid(old), "");
  EXPECT_EQ(old, before);
}

}  // namespace
}  // namespace palabre::protocol
