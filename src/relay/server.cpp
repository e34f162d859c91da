// The relay: listener → HTTP session (static files, /healthz, /metrics, upgrade) → WebSocket
// session; rooms of members; stamping, batching per loop tick, persistence before fan-out.
// Shaped like Boost.Beast's example/websocket/server/chat-multi, on a single event-loop thread, so
// rooms need no locks and `seq` order is the order of the loop.
//
// [SECTION] Types: members, rooms, pending envelopes, metrics
// [SECTION] State: the relay's rooms and the protocol
// [SECTION] WebSocket session
// [SECTION] HTTP session
// [SECTION] Listener
// [SECTION] State: message handling
// [SECTION] State: rooms, batching, persistence
// [SECTION] State: metrics and timers
// [SECTION] Server
#include "server.hpp"

#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange unincluded

#include "protocol/client_frame.hpp"
#include "protocol/envelope.hpp"
#include "protocol/errors.hpp"
#include "protocol/frames.hpp"
#include "protocol/history.hpp"
#include "protocol/roster.hpp"
#include "redis_store.hpp"
#include "secrets.hpp"
#include "static_files.hpp"
#include "store.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <map>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <unordered_set>

namespace palabre::relay {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using nlohmann::json;
using namespace protocol;  // frames, envelopes, error texts, tokens: the protocol both hosts speak
using Clock = std::chrono::steady_clock;
using Frame = std::shared_ptr<const std::string>;

namespace {

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// `events` frames ({"t":"events","envs":[…]}) can be merged into one: their envelope lists joined.
constexpr std::string_view kEventsPrefix = R"({"t":"events","envs":[)";
bool is_events_frame(std::string_view frame) {
  return frame.size() >= kEventsPrefix.size() + 2 && frame.substr(0, kEventsPrefix.size()) == kEventsPrefix;
}
// Appends the envelopes of events `frame` to `merged`, an events frame without its closing "]}".
void append_envs(std::string& merged, std::string_view frame) {
  merged.push_back(',');
  merged.append(frame.substr(kEventsPrefix.size(), frame.size() - kEventsPrefix.size() - 2));
}
// One events frame with the envelopes of `first` then those of `second`.
Frame merged_events(std::string_view first, std::string_view second) {
  std::string merged;
  merged.reserve(first.size() + second.size());
  merged.append(first.substr(0, first.size() - 2));
  append_envs(merged, second);
  merged.append("]}");
  return std::make_shared<const std::string>(std::move(merged));
}

// Expected ways for a connection to end: not worth a log line.
bool is_expected_close(beast::error_code ec) {
  return ec == net::error::operation_aborted || ec == websocket::error::closed || ec == net::error::eof ||
         ec == http::error::end_of_stream || ec == net::error::connection_reset ||
         ec == net::error::broken_pipe || ec == beast::error::timeout;
}

}  // namespace

// [SECTION] Types: members, rooms, pending envelopes, metrics ------------------------------------

class WsSession;

// An envelope stamped this tick, not yet on disk nor sent.
struct Pending {
  StoredEnvelope env;
  // What the envelope is made of, so it can be renumbered when another relay took its seq (--redis).
  std::string from;
  std::string_view role;  // a literal: role_name() or "relay"
  std::string ev_text;
  std::weak_ptr<WsSession> sender;  // to ack; empty for the relay's own envelopes
  std::string cid;                  // the client's cid as JSON text; empty if none
  Clock::time_point received;
};

struct Room {
  std::string code;
  std::int64_t created_ms = 0;
  Roster roster;
  std::vector<StoredEnvelope> envelopes;  // on disk and sent, in seq order
  std::vector<Pending> pending;           // this tick's
  std::int64_t next_seq = 1;
  std::int64_t last_at = 0;
  std::unordered_set<WsSession*> sessions;
  // The same connections by member, and the hosts' and kiosks' alone: a batch without public
  // envelopes (votes, presence) then touches only the connections that receive something.
  std::unordered_map<std::string, std::unordered_set<WsSession*>> sessions_by_member;
  std::unordered_set<WsSession*> staff_sessions;
  RoomFiles files;
  bool flush_scheduled = false;
  bool closing = false, closed_elsewhere = false;  // closed here / by a host on another relay (--redis)
  // Participants whose public frame is deferred (WsSession::defer), served a chunk per loop turn so
  // that a 10,000-way fan-out does not hold up the votes arriving meanwhile. Pointers are checked
  // against `sessions` before use: a connection gone since is skipped.
  std::vector<WsSession*> deferred;
  std::size_t deferred_next = 0;
  bool drain_scheduled = false;
  Clock::time_point last_activity = Clock::now();

  std::int64_t last_seq() const { return envelopes.empty() ? 0 : envelopes.back().seq; }

  void add_session(WsSession* session, const std::string& member_id, bool staff) {
    sessions.insert(session);
    sessions_by_member[member_id].insert(session);
    if (staff) staff_sessions.insert(session);
  }
  void remove_session(WsSession* session, const std::string& member_id) {
    sessions.erase(session);
    staff_sessions.erase(session);
    if (const auto it = sessions_by_member.find(member_id); it != sessions_by_member.end()) {
      it->second.erase(session);
      if (it->second.empty()) sessions_by_member.erase(it);
    }
  }
};

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

// [SECTION] State: the relay's rooms and the protocol ----------------------------------------------

struct State : std::enable_shared_from_this<State> {
  State(net::io_context& ioc, Config config) : ioc(ioc), config(std::move(config)), sync_timer(ioc), expiry_timer(ioc) {}

  net::io_context& ioc;
  Config config;
  std::map<std::string, std::shared_ptr<Room>> rooms;
  std::unordered_set<WsSession*> sessions;
  Metrics metrics;
  std::uint64_t next_connection_id = 1;
  bool stopping = false;
  net::steady_timer sync_timer, expiry_timer;
  std::vector<std::string> load_warnings;

  // With --redis: rooms live in Redis; the follower brings other relays' envelopes.
  std::unique_ptr<RedisStore> redis;
  std::unique_ptr<RedisFollower> follower;

  void load();
  void start_timers();
  void arm_sync_timer();
  void arm_expiry_timer();

