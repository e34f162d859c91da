// The app's relay client and store: the conversation of docs/protocol.md, driven with frames as
// the relay sends them, checking what the client sends back and the Session it builds.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>

#include "app/client.hpp"

using namespace palabre::app;
using nlohmann::json;

namespace {

json only_frame(Client& c) {
  auto out = c.take_outgoing();
  EXPECT_EQ(out.size(), 1u);
  return out.empty() ? json() : json::parse(out.front());
}

std::string events(std::initializer_list<json> envs) {
  return json{{"t", "events"}, {"envs", json::array_t(envs)}}.dump();
}

json envelope(int seq, const std::string& from, const std::string& role, json ev) {
  return {{"seq", seq}, {"at", 1664960763000 + seq}, {"from", from}, {"role", role}, {"vis", "public"}, {"ev", ev}};
}

}  // namespace

TEST(Client, GivenAHostWhoAsksForARoom_WhenTheSocketOpens_ThenCreateIsSent) {
  Client c;
  c.create_room();
  EXPECT_TRUE(c.take_outgoing().empty());  // nothing before the socket is open
  c.on_open();
  EXPECT_EQ(only_frame(c)["t"], "create");
}

TEST(Client, GivenACreatedAnswer_WhenReceived_ThenTheIdentityHoldsRoomAndTokens) {
  Client c;
  c.create_room();
  c.on_open();
  c.take_outgoing();
  c.on_frame(R"({"t":"created","room":"ABC234","host_token":"H","kiosk_token":"K","you":"h1","role":"host","token":"H","seq":0})");
  EXPECT_EQ(c.identity().room, "ABC234");
  EXPECT_EQ(c.identity().you, "h1");
  EXPECT_EQ(c.identity().host_token, "H");
  EXPECT_EQ(c.identity().kiosk_token, "K");
  EXPECT_EQ(c.link(), Link::in_room);
  const auto notices = c.take_notices();
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].kind, Notice::Kind::created);
}

TEST(Client, GivenACreatedRoom_WhenTheConnectionDropsAndReopens_ThenItRejoinsWithTheHostTokenInsteadOfCreatingAgain) {
  Client c;
  c.create_room();
  c.on_open();
  c.take_outgoing();
  c.on_frame(R"({"t":"created","room":"ABC234","host_token":"H","kiosk_token":"K","you":"h1","role":"host","token":"H","seq":0})");
  c.on_close();
  c.on_open();
  const json hello = only_frame(c);
  EXPECT_EQ(hello["t"], "join");
  EXPECT_EQ(hello["room"], "ABC234");
  EXPECT_EQ(hello["token"], "H");
}

TEST(Client, GivenANewParticipant_WhenTheyJoinWithAName_ThenJoinHasNoTokenAndTheNameEventFollowsTheJoinedAnswer) {
  Client c;
  c.enter_room("ABC234", "");
  c.submit(palabre::core::ParticipantJoin{"Gaëlle Lecart"});
  c.on_open();
  const json hello = only_frame(c);
  EXPECT_EQ(hello["t"], "join");
  EXPECT_FALSE(hello.contains("token"));
  c.on_frame(R"({"t":"joined","room":"ABC234","you":"p2","role":"participant","token":"R","seq":0})");
  EXPECT_EQ(only_frame(c)["t"], "ping");  // the name waits for the room's history (encrypted room?)
  c.on_frame(R"({"t":"pong"})");
  const json ev = only_frame(c);
  EXPECT_EQ(ev["t"], "event");
  EXPECT_EQ(ev["ev"]["type"], "participant.join");
  EXPECT_EQ(ev["ev"]["name"], "Gaëlle Lecart");
  EXPECT_EQ(ev["cid"], 1);
  EXPECT_EQ(c.identity().token, "R");
}

TEST(Client, GivenEnvelopes_WhenReceived_ThenTheSessionIsBuiltByTheEngine) {
  Client c;
  c.enter_room("ABC234", "R");
  c.on_open();
  c.on_frame(R"({"t":"joined","room":"ABC234","you":"p2","role":"participant","token":"R","seq":2})");
  c.on_frame(events({envelope(1, "p2", "participant", {{"type", "participant.join"}, {"name", "Gaëlle"}}),
                     envelope(2, "p2", "participant", {{"type", "chat.post"}, {"text", "Café — stratégie numérique"}})}));
  ASSERT_EQ(c.session().messages.size(), 1u);
  EXPECT_EQ(c.session().messages[0].text, "Café — stratégie numérique");
  EXPECT_EQ(c.session().messages[0].from, "p2");
  EXPECT_EQ(c.last_seen(), 2);
}

