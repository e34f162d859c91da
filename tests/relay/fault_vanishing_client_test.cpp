// Fault: clients that vanish or stall mid-frame (half a WebSocket frame, then close or silence; a
// frame announcing a huge payload; half an HTTP request). Must hold afterwards: the partial event
// is never stamped, logged or delivered; the vanished member goes offline for the others; the
// other clients of the room keep exchanging events; a stalled half frame is closed by the idle
// timeout instead of holding a connection forever.
#include "relay_harness.hpp"

#include <gtest/gtest.h>

#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange unincluded

#include <boost/asio.hpp>

#include <thread>

namespace palabre::relay::testing {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;

// A WebSocket client written by hand, so it can send frames cut anywhere.
class RawSocket {
 public:
  explicit RawSocket(unsigned short port) : socket_(ioc_) {
    socket_.connect({net::ip::make_address("127.0.0.1"), port});
  }
  void write(const std::string& bytes) { net::write(socket_, net::buffer(bytes)); }
  void upgrade() {
    write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    net::read_until(socket_, buffer_, "\r\n\r\n");
    std::string head(net::buffers_begin(buffer_.data()), net::buffers_end(buffer_.data()));
    buffer_.consume(head.find("\r\n\r\n") + 4);
    if (head.rfind("HTTP/1.1 101", 0) != 0) throw std::runtime_error("no upgrade: " + head);
  }
  // A masked text frame header announcing `length` payload bytes, then the payload (masked) cut at `sent`.
  static std::string frame(const std::string& payload, std::uint64_t length, std::size_t sent) {
    std::string out;
    out.push_back(char(0x81));
    if (length < 126) {
      out.push_back(char(0x80 | length));
    } else if (length < 65536) {
      out.push_back(char(0x80 | 126));
      for (int shift = 8; shift >= 0; shift -= 8) out.push_back(char((length >> shift) & 0xff));
    } else {
      out.push_back(char(0x80 | 127));
      for (int shift = 56; shift >= 0; shift -= 8) out.push_back(char((length >> shift) & 0xff));
    }
    const char mask[4] = {0x11, 0x22, 0x33, 0x44};
    out.append(mask, 4);
    for (std::size_t i = 0; i < sent && i < payload.size(); ++i) out.push_back(char(payload[i] ^ mask[i % 4]));
    return out;
  }
  void send_text(const std::string& payload) { write(frame(payload, payload.size(), payload.size())); }
  // The next server frame's payload (server frames are unmasked); throws when the socket ends.
  std::string read_text() {
    auto need = [&](std::size_t n) {
      if (buffer_.size() < n) net::read(socket_, buffer_, net::transfer_at_least(n - buffer_.size()));
    };
    need(2);
    const auto* b = static_cast<const unsigned char*>(buffer_.data().data());
    std::uint64_t length = b[1] & 0x7f;
    std::size_t header = 2;
    if (length == 126) { need(4); b = static_cast<const unsigned char*>(buffer_.data().data()); length = (b[2] << 8) | b[3]; header = 4; }
    else if (length == 127) {
      need(10);
      b = static_cast<const unsigned char*>(buffer_.data().data());
      length = 0;
      for (int i = 2; i < 10; ++i) length = (length << 8) | b[i];
      header = 10;
    }
    need(header + length);
    const char* p = static_cast<const char*>(buffer_.data().data());
    std::string text(p + header, p + header + length);
    buffer_.consume(header + length);
    return text;
  }
  // True once the relay has closed the connection (reads hit EOF or reset) within `timeout`.
  bool closed_by_peer_within(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    socket_.non_blocking(true);
    char sink[4096];
    while (std::chrono::steady_clock::now() < deadline) {
      boost::system::error_code ec;
      socket_.read_some(net::buffer(sink), ec);
      if (ec == net::error::would_block) { std::this_thread::sleep_for(20ms); continue; }
      if (ec) return true;
    }
    return false;
  }
  void close() { boost::system::error_code ec; socket_.close(ec); }

 private:
  net::io_context ioc_;
  tcp::socket socket_;
  net::streambuf buffer_;
};

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
