#include "relay/http_session.hpp"

#include <algorithm>

#include "relay/state.hpp"
#include "relay/static_files.hpp"
#include "relay/ws_session.hpp"

namespace palabre::relay {

HttpSession::HttpSession(tcp::socket&& socket, std::shared_ptr<State> state)
    : stream_(std::move(socket)), state_(std::move(state)) {
  ++state_->metrics.sockets_open;
}

HttpSession::~HttpSession() { --state_->metrics.sockets_open; }

void HttpSession::do_read() {
  parser_.emplace();
  parser_->header_limit(16 * 1024);
  parser_->body_limit(16 * 1024);
  stream_.expires_after(std::chrono::seconds(30));
  http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
}

void HttpSession::on_read(beast::error_code ec, std::size_t) {
  if (ec) {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    return;
  }
  ++state_->metrics.http_requests;
  auto& req = parser_->get();
  const std::string target(req.target());
  const std::string path = target.substr(0, target.find('?'));
  if (websocket::is_upgrade(req)) {
    if (path != "/ws") return respond_text(http::status::not_found, "no WebSocket here; use /ws\n");
    if (!origin_allowed(req)) return respond_text(http::status::forbidden, "origin not allowed\n");
    stream_.expires_never();
    std::make_shared<WsSession>(stream_.release_socket(), state_)->run(parser_->release());
    return;
  }
  if (req.method() != http::verb::get && req.method() != http::verb::head)
    return respond_text(http::status::method_not_allowed, "GET or HEAD only\n");
  if (path == "/healthz") return respond_text(http::status::ok, "ok\n");
  if (path == "/metrics") return respond_text(http::status::ok, state_->metrics_text(), "text/plain; version=0.0.4");
  if (path == "/ws") return respond_text(http::status::upgrade_required, "WebSocket endpoint\n");
  serve_file(target);
}

bool HttpSession::origin_allowed(const http::request<http::string_body>& req) const {
  const auto& allowed = state_->config.allowed_origins;
  const auto origin = req[http::field::origin];
  if (allowed.empty() || origin.empty()) return true;  // non-browser clients send no Origin
  return std::find(allowed.begin(), allowed.end(), std::string(origin)) != allowed.end();
}

template <class Response>
void HttpSession::write(Response&& response) {
  auto res = std::make_shared<std::decay_t<Response>>(std::forward<Response>(response));
  res->set(http::field::server, "palabre");
  for (const auto& [name, value] : security_headers())  // CSP, nosniff, no referrer… (docs/security.md)
    res->set(beast::string_view(name.data(), name.size()), beast::string_view(value.data(), value.size()));
  res->keep_alive(parser_->get().keep_alive());
  res->prepare_payload();
  const bool keep_alive = res->keep_alive();
  http::async_write(stream_, *res,
                    [self = shared_from_this(), res, keep_alive](beast::error_code ec, std::size_t) {
                      if (ec || !keep_alive) {
                        beast::error_code ignored;
                        self->stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
                        return;
                      }
                      self->do_read();
                    });
}

void HttpSession::respond_text(http::status status, std::string body, std::string_view type) {
  http::response<http::string_body> res{status, parser_->get().version()};
  res.set(http::field::content_type, beast::string_view(type.data(), type.size()));
  res.set(http::field::cache_control, "no-store");
  if (parser_->get().method() != http::verb::head) res.body() = std::move(body);
  write(std::move(res));
}

void HttpSession::serve_file(const std::string& target) {
  const auto file = resolve_static(state_->config.web_dir, target);
  if (!file) return respond_text(http::status::not_found, "not found\n");
  beast::error_code ec;
  http::file_body::value_type body;
  body.open(file->c_str(), beast::file_mode::scan, ec);
  if (ec) return respond_text(http::status::not_found, "not found\n");
  const auto size = body.size();
  if (parser_->get().method() == http::verb::head) {
    http::response<http::empty_body> res{http::status::ok, parser_->get().version()};
    res.set(http::field::content_type, beast::string_view(content_type(*file).data(), content_type(*file).size()));
    res.content_length(size);
    return write(std::move(res));
  }
  http::response<http::file_body> res{std::piecewise_construct, std::make_tuple(std::move(body)),
                                      std::make_tuple(http::status::ok, parser_->get().version())};
  res.set(http::field::content_type, beast::string_view(content_type(*file).data(), content_type(*file).size()));
  res.set(http::field::cache_control, "no-cache");
  write(std::move(res));
}

}  // namespace palabre::relay
