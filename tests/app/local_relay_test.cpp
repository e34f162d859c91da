// The no-relay mode's relay (src/app/local_relay.*): the host tab's stand-in for `palabre serve`,
// driven with the protocol's frames, checked against what the relay answers and what a Client builds.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "app/client.hpp"
#include "app/local_relay.hpp"
#include "core/codec.hpp"
#include "protocol/tokens.hpp"

using namespace palabre::app;
using nlohmann::json;

namespace {

const LocalRelay::Secrets kSecrets{"ABC234", "hosttoken", "kiosktoken", "anonkey"};

struct Tokens {
  int next = 0;
  std::string operator()() { return "participant-token-" + std::to_string(++next); }
};

// Frames delivered to `conn`, parsed.
std::vector<json> to(const std::vector<LocalRelay::Delivery>& out, const std::string& conn) {
  std::vector<json> frames;
  for (const auto& d : out)
    if (d.to == conn) frames.push_back(json::parse(d.frame));
  return frames;
}

// Every envelope delivered to `conn` in `events` frames.
std::vector<json> envelopes(const std::vector<LocalRelay::Delivery>& out, const std::string& conn) {
  std::vector<json> envs;
  for (const json& f : to(out, conn))
    if (f["t"] == "events")
      for (const json& e : f["envs"]) envs.push_back(e);
  return envs;
}

struct Room {
  LocalRelay relay = LocalRelay::create(kSecrets, 1000);
  Tokens tokens;
  std::int64_t now = 1000;
  std::vector<LocalRelay::Delivery> send(const std::string& conn, const json& frame) {
    return relay.receive(conn, frame.dump(), ++now, [this] { return tokens(); });
  }
};

}  // namespace

TEST(LocalRelay, GivenANewRoom_WhenTheHostJoinsWithTheHostToken_ThenItIsH1AndItsPresenceIsLogged) {
  Room room;
  const auto out = room.send("tab-h", {{"t", "join"}, {"room", "abc234"}, {"token", "hosttoken"}});
  const auto frames = to(out, "tab-h");
  ASSERT_FALSE(frames.empty());
  EXPECT_EQ(frames[0]["t"], "joined");
  EXPECT_EQ(frames[0]["you"], "h1");
  EXPECT_EQ(frames[0]["role"], "host");
  const auto envs = envelopes(out, "tab-h");
  ASSERT_EQ(envs.size(), 1u);
  EXPECT_EQ(envs[0]["ev"]["type"], "presence");
  EXPECT_EQ(envs[0]["role"], "relay");
  EXPECT_EQ(room.relay.last_seq(), 1);
}

TEST(LocalRelay, GivenAParticipantWithoutToken_WhenItJoins_ThenItGetsANewMemberAndAResumeToken) {
  Room room;
  const auto frames = to(room.send("tab-p", {{"t", "join"}, {"room", "ABC234"}}), "tab-p");
  EXPECT_EQ(frames.at(0)["you"], "p3");
  EXPECT_EQ(frames.at(0)["role"], "participant");
  EXPECT_EQ(frames.at(0)["token"], "participant-token-1");
  EXPECT_EQ(frames.at(0)["anon"], palabre::protocol::pseudonym("anonkey", "p3"));
}

TEST(LocalRelay, GivenAnEvent_WhenStamped_ThenEveryoneGetsTheRelaysEnvelopeTextAndTheSenderAnAck) {
  Room room;
  room.send("tab-h", {{"t", "join"}, {"room", "ABC234"}, {"token", "hosttoken"}});
  room.send("tab-p", {{"t", "join"}, {"room", "ABC234"}});
  const auto out = room.relay.receive("tab-p", R"({"t":"event","vis":"public","cid":7,"ev":{"type":"chat.post", "text":"Ça marche"}})",
                                      5000, Tokens{});
  const auto host_envs = envelopes(out, "tab-h");
  ASSERT_EQ(host_envs.size(), 1u);
  // The client's bytes of `ev` are kept as they were written (the space after the comma too).
  EXPECT_NE(out[0].frame.find(R"("ev":{"type":"chat.post", "text":"Ça marche"})"), std::string::npos);
  EXPECT_EQ(host_envs[0]["from"], "p3");
  EXPECT_EQ(host_envs[0]["role"], "participant");
  EXPECT_EQ(host_envs[0]["at"], 5000);
  const auto sender = to(out, "tab-p");
  ASSERT_EQ(sender.size(), 2u);
  EXPECT_EQ(sender[1], json({{"t", "ack"}, {"cid", 7}, {"seq", host_envs[0]["seq"]}}));
}

