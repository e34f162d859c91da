// `palabre serve`: the relay (src/relay) with its options; docs/protocol.md has the limits table.
#include "commands.hpp"

#include "relay/redis_store.hpp"
#include "relay/server.hpp"

#include <sys/resource.h>

#include <charconv>
#include <cstdio>
#include <exception>
#include <optional>
#include <string>

namespace {

using palabre::relay::Config;
using palabre::relay::FsyncPolicy;

constexpr const char* kHelp = R"(usage: palabre serve [options]

Runs the relay: the app's static files, /healthz, /metrics and the WebSocket endpoint /ws on one
port. Prints "palabre serve: listening on http://BIND:PORT" once ready. Ctrl-C stops it after
writing every accepted event. At start it raises the soft open-files limit (RLIMIT_NOFILE) to
the hard limit, so one relay can hold many thousands of connections.

options:
  --port N                 TCP port (default 8080; 0 picks a free one)
  --bind ADDR              address to listen on (default 127.0.0.1; 0.0.0.0 for all)
  --data DIR               room logs and member files (default ./data)
  --web DIR                serve the built app from DIR (index.html at /)
  --redis redis://HOST:PORT
                           keep rooms in Redis Streams instead of --data, so that several
                           relays serve the same rooms (docs/protocol.md "Several relays")
  --fsync always|batch|never
                           always: fdatasync before events go out; batch (default): every
                           second; never: leave it to the kernel. All three survive kill -9.
limits (see docs/protocol.md):
  --max-message-bytes N    larger messages get error too_big (default 65536)
  --rate N                 messages per second per connection, token bucket (default 20)
  --burst N                token bucket size (default 60)
  --max-room-connections N connections per room (default 20000)
  --max-rooms N            rooms per relay (default 1000); at the limit, the oldest room nobody
                           is in, nobody joined and nothing was prepared in, made over 10 min
                           ago, is deleted to make way
  --creates-per-minute N   rooms one connection may create per minute (default 10)
  --joins-per-minute N     new participants (joins without a token) per connection per minute
                           (default 30)
  --max-connections N      TCP connections per relay (default 30000)
  --fanout-chunk N         connections sent a public frame per event-loop turn in rooms larger
                           than N, so votes are not held up by a big fan-out (default 256;
                           0: all at once)
  --idle-timeout SECONDS   ping an idle connection at half, close it at full (default 60)
  --room-expiry HOURS      delete a room idle this long with nobody connected; 0 never (default 48)
  --allow-origin ORIGIN    accept WebSocket upgrades only from this Origin (repeatable;
                           default any: the protocol uses no cookies)
  --quiet                  no connection log lines on stderr
  --log-peer               add the peer's address to each `open` log line (off: no address is logged)
)";

template <class Number>
std::optional<Number> parse_number(std::string_view text) {
  Number value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

void raise_open_files_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

int run_serve(std::span<const std::string_view> args) {
  Config config;
  config.data_dir = "data";
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view flag = args[i];
    std::string_view value;
    bool has_value = false;
    if (const auto eq = flag.find('='); flag.starts_with("--") && eq != std::string_view::npos) {
      value = flag.substr(eq + 1);
      flag = flag.substr(0, eq);
      has_value = true;
    }
    auto need_value = [&]() -> bool {
      if (has_value) return true;
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "palabre serve: %.*s needs a value\n", int(flag.size()), flag.data());
        return false;
      }
      value = args[++i];
      return true;
    };
    auto bad = [&]() {
      std::fprintf(stderr, "palabre serve: bad value '%.*s' for %.*s\n", int(value.size()), value.data(),
                   int(flag.size()), flag.data());
      return 2;
    };
    if (flag == "--help" || flag == "-h") {
      std::fputs(kHelp, stdout);
      return 0;
    }
    if (flag == "--quiet") {
      config.log_connections = false;
      continue;
    }
    if (flag == "--log-peer") {
      config.log_peer = true;
      continue;
    }
    if (!need_value()) return 2;
    if (flag == "--port") {
      const auto port = parse_number<unsigned short>(value);
      if (!port) return bad();
      config.port = *port;
    } else if (flag == "--bind") {
      config.bind = std::string(value);
    } else if (flag == "--data") {
      config.data_dir = std::string(value);
    } else if (flag == "--redis") {
      std::string host;
      int port = 0;
      if (!palabre::relay::parse_redis_url(value, host, port)) return bad();
      config.redis_url = std::string(value);
    } else if (flag == "--web") {
      config.web_dir = std::string(value);
    } else if (flag == "--fsync") {
      if (value == "always") config.fsync = FsyncPolicy::always;
      else if (value == "batch") config.fsync = FsyncPolicy::batch;
      else if (value == "never") config.fsync = FsyncPolicy::never;
      else return bad();
    } else if (flag == "--max-message-bytes") {
      const auto n = parse_number<std::size_t>(value);
      if (!n || *n < 256 || *n > config.hard_message_bytes) return bad();
      config.max_message_bytes = *n;
    } else if (flag == "--rate" || flag == "--burst") {
      const auto n = parse_number<unsigned>(value);
      if (!n || *n == 0) return bad();
      (flag == "--rate" ? config.messages_per_second : config.message_burst) = *n;
    } else if (flag == "--max-room-connections" || flag == "--max-rooms" || flag == "--max-connections") {
      const auto n = parse_number<std::size_t>(value);
      if (!n || *n == 0) return bad();
      (flag == "--max-rooms" ? config.max_rooms
       : flag == "--max-connections" ? config.max_connections
                                     : config.max_connections_per_room) = *n;
    } else if (flag == "--creates-per-minute" || flag == "--joins-per-minute") {
      const auto n = parse_number<unsigned>(value);
      if (!n || *n == 0) return bad();
      (flag == "--creates-per-minute" ? config.creates_per_minute : config.tokenless_joins_per_minute) = int(*n);
    } else if (flag == "--fanout-chunk") {
      const auto n = parse_number<std::size_t>(value);
      if (!n) return bad();
      config.fanout_chunk = *n;
    } else if (flag == "--idle-timeout") {
      const auto n = parse_number<unsigned>(value);
      if (!n || *n < 2) return bad();
      config.idle_timeout = std::chrono::seconds(*n);
    } else if (flag == "--room-expiry") {
      const auto n = parse_number<unsigned>(value);
      if (!n) return bad();
      config.room_expiry = std::chrono::hours(*n);
    } else if (flag == "--allow-origin") {
      config.allowed_origins.emplace_back(value);
    } else {
      std::fprintf(stderr, "palabre serve: unknown option '%.*s' (see palabre serve --help)\n", int(flag.size()),
                   flag.data());
      return 2;
    }
  }

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

}  // namespace

PALABRE_COMMAND("serve", "run the relay: the app, /ws, /healthz, /metrics", run_serve);
