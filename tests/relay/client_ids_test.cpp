// Client event ids (docs/protocol.md "Client event ids"): an event sent again by its member with the
// same `cid` — after a lost ack, a SIGKILL and restart of the relay, or twice in one tick — is
// stored once and answered with the first seq. Across relays on Redis: tests/relay/redis_test.cpp.
#include "fault_relay_process.hpp"
#include "relay_harness.hpp"

#include <gtest/gtest.h>

#include <signal.h>

#include <thread>

#include "raw_socket.hpp"

namespace palabre::relay::testing {
namespace {

const json kIdea{{"t", "event"}, {"vis", "public"}, {"cid", "a1b2"}, {"ev", {{"type", "idea.post"}, {"text", "plus de pauses"}}}};

std::filesystem::path log_of(const TempDir& dir, const std::string& room) { return dir.path() / (room + ".palabre.jsonl"); }

// How many lines of the log hold `needle`.
int lines_with(const std::filesystem::path& log, const std::string& needle) {
  int count = 0;
  for (const auto& line : log_lines(log)) count += line.find(needle) != std::string::npos;
  return count;
}

// The seq of the first envelope of `type` that reaches `client`, or -1.
std::int64_t seq_of_next(Client& client, const std::string& type) {
  const auto deadline = std::chrono::steady_clock::now() + 3s;
  while (std::chrono::steady_clock::now() < deadline) {
    const auto frame = client.next_of("events", 500ms);
    if (!frame) continue;
    for (const auto& env : (*frame)["envs"])
      if (env["ev"].value("type", "") == type) return env["seq"];
  }
  return -1;
}

// Whether any `events` frame `client` received (read or skipped) holds an envelope of `type`.
bool received(const Client& client, const std::string& type) {
  for (const auto& frame : client.skipped)
    if (frame["t"] == "events")
      for (const auto& env : frame["envs"])
        if (env["ev"].value("type", "") == type) return true;
  return false;
}

TEST(ClientIds, GivenAnEventWhoseAckWasLost_WhenItsMemberSendsItAgain_ThenTheFirstSeqIsAckedAndOneEnvelopeIsStored) {
  TempDir dir;
  RelayFixture relay(dir.path(), RelayFixture::quiet_config());
  Client host(relay.port());
  const std::string room = host.create()["room"];
  Client alice(relay.port());
  const json joined = alice.join(room);
  alice.send(json{{"t", "ping"}});
  ASSERT_TRUE(alice.next_of("pong"));
  // Given Alice's idea is stored, but her socket closed before she read its ack
  RawSocket raw(relay.port());
  raw.upgrade();
  raw.send_text(json{{"t", "join"}, {"room", room}, {"token", joined["token"]}}.dump());
  raw.send_text(json{{"t", "ping"}}.dump());
  while (json::parse(raw.read_text())["t"] != "pong") {}
  raw.send_text(kIdea.dump());
  raw.close();
  const std::int64_t stored = seq_of_next(host, "idea.post");
  ASSERT_GT(stored, 0);
  // when she sends it again on her other connection, with the same cid
  alice.send(kIdea);
  // then she is acked with the first seq, and nothing new is stored or sent
  const auto ack = alice.next_of("ack");
  ASSERT_TRUE(ack);
  EXPECT_EQ((*ack)["seq"], stored);
  EXPECT_EQ((*ack)["cid"], "a1b2");
  EXPECT_EQ(lines_with(log_of(dir, room), "idea.post"), 1);
  host.send(json{{"t", "ping"}});
  ASSERT_TRUE(host.next_of("pong"));
  EXPECT_FALSE(received(host, "idea.post"));
  // and the id is kept beside the envelope in the log, never in what members receive
  EXPECT_EQ(lines_with(log_of(dir, room), R"("vis":"public","cid":"a1b2","ev":{)"), 1);
  Client late(relay.port());
  late.join(room);
  late.send(json{{"t", "ping"}});
  ASSERT_TRUE(late.next_of("pong"));
  for (const auto& frame : late.skipped)
    if (frame["t"] == "events")
      for (const auto& env : frame["envs"]) EXPECT_FALSE(env.contains("cid")) << env.dump();
  // while a new cid is a new event
  alice.send(json{{"t", "event"}, {"vis", "public"}, {"cid", "a1b3"}, {"ev", {{"type", "idea.post"}}}});
  EXPECT_GT(alice.next_of("ack").value()["seq"], stored);
}

TEST(ClientIds, GivenTwoConnectionsOfOneMember_WhenBothSendTheSameCidInOneTick_ThenOneEnvelopeAndBothGetItsAck) {
  TempDir dir;
  ForkedRelay relay(fault_config(dir.path()));
  Client host(relay.port);
  const std::string room = host.create()["room"];
  Client alice(relay.port);
  const json joined = alice.join(room);
  Client tab(relay.port);
  tab.join(room, joined["token"]);
  for (Client* c : {&alice, &tab}) {
    c->send(json{{"t", "ping"}});
    ASSERT_TRUE(c->next_of("pong"));
  }
  // Given the relay is paused while both connections send the same event (so it reads both at once)
  kill(relay.pid, SIGSTOP);
  alice.send(kIdea);
  tab.send(kIdea);
  std::this_thread::sleep_for(100ms);
  kill(relay.pid, SIGCONT);
  // then both are acked with one seq, and the log holds the event once
  const auto first = alice.next_of("ack"), second = tab.next_of("ack");
  ASSERT_TRUE(first && second);
  EXPECT_EQ((*first)["seq"], (*second)["seq"]);
  EXPECT_EQ(lines_with(log_of(dir, room), "idea.post"), 1);
}

TEST(ClientIds, GivenAnAckedEvent_WhenTheRelayIsKilledAndRestarted_ThenItsResendIsAckedWithTheFirstSeq) {
  TempDir dir;
  std::string room, token;
  std::int64_t stored = 0;
  {
    // Given Alice's idea stored by a relay that is then killed
    ForkedRelay relay(fault_config(dir.path()));
    Client host(relay.port);
    room = host.create()["room"];
    Client alice(relay.port);
    token = alice.join(room)["token"];
    alice.send(kIdea);
    stored = alice.next_of("ack").value()["seq"];
    relay.kill_hard();
  }
  // when it restarts on the same data and she sends the idea again
  ForkedRelay restarted(fault_config(dir.path()));
  Client alice(restarted.port);
  ASSERT_EQ(alice.join(room, token, stored)["t"], "joined");
  alice.send(kIdea);
  // then the ack carries the first seq, and the log still holds it once
  const auto ack = alice.next_of("ack");
  ASSERT_TRUE(ack);
  EXPECT_EQ((*ack)["seq"], stored);
  EXPECT_EQ(lines_with(log_of(dir, room), "idea.post"), 1);
}

}  // namespace
}  // namespace palabre::relay::testing