TEST(LocalRelay, GivenAStaffEvent_WhenStamped_ThenOtherParticipantsDoNotReceiveIt) {
  Room room;
  room.send("tab-h", {{"t", "join"}, {"room", "ABC234"}, {"token", "hosttoken"}});
  room.send("tab-a", {{"t", "join"}, {"room", "ABC234"}});
  room.send("tab-b", {{"t", "join"}, {"room", "ABC234"}});
  const auto out = room.send("tab-a", {{"t", "event"}, {"vis", "staff"}, {"ev", {{"type", "rating.vote"}, {"value", 4}}}});
  EXPECT_EQ(envelopes(out, "tab-h").size(), 1u);
  EXPECT_EQ(envelopes(out, "tab-a").size(), 1u);
  EXPECT_TRUE(envelopes(out, "tab-b").empty());
}

TEST(LocalRelay, GivenAKiosk_WhenItSendsAnEvent_ThenItIsForbiddenAndNothingIsLogged) {
  Room room;
  room.send("tab-k", {{"t", "join"}, {"room", "ABC234"}, {"token", "kiosktoken"}});
  const auto seq = room.relay.last_seq();
  const auto frames = to(room.send("tab-k", {{"t", "event"}, {"vis", "public"}, {"cid", 1}, {"ev", {{"type", "chat.post"}}}}), "tab-k");
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0]["code"], "forbidden");
  EXPECT_EQ(frames[0]["cid"], 1);
  EXPECT_EQ(room.relay.last_seq(), seq);
}

TEST(LocalRelay, GivenAWrongToken_WhenJoining_ThenBadTokenAsTheRelaySays) {
  Room room;
  EXPECT_EQ(to(room.send("tab-x", {{"t", "join"}, {"room", "ABC234"}, {"token", "nope"}}), "tab-x").at(0)["code"], "bad_token");
  EXPECT_EQ(to(room.send("tab-x", {{"t", "join"}, {"room", "ZZZZZZ"}}), "tab-x").at(0)["code"], "no_room");
  EXPECT_EQ(to(room.send("tab-x", {{"t", "event"}, {"vis", "public"}, {"ev", json::object()}}), "tab-x").at(0)["code"], "not_joined");
}

TEST(LocalRelay, GivenAnAnonymousEvent_WhenStamped_ThenFromIsTheRelaysPseudonymForThatMember) {
  Room room;
  room.send("tab-p", {{"t", "join"}, {"room", "ABC234"}});
  const auto envs = envelopes(room.send("tab-p", {{"t", "event"}, {"vis", "staff"}, {"anon", true}, {"ev", {{"type", "x"}}}}), "tab-p");
  ASSERT_EQ(envs.size(), 1u);
  EXPECT_EQ(envs[0]["from"], palabre::protocol::pseudonym("anonkey", "p3"));
}

TEST(LocalRelay, GivenAStoredRoom_WhenRestored_ThenMembersResumeAsThemselvesAndSeqContinues) {
  Room room;
  room.send("tab-h", {{"t", "join"}, {"room", "ABC234"}, {"token", "hosttoken"}});
  room.send("tab-p", {{"t", "join"}, {"room", "ABC234"}});
  room.send("tab-p", {{"t", "event"}, {"vis", "staff"}, {"anon", true}, {"ev", {{"type", "rating.vote"}}}});
  const std::string log = room.relay.log_text();
  EXPECT_EQ(json::parse(log.substr(0, log.find('\n')))["format"], "palabre-log");

  auto restored = LocalRelay::restore(room.relay.members_text(), log);
  ASSERT_TRUE(restored.has_value());
  EXPECT_EQ(restored->last_seq(), room.relay.last_seq());
  EXPECT_EQ(restored->log_text(), log);
  const auto out = restored->receive("tab-p2", json{{"t", "join"}, {"room", "ABC234"}, {"token", "participant-token-1"}}.dump(),
                                     9000, Tokens{});
  const auto frames = to(out, "tab-p2");
  EXPECT_EQ(frames.at(0)["you"], "p3");
  // Its own anonymous staff event comes back in the history (the pseudonym maps to the real sender).
  bool own_vote = false;
  for (const json& e : envelopes(out, "tab-p2")) own_vote |= e["ev"]["type"] == "rating.vote";
  EXPECT_TRUE(own_vote);
  // A new participant gets the next number, not p3 again.
  EXPECT_EQ(to(restored->receive("tab-q", R"({"t":"join","room":"ABC234"})", 9001, Tokens{}), "tab-q").at(0)["you"], "p4");
}

