// `palabre loadgen`: N simulated participants + a host + a kiosk against a relay on loopback.
// One Beast WebSocket per client. The host and the kiosk have an Asio thread of their own (the
// control thread, which also runs the scenario), so their receipts are not queued behind thousands
// of participants' frames; participants are spread over the other threads (--threads).
// By default it starts its own relay (`palabre serve` as a child process) so it can report that
// process's CPU time and memory; `--connect HOST:PORT` targets a running relay instead.
// One room can also span several relays (--relays) and several loadgen processes: one makes the
// room and holds the host and the kiosk, the others bring participants (--join); bench/relay/scale.mjs
// runs them together.
// Its parts: loadgen_options.cpp, loadgen_measure.cpp (the relay process, /proc, /metrics),
// loadgen_wire.cpp (what differs between palabre, ws and socket.io); here the scenario and report.
#include "commands.hpp"
#include "core/session.hpp"
#include "loadgen.hpp"

#include <sys/resource.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <thread>

namespace palabre::cli {
using namespace loadgen;

int run_loadgen(int argc, char** argv) {
  Options o;
  if (const auto exit = loadgen::parse_options(o, argc, argv)) return *exit;
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
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
  std::vector<tcp::endpoint> relays;  // the participants' relays, round-robin over the whole room
  for (const auto& where : o.relays) {
    const auto colon = where.rfind(':');
    relays.emplace_back(net::ip::make_address(where.substr(0, colon)), static_cast<unsigned short>(std::stoi(where.substr(colon + 1))));
  }
  if (relays.empty()) relays.push_back(endpoint);
  const bool staff_here = o.join_room.empty();

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
  const int expected = o.participants * sends_per_participant;             // sent, and acked, here
  const int expected_room = o.room_participants * sends_per_participant;  // what the host and kiosk wait for

  // What differs between the three relays (loadgen_wire.cpp); the rest of the scenario is the same.
  const std::unique_ptr<Wire> wire = make_wire(o.protocol);
  const bool rooms = wire->rooms();
  auto carries_votes = [&wire](std::string_view text) { return wire->carries_votes(text); };

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
        if (std::from_chars(begin, text.data() + text.size(), k).ec != std::errc()) continue;
        // palabre's votes carry their send time ("s", after "k"): sent by another loadgen process too.
        std::optional<Clock::time_point> sent;
        constexpr std::string_view stamp_key = ",\"s\":";
        if (const auto s = text.find(stamp_key, at); s != std::string_view::npos && s < text.find('}', at)) {
          std::int64_t ns = 0;
          if (std::from_chars(text.data() + s + stamp_key.size(), text.data() + text.size(), ns).ec == std::errc() && ns > 0)
            sent = Clock::time_point(std::chrono::duration_cast<Clock::duration>(std::chrono::nanoseconds(ns)));
        }
        if (!sent && k < shared.sent_ns.size()) sent = shared.sent(k);
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
  std::vector<int> tallies_got(std::size_t(o.participants), 0);  // each written by its participant's thread
  int tallies_published = 0;
  std::atomic<Clock::rep> last_tally_ns{0};  // when a participant here last got one (steady clock)
  auto tally_timer = std::make_shared<net::steady_timer>(ioc);
  std::function<void()> publish_tally = [&] {
    if (o.scenario != "vote" || o.tally_ms == 0 || !rooms) return;  // ws, socket.io: the relay's own tally
    const auto t0 = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now().time_since_epoch()).count();
    host->send(json{{"t", "event"}, {"vis", "public"}, {"ev", {{"type", "rating.results"}, {"votes", host_seen}, {"t0", t0}}}}.dump());
    ++tallies_published;
    const bool more = host_seen < expected_room ||
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
    if (staff_here) publish_tally();
    // Send moments drawn here (one seeded sequence, whatever --threads), armed on each client's thread.
    std::uniform_real_distribution<double> when(0, o.duration);
    for (auto& p : participants) {
      for (int k = 0; k < sends_per_participant; ++k) {
        const auto at = scenario_start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(when(random)));
        const std::size_t key = std::size_t(p->index) * std::size_t(sends_per_participant) + std::size_t(k);
        // On the wire, the key is the whole room's (--index-base): unique over every loadgen process.
        const std::size_t room_key = std::size_t(o.index_base) * std::size_t(sends_per_participant) + key;
        net::post(p->executor(), [&, p, at, key, room_key] {
          auto timer = std::make_shared<net::steady_timer>(p->executor(), at);
          timer->async_wait([&, p, timer, key, room_key](beast::error_code) {
            shared.mark_sent(key, Clock::now());
            p->send(wire->send_text(room_key, o.scenario == "vote"));
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
    if (rooms && o.names) {  // public in a small room, to the staff in a big one: as the app
      const bool big = room_participants >= palabre::core::big_room_participants;
      self.send(json{{"t", "event"}, {"vis", big ? "staff" : "public"},
                     {"ev", {{"type", "participant.join"}, {"name", "P" + std::to_string(self.index)}}}}.dump());
    }
  };
  auto participant_frame = [&](SimClient& self, std::string_view text) {
    Totals& mine = self.totals();
    if (shared.scenario_started.load(std::memory_order_relaxed)) ++mine.frames_in_scenario;
    if (wire->handshake(self, text, [&] { joined(self, 0); })) return;
    if (text.rfind(R"({"t":"joined")", 0) == 0) return joined(self, field_int(text, "\"participants\":"));
    if (auto key = wire->ack_key(text)) {
      *key -= std::int64_t(o.index_base) * sends_per_participant;  // back to this process's numbering
      if (*key >= 0 && std::size_t(*key) < shared.sent_ns.size())
        if (const auto sent = shared.sent(std::size_t(*key))) mine.ack.add(Clock::now() - *sent);
      ++mine.acks;
      shared.acks.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    if (text.rfind(R"({"t":"error")", 0) == 0) ++mine.errors;
    const bool tally = wire->is_tally(text);
    // Another process's host publishes only once the scenario runs, and may start it a little
    // before this process sees --go-file: every tally counts.
    if (tally && (!staff_here || shared.scenario_started.load(std::memory_order_relaxed))) {
      // A reader that fell behind gets its queued frames merged into one: every tally in it counts.
      const auto now = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now().time_since_epoch()).count();
      constexpr std::string_view t0_key = "\"t0\":";  // votes carry "k", never "t0"
      int count = 0;
      for (auto at = text.find(t0_key); at != std::string_view::npos; at = text.find(t0_key, at + 1), ++count) {
        std::int64_t t0 = 0;
        std::from_chars(text.data() + at + t0_key.size(), text.data() + text.size(), t0);
        if (t0 > 0) mine.tally.add(std::chrono::microseconds(now - t0));
      }
      last_tally_ns.store(Clock::now().time_since_epoch().count(), std::memory_order_relaxed);
      if (self.index >= 0 && std::size_t(self.index) < tallies_got.size()) tallies_got[std::size_t(self.index)] += std::max(count, 1);
    }
    // chat: how long until a message reaches a participant (sampled on participant 0 only)
    if (o.scenario == "chat" && self.index == 0) observe(mine.to_participant, participant0_seen[0])(self, text);
  };

  // Once everyone here is in: --ready-file (the host's holds the room code), then the scenario, at
  // once or when --go-file appears (polled: several processes start within a few ms of each other).
  auto go_timer = std::make_shared<net::steady_timer>(ioc);
  std::function<void()> wait_for_go = [&] {
    if (o.go_file.empty() || std::filesystem::exists(o.go_file)) return start_scenario();
    go_timer->expires_after(std::chrono::milliseconds(10));
    go_timer->async_wait([&](beast::error_code ec) { if (!ec) wait_for_go(); });
  };
  auto all_in = [&] {
    if (!o.ready_file.empty()) {
      const auto partial = o.ready_file + ".partial";  // renamed: a reader never sees half a file
      std::ofstream(partial) << json{{"room", room}, {"connected", shared.connected.load()}, {"failed", shared.failed.load()}}.dump() << "\n";
      std::filesystem::rename(partial, o.ready_file);
    }
    wait_for_go();
  };

  connect_wave = [&](int first) {
    if (o.participants == 0) return all_in();  // the host and the kiosk only
    const int last = std::min(o.participants, first + o.wave);
    auto pending = std::make_shared<int>(last - first);  // on the control thread only
    for (int i = first; i < last; ++i) {
      auto p = std::make_shared<SimClient>(context_for(i), totals_for(i), i);
      p->on_frame = participant_frame;
      participants.push_back(p);
      const tcp::endpoint& relay = relays[std::size_t(o.index_base + i) % relays.size()];
      net::post(p->executor(), [&, p, pending, last, relay] {
        p->connect(relay, wire->target(false), [&, p, pending, last](bool ok) {  // on p's thread
          if (!ok) shared.failed.fetch_add(1, std::memory_order_relaxed);
          else if (rooms) p->send(json{{"t", "join"}, {"room", room}}.dump());
          else if (wire->in_once_open()) joined(*p, 0);
          net::post(ioc, [&, pending, last] {
            if (--*pending != 0) return;
            // Next wave once this one's sockets are open; the scenario once joins have settled.
            if (last < o.participants) return connect_wave(last);
            auto settle = std::make_shared<net::steady_timer>(ioc, std::chrono::milliseconds(200));
            auto check = std::make_shared<std::function<void()>>();
            *check = [&, settle, check] {
              if (shared.connected.load() + shared.failed.load() >= o.participants) return all_in();
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
    kiosk->connect(endpoint, wire->target(true), [&](bool ok) {
      ok_or_die(ok, "kiosk connect");
      if (wire->in_once_open()) connect_wave(0);
    });
  };
  bool kiosk_started = false;
  kiosk->on_frame = [&, seen_by_kiosk = observe(totals.to_kiosk, kiosk_seen)](SimClient& self, std::string_view text) {
    if (wire->handshake(self, text, [&] { connect_wave(0); })) return;
    seen_by_kiosk(self, text);
  };
  host->on_frame = [&](SimClient& self, std::string_view text) {
    if (wire->handshake(self, text, [&] { if (!std::exchange(kiosk_started, true)) start_peer_staff(); })) return;
    if (text.rfind(R"({"t":"created")", 0) == 0) {
      const json created = json::parse(text);
      room = created["room"];
      kiosk_token = created["kiosk_token"];
      self.id = "h1";
      kiosk->connect(endpoint, wire->target(true), [&](bool ok) {
        ok_or_die(ok, "kiosk connect");
        kiosk->send(json{{"t", "join"}, {"room", room}, {"token", kiosk_token}}.dump());
        connect_wave(0);
      });
      return;
    }
    observe(totals.to_host, host_seen, &totals.host_after_stamp)(self, text);
  };
  if (!staff_here) {  // --join: another process's host made the room
    room = o.join_room;
    connect_wave(0);
  } else {
    host->connect(endpoint, wire->target(true), [&](bool ok) {
      ok_or_die(ok, "host connect");
      if (rooms) host->send(R"({"t":"create"})");
      else if (wire->in_once_open()) start_peer_staff();
    });
  }

  std::vector<net::executor_work_guard<net::io_context::executor_type>> keep_running;
  // The control context too: with --join it has nothing of its own until the participants' replies.
  keep_running.push_back(net::make_work_guard(ioc));
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
    // Waiting for --go-file (other processes still connecting): up to 10 minutes.
    if (scenario_start == Clock::time_point{}) return started + std::chrono::seconds(o.go_file.empty() ? 120 : 600);
    return scenario_start + std::chrono::seconds(30) +
           std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.duration * 2));
  };
  while (!ioc.stopped() && Clock::now() < deadline()) {
    ioc.run_for(std::chrono::milliseconds(50));
    const bool staff_done = !staff_here || (host_seen >= expected_room && kiosk_seen >= expected_room);
    if (staff_done && shared.acks.load() >= expected && scenario_start != Clock::time_point{}) break;
  }
  // The last tallies (published until --duration + 0.6 s) have time to arrive.
  if (o.scenario == "vote" && o.tally_ms > 0 && scenario_start != Clock::time_point{}) {
    const auto tallies_end = scenario_start + std::chrono::duration_cast<Clock::duration>(
                                                  std::chrono::duration<double>(o.duration + 1.2));
    while (!ioc.stopped() && Clock::now() < tallies_end) ioc.run_for(std::chrono::milliseconds(50));
    // With --join, the host (elsewhere) publishes until it has every vote, however late: wait for a
    // quiet spell of three tally periods (and 2 s), within the deadline.
    const auto quiet = std::max<Clock::duration>(std::chrono::seconds(2), std::chrono::milliseconds(3 * o.tally_ms));
    while (!staff_here && !ioc.stopped() && Clock::now() < deadline() &&
           Clock::now() - Clock::time_point(Clock::duration(last_tally_ns.load(std::memory_order_relaxed))) < quiet)
      ioc.run_for(std::chrono::milliseconds(50));
  }
  tally_timer->cancel();
  go_timer->cancel();
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
      {"room_participants", o.room_participants},
      {"relays", relays.size()},
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
    report["tally_reached_participants"] = std::count_if(tallies_got.begin(), tallies_got.end(), [](int n) { return n > 0; });
    report["tally_to_participant"] = totals.tally.summary();
    // Did every participant get every tally? (With --join, the host's process says how many it sent.)
    if (staff_here) report["tallies_published"] = tallies_published;
    report["tallies_got_min"] = tallies_got.empty() ? 0 : *std::min_element(tallies_got.begin(), tallies_got.end());
    report["tallies_got_max"] = tallies_got.empty() ? 0 : *std::max_element(tallies_got.begin(), tallies_got.end());
  }
  if (usage_before && usage_after && usage_connected) {
    report["relay_cpu_seconds"] = usage_after->cpu_seconds - usage_before->cpu_seconds;
    // The burst alone: frames the participants got once it started, per relay CPU-second since then.
    const double burst_cpu = usage_after->cpu_seconds - usage_connected->cpu_seconds;
    report["relay_cpu_seconds_scenario"] = burst_cpu;
    report["frames_in_scenario"] = totals.frames_in_scenario;
    if (burst_cpu > 0) report["deliveries_per_relay_cpu_second"] = std::round(double(totals.frames_in_scenario) / burst_cpu);
    report["relay_rss_kib"] = usage_after->rss_kib;
    report["relay_peak_rss_kib"] = usage_after->peak_rss_kib;
    report["relay_rss_per_connection_kib"] =
        double(usage_connected->rss_kib - usage_before->rss_kib) / double(std::max(1, totals.connected + 2));
  }
  report["loadgen_cpu_seconds"] = own_cpu_seconds();
  if (rooms)
    if (const auto histogram = relay_fanout(endpoint)) report["relay_fanout"] = *histogram;
  if (o.json_output) {
    std::printf("%s\n", report.dump().c_str());
  } else {
    std::printf("%s\n", report.dump(2).c_str());
  }
  const bool complete = (!staff_here || (host_seen >= expected_room && kiosk_seen >= expected_room)) && totals.acks >= expected;
  return complete ? 0 : 1;
}

}  // namespace palabre::cli
