// Anonymous events: `from` becomes a per-room pseudonym nobody else can link to the member.
#include "relay_harness.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace palabre::relay::testing {
namespace {

class Anonymity : public ::testing::Test {
 protected:
  TempDir dir;
  RelayFixture relay{dir.path(), RelayFixture::quiet_config()};
};

TEST_F(Anonymity, AnonymousEventCarriesAPseudonymNotTheMemberId) {
  // Given a host and participants Alice and Bob
  Client host(relay.port());
  const std::string room = host.create()["room"];
  Client alice(relay.port()), bob(relay.port());
  const json ja = alice.join(room);
  const json jb = bob.join(room);
  // when Alice votes anonymously twice and Bob once
  alice.send(json{{"t", "event"}, {"vis", "staff"}, {"anon", true}, {"ev", {{"v", 1}}}});
  alice.send(json{{"t", "event"}, {"vis", "staff"}, {"anon", true}, {"ev", {{"v", 2}}}});
  bob.send(json{{"t", "event"}, {"vis", "staff"}, {"anon", true}, {"ev", {{"v", 3}}}});
  const std::int64_t last = std::max({alice.next_of("ack").value()["seq"].get<std::int64_t>(),
                                      alice.next_of("ack").value()["seq"].get<std::int64_t>(),
                                      bob.next_of("ack").value()["seq"].get<std::int64_t>()});
  // then the host sees pseudonyms: the same for Alice's two, another for Bob's, neither a member id
  std::map<int, std::string> from;
  for (const auto& env : host.envelopes_until(last))
    if (env["ev"].contains("v")) from[env["ev"]["v"]] = env["from"];
  ASSERT_EQ(from.size(), 3u);
  EXPECT_EQ(from[1], from[2]);
  EXPECT_NE(from[1], from[3]);
  for (const auto& [v, who] : from) {
    EXPECT_NE(who, ja["you"]);
    EXPECT_NE(who, jb["you"]);
    EXPECT_EQ(who.find(ja["you"].get<std::string>()), std::string::npos);
  }
  // and each participant learns only its own pseudonym, which their own votes carry
  EXPECT_EQ(ja["anon"], from[1]);
  EXPECT_EQ(jb["anon"], from[3]);
  std::vector<int> alice_sees;
  for (const auto& frame : alice.skipped)
    if (frame["t"] == "events")
      for (const auto& env : frame["envs"]) alice_sees.push_back(env["ev"]["v"]);
  for (const auto& env : alice.envelopes_until(last, 300ms)) alice_sees.push_back(env["ev"]["v"]);
  EXPECT_EQ(alice_sees, (std::vector<int>{1, 2}));
}

TEST_F(Anonymity, OwnAnonymousStaffEventsAreResentOnResumeEvenAfterRestart) {
  json created, ja;
  TempDir data;
  {
    // Given Alice's anonymous staff vote in a room, then a relay restart
    RelayFixture first(data.path(), RelayFixture::quiet_config());
    Client host(first.port());
    created = host.create();
    Client alice(first.port());
    ja = alice.join(created["room"]);
    alice.send(json{{"t", "event"}, {"vis", "staff"}, {"anon", true}, {"ev", {{"v", 1}}}});
    alice.next_of("ack");
  }
  RelayFixture second(data.path(), RelayFixture::quiet_config());
  // when Alice and Bob resume from 0
  Client alice(second.port()), bob(second.port());
  alice.join(created["room"], ja["token"], 0);
  bob.join(created["room"]);
  // then Alice gets her vote back (the relay maps the pseudonym back to her); Bob does not
  const auto envs = alice.envelopes_until(1 << 30, 500ms);
  ASSERT_EQ(envs.size(), 1u);
  EXPECT_EQ(envs[0]["ev"]["v"], 1);
  EXPECT_EQ(envs[0]["from"], ja["anon"]);
  EXPECT_TRUE(bob.silent_for(300ms));
}

}  // namespace
}  // namespace palabre::relay::testing
