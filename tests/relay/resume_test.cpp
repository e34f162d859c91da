// Resume: the same participant again, with exactly what it missed — after a reconnect, and after
// the relay itself restarts from the same data directory (torn last line included).
#include "relay_harness.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace palabre::relay::testing {
namespace {

std::vector<int> numbers(const std::vector<json>& envs) {
  std::vector<int> out;
  for (const auto& e : envs)
    if (e["ev"].contains("n")) out.push_back(e["ev"]["n"]);
  return out;
}

TEST(Resume, ReconnectWithTokenAndSinceGivesSameIdentityAndExactlyTheMissedEnvelopes) {
  TempDir dir;
  RelayFixture relay(dir.path(), RelayFixture::quiet_config());
  // Given a participant who saw event 1 then dropped
  Client host(relay.port());
  const std::string room = host.create()["room"];
  auto alice = std::make_unique<Client>(relay.port());
  const json joined = alice->join(room);
  host.event("public", {{"n", 1}});
  const auto seen = alice->envelopes_until(3);  // h1 presence, alice presence are staff: only n=1
  ASSERT_EQ(numbers(seen), (std::vector<int>{1}));
  const std::int64_t last_seen = seen.back()["seq"];
  alice.reset();
  // when, meanwhile, two public events and another's staff event happen
  Client bob(relay.port());
  bob.join(room);
  host.event("public", {{"n", 2}});
  bob.event("staff", {{"n", 99}});
  host.event("public", {{"n", 3}});
  const std::int64_t last = host.envelopes_until(last_seen + 5).back()["seq"];  // offline, bob, 2, 99, 3
  // and she reconnects with her token and the last seq she saw
  Client again(relay.port());
  const json rejoined = again.join(room, joined["token"], last_seen);
  // then she is the same participant and receives exactly events 2 and 3
  EXPECT_EQ(rejoined["you"], joined["you"]);
  EXPECT_EQ(rejoined["seq"], last);
  EXPECT_EQ(numbers(again.envelopes_until(last)), (std::vector<int>{2, 3}));
  EXPECT_TRUE(again.silent_for(200ms));
}

TEST(Resume, ParticipantResumesAfterTheRelayRestartsFromTheSameData) {
  TempDir dir;
  json created, joined;
  std::int64_t last_seen = 0;
  {
    // Given a room where Alice saw event 1, then the relay stops
    RelayFixture relay(dir.path(), RelayFixture::quiet_config());
    Client host(relay.port());
    created = host.create();
    Client alice(relay.port());
    joined = alice.join(created["room"]);
    host.event("public", {{"n", 1}});
    ASSERT_TRUE(host.next_of("ack"));
    alice.event("staff", {{"n", 2}});
    last_seen = alice.next_of("ack").value()["seq"];
    host.event("public", {{"n", 3}});
    host.envelopes_until(5);
  }
  // when a new relay starts on the same data directory
  RelayFixture relay(dir.path(), RelayFixture::quiet_config());
  EXPECT_TRUE(relay.load_warnings().empty());
  // then Alice resumes as herself and gets event 3; the host token still works and sees everything
  Client alice(relay.port());
  const json rejoined = alice.join(created["room"], joined["token"], last_seen);
  ASSERT_EQ(rejoined["t"], "joined");
  EXPECT_EQ(rejoined["you"], joined["you"]);
  EXPECT_EQ(numbers(alice.envelopes_until(5)), (std::vector<int>{3}));
  Client host(relay.port());
  const json host_again = host.join(created["room"], created["host_token"]);
  EXPECT_EQ(host_again["you"], "h1");
  EXPECT_EQ(numbers(host.envelopes_until(5)), (std::vector<int>{1, 2, 3}));
  // and new events continue the same sequence
  alice.event("public", {{"n", 4}});
  const std::int64_t seq4 = alice.next_of("ack").value()["seq"];
  EXPECT_GT(seq4, 5);
  EXPECT_EQ(numbers(host.envelopes_until(seq4)), (std::vector<int>{4}));
}

TEST(Resume, TornLastLineIsDroppedAndReportedNotFatal) {
  TempDir dir;
  json created;
  {
    RelayFixture relay(dir.path(), RelayFixture::quiet_config());
    Client host(relay.port());
    created = host.create();
    host.event("public", {{"n", 1}});
    host.envelopes_until(2);
  }
  // Given a log whose last line was cut by a crash
  const auto log = dir.path() / (created["room"].get<std::string>() + ".palabre.jsonl");
  const auto intact = log_lines(log);
  ASSERT_GE(intact.size(), 3u);  // header, presence, n=1 (and the host's offline presence, if it came first)
  const std::int64_t last_seq = json::parse(intact.back())["seq"];
  { std::ofstream(log, std::ios::app) << R"({"seq":3,"at":17,"fr)"; }
  // when the relay starts
  RelayFixture relay(dir.path(), RelayFixture::quiet_config());
  // then it reports the torn line, serves the room, and the file holds the whole lines only
  ASSERT_EQ(relay.load_warnings().size(), 1u);
  EXPECT_NE(relay.load_warnings()[0].find("torn"), std::string::npos);
  // (after them, if the log still had the host online, the relay's own note that it is not)
  auto kept = log_lines(log);
  ASSERT_GE(kept.size(), intact.size());
  for (std::size_t i = intact.size(); i < kept.size(); ++i) {
    const json env = json::parse(kept[i]);
    EXPECT_EQ(env["ev"], json::parse(R"({"type":"presence","who":"h1","online":false})")) << kept[i];
  }
  kept.resize(intact.size());
  EXPECT_EQ(kept, intact);
  Client host(relay.port());
  host.join(created["room"], created["host_token"]);
  EXPECT_EQ(numbers(host.envelopes_until(last_seq)), (std::vector<int>{1}));
  host.event("public", {{"n", 2}});
  const std::int64_t seq2 = host.next_of("ack").value()["seq"];
  EXPECT_GT(seq2, last_seq);
  const auto lines = log_lines(log);
  EXPECT_EQ(json::parse(lines.back())["ev"]["n"], 2);
}

TEST(Resume, SyncResendsEverythingVisibleAfterSince) {
  TempDir dir;
  RelayFixture relay(dir.path(), RelayFixture::quiet_config());
  // Given a participant who saw events 1..3
  Client host(relay.port());
  const std::string room = host.create()["room"];
  Client p(relay.port());
  p.join(room);
  for (int n = 1; n <= 3; ++n) host.event("public", {{"n", n}});
  const auto seen = p.envelopes_until(5);
  ASSERT_EQ(numbers(seen), (std::vector<int>{1, 2, 3}));
  // when it asks to sync since the first one's seq
  p.send(json{{"t", "sync"}, {"since", seen[0]["seq"]}});
  // then it gets 2 and 3 again
  EXPECT_EQ(numbers(p.envelopes_until(5)), (std::vector<int>{2, 3}));
}

}  // namespace
}  // namespace palabre::relay::testing
