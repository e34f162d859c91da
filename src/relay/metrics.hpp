#pragma once
// The relay's counters and its fan-out latency histogram, and their Prometheus text (/metrics).
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

namespace palabre::relay {

// Prometheus histogram buckets of the fan-out latency (event received → frames queued), seconds.
constexpr std::array<double, 12> kLatencyBuckets = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                                    0.01,   0.025,   0.05,   0.1,   0.25,   1.0};

struct Metrics {
  std::uint64_t connections_total = 0;
  std::int64_t connections_open = 0;  // WebSocket
  std::int64_t sockets_open = 0;      // every TCP connection, HTTP included
  std::uint64_t messages_in = 0, bytes_in = 0;
  std::uint64_t events_in = 0;  // accepted and stamped (presence included)
  std::uint64_t envelopes_out = 0, frames_out = 0, bytes_out = 0;
  std::uint64_t http_requests = 0;
  std::map<std::string, std::uint64_t> rejects;  // by error code
  std::array<std::uint64_t, kLatencyBuckets.size()> latency_buckets{};
  std::uint64_t latency_count = 0;
  double latency_sum = 0;

  void observe_latency(double seconds) {
    for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i)
      if (seconds <= kLatencyBuckets[i]) ++latency_buckets[i];
    ++latency_count;
    latency_sum += seconds;
  }
};

// The Prometheus text exposition (version 0.0.4) of `metrics`, with the number of rooms held.
std::string metrics_text(const Metrics& metrics, std::size_t rooms);

}  // namespace palabre::relay
