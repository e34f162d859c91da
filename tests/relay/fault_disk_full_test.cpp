// Fault: the disk fills up under the relay (a file-size limit, RLIMIT_FSIZE, on a forked relay:
// writes past it fail with EFBIG like ENOSPC on a full disk). Must hold afterwards: every event
// gets exactly one answer — an ack or a clear `unavailable` error —; no envelope is acknowledged
// or delivered unless it is in the log; the log has no torn line and no gap; the relay keeps
// serving and stores events again as soon as there is room.
#include "fault_relay_process.hpp"
#include "protocol/log_format.hpp"

#include <gtest/gtest.h>

#include <sys/resource.h>

#include <map>
#include <set>

namespace palabre::relay::testing {
namespace {

constexpr rlim_t kLogLimit = 48 * 1024;

// Raises the soft limit only: raising a hard limit needs CAP_SYS_RESOURCE, which tests lack.
void set_file_size_limit(pid_t pid, rlim_t bytes) {
  const rlimit limit{bytes, RLIM_INFINITY};
  if (prlimit(pid, RLIMIT_FSIZE, &limit, nullptr) != 0) throw std::runtime_error("prlimit");
}

TEST(FaultDiskFull, EveryEventIsAckedOrRefusedAndOnlyAckedOnesAreLoggedOrSeen) {
  TempDir dir;
  std::map<int, std::int64_t> acked;  // cid -> seq
  std::set<int> refused;
  std::map<std::int64_t, json> host_saw;
  std::string room;
  {
    // Given a relay whose files may not grow past 48 KiB (SIGXFSZ ignored, so write fails instead)
    ForkedRelay relay(fault_config(dir.path()), [] {
      signal(SIGXFSZ, SIG_IGN);
      const rlimit limit{kLogLimit, RLIM_INFINITY};
      setrlimit(RLIMIT_FSIZE, &limit);
    });
    Client host(relay.port);
    room = host.create()["room"];
    Client participant(relay.port);
    participant.join(room);

    // when a participant sends 60 events of 2 KiB (the log would need about 125 KiB)
    const std::string filler(2048, 'x');
    auto send_and_answer = [&](int cid) {
      participant.send(json{{"t", "event"}, {"cid", cid}, {"vis", "public"}, {"ev", {{"n", cid}, {"f", filler}}}});
      for (;;) {
        const auto reply = participant.next(5s);
        ASSERT_TRUE(reply.has_value()) << "no answer to event " << cid;
        if ((*reply)["t"] == "events") continue;
        ASSERT_EQ((*reply)["cid"], cid) << reply->dump();
        if ((*reply)["t"] == "ack") {
          acked[cid] = (*reply)["seq"];
        } else {
          EXPECT_EQ((*reply)["t"], "error");
          EXPECT_EQ((*reply)["code"], "unavailable") << reply->dump();
          refused.insert(cid);
        }
        return;
      }
    };
    for (int cid = 0; cid < 60; ++cid) send_and_answer(cid);

    // then each got one answer: the first ones acked, the rest refused with `unavailable`
    EXPECT_EQ(acked.size() + refused.size(), 60u);
    EXPECT_GT(acked.size(), 5u);
    EXPECT_GT(refused.size(), 20u);

    // and when room is made (the limit lifted), the next event is stored and acknowledged
    set_file_size_limit(relay.pid, RLIM_INFINITY);
    send_and_answer(1000);
    EXPECT_TRUE(acked.count(1000)) << "the relay did not recover after the disk had room again";

    for (const auto& env : host.envelopes_until(acked[1000], 5s)) host_saw[env["seq"]] = env;
    relay.kill_hard();
  }

  // and a restart finds a clean log: no torn line, seqs 1..n, every ack in it, no refused event
  RelayFixture restarted(dir.path(), RelayFixture::quiet_config());
  EXPECT_TRUE(restarted.load_warnings().empty()) << restarted.load_warnings().front();
  const auto lines = log_lines(dir.path() / (room + ".palabre.jsonl"));
  std::map<int, std::int64_t> logged_cids;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const json env = json::parse(lines[i]);
    ASSERT_EQ(env["seq"], std::int64_t(i)) << "gap or disorder at line " << i + 1;
    if (env["ev"].contains("n")) logged_cids[env["ev"]["n"]] = env["seq"];
    if (env["ev"].contains("n")) EXPECT_FALSE(refused.count(env["ev"]["n"])) << "a refused event is in the log";
  }
  EXPECT_EQ(logged_cids, acked);
  for (const auto& [seq, env] : host_saw) {
    ASSERT_LT(std::size_t(seq), lines.size()) << "the host saw seq " << seq << " that is not in the log";
    std::string line = lines[seq];
    protocol::take_cid(line);  // the relay's own, kept beside the envelope as sent
    EXPECT_EQ(json::parse(line), env);
  }
}

}  // namespace
}  // namespace palabre::relay::testing