  // One JSON line on stderr per connection event; never a token.
  void log(json line) {
    if (!config.log_connections) return;
    line["ts"] = now_ms();
    // `replace`: a log line never throws, whatever bytes a system or peer error message holds.
    const std::string text = line.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    std::fwrite(text.data(), 1, text.size(), stderr);
  }

  // The clock behind `at`: the system's, or the one a test injects (Config::clock_ms).
  std::int64_t wall_ms() const { return config.clock_ms ? config.clock_ms() : now_ms(); }

  // Protocol.
  void handle(WsSession& session, std::string_view text);
  void handle_create(WsSession& session);
  void handle_join(WsSession& session, const ClientFrame& frame);
  void handle_event(WsSession& session, ClientFrame& frame);
  void handle_sync(WsSession& session, const ClientFrame& frame);
  void handle_close(WsSession& session);
  void reject(WsSession& session, std::string_view code, std::string_view message, const std::string& cid = {});
  void reject(WsSession& session, const ErrorText& error, const std::string& cid = {}) {
    reject(session, error.code, error.message, cid);
  }
  void reject_not_joined(WsSession& session, const std::string& cid = {});

  // Rooms.
  void attach(WsSession& session, const std::shared_ptr<Room>& room, const std::string& member_id);
  void detach(WsSession& session);
  void stamp(Room& room, bool staff, std::string sender, std::string from, std::string_view role,
             std::string_view ev_text, std::weak_ptr<WsSession> sender_session, std::string cid);
  void schedule_flush(const std::shared_ptr<Room>& room);
  void flush(Room& room);
  bool persist(Room& room, std::vector<Pending>& batch);
  bool persist_redis(Room& room, std::vector<Pending>& batch);
  void fan_out(Room& room, const std::vector<const StoredEnvelope*>& envs);
  void drain_deferred(const std::shared_ptr<Room>& room);
  std::shared_ptr<Room> room_from_redis(const std::string& code);
  bool catch_up(Room& room);
  void absorb(const std::string& code, std::vector<StoredEnvelope> envs);
  void send_history(WsSession& session, const std::shared_ptr<Room>& room, std::int64_t since);
  // Closes the room for its members here; deletes its files (or Redis keys) if `delete_data`.
  void close_room(std::shared_ptr<Room> room, bool delete_data = true);
  // At max_rooms: the oldest room nobody is in, nobody ever joined and the host prepared nothing
  // in, created over --evict-unjoined-after ago, is deleted so that a real host is not refused.
  void evict_an_unjoined_room();
  void stop_everything();

  std::string metrics_text() const;
};

// [SECTION] WebSocket session ----------------------------------------------------------------------

class WsSession : public std::enable_shared_from_this<WsSession> {
 public:
  WsSession(tcp::socket&& socket, std::shared_ptr<State> state)
      : ws_(std::move(socket)), state_(std::move(state)), id_(state_->next_connection_id++) {
    beast::error_code ec;
    const auto endpoint = ws_.next_layer().remote_endpoint(ec);
    // Addresses are personal data: logged only when the operator asks (--log-peer).
    if (!ec && state_->config.log_peer) peer_ = endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
    tokens_ = state_->config.message_burst;
    ++state_->metrics.sockets_open;
  }

  ~WsSession() {
    --state_->metrics.sockets_open;
    if (accepted_) --state_->metrics.connections_open;
    state_->sessions.erase(this);
    if (room && !state_->stopping) state_->detach(*this);
    if (room) room->remove_session(this, member_id);
  }

