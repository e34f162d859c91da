// Structured logs: one JSON line per connection event on stderr, never a token or an event's text.
#include "relay_harness.hpp"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

namespace palabre::relay::testing {
namespace {

TEST(Logging, ConnectionEventsAreJsonLinesWithoutSecrets) {
  TempDir dir;
  Config config = RelayFixture::quiet_config();
  config.log_connections = true;
  ::testing::internal::CaptureStderr();
  json created, joined;
  {
    RelayFixture relay(dir.path(), config);
    // Given a host and a participant who resumes once, and a secret-looking chat message
    Client host(relay.port());
    created = host.create();
    {
      Client p(relay.port());
      joined = p.join(created["room"]);
      p.event("public", {{"type", "chat.post"}, {"text", "mot de passe: hunter2"}});
      p.next_of("ack");
    }
    Client again(relay.port());
    again.join(created["room"], joined["token"]);
    again.send(R"({"t":"ping"})");
    again.next_of("pong");
  }
  const std::string log = ::testing::internal::GetCapturedStderr();
  // then every line is a JSON object with a timestamp and an event name
  std::istringstream lines(log);
  std::map<std::string, int> events;
  for (std::string line; std::getline(lines, line);) {
    const json entry = json::parse(line, nullptr, false);
    ASSERT_TRUE(entry.is_object()) << line;
    EXPECT_TRUE(entry["ts"].is_number_integer()) << line;
    ++events[entry["event"].get<std::string>()];
  }
  EXPECT_EQ(events["open"], 3);
  EXPECT_EQ(events["create"], 1);
  EXPECT_EQ(events["join"], 3);
  EXPECT_GE(events["close"], 1);
  // and no token nor event content appears
  for (const std::string secret : {created["host_token"].get<std::string>(), created["kiosk_token"].get<std::string>(),
                                   joined["token"].get<std::string>(), std::string("hunter2")})
    EXPECT_EQ(log.find(secret), std::string::npos) << secret;
}

// Issue 16: each `open` line carried the peer's address, though no address is to be logged.
TEST(Logging, NoPeerAddressUnlessAskedFor) {
  for (const bool log_peer : {false, true}) {
    TempDir dir;
    Config config = RelayFixture::quiet_config();
    config.log_connections = true;
    config.log_peer = log_peer;
    ::testing::internal::CaptureStderr();
    {
      RelayFixture relay(dir.path(), config);
      Client c(relay.port());
      c.send(R"({"t":"ping"})");
      c.next_of("pong");
    }
    const std::string log = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(log.find("127.0.0.1") != std::string::npos, log_peer) << log;
    EXPECT_EQ(log.find("\"peer\"") != std::string::npos, log_peer) << log;
  }
}

}  // namespace
}  // namespace palabre::relay::testing
