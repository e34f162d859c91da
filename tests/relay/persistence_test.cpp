// Persistence: the log holds a header then each envelope exactly as broadcast, and is written
// before anyone receives the envelope.
#include "relay_harness.hpp"

#include <gtest/gtest.h>

namespace palabre::relay::testing {
namespace {

TEST(Persistence, LogHasTheHeaderThenEachEnvelopeExactlyAsBroadcast) {
  TempDir dir;
  RelayFixture relay(dir.path(), RelayFixture::quiet_config());
  // Given a host that sends two events
  Client host(relay.port());
  const json created = host.create();
  const std::string room = created["room"];
  host.event("public", {{"type", "chat.post"}, {"text", "Café — stratégie numérique"}});
  host.event("staff", {{"type", "rating.vote"}, {"value", 5}});
  // when it has received them
  std::vector<std::string> broadcast;
  while (broadcast.size() < 3) {
    const auto text = host.next_text();
    ASSERT_TRUE(text);
    const json frame = json::parse(*text);
    if (frame["t"] != "events") continue;
    for (const auto& env : frame["envs"]) broadcast.push_back(env.dump());
  }
  // then the log already holds the header and the same envelopes, in order, one per line
  const auto lines = log_lines(dir.path() / (room + ".palabre.jsonl"));
  ASSERT_EQ(lines.size(), 4u);
  const json header = json::parse(lines[0]);
  EXPECT_EQ(header["format"], "palabre-log");
  EXPECT_EQ(header["version"], 1);
  EXPECT_EQ(header["room"], room);
  EXPECT_TRUE(header["created"].is_number_integer());
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(json::parse(lines[i + 1]).dump(), broadcast[i]);
}

TEST(Persistence, EnvelopeBytesInTheLogAreTheBytesSent) {
  TempDir dir;
  RelayFixture relay(dir.path(), RelayFixture::quiet_config());
  // Given a host sending an ev with odd spacing
  Client host(relay.port());
  const std::string room = host.create()["room"];
  host.envelopes_until(1);
  host.send(R"({"t":"event","vis":"public","ev":{ "k" :  "é" }})");
  const auto frame = host.next_text();
  ASSERT_TRUE(frame);
  // then the frame is {"t":"events","envs":[<log line>]} byte for byte
  const auto lines = log_lines(dir.path() / (room + ".palabre.jsonl"));
  EXPECT_EQ(*frame, R"({"t":"events","envs":[)" + lines.back() + "]}");
}

TEST(Persistence, FsyncAlwaysAlsoWritesBeforeSending) {
  TempDir dir;
  Config config = RelayFixture::quiet_config();
  config.fsync = FsyncPolicy::always;
  RelayFixture relay(dir.path(), config);
  Client host(relay.port());
  const std::string room = host.create()["room"];
  host.event("public", {{"n", 1}});
  const std::int64_t seq = host.next_of("ack").value()["seq"];
  const auto lines = log_lines(dir.path() / (room + ".palabre.jsonl"));
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(json::parse(lines[std::size_t(seq)])["ev"]["n"], 1);
}

TEST(Persistence, RoomsOfAnEmptyDataDirectoryStartEmptyAndTheDirectoryIsCreated) {
  TempDir dir;
  const auto data = dir.path() / "fresh" / "data";
  RelayFixture relay(data, RelayFixture::quiet_config());
  EXPECT_TRUE(std::filesystem::is_directory(data));
  Client c(relay.port());
  EXPECT_EQ(c.join("ABCDEF")["code"], "no_room");
}

}  // namespace
}  // namespace palabre::relay::testing
