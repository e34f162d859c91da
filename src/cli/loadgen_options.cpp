// `palabre loadgen`'s options.
#include "commands.hpp"
#include "loadgen.hpp"

#include <charconv>
#include <cstdio>

namespace palabre::cli::loadgen {

std::optional<int> parse_options(Options& o, int argc, char** argv) {
  CLI::App app{"Simulates a workshop against a relay and reports latencies, traffic, and the relay's CPU and memory.\n"
               "A host creates a room, a kiosk joins it, then participants connect in waves and run a scenario.",
               "palabre loadgen"};
  app.get_formatter()->column_width(30);
  const CLI::Validator host_port(
      [](std::string& where) {
        const auto colon = where.rfind(':');
        unsigned short port = 0;
        const char* last = where.data() + where.size();
        const char* first = colon == std::string::npos ? last : where.data() + colon + 1;
        const auto [end, ec] = std::from_chars(first, last, port);
        return colon != std::string::npos && ec == std::errc() && end == last && port > 0 ? std::string()
                                                                                          : std::string("not HOST:PORT");
      },
      "HOST:PORT");
  app.add_option("--participants", o.participants, "simulated participants (0: only the host and the kiosk)")->check(CLI::NonNegativeNumber)->capture_default_str();
  app.add_option("--wave", o.wave, "participants connecting at once")->check(CLI::PositiveNumber)->capture_default_str();
  app.add_option("--scenario", o.scenario,
                 "vote: every participant votes once (staff) within --duration seconds;\n"
                 "chat: every participant posts --messages public messages within --duration")
      ->check(CLI::IsMember({"vote", "chat"}))->capture_default_str();
  app.add_option("--duration", o.duration, "seconds: spread of the scenario's sends")->check(CLI::PositiveNumber)->capture_default_str();
  app.add_option("--messages", o.messages, "chat messages per participant")->check(CLI::PositiveNumber)->capture_default_str();
  app.add_option_function<std::string>(
         "--connect",
         [&o](const std::string& where) {
           const auto colon = where.rfind(':');
           o.host = where.substr(0, colon);
           o.port = static_cast<unsigned short>(std::stoi(where.substr(colon + 1)));
         },
         "HOST:PORT: use a running relay (default: start `palabre serve` on a free port with a\n"
         "temporary --data directory, and measure it)")
      ->check(host_port);
  app.add_option("--relay-pid", o.relay_pid, "with --connect, the relay process to measure")->check(CLI::PositiveNumber);
  app.add_option("--fsync", o.fsync, "passed to the relay it starts")->capture_default_str();
  app.add_option("--tally-ms", o.tally_ms,
                 "vote: the host publishes the tally as a public event every N ms while votes come in, as\n"
                 "the app does (0: none); reported: how many participants got one and how late")
      ->check(CLI::NonNegativeNumber)->capture_default_str();
  app.add_option("--threads", o.threads,
                 "Asio threads: one for the host, the kiosk and the scenario, the others share the\n"
                 "participants; 1: everything on one thread")
      ->check(CLI::Range(1, 64))->capture_default_str();
  app.add_option("--protocol", o.protocol,
                 "palabre, or ws / socketio: the two relays of bench/relay/peers (votes to the staff, an ack\n"
                 "to the sender, the relay's own tally every 250 ms to every participant), same scenario\n"
                 "and measurements; needs --connect")
      ->check(CLI::IsMember({"palabre", "ws", "socketio"}))->capture_default_str();
  app.add_flag("--names", o.names,
               "palabre: each participant, once joined, posts its name as the app does: a public\n"
               "`participant.join` (every member hears every arrival), to the staff only once the room\n"
               "has 500 participants (the app's \"big room\")");
  app.add_option("--relays", o.relays,
                 "HOST:PORT,...: relays sharing the room (on one Redis); participants are spread over\n"
                 "them round-robin, the host and the kiosk use the first")
      ->delimiter(',')->check(host_port);
  app.add_option("--join", o.join_room,
                 "ROOM: participants only, into a room another loadgen's host made (needs --relays or\n"
                 "--connect); they vote when --go-file appears and count every tally they get");
  app.add_option("--index-base", o.index_base, "the first participant's number in the whole room (with --join)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--room-participants", o.room_participants,
                 "participants in the whole room, over every loadgen process: the votes the host waits for\n"
                 "(default: --participants)")->check(CLI::NonNegativeNumber);
  app.add_option("--ready-file", o.ready_file, "written once this process's clients are in (the host's holds the room code)");
  app.add_option("--go-file", o.go_file, "the scenario starts when this file exists (several processes start together)");
  app.add_flag("--json", o.json_output, "print the report as one JSON object");
  if (const auto exit = palabre::cli::parse_options(app, argc, argv)) return exit;
  if (!o.relays.empty()) {  // the first relay is the one the staff use (and --connect's HOST:PORT)
    const auto colon = o.relays.front().rfind(':');
    o.host = o.relays.front().substr(0, colon);
    o.port = static_cast<unsigned short>(std::stoi(o.relays.front().substr(colon + 1)));
  }
  if (!o.join_room.empty() && o.port == 0) {
    std::fprintf(stderr, "palabre loadgen: --join needs the room's relays (--relays or --connect)\n");
    return 2;
  }
  if (o.room_participants < o.participants) o.room_participants = o.participants;
  if (o.protocol != "palabre" && o.port == 0) {
    std::fprintf(stderr, "palabre loadgen: --protocol %s needs --connect HOST:PORT (and --relay-pid PID)\n", o.protocol.c_str());
    return 2;
  }
  return std::nullopt;
}

}  // namespace palabre::cli::loadgen
