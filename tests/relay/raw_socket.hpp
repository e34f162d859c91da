#pragma once
// A WebSocket client written by hand, so a test can send frames cut anywhere, or never read.
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange unincluded

#include <boost/asio.hpp>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

namespace palabre::relay::testing {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using namespace std::chrono_literals;

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
  static std::string frame(const std::string& payload, std::uint64_t length, std::size_t sent, int opcode = 0x1) {
    std::string out;
    out.push_back(char(0x80 | opcode));
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
    last_opcode = b[0] & 0x0f;
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
  int last_opcode = 0;  // of the frame read_text() read last (0x8: close)

 private:
  net::io_context ioc_;
  tcp::socket socket_;
  net::streambuf buffer_;
};

}  // namespace palabre::relay::testing