  void run(http::request<http::string_body> request) {
    const auto& config = state_->config;
    ws_.set_option(websocket::stream_base::timeout{std::chrono::seconds(30), config.idle_timeout, true});
    ws_.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& res) { res.set(http::field::server, "palabre"); }));
    ws_.read_message_max(config.hard_message_bytes);
    // One WebSocket frame per message: Beast's default splits a message into 4 KiB frames, each its
    // own write and its own trip through the event loop, so a host catching up on a large merged
    // `events` frame would take dozens of loop turns behind the room's fan-out to receive it.
    ws_.auto_fragment(false);
    ws_.async_accept(request, beast::bind_front_handler(&WsSession::on_accept, shared_from_this()));
  }

  // Queues a frame; one async_write in flight at a time. Everything queued counts against the
  // connection's backlog limit (max_queued_bytes); while a history answer is being sent, what
  // follows it waits behind it, so a member sees envelopes in seq order and `pong` after the history.
  void send(Frame frame) {
    release_deferred();
    enqueue(std::move(frame));
  }

  // Starts a history answer (envelopes after `since` up to the room's last), sent a page at a time
  // (relay/history.hpp); false if one is still being sent: at most one per connection.
  bool start_history(const std::shared_ptr<Room>& room, std::int64_t since) {
    if (history_) return false;
    release_deferred();
    history_ = History{room, {since, room->last_seq()}};
    pump_history();
    return true;
  }
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
  void enqueue(Frame frame, bool history_page = false) {
    if (closing_ || !accepted_) return;
    queued_bytes_ += frame->size();
    if (queued_bytes_ > state_->config.max_queued_bytes) return drop("slow reader");
    state_->metrics.frames_out += 1;
    state_->metrics.bytes_out += frame->size();
    auto& to = history_ && !history_page ? held_ : queue_;
    const std::size_t size = frame->size();
    to.push_back({std::move(frame), size});
    if (queue_.size() == 1 && &to == &queue_) do_write();
  }

  // The next page of the history answer once nothing is in flight; when it is all sent, the
  // frames held behind it follow.
  void pump_history() {
    if (!history_ || !queue_.empty() || closing_) return;
    const auto room = history_->room.lock();
    Frame page;
    if (room && room == this->room)
      page = next_history_page(room->envelopes, history_->cursor, [this](const StoredEnvelope& e) { return visible_to(e, sees_staff(), member_id); });
    if (page) {
      state_->metrics.envelopes_out += std::exchange(history_->cursor.envelopes, 0);
      return enqueue(std::move(page), true);
    }
    history_.reset();
    while (!held_.empty()) {
      queue_.push_back(std::move(held_.front()));
      held_.pop_front();
    }
    if (!queue_.empty()) do_write();
  }

 public:
  // Drops the connection at once, saying why (it resumes with its token).
  void drop(const char* reason) {
    if (closing_) return;
    // A reader this slow would hold the whole room's memory.
    state_->log({{"event", "drop"}, {"conn", id_}, {"reason", reason}});
    closing_ = true;
    beast::error_code ec;
    ws_.next_layer().close(ec);
  }

  // Closes with `code` once the frames already queued are written.
  void close_after_writes(websocket::close_code code) {
    if (closing_) return;
    release_deferred();
    const bool idle = queue_.empty();
    history_.reset();  // the rest of a history answer is not owed to a connection being closed
    while (!held_.empty()) {
      queue_.push_back(std::move(held_.front()));
      held_.pop_front();
    }
    close_code_ = code;
    closing_ = true;
    if (queue_.empty()) do_close();
    else if (idle) do_write();
  }

  // Closes the socket at once (relay shutting down).
  void abort() {
    closing_ = true;
    beast::error_code ec;
    ws_.next_layer().close(ec);
  }

  // Token bucket: false if this message is over the connection's rate.
  bool take_token() {
    const auto now = Clock::now();
    const double elapsed = std::chrono::duration<double>(now - refilled_at_).count();
    refilled_at_ = now;
    tokens_ = std::min(state_->config.message_burst, tokens_ + elapsed * state_->config.messages_per_second);
    if (tokens_ < 1) return false;
    tokens_ -= 1;
    return true;
  }

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
  bool sees_staff() const { return role == Role::host || role == Role::kiosk; }

 private:
  void on_accept(beast::error_code ec) {
    if (ec) return fail(ec, "accept");
    accepted_ = true;
    state_->sessions.insert(this);
    ++state_->metrics.connections_open;
    ++state_->metrics.connections_total;
    json open_line{{"event", "open"}, {"conn", id_}};
    if (!peer_.empty()) open_line["peer"] = peer_;
    state_->log(std::move(open_line));
    do_read();
  }

  void do_read() { ws_.async_read(buffer_, beast::bind_front_handler(&WsSession::on_read, shared_from_this())); }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec) return fail(ec, "read");
    const std::string text = beast::buffers_to_string(buffer_.data());
    buffer_.consume(buffer_.size());
    // The protocol is text frames only (docs/protocol.md): a binary one is refused with 1003.
    if (!ws_.got_text()) close_after_writes(websocket::close_code::unknown_data);
    if (!closing_) state_->handle(*this, text);
    do_read();  // keep reading until the close handshake ends
  }

  void do_write() {
    coalesce_events();
    ws_.text(true);
    ws_.async_write(net::buffer(*queue_.front().frame), beast::bind_front_handler(&WsSession::on_write, shared_from_this()));
  }

  // A reader that fell behind has several `events` frames queued: send them as one, so a slow host
  // or kiosk catches up in fewer, larger messages instead of falling further behind.
  void coalesce_events() {
    constexpr std::size_t kMaxMerged = 1024 * 1024;
    auto is_events = [](const Queued& q) { return is_events_frame(*q.frame); };
    if (queue_.size() < 2 || !is_events(queue_[0]) || !is_events(queue_[1])) return;
    const std::string_view first = *queue_.front().frame;
    std::string merged(first.substr(0, first.size() - 2));  // without the closing "]}"
    std::size_t counted = queue_.front().counted;
    queue_.pop_front();
    while (!queue_.empty() && is_events(queue_.front()) && merged.size() + queue_.front().frame->size() < kMaxMerged) {
      append_envs(merged, *queue_.front().frame);
      counted += queue_.front().counted;
      queue_.pop_front();
    }
    merged.append("]}");
    queue_.push_front({std::make_shared<const std::string>(std::move(merged)), counted});
  }

  void on_write(beast::error_code ec, std::size_t) {
    if (ec) return fail(ec, "write");
    queued_bytes_ -= queue_.front().counted;
    queue_.pop_front();
    if (!queue_.empty()) return do_write();
    pump_history();
    if (queue_.empty() && closing_ && close_code_) do_close();
  }

  void do_close() {
    ws_.async_close(websocket::close_reason(*close_code_),
                    [self = shared_from_this()](beast::error_code) {});
    close_code_.reset();
  }

  void fail(beast::error_code ec, const char* what) {
    if (ended_) return;
    ended_ = true;
    if (!state_->stopping) {
      if (room) state_->detach(*this);
      if (accepted_)
        state_->log({{"event", "close"},
                     {"conn", id_},
                     {"reason", is_expected_close(ec) ? std::string("closed") : std::string(what) + ": " + ec.message()}});
    }
    beast::error_code ignored;
    ws_.next_layer().close(ignored);
  }

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
  double tokens_ = 0;
  Clock::time_point refilled_at_ = Clock::now();
  struct MinuteCount {
    int used = 0;
    int limit = 0;
  };
  MinuteCount creates_{0, state_->config.creates_per_minute};
  MinuteCount tokenless_joins_{0, state_->config.tokenless_joins_per_minute};
  Clock::time_point minute_started_ = Clock::now();
  bool take_in_minute(MinuteCount& count) {
    if (Clock::now() - minute_started_ >= std::chrono::minutes(1)) {
      minute_started_ = Clock::now();
      creates_.used = tokenless_joins_.used = 0;
    }
    if (count.used >= count.limit) return false;
    ++count.used;
    return true;
  }
};

