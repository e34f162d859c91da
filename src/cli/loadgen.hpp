#pragma once
// Internal to `palabre loadgen` (loadgen*.cpp): its options, measurements, simulated client, the
// relay it starts, and the wire strategies (what differs between palabre, ws and socket.io relays).
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange unincluded

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <nlohmann/json.hpp>

#include <sys/types.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace palabre::cli::loadgen {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

// [SECTION] Options (loadgen_options.cpp)
struct Options {
  int participants = 1000;
  int wave = 250;
  std::string scenario = "vote";
  double duration = 5;
  int messages = 3;
  std::string host = "127.0.0.1";
  unsigned short port = 0;
  pid_t relay_pid = 0;
  std::string fsync = "batch";
  int tally_ms = 250;
  int threads = 2;
  std::string protocol = "palabre";
  bool json_output = false;
  bool names = false;
  // One room over several relays and load-generator processes (bench/relay/scale.mjs):
  std::vector<std::string> relays;  // HOST:PORT each: participants round-robin, host and kiosk on the first
  std::string join_room;            // participants only, into this existing room (no host, no kiosk)
  int index_base = 0;               // this process's first participant in the whole room
  int room_participants = 0;        // participants in the whole room: the votes the host waits for
  std::string ready_file;           // written once everyone here is in (the host's: the room code)
  std::string go_file;              // the scenario starts when this file appears
};

// The options from the command line: nothing when it should go on, else the exit code.
std::optional<int> parse_options(Options& options, int argc, char** argv);

// [SECTION] Measurements (loadgen_measure.cpp)
struct Samples {
  std::vector<double> ms;
  void add(Clock::duration d) { ms.push_back(std::chrono::duration<double, std::milli>(d).count()); }
  void merge(const Samples& other) { ms.insert(ms.end(), other.ms.begin(), other.ms.end()); }
  double quantile(double q) {
    if (ms.empty()) return 0;
    std::sort(ms.begin(), ms.end());
    return ms[std::min(ms.size() - 1, std::size_t(q * double(ms.size())))];
  }
  json summary() {
    return {{"n", ms.size()}, {"p50_ms", quantile(0.5)}, {"p99_ms", quantile(0.99)},
            {"max_ms", ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end())}};
  }
};

struct ProcessUsage {
  double cpu_seconds = 0;
  long rss_kib = 0, peak_rss_kib = 0;
};

// The CPU time and memory of a process, from /proc.
std::optional<ProcessUsage> usage_of(pid_t pid);

// One per thread (no locks on the hot path); merged once the threads have stopped.
struct Totals {
  std::uint64_t frames_in = 0, bytes_in = 0;
  std::uint64_t frames_in_scenario = 0;  // participants' frames once the scenario started: the burst's deliveries
  int connected = 0, failed = 0, acks = 0, errors = 0;
  Samples connect, ack, to_host, to_kiosk, to_participant, host_after_stamp, tally;
  void merge(const Totals& o) {
    frames_in += o.frames_in;
    frames_in_scenario += o.frames_in_scenario;
    bytes_in += o.bytes_in;
    connected += o.connected;
    failed += o.failed;
    acks += o.acks;
    errors += o.errors;
    for (auto [mine, theirs] : {std::pair{&connect, &o.connect}, {&ack, &o.ack}, {&to_host, &o.to_host},
                                {&to_kiosk, &o.to_kiosk}, {&to_participant, &o.to_participant},
                                {&host_after_stamp, &o.host_after_stamp}, {&tally, &o.tally}})
      mine->merge(*theirs);
  }
};

// What threads read across each other: send times (written by a participant's thread, read by the
// host's) and the counts that end the run.
struct Shared {
  std::vector<std::atomic<std::int64_t>> sent_ns;  // steady clock, by send key; 0: not sent yet
  std::atomic<int> connected{0}, failed{0}, acks{0};
  std::atomic<bool> scenario_started{false};  // tallies before it (ws, socket.io send them always) are not counted
  explicit Shared(std::size_t sends) : sent_ns(sends) {}
  void mark_sent(std::size_t key, Clock::time_point at) {
    sent_ns[key].store(at.time_since_epoch().count(), std::memory_order_release);
  }
  std::optional<Clock::time_point> sent(std::size_t key) const {
    const auto ns = sent_ns[key].load(std::memory_order_acquire);
    if (ns == 0) return std::nullopt;
    return Clock::time_point(Clock::duration(ns));
  }
};

// [SECTION] Simulated client
class SimClient : public std::enable_shared_from_this<SimClient> {
 public:
  using FrameFn = std::function<void(SimClient&, std::string_view)>;
  SimClient(net::io_context& ioc, Totals& totals, int index) : index(index), ws_(ioc), totals_(totals) {}