TEST(Client, GivenEnvelopesAlreadySeen_WhenTheyArriveAgain_ThenTheyAreNotAppliedTwice) {
  Client c;
  c.enter_room("ABC234", "R");
  c.on_open();
  c.on_frame(R"({"t":"joined","room":"ABC234","you":"p2","role":"participant","token":"R","seq":2})");
  const std::string batch = events({envelope(1, "p2", "participant", {{"type", "participant.join"}, {"name", "G"}}),
                                    envelope(2, "p2", "participant", {{"type", "chat.post"}, {"text", "un"}})});
  c.on_frame(batch);
  c.on_frame(batch);
  EXPECT_EQ(c.session().messages.size(), 1u);
}

TEST(Client, GivenAJoin_WhenTheHistoryArrives_ThenThePageIsCatchingUpUntilThePongThatFollowsIt) {
  Client c;
  c.enter_room("ABC234", "R");
  c.on_open();
  c.take_outgoing();
  EXPECT_FALSE(c.catching_up());
  c.on_frame(R"({"t":"joined","room":"ABC234","you":"p2","role":"participant","token":"R","seq":2})");
  EXPECT_TRUE(c.catching_up());
  EXPECT_EQ(only_frame(c)["t"], "ping");
  c.on_frame(events({envelope(1, "p2", "participant", {{"type", "participant.join"}, {"name", "G"}}),
                     envelope(2, "p2", "participant", {{"type", "chat.post"}, {"text", "un"}})}));
  EXPECT_TRUE(c.catching_up());
  c.on_frame(R"({"t":"pong"})");
  EXPECT_FALSE(c.catching_up());
  EXPECT_EQ(c.session().messages.size(), 1u);
}

TEST(Client, GivenAReconnection_WhenRejoining_ThenSinceIsTheLastSeqSeen) {
  Client c;
  c.enter_room("ABC234", "R");
  c.on_open();
  c.take_outgoing();
  c.on_frame(R"({"t":"joined","room":"ABC234","you":"p2","role":"participant","token":"R","seq":1})");
  c.on_frame(events({envelope(1, "p2", "participant", {{"type", "participant.join"}, {"name", "G"}})}));
  c.take_outgoing();  // the ping that marks the end of the history
  c.on_close();
  c.on_open();
  const json hello = only_frame(c);
  EXPECT_EQ(hello["token"], "R");
  EXPECT_EQ(hello["since"], 1);
}

TEST(Client, GivenAPost_WhenAckedAndEchoed_ThenItIsNoLongerPending) {
  Client c;
  c.enter_room("ABC234", "R");
  c.on_open();
  c.on_frame(R"({"t":"joined","room":"ABC234","you":"p2","role":"participant","token":"R","seq":1})");
  c.on_frame(events({envelope(1, "p2", "participant", {{"type", "participant.join"}, {"name", "G"}})}));
  c.take_outgoing();
  const auto cid = c.submit(palabre::core::ChatPost{"Ça marche !"});
  EXPECT_EQ(c.pending().size(), 1u);
  c.on_frame(json{{"t", "ack"}, {"cid", cid}, {"seq", 2}}.dump());
  EXPECT_EQ(c.pending().size(), 1u);  // acked, but not yet in the Session
  c.on_frame(events({envelope(2, "p2", "participant", {{"type", "chat.post"}, {"text", "Ça marche !"}})}));
  EXPECT_TRUE(c.pending().empty());
  EXPECT_EQ(c.session().messages.size(), 1u);
}

