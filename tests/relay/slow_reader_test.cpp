// A reader that falls behind: its queued `events` frames are merged, nothing lost or reordered;
// a reader too far behind is dropped and resumes.
#include "relay_harness.hpp"

#include <gtest/gtest.h>

namespace palabre::relay::testing {
namespace {

Config fast_senders() {
  Config config = RelayFixture::quiet_config();
  config.messages_per_second = 100000;
  config.message_burst = 100000;
  return config;
}

TEST(SlowReader, HostThatStopsReadingGetsEverythingInOrderInFewerFrames) {
  TempDir dir;
  Config config = fast_senders();
  config.max_queued_bytes = 256 * 1024 * 1024;
  RelayFixture relay(dir.path(), config);
  // Given a host that stops reading while a participant sends 800 events of 24 KiB (more than the
  // socket buffers hold, so frames queue in the relay)
  Client host(relay.port());
  const std::string room = host.create()["room"];
  Client p(relay.port());
  p.join(room);
  const std::string filler(24 * 1024, 'x');
  for (int n = 0; n < 800; ++n) p.send(json{{"t", "event"}, {"vis", "public"}, {"ev", {{"n", n}, {"f", filler}}}});
  // when the host reads again
  int frames = 0;
  std::vector<int> ns;
  std::int64_t last_seq = 0;
  while (ns.size() < 800) {
    const auto text = host.next_text(5s);
    ASSERT_TRUE(text) << "stalled after " << ns.size();
    const json frame = json::parse(*text);
    if (frame["t"] != "events") continue;
    ++frames;
    for (const auto& env : frame["envs"]) {
      EXPECT_EQ(env["seq"].get<std::int64_t>(), last_seq + 1);
      last_seq = env["seq"];
      if (env["ev"].contains("n")) ns.push_back(env["ev"]["n"]);
    }
  }
  // then it has all 800 in order, gap-free, and the backlog came merged in fewer frames
  for (int n = 0; n < 800; ++n) ASSERT_EQ(ns[std::size_t(n)], n);
  EXPECT_LT(frames, 800);
}

TEST(SlowReader, ReaderFarBehindIsDroppedAndResumesWithItsToken) {
  TempDir dir;
  Config config = fast_senders();
  config.max_queued_bytes = 1024 * 1024;
  RelayFixture relay(dir.path(), config);
  // Given a participant that stops reading while another floods 30 MiB of public events
  Client host(relay.port());
  const std::string room = host.create()["room"];
  auto sleepy = std::make_unique<Client>(relay.port());
  const json joined = sleepy->join(room);
  Client sender(relay.port());
  sender.join(room);
  const std::string filler(32 * 1024, 'y');
  for (int n = 0; n < 960; ++n) sender.send(json{{"t", "event"}, {"vis", "public"}, {"ev", {{"n", n}, {"f", filler}}}});
  // (the sender's own copy of its last event gives the seq to resume up to; slow builds need time)
  std::int64_t last = 0;
  for (const auto give_up = std::chrono::steady_clock::now() + 30s; last == 0 && std::chrono::steady_clock::now() < give_up;)
    for (const auto& env : sender.envelopes_until(1 << 30, 1s))
      if (env["ev"].contains("n") && env["ev"]["n"] == 959) last = env["seq"];
  ASSERT_GT(last, 0) << "the sender saw its 960 events";
  // when it finally reads, then the relay has dropped it (the others were served meanwhile)
  EXPECT_TRUE(sleepy->wait_closed(10s).has_value());
  // and it resumes as the same participant with everything it missed
  sleepy.reset();
  Client again(relay.port());
  const json rejoined = again.join(room, joined["token"], 0);
  EXPECT_EQ(rejoined["you"], joined["you"]);
  int count = 0;
  for (const auto& env : again.envelopes_until(last, 30s))
    if (env["ev"].contains("n")) EXPECT_EQ(env["ev"]["n"], count++);
  EXPECT_EQ(count, 960);
}

}  // namespace
}  // namespace palabre::relay::testing
