// The deferred fan-out of big rooms: public frames go out a chunk of connections per loop turn, and
// a participant not reached yet when the next public batch is ready gets both merged in one frame.
#include "relay_harness.hpp"

#include <gtest/gtest.h>

#include <set>

namespace palabre::relay::testing {
namespace {

// A relay whose rooms count as big from two connections on, serving one connection per loop turn,
// so that consecutive public batches overtake the fan-out and get merged.
Config one_connection_per_turn() {
  Config config = RelayFixture::quiet_config();
  config.fanout_chunk = 1;
  return config;
}

TEST(Fanout, ParticipantsOvertakenByTheNextBatchGetEveryPublicEnvelopeOnceAndInOrder) {
  // Given a room with a host and four participants, fanned out one connection per loop turn
  TempDir dir;
  RelayFixture relay(dir.path(), one_connection_per_turn());
  Client host(relay.port());
  const std::string room = host.create()["room"];
  std::vector<std::unique_ptr<Client>> participants;
  for (int i = 0; i < 4; ++i) {
    participants.push_back(std::make_unique<Client>(relay.port()));
    participants.back()->join(room);
  }
  // when the host sends 50 public events back to back (many batches, each overtaking the last;
  // 50 stays within a connection's burst of 60 messages)
  constexpr int kEvents = 50;
  for (int i = 0; i < kEvents; ++i) host.event("public", {{"type", "chat.post"}, {"n", i}});
  // then every participant gets each of them exactly once, in seq order, in at most 50 frames
  for (auto& p : participants) {
    std::vector<std::int64_t> seqs;
    int frames = 0;
    std::set<int> numbers;
    while (numbers.size() < kEvents) {
      const auto frame = p->next_of("events");
      ASSERT_TRUE(frame) << "only " << numbers.size() << " of " << kEvents << " events arrived, last seq "
                         << (seqs.empty() ? -1 : seqs.back()) << ", skipped " << p->skipped.size();
      ++frames;
      for (const auto& env : (*frame)["envs"]) {
        if (!seqs.empty()) EXPECT_GT(env["seq"].get<std::int64_t>(), seqs.back());
        seqs.push_back(env["seq"]);
        if (env["ev"]["type"] == "chat.post") EXPECT_TRUE(numbers.insert(env["ev"]["n"].get<int>()).second);
      }
    }
    EXPECT_LE(frames, kEvents);
    EXPECT_TRUE(p->silent_for(200ms));  // nothing sent twice after the last one
  }
}

TEST(Fanout, AnAckIsNeverSentBeforeThePublicFrameThatPrecededIt) {
  // Given a big room (one connection per loop turn) where the host publishes, and a participant
  TempDir dir;
  RelayFixture relay(dir.path(), one_connection_per_turn());
  Client host(relay.port());
  const std::string room = host.create()["room"];
  Client a(relay.port()), b(relay.port()), voter(relay.port());
  a.join(room);
  b.join(room);
  voter.join(room);
  // when the host publishes and the participant votes right after
  host.event("public", {{"type", "rating.results"}, {"votes", 0}});
  voter.event("staff", {{"type", "rating.vote"}, {"value", 3}}, 7);
  // then the participant receives the tally before the ack of its own (later) vote
  bool tally_seen = false;
  for (int i = 0; i < 10; ++i) {
    const auto frame = voter.next();
    ASSERT_TRUE(frame);
    if ((*frame)["t"] == "events")
      for (const auto& env : (*frame)["envs"])
        if (env["ev"]["type"] == "rating.results") tally_seen = true;
    if ((*frame)["t"] == "ack") {
      EXPECT_TRUE(tally_seen);
      EXPECT_EQ((*frame)["cid"], 7);
      return;
    }
  }
  FAIL() << "no ack";
}

}  // namespace
}  // namespace palabre::relay::testing
