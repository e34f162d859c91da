// Durability: a relay process killed with SIGKILL at random moments under load, then restarted on
// the same data directory, has in its log every envelope any client received, gap-free and in order.
#include "fault_relay_process.hpp"
#include "relay_harness.hpp"

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <random>
#include <thread>

namespace palabre::relay::testing {
namespace {

// A relay in a child process, so that it can really be killed with SIGKILL.
// The relay under test runs in a forked child (fault_relay_process.hpp) so SIGKILL hits it alone.
Config crash_config(const std::filesystem::path& data) {
  Config config;
  config.log_connections = false;
  config.data_dir = data;
  config.fsync = FsyncPolicy::never;  // the page cache is what must survive kill -9
  config.messages_per_second = 10000;
  config.message_burst = 10000;
  return config;
}

struct Member {
  std::unique_ptr<Client> client;
  std::string token;
  std::int64_t last_seq = 0;
};

// Reads what is already there; records every envelope and the highest seq.
void drain(Member& m, std::map<std::int64_t, json>& seen, std::chrono::milliseconds wait) {
  while (auto text = m.client->next_text(wait)) {
    const json frame = json::parse(*text);
    if (frame["t"] != "events") continue;
    for (const auto& env : frame["envs"]) {
      const std::int64_t seq = env["seq"];
      const auto [it, fresh] = seen.emplace(seq, env);
      if (!fresh) EXPECT_EQ(it->second, env) << "two clients saw different envelopes for seq " << seq;
      m.last_seq = std::max(m.last_seq, seq);
    }
    wait = std::chrono::milliseconds(0);
  }
}

TEST(Crash, KilledWithSigkillRepeatedlyLosesNothingAnyClientSaw) {
  TempDir dir;
  std::mt19937 random(20221005);
  std::map<std::int64_t, json> seen;  // every envelope any client received
  std::string room;
  std::vector<Member> members(4);    // [0] the host, then participants
  int sent = 0;

  for (int round = 0; round < 6; ++round) {
    // Given a relay (re)started on the same data directory, and every member (re)joined
    ForkedRelay relay(crash_config(dir.path()));
    for (std::size_t i = 0; i < members.size(); ++i) {
      Member& m = members[i];
      m.client = std::make_unique<Client>(relay.port);
      if (round == 0 && i == 0) {
        const json created = m.client->create();
        room = created["room"];
        m.token = created["host_token"];
        continue;
      }
      const json joined = m.client->join(room, m.token, m.last_seq);
      ASSERT_EQ(joined["t"], "joined") << joined.dump();
      m.token = joined["token"];
    }
    // when everyone sends public and staff events and the relay is killed at a random moment
    const int kill_after = std::uniform_int_distribution<int>(20, 120)(random);
    for (int step = 0; step < kill_after; ++step) {
      for (std::size_t i = 0; i < members.size(); ++i) {
        const bool staff = (step + int(i)) % 3 == 0;
        members[i].client->send(json{{"t", "event"}, {"vis", staff ? "staff" : "public"},
                                     {"ev", {{"type", "load"}, {"n", sent++}, {"by", i}}}});
      }
      for (auto& m : members) drain(m, seen, std::chrono::milliseconds(0));
    }
    relay.kill_hard();
    for (auto& m : members) drain(m, seen, std::chrono::milliseconds(50));
  }

  // then the log holds every envelope anyone saw, and its seqs are 1, 2, 3… without a gap
  const auto lines = log_lines(dir.path() / (room + ".palabre.jsonl"));
  ASSERT_GT(lines.size(), 1u);
  std::map<std::int64_t, json> logged;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const json env = json::parse(lines[i]);
    EXPECT_EQ(env["seq"], std::int64_t(i)) << "gap or disorder at line " << i + 1;
    logged[env["seq"]] = env;
  }
  ASSERT_FALSE(seen.empty());
  for (const auto& [seq, env] : seen) {
    const auto it = logged.find(seq);
    ASSERT_NE(it, logged.end()) << "seq " << seq << " was received but is not in the log";
    EXPECT_EQ(it->second, env);
  }
  RecordProperty("envelopes_seen", int(seen.size()));
  RecordProperty("envelopes_logged", int(logged.size()));
}

TEST(Crash, GivenMembersOnlineWhenTheRelayIsKilled_WhenItRestarts_ThenItsLogMarksEachOfThemOffline) {
  TempDir dir;
  std::string room;
  std::vector<std::string> online;  // member ids connected at the kill
  {
    // Given a host and two participants connected, a third who came and went
    ForkedRelay relay(crash_config(dir.path()));
    Client host(relay.port);
    const json created = host.create();
    room = created["room"];
    online.push_back(created["you"]);
    std::vector<std::unique_ptr<Client>> people;
    for (int i = 0; i < 3; ++i) {
      people.push_back(std::make_unique<Client>(relay.port));
      const json joined = people.back()->join(room);
      ASSERT_EQ(joined["t"], "joined") << joined.dump();
      if (i < 2) online.push_back(joined["you"]);
    }
    people.back().reset();  // gone before the crash: its own online:false is logged
    host.send(json{{"t", "ping"}});
    ASSERT_TRUE(host.next_of("pong"));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    // when the relay is killed
    relay.kill_hard();
  }
  const auto last_presence = [&] {
    std::map<std::string, bool> seen;
    for (const auto& line : log_lines(dir.path() / (room + ".palabre.jsonl"))) {
      const json env = json::parse(line);
      if (env.value("role", "") == "relay" && env["ev"]["type"] == "presence") seen[env["ev"]["who"]] = env["ev"]["online"];
    }
    return seen;
  };
  for (const auto& who : online) ASSERT_TRUE(last_presence()[who]) << who << " online in the log at the kill";
  // and restarted on the same data directory
  ForkedRelay restarted(crash_config(dir.path()));
  Client probe(restarted.port);  // the relay is up once it answers
  probe.send(json{{"t", "ping"}});
  ASSERT_TRUE(probe.next_of("pong"));
  // then, before anyone comes back, its log says every one of them is offline, and nobody else changed
  const auto after = last_presence();
  EXPECT_EQ(after.size(), 4u);
  for (const auto& [who, on] : after) EXPECT_FALSE(on) << who << " still online after the restart";
}

}  // namespace
}  // namespace palabre::relay::testing
