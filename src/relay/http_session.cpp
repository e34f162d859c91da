#include "relay/http_session.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>

#include "relay/blobs.hpp"
#include "relay/state.hpp"
#include "relay/static_files.hpp"
#include "relay/ws_session.hpp"

namespace palabre::relay {

namespace {
std::string_view text_of(beast::string_view text) { return {text.data(), text.size()}; }

std::string path_of(beast::string_view target) {
  const std::string_view text = text_of(target);
  return std::string(text.substr(0, text.find('?')));
}
}  // namespace

HttpSession::HttpSession(tcp::socket&& socket, std::shared_ptr<State> state)
    : stream_(std::move(socket)), state_(std::move(state)) {
  ++state_->metrics.sockets_open;
}

HttpSession::~HttpSession() { --state_->metrics.sockets_open; }

void HttpSession::do_read() {
  parser_.emplace();
  parser_->header_limit(16 * 1024);
  // Beast checks a Content-Length against the body limit as soon as the header ends: the limit is
  // chosen in on_header, from the whole header, and checked there.
  parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
  body_unread_ = false;
  stream_.expires_after(std::chrono::seconds(30));
  http::async_read_header(stream_, buffer_, *parser_,
                          beast::bind_front_handler(&HttpSession::on_header, shared_from_this()));
}

// The header alone decides how much body a request may have: only a blob's PUT gets more than
// 16 KiB, and one refused on its header (no room, no host token, announced too big) is answered
// without reading its body.
void HttpSession::on_header(beast::error_code ec, std::size_t) {
  if (ec) return shut_down();
  const auto& req = parser_->get();
  if (req.method() != http::verb::put || !is_blob_path(path_of(req.target()))) {
    constexpr std::uint64_t kBodyLimit = 16 * 1024;
    if (parser_->content_length().value_or(0) > kBodyLimit) return shut_down();
    parser_->body_limit(kBodyLimit);  // a chunked body is counted as it comes
  } else {
    std::optional<std::uint64_t> announced;
    if (const auto length = parser_->content_length()) announced = *length;
    std::optional<BlobAnswer> refused;
    if (!origin_allowed(req)) refused = blob_origin_refused();
    else refused = check_blob_put(*state_, path_of(req.target()), text_of(req[http::field::authorization]), announced);
    if (refused) {
      ++state_->metrics.http_requests;
      body_unread_ = true;
      return respond_blob(std::move(*refused));
    }
    parser_->body_limit(state_->config.max_blob_bytes);  // a chunked body is counted as it comes
    stream_.expires_after(std::chrono::seconds(120));  // a few megabytes from a phone on a slow link
    if (beast::iequals(req[http::field::expect], "100-continue")) {  // curl's way for large bodies
      auto go_on = std::make_shared<http::response<http::empty_body>>(http::status::continue_, req.version());
      return http::async_write(stream_, *go_on, [self = shared_from_this(), go_on](beast::error_code ec, std::size_t) {
        if (ec) return self->shut_down();
        self->read_body();
      });
    }
  }
  read_body();
}

void HttpSession::read_body() {
  http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
}

void HttpSession::on_read(beast::error_code ec, std::size_t) {
  if (ec == http::error::body_limit && parser_->get().method() == http::verb::put &&
      is_blob_path(path_of(parser_->get().target()))) {  // a blob without Content-Length grew too big
    ++state_->metrics.http_requests;
    body_unread_ = true;
    return respond_blob(blob_body_too_big(*state_));
  }
  if (ec) return shut_down();
  ++state_->metrics.http_requests;
  auto& req = parser_->get();
  const std::string target(req.target());
  const std::string path = path_of(req.target());
  if (websocket::is_upgrade(req)) {
    if (path != "/ws") return respond_text(http::status::not_found, "no WebSocket here; use /ws\n");
    if (!origin_allowed(req)) return respond_text(http::status::forbidden, "origin not allowed\n");
    stream_.expires_never();
    std::make_shared<WsSession>(stream_.release_socket(), state_)->run(parser_->release());
    return;
  }
  if (is_blob_path(path)) return serve_blob(path);
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
void HttpSession::write(Response&& response, std::shared_ptr<const void> body_owner) {
  auto res = std::make_shared<std::decay_t<Response>>(std::forward<Response>(response));
  res->set(http::field::server, "palabre");
  for (const auto& [name, value] : security_headers()) {  // CSP, nosniff, no referrer… (docs/security.md)
    const beast::string_view field(name.data(), name.size());
    if (res->find(field) == res->end())  // a blob keeps its own, stricter policy
      res->set(field, beast::string_view(value.data(), value.size()));
  }
  // A body left unread would be taken for the next request: the connection ends with this answer.
  res->keep_alive(parser_->get().keep_alive() && !body_unread_);
  // A HEAD answer gives its length itself; a 204 has none at all (RFC 9110, 8.6).
  if (!res->has_content_length() && res->result() != http::status::no_content) res->prepare_payload();
  const bool keep_alive = res->keep_alive();
  http::async_write(stream_, *res,
                    [self = shared_from_this(), res, keep_alive, body_owner](beast::error_code ec, std::size_t) {
                      if (ec) return self->shut_down();
                      if (!keep_alive) return self->body_unread_ ? self->drain_then_close() : self->shut_down();
                      self->do_read();
                    });
}

void HttpSession::shut_down() {
  beast::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

// The client may still be sending the body the relay refused: closing with its bytes unread would
// reset the connection, and the client could lose the answer before reading it. So the relay stops
// sending, then reads and drops what still comes, for a few seconds at most, and closes.
void HttpSession::drain_then_close() {
  shut_down();
  stream_.expires_after(std::chrono::seconds(5));
  drain();
}

void HttpSession::drain() {
  static std::array<char, 16 * 1024> discarded;  // never read: one buffer for every connection
  stream_.async_read_some(net::buffer(discarded), [self = shared_from_this()](beast::error_code ec, std::size_t) {
    if (!ec) self->drain();
  });
}

void HttpSession::respond_text(http::status status, std::string body, std::string_view type) {
  http::response<http::string_body> res{status, parser_->get().version()};
  res.set(http::field::content_type, beast::string_view(type.data(), type.size()));
  res.set(http::field::cache_control, "no-store");
  if (parser_->get().method() != http::verb::head) res.body() = std::move(body);
  write(std::move(res));
}

// [SECTION] Blobs (docs/protocol.md "Blobs")

void HttpSession::serve_blob(const std::string& path) {
  const auto& req = parser_->get();
  switch (req.method()) {
    case http::verb::options: return answer_blob_preflight();
    case http::verb::put:
      return respond_blob(put_blob(*state_, path, text_of(req[http::field::authorization]), req.body()));
    case http::verb::get:
    case http::verb::head: return respond_blob(get_blob(*state_, path, text_of(req[http::field::if_none_match])));
    default: return respond_blob(blob_method_not_allowed());
  }
}

// The web app may come from a static host on another origin: its browser asks first whether it may
// PUT with an Authorization header.
void HttpSession::answer_blob_preflight() {
  const auto& req = parser_->get();
  if (!origin_allowed(req)) return respond_blob(blob_origin_refused());
  http::response<http::empty_body> res{http::status::no_content, req.version()};
  set_allowed_origin(res, /*any_origin=*/false);
  res.set(http::field::access_control_allow_methods, "PUT, GET, HEAD");
  res.set(http::field::access_control_allow_headers, "Authorization, Content-Type");
  res.set(http::field::access_control_max_age, "86400");
  res.set(http::field::cache_control, "no-store");
  write(std::move(res));
}

// Any page may read a blob (its hash is the capability); a PUT is answered to the allowed origins.
template <class Response>
void HttpSession::set_allowed_origin(Response& res, bool any_origin) const {
  if (any_origin || state_->config.allowed_origins.empty()) {
    res.set(http::field::access_control_allow_origin, "*");
    return;
  }
  const auto origin = parser_->get()[http::field::origin];
  if (origin.empty()) return;  // not a browser: nothing to allow
  res.set(http::field::access_control_allow_origin, origin);  // checked by origin_allowed
  res.set(http::field::vary, "Origin");
}

void HttpSession::respond_blob(BlobAnswer answer) {
  if (answer.bytes) {  // sent from the one shared copy, which the write keeps alive
    http::response<http::span_body<const char>> res{answer.status, parser_->get().version()};
    if (parser_->get().method() == http::verb::head) res.content_length(answer.bytes->size());
    else res.body() = {answer.bytes->data(), answer.bytes->size()};
    return respond_blob(std::move(res), answer, answer.bytes);
  }
  http::response<http::string_body> res{answer.status, parser_->get().version()};
  if (parser_->get().method() == http::verb::head) res.content_length(answer.body.size());
  else if (answer.status != http::status::not_modified) res.body() = std::move(answer.body);
  respond_blob(std::move(res), answer, nullptr);
}

template <class Response>
void HttpSession::respond_blob(Response&& res, const BlobAnswer& answer, std::shared_ptr<const void> body_owner) {
  const auto& req = parser_->get();
  if (!answer.content_type.empty())
    res.set(http::field::content_type, answer.content_type);
  // Whatever was uploaded is never a page or a script on the relay's origin.
  res.set("Content-Security-Policy", "default-src 'none'; sandbox");
  res.set("Cross-Origin-Resource-Policy", "cross-origin");
  const bool readable = req.method() == http::verb::get || req.method() == http::verb::head;
  if (readable || origin_allowed(req)) set_allowed_origin(res, readable);
  if (!answer.etag.empty()) {  // a blob never changes: its name is its content's hash
    res.set(http::field::etag, answer.etag);
    res.set(http::field::cache_control, "public, max-age=31536000, immutable");
  } else {
    res.set(http::field::cache_control, "no-store");
  }
  write(std::forward<Response>(res), std::move(body_owner));
}

// [SECTION] Static files

void HttpSession::serve_file(const std::string& target) {
  const auto file = resolve_static(state_->config.web_dir, target);
  if (!file) return respond_text(http::status::not_found, "not found\n");
  const auto& req = parser_->get();
  // The build's gzip or brotli copy when the browser takes it; revalidated on every use (no-cache)
  // against a validator, so that a second visit costs a 304 per file, not the bytes.
  const auto field = [&](http::field name) {
    const auto value = req[name];
    return std::string_view(value.data(), value.size());
  };
  const StaticVariant variant = static_variant(state_->config.web_dir, *file, field(http::field::accept_encoding));
  const std::string etag = static_etag(variant);
  const std::string_view type = content_type(*file);
  const auto headers = [&](auto& res) {
    res.set(http::field::content_type, beast::string_view(type.data(), type.size()));
    if (!variant.encoding.empty()) res.set(http::field::content_encoding, beast::string_view(variant.encoding.data(), variant.encoding.size()));
    res.set(http::field::vary, "Accept-Encoding");
    res.set(http::field::etag, etag);
    res.set(http::field::cache_control, "no-cache");
  };
  if (etag_matches(field(http::field::if_none_match), etag)) {
    http::response<http::empty_body> res{http::status::not_modified, req.version()};
    headers(res);
    res.content_length(0);  // (a 304 has no body; Beast writes none)
    return write(std::move(res));
  }
  beast::error_code ec;
  http::file_body::value_type body;
  body.open(variant.file.c_str(), beast::file_mode::scan, ec);
  if (ec) return respond_text(http::status::not_found, "not found\n");
  const auto size = body.size();
  if (req.method() == http::verb::head) {
    http::response<http::empty_body> res{http::status::ok, req.version()};
    headers(res);
    res.content_length(size);
    return write(std::move(res));
  }
  http::response<http::file_body> res{std::piecewise_construct, std::make_tuple(std::move(body)),
                                      std::make_tuple(http::status::ok, req.version())};
  headers(res);
  write(std::move(res));
}

}  // namespace palabre::relay