// [SECTION] HTTP session ---------------------------------------------------------------------------

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(tcp::socket&& socket, std::shared_ptr<State> state) : stream_(std::move(socket)), state_(std::move(state)) {
    ++state_->metrics.sockets_open;
  }
  ~HttpSession() { --state_->metrics.sockets_open; }

  void run() { do_read(); }

 private:
  void do_read() {
    parser_.emplace();
    parser_->header_limit(16 * 1024);
    parser_->body_limit(16 * 1024);
    stream_.expires_after(std::chrono::seconds(30));
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
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

  bool origin_allowed(const http::request<http::string_body>& req) const {
    const auto& allowed = state_->config.allowed_origins;
    const auto origin = req[http::field::origin];
    if (allowed.empty() || origin.empty()) return true;  // non-browser clients send no Origin
    return std::find(allowed.begin(), allowed.end(), std::string(origin)) != allowed.end();
  }

  template <class Response>
  void write(Response&& response) {
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

  void respond_text(http::status status, std::string body, std::string_view type = "text/plain; charset=utf-8") {
    http::response<http::string_body> res{status, parser_->get().version()};
    res.set(http::field::content_type, beast::string_view(type.data(), type.size()));
    res.set(http::field::cache_control, "no-store");
    if (parser_->get().method() != http::verb::head) res.body() = std::move(body);
    write(std::move(res));
  }

  void serve_file(const std::string& target) {
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

  beast::tcp_stream stream_;
  std::shared_ptr<State> state_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
};

// [SECTION] Listener -------------------------------------------------------------------------------

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(net::io_context& ioc, std::shared_ptr<State> state) : ioc_(ioc), acceptor_(ioc), state_(std::move(state)) {}

  unsigned short open(const std::string& bind, unsigned short port) {
    beast::error_code ec;
    const auto address = net::ip::make_address(bind, ec);
    if (ec) throw std::runtime_error("bad --bind address '" + bind + "': " + ec.message());
    const tcp::endpoint endpoint{address, port};
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec) throw std::runtime_error("cannot listen on " + bind + ":" + std::to_string(port) + ": " + ec.message());
    return acceptor_.local_endpoint().port();
  }

  void run() { do_accept(); }
  void close() {
    beast::error_code ec;
    acceptor_.close(ec);
  }

 private:
  void do_accept() {
    acceptor_.async_accept(beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
  }

  void on_accept(beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || state_->stopping) return;
    if (!ec) {
      if (std::size_t(state_->metrics.sockets_open) >= state_->config.max_connections) {
        socket.close(ec);  // over the relay's connection limit
      } else {
        socket.set_option(tcp::no_delay(true), ec);
        std::make_shared<HttpSession>(std::move(socket), state_)->run();
      }
    } else if (ec == net::error::no_descriptors) {
      // Out of file descriptors: wait a little rather than spin.
      auto timer = std::make_shared<net::steady_timer>(ioc_, std::chrono::milliseconds(100));
      timer->async_wait([self = shared_from_this(), timer](beast::error_code) { self->do_accept(); });
      return;
    }
    do_accept();
  }

  net::io_context& ioc_;
  tcp::acceptor acceptor_;
  std::shared_ptr<State> state_;
};

// [SECTION] State: message handling ----------------------------------------------------------------

void State::reject(WsSession& session, std::string_view code, std::string_view message, const std::string& cid) {
  ++metrics.rejects[std::string(code)];
  session.send_text(error_frame(code, message, cid));
  if (++session.strikes >= config.strikes_before_close) {
    log({{"event", "abuse"}, {"conn", session.id()}, {"code", code}});
    // A client that asks for history faster than it reads would never drain a polite close.
    if (session.sending_history()) return session.drop("asks for history without reading it");
    session.close_after_writes(websocket::close_code::policy_error);
  }
}

void State::handle(WsSession& session, std::string_view text) {
  ++metrics.messages_in;
  metrics.bytes_in += text.size();
  if (!session.take_token())
    return reject(session, errors::rate_messages);
  if (text.size() > config.max_message_bytes)
    return reject(session, "too_big", too_big_message(config.max_message_bytes));
  auto read = read_client_frame(text);
  if (auto* error = std::get_if<FrameError>(&read)) return reject(session, error->code, error->message, error->cid);
  auto& frame = std::get<ClientFrame>(read);
  // Strikes count refusals in a row: a message the handlers below accept clears them.
  const int strikes_before = session.strikes;
  switch (frame.type) {
    case FrameType::event: handle_event(session, frame); break;
    case FrameType::ping: session.send_text(std::string(pong_frame)); break;
    case FrameType::join: handle_join(session, frame); break;
    case FrameType::create: handle_create(session); break;
    case FrameType::sync: handle_sync(session, frame); break;
    case FrameType::close: handle_close(session); break;
  }
  if (session.strikes == strikes_before) session.strikes = 0;
}

void State::handle_create(WsSession& session) {
  if (!session.take_create())
    return reject(session, errors::rate_creates);
  if (rooms.size() >= config.max_rooms) evict_an_unjoined_room();
  if (rooms.size() >= config.max_rooms)
    return reject(session, errors::relay_full);
  std::string code;
  do code = new_room_code();
  while (rooms.count(code) ||
         (redis ? redis->room_exists(code) : std::filesystem::exists(RoomFiles::log_path(config.data_dir, code))));

  // The kiosk token follows from the host token: a host joining from another device is told it.
  const std::string host_token = new_token(), kiosk_token = kiosk_token_for(host_token);
  auto room = std::make_shared<Room>();
  room->code = code;
  room->created_ms = wall_ms();
  room->roster = Roster(token_hash(host_token), token_hash(kiosk_token), new_token() + new_token());
  RoomRecord record{code, room->created_ms, room->roster.host_token_hash(), room->roster.kiosk_token_hash(),
                    room->roster.anon_key(), {}, {}};
  std::string error;
  if (redis) {
    if (!redis->create_room(record)) {
      log({{"event", "storage_error"}, {"error", "cannot create the room in Redis"}});
      return reject(session, errors::store_room);
    }
    follower->watch(code, 0);
  } else if (!room->files.create(config.data_dir, record, config.fsync, error)) {
    room->files.remove();
    log({{"event", "storage_error"}, {"error", error}});
    return reject(session, errors::store_room);
  }
  rooms[code] = room;
  log({{"event", "create"}, {"conn", session.id()}, {"room", code}});

  if (session.room) detach(session);
  session.send_text(created_frame(code, host_token, kiosk_token));
  attach(session, room, "h1");
}

