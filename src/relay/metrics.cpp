#include "relay/metrics.hpp"

#include <cstdio>
#include <string_view>

namespace palabre::relay {

std::string metrics_text(const Metrics& metrics, std::size_t rooms) {
  std::string out;
  auto line = [&](std::string_view name, std::string_view type, std::string_view help, auto value) {
    out.append("# HELP ").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
    out.append(name).append(" ").append(std::to_string(value)).append("\n");
  };
  line("palabre_connections", "gauge", "Open WebSocket connections.", metrics.connections_open);
  line("palabre_connections_total", "counter", "WebSocket connections accepted.", metrics.connections_total);
  line("palabre_sockets", "gauge", "Open TCP connections (HTTP and WebSocket).", metrics.sockets_open);
  line("palabre_rooms", "gauge", "Rooms held by the relay.", rooms);
  line("palabre_messages_in_total", "counter", "WebSocket messages received.", metrics.messages_in);
  line("palabre_bytes_in_total", "counter", "WebSocket payload bytes received.", metrics.bytes_in);
  line("palabre_events_in_total", "counter", "Envelopes stamped (presence included).", metrics.events_in);
  line("palabre_envelopes_out_total", "counter", "Envelope deliveries to connections.", metrics.envelopes_out);
  line("palabre_frames_out_total", "counter", "WebSocket frames queued for sending.", metrics.frames_out);
  line("palabre_bytes_out_total", "counter", "WebSocket payload bytes queued for sending.", metrics.bytes_out);
  line("palabre_http_requests_total", "counter", "HTTP requests (upgrades included).", metrics.http_requests);
  out.append("# HELP palabre_rejects_total Messages answered with an error, by code.\n");
  out.append("# TYPE palabre_rejects_total counter\n");
  for (const auto& [code, count] : metrics.rejects)
    out.append("palabre_rejects_total{code=\"").append(code).append("\"} ").append(std::to_string(count)).append("\n");
  out.append("# HELP palabre_fanout_seconds From receiving an event to its frames being queued to every member.\n");
  out.append("# TYPE palabre_fanout_seconds histogram\n");
  for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i) {
    char le[32];
    std::snprintf(le, sizeof le, "%g", kLatencyBuckets[i]);
    out.append("palabre_fanout_seconds_bucket{le=\"").append(le).append("\"} ");
    out.append(std::to_string(metrics.latency_buckets[i])).append("\n");
  }
  out.append("palabre_fanout_seconds_bucket{le=\"+Inf\"} ").append(std::to_string(metrics.latency_count)).append("\n");
  char sum[64];
  std::snprintf(sum, sizeof sum, "%.6f", metrics.latency_sum);
  out.append("palabre_fanout_seconds_sum ").append(sum).append("\n");
  out.append("palabre_fanout_seconds_count ").append(std::to_string(metrics.latency_count)).append("\n");
  return out;
}

}  // namespace palabre::relay
