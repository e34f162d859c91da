// `palabre loadgen`'s instruments: the relay it starts and the figures it reads from /proc and
// from the relay's /metrics.
#include "loadgen.hpp"

#include <boost/beast/http.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <charconv>
#include <fstream>
#include <sstream>

namespace palabre::cli::loadgen {

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

ChildRelay::~ChildRelay() {
  if (pid > 0) {
    kill(pid, SIGTERM);
    waitpid(pid, nullptr, 0);
  }
  std::error_code ec;
  if (!data.empty()) std::filesystem::remove_all(data, ec);
}

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
  unsigned short port = 0;
  const std::string digits = line.substr(colon + 1);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (ec != std::errc() || port == 0) return false;
  relay.port = port;
  return true;
}

std::int64_t field_int(std::string_view text, std::string_view key) {
  const auto at = text.find(key);
  if (at == std::string_view::npos) return -1;
  std::int64_t value = -1;
  const char* begin = text.data() + at + key.size();
  std::from_chars(begin, text.data() + text.size(), value);
  return value;
}

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

double own_cpu_seconds() {
  rusage self_usage{};
  getrusage(RUSAGE_SELF, &self_usage);
  return double(self_usage.ru_utime.tv_sec + self_usage.ru_stime.tv_sec) +
         double(self_usage.ru_utime.tv_usec + self_usage.ru_stime.tv_usec) / 1e6;
}

}  // namespace palabre::cli::loadgen