TEST(Client, GivenRandomEventIds_WhenTwoEventsAreSent_ThenEachHasItsOwn52BitIdAndItsAckMatches) {
  Client c;
  std::uint64_t draws = 0;
  // Stand-in randomness: all 64 bits set, then varied, to show ids are cut to 52 bits.
  c.use_random_cids([&](void* out, std::size_t size) {
    const std::uint64_t bits = ~std::uint64_t{0} - draws++;
    std::memcpy(out, &bits, std::min(size, sizeof bits));
  });
  c.enter_room("ABC234", "R");
  c.on_open();
  c.on_frame(R"({"t":"joined","room":"ABC234","you":"p2","role":"participant","token":"R","seq":1})");
  c.on_frame(events({envelope(1, "p2", "participant", {{"type", "participant.join"}, {"name", "G"}})}));
  c.on_frame(R"({"t":"pong"})");  // the history is all here
  c.take_outgoing();
  const auto first = c.submit(palabre::core::ChatPost{"un"});
  const auto second = c.submit(palabre::core::ChatPost{"deux"});
  EXPECT_NE(first, second);
  for (const auto cid : {first, second}) {
    EXPECT_GT(cid, 0);
    EXPECT_LT(cid, std::int64_t{1} << 52);  // exact as a JSON number in a browser
  }
  const auto sent = c.take_outgoing();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(json::parse(sent[0])["cid"], first);
  c.on_frame(json{{"t", "ack"}, {"cid", first}, {"seq", 2}}.dump());
  EXPECT_EQ(c.pending()[0].seq, 2);
  EXPECT_FALSE(c.pending()[1].seq.has_value());
}

TEST(Client, GivenAPostWhileOffline_WhenTheRoomIsRejoined_ThenItIsSentThen) {
  Client c;
  c.enter_room("ABC234", "R");
  c.submit(palabre::core::ChatPost{"hors ligne"});
  EXPECT_TRUE(c.take_outgoing().empty());
  c.on_open();
  EXPECT_EQ(only_frame(c)["t"], "join");
  c.on_frame(R"({"t":"joined","room":"ABC234","you":"p2","role":"participant","token":"R","seq":0})");
  EXPECT_EQ(only_frame(c)["t"], "ping");
  c.on_frame(R"({"t":"pong"})");
  const json ev = only_frame(c);
  EXPECT_EQ(ev["ev"]["text"], "hors ligne");
}

// A post stored by the relay whose ack (and maybe echo) was lost with the connection must not be
// posted twice on resume; one that never reached the relay must be.
namespace {
Client client_in_room_with_a_post_in_flight(const std::string& text) {
  Client c;
  c.enter_room("ABC234", "R");
  c.on_open();
  c.on_frame(R"({"t":"joined","room":"ABC234","you":"p2","role":"participant","token":"R","seq":1})");
  c.on_frame(events({envelope(1, "p2", "participant", {{"type", "participant.join"}, {"name", "G"}})}));
  c.submit(palabre::core::ChatPost{text});
  c.take_outgoing();
  return c;
}
std::vector<std::string> events_sent(Client& c) {
  std::vector<std::string> texts;
  for (const auto& frame : c.take_outgoing())
    if (const json f = json::parse(frame); f["t"] == "event") texts.push_back(f["ev"]["text"]);
  return texts;
}
}  // namespace

TEST(Client, GivenAPostEchoedButNotAcked_WhenTheConnectionDropsAndTheRoomIsRejoined_ThenItIsNotSentAgain) {
  Client c = client_in_room_with_a_post_in_flight("une idée");
  c.on_frame(events({envelope(2, "p2", "participant", {{"type", "chat.post"}, {"text", "une idée"}})}));
  EXPECT_TRUE(c.pending().empty());  // its echo is enough, whatever becomes of the ack
  c.on_close();
  c.on_open();
  EXPECT_EQ(only_frame(c)["since"], 2);
  c.on_frame(R"({"t":"joined","room":"ABC234","you":"p2","role":"participant","token":"R","seq":2})");
  EXPECT_TRUE(events_sent(c).empty());
  EXPECT_EQ(c.session().messages.size(), 1u);
}

TEST(Client, GivenAPostStoredWhileTheConnectionDropped_WhenTheResumeHistoryHoldsIt_ThenItIsNotSentAgain) {
  Client c = client_in_room_with_a_post_in_flight("une idée");
  c.on_close();  // neither the echo nor the ack arrived
  c.on_open();
  c.take_outgoing();
  c.on_frame(R"({"t":"joined","room":"ABC234","you":"p2","role":"participant","token":"R","seq":2})");
  EXPECT_EQ(only_frame(c)["t"], "ping");  // the history comes before its answer
  c.on_frame(events({envelope(2, "p2", "participant", {{"type", "chat.post"}, {"text", "une idée"}})}));
  c.on_frame(R"({"t":"pong"})");
  EXPECT_TRUE(events_sent(c).empty());
  EXPECT_TRUE(c.pending().empty());
  EXPECT_EQ(c.session().messages.size(), 1u);
}

