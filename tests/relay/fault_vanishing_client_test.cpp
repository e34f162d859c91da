// Fault: clients that vanish or stall mid-frame (half a WebSocket frame, then close or silence; a
// frame announcing a huge payload; half an HTTP request). Must hold afterwards: the partial event
// is never stamped, logged or delivered; the vanished member goes offline for the others; the
// other clients of the room keep exchanging events; a stalled half frame is closed by the idle
// timeout instead of holding a connection forever.
#include "relay_harness.hpp"

#include <gtest/gtest.h>

#include "raw_socket.hpp"

namespace palabre::relay::testing {
namespace {

// Joins `room` through the raw socket; returns the member id.
std::string raw_join(RawSocket& raw, const std::string& room) {
  raw.upgrade();
  raw.send_text(json{{"t", "join"}, {"room", room}}.dump());
  for (;;) {
    const json reply = json::parse(raw.read_text());
    if (reply["t"] == "joined") return reply["you"];
  }
}

bool any_envelope_has(const std::vector<std::string>& lines, const std::string& needle) {
  for (const auto& line : lines)
    if (line.find(needle) != std::string::npos) return true;
  return false;
}

TEST(FaultVanishingClient, HalfAFrameThenCloseIsNeverStampedAndTheRoomGoesOn) {
  TempDir dir;
  RelayFixture relay(dir.path(), RelayFixture::quiet_config());
  // Given a room with a host, a participant and a hand-written client that joined
  Client host(relay.port());
  const std::string room = host.create()["room"];
  Client other(relay.port());
  other.join(room);
  RawSocket raw(relay.port());
  const std::string vanished = raw_join(raw, room);

  // when that client sends half of an event frame and closes its socket
  const std::string event = json{{"t", "event"}, {"vis", "public"}, {"ev", {{"type", "chat.post"}, {"text", "HALF-FRAME-MARKER"}}}}.dump();
  raw.write(RawSocket::frame(event, event.size(), event.size() / 2));
  raw.close();

  // then the host sees it go offline, and the others' events still flow
  bool offline = false;
  std::int64_t last = 0;
  for (int tries = 0; tries < 20 && !offline; ++tries)
    for (const auto& env : host.envelopes_until(last + 1, 500ms)) {
      last = std::max<std::int64_t>(last, env["seq"]);
      if (env["ev"]["type"] == "presence" && env["ev"]["who"] == vanished && env["ev"]["online"] == false) offline = true;
    }
  EXPECT_TRUE(offline);
  other.send(json{{"t", "event"}, {"cid", 1}, {"vis", "public"}, {"ev", {{"type", "chat.post"}, {"text", "still here"}}}});
  const auto ack = other.next_of("ack");
  ASSERT_TRUE(ack.has_value());
  bool host_got_it = false;
  for (const auto& env : host.envelopes_until((*ack)["seq"])) host_got_it |= env["ev"].value("text", "") == "still here";
  EXPECT_TRUE(host_got_it);
  // and the half frame was never stamped
  relay.stop();
  EXPECT_FALSE(any_envelope_has(log_lines(dir.path() / (room + ".palabre.jsonl")), "HALF-FRAME-MARKER"));
}

TEST(FaultVanishingClient, HalfAFrameThenSilenceIsClosedByTheIdleTimeout) {
  TempDir dir;
  Config config = RelayFixture::quiet_config();
  config.idle_timeout = std::chrono::seconds(2);
  RelayFixture relay(dir.path(), config);
  Client host(relay.port());
  const std::string room = host.create()["room"];
  // Given a client stalled in the middle of a frame (it never answers pings either)
  RawSocket raw(relay.port());
  raw_join(raw, room);
  const std::string event = json{{"t", "event"}, {"vis", "public"}, {"ev", {{"type", "x"}}}}.dump();
  raw.write(RawSocket::frame(event, event.size(), 5));
  // when it stays silent, then the relay closes it within the idle timeout (plus slack)
  EXPECT_TRUE(raw.closed_by_peer_within(8s));
  // and the relay serves newcomers (the host, not read by this test meanwhile, may have timed out too)
  Client newcomer(relay.port());
  EXPECT_EQ(newcomer.join(room)["t"], "joined");
}

// Issue 16: binary frames were handled as text; the protocol is text frames only.
TEST(FaultVanishingClient, ABinaryFrameIsClosedWith1003) {
  TempDir dir;
  RelayFixture relay(dir.path(), RelayFixture::quiet_config());
  RawSocket raw(relay.port());
  raw.upgrade();
  const std::string ping = R"({"t":"ping"})";
  raw.write(RawSocket::frame(ping, ping.size(), ping.size(), 0x2));
  const std::string answer = raw.read_text();
  ASSERT_EQ(raw.last_opcode, 0x8) << "a close frame, not: " << answer;
  ASSERT_GE(answer.size(), 2u);
  EXPECT_EQ((static_cast<unsigned char>(answer[0]) << 8) | static_cast<unsigned char>(answer[1]), 1003);
}

TEST(FaultVanishingClient, FrameAnnouncingAHugePayloadIsClosedWithoutReadingIt) {
  TempDir dir;
  RelayFixture relay(dir.path(), RelayFixture::quiet_config());
  Client host(relay.port());
  const std::string room = host.create()["room"];
  RawSocket raw(relay.port());
  raw_join(raw, room);
  // Given a frame header announcing 1 TiB, followed by a few bytes
  raw.write(RawSocket::frame(std::string(64, 'a'), std::uint64_t(1) << 40, 64));
  // then the relay ends the connection (over the 1 MiB hard limit) instead of buffering
  EXPECT_TRUE(raw.closed_by_peer_within(3s));
  host.send(json{{"t", "ping"}});
  EXPECT_TRUE(host.next_of("pong").has_value());
}

TEST(FaultVanishingClient, HalfAnHttpRequestThenCloseLeavesTheRelayServing) {
  TempDir dir;
  RelayFixture relay(dir.path(), RelayFixture::quiet_config());
  // Given clients that send half of an upgrade request (or of a GET) and vanish
  for (int i = 0; i < 20; ++i) {
    RawSocket raw(relay.port());
    raw.write(i % 2 ? "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgra" : "GET /healthz HT");
    raw.close();
  }
  // then the relay still answers HTTP and WebSocket clients
  EXPECT_EQ(http_get(relay.port(), "/healthz").status, 200);
  Client host(relay.port());
  EXPECT_EQ(host.create()["t"], "created");
}

}  // namespace
}  // namespace palabre::relay::testing
