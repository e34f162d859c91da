#pragma once
// Everything `palabre serve` can be told; defaults are the documented limits (docs/protocol.md).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace palabre::relay {

enum class FsyncPolicy {
  always,  // fdatasync the log before any envelope of a tick is sent (survives power loss)
  batch,   // write(2) before sending; fdatasync at most once a second (survives kill -9)
  never,   // write(2) before sending; the kernel decides (survives kill -9)
};

struct Config {
  std::string bind = "127.0.0.1";
  unsigned short port = 8080;             // 0: any free port (see Server::port())
  std::filesystem::path data_dir = "data";
  std::filesystem::path web_dir;          // empty: no static files
  FsyncPolicy fsync = FsyncPolicy::batch;
  std::string redis_url;                  // redis://HOST:PORT: rooms in Redis Streams, not data_dir

  // Limits.
  std::size_t max_message_bytes = 64 * 1024;       // larger: `too_big`, connection stays
  std::size_t hard_message_bytes = 1024 * 1024;    // larger: closed with 1009 by the WebSocket layer
  double messages_per_second = 20;                 // token bucket refill, per connection
  double message_burst = 60;                       // token bucket size
  int strikes_before_close = 20;                   // rejected messages in a row before a 1008 close
  std::size_t max_connections_per_room = 20000;
  std::size_t max_rooms = 1000;
  int creates_per_minute = 10;                     // per connection; beyond: `rate_limited`
  int tokenless_joins_per_minute = 30;             // new participants per connection; beyond: `rate_limited`
  std::chrono::minutes evict_unjoined_after{10};   // at max_rooms, a room empty and never joined this long makes way
  std::size_t max_connections = 30000;             // whole relay; beyond, new sockets are closed
  std::size_t max_queued_bytes = 16 * 1024 * 1024; // per connection; a slower reader is dropped
  std::size_t fanout_chunk = 256;                  // public frames sent per loop turn in big rooms; 0 all at once
  std::chrono::seconds idle_timeout{60};           // no traffic: ping at half, close at full
  std::chrono::seconds room_expiry{48 * 3600};     // no connection and no event: deleted; 0 never
  std::chrono::milliseconds expiry_check_every{0}; // how often idle rooms are sought; 0: room_expiry/4 + 1 s, max 1 min
  std::vector<std::string> allowed_origins;        // empty: any Origin (no ambient credentials)
  // Blobs (images a host attaches; docs/protocol.md "Blobs").
  std::size_t max_blob_bytes = 4 * 1024 * 1024;         // one blob; larger: 413 `too_big`, body unread
  std::size_t max_room_blobs = 200;                     // blobs per room; beyond: 409 `too_many_blobs`
  std::size_t max_room_blob_bytes = 64 * 1024 * 1024;   // all of a room's blobs; beyond: 409 `too_many_blobs`

  // Wall clock behind `at` (ms since the epoch); empty: the system clock. Tests inject jumps.
  std::function<std::int64_t()> clock_ms;
  // Steady clock behind room expiry (how long a room has been idle); empty: std::chrono::steady_clock.
  // Tests move it forward instead of waiting.
  std::function<std::chrono::steady_clock::time_point()> steady_now;

  bool log_connections = true;  // one JSON line per connection event on stderr
  bool log_peer = false;        // add the peer's address to `open` lines (--log-peer); off: no address is logged
};

}  // namespace palabre::relay
