// [SECTION] create / restore  [SECTION] frames  [SECTION] storage
// The frames, envelopes, error texts, tokens, roster and file lines come from src/protocol, as the
// relay's do; what is left here is the keeper's own: one room, connections that are tabs, storage
// as text.
#include "app/local_relay.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "protocol/client_frame.hpp"
#include "protocol/errors.hpp"
#include "protocol/frames.hpp"
#include "protocol/history.hpp"
#include "protocol/log_format.hpp"
#include "protocol/tokens.hpp"

namespace palabre::app {

using nlohmann::json;
namespace errors = protocol::errors;
using protocol::Role;

namespace {

constexpr std::size_t kMaxMessageBytes = 64 * 1024;  // the relay's --max-message-bytes default

std::string str(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The non-empty lines of a stored text (a torn "\r" dropped).
std::vector<std::string_view> lines(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) out.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

// A join key for `renew` from a fresh token's randomness, in the room codes' alphabet (6 characters,
// as the relay draws them): the page gives tokens, not raw bytes.
std::string join_key(std::string_view token) {
  std::string key;
  const std::string_view alphabet = protocol::kRoomCodeAlphabet;
  for (std::size_t i = 0; i + 1 < token.size() && key.size() < 6; i += 2) {
    const unsigned byte = static_cast<unsigned char>(token[i]) * 256u + static_cast<unsigned char>(token[i + 1]);
    key.push_back(alphabet[byte % alphabet.size()]);
  }
  return key;
}

}  // namespace

// [SECTION] create / restore
void LocalRelay::add_participant(const std::string& id, const std::string& token_hash) {
  state_.roster().add_participant(id, token_hash);
  participant_records_.emplace_back(id, token_hash);
}

LocalRelay LocalRelay::create(const Secrets& secrets, std::int64_t now_ms) {
  LocalRelay r;
  r.state_ = protocol::RoomState(secrets.room, now_ms,
                                 protocol::Roster(protocol::token_hash(secrets.host_token),
                                                  protocol::token_hash(secrets.kiosk_token), secrets.anon_key));
  return r;
}

std::optional<LocalRelay> LocalRelay::restore(std::string_view members_text, std::string_view log_text) {
  const auto member_lines = lines(members_text);
  if (member_lines.empty()) return std::nullopt;
  const json header = json::parse(member_lines[0], nullptr, false);
  if (header.is_discarded() || !header.is_object() || str(header, "format") != "palabre-members") return std::nullopt;
  const std::string room = str(header, "room");
  if (room.empty() || str(header, "host").empty()) return std::nullopt;
  std::int64_t created_ms = 0;
  const auto log_lines = lines(log_text);
  if (!log_lines.empty()) {
    const json log_header = json::parse(log_lines[0], nullptr, false);
    if (log_header.is_object()) created_ms = log_header.value("created", std::int64_t{0});
  }
  LocalRelay r;
  r.state_ = protocol::RoomState(room, created_ms,
                                 protocol::Roster(str(header, "host"), str(header, "kiosk"), str(header, "anon_key")));
  for (std::size_t i = 1; i < member_lines.size(); ++i) {
    const json line = json::parse(member_lines[i], nullptr, false);
    if (!line.is_object()) continue;
    const std::string id = str(line, "id"), hash = str(line, "token");
    if (id.size() < 2 || id[0] != 'p' || hash.empty()) continue;
    r.add_participant(id, hash);
  }
  for (std::size_t i = 1; i < log_lines.size(); ++i) {
    const json env = json::parse(log_lines[i], nullptr, false);
    // Only the next seq in order: a torn or foreign line is dropped, as the relay does on restart.
    if (!env.is_object() || env.value("seq", std::int64_t{-1}) != r.last_seq() + 1) continue;
    std::string text(log_lines[i]);
    std::string cid = protocol::take_cid(text);  // the keeper's own, beside the envelope as sent
    r.state_.commit({r.last_seq() + 1, str(env, "vis") == "staff", r.state_.roster().real_sender(str(env, "from")),
                     std::move(text), std::move(cid)});
  }
  return r;
}

// [SECTION] frames
std::int64_t LocalRelay::stamp(const protocol::Stamp& stamp, std::int64_t now_ms) {
  protocol::StoredEnvelope env = state_.stamp(stamp, now_ms);
  const std::int64_t seq = env.seq;
  state_.commit(std::move(env));
  return seq;
}

void LocalRelay::broadcast(std::size_t first_new, std::vector<Delivery>& out) const {
  for (const auto& [conn, member] : conn_member_) {
    std::vector<const std::string*> envs;
    const auto& log = state_.envelopes();
    const auto sees = state_.viewer(member);
    for (std::size_t i = first_new; i < log.size(); ++i)
      if (sees(log[i])) envs.push_back(&log[i].text);
    if (!envs.empty()) out.push_back({conn, protocol::events_frame(envs)});
  }
}

void LocalRelay::history(const std::string& conn, const std::string& member, std::int64_t since,
                         std::vector<Delivery>& out) const {
  // The relay's pages, all at once: a tab reads a BroadcastChannel as fast as it is written.
  protocol::HistoryCursor cursor = state_.history_from(since);
  while (const auto page = state_.history_page(member, cursor)) out.push_back({conn, *page});
}

void LocalRelay::attach(const std::string& conn, const std::string& member, std::int64_t now_ms,
                        std::vector<Delivery>& out) {
  conn_member_[conn] = member;
  if (++state_.roster().at(member).connections == 1) {
    const std::size_t first_new = state_.envelopes().size();
    stamp(protocol::RoomState::presence(member, true), now_ms);
    broadcast(first_new, out);
  }
}

std::vector<LocalRelay::Delivery> LocalRelay::disconnect(const std::string& conn, std::int64_t now_ms) {
  std::vector<Delivery> out;
  const auto it = conn_member_.find(conn);
  if (it == conn_member_.end() || closed_) return out;
  const std::string member = it->second;
  conn_member_.erase(it);
  if (--state_.roster().at(member).connections == 0) {
    const std::size_t first_new = state_.envelopes().size();
    stamp(protocol::RoomState::presence(member, false), now_ms);
    broadcast(first_new, out);
  }
  return out;
}

void LocalRelay::evict_removed(const std::string& member, std::int64_t now_ms, std::vector<Delivery>& out) {
  std::vector<std::string> conns;
  for (const auto& [conn, m] : conn_member_)
    if (m == member) conns.push_back(conn);
  for (const auto& conn : conns) {
    out.push_back({conn, protocol::error_frame(errors::removed.code, errors::removed.message, {})});
    auto left = disconnect(conn, now_ms);
    out.insert(out.end(), left.begin(), left.end());
    removed_conns_.insert(conn);
  }
}

std::vector<LocalRelay::Delivery> LocalRelay::receive(const std::string& conn, std::string_view text,
                                                      std::int64_t now_ms, const TokenSource& new_token) {
  std::vector<Delivery> out;
  auto reject = [&](std::string_view code, std::string_view message, const std::string& cid = {}) {
    out.push_back({conn, protocol::error_frame(code, message, cid)});
    return out;
  };
  auto refuse = [&](const protocol::ErrorText& error, const std::string& cid = {}) {
    return reject(error.code, error.message, cid);
  };
  if (text.size() > kMaxMessageBytes) return reject("too_big", protocol::too_big_message(kMaxMessageBytes));
  auto read = protocol::read_client_frame(text);
  if (auto* error = std::get_if<protocol::FrameError>(&read)) return reject(error->code, error->message, error->cid);
  const auto& frame = std::get<protocol::ClientFrame>(read);
  const std::string& cid = frame.cid;
  using protocol::FrameType;
  if (frame.type == FrameType::ping) return out.push_back({conn, std::string(protocol::pong_frame)}), out;
  if (closed_) return refuse(errors::no_room, cid);
  const auto joined = conn_member_.find(conn);

  // The host tab made this room when it chose the no-relay mode; a second room has no tab to live in.
  if (frame.type == FrameType::create) return refuse(errors::tab_holds_room);
  if (frame.type == FrameType::join) {
    std::string code = frame.room;
    if (!protocol::normalize_room_code(code) || code != room()) return refuse(errors::no_room);
    std::string member, token;
    if (frame.token) {
      token = *frame.token;
      auto found = state_.member_for_token(token);
      if (const auto* error = std::get_if<protocol::ErrorText>(&found)) return refuse(*error);
      member = std::get<std::string>(std::move(found));
    } else {
      if (const auto error = state_.may_enter_as_newcomer(frame.invite)) return refuse(*error);
      token = new_token();
      member = state_.roster().next_participant_id();
      add_participant(member, protocol::token_hash(token));
    }
    removed_conns_.erase(conn);
    if (joined != conn_member_.end()) {  // a second join leaves the first membership
      auto left = disconnect(conn, now_ms);
      out.insert(out.end(), left.begin(), left.end());
    }
    out.push_back({conn, protocol::joined_frame(state_.joined(member, token, state_.roster().participants()))});
    // Like the relay: history up to now first, then this join's presence in its own batch.
    history(conn, member, frame.since, out);
    attach(conn, member, now_ms, out);
    return out;
  }
  if (frame.type == FrameType::event || frame.type == FrameType::remove || frame.type == FrameType::renew) {
    if (joined == conn_member_.end())
      return refuse(removed_conns_.count(conn) ? errors::removed : errors::not_joined, cid);
    const std::string& member = joined->second;
    auto stamped = frame.type == FrameType::event    ? state_.event_of(member, frame)
                   : frame.type == FrameType::remove ? state_.removal_of(member, frame.who, cid)
                                                     : state_.renewal_of(member, join_key(new_token()), cid);
    if (const auto* error = std::get_if<protocol::ErrorText>(&stamped)) return refuse(*error, cid);
    // Sent again (same member, same cid): stored once, the first ack again.
    if (const auto seq = state_.stored_seq(member, cid)) return out.push_back({conn, protocol::ack_frame(cid, *seq)}), out;
    const std::size_t first_new = state_.envelopes().size();
    const std::int64_t seq = stamp(std::get<protocol::Stamp>(stamped), now_ms);
    broadcast(first_new, out);
    out.push_back({conn, protocol::ack_frame(cid, seq)});
    if (auto removed = protocol::RoomState::removed_by(state_.envelopes().back())) evict_removed(*removed, now_ms, out);
    return out;
  }
  if (frame.type == FrameType::sync) {
    if (joined == conn_member_.end()) return refuse(errors::not_joined);
    history(conn, joined->second, frame.since, out);
    return out;
  }
  // close, the only type left
  if (joined == conn_member_.end()) return refuse(errors::not_joined);
  if (const auto error = state_.may_close(joined->second)) return refuse(*error);
  closed_ = true;
  const std::string closed = protocol::closed_frame(room());
  for (const auto& [c, m] : conn_member_) out.push_back({c, closed});
  conn_member_.clear();
  return out;
}

// [SECTION] storage
std::string LocalRelay::members_text() const {
  const protocol::Roster& roster = state_.roster();
  std::string out = protocol::members_header_line(room(), roster.host_token_hash(), roster.kiosk_token_hash(),
                                                  roster.anon_key()) + "\n";
  for (const auto& [id, hash] : participant_records_) out += protocol::member_line(id, hash) + "\n";
  return out;
}

std::string LocalRelay::log_line(std::size_t index) const {
  if (index == 0) return protocol::log_header_line(room(), state_.created_ms());
  const auto& log = state_.envelopes();
  return index - 1 < log.size() ? protocol::log_line(log[index - 1]) : std::string();
}

std::string LocalRelay::log_text() const {
  std::string out;
  for (std::size_t i = 0; i < log_lines(); ++i) out += log_line(i) + "\n";
  return out;
}

}  // namespace palabre::app