TEST(Client, GivenTwoEqualPostsOneStored_WhenTheRoomIsRejoined_ThenOnlyTheOtherIsSentAgain) {
  Client c = client_in_room_with_a_post_in_flight("+1");
  c.submit(palabre::core::ChatPost{"+1"});
  c.submit(palabre::core::ChatPost{"autre"});
  c.take_outgoing();
  c.on_close();
  c.on_open();
  c.take_outgoing();
  c.on_frame(R"({"t":"joined","room":"ABC234","you":"p2","role":"participant","token":"R","seq":3})");
  c.take_outgoing();
  // Someone else's identical post is not ours; our first "+1" is.
  c.on_frame(events({envelope(2, "p3", "participant", {{"type", "chat.post"}, {"text", "+1"}}),
                     envelope(3, "p2", "participant", {{"type", "chat.post"}, {"text", "+1"}})}));
  c.on_frame(R"({"t":"pong"})");
  EXPECT_EQ(events_sent(c), (std::vector<std::string>{"+1", "autre"}));
  EXPECT_EQ(c.pending().size(), 2u);
}

TEST(Client, GivenAPostLostWithTheConnection_WhenTheRoomIsRejoined_ThenItIsSentOnceAfterTheHistory) {
  Client c = client_in_room_with_a_post_in_flight("perdue");
  c.on_close();
  c.on_open();
  c.take_outgoing();
  c.on_frame(R"({"t":"joined","room":"ABC234","you":"p2","role":"participant","token":"R","seq":1})");
  EXPECT_EQ(only_frame(c)["t"], "ping");
  c.submit(palabre::core::ChatPost{"nouvelle"});  // waits behind the one in doubt: order is kept
  EXPECT_TRUE(events_sent(c).empty());
  c.on_frame(R"({"t":"pong"})");
  EXPECT_EQ(events_sent(c), (std::vector<std::string>{"perdue", "nouvelle"}));
  c.on_frame(R"({"t":"pong"})");  // a keep-alive answer later sends nothing more
  EXPECT_TRUE(events_sent(c).empty());
}

namespace {
// Gaëlle, new, enters a room of `participants` (her included); returns once her name is sent.
Client newcomer_in_a_room_of(std::int64_t participants) {
  Client c;
  c.enter_room("ABC234", "");
  c.submit(palabre::core::ParticipantJoin{"Gaëlle"});
  c.on_open();
  c.take_outgoing();
  c.on_frame(json{{"t", "joined"}, {"room", "ABC234"}, {"you", "p" + std::to_string(participants)}, {"role", "participant"},
                  {"token", "R"}, {"seq", 0}, {"participants", participants}}.dump());
  c.take_outgoing();  // the ping
  c.on_frame(R"({"t":"pong"})");
  return c;
}
}  // namespace

TEST(Client, GivenABigRoom_WhenANewcomerJoins_ThenItsNameGoesToTheStaffOnlyAndOthersStandIn) {
  Client c = newcomer_in_a_room_of(palabre::core::big_room_participants);
  const json join = only_frame(c);
  EXPECT_EQ(join["vis"], "staff");
  EXPECT_EQ(join["ev"]["name"], "Gaëlle");
  // Someone whose arrival this participant never heard still shows, as a number.
  c.on_frame(events({envelope(1, "p9", "participant", {{"type", "chat.post"}, {"text", "Bonjour"}})}));
  EXPECT_EQ(c.session().messages.size(), 1u);
  EXPECT_EQ(c.session().display_name("p9"), "#9");
}

TEST(Client, GivenABigRoom_WhenAParticipantPosts_ThenTheMessageCarriesTheirNameForTheOthers) {
  Client c = newcomer_in_a_room_of(palabre::core::big_room_participants);
  const json join = only_frame(c);
  c.on_frame(events({{{"seq", 1}, {"at", 1}, {"from", "p" + std::to_string(palabre::core::big_room_participants)}, {"role", "participant"}, {"vis", "staff"},
                      {"ev", join["ev"]}}}));
  c.submit(palabre::core::ChatPost{"Bonjour à tous"});
  EXPECT_EQ(only_frame(c)["ev"]["by"], "Gaëlle");
  // And another's message carrying a name shows under that name.
  c.on_frame(events({envelope(2, "p9", "participant", {{"type", "chat.post"}, {"text", "Salut"}, {"by", "Bruno"}})}));
  EXPECT_EQ(c.session().display_name("p9"), "Bruno");
}

