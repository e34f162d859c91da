// `palabre loadgen`: N simulated participants + a host + a kiosk against a relay on loopback.
// One Beast WebSocket per client. The host and the kiosk have an Asio thread of their own (the
// control thread, which also runs the scenario), so their receipts are not queued behind thousands
// of participants' frames; participants are spread over the other threads (--threads).
// By default it starts its own relay (`palabre serve` as a child process) so it can report that
// process's CPU time and memory; `--connect HOST:PORT` targets a running relay instead.
//
// [SECTION] Options
// [SECTION] Measurements
// [SECTION] Simulated client
// [SECTION] Relay process
// [SECTION] Scenario and report
#include "commands.hpp"
#include "core/session.hpp"

#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange unincluded

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <nlohmann/json.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

// [SECTION] Options --------------------------------------------------------------------------------

constexpr const char* kHelp = R"(usage: palabre loadgen [options]

Simulates a workshop against a relay and reports latencies, traffic, and the relay's CPU and memory.
A host creates a room, a kiosk joins it, then participants connect in waves and run a scenario.

options:
  --participants N     simulated participants (default 1000)
  --wave N             participants connecting at once (default 250)
  --scenario vote|chat vote: every participant votes once (staff) within --duration seconds;
                       chat: every participant posts --messages public messages within --duration
  --duration SECONDS   spread of the scenario's sends (default 5)
  --messages N         chat messages per participant (default 3)
  --connect HOST:PORT  use a running relay (default: start `palabre serve` on a free port with a
                       temporary --data directory, and measure it)
  --relay-pid PID      with --connect, the relay process to measure
  --fsync P            passed to the relay it starts (default batch)
  --tally-ms N         vote: the host publishes the tally as a public event every N ms while votes
                       come in, as the app does (default 250; 0: none); reported: how many
                       participants got one and how late
  --threads N          Asio threads (default 2): one for the host, the kiosk and the scenario, the
                       others share the participants; 1: everything on one thread
  --protocol P         palabre (default), or ws / socketio: the two relays of bench/relay/peers
                       (votes to the staff, an ack to the sender, the relay's own tally every 250 ms
                       to every participant), same scenario and measurements; needs --connect
  --names              palabre: each participant, once joined, posts its name as the app does: a
                       public `participant.join` (every member hears every arrival), to the staff
                       only once the room has 500 participants (the app's "big room")
  --json               print the report as one JSON object
)";

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
};

template <class Number>
std::optional<Number> parse_number(std::string_view text) {
  Number value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// [SECTION] Measurements ---------------------------------------------------------------------------

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

std::optional<ProcessUsage> usage_of(pid_t pid) {
  ProcessUsage usage;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), {});
  const auto close = text.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  std::vector<std::string> fields;
  std::string field;
  for (char c : text.substr(close + 2)) {
    if (c == ' ') {
      fields.push_back(field);
      field.clear();
    } else {
      field.push_back(c);
    }
  }
  if (fields.size() < 13) return std::nullopt;
  const double ticks = double(sysconf(_SC_CLK_TCK));
  usage.cpu_seconds = (std::stod(fields[11]) + std::stod(fields[12])) / ticks;  // utime + stime
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) usage.rss_kib = std::stol(line.substr(6));
    if (line.rfind("VmHWM:", 0) == 0) usage.peak_rss_kib = std::stol(line.substr(6));
  }
  return usage;
}

