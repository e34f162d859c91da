#include "relay_harness.hpp"

#include <fstream>
#include <random>
#include <stdexcept>

namespace palabre::relay::testing {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;

TempDir::TempDir() {
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() / ("palabre-relay-test-" + std::to_string(random()) + std::to_string(random()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

Config RelayFixture::quiet_config() {
  Config config;
  config.log_connections = false;
  config.fsync = FsyncPolicy::never;
  return config;
}

RelayFixture::RelayFixture(std::filesystem::path data_dir, Config config) {
  config.bind = "127.0.0.1";
  config.port = 0;
  config.data_dir = std::move(data_dir);
  server_ = std::make_unique<Server>(config);
  port_ = server_->open();
  server_->start();
}

void RelayFixture::stop() {
  if (server_) server_->stop();
}

Client::Client(unsigned short port, std::string origin) : ws_(ioc_) {
  beast::get_lowest_layer(ws_).connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  if (!origin.empty())
    ws_.set_option(websocket::stream_base::decorator(
        [origin](websocket::request_type& req) { req.set(http::field::origin, origin); }));
  ws_.handshake("127.0.0.1:" + std::to_string(port), "/ws");
  start_read();
}

Client::~Client() {
  beast::error_code ec;
  beast::get_lowest_layer(ws_).socket().close(ec);
  ioc_.restart();
  ioc_.poll();
}

void Client::start_read() {
  ws_.async_read(buffer_, [this](beast::error_code ec, std::size_t) {
    if (ec) {
      closed_ = true;
      return;
    }
    inbox_.push_back(beast::buffers_to_string(buffer_.data()));
    buffer_.consume(buffer_.size());
    start_read();
  });
}

void Client::send(const std::string& text) {
  bool done = false;
  beast::error_code result;
  ws_.text(true);
  ws_.async_write(net::buffer(text), [&](beast::error_code ec, std::size_t) {
    done = true;
    result = ec;
  });
  ioc_.restart();
  while (!done && !ioc_.stopped()) ioc_.run_one_for(3s);
  if (result) throw std::runtime_error("write failed: " + result.message());
}

std::optional<std::string> Client::next_text(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  ioc_.restart();
  while (inbox_.empty() && !closed_) {
    const auto left = deadline - std::chrono::steady_clock::now();
    if (left <= 0s) break;
    ioc_.run_one_for(left);
    if (ioc_.stopped()) ioc_.restart();
  }
  if (inbox_.empty()) return std::nullopt;
  std::string text = std::move(inbox_.front());
  inbox_.pop_front();
  return text;
}

std::optional<json> Client::next(std::chrono::milliseconds timeout) {
  const auto text = next_text(timeout);
  if (!text) return std::nullopt;
  return json::parse(*text);
}

std::optional<json> Client::next_of(const std::string& type, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left <= 0ms) return std::nullopt;
    auto message = next(left);
    if (!message) return std::nullopt;
    if (message->value("t", "") == type) return message;
    skipped.push_back(std::move(*message));
  }
}

std::vector<json> Client::envelopes_until(std::int64_t seq, std::chrono::milliseconds timeout) {
  std::vector<json> out;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (out.empty() || out.back()["seq"].get<std::int64_t>() < seq) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left <= 0ms) break;
    const auto frame = next_of("events", left);
    if (!frame) break;
    for (const auto& env : (*frame)["envs"]) out.push_back(env);
  }
  return out;
}

bool Client::silent_for(std::chrono::milliseconds quiet) { return !next_text(quiet).has_value(); }

std::optional<int> Client::wait_closed(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!closed_) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left <= 0ms) return std::nullopt;
    if (next_text(left)) continue;  // drain frames before the close
  }
  return int(ws_.reason().code);
}

json Client::create() {
  send(json{{"t", "create"}});
  auto created = next_of("created");
  if (!created) throw std::runtime_error("no created answer");
  return *created;
}

json Client::join(const std::string& room, const std::string& token, std::optional<std::int64_t> since) {
  json msg{{"t", "join"}, {"room", room}};
  if (!token.empty()) msg["token"] = token;
  if (since) msg["since"] = *since;
  send(msg);
  auto answer = next();
  if (!answer) throw std::runtime_error("no answer to join");
  return *answer;
}

void Client::event(const std::string& vis, const json& ev, std::optional<int> cid) {
  json msg{{"t", "event"}, {"vis", vis}, {"ev", ev}};
  if (cid) msg["cid"] = *cid;
  send(msg);
}

HttpReply http_get(unsigned short port, const std::string& target, const std::string& method) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  http::request<http::empty_body> req{http::string_to_verb(method), target, 11};
  req.set(http::field::host, "127.0.0.1");
  http::write(stream, req);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  if (method == "HEAD") parser.skip(true);
  http::read(stream, buffer, parser);
  const auto& res = parser.get();
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  return {int(res.result_int()), std::string(res[http::field::content_type]), res.body()};
}

std::vector<std::string> log_lines(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace palabre::relay::testing