TEST(LocalRelay, GivenATornLastLogLine_WhenRestored_ThenItIsDroppedAndTheRestKept) {
  Room room;
  room.send("tab-h", {{"t", "join"}, {"room", "ABC234"}, {"token", "hosttoken"}});
  const std::string log = room.relay.log_text() + R"({"seq":2,"at":12,"fro)";
  auto restored = LocalRelay::restore(room.relay.members_text(), log);
  ASSERT_TRUE(restored.has_value());
  EXPECT_EQ(restored->last_seq(), 1);
  EXPECT_FALSE(LocalRelay::restore("not a sidecar", log).has_value());
}

TEST(LocalRelay, GivenAClientStore_WhenItTalksToTheLocalRelay_ThenItBuildsTheSessionAsWithTheRealRelay) {
  Room room;
  Client host;
  host.enter_room("ABC234", "hosttoken");
  host.on_open();
  auto pump = [&] {
    for (bool more = true; more;) {
      more = false;
      for (const std::string& frame : host.take_outgoing()) {
        for (const auto& d : room.relay.receive("tab-h", frame, ++room.now, [&] { return room.tokens(); })) host.on_frame(d.frame);
        more = true;
      }
    }
  };
  pump();
  ASSERT_EQ(host.link(), Link::in_room);
  EXPECT_EQ(host.identity().you, "h1");
  host.submit(palabre::core::ChatPost{"Bonjour"});
  pump();
  EXPECT_TRUE(host.pending().empty());
  EXPECT_EQ(host.session().messages.size(), 1u);
  EXPECT_EQ(host.refused(), 0);
}

TEST(LocalRelay, GivenTheHostCloses_WhenClosed_ThenEveryConnectionIsToldAndJoinsAreRefused) {
  Room room;
  room.send("tab-h", {{"t", "join"}, {"room", "ABC234"}, {"token", "hosttoken"}});
  room.send("tab-k", {{"t", "join"}, {"room", "ABC234"}, {"token", "kiosktoken"}});
  EXPECT_EQ(to(room.send("tab-k", {{"t", "close"}}), "tab-k").at(0)["code"], "forbidden");
  const auto out = room.send("tab-h", {{"t", "close"}});
  EXPECT_EQ(to(out, "tab-k").at(0)["t"], "closed");
  EXPECT_TRUE(room.relay.closed());
  EXPECT_EQ(to(room.send("tab-x", {{"t", "join"}, {"room", "ABC234"}}), "tab-x").at(0)["code"], "no_room");
}

TEST(LocalRelay, GivenARoomMadeByThePage_WhenAHostJoinsInAnotherTab_ThenItIsToldTheKioskToken) {
  // Given a room made as main.cpp makes it: the kiosk token follows from the host token
  const std::string host = "0123456789abcdef0123456789abcdef";
  const LocalRelay::Secrets secrets{"ABC234", host, palabre::protocol::kiosk_token_for(host), "anonkey"};
  LocalRelay relay = LocalRelay::create(secrets, 1000);
  Tokens tokens;
  // when a host tab joins with the host token only
  const auto out = relay.receive("tab-h2", json{{"t", "join"}, {"room", "ABC234"}, {"token", host}}.dump(), 1001, tokens);
  // then its `joined` carries the kiosk token, as the relay's does
  const auto frames = to(out, "tab-h2");
  ASSERT_FALSE(frames.empty());
  EXPECT_EQ(frames[0]["role"], "host");
  EXPECT_EQ(frames[0]["kiosk_token"], secrets.kiosk_token);
  // and a kiosk joining with it is the kiosk, told nothing more
  const auto kiosk = to(relay.receive("tab-k", json{{"t", "join"}, {"room", "ABC234"}, {"token", secrets.kiosk_token}}.dump(), 1002,
                                      tokens),
                        "tab-k");
  EXPECT_EQ(kiosk.at(0)["role"], "kiosk");
  EXPECT_FALSE(kiosk.at(0).contains("kiosk_token"));
}

