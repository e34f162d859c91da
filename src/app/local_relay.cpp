// [SECTION] helpers  [SECTION] create / restore  [SECTION] frames  [SECTION] storage
#include "app/local_relay.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "relay/client_frame.hpp"
#include "relay/kiosk_token.hpp"
#include "relay/sha256.hpp"

namespace palabre::app {

using nlohmann::json;
using nlohmann::ordered_json;

// [SECTION] helpers
namespace {

constexpr std::size_t kMaxMessageBytes = 64 * 1024;      // the relay's --max-message-bytes default
constexpr std::size_t kMaxHistoryFrameBytes = 256 * 1024;  // as the relay's resume answers

std::string events_frame(const std::vector<const std::string*>& envs) {
  std::string out = R"({"t":"events","envs":[)";
  for (std::size_t i = 0; i < envs.size(); ++i) {
    if (i) out.push_back(',');
    out.append(*envs[i]);
  }
  return out.append("]}");
}

std::string str(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string_view role_name(int role) { return role == 0 ? "host" : role == 1 ? "kiosk" : "participant"; }

}  // namespace

std::string local_pseudonym(std::string_view room_key, std::string_view member_id) {
  std::string material;
  material.append("palabre-anon:").append(room_key).append(":").append(member_id);
  const auto digest = relay::sha256(material);
  return "a" + relay::to_hex(digest.data(), 6);
}

// [SECTION] create / restore
void LocalRelay::add_member(const std::string& id, Role role) {
  Member member{role, local_pseudonym(anon_key_, id), 0};
  by_pseudonym_[member.pseudonym] = id;
  members_[id] = std::move(member);
  if (id.size() > 1) next_member_number_ = std::max(next_member_number_, std::atoi(id.c_str() + 1) + 1);
}

LocalRelay LocalRelay::create(const Secrets& secrets, std::int64_t now_ms) {
  LocalRelay r;
  r.room_ = secrets.room;
  r.created_ms_ = now_ms;
  r.host_hash_ = relay::sha256_hex(secrets.host_token);
  r.kiosk_hash_ = relay::sha256_hex(secrets.kiosk_token);
  r.anon_key_ = secrets.anon_key;
  r.add_member("h1", Role::host);
  r.add_member("k2", Role::kiosk);
  return r;
}

std::optional<LocalRelay> LocalRelay::restore(std::string_view members_text, std::string_view log_text) {
  auto lines = [](std::string_view text) {
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
  };
  const auto member_lines = lines(members_text);
  if (member_lines.empty()) return std::nullopt;
  const json header = json::parse(member_lines[0], nullptr, false);
  if (header.is_discarded() || !header.is_object() || str(header, "format") != "palabre-members") return std::nullopt;
  LocalRelay r;
  r.room_ = str(header, "room");
  r.host_hash_ = str(header, "host");
  r.kiosk_hash_ = str(header, "kiosk");
  r.anon_key_ = str(header, "anon_key");
  if (r.room_.empty() || r.host_hash_.empty()) return std::nullopt;
  r.add_member("h1", Role::host);
  r.add_member("k2", Role::kiosk);
  for (std::size_t i = 1; i < member_lines.size(); ++i) {
    const json line = json::parse(member_lines[i], nullptr, false);
    if (!line.is_object()) continue;
    const std::string id = str(line, "id"), hash = str(line, "token");
    if (id.size() < 2 || id[0] != 'p' || hash.empty()) continue;
    r.add_member(id, Role::participant);
    r.by_token_hash_[hash] = id;
    r.participant_records_.emplace_back(id, hash);
  }
  const auto log_lines = lines(log_text);
  if (!log_lines.empty()) {
    const json log_header = json::parse(log_lines[0], nullptr, false);
    if (log_header.is_object()) r.created_ms_ = log_header.value("created", std::int64_t{0});
  }
  for (std::size_t i = 1; i < log_lines.size(); ++i) {
    const json env = json::parse(log_lines[i], nullptr, false);
    // Only the next seq in order: a torn or foreign line is dropped, as the relay does on restart.
    if (!env.is_object() || env.value("seq", std::int64_t{-1}) != r.last_seq() + 1) continue;
    std::string sender = str(env, "from");
    if (const auto it = r.by_pseudonym_.find(sender); it != r.by_pseudonym_.end()) sender = it->second;
    r.last_at_ = std::max(r.last_at_, env.value("at", std::int64_t{0}));
    r.log_.push_back({str(env, "vis") == "staff", std::move(sender), std::string(log_lines[i])});
  }
  return r;
}

// [SECTION] frames
std::string LocalRelay::stamp(bool staff, const std::string& sender, const std::string& from, std::string_view role,
                              std::string_view ev_text, std::int64_t now_ms) {
  last_at_ = std::max(last_at_, now_ms);  // never decreasing within a room, as the relay's `at`
  const std::int64_t seq = last_seq() + 1;
  std::string text;
  text.append("{\"seq\":").append(std::to_string(seq));
  text.append(",\"at\":").append(std::to_string(last_at_));
  text.append(",\"from\":\"").append(from);
  text.append("\",\"role\":\"").append(role);
  text.append(staff ? "\",\"vis\":\"staff\",\"ev\":" : "\",\"vis\":\"public\",\"ev\":");
  text.append(ev_text).append("}");
  log_.push_back({staff, sender, text});
  return std::to_string(seq);
}

bool LocalRelay::sees(const std::string& conn, const Stored& env) const {
  const auto it = conn_member_.find(conn);
  if (it == conn_member_.end()) return false;
  if (!env.staff) return true;
  return members_.at(it->second).role != Role::participant || env.sender == it->second;
}

void LocalRelay::broadcast(std::size_t first_new, std::vector<Delivery>& out) const {
  for (const auto& [conn, member] : conn_member_) {
    std::vector<const std::string*> envs;
    for (std::size_t i = first_new; i < log_.size(); ++i)
      if (sees(conn, log_[i])) envs.push_back(&log_[i].text);
    if (!envs.empty()) out.push_back({conn, events_frame(envs)});
  }
}

void LocalRelay::history(const std::string& conn, std::int64_t since, std::vector<Delivery>& out) const {
  std::vector<const std::string*> chunk;
  std::size_t bytes = 0;
  for (std::size_t i = static_cast<std::size_t>(std::min<std::int64_t>(since, last_seq())); i < log_.size(); ++i) {
    if (!sees(conn, log_[i])) continue;
    chunk.push_back(&log_[i].text);
    bytes += log_[i].text.size();
    if (bytes >= kMaxHistoryFrameBytes) {
      out.push_back({conn, events_frame(chunk)});
      chunk.clear();
      bytes = 0;
    }
  }
  if (!chunk.empty()) out.push_back({conn, events_frame(chunk)});
}

void LocalRelay::attach(const std::string& conn, const std::string& member, std::int64_t now_ms,
                        std::vector<Delivery>& out) {
  conn_member_[conn] = member;
  if (++members_[member].connections == 1) {
    const std::size_t first_new = log_.size();
    stamp(true, "relay", "relay", "relay", relay::presence_ev(member, true), now_ms);
    broadcast(first_new, out);
  }
}

std::vector<LocalRelay::Delivery> LocalRelay::disconnect(const std::string& conn, std::int64_t now_ms) {
  std::vector<Delivery> out;
  const auto it = conn_member_.find(conn);
  if (it == conn_member_.end() || closed_) return out;
  const std::string member = it->second;
  conn_member_.erase(it);
  if (--members_[member].connections == 0) {
    const std::size_t first_new = log_.size();
    stamp(true, "relay", "relay", "relay", relay::presence_ev(member, false), now_ms);
    broadcast(first_new, out);
  }
  return out;
}

std::vector<LocalRelay::Delivery> LocalRelay::receive(const std::string& conn, std::string_view text,
                                                      std::int64_t now_ms, const TokenSource& new_token) {
  std::vector<Delivery> out;
  auto reject = [&](std::string_view code, std::string_view message, const std::string& cid = {}) {
    out.push_back({conn, relay::error_frame(code, message, cid)});
    return out;
  };
  if (text.size() > kMaxMessageBytes) return reject("too_big", "message larger than 65536 bytes");
  auto read = relay::read_client_frame(text);
  if (auto* error = std::get_if<relay::FrameError>(&read)) return reject(error->code, error->message, error->cid);
  const auto& frame = std::get<relay::ClientFrame>(read);
  const std::string& cid = frame.cid;
  if (frame.type == relay::FrameType::ping) return out.push_back({conn, R"({"t":"pong"})"}), out;
  if (closed_) return reject("no_room", "no room with this code", cid);
  const auto joined = conn_member_.find(conn);

  if (frame.type == relay::FrameType::create) {
    // The host tab made this room when it chose the no-relay mode; a second room has no tab to live in.
    return reject("relay_full", "this tab already holds its room");
  }
  if (frame.type == relay::FrameType::join) {
    std::string code = frame.room;
    std::transform(code.begin(), code.end(), code.begin(), [](char c) { return c >= 'a' && c <= 'z' ? char(c - 32) : c; });
    if (code != room_) return reject("no_room", "no room with this code");
    std::string member, token;
    if (frame.token) {
      token = *frame.token;
      const std::string hash = relay::sha256_hex(token);
      if (hash == host_hash_) member = "h1";
      else if (hash == kiosk_hash_) member = "k2";
      else if (const auto p = by_token_hash_.find(hash); p != by_token_hash_.end()) member = p->second;
      else return reject("bad_token", "this token opens nothing in this room");
    } else {
      token = new_token();
      member = "p" + std::to_string(next_member_number_);
      const std::string hash = relay::sha256_hex(token);
      add_member(member, Role::participant);
      by_token_hash_[hash] = member;
      participant_records_.emplace_back(member, hash);
    }
    if (joined != conn_member_.end()) {  // a second join leaves the first membership
      auto left = disconnect(conn, now_ms);
      out.insert(out.end(), left.begin(), left.end());
    }
    const Member& m = members_.at(member);
    ordered_json answer{{"t", "joined"}, {"room", room_}, {"you", member}, {"role", role_name(static_cast<int>(m.role))},
                        {"token", token}};
    // As the relay: a host in any tab gets every link to share, the kiosk's included.
    if (m.role == Role::host)
      if (std::string kiosk = relay::kiosk_token_to_tell(token, kiosk_hash_); !kiosk.empty()) answer["kiosk_token"] = kiosk;
    answer["anon"] = m.pseudonym;
    answer["seq"] = last_seq();
    answer["participants"] = participant_records_.size();
    out.push_back({conn, answer.dump()});
    // Like the relay: history up to now first, then this join's presence in its own batch.
    conn_member_[conn] = member;
    history(conn, frame.since, out);
    conn_member_.erase(conn);
    attach(conn, member, now_ms, out);
    return out;
  }
  if (frame.type == relay::FrameType::event) {
    if (joined == conn_member_.end()) return reject("not_joined", "join a room first", cid);
    const Member& member = members_.at(joined->second);
    if (member.role == Role::kiosk) return reject("forbidden", "a kiosk may not send events", cid);
    const std::size_t first_new = log_.size();
    const std::string seq = stamp(frame.staff, joined->second, frame.anonymous ? member.pseudonym : joined->second,
                                  role_name(static_cast<int>(member.role)), frame.ev_text, now_ms);
    broadcast(first_new, out);
    std::string ack = R"({"t":"ack",)";
    if (!cid.empty()) ack.append("\"cid\":").append(cid).append(",");
    out.push_back({conn, ack.append("\"seq\":").append(seq).append("}")});
    return out;
  }
  if (frame.type == relay::FrameType::sync) {
    if (joined == conn_member_.end()) return reject("not_joined", "join a room first");
    history(conn, frame.since, out);
    return out;
  }
  // close, the only type left
  if (joined == conn_member_.end()) return reject("not_joined", "join a room first");
  if (members_.at(joined->second).role != Role::host) return reject("forbidden", "only a host may close the room");
  closed_ = true;
  const std::string closed = ordered_json{{"t", "closed"}, {"room", room_}}.dump();
  for (const auto& [c, m] : conn_member_) out.push_back({c, closed});
  conn_member_.clear();
  return out;
}

// [SECTION] storage
std::string LocalRelay::members_text() const {
  std::string out = ordered_json{{"format", "palabre-members"}, {"version", 1}, {"room", room_}, {"host", host_hash_},
                                 {"kiosk", kiosk_hash_}, {"anon_key", anon_key_}}
                        .dump() + "\n";
  for (const auto& [id, hash] : participant_records_) out += ordered_json{{"id", id}, {"token", hash}}.dump() + "\n";
  return out;
}

std::string LocalRelay::log_line(std::size_t index) const {
  if (index == 0)
    return ordered_json{{"format", "palabre-log"}, {"version", 1}, {"room", room_}, {"created", created_ms_}}.dump();
  return index - 1 < log_.size() ? log_[index - 1].text : std::string();
}

std::string LocalRelay::log_text() const {
  std::string out;
  for (std::size_t i = 0; i < log_lines(); ++i) out += log_line(i) + "\n";
  return out;
}

}  // namespace palabre::app