TEST(Client, GivenASmallRoom_WhenAParticipantPosts_ThenTheMessageCarriesNoName) {
  Client c = newcomer_in_a_room_of(3);
  const json join = only_frame(c);
  c.on_frame(events({{{"seq", 1}, {"at", 1}, {"from", "p3"}, {"role", "participant"}, {"vis", "public"}, {"ev", join["ev"]}}}));
  c.submit(palabre::core::ChatPost{"Bonjour"});
  EXPECT_FALSE(only_frame(c)["ev"].contains("by"));
}

TEST(Client, GivenASmallRoom_WhenANewcomerJoins_ThenEveryoneHearsItsName) {
  Client c = newcomer_in_a_room_of(3);
  EXPECT_EQ(only_frame(c)["vis"], "public");
  c.on_frame(events({envelope(1, "p9", "participant", {{"type", "chat.post"}, {"text", "Bonjour"}})}));
  EXPECT_TRUE(c.session().messages.empty());  // not_joined: in a small room every join is heard first
}

TEST(Client, GivenARefusedEvent_WhenTheErrorNamesItsCid_ThenItLeavesThePendingList) {
  Client c;
  c.enter_room("ABC234", "R");
  c.on_open();
  c.on_frame(R"({"t":"joined","room":"ABC234","you":"k1","role":"kiosk","token":"R","seq":0})");
  const auto cid = c.submit(palabre::core::ChatPost{"x"});
  c.on_frame(json{{"t", "error"}, {"code", "forbidden"}, {"message", "kiosks send nothing"}, {"cid", cid}}.dump());
  EXPECT_TRUE(c.pending().empty());
  const auto notices = c.take_notices();
  ASSERT_EQ(notices.size(), 2u);
  EXPECT_EQ(notices[1].kind, Notice::Kind::error);
  EXPECT_EQ(notices[1].code, "forbidden");
}

TEST(Client, GivenAnUnknownRoom_WhenJoiningIsRefused_ThenTheClientStopsAskingOnReconnect) {
  Client c;
  c.enter_room("ZZZ999", "");
  c.on_open();
  c.take_outgoing();
  c.on_frame(R"({"t":"error","code":"no_room","message":"no such room"})");
  EXPECT_EQ(c.intent(), Intent::none);
  c.on_close();
  c.on_open();
  EXPECT_TRUE(c.take_outgoing().empty());
}

TEST(Client, GivenGarbageFromTheNetwork_WhenReceived_ThenNothingChanges) {
  Client c;
  c.enter_room("ABC234", "R");
  c.on_open();
  c.take_outgoing();
  c.on_frame("not json");
  c.on_frame("[1,2]");
  c.on_frame(R"({"t":"events","envs":[{"seq":"x"}]})");
  EXPECT_TRUE(c.session().messages.empty());
  EXPECT_EQ(c.link(), Link::open);
  EXPECT_EQ(c.refused(), 1);
}

TEST(Client, GivenAParticipantInTheRoom_WhenTheRelaySaysRemoved_ThenItIsRemovedAndNeverEntersAgainOnItsOwn) {
  Client c;
  c.enter_room("ABC234", "", "K7MP4Q");
  c.on_open();
  EXPECT_EQ(only_frame(c)["invite"], "K7MP4Q");  // a newcomer brings the join key
  c.on_frame(R"({"t":"joined","room":"ABC234","you":"p3","role":"participant","token":"R","seq":0})");
  c.take_outgoing();
  c.submit(palabre::core::ChatPost{"encore"});
  c.on_frame(R"({"t":"error","code":"removed","message":"the host removed you from this room"})");
  EXPECT_TRUE(c.identity().removed);
  EXPECT_EQ(c.intent(), Intent::none);
  EXPECT_TRUE(c.pending().empty());
  // and a new connection sends nothing: no join, no action again
  c.take_outgoing();
  c.on_close();
  c.on_open();
  EXPECT_TRUE(c.take_outgoing().empty());
}
