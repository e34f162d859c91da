// `palabre serve`: the relay (src/relay) with its options; docs/protocol.md has the limits table.
#include "commands.hpp"

#include "relay/redis_store.hpp"
#include "relay/server.hpp"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <optional>
#include <string>

namespace palabre::cli {
namespace {

using palabre::relay::Config;
using palabre::relay::FsyncPolicy;

void raise_open_files_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

}  // namespace

int run_serve(int argc, char** argv) {
  CLI::App app{"Runs the relay: the app's static files, /healthz, /metrics, the rooms' images (/blob/) and the\n"
               "WebSocket endpoint /ws on one port. Prints \"palabre serve: listening on http://BIND:PORT\" once\n"
               "ready. Ctrl-C stops it after writing every accepted event. At start it raises the soft open-files\n"
               "limit (RLIMIT_NOFILE) to the hard limit, so one relay can hold many thousands of connections.\n"
               "Limits: docs/protocol.md.",
               "palabre serve"};
  app.get_formatter()->column_width(34);
  Config config;
  config.data_dir = "data";
  app.add_option("--port", config.port, "TCP port (0 picks a free one)")->capture_default_str();
  app.add_option("--bind", config.bind, "address to listen on (0.0.0.0 for all)")->capture_default_str();
  app.add_option("--data", config.data_dir, "room logs and member files")->capture_default_str();
  app.add_option("--web", config.web_dir, "serve the built app from this directory (index.html at /)");
  app.add_option("--redis", config.redis_url,
                 "keep rooms in Redis Streams instead of --data, so that several\n"
                 "relays serve the same rooms (docs/protocol.md \"Several relays\")")
      ->check(CLI::Validator(
          [](std::string& url) {
            std::string host;
            int port = 0;
            return palabre::relay::parse_redis_url(url, host, port) ? std::string() : "not a redis://HOST:PORT URL";
          },
          "redis://HOST:PORT"));
  std::string fsync = "batch";
  app.add_option("--fsync", fsync,
                 "always: fdatasync before events go out; batch: every second;\n"
                 "never: leave it to the kernel. All three survive kill -9.")
      ->check(CLI::IsMember({"always", "batch", "never"}))->capture_default_str();
  // Limits (docs/protocol.md).
  app.add_option("--max-message-bytes", config.max_message_bytes, "larger messages get error too_big")
      ->check(CLI::Range(std::size_t{256}, config.hard_message_bytes))->capture_default_str();
  app.add_option("--rate", config.messages_per_second, "messages per second per connection, token bucket")
      ->check(CLI::Range(1.0, 1e9))->capture_default_str();
  app.add_option("--burst", config.message_burst, "token bucket size")->check(CLI::Range(1.0, 1e9))->capture_default_str();
  app.add_option("--max-room-connections", config.max_connections_per_room, "connections per room")
      ->check(CLI::PositiveNumber)->capture_default_str();
  app.add_option("--max-rooms", config.max_rooms,
                 "rooms per relay; at the limit, the oldest room nobody is in,\n"
                 "nobody joined and nothing was prepared in, made over 10 min\n"
                 "ago, is deleted to make way")
      ->check(CLI::PositiveNumber)->capture_default_str();
  app.add_option("--creates-per-minute", config.creates_per_minute, "rooms one connection may create per minute")
      ->check(CLI::PositiveNumber)->capture_default_str();
  app.add_option("--joins-per-minute", config.tokenless_joins_per_minute,
                 "new participants (joins without a token) per connection per minute")
      ->check(CLI::PositiveNumber)->capture_default_str();
  app.add_option("--max-connections", config.max_connections, "TCP connections per relay")
      ->check(CLI::PositiveNumber)->capture_default_str();
  app.add_option("--fanout-chunk", config.fanout_chunk,
                 "connections sent a public frame per event-loop turn in rooms\n"
                 "larger than N, so votes are not held up by a big fan-out\n"
                 "(0: all at once)")
      ->capture_default_str();
  app.add_option("--max-blob-bytes", config.max_blob_bytes, "bytes of one blob (an image a host uploads)")
      ->check(CLI::PositiveNumber)->capture_default_str();
  app.add_option("--max-room-blobs", config.max_room_blobs, "blobs per room")->check(CLI::PositiveNumber)->capture_default_str();
  app.add_option("--max-room-blob-bytes", config.max_room_blob_bytes, "bytes of all the blobs of one room")
      ->check(CLI::PositiveNumber)->capture_default_str();
  unsigned idle_seconds = unsigned(config.idle_timeout.count());
  app.add_option("--idle-timeout", idle_seconds, "seconds: ping an idle connection at half, close it at full")
      ->check(CLI::Range(2u, 86400u))->capture_default_str();
  unsigned expiry_hours = unsigned(std::chrono::duration_cast<std::chrono::hours>(config.room_expiry).count());
  app.add_option("--room-expiry", expiry_hours, "hours: delete a room idle this long with nobody connected;\n0: never")
      ->capture_default_str();
  app.add_option("--allow-origin", config.allowed_origins,
                 "accept WebSocket upgrades only from this Origin (repeatable;\n"
                 "default any: the protocol uses no cookies)");
  bool quiet = false;
  app.add_flag("--quiet", quiet, "no connection log lines on stderr");
  app.add_flag("--log-peer", config.log_peer, "add the peer's address to each `open` log line\n(off: no address is logged)");
  if (const auto exit = parse_options(app, argc, argv)) return *exit;
  config.log_connections = !quiet;
  config.fsync = fsync == "always" ? FsyncPolicy::always : fsync == "never" ? FsyncPolicy::never : FsyncPolicy::batch;
  config.idle_timeout = std::chrono::seconds(idle_seconds);
  config.room_expiry = std::chrono::hours(expiry_hours);

  raise_open_files_limit();
  try {
    palabre::relay::Server server(config);
    const unsigned short port = server.open();
    for (const auto& warning : server.load_warnings()) std::fprintf(stderr, "palabre serve: %s\n", warning.c_str());
    std::printf("palabre serve: listening on http://%s:%u\n", config.bind.c_str(), unsigned(port));
    std::fflush(stdout);
    server.run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "palabre serve: %s\n", e.what());
    return 1;
  }
  return 0;
}

}  // namespace palabre::cli
