// Fault: a consumer that stops reading (slow_reader_test.cpp covers merging and resume). Must hold
// afterwards: the room does not stall — the other members' events are acknowledged and delivered
// quickly while the stalled one is behind —; the relay holds at most --max-queued-bytes for it and
// then drops it, saying why in its log (reason "slow reader", no secret); it resumes with its token.
#include "relay_harness.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace palabre::relay::testing {
namespace {

TEST(FaultSlowConsumer, StalledReaderDoesNotSlowTheRoomAndIsDroppedWithAReason) {
  TempDir dir;
  Config config = RelayFixture::quiet_config();
  config.messages_per_second = 100000;
  config.message_burst = 100000;
  config.max_queued_bytes = 256 * 1024;
  config.log_connections = true;
  ::testing::internal::CaptureStderr();
  std::string stalled_token;
  std::vector<double> ack_ms;
  {
    RelayFixture relay(dir.path(), config);
    // Given a room where one participant has stopped reading
    Client host(relay.port());
    const std::string room = host.create()["room"];
    Client stalled(relay.port());
    stalled_token = stalled.join(room)["token"];
    Client sender(relay.port());
    sender.join(room);
    // when another member sends 200 public events of 60 KiB (12 MiB: more than the socket buffers
    // hold, and 48 times the bound)
    const std::string filler(60 * 1024, 'z');
    for (int n = 0; n < 200; ++n) {
      const auto start = std::chrono::steady_clock::now();
      sender.send(json{{"t", "event"}, {"cid", n}, {"vis", "public"}, {"ev", {{"n", n}, {"f", filler}}}});
      const auto ack = sender.next_of("ack", 5s);
      ASSERT_TRUE(ack.has_value()) << "event " << n << " was never acknowledged";
      ack_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      if (n % 3 == 0) host.envelopes_until((*ack)["seq"], 5s);  // the host keeps reading
    }
    // then the sender was never held up by the stalled reader
    std::sort(ack_ms.begin(), ack_ms.end());
    EXPECT_LT(ack_ms[ack_ms.size() * 99 / 100], 1000.0) << "p99 ack latency (ms) with a stalled member";
    RecordProperty("ack_p99_ms", int(ack_ms[ack_ms.size() * 99 / 100]));
    // and the stalled reader was dropped
    EXPECT_TRUE(stalled.wait_closed(10s).has_value());
    // and it resumes as itself
    Client again(relay.port());
    EXPECT_EQ(again.join(room, stalled_token)["t"], "joined");
  }
  const std::string log = ::testing::internal::GetCapturedStderr();
  // and the relay's log says why, without any token
  bool dropped = false;
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);) {
    const json entry = json::parse(line, nullptr, false);
    if (entry.is_object() && entry.value("event", "") == "drop" && entry.value("reason", "") == "slow reader") dropped = true;
  }
  EXPECT_TRUE(dropped) << log.substr(0, 2000);
  EXPECT_EQ(log.find(stalled_token), std::string::npos);
}

}  // namespace
}  // namespace palabre::relay::testing
