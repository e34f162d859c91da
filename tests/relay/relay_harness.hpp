#pragma once
// Test harness: an in-process relay on an ephemeral port with its own data directory, and a
// Beast WebSocket client that collects every frame it receives (reads never time out the stream).
// Beast stays out of this header so the test files compile quickly.
#include "relay/server.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace palabre::relay::testing {

using nlohmann::json;
using namespace std::chrono_literals;

// A fresh, empty directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A relay on 127.0.0.1:<ephemeral>, quiet, running on a background thread.
class RelayFixture {
 public:
  explicit RelayFixture(std::filesystem::path data_dir, Config config = {});
  ~RelayFixture() { stop(); }
  void stop();
  unsigned short port() const { return port_; }
  const std::vector<std::string>& load_warnings() const { return server_->load_warnings(); }

  static Config quiet_config();

 private:
  std::unique_ptr<Server> server_;
  unsigned short port_ = 0;
};

class Client {
 public:
  // Connects to ws://127.0.0.1:port/ws (Origin header if given). Throws on failure.
  explicit Client(unsigned short port, std::string origin = {});
  ~Client();

  void send(const std::string& text);
  void send(const char* text) { send(std::string(text)); }
  void send(const json& message) { send(message.dump()); }

  // The next frame as text, or nullopt if none arrives within `timeout` or the connection ended.
  std::optional<std::string> next_text(std::chrono::milliseconds timeout = 3s);
  // The next frame parsed as JSON (nullopt as above).
  std::optional<json> next(std::chrono::milliseconds timeout = 3s);
  // The next frame whose "t" is `type`, skipping others (they are kept in `skipped`).
  std::optional<json> next_of(const std::string& type, std::chrono::milliseconds timeout = 3s);
  // The code of the next `error` frame (skipping others), or "" if none arrives within `timeout`.
  std::string next_error_code(std::chrono::milliseconds timeout = 3s);
  // Envelopes from `events` frames until one with seq >= `seq` has arrived (skips other frames).
  std::vector<json> envelopes_until(std::int64_t seq, std::chrono::milliseconds timeout = 3s);
  // True if no frame arrives within `quiet`.
  bool silent_for(std::chrono::milliseconds quiet = 300ms);
  // Waits for the server to close; returns the close code (0 if the socket just dropped).
  std::optional<int> wait_closed(std::chrono::milliseconds timeout = 3s);
  bool is_closed() const;

  // Conveniences for the protocol.
  json create();                                   // sends create, returns `created`
  json join(const std::string& room, const std::string& token = {}, std::optional<std::int64_t> since = {});
  void event(const std::string& vis, const json& ev, std::optional<int> cid = {});

  std::vector<json> skipped;

 private:
  struct Connection;
  std::unique_ptr<Connection> c_;
};

// One plain HTTP GET (or other verb) with a raw target; returns status, content type and body.
struct HttpReply {
  int status = 0;
  std::string content_type;
  std::string body;
  std::map<std::string, std::string> headers;  // by lower-case name
  std::string header(const std::string& lower_case_name) const {
    const auto it = headers.find(lower_case_name);
    return it == headers.end() ? std::string() : it->second;
  }
};
HttpReply http_get(unsigned short port, const std::string& target, const std::string& method = "GET");
// One HTTP/1.1 request with these headers (name, value) and body.
HttpReply http_request(unsigned short port, const std::string& method, const std::string& target,
                       const std::vector<std::pair<std::string, std::string>>& headers = {},
                       const std::string& body = {});
// Writes `request` as given (bytes on the wire, body or not) and reads one answer, giving up after
// `timeout` (status 0 then): shows whether the relay answers without waiting for more.
HttpReply http_raw(unsigned short port, const std::string& request, std::chrono::milliseconds timeout = 3s);

// Every line of a file (header included), without the newlines.
std::vector<std::string> log_lines(const std::filesystem::path& file);

}  // namespace palabre::relay::testing
