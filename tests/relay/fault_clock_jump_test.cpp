// Fault: the relay's wall clock jumps (NTP step, VM resume, an operator's `date -s`). `at` stamps
// come from it (activity timers and message times read them). Must hold: within a room `at` never
// decreases — a clock going back repeats the last `at` until it catches up, a clock going forward
// moves `at` forward —, also across a restart of the relay on the same data, and `seq` order is
// unaffected.
#include "relay_harness.hpp"

#include <gtest/gtest.h>

#include <atomic>

namespace palabre::relay::testing {
namespace {

std::atomic<std::int64_t> fake_now{0};

Config clock_config() {
  Config config = RelayFixture::quiet_config();
  config.clock_ms = [] { return fake_now.load(); };
  return config;
}

// Sends one event and returns the `at` the relay stamped on it (its envelope precedes the ack).
std::int64_t stamped_at(Client& client, int cid) {
  client.skipped.clear();
  client.send(json{{"t", "event"}, {"cid", cid}, {"vis", "public"}, {"ev", {{"type", "chat.post"}, {"text", "t"}}}});
  const auto ack = client.next_of("ack");
  if (!ack) throw std::runtime_error("no ack");
  for (const auto& frame : client.skipped)
    if (frame["t"] == "events")
      for (const auto& env : frame["envs"])
        if (env["seq"] == (*ack)["seq"]) return env["at"];
  throw std::runtime_error("own envelope not received before its ack");
}

TEST(FaultClockJump, AtNeverGoesBackWithinARoomEvenAcrossARestart) {
  TempDir dir;
  std::string room, token;
  {
    fake_now = 1'700'000'000'000;
    RelayFixture relay(dir.path(), clock_config());
    Client host(relay.port());
    const json created = host.create();
    room = created["room"];
    token = created["host_token"];
    // Given an event stamped at T
    EXPECT_EQ(stamped_at(host, 1), 1'700'000'000'000);
    // when the clock jumps back an hour, then the next event keeps T
    fake_now = 1'700'000'000'000 - 3'600'000;
    EXPECT_EQ(stamped_at(host, 2), 1'700'000'000'000);
    // when it jumps forward a day, then `at` follows it
    fake_now = 1'700'000'000'000 + 86'400'000;
    EXPECT_EQ(stamped_at(host, 3), 1'700'000'000'000 + 86'400'000);
  }
  // and when the relay restarts with a clock back in the past, `at` still does not decrease
  fake_now = 1'600'000'000'000;
  RelayFixture relay(dir.path(), clock_config());
  Client host(relay.port());
  ASSERT_EQ(host.join(room, token)["t"], "joined");
  EXPECT_EQ(stamped_at(host, 4), 1'700'000'000'000 + 86'400'000);
  // and the log's `at` column is non-decreasing, seq gap-free
  const auto lines = log_lines(dir.path() / (room + ".palabre.jsonl"));
  std::int64_t previous_at = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const json env = json::parse(lines[i]);
    EXPECT_EQ(env["seq"], std::int64_t(i));
    EXPECT_GE(env["at"].get<std::int64_t>(), previous_at) << lines[i];
    previous_at = env["at"];
  }
}

}  // namespace
}  // namespace palabre::relay::testing
