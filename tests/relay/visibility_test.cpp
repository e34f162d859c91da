// Visibility: public to everyone; staff to hosts, kiosks and the sender; kiosks send nothing.
#include "relay_harness.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace palabre::relay::testing {
namespace {

struct Workshop {
  explicit Workshop(unsigned short port) : host(port), kiosk(port), alice(port), bob(port) {
    const json created = host.create();
    room = created["room"];
    kiosk.join(room, created["kiosk_token"]);
    alice_id = alice.join(room)["you"];
    bob_id = bob.join(room)["you"];
    host.envelopes_until(4);  // four presences
    kiosk.envelopes_until(4);
  }
  Client host, kiosk, alice, bob;
  std::string room, alice_id, bob_id;
};

class Visibility : public ::testing::Test {
 protected:
  TempDir dir;
  RelayFixture relay{dir.path(), RelayFixture::quiet_config()};
};

TEST_F(Visibility, StaffEventReachesHostKioskAndSenderOnly) {
  // Given a host, a kiosk and participants Alice and Bob
  Workshop w(relay.port());
  // when Alice votes (staff)
  w.alice.event("staff", {{"type", "rating.vote"}, {"value", 4}});
  // then the host, the kiosk and Alice see it; Bob does not
  for (Client* c : {&w.host, &w.kiosk, &w.alice}) {
    const auto envs = c->envelopes_until(5);
    ASSERT_EQ(envs.size(), 1u);
    EXPECT_EQ(envs[0]["from"], w.alice_id);
    EXPECT_EQ(envs[0]["vis"], "staff");
  }
  EXPECT_TRUE(w.bob.silent_for());
}

TEST_F(Visibility, PublicEventReachesEveryone) {
  // Given the workshop, when Bob posts a public message, then all four see it
  Workshop w(relay.port());
  w.bob.event("public", {{"type", "chat.post"}, {"text", "Ça marche !"}});
  for (Client* c : {&w.host, &w.kiosk, &w.alice, &w.bob}) {
    const auto envs = c->envelopes_until(5);
    ASSERT_EQ(envs.size(), 1u);
    EXPECT_EQ(envs[0]["ev"]["text"], "Ça marche !");
  }
}

TEST_F(Visibility, MixedStaffAndPublicEventsGiveEachTheirShare) {
  // Given the workshop, when Alice sends staff then public, and Bob public, back to back
  Workshop w(relay.port());
  w.alice.event("staff", {{"n", 1}});
  w.alice.event("public", {{"n", 2}});
  w.bob.event("public", {{"n", 3}});
  // then the host and Alice see all three and Bob only the public two, each in seq order
  // (Alice's two keep her sending order; Bob's may land before or between them)
  auto numbers = [](const std::vector<json>& envs) {
    std::vector<int> out;
    std::int64_t last_seq = 0;
    for (const auto& e : envs) {
      EXPECT_GT(e["seq"].get<std::int64_t>(), last_seq);
      last_seq = e["seq"];
      out.push_back(e["ev"]["n"]);
    }
    return out;
  };
  const auto host = numbers(w.host.envelopes_until(7));
  const auto alice = numbers(w.alice.envelopes_until(7));
  const auto bob = numbers(w.bob.envelopes_until(7));
  EXPECT_EQ(alice, host);
  ASSERT_EQ(host.size(), 3u);
  EXPECT_LT(std::find(host.begin(), host.end(), 1), std::find(host.begin(), host.end(), 2));
  std::vector<int> public_only;
  for (int n : host)
    if (n != 1) public_only.push_back(n);
  EXPECT_EQ(bob, public_only);
}

TEST_F(Visibility, EachConnectionGetsAStaffEnvelopeExactlyOnce) {
  // Given a host on two connections and Alice on two devices
  Client host(relay.port());
  const json created = host.create();
  const std::string room = created["room"];
  Client cohost(relay.port()), alice(relay.port()), alice2(relay.port()), bob(relay.port());
  cohost.join(room, created["host_token"]);
  const json ja = alice.join(room);
  alice2.join(room, ja["token"]);
  bob.join(room);
  // when the host and Alice each send a staff event
  host.event("staff", {{"n", 1}});
  const std::int64_t s1 = host.next_of("ack").value()["seq"];
  alice.event("staff", {{"n", 2}});
  const std::int64_t s2 = alice.next_of("ack").value()["seq"];
  // then each host connection and each of Alice's devices receives Alice's envelope exactly once,
  // the host's own staff envelope reaches both host connections once, and Bob gets neither
  auto count = [](Client& c, std::int64_t until, std::vector<json> already = {}) {
    std::map<int, int> n;
    for (const auto& frame : already)
      if (frame["t"] == "events")
        for (const auto& env : frame["envs"])
          if (env["ev"].contains("n")) ++n[env["ev"]["n"]];
    for (const auto& env : c.envelopes_until(until, 500ms))
      if (env["ev"].contains("n")) ++n[env["ev"]["n"]];
    c.silent_for(100ms);
    return n;
  };
  EXPECT_EQ(count(host, s2, host.skipped), (std::map<int, int>{{1, 1}, {2, 1}}));
  EXPECT_EQ(count(cohost, s2), (std::map<int, int>{{1, 1}, {2, 1}}));
  EXPECT_EQ(count(alice, s2, alice.skipped), (std::map<int, int>{{2, 1}}));
  EXPECT_EQ(count(alice2, s2), (std::map<int, int>{{2, 1}}));
  EXPECT_TRUE(bob.silent_for(200ms));
  (void)s1;
}

TEST_F(Visibility, ParticipantsDoNotSeePresence) {
  // Given the workshop (four presence envelopes so far), when Alice syncs from 0
  Workshop w(relay.port());
  w.alice.send(json{{"t", "sync"}, {"since", 0}});
  // then she receives nothing: presence is staff, from the relay
  EXPECT_TRUE(w.alice.silent_for());
}

TEST_F(Visibility, KioskMaySendNothing) {
  // Given the workshop, when the kiosk sends an event
  Workshop w(relay.port());
  w.kiosk.send(json{{"t", "event"}, {"vis", "public"}, {"cid", 3}, {"ev", {{"type", "chat.post"}}}});
  // then it gets forbidden with its cid, and nobody sees anything
  const auto answer = w.kiosk.next();
  ASSERT_TRUE(answer);
  EXPECT_EQ((*answer)["code"], "forbidden");
  EXPECT_EQ((*answer)["cid"], 3);
  EXPECT_TRUE(w.host.silent_for(200ms));
}

}  // namespace
}  // namespace palabre::relay::testing
