#pragma once
// One WebSocket connection (Beast chat-multi's websocket_session): reads frames and hands them to
// State; queues what it is sent, one write in flight, under a backlog limit; sends a history answer
// a page at a time; a broadcast frame may wait for the room's deferred fan-out.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "protocol/history.hpp"
#include "protocol/roster.hpp"
#include "relay/net.hpp"

namespace palabre::relay {

struct Room;
struct State;
using protocol::HistoryCursor;
using protocol::Role;

// `events` frames ({"t":"events","envs":[…]}) can be merged into one: their envelope lists joined.
bool is_events_frame(std::string_view frame);
// One events frame with the envelopes of `first` then those of `second`.
Frame merged_events(std::string_view first, std::string_view second);

class WsSession : public std::enable_shared_from_this<WsSession> {
 public:
  WsSession(tcp::socket&& socket, std::shared_ptr<State> state);

  ~WsSession();

  void run(http::request<http::string_body> request);

  // Queues a frame; one async_write in flight at a time. Everything queued counts against the
  // connection's backlog limit (max_queued_bytes); while a history answer is being sent, what
  // follows it waits behind it, so a member sees envelopes in seq order and `pong` after the history.
  void send(Frame frame) {
    release_deferred();
    enqueue(std::move(frame));
  }

  // Starts a history answer (envelopes after `since` up to the room's last), sent a page at a time
  // (protocol/history.hpp); false if one is still being sent: at most one per connection.
  bool start_history(const std::shared_ptr<Room>& room, std::int64_t since);
  bool sending_history() const { return history_.has_value(); }

  // A broadcast frame this connection gets a little later, when the room's deferred fan-out reaches
  // it (State::drain_deferred), or before anything else sent to it: its order never changes.
  void defer(Frame frame) {
    release_deferred();
    deferred_ = std::move(frame);
  }
  // The frame still waiting for the deferred fan-out, if any; State replaces it by a merged one when
  // the next broadcast arrives first, so a connection the fan-out has not reached yet gets one frame
  // (one write) for both instead of two.
  const Frame& deferred() const { return deferred_; }
  void replace_deferred(Frame merged) { deferred_ = std::move(merged); }
  void release_deferred() {
    if (deferred_) enqueue(std::exchange(deferred_, nullptr));
  }

  void send_text(std::string text) { send(std::make_shared<const std::string>(std::move(text))); }

 private:
  void enqueue(Frame frame, bool history_page = false);

  // The next page of the history answer once nothing is in flight; when it is all sent, the
  // frames held behind it follow.
  void pump_history();

 public:
  // Drops the connection at once, saying why (it resumes with its token).
  void drop(const char* reason);

  // Closes with `code` once the frames already queued are written.
  void close_after_writes(websocket::close_code code);

  // Closes the socket at once (relay shutting down).
  void abort();

  // Token bucket: false if this message is over the connection's rate.
  bool take_token();

  // Fair limits (issue 16): creates and tokenless joins this connection may still make this minute.
  bool take_create() { return take_in_minute(creates_); }
  bool take_tokenless_join() { return take_in_minute(tokenless_joins_); }

  std::uint64_t id() const { return id_; }
  bool closing() const { return closing_; }
  int strikes = 0;

  // Membership, managed by State.
  std::shared_ptr<Room> room;
  std::string member_id;
  Role role = Role::participant;
  std::string closed_room;  // the room that was closed under this connection, if any
  bool removed = false;     // its member was removed from that room by the host
  bool sees_staff() const { return role == Role::host || role == Role::kiosk; }

 private:
  void on_accept(beast::error_code ec);

  void do_read() { ws_.async_read(buffer_, beast::bind_front_handler(&WsSession::on_read, shared_from_this())); }

  void on_read(beast::error_code ec, std::size_t);

  void do_write();

  // A reader that fell behind has several `events` frames queued: send them as one, so a slow host
  // or kiosk catches up in fewer, larger messages instead of falling further behind.
  void coalesce_events();

  void on_write(beast::error_code ec, std::size_t);

  void do_close();

  void fail(beast::error_code ec, const char* what);

  // On the bare socket, not beast::tcp_stream: the WebSocket layer has its own timeouts, and
  // tcp_stream's per-operation timeout bookkeeping showed in the profile of every write.
  websocket::stream<tcp::socket> ws_;
  std::shared_ptr<State> state_;
  std::uint64_t id_;
  std::string peer_;
  beast::flat_buffer buffer_;
  struct Queued {
    Frame frame;
    std::size_t counted;  // bytes counted against max_queued_bytes
  };
  std::deque<Queued> queue_;
  struct History {
    std::weak_ptr<Room> room;
    HistoryCursor cursor;
  };
  std::optional<History> history_;
  std::deque<Queued> held_;  // frames that follow the history answer being sent
  Frame deferred_;
  std::size_t queued_bytes_ = 0;
  bool accepted_ = false, closing_ = false, ended_ = false;
  std::optional<websocket::close_code> close_code_;
  // Rate limits run on the real steady clock, not Config::steady_now: they measure this
  // connection's seconds, which no test needs to fake.
  double tokens_ = 0;
  Clock::time_point refilled_at_ = Clock::now();
  struct MinuteCount {
    int used = 0;
    int limit = 0;
  };
  MinuteCount creates_, tokenless_joins_;
  Clock::time_point minute_started_ = Clock::now();
  bool take_in_minute(MinuteCount& count);
};

}  // namespace palabre::relay