TEST(LocalRelay, GivenAStoredRoom_WhenTheKeeperReloadsAndAHostJoins_ThenItIsStillToldTheKioskToken) {
  const std::string host = "fedcba9876543210fedcba9876543210";
  const LocalRelay::Secrets secrets{"ABC234", host, palabre::protocol::kiosk_token_for(host), "anonkey"};
  const LocalRelay made = LocalRelay::create(secrets, 1000);
  auto reloaded = LocalRelay::restore(made.members_text(), made.log_text());
  ASSERT_TRUE(reloaded);
  Tokens tokens;
  const auto frames =
      to(reloaded->receive("tab-h", json{{"t", "join"}, {"room", "ABC234"}, {"token", host}}.dump(), 2000, tokens), "tab-h");
  EXPECT_EQ(frames.at(0)["kiosk_token"], secrets.kiosk_token);
}

TEST(LocalRelay, GivenAHostsJoinedWithTheKioskToken_WhenTheClientReadsIt_ThenTheKioskLinkIsKnown) {
  const std::string host = "00112233445566778899aabbccddeeff";
  const LocalRelay::Secrets secrets{"ABC234", host, palabre::protocol::kiosk_token_for(host), "anonkey"};
  LocalRelay relay = LocalRelay::create(secrets, 1000);
  Tokens tokens;
  Client client;
  client.enter_room("ABC234", host);
  for (const auto& d : relay.receive("tab-h", json{{"t", "join"}, {"room", "ABC234"}, {"token", host}}.dump(), 1001, tokens))
    client.on_frame(d.frame);
  EXPECT_EQ(client.identity().role, palabre::core::Role::host);
  EXPECT_EQ(client.identity().kiosk_token, secrets.kiosk_token);
}

// Removing a participant and renewing the join link in the no-relay mode: the keeper answers as
// the relay does (tests/relay/removal_test.cpp), and a reloaded keeper still refuses them.
TEST(LocalRelayRemoval, GivenAParticipantsTab_WhenTheHostRemovesThem_ThenTheTabIsToldAndRefusedEvenAfterAReload) {
  Room room;
  room.send("tab-h", {{"t", "join"}, {"room", "ABC234"}, {"token", "hosttoken"}});
  room.send("tab-p", {{"t", "join"}, {"room", "ABC234"}});
  // a participant may not remove anyone
  EXPECT_EQ(to(room.send("tab-p", {{"t", "remove"}, {"who", "p3"}}), "tab-p").at(0)["code"], "forbidden");
  EXPECT_EQ(to(room.send("tab-h", {{"t", "remove"}, {"who", "k2"}}), "tab-h").at(0)["code"], "no_member");
  // when the host removes p3
  const auto out = room.send("tab-h", {{"t", "remove"}, {"who", "p3"}, {"cid", 4}});
  const auto host_envs = envelopes(out, "tab-h");
  ASSERT_FALSE(host_envs.empty());
  EXPECT_EQ(host_envs[0]["ev"], json({{"type", "member.removed"}, {"who", "p3"}}));
  // then the tab is told, and what it sends next is refused
  bool told = false;
  for (const json& f : to(out, "tab-p")) told |= f["t"] == "error" && f["code"] == "removed";
  EXPECT_TRUE(told);
  EXPECT_EQ(to(room.send("tab-p", {{"t", "event"}, {"vis", "public"}, {"ev", {{"type", "chat.post"}}}}), "tab-p").at(0)["code"],
            "removed");
  // and its token opens nothing, in a keeper reloaded from storage too
  auto restored = LocalRelay::restore(room.relay.members_text(), room.relay.log_text());
  ASSERT_TRUE(restored.has_value());
  const auto again = restored->receive("tab-p", json{{"t", "join"}, {"room", "ABC234"}, {"token", "participant-token-1"}}.dump(),
                                       9000, Tokens{});
  EXPECT_EQ(to(again, "tab-p").at(0)["code"], "removed");
}