void State::handle_join(WsSession& session, const ClientFrame& frame) {
  if (session.sending_history()) return reject(session, errors::busy);
  std::string code = frame.room;
  const bool valid_code = normalize_room_code(code);
  const auto room_it = valid_code ? rooms.find(code) : rooms.end();
  std::shared_ptr<Room> room = room_it != rooms.end() ? room_it->second : nullptr;
  // With --redis, any relay serves any room: one created elsewhere is loaded on first join.
  if (!room && valid_code && redis && rooms.size() < config.max_rooms) room = room_from_redis(code);
  if (!room) return reject(session, errors::no_room);
  // Up to date before answering (a resume from another relay must find what that relay sent).
  if (redis && !catch_up(*room)) return reject(session, errors::read_room);
  // Closed on another relay (its mark may have expired from the stream): closed here too.
  if (redis && (!rooms.count(room->code) || !redis->room_open(room->code))) {
    if (rooms.count(room->code)) close_room(room, false);
    return reject(session, errors::no_room);
  }
  if (room->sessions.size() >= config.max_connections_per_room && session.room != room)
    return reject(session, errors::room_full);

  std::string member_id, token;
  if (frame.token) {
    token = *frame.token;
    const std::string hash = token_hash(token);
    if (const auto here = room->roster.member_for_token_hash(hash)) member_id = *here;
    else if (const auto elsewhere = redis ? redis->participant_by_token(room->code, hash) : std::nullopt) {
      // Joined through another relay.
      member_id = room->roster.add_participant(*elsewhere, hash).id;
    } else return reject(session, errors::bad_token);
  } else {
    if (!session.take_tokenless_join())
      return reject(session, errors::rate_newcomers);
    token = new_token();
    ParticipantRecord record{room->roster.next_participant_id(), token_hash(token)};
    if (redis) {
      const auto id = redis->add_participant(room->code, record.token_hash);
      if (!id) {
        log({{"event", "storage_error"}, {"room", room->code}, {"error", "cannot add member in Redis"}});
        return reject(session, errors::store_participant);
      }
      record.id = *id;
    } else if (!room->files.append_member(record, config.fsync)) {
      log({{"event", "storage_error"}, {"room", room->code}, {"error", "cannot append member"}});
      return reject(session, errors::store_participant);
    }
    member_id = room->roster.add_participant(record.id, record.token_hash).id;
  }
  if (session.room) detach(session);
  session.closed_room.clear();
  const Member& member = room->roster.at(member_id);
  // `participants`: every participant who ever joined has one token hash (the app's big-room cue);
  // with --redis, Redis has them all, this relay only those it has seen.
  std::size_t participants = room->roster.participants();
  if (redis) participants = std::max(participants, redis->participant_count(room->code).value_or(0));
  Joined joined{room->code, member_id, std::string(role_name(member.role)), token, {}, member.pseudonym,
                room->last_seq(), participants};
  // A host on any device gets every link to share, the kiosk's included.
  if (member.role == Role::host) joined.kiosk_token = kiosk_token_to_tell(token, room->roster.kiosk_token_hash());
  session.send_text(joined_frame(joined));
  attach(session, room, member_id);
  send_history(session, room, frame.since);
}

void State::reject_not_joined(WsSession& session, const std::string& cid) {
  if (!session.closed_room.empty())
    return reject(session, "closed", closed_message(session.closed_room), cid);
  reject(session, errors::not_joined, cid);
}

void State::handle_event(WsSession& session, ClientFrame& frame) {
  if (!session.room) return reject_not_joined(session, frame.cid);
  if (session.role == Role::kiosk) return reject(session, errors::kiosk_sends, frame.cid);
  Room& room = *session.room;
  const Member& member = room.roster.at(session.member_id);
  stamp(room, frame.staff, member.id, frame.anonymous ? member.pseudonym : member.id, role_name(member.role),
        frame.ev_text, session.weak_from_this(), std::move(frame.cid));
  schedule_flush(session.room);
}

void State::handle_sync(WsSession& session, const ClientFrame& frame) {
  if (!session.room) return reject_not_joined(session);
  if (session.sending_history()) return reject(session, errors::busy);
  send_history(session, session.room, frame.since);
}

void State::handle_close(WsSession& session) {
  if (!session.room) return reject_not_joined(session);
  if (session.role != Role::host) return reject(session, errors::only_host_closes);
  close_room(session.room);
}

// [SECTION] State: rooms, batching, persistence ----------------------------------------------------


void State::attach(WsSession& session, const std::shared_ptr<Room>& room, const std::string& member_id) {
  Member& member = room->roster.at(member_id);
  session.room = room;
  session.member_id = member_id;
  session.role = member.role;
  room->add_session(&session, member_id, session.sees_staff());
  room->last_activity = Clock::now();
  log({{"event", "join"}, {"conn", session.id()}, {"room", room->code}, {"member", member_id},
       {"role", role_name(member.role)}});
  if (++member.connections == 1) {
    stamp(*room, true, "relay", "relay", "relay", presence_ev(member_id, true), {}, {});
    schedule_flush(room);
  }
}

void State::detach(WsSession& session) {
  const auto room = std::move(session.room);
  session.room.reset();
  if (!room) return;
  room->remove_session(&session, session.member_id);
  room->last_activity = Clock::now();
  Member* member = room->roster.find(session.member_id);
  if (member && --member->connections == 0 && rooms.count(room->code)) {
    stamp(*room, true, "relay", "relay", "relay", presence_ev(member->id, false), {}, {});
    schedule_flush(room);
  }
}


void State::stamp(Room& room, bool staff, std::string sender, std::string from, std::string_view role,
                  std::string_view ev_text, std::weak_ptr<WsSession> sender_session, std::string cid) {
  room.last_at = std::max(room.last_at, wall_ms());
  Pending p;
  p.env.seq = room.next_seq++;
  p.env.staff = staff;
  p.env.sender = std::move(sender);
  p.env.text = envelope_text(p.env.seq, room.last_at, from, role, staff, ev_text);
  if (redis) {
    p.from = std::move(from);
    p.role = role;
    p.ev_text = std::string(ev_text);
  }
  p.sender = std::move(sender_session);
  p.cid = std::move(cid);
  p.received = Clock::now();
  room.pending.push_back(std::move(p));
  ++metrics.events_in;
}