// One per thread (no locks on the hot path); merged once the threads have stopped.
struct Totals {
  std::uint64_t frames_in = 0, bytes_in = 0;
  int connected = 0, failed = 0, acks = 0, errors = 0;
  Samples connect, ack, to_host, to_kiosk, to_participant, host_after_stamp, tally;
  void merge(const Totals& o) {
    frames_in += o.frames_in;
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

// [SECTION] Simulated client -----------------------------------------------------------------------

class SimClient : public std::enable_shared_from_this<SimClient> {
 public:
  using FrameFn = std::function<void(SimClient&, std::string_view)>;
  SimClient(net::io_context& ioc, Totals& totals, int index) : ws_(ioc), totals_(totals), index(index) {}

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

// [SECTION] Relay process --------------------------------------------------------------------------

struct ChildRelay {
  pid_t pid = 0;
  unsigned short port = 0;
  std::filesystem::path data;
  ~ChildRelay() {
    if (pid > 0) {
      kill(pid, SIGTERM);
      waitpid(pid, nullptr, 0);
    }
    std::error_code ec;
    if (!data.empty()) std::filesystem::remove_all(data, ec);
  }
};

bool start_relay(ChildRelay& relay, const std::string& fsync) {
  relay.data = std::filesystem::temp_directory_path() / ("palabre-loadgen-" + std::to_string(getpid()));
  int out[2];
  if (pipe(out) != 0) return false;
  relay.pid = fork();
  if (relay.pid < 0) return false;
  if (relay.pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    execl("/proc/self/exe", "palabre", "serve", "--port", "0", "--quiet", "--data", relay.data.c_str(), "--fsync",
          fsync.c_str(), "--rate", "1000", "--burst", "1000", "--max-connections", "60000",
          "--max-room-connections", "60000", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  std::string line;
  char c;
  while (read(out[0], &c, 1) == 1 && c != '\n') line.push_back(c);
  close(out[0]);
  const auto colon = line.rfind(':');
  if (line.find("listening on") == std::string::npos || colon == std::string::npos) return false;
  const auto port = parse_number<unsigned short>(line.substr(colon + 1));
  if (!port) return false;
  relay.port = *port;
  return true;
}

// [SECTION] Scenario and report --------------------------------------------------------------------

std::int64_t field_int(std::string_view text, std::string_view key) {
  const auto at = text.find(key);
  if (at == std::string_view::npos) return -1;
  std::int64_t value = -1;
  const char* begin = text.data() + at + key.size();
  std::from_chars(begin, text.data() + text.size(), value);
  return value;
}

// The relay's own view from /metrics: the fan-out histogram (event received → frames queued),
// as the smallest bucket bounds holding 50% and 99% of the events.
std::optional<json> relay_fanout(const tcp::endpoint& endpoint) {
  namespace http = beast::http;
  try {
    net::io_context ioc;
    beast::tcp_stream stream(ioc);
    stream.connect(endpoint);
    http::request<http::empty_body> req{http::verb::get, "/metrics", 11};
    req.set(http::field::host, endpoint.address().to_string());
    http::write(stream, req);
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(stream, buffer, res);
    std::vector<std::pair<double, double>> buckets;  // (le, cumulative count)
    double count = 0;
    std::istringstream lines(res.body());
    for (std::string line; std::getline(lines, line);) {
      constexpr std::string_view prefix = "palabre_fanout_seconds_bucket{le=\"";
      if (line.rfind(prefix, 0) == 0) {
        const auto close = line.find('"', prefix.size());
        const std::string le = line.substr(prefix.size(), close - prefix.size());
        const double value = std::stod(line.substr(line.rfind(' ') + 1));
        if (le == "+Inf") count = value;
        else buckets.emplace_back(std::stod(le), value);
      }
    }
    auto bound = [&](double q) -> json {
      for (const auto& [le, cumulative] : buckets)
        if (cumulative >= q * count) return le * 1000;
      return "> 1000";
    };
    return json{{"events", count}, {"p50_ms_at_most", bound(0.5)}, {"p99_ms_at_most", bound(0.99)}};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

int run_loadgen(std::span<const std::string_view> args) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view flag = args[i];
    if (flag == "--help" || flag == "-h") {
      std::fputs(kHelp, stdout);
      return 0;
    }
    if (flag == "--json") {
      o.json_output = true;
      continue;
    }
    if (flag == "--names") {
      o.names = true;
      continue;
    }
    if (i + 1 >= args.size()) {
      std::fprintf(stderr, "palabre loadgen: %.*s needs a value\n", int(flag.size()), flag.data());
      return 2;
    }
    const std::string_view value = args[++i];
    bool ok = true;
    if (flag == "--participants") ok = (o.participants = parse_number<int>(value).value_or(-1)) > 0;
    else if (flag == "--wave") ok = (o.wave = parse_number<int>(value).value_or(-1)) > 0;
    else if (flag == "--messages") ok = (o.messages = parse_number<int>(value).value_or(-1)) > 0;
    else if (flag == "--duration") ok = (o.duration = parse_number<int>(value).value_or(-1)) > 0;
    else if (flag == "--scenario") ok = (o.scenario = std::string(value)) == "vote" || o.scenario == "chat";
    else if (flag == "--fsync") o.fsync = std::string(value);
    else if (flag == "--protocol") ok = (o.protocol = std::string(value)) == "palabre" || o.protocol == "ws" || o.protocol == "socketio";
    else if (flag == "--threads") ok = (o.threads = parse_number<int>(value).value_or(-1)) >= 1 && o.threads <= 64;
    else if (flag == "--tally-ms") ok = (o.tally_ms = parse_number<int>(value).value_or(-1)) >= 0;
    else if (flag == "--relay-pid") ok = (o.relay_pid = parse_number<int>(value).value_or(0)) > 0;
    else if (flag == "--connect") {
      const auto colon = value.rfind(':');
      const auto port = colon == std::string_view::npos ? std::nullopt : parse_number<unsigned short>(value.substr(colon + 1));
      ok = port.has_value();
      if (ok) {
        o.host = std::string(value.substr(0, colon));
        o.port = *port;
      }
    } else {
      std::fprintf(stderr, "palabre loadgen: unknown option '%.*s'\n", int(flag.size()), flag.data());
      return 2;
    }
    if (!ok) {
      std::fprintf(stderr, "palabre loadgen: bad value '%.*s' for %.*s\n", int(value.size()), value.data(),
                   int(flag.size()), flag.data());
      return 2;
    }
  }

  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
  if (o.protocol != "palabre" && o.port == 0) {
    std::fprintf(stderr, "palabre loadgen: --protocol %s needs --connect HOST:PORT (and --relay-pid PID)\n", o.protocol.c_str());
    return 2;
  }
  ChildRelay child;
  if (o.port == 0) {
    if (!start_relay(child, o.fsync)) {
      std::fprintf(stderr, "palabre loadgen: could not start the relay\n");
      return 1;
    }
    o.port = child.port;
    o.relay_pid = child.pid;
  }
  const tcp::endpoint endpoint(net::ip::make_address(o.host), o.port);

  Totals totals_main;
  // The control context (host, kiosk, scenario, tallies) runs on this thread; participants' contexts
  // on their own threads (with --threads 1, everything runs here).
  net::io_context ioc(1);
  std::vector<std::unique_ptr<net::io_context>> worker_iocs;
  for (int i = 1; i < o.threads; ++i) worker_iocs.push_back(std::make_unique<net::io_context>(1));
  auto context_for = [&](int participant) -> net::io_context& {
    return worker_iocs.empty() ? ioc : *worker_iocs[std::size_t(participant) % worker_iocs.size()];
  };
  std::deque<Totals> worker_totals(worker_iocs.size());
  auto totals_for = [&](int participant) -> Totals& {
    return worker_iocs.empty() ? totals_main : worker_totals[std::size_t(participant) % worker_iocs.size()];
  };

  Totals& totals = totals_main;
  std::string room, kiosk_token;
  const int sends_per_participant = o.scenario == "vote" ? 1 : o.messages;
  Shared shared(std::size_t(o.participants) * std::size_t(sends_per_participant));  // by index*sends+k
  int host_seen = 0, kiosk_seen = 0;
  const int expected = o.participants * sends_per_participant;

  // What differs between the three relays: where clients connect, what a vote, an ack, a tally and
  // a vote seen by the staff look like. The rest of the scenario is the same for all three.
  const bool palabre = o.protocol == "palabre", socketio = o.protocol == "socketio";
  auto target_for = [&](bool staff) -> std::string {
    if (palabre) return "/ws";
    const std::string role = staff ? "staff" : "participant";
    return socketio ? "/socket.io/?EIO=4&transport=websocket&role=" + role : "/?role=" + role;
  };
  auto vote_text = [&](std::size_t key) {
    const auto t0 = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now().time_since_epoch()).count();
    const json vote{{"from", "p" + std::to_string(key)}, {"value", 1 + key % 5}, {"k", key}, {"t0", t0}};
    if (o.protocol == "ws") return json{{"t", "vote"}, {"from", vote["from"]}, {"value", vote["value"]}, {"k", key}, {"t0", t0}}.dump();
    return "42" + std::to_string(key) + json::array({"vote", vote}).dump();  // socket.io event with ack id `key`
  };
  // Staff frames carrying votes (each with its "k"), by protocol.
  auto carries_votes = [&](std::string_view text) {
    return text.rfind(R"({"t":"events")", 0) == 0 || text.rfind(R"({"t":"vote")", 0) == 0 || text.rfind(R"(42["vote")", 0) == 0;
  };
  // socket.io's Engine.IO layer: answer the open packet with a namespace connect, pings with pongs.
  // True if the frame was such a packet.
  auto engine_io = [&](SimClient& self, std::string_view text, const std::function<void()>& connected) {
    if (!socketio) return false;
    if (text.rfind("0{", 0) == 0) self.send("40");
    else if (text.rfind("40", 0) == 0) connected();
    else if (text == "2") self.send("3");
    else return false;
    return true;
  };

  // Host and kiosk match every envelope to its send time through `ev.k` (a scan, not a parse, so
  // that the simulated host does not become the bottleneck it measures).
  // `after_stamp` splits the delay: from the relay's stamp (`at`, wall clock ms) to receipt.
  auto observe = [&shared, &carries_votes](Samples& samples, int& seen, Samples* after_stamp = nullptr) {
    return [&samples, &seen, &shared, &carries_votes, after_stamp](SimClient&, std::string_view text) {
      if (!carries_votes(text)) return;
      const auto now = Clock::now();
      const auto wall_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch()).count();
      constexpr std::string_view key = "\"k\":";
      for (auto at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
        std::size_t k = 0;
        const char* begin = text.data() + at + key.size();
        if (std::from_chars(begin, text.data() + text.size(), k).ec != std::errc() || k >= shared.sent_ns.size()) continue;
        const auto sent = shared.sent(k);
        if (!sent) continue;
        samples.add(now - *sent);
        ++seen;
        if (after_stamp) {
          const auto stamp = text.rfind("\"at\":", at);
          std::int64_t stamped = 0;
          if (stamp != std::string_view::npos &&
              std::from_chars(text.data() + stamp + 5, text.data() + text.size(), stamped).ec == std::errc())
            after_stamp->add(std::chrono::milliseconds(wall_ms - stamped));
        }
      }
    };
  };

  auto ok_or_die = [&](bool ok, const char* what) {
    if (!ok) {
      std::fprintf(stderr, "palabre loadgen: %s failed\n", what);
      ioc.stop();
    }
  };

  const auto usage_before = o.relay_pid ? usage_of(o.relay_pid) : std::nullopt;
  auto host = std::make_shared<SimClient>(ioc, totals, -1);
  auto kiosk = std::make_shared<SimClient>(ioc, totals, -2);
  std::vector<std::shared_ptr<SimClient>> participants;
  std::mt19937 random(42);
  std::optional<ProcessUsage> usage_connected;
  Clock::time_point scenario_start;

  std::function<void(int)> connect_wave;
  // The host's tally: a public event every --tally-ms while votes come in; `t0` is its send time
  // (steady clock, µs) so participants can tell how late it reached them.
  std::vector<char> got_tally(std::size_t(o.participants), 0);  // each written by its participant's thread
  auto tally_timer = std::make_shared<net::steady_timer>(ioc);
  std::function<void()> publish_tally = [&] {
    if (o.scenario != "vote" || o.tally_ms == 0 || !palabre) return;  // ws, socket.io: the relay's own tally
    const auto t0 = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now().time_since_epoch()).count();
    host->send(json{{"t", "event"}, {"vis", "public"}, {"ev", {{"type", "rating.results"}, {"votes", host_seen}, {"t0", t0}}}}.dump());
    const bool more = host_seen < expected ||
                      Clock::now() < scenario_start + std::chrono::duration_cast<Clock::duration>(
                                                          std::chrono::duration<double>(o.duration + 0.6));
    if (!more) return;
    tally_timer->expires_after(std::chrono::milliseconds(o.tally_ms));
    tally_timer->async_wait([&](beast::error_code ec) { if (!ec) publish_tally(); });
  };

  auto start_scenario = [&] {
    usage_connected = o.relay_pid ? usage_of(o.relay_pid) : std::nullopt;
    scenario_start = Clock::now();
    shared.scenario_started.store(true);
    publish_tally();
    // Send moments drawn here (one seeded sequence, whatever --threads), armed on each client's thread.
    std::uniform_real_distribution<double> when(0, o.duration);
    for (auto& p : participants) {
      for (int k = 0; k < sends_per_participant; ++k) {
        const auto at = scenario_start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(when(random)));
        const std::size_t key = std::size_t(p->index) * std::size_t(sends_per_participant) + std::size_t(k);
        net::post(p->executor(), [&, p, at, key] {
          auto timer = std::make_shared<net::steady_timer>(p->executor(), at);
          timer->async_wait([&, p, timer, key](beast::error_code) {
            shared.mark_sent(key, Clock::now());
            const bool vote = o.scenario == "vote";
            if (!palabre) return p->send(vote_text(key));
            p->send(json{{"t", "event"}, {"vis", vote ? "staff" : "public"}, {"cid", key},
                         {"ev", vote ? json{{"type", "rating.vote"}, {"value", 1 + key % 5}, {"k", key}}
                                     : json{{"type", "chat.post"}, {"text", "Ça marche ! " + std::to_string(key)}, {"k", key}}}}
                        .dump());
          });
        });
      }
    }
  };

  // Runs on the participant's own thread; touches only its thread's Totals, its got_tally slot and
  // the atomics of `shared`.
  std::vector<int> participant0_seen(1, 0);
  auto joined = [&](SimClient& self, std::int64_t room_participants) {
    Totals& mine = self.totals();
    mine.connect.add(Clock::now() - self.started_);
    ++mine.connected;
    shared.connected.fetch_add(1, std::memory_order_relaxed);
    if (palabre && o.names) {  // public in a small room, to the staff in a big one: as the app
      const bool big = room_participants >= palabre::core::big_room_participants;
      self.send(json{{"t", "event"}, {"vis", big ? "staff" : "public"},
                     {"ev", {{"type", "participant.join"}, {"name", "P" + std::to_string(self.index)}}}}.dump());
    }
  };
  auto participant_frame = [&](SimClient& self, std::string_view text) {
    Totals& mine = self.totals();
    if (socketio && engine_io(self, text, [&] { joined(self, 0); })) return;
    if (text.rfind(R"({"t":"joined")", 0) == 0) return joined(self, field_int(text, "\"participants\":"));
    const bool socketio_ack = socketio && text.rfind("43", 0) == 0;
    if (text.rfind(R"({"t":"ack")", 0) == 0 || socketio_ack) {
      std::int64_t key = -1;  // palabre and ws: "cid"; socket.io: the ack id after "43"
      if (socketio_ack) std::from_chars(text.data() + 2, text.data() + text.size(), key);
      else key = field_int(text, "\"cid\":");
      if (key >= 0 && std::size_t(key) < shared.sent_ns.size())
        if (const auto sent = shared.sent(std::size_t(key))) mine.ack.add(Clock::now() - *sent);
      ++mine.acks;
      shared.acks.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    if (text.rfind(R"({"t":"error")", 0) == 0) ++mine.errors;
    const bool tally = palabre ? text.find(R"("type":"rating.results")") != std::string_view::npos
                               : text.rfind(R"({"t":"tally")", 0) == 0 || text.rfind(R"(42["tally")", 0) == 0;
    if (tally && shared.scenario_started.load(std::memory_order_relaxed)) {
      const auto t0 = field_int(text, "\"t0\":");  // votes carry "k", never "t0"
      const auto now = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now().time_since_epoch()).count();
      if (t0 > 0) mine.tally.add(std::chrono::microseconds(now - t0));
      if (self.index >= 0 && std::size_t(self.index) < got_tally.size()) got_tally[std::size_t(self.index)] = 1;
    }
    // chat: how long until a message reaches a participant (sampled on participant 0 only)
    if (o.scenario == "chat" && self.index == 0) observe(mine.to_participant, participant0_seen[0])(self, text);
  };

  connect_wave = [&](int first) {
    const int last = std::min(o.participants, first + o.wave);
    auto pending = std::make_shared<int>(last - first);  // on the control thread only
    for (int i = first; i < last; ++i) {
      auto p = std::make_shared<SimClient>(context_for(i), totals_for(i), i);
      p->on_frame = participant_frame;
      participants.push_back(p);
      net::post(p->executor(), [&, p, pending, last] {
        p->connect(endpoint, target_for(false), [&, p, pending, last](bool ok) {  // on p's thread
          if (!ok) shared.failed.fetch_add(1, std::memory_order_relaxed);
          else if (palabre) p->send(json{{"t", "join"}, {"room", room}}.dump());
          else if (!socketio) joined(*p, 0);  // ws: connected once the handshake is done
          net::post(ioc, [&, pending, last] {
            if (--*pending != 0) return;
            // Next wave once this one's sockets are open; the scenario once joins have settled.
            if (last < o.participants) return connect_wave(last);
            auto settle = std::make_shared<net::steady_timer>(ioc, std::chrono::milliseconds(200));
            auto check = std::make_shared<std::function<void()>>();
            *check = [&, settle, check] {
              if (shared.connected.load() + shared.failed.load() >= o.participants) return start_scenario();
              settle->expires_after(std::chrono::milliseconds(50));
              settle->async_wait([check](beast::error_code) { (*check)(); });
            };
            (*check)();
          });
        });
      });
    }
  };

  // ws and socket.io have no rooms: the host and the kiosk are two staff connections.
  auto start_peer_staff = [&] {
    kiosk->connect(endpoint, target_for(true), [&](bool ok) {
      ok_or_die(ok, "kiosk connect");
      if (!socketio) connect_wave(0);
    });
  };
  bool kiosk_started = false;
  kiosk->on_frame = [&, seen_by_kiosk = observe(totals.to_kiosk, kiosk_seen)](SimClient& self, std::string_view text) {
    if (engine_io(self, text, [&] { connect_wave(0); })) return;
    seen_by_kiosk(self, text);
  };
  host->on_frame = [&](SimClient& self, std::string_view text) {
    if (engine_io(self, text, [&] { if (!std::exchange(kiosk_started, true)) start_peer_staff(); })) return;
    if (text.rfind(R"({"t":"created")", 0) == 0) {
      const json created = json::parse(text);
      room = created["room"];
      kiosk_token = created["kiosk_token"];
      self.id = "h1";
      kiosk->connect(endpoint, target_for(true), [&](bool ok) {
        ok_or_die(ok, "kiosk connect");
        kiosk->send(json{{"t", "join"}, {"room", room}, {"token", kiosk_token}}.dump());
        connect_wave(0);
      });
      return;
    }
    observe(totals.to_host, host_seen, &totals.host_after_stamp)(self, text);
  };
  host->connect(endpoint, target_for(true), [&](bool ok) {
    ok_or_die(ok, "host connect");
    if (palabre) host->send(R"({"t":"create"})");
    else if (!socketio) start_peer_staff();
  });

  std::vector<net::executor_work_guard<net::io_context::executor_type>> keep_running;
  std::vector<std::thread> threads;
  for (auto& worker : worker_iocs) {
    keep_running.push_back(net::make_work_guard(*worker));
    threads.emplace_back([&worker] { worker->run(); });
  }

  // Run until the host and kiosk have every event, or a generous deadline: 120 s to connect
  // everyone (socket.io at 10,000 on a loaded machine needs more than a minute), then 30 s plus
  // twice --duration for the scenario.
  const auto started = Clock::now();
  auto deadline = [&] {
    if (scenario_start == Clock::time_point{}) return started + std::chrono::seconds(120);
    return scenario_start + std::chrono::seconds(30) +
           std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.duration * 2));
  };
  while (!ioc.stopped() && Clock::now() < deadline()) {
    ioc.run_for(std::chrono::milliseconds(50));
    if (host_seen >= expected && kiosk_seen >= expected && shared.acks.load() >= expected) break;
  }
  // The last tallies (published until --duration + 0.6 s) have time to arrive.
  if (o.scenario == "vote" && o.tally_ms > 0 && scenario_start != Clock::time_point{}) {
    const auto tallies_end = scenario_start + std::chrono::duration_cast<Clock::duration>(
                                                  std::chrono::duration<double>(o.duration + 1.2));
    while (!ioc.stopped() && Clock::now() < tallies_end) ioc.run_for(std::chrono::milliseconds(50));
  }
  tally_timer->cancel();
  for (auto& worker : worker_iocs) worker->stop();
  for (auto& thread : threads) thread.join();
  for (const auto& t : worker_totals) totals.merge(t);
  const double scenario_seconds =
      scenario_start == Clock::time_point{} ? 0 : std::chrono::duration<double>(Clock::now() - scenario_start).count();
  const auto usage_after = o.relay_pid ? usage_of(o.relay_pid) : std::nullopt;

  json report = {
      {"scenario", o.scenario},
      {"participants", o.participants},
      {"threads", o.threads},
      {"names", o.names},
      {"protocol", o.protocol},
      {"connected", totals.connected},
      {"failed", shared.failed.load()},
      {"events_sent", expected},
      {"acks", totals.acks},
      {"errors", totals.errors},
      {"delivered_to_host", host_seen},
      {"delivered_to_kiosk", kiosk_seen},
      {"connect", totals.connect.summary()},
      {"ack", totals.ack.summary()},
      {"to_host", totals.to_host.summary()},
      {"to_kiosk", totals.to_kiosk.summary()},
      {"host_after_stamp", totals.host_after_stamp.summary()},  // ms resolution
      {"frames_in", totals.frames_in},
      {"bytes_in", totals.bytes_in},
      {"scenario_seconds", scenario_seconds},
      {"total_seconds", std::chrono::duration<double>(Clock::now() - started).count()},
  };
  if (o.scenario == "chat") report["to_participant0"] = totals.to_participant.summary();
  if (o.scenario == "vote" && o.tally_ms > 0) {
    report["tally_reached_participants"] = std::count(got_tally.begin(), got_tally.end(), 1);
    report["tally_to_participant"] = totals.tally.summary();
  }
  if (usage_before && usage_after && usage_connected) {
    report["relay_cpu_seconds"] = usage_after->cpu_seconds - usage_before->cpu_seconds;
    report["relay_rss_kib"] = usage_after->rss_kib;
    report["relay_peak_rss_kib"] = usage_after->peak_rss_kib;
    report["relay_rss_per_connection_kib"] =
        double(usage_connected->rss_kib - usage_before->rss_kib) / double(std::max(1, totals.connected + 2));
  }
  rusage self_usage{};
  getrusage(RUSAGE_SELF, &self_usage);
  report["loadgen_cpu_seconds"] = double(self_usage.ru_utime.tv_sec + self_usage.ru_stime.tv_sec) +
                                  double(self_usage.ru_utime.tv_usec + self_usage.ru_stime.tv_usec) / 1e6;
  if (palabre)
    if (const auto histogram = relay_fanout(endpoint)) report["relay_fanout"] = *histogram;
  if (o.json_output) {
    std::printf("%s\n", report.dump().c_str());
  } else {
    std::printf("%s\n", report.dump(2).c_str());
  }
  const bool complete = host_seen >= expected && kiosk_seen >= expected && totals.acks >= expected;
  return complete ? 0 : 1;
}

}  // namespace

PALABRE_COMMAND("loadgen", "simulate N participants against a relay; latency, traffic, CPU, memory", run_loadgen);
