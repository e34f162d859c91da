#include "relay/ws_session.hpp"

#include "relay/room.hpp"
#include "relay/state.hpp"

namespace palabre::relay {

namespace {

constexpr std::string_view kEventsPrefix = R"({"t":"events","envs":[)";

// Appends the envelopes of events `frame` to `merged`, an events frame without its closing "]}".
void append_envs(std::string& merged, std::string_view frame) {
  merged.push_back(',');
  merged.append(frame.substr(kEventsPrefix.size(), frame.size() - kEventsPrefix.size() - 2));
}

// Expected ways for a connection to end: not worth a log line.
bool is_expected_close(beast::error_code ec) {
  return ec == net::error::operation_aborted || ec == websocket::error::closed || ec == net::error::eof ||
         ec == http::error::end_of_stream || ec == net::error::connection_reset ||
         ec == net::error::broken_pipe || ec == beast::error::timeout;
}

}  // namespace

bool is_events_frame(std::string_view frame) {
  return frame.size() >= kEventsPrefix.size() + 2 && frame.substr(0, kEventsPrefix.size()) == kEventsPrefix;
}

Frame merged_events(std::string_view first, std::string_view second) {
  std::string merged;
  merged.reserve(first.size() + second.size());
  merged.append(first.substr(0, first.size() - 2));
  append_envs(merged, second);
  merged.append("]}");
  return std::make_shared<const std::string>(std::move(merged));
}

WsSession::WsSession(tcp::socket&& socket, std::shared_ptr<State> state)
    : ws_(std::move(socket)), state_(std::move(state)), id_(state_->next_connection_id++),
      creates_{0, state_->config.creates_per_minute},
      tokenless_joins_{0, state_->config.tokenless_joins_per_minute} {
  beast::error_code ec;
  const auto endpoint = ws_.next_layer().remote_endpoint(ec);
  // Addresses are personal data: logged only when the operator asks (--log-peer).
  if (!ec && state_->config.log_peer) peer_ = endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
  tokens_ = state_->config.message_burst;
  ++state_->metrics.sockets_open;
}

WsSession::~WsSession() {
  --state_->metrics.sockets_open;
  if (accepted_) --state_->metrics.connections_open;
  state_->sessions.erase(this);
  if (room && !state_->stopping) state_->detach(*this);
  if (room) room->remove_session(this, member_id);
}

void WsSession::run(http::request<http::string_body> request) {
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

bool WsSession::start_history(const std::shared_ptr<Room>& room, std::int64_t since) {
  if (history_) return false;
  release_deferred();
  history_ = History{room, room->state.history_from(since)};
  pump_history();
  return true;
}

void WsSession::enqueue(Frame frame, bool history_page) {
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

void WsSession::pump_history() {
  if (!history_ || !queue_.empty() || closing_) return;
  const auto room = history_->room.lock();
  Frame page;
  if (room && room == this->room)
    page = room->state.history_page(member_id, history_->cursor);
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

void WsSession::drop(const char* reason) {
  if (closing_) return;
  // A reader this slow would hold the whole room's memory.
  state_->log({{"event", "drop"}, {"conn", id_}, {"reason", reason}});
  closing_ = true;
  beast::error_code ec;
  ws_.next_layer().close(ec);
}

void WsSession::close_after_writes(websocket::close_code code) {
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

void WsSession::abort() {
  closing_ = true;
  beast::error_code ec;
  ws_.next_layer().close(ec);
}

bool WsSession::take_token() {
  const auto now = Clock::now();
  const double elapsed = std::chrono::duration<double>(now - refilled_at_).count();
  refilled_at_ = now;
  tokens_ = std::min(state_->config.message_burst, tokens_ + elapsed * state_->config.messages_per_second);
  if (tokens_ < 1) return false;
  tokens_ -= 1;
  return true;
}

void WsSession::on_accept(beast::error_code ec) {
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

void WsSession::on_read(beast::error_code ec, std::size_t) {
  if (ec) return fail(ec, "read");
  const std::string text = beast::buffers_to_string(buffer_.data());
  buffer_.consume(buffer_.size());
  // The protocol is text frames only (docs/protocol.md): a binary one is refused with 1003.
  if (!ws_.got_text()) close_after_writes(websocket::close_code::unknown_data);
  if (!closing_) state_->handle(*this, text);
  do_read();  // keep reading until the close handshake ends
}

void WsSession::do_write() {
  coalesce_events();
  ws_.text(true);
  ws_.async_write(net::buffer(*queue_.front().frame), beast::bind_front_handler(&WsSession::on_write, shared_from_this()));
}

void WsSession::coalesce_events() {
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

void WsSession::on_write(beast::error_code ec, std::size_t) {
  if (ec) return fail(ec, "write");
  queued_bytes_ -= queue_.front().counted;
  queue_.pop_front();
  if (!queue_.empty()) return do_write();
  pump_history();
  if (queue_.empty() && closing_ && close_code_) do_close();
}

void WsSession::do_close() {
  ws_.async_close(websocket::close_reason(*close_code_),
                  [self = shared_from_this()](beast::error_code) {});
  close_code_.reset();
}

void WsSession::fail(beast::error_code ec, const char* what) {
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

bool WsSession::take_in_minute(MinuteCount& count) {
  if (Clock::now() - minute_started_ >= std::chrono::minutes(1)) {
    minute_started_ = Clock::now();
    creates_.used = tokenless_joins_.used = 0;
  }
  if (count.used >= count.limit) return false;
  ++count.used;
  return true;
}

}  // namespace palabre::relay
