#include "relay_harness.hpp"

#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange unincluded

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <cctype>
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

struct Client::Connection {
  net::io_context ioc;
  websocket::stream<beast::tcp_stream> ws{ioc};
  beast::flat_buffer buffer;
  std::deque<std::string> inbox;
  bool closed = false;

  void start_read() {
    ws.async_read(buffer, [this](beast::error_code ec, std::size_t) {
      if (ec) {
        closed = true;
        return;
      }
      inbox.push_back(beast::buffers_to_string(buffer.data()));
      buffer.consume(buffer.size());
      start_read();
    });
  }
};

Client::Client(unsigned short port, std::string origin) : c_(std::make_unique<Connection>()) {
  beast::get_lowest_layer(c_->ws).connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  if (!origin.empty())
    c_->ws.set_option(websocket::stream_base::decorator(
        [origin](websocket::request_type& req) { req.set(http::field::origin, origin); }));
  c_->ws.handshake("127.0.0.1:" + std::to_string(port), "/ws");
  c_->start_read();
}

Client::~Client() {
  beast::error_code ec;
  beast::get_lowest_layer(c_->ws).socket().close(ec);
  c_->ioc.restart();
  c_->ioc.poll();
}

bool Client::is_closed() const { return c_->closed; }

void Client::send(const std::string& text) {
  bool done = false;
  beast::error_code result;
  c_->ws.text(true);
  c_->ws.async_write(net::buffer(text), [&](beast::error_code ec, std::size_t) {
    done = true;
    result = ec;
  });
  c_->ioc.restart();
  while (!done && !c_->ioc.stopped()) c_->ioc.run_one_for(3s);
  if (result) throw std::runtime_error("write failed: " + result.message());
}

std::optional<std::string> Client::next_text(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  c_->ioc.restart();
  while (c_->inbox.empty() && !c_->closed) {
    const auto left = deadline - std::chrono::steady_clock::now();
    if (left <= 0s) break;
    c_->ioc.run_one_for(left);
    if (c_->ioc.stopped()) c_->ioc.restart();
  }
  if (c_->inbox.empty()) return std::nullopt;
  std::string text = std::move(c_->inbox.front());
  c_->inbox.pop_front();
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

std::string Client::next_error_code(std::chrono::milliseconds timeout) {
  const auto error = next_of("error", timeout);
  return error ? error->value("code", "") : std::string();
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
  while (!c_->closed) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left <= 0ms) return std::nullopt;
    if (next_text(left)) continue;  // drain frames before the close
  }
  return int(c_->ws.reason().code);
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

namespace {
template <class Response>
HttpReply reply_of(const Response& res) {
  HttpReply reply{int(res.result_int()), std::string(res[http::field::content_type]), res.body(), {}};
  for (const auto& field : res) {
    std::string name(field.name_string());
    for (auto& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    reply.headers[name] = std::string(field.value());
  }
  return reply;
}
}  // namespace

HttpReply http_get(unsigned short port, const std::string& target, const std::string& method) {
  return http_request(port, method, target);
}

HttpReply http_request(unsigned short port, const std::string& method, const std::string& target,
                       const std::vector<std::pair<std::string, std::string>>& headers, const std::string& body) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  http::request<http::string_body> req{http::string_to_verb(method), target, 11};
  req.set(http::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) req.set(name, value);
  if (!body.empty() || method == "PUT" || method == "POST") {
    req.body() = body;
    req.prepare_payload();
  }
  http::write(stream, req);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  if (method == "HEAD") parser.skip(true);
  http::read(stream, buffer, parser);
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  return reply_of(parser.get());
}

HttpReply http_raw(unsigned short port, const std::string& request, std::chrono::milliseconds timeout) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  net::write(stream.socket(), net::buffer(request));
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  HttpReply reply;
  stream.expires_after(timeout);
  http::async_read(stream, buffer, parser, [&](beast::error_code ec, std::size_t) {
    if (!ec) reply = reply_of(parser.get());
  });
  ioc.run();
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  return reply;
}

std::vector<std::string> log_lines(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace palabre::relay::testing
