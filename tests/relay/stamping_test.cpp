// Stamping and order: the relay sets seq/at/from/role, keeps `ev` byte for byte, acks with seq.
#include "relay_harness.hpp"

#include <gtest/gtest.h>

#include <set>

namespace palabre::relay::testing {
namespace {

class Stamping : public ::testing::Test {
 protected:
  TempDir dir;
  RelayFixture relay{dir.path(), RelayFixture::quiet_config()};
};

TEST_F(Stamping, RelayStampsEveryEventAndIgnoresTheClientsClaims) {
  // Given a host and a participant
  Client host(relay.port());
  const std::string room = host.create()["room"];
  Client p(relay.port());
  const std::string me = p.join(room)["you"];
  host.envelopes_until(2);  // presences of h1 and the participant
  // when the participant sends an event claiming to be the host, with its own seq and time
  const auto before = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch()).count();
  p.send(json{{"t", "event"}, {"vis", "public"}, {"seq", 999}, {"at", 1}, {"from", "h1"}, {"role", "host"},
              {"ev", {{"type", "chat.post"}, {"text", "Café — stratégie numérique"}}}});
  // then everyone receives it stamped by the relay
  const auto envs = host.envelopes_until(3);
  ASSERT_EQ(envs.size(), 1u);
  EXPECT_EQ(envs[0]["seq"], 3);
  EXPECT_EQ(envs[0]["from"], me);
  EXPECT_EQ(envs[0]["role"], "participant");
  EXPECT_EQ(envs[0]["vis"], "public");
  EXPECT_GE(envs[0]["at"].get<std::int64_t>(), before);
  EXPECT_EQ(envs[0]["ev"]["text"], "Café — stratégie numérique");
  const auto own = p.envelopes_until(3);
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0], envs[0]);
}

TEST_F(Stamping, EvIsReEmittedExactlyAsTheClientWroteIt) {
  // Given a host
  Client host(relay.port());
  host.create();
  host.envelopes_until(1);
  // when it sends an ev with unusual spacing, key order and escapes
  const std::string ev = R"({ "z":1, "a" : [1, 2.50, {"k":"\u00e9\"x"}],"type":"chat.post" })";
  host.send(R"({"t":"event","vis":"public","ev":)" + ev + R"(,"cid":7})");
  // then the frame contains those exact bytes
  const auto frame = host.next_text();
  ASSERT_TRUE(frame);
  EXPECT_NE(frame->find(R"("ev":)" + ev + "}"), std::string::npos) << *frame;
}

TEST_F(Stamping, AckCarriesTheClientsCidAndTheSeqGiven) {
  // Given a participant
  Client host(relay.port());
  const std::string room = host.create()["room"];
  Client p(relay.port());
  p.join(room);
  // when it sends two events with cids 41 and "b"
  p.event("public", {{"type", "chat.post"}, {"text", "un"}}, 41);
  p.send(json{{"t", "event"}, {"vis", "public"}, {"cid", "b"}, {"ev", {{"type", "chat.post"}, {"text", "deux"}}}});
  // then each is acked with its cid and the seq of its envelope
  const auto a1 = p.next_of("ack");
  const auto a2 = p.next_of("ack");
  ASSERT_TRUE(a1 && a2);
  EXPECT_EQ((*a1)["cid"], 41);
  EXPECT_EQ((*a2)["cid"], "b");
  EXPECT_EQ((*a2)["seq"].get<int>(), (*a1)["seq"].get<int>() + 1);
  std::set<std::int64_t> delivered;
  for (const auto& frame : p.skipped)
    if (frame["t"] == "events")
      for (const auto& env : frame["envs"]) delivered.insert(env["seq"].get<std::int64_t>());
  EXPECT_TRUE(delivered.count((*a1)["seq"])) << "the envelope is delivered before its ack";
}

TEST_F(Stamping, ConcurrentSendersGetOneGapFreeOrderSeenIdenticallyByAll) {
  // Given a host and four participants
  Client host(relay.port());
  const std::string room = host.create()["room"];
  std::vector<std::unique_ptr<Client>> ps;
  for (int i = 0; i < 4; ++i) {
    ps.push_back(std::make_unique<Client>(relay.port()));
    ps.back()->join(room);
  }
  const std::int64_t base = 5;  // presences: host + 4 participants
  host.envelopes_until(base);
  // when each sends 25 public events, interleaved
  for (int round = 0; round < 25; ++round)
    for (int i = 0; i < 4; ++i) ps[i]->event("public", {{"type", "chat.post"}, {"n", round}, {"p", i}});
  // then the host and every participant see the same 100 envelopes, seq base+1..base+100 in order,
  // and each sender's own events keep their sending order
  const auto at_host = host.envelopes_until(base + 100, 10s);
  ASSERT_EQ(at_host.size(), 100u);
  for (std::size_t i = 0; i < at_host.size(); ++i) EXPECT_EQ(at_host[i]["seq"], base + 1 + std::int64_t(i));
  std::vector<int> last(4, -1);
  for (const auto& env : at_host) {
    const int p = env["ev"]["p"], n = env["ev"]["n"];
    EXPECT_EQ(n, last[p] + 1);
    last[p] = n;
  }
  for (auto& p : ps) {
    std::vector<json> seen;
    for (const auto& env : p->envelopes_until(base + 100, 10s))
      if (env["seq"].get<std::int64_t>() > base) seen.push_back(env);
    EXPECT_EQ(seen, at_host);
  }
}

}  // namespace
}  // namespace palabre::relay::testing