TEST(LocalRelayRemoval, GivenARenewedJoinLink_WhenANewcomerComesWithoutTheKey_ThenOldLinkAndWithItJoined) {
  Room room;
  room.send("tab-h", {{"t", "join"}, {"room", "ABC234"}, {"token", "hosttoken"}});
  const auto out = room.send("tab-h", {{"t", "renew"}});
  const auto envs = envelopes(out, "tab-h");
  ASSERT_FALSE(envs.empty());
  const std::string invite = envs[0]["ev"]["invite"];
  EXPECT_EQ(invite.size(), 6u);
  EXPECT_EQ(to(room.send("tab-q", {{"t", "join"}, {"room", "ABC234"}}), "tab-q").at(0)["code"], "old_link");
  EXPECT_EQ(to(room.send("tab-q", {{"t", "join"}, {"room", "ABC234"}, {"invite", invite}}), "tab-q").at(0)["t"], "joined");
}

TEST(LocalRelayClientIds, GivenAStoredEventWithACid_WhenSentAgainBeforeAndAfterAReload_ThenTheFirstAckAndNothingStored) {
  Room room;
  room.send("tab-h", {{"t", "join"}, {"room", "ABC234"}, {"token", "hosttoken"}});
  room.send("tab-p", {{"t", "join"}, {"room", "ABC234"}});
  const json vote{{"t", "event"}, {"vis", "staff"}, {"anon", true}, {"cid", "v-1"}, {"ev", {{"type", "rating.vote"}}}};
  const auto first = to(room.send("tab-p", vote), "tab-p");
  ASSERT_EQ(first.back()["t"], "ack");
  const std::int64_t seq = first.back()["seq"];
  // Given the ack was lost with the tab: the same member sends it again from another tab
  room.send("tab-p2", {{"t", "join"}, {"room", "ABC234"}, {"token", "participant-token-1"}, {"since", seq}});
  const std::int64_t before = room.relay.last_seq();
  const auto again = room.send("tab-p2", vote);
  // Then only the first ack comes back, and nothing is stored or sent to anyone
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(to(again, "tab-p2").at(0), (json{{"t", "ack"}, {"cid", "v-1"}, {"seq", seq}}));
  EXPECT_EQ(room.relay.last_seq(), before);
  // and another member's same id is its own event
  const auto host_event = to(room.send("tab-h", {{"t", "event"}, {"vis", "public"}, {"cid", "v-1"}, {"ev", {{"type", "chat.post"}}}}), "tab-h");
  EXPECT_EQ(host_event.back()["seq"], before + 1);
  // The stored log keeps the id beside the envelope (never in what tabs receive), so after a reload
  // of the keeper the re-send is still known
  EXPECT_NE(room.relay.log_text().find(R"("vis":"staff","cid":"v-1","ev":)"), std::string::npos);
  for (const json& e : envelopes(again, "tab-p2")) EXPECT_FALSE(e.contains("cid"));
  auto restored = LocalRelay::restore(room.relay.members_text(), room.relay.log_text());
  ASSERT_TRUE(restored.has_value());
  EXPECT_EQ(restored->log_text(), room.relay.log_text());
  restored->receive("tab-p3", json{{"t", "join"}, {"room", "ABC234"}, {"token", "participant-token-1"}, {"since", 0}}.dump(),
                    9000, Tokens{});
  const std::int64_t reloaded = restored->last_seq();
  const auto after_reload = to(restored->receive("tab-p3", vote.dump(), 9001, Tokens{}), "tab-p3");
  EXPECT_EQ(after_reload.at(0), (json{{"t", "ack"}, {"cid", "v-1"}, {"seq", seq}}));
  EXPECT_EQ(restored->last_seq(), reloaded);
  // with the history, no envelope carries the id
  for (const json& e : envelopes(restored->receive("tab-p3", R"({"t":"sync","since":0})", 9002, Tokens{}), "tab-p3"))
    EXPECT_FALSE(e.contains("cid")) << e.dump();
}