void State::schedule_flush(const std::shared_ptr<Room>& room) {
  if (room->flush_scheduled) return;
  room->flush_scheduled = true;
  // Posted behind the handlers already ready: what they stamp joins this batch (one loop tick).
  net::post(ioc, [self = shared_from_this(), room] {
    room->flush_scheduled = false;
    if (self->rooms.count(room->code)) self->flush(*room);
  });
}

namespace {
Frame shared_events(const std::vector<const std::string*>& envs) {
  return std::make_shared<const std::string>(events_frame(envs));
}
}  // namespace

void State::flush(Room& room) {
  if (room.pending.empty()) return;
  std::vector<Pending> batch = std::move(room.pending);
  room.pending.clear();

  // Stored before anyone sees it: an envelope a client has seen survives a crash of the relay.
  if (!persist(room, batch)) {
    if (room.closed_elsewhere) {  // by a host on another relay: closed here too
      if (const auto it = rooms.find(room.code); it != rooms.end() && !room.closing) close_room(it->second, false);
      return;
    }
    log({{"event", "storage_error"}, {"room", room.code}, {"error", "cannot append to the log"}});
    room.next_seq = room.last_seq() + 1;  // nothing of this batch exists
    for (const auto& p : batch)
      if (auto sender = p.sender.lock()) reject(*sender, errors::store_event, p.cid);
    return;
  }

  std::vector<const StoredEnvelope*> envs;
  envs.reserve(batch.size());
  for (const auto& p : batch) envs.push_back(&p.env);
  fan_out(room, envs);
  const auto sent = Clock::now();
  for (auto& p : batch) {
    if (auto sender = p.sender.lock()) {
      sender->send_text(ack_frame(p.cid, p.env.seq));
    }
    metrics.observe_latency(std::chrono::duration<double>(sent - p.received).count());
    room.envelopes.push_back(std::move(p.env));
  }
  room.next_seq = room.last_seq() + 1;
  room.last_activity = sent;
}

bool State::persist(Room& room, std::vector<Pending>& batch) {
  if (redis) return persist_redis(room, batch);
  std::string lines;
  for (const auto& p : batch) lines.append(p.env.text).push_back('\n');
  return room.files.append_log(lines, config.fsync);
}

// Appends the batch right after the last envelope this relay has of the room. If another relay
// appended first, its envelopes are taken (and delivered here, in order) and the batch renumbered.
bool State::persist_redis(Room& room, std::vector<Pending>& batch) {
  std::vector<const StoredEnvelope*> envs;
  for (auto& p : batch) envs.push_back(&p.env);
  // A conflict means another relay appended first: the room moved on, so this is progress, not a
  // failure, and a relay starved of CPU may lose many times in a row (16 tries were seen to run out
  // under load, refusing an event as `unavailable`). Tries go on for a while, not a count.
  // Bounded in milliseconds: this runs on the event loop, which every room shares.
  const auto give_up = Clock::now() + std::chrono::milliseconds(200);
  for (int attempt = 0; Clock::now() < give_up; ++attempt) {
    std::int64_t seq = room.last_seq();
    if (seq + 1 != batch.front().env.seq)
      for (auto& p : batch) {
        p.env.seq = ++seq;
        room.last_at = std::max(room.last_at, wall_ms());
        p.env.text = envelope_text(p.env.seq, room.last_at, p.from, p.role, p.env.staff, p.ev_text);
      }
    switch (redis->append(room.code, room.last_seq(), envs)) {
      case RedisStore::Append::ok: return true;
      case RedisStore::Append::conflict: break;
      case RedisStore::Append::closed: room.closed_elsewhere = true; return false;
      case RedisStore::Append::error: if (attempt > 0) return false; break;  // one retry after a reconnection
    }
    if (!catch_up(room)) return false;
  }
  return false;
}

// Takes what other relays appended to the room since the last envelope this relay has.
bool State::catch_up(Room& room) {
  std::vector<StoredEnvelope> envs;
  if (!redis->read_after(room.code, room.last_seq(), envs)) return false;
  if (!envs.empty()) absorb(room.code, std::move(envs));
  return true;
}

// Envelopes another relay stored (from the follower or a catch-up): the next ones in seq order are
// delivered to this relay's members; those it already has are skipped; after a gap, it catches up.
void State::absorb(const std::string& code, std::vector<StoredEnvelope> incoming) {
  const auto it = rooms.find(code);
  if (it == rooms.end()) return;
  Room& room = *it->second;
  for (const auto& env : incoming)
    if (env.seq == StoredEnvelope::room_closed) return close_room(it->second, false);  // closed on another relay
  std::vector<StoredEnvelope> fresh;
  for (auto& env : incoming) {
    const std::int64_t expected = room.last_seq() + 1 + std::int64_t(fresh.size());
    if (env.seq < expected) continue;
    if (env.seq > expected) break;  // a gap: read it whole below
    env.sender = room.roster.real_sender(env.sender);
    fresh.push_back(std::move(env));
  }
  const bool gap = !incoming.empty() && incoming.back().seq > room.last_seq() + std::int64_t(fresh.size());
  if (!fresh.empty()) {
    std::vector<const StoredEnvelope*> envs;
    for (const auto& env : fresh) envs.push_back(&env);
    fan_out(room, envs);
    for (auto& env : fresh) {
      room.last_at = std::max(room.last_at, envelope_at(env.text));
      room.envelopes.push_back(std::move(env));
    }
    room.next_seq = std::max(room.next_seq, room.last_seq() + 1);
    room.last_activity = Clock::now();
  }
  if (gap) catch_up(room);
}

std::shared_ptr<Room> State::room_from_redis(const std::string& code) {
  bool failed = false;
  auto record = redis->load_room(code, failed);
  if (!record) return nullptr;
  auto room = std::make_shared<Room>();
  room->code = record->code;
  room->created_ms = record->created_ms;
  room->roster = Roster(record->host_token_hash, record->kiosk_token_hash, record->anon_key);
  for (const auto& p : record->participants) room->roster.add_participant(p.id, p.token_hash);
  room->envelopes = std::move(record->envelopes);
  room->next_seq = room->last_seq() + 1;
  if (!room->envelopes.empty()) room->last_at = envelope_at(room->envelopes.back().text);
  rooms[code] = room;
  follower->watch(code, room->last_seq());
  log({{"event", "room_loaded"}, {"room", code}});
  return room;
}

