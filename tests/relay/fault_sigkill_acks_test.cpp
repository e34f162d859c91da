// Fault: the relay is SIGKILLed while it writes large batches (crash_test.cpp kills it under many
// small events and checks what clients *received*; this one checks what they were *acknowledged*).
// Must hold afterwards, for every kill: each acknowledged event is in the log with the seq its ack
// gave; the restarted relay loads the log (a torn last line at most, cut and reported) with seqs
// gap-free; members resume and the room goes on.
#include "fault_relay_process.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <random>
#include <thread>

namespace palabre::relay::testing {
namespace {

TEST(FaultSigkill, EveryAcknowledgedEventSurvivesKillsDuringLargeWrites) {
  TempDir dir;
  std::mt19937 random(8);
  std::map<int, std::int64_t> acked;  // cid -> seq
  std::string room, host_token;
  const std::string filler(48 * 1024, 'k');  // large lines: a kill may land inside a write
  int cid = 0;
  for (int round = 0; round < 5; ++round) {
    // Given a relay (re)started on the same data, and the host (re)joined
    ForkedRelay relay(fault_config(dir.path()));
    Client host(relay.port);
    if (round == 0) {
      const json created = host.create();
      room = created["room"];
      host_token = created["host_token"];
    } else {
      ASSERT_EQ(host.join(room, host_token, 1 << 30)["t"], "joined");
    }
    // when it sends 48 KiB events without waiting and the relay is killed after a random delay
    const int kill_after_ms = std::uniform_int_distribution<int>(50, 400)(random);
    std::atomic<bool> killed{false};
    std::thread killer([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(kill_after_ms));
      kill(relay.pid, SIGKILL);
      killed = true;
    });
    try {
      for (int n = 0; n < 2000 && !killed; ++n, ++cid)
        host.send(json{{"t", "event"}, {"cid", cid}, {"vis", "public"}, {"ev", {{"n", cid}, {"f", filler}}}});
    } catch (const std::exception&) {
      ++cid;  // the relay died under this send
    }
    killer.join();
    while (auto reply = host.next(200ms))
      if ((*reply)["t"] == "ack") acked[(*reply)["cid"]] = (*reply)["seq"];
  }
  ASSERT_FALSE(acked.empty());

  // then after a last restart the log is whole, gap-free, and holds every acknowledged event
  RelayFixture restarted(dir.path(), RelayFixture::quiet_config());
  for (const auto& warning : restarted.load_warnings())
    EXPECT_NE(warning.find("torn"), std::string::npos) << "unexpected load warning: " << warning;
  const auto lines = log_lines(dir.path() / (room + ".palabre.jsonl"));
  std::map<int, std::int64_t> logged;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const json env = json::parse(lines[i]);
    ASSERT_EQ(env["seq"], std::int64_t(i)) << "gap or disorder at line " << i + 1;
    if (env["ev"].contains("n")) logged[env["ev"]["n"]] = env["seq"];
  }
  for (const auto& [n, seq] : acked) {
    const auto it = logged.find(n);
    ASSERT_NE(it, logged.end()) << "event " << n << " was acknowledged (seq " << seq << ") but is not in the log";
    EXPECT_EQ(it->second, seq);
  }
  RecordProperty("acknowledged", int(acked.size()));
  RecordProperty("logged", int(logged.size()));
}

}  // namespace
}  // namespace palabre::relay::testing
