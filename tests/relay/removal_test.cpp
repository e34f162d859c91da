// Removing a participant and renewing the join link (docs/protocol.md "remove", "renew"): the relay
// refuses a removed member for good — its open connections, its token, its events — and, after a
// renewal, a newcomer needs the new join key while members keep their tokens. Both are envelopes of
// the room's log, so they survive a restart of the relay (the file store here; Redis: redis_test.cpp).
#include "relay_harness.hpp"

#include <gtest/gtest.h>

namespace palabre::relay::testing {
namespace {

// The `ev` of the first envelope of `type` until one arrives (or the wait ends).
std::optional<json> relay_ev(Client& client, const std::string& type) {
  for (int frames = 0; frames < 20; ++frames) {
    const auto frame = client.next_of("events");
    if (!frame) return std::nullopt;
    for (const auto& env : (*frame)["envs"])
      if (env["ev"]["type"] == type) return env;
  }
  return std::nullopt;
}

TEST(Removal, GivenAParticipant_WhenTheHostRemovesThem_ThenTheirConnectionIsToldAndTheirNextEventRefused) {
  TempDir dir;
  RelayFixture relay(dir.path(), RelayFixture::quiet_config());
  // Given a host and a participant who has posted
  Client host(relay.port());
  const json created = host.create();
  Client bob(relay.port());
  const json joined = bob.join(created["room"]);
  ASSERT_EQ(joined["t"], "joined");
  bob.event("public", {{"type", "chat.post"}, {"text", "bonjour"}}, 1);
  ASSERT_TRUE(bob.next_of("ack"));
  // when the host removes them
  host.send(json{{"t", "remove"}, {"who", joined["you"]}, {"cid", 7}});
  // then the host is acknowledged and sees the relay's staff envelope naming the member
  const auto removal = relay_ev(host, "member.removed");
  ASSERT_TRUE(removal);
  EXPECT_EQ((*removal)["role"], "relay");
  EXPECT_EQ((*removal)["vis"], "staff");
  EXPECT_EQ((*removal)["ev"]["who"], joined["you"]);
  const auto ack = host.next_of("ack");
  ASSERT_TRUE(ack);
  EXPECT_EQ((*ack)["cid"], 7);
  // and the participant's connection is told, with a stable code
  EXPECT_EQ(bob.next_error_code(), "removed");
  // and its next event is refused with that code (its cid echoed)
  bob.event("public", {{"type", "chat.post"}, {"text", "encore"}}, 2);
  const auto refused = bob.next_of("error");
  ASSERT_TRUE(refused);
  EXPECT_EQ((*refused)["code"], "removed");
  EXPECT_EQ((*refused)["cid"], 2);
  // and its resume token opens nothing any more
  Client again(relay.port());
  EXPECT_EQ(again.join(created["room"], joined["token"])["code"], "removed");
}

TEST(Removal, GivenARemovedParticipant_WhenTheRelayRestarts_ThenTheirTokenIsStillRefused) {
  TempDir dir;
  json created, joined;
  {
    RelayFixture relay(dir.path(), RelayFixture::quiet_config());
    Client host(relay.port());
    created = host.create();
    Client bob(relay.port());
    joined = bob.join(created["room"]);
    host.send(json{{"t", "remove"}, {"who", joined["you"]}, {"cid", 1}});
    ASSERT_TRUE(host.next_of("ack"));
  }
  // when the relay starts again on the same data directory
  RelayFixture relay(dir.path(), RelayFixture::quiet_config());
  // then the removal still holds, while the host comes back as before
  Client bob(relay.port());
  EXPECT_EQ(bob.join(created["room"], joined["token"])["code"], "removed");
  Client host(relay.port());
  EXPECT_EQ(host.join(created["room"], created["host_token"])["t"], "joined");
}

TEST(Removal, GivenAParticipant_WhenTheyTryToRemoveSomeone_ThenTheyAreRefused) {
  TempDir dir;
  RelayFixture relay(dir.path(), RelayFixture::quiet_config());
  Client host(relay.port());
  const json created = host.create();
  Client alice(relay.port()), bob(relay.port());
  alice.join(created["room"]);
  const json bob_joined = bob.join(created["room"]);
  // when a participant asks to remove another, then it is forbidden
  alice.send(json{{"t", "remove"}, {"who", bob_joined["you"]}});
  EXPECT_EQ(alice.next_error_code(), "forbidden");
  // and bob still takes part
  bob.event("public", {{"type", "chat.post"}, {"text", "toujours là"}}, 1);
  EXPECT_TRUE(bob.next_of("ack"));
}

TEST(Removal, GivenTheHost_WhenTheyNameNoParticipant_ThenTheRemovalIsRefusedWithNoMember) {
  TempDir dir;
  RelayFixture relay(dir.path(), RelayFixture::quiet_config());
  Client host(relay.port());
  host.create();
  for (const char* who : {"h1", "k2", "p99", "p3\"}", ""}) {
    host.send(json{{"t", "remove"}, {"who", who}});
    EXPECT_EQ(host.next_error_code(), "no_member") << who;
  }
  host.send(R"({"t":"remove"})");
  EXPECT_EQ(host.next_error_code(), "bad_message");
}

TEST(Renewal, GivenARenewedJoinLink_WhenANewcomerUsesTheOldOne_ThenOnlyTheNewKeyAdmitsAndMembersKeepTheirTokens) {
  TempDir dir;
  json created, alice_joined;
  std::string invite;
  {
    RelayFixture relay(dir.path(), RelayFixture::quiet_config());
    Client host(relay.port());
    created = host.create();
    Client alice(relay.port());
    alice_joined = alice.join(created["room"]);
    // when the host renews the join link
    host.send(R"({"t":"renew","cid":3})");
    // then the host and its kiosk learn the new key from the relay's staff envelope
    const auto renewal = relay_ev(host, "join.renewed");
    ASSERT_TRUE(renewal);
    invite = (*renewal)["ev"]["invite"];
    EXPECT_EQ(invite.size(), 6u);
    // and a participant may not renew it
    alice.send(R"({"t":"renew"})");
    EXPECT_EQ(alice.next_error_code(), "forbidden");
  }
  // (after a restart too)
  RelayFixture relay(dir.path(), RelayFixture::quiet_config());
  // a newcomer with the old link (the code alone) is refused
  Client newcomer(relay.port());
  EXPECT_EQ(newcomer.join(created["room"])["code"], "old_link");
  newcomer.send(json{{"t", "join"}, {"room", created["room"]}, {"invite", "ABCDEF"}});
  EXPECT_EQ((*newcomer.next())["code"], "old_link");
  // a newcomer with the new key is admitted
  newcomer.send(json{{"t", "join"}, {"room", created["room"]}, {"invite", invite}});
  EXPECT_EQ((*newcomer.next())["t"], "joined");
  // and a member who joined before keeps their token
  Client alice(relay.port());
  EXPECT_EQ(alice.join(created["room"], alice_joined["token"])["t"], "joined");
}

}  // namespace
}  // namespace palabre::relay::testing