  void connect(const tcp::endpoint& endpoint, std::string target, std::function<void(bool)> done) {
    started_ = Clock::now();
    beast::get_lowest_layer(ws_).expires_after(std::chrono::seconds(30));
    beast::get_lowest_layer(ws_).async_connect(endpoint, [self = shared_from_this(), done, endpoint, target](beast::error_code ec) {
      if (ec) return done(false);
      beast::get_lowest_layer(self->ws_).expires_never();
      // As browsers do for every WebSocket: a vote goes out at once, never held back by Nagle.
      beast::get_lowest_layer(self->ws_).socket().set_option(tcp::no_delay(true), ec);
      self->ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
      self->ws_.async_handshake(endpoint.address().to_string() + ":" + std::to_string(endpoint.port()), target,
                                [self, done](beast::error_code ec) {
                                  if (ec) return done(false);
                                  self->read();
                                  done(true);
                                });
    });
  }

  // From the client's own thread.
  void send(std::string text) {
    queue_.push_back(std::move(text));
    if (queue_.size() == 1) write();
  }
  // From any thread.
  void post_send(std::string text) {
    net::post(ws_.get_executor(), [self = shared_from_this(), text = std::move(text)]() mutable { self->send(std::move(text)); });
  }
  net::any_io_executor executor() { return ws_.get_executor(); }
  Totals& totals() { return totals_; }

  FrameFn on_frame;
  Clock::time_point started_;
  int index;
  std::string id;  // member id once joined

 private:
  void read() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      if (ec) return;
      self->totals_.frames_in++;
      self->totals_.bytes_in += n;
      const auto data = self->buffer_.data();  // flat_buffer: one contiguous block, no copy
      if (self->on_frame) self->on_frame(*self, std::string_view(static_cast<const char*>(data.data()), data.size()));
      self->buffer_.consume(self->buffer_.size());
      self->read();
    });
  }
  void write() {
    ws_.async_write(net::buffer(queue_.front()), [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return;
      self->queue_.pop_front();
      if (!self->queue_.empty()) self->write();
    });
  }

  websocket::stream<beast::tcp_stream> ws_;
  beast::flat_buffer buffer_;
  std::deque<std::string> queue_;
  Totals& totals_;
};

// [SECTION] Relay process and its figures (loadgen_measure.cpp)
struct ChildRelay {
  pid_t pid = 0;
  unsigned short port = 0;
  std::filesystem::path data;
  ~ChildRelay();  // stops it and removes its data directory
};

// Starts `palabre serve` on a free port with a temporary data directory.
bool start_relay(ChildRelay& relay, const std::string& fsync);
// The integer after `key` in a frame's text (a scan, not a parse), -1 if none.
std::int64_t field_int(std::string_view text, std::string_view key);
// The relay's own view from /metrics: the fan-out histogram (event received → frames queued),
// as the smallest bucket bounds holding 50% and 99% of the events.
std::optional<json> relay_fanout(const tcp::endpoint& endpoint);
// CPU seconds of the load generator itself.
double own_cpu_seconds();

// [SECTION] Wire strategies (loadgen_wire.cpp)
// What differs between the three relays: where clients connect, what a vote, an ack, a tally and a
// vote seen by the staff look like. The scenario (loadgen.cpp) is the same for all three.
class Wire {
 public:
  virtual ~Wire() = default;
  // palabre has rooms (create, join, a kiosk token); ws and socket.io have two staff connections.
  virtual bool rooms() const { return false; }
  // Whether a client is in once its WebSocket is open (ws), or only after the relay's own handshake
  // (socket.io: handshake() calls `connected`); palabre's clients join their room.
  virtual bool in_once_open() const { return true; }
  // The WebSocket path a client connects to.
  virtual std::string target(bool staff) const = 0;
  // The frame of participant send number `key` (a vote; a chat message where the relay has chat).
  virtual std::string send_text(std::size_t key, bool vote) const = 0;
  // A staff frame carrying votes, each with its "k".
  virtual bool carries_votes(std::string_view text) const = 0;
  // Answers the relay's handshake packets (socket.io's Engine.IO); true if `text` was one, and
  // calls `connected` once the client is in.
  virtual bool handshake(SimClient& client, std::string_view text, const std::function<void()>& connected) const;
  // The send key an ack frame acknowledges; nothing when `text` is not an ack (-1: an ack without key).
  virtual std::optional<std::int64_t> ack_key(std::string_view text) const = 0;
  virtual bool is_tally(std::string_view text) const = 0;
};
std::unique_ptr<Wire> make_wire(const std::string& protocol);

}  // namespace palabre::cli::loadgen