// One frame per visibility class: everything (hosts, kiosks), public (participants), and one
// per participant who sent a staff envelope in this batch (public + their own staff).
void State::fan_out(Room& room, const std::vector<const StoredEnvelope*>& batch) {
  std::vector<const std::string*> all, public_only;
  std::map<std::string, std::vector<const std::string*>> own;
  for (const auto* e : batch) {
    all.push_back(&e->text);
    if (!e->staff) public_only.push_back(&e->text);
  }
  for (const auto* e : batch)
    if (e->staff && e->sender != "relay") own.try_emplace(e->sender);
  for (auto& [member, envs] : own)
    for (const auto* e : batch)
      if (!e->staff || e->sender == member) envs.push_back(&e->text);

  Frame all_frame, public_frame;
  std::map<std::string, Frame> own_frames;
  // Connections the previous deferred fan-out has not reached yet get the two frames merged; the
  // merge is shared by all of them (they mostly wait for the same frame), built once per frame.
  std::unordered_map<const std::string*, Frame> merges;
  constexpr std::size_t kMaxDeferredBytes = 256 * 1024;
  const bool spread = config.fanout_chunk > 0 && room.sessions.size() > config.fanout_chunk;
  // The senders' connections, by pointer: a public batch visits every connection, and a string
  // lookup of each one's member id in `own` showed in the profile at 10,000.
  std::unordered_map<WsSession*, decltype(own)::iterator> own_sessions;
  for (auto it = own.begin(); it != own.end(); ++it)
    if (const auto s = room.sessions_by_member.find(it->first); s != room.sessions_by_member.end())
      for (WsSession* session : s->second) own_sessions.emplace(session, it);
  auto deliver = [&](WsSession* session) {
    if (session->closing()) return;
    if (session->sees_staff()) {
      if (!all_frame) all_frame = shared_events(all);
      session->send(all_frame);
      metrics.envelopes_out += all.size();
    } else if (const auto found = own_sessions.find(session); found != own_sessions.end()) {
      const auto it = found->second;
      auto& frame = own_frames[it->first];
      if (!frame) frame = shared_events(it->second);
      session->send(frame);
      metrics.envelopes_out += it->second.size();
    } else if (!public_only.empty()) {
      if (!public_frame) public_frame = shared_events(public_only);
      if (spread) {
        const Frame& waiting = session->deferred();
        if (waiting && is_events_frame(*waiting) && waiting->size() < kMaxDeferredBytes) {
          Frame& merged = merges[waiting.get()];
          if (!merged) merged = merged_events(*waiting, *public_frame);
          session->replace_deferred(merged);  // still in room.deferred, at its earlier place
        } else {
          session->defer(public_frame);
          room.deferred.push_back(session);
        }
      } else {
        session->send(public_frame);
      }
      metrics.envelopes_out += public_only.size();
    }
  };
  if (!public_only.empty()) {
    for (WsSession* session : room.sessions) deliver(session);
  } else {
    for (WsSession* session : room.staff_sessions) deliver(session);
    for (const auto& [member, envs] : own)
      if (const auto it = room.sessions_by_member.find(member); it != room.sessions_by_member.end())
        for (WsSession* session : it->second)
          if (!session->sees_staff()) deliver(session);  // staff connections were served above
  }
  if (!room.deferred.empty() && !room.drain_scheduled) {
    if (const auto it = rooms.find(room.code); it != rooms.end()) drain_deferred(it->second);
  }
}

void State::drain_deferred(const std::shared_ptr<Room>& room) {
  room->drain_scheduled = true;
  net::post(ioc, [self = shared_from_this(), room] {
    room->drain_scheduled = false;
    const std::size_t end = std::min(room->deferred.size(), room->deferred_next + self->config.fanout_chunk);
    for (; room->deferred_next < end; ++room->deferred_next) {
      WsSession* session = room->deferred[room->deferred_next];
      if (room->sessions.count(session)) session->release_deferred();
    }
    if (room->deferred_next < room->deferred.size()) return self->drain_deferred(room);
    room->deferred.clear();
    room->deferred_next = 0;
  });
}

void State::send_history(WsSession& session, const std::shared_ptr<Room>& room, std::int64_t since) {
  // Only what is on disk and already sent to others; this tick's envelopes follow in their batch.
  session.start_history(room, since);
}

void State::close_room(std::shared_ptr<Room> room, bool delete_data) {  // by value: callers pass session.room
  if (room->closing) return;
  room->closing = true;
  flush(*room);
  // Files go before anyone hears `closed`: a member told the room is gone must find its log gone too.
  if (redis) {
    follower->unwatch(room->code);
    if (delete_data) redis->remove_room(room->code);
  } else {
    room->files.remove();
  }
  const Frame closed = std::make_shared<const std::string>(closed_frame(room->code));
  const auto sessions = room->sessions;
  for (WsSession* session : sessions) {
    session->send(closed);
    session->room.reset();
    session->closed_room = room->code;
  }
  room->sessions.clear();
  room->sessions_by_member.clear();
  room->staff_sessions.clear();
  room->pending.clear();
  rooms.erase(room->code);
  log({{"event", "room_closed"}, {"room", room->code}});
}

void State::evict_an_unjoined_room() {
  const std::int64_t before = wall_ms() - std::chrono::duration_cast<std::chrono::milliseconds>(config.evict_unjoined_after).count();
  std::shared_ptr<Room> oldest;
  for (const auto& [code, room] : rooms) {
    const bool unjoined = room->sessions.empty() && room->roster.participants() == 0 && room->pending.empty() &&
                          std::all_of(room->envelopes.begin(), room->envelopes.end(),
                                      [](const StoredEnvelope& e) { return e.sender == "relay"; });
    if (unjoined && room->created_ms <= before && (!oldest || room->created_ms < oldest->created_ms)) oldest = room;
  }
  if (!oldest) return;
  log({{"event", "room_evicted"}, {"room", oldest->code}});
  close_room(oldest, !redis);  // with --redis only unloaded here: members may have joined elsewhere
}

