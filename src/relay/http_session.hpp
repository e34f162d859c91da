#pragma once
// One HTTP connection (Beast chat-multi's http_session): static files, /healthz, /metrics, the
// rooms' blobs (/blob/, blobs.hpp), and the upgrade of /ws to a WebSocket session.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "relay/blobs.hpp"
#include "relay/net.hpp"

namespace palabre::relay {

struct State;

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(tcp::socket&& socket, std::shared_ptr<State> state);
  ~HttpSession();

  void run() { do_read(); }

 private:
  void do_read();
  void on_header(beast::error_code ec, std::size_t);
  void read_body();
  void on_read(beast::error_code ec, std::size_t);

  bool origin_allowed(const http::request<http::string_body>& req) const;

  // Writes `response`; `body_owner`, if any, owns what the body points to, and lives until written.
  template <class Response>
  void write(Response&& response, std::shared_ptr<const void> body_owner = nullptr);
  void shut_down();
  void drain_then_close();
  void drain();

  void respond_text(http::status status, std::string body, std::string_view type = "text/plain; charset=utf-8");

  void serve_blob(const std::string& path);
  void answer_blob_preflight();
  template <class Response>
  void set_allowed_origin(Response& res, bool any_origin) const;
  void respond_blob(BlobAnswer answer);
  template <class Response>
  void respond_blob(Response&& res, const BlobAnswer& answer, std::shared_ptr<const void> body_owner);

  void serve_file(const std::string& target);

  beast::tcp_stream stream_;
  std::shared_ptr<State> state_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  bool body_unread_ = false;  // refused on its header: the body, if any, was not read
};

}  // namespace palabre::relay