void State::stop_everything() {
  if (stopping) return;
  for (auto& [code, room] : rooms) flush(*room);
  stopping = true;
  if (follower) follower->stop();
  for (auto& [code, room] : rooms) room->files.sync();
  sync_timer.cancel();
  expiry_timer.cancel();
  const auto all = sessions;
  for (WsSession* session : all) session->abort();
}

// [SECTION] State: metrics and timers --------------------------------------------------------------

void State::load() {
  if (!config.redis_url.empty()) {
    // Rooms stay in Redis and are loaded when someone joins them; the data directory is not used.
    redis = std::make_unique<RedisStore>();
    std::string error;
    if (!redis->connect(config.redis_url, error)) throw std::runtime_error(error);
    follower = std::make_unique<RedisFollower>(config.redis_url, [weak = weak_from_this()](const std::string& code,
                                                                                          std::vector<StoredEnvelope> envs) {
      if (const auto self = weak.lock())
        net::post(self->ioc, [weak, code, envs = std::move(envs)]() mutable {
          if (const auto self = weak.lock(); self && !self->stopping) self->absorb(code, std::move(envs));
        });
    });
    follower->start();
    return;
  }
  for (auto& record : load_rooms(config.data_dir, load_warnings)) {
    auto room = std::make_shared<Room>();
    room->code = record.code;
    room->created_ms = record.created_ms;
    room->roster = Roster(record.host_token_hash, record.kiosk_token_hash, record.anon_key);
    for (const auto& p : record.participants) room->roster.add_participant(p.id, p.token_hash);
    // `from` may be a pseudonym: visibility needs the real sender.
    for (auto& env : record.envelopes) env.sender = room->roster.real_sender(env.sender);
    room->envelopes = std::move(record.envelopes);
    room->next_seq = room->last_seq() + 1;
    // `at` never goes back, not even when the clock did while the relay was down.
    if (!room->envelopes.empty()) room->last_at = envelope_at(room->envelopes.back().text);
    std::string error;
    if (!room->files.open(config.data_dir, room->code, error)) {
      load_warnings.push_back(error);
      continue;
    }
    rooms[room->code] = room;
  }
}

void State::start_timers() {
  if (config.fsync == FsyncPolicy::batch && !redis) arm_sync_timer();
  if (config.room_expiry.count() > 0) arm_expiry_timer();
}

void State::arm_sync_timer() {
  sync_timer.expires_after(std::chrono::seconds(1));
  sync_timer.async_wait([self = shared_from_this()](beast::error_code ec) {
    if (ec || self->stopping) return;
    for (auto& [code, room] : self->rooms) room->files.sync();
    self->arm_sync_timer();
  });
}

void State::arm_expiry_timer() {
  const Clock::duration period = std::min<Clock::duration>(config.room_expiry / 4 + std::chrono::seconds(1),
                                                           std::chrono::minutes(1));
  expiry_timer.expires_after(period);
  expiry_timer.async_wait([self = shared_from_this()](beast::error_code ec) {
    if (ec || self->stopping) return;
    const auto now = Clock::now();
    std::vector<std::shared_ptr<Room>> expired;
    for (auto& [code, room] : self->rooms)
      if (room->sessions.empty() && room->pending.empty() && now - room->last_activity >= self->config.room_expiry)
        expired.push_back(room);
    for (auto& room : expired) {
      self->log({{"event", "room_expired"}, {"room", room->code}});
      // In Redis, a room idle here may be busy on another relay: only this relay forgets it.
      self->close_room(room, !self->redis);
    }
    self->arm_expiry_timer();
  });
}

std::string State::metrics_text() const {
  std::string out;
  auto line = [&](std::string_view name, std::string_view type, std::string_view help, auto value) {
    out.append("# HELP ").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
    out.append(name).append(" ").append(std::to_string(value)).append("\n");
  };
  line("palabre_connections", "gauge", "Open WebSocket connections.", metrics.connections_open);
  line("palabre_connections_total", "counter", "WebSocket connections accepted.", metrics.connections_total);
  line("palabre_sockets", "gauge", "Open TCP connections (HTTP and WebSocket).", metrics.sockets_open);
  line("palabre_rooms", "gauge", "Rooms held by the relay.", rooms.size());
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

// [SECTION] Server ---------------------------------------------------------------------------------

struct Server::Impl {
  explicit Impl(Config config) : state(std::make_shared<State>(ioc, std::move(config))) {}
  net::io_context ioc{1};
  std::shared_ptr<State> state;
  std::shared_ptr<Listener> listener;
  std::thread thread;
  unsigned short port = 0;
  bool opened = false, stopped = false;
};

Server::Server(Config config) : impl_(std::make_unique<Impl>(std::move(config))) {}

Server::~Server() {
  stop();
  // Handlers still queued own sessions; destroy them while the state they point to is alive.
  impl_->listener.reset();
}

unsigned short Server::open() {
  impl_->state->load();
  impl_->listener = std::make_shared<Listener>(impl_->ioc, impl_->state);
  impl_->port = impl_->listener->open(impl_->state->config.bind, impl_->state->config.port);
  impl_->listener->run();
  impl_->state->start_timers();
  impl_->opened = true;
  return impl_->port;
}

void Server::run() {
  net::signal_set signals(impl_->ioc, SIGINT, SIGTERM);
  signals.async_wait([this](beast::error_code ec, int) {
    if (ec) return;
    impl_->listener->close();
    impl_->state->stop_everything();
    impl_->ioc.stop();
  });
  impl_->ioc.run();
}

void Server::start() {
  impl_->thread = std::thread([this] { impl_->ioc.run(); });
}

void Server::stop() {
  if (!impl_->opened || impl_->stopped) return;
  impl_->stopped = true;
  if (impl_->thread.joinable()) {
    net::post(impl_->ioc, [this] {
      impl_->listener->close();
      impl_->state->stop_everything();
      impl_->ioc.stop();
    });
    impl_->thread.join();
  } else {
    impl_->listener->close();
    impl_->state->stop_everything();
    impl_->ioc.stop();
  }
}

unsigned short Server::port() const { return impl_->port; }
const std::vector<std::string>& Server::load_warnings() const { return impl_->state->load_warnings; }

}  // namespace palabre::relay
