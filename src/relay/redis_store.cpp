#include "redis_store.hpp"

#include <hiredis/hiredis.h>

#include <charconv>
#include <chrono>
#include <memory>

namespace palabre::relay {

namespace {

struct ReplyDeleter {
  void operator()(redisReply* r) const { if (r) freeReplyObject(r); }
};
using Reply = std::unique_ptr<redisReply, ReplyDeleter>;

Reply command(redisContext* ctx, const std::vector<std::string>& args) {
  if (!ctx) return nullptr;
  std::vector<const char*> argv;
  std::vector<std::size_t> lengths;
  for (const auto& a : args) {
    argv.push_back(a.data());
    lengths.push_back(a.size());
  }
  return Reply(static_cast<redisReply*>(redisCommandArgv(ctx, int(argv.size()), argv.data(), lengths.data())));
}

bool is_error(const Reply& r) { return !r || r->type == REDIS_REPLY_ERROR; }

std::string str(const redisReply* r) {
  return r && (r->type == REDIS_REPLY_STRING || r->type == REDIS_REPLY_STATUS) ? std::string(r->str, r->len)
                                                                               : std::string();
}

std::int64_t seq_of_id(std::string_view id) {
  std::int64_t seq = 0;
  std::from_chars(id.data(), id.data() + id.size(), seq);
  return seq;
}

std::string room_key(const std::string& code) { return "palabre:room:" + code; }
std::string members_key(const std::string& code) { return "palabre:members:" + code; }
std::string log_key(const std::string& code) { return "palabre:log:" + code; }
// Set when a room is closed, so that its code is never served or drawn again.
std::string closed_key(const std::string& code) { return "palabre:closed:" + code; }
std::string blob_key_prefix(const std::string& code) { return "palabre:blob:" + code + ":"; }
std::string blob_key(const std::string& code, const std::string& hash) { return blob_key_prefix(code) + hash; }
std::string blobs_key(const std::string& code) { return "palabre:blobs:" + code; }

// Stream entries [[id, [field, value, …]], …] → envelopes.
void entries_to_envelopes(const redisReply* entries, std::vector<StoredEnvelope>& out) {
  if (!entries || entries->type != REDIS_REPLY_ARRAY) return;
  for (std::size_t i = 0; i < entries->elements; ++i) {
    const redisReply* entry = entries->element[i];
    if (entry->type != REDIS_REPLY_ARRAY || entry->elements != 2) continue;
    StoredEnvelope env;
    env.seq = seq_of_id(str(entry->element[0]));
    const redisReply* fields = entry->element[1];
    for (std::size_t f = 0; f + 1 < fields->elements; f += 2) {
      const std::string name = str(fields->element[f]);
      if (name == "closed") env.seq = StoredEnvelope::room_closed;
      else if (name == "env") env.text = str(fields->element[f + 1]);
      else if (name == "sender") env.sender = str(fields->element[f + 1]);
      else if (name == "vis") env.staff = str(fields->element[f + 1]) == "staff";
      else if (name == "cid") env.cid = str(fields->element[f + 1]);
    }
    out.push_back(std::move(env));
  }
}

// Appends ARGV[2..] (env, sender, vis, cid quadruples; cid "" for none) with ids last+1, … if the
// stream ends at ARGV[1]. Returns -1 when appended, -2 when the room is closed (KEYS[2] gone), else
// the stream's last seq.
constexpr const char* kAppendScript = R"lua(
if redis.call('EXISTS', KEYS[2]) == 0 then return -2 end
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
local seq = 0
if #last > 0 then seq = tonumber(string.match(last[1][1], '^(%d+)')) end
if seq ~= tonumber(ARGV[1]) then return seq end
for i = 2, #ARGV, 4 do
  seq = seq + 1
  if ARGV[i + 3] == '' then
    redis.call('XADD', KEYS[1], seq .. '-0', 'env', ARGV[i], 'sender', ARGV[i + 1], 'vis', ARGV[i + 2])
  else
    redis.call('XADD', KEYS[1], seq .. '-0', 'env', ARGV[i], 'sender', ARGV[i + 1], 'vis', ARGV[i + 2],
               'cid', ARGV[i + 3])
  end
end
return -1
)lua";

}  // namespace

bool parse_redis_url(std::string_view url, std::string& host, int& port) {
  constexpr std::string_view scheme = "redis://";
  if (url.substr(0, scheme.size()) != scheme) return false;
  url.remove_prefix(scheme.size());
  if (const auto slash = url.find('/'); slash != std::string_view::npos) url = url.substr(0, slash);
  port = 6379;
  if (const auto colon = url.rfind(':'); colon != std::string_view::npos) {
    const auto digits = url.substr(colon + 1);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
    if (ec != std::errc() || end != digits.data() + digits.size() || port <= 0 || port > 65535) return false;
    url = url.substr(0, colon);
  }
  host = std::string(url);
  return !host.empty();
}

RedisStore::~RedisStore() {
  if (ctx_) redisFree(ctx_);
}

bool RedisStore::connect(const std::string& url, std::string& error) {
  if (!parse_redis_url(url, host_, port_)) {
    error = "bad Redis URL '" + url + "' (expected redis://HOST:PORT)";
    return false;
  }
  if (!reconnect()) {
    error = "cannot connect to Redis at " + host_ + ":" + std::to_string(port_);
    return false;
  }
  const Reply pong = command(ctx_, {"PING"});
  if (is_error(pong)) {
    error = "Redis at " + host_ + ":" + std::to_string(port_) + " does not answer PING";
    return false;
  }
  return true;
}

bool RedisStore::reconnect() {
  if (ctx_) redisFree(ctx_);
  ctx_ = redisConnectWithTimeout(host_.c_str(), port_, timeval{2, 0});
  if (!ctx_ || ctx_->err) {
    if (ctx_) redisFree(ctx_);
    ctx_ = nullptr;
    return false;
  }
  const timeval timeout{5, 0};
  redisSetTimeout(ctx_, timeout);
  return true;
}

bool RedisStore::create_room(const RoomRecord& room) {
  if (!ctx_ && !reconnect()) return false;
  // HSETNX claims the code: of two relays drawing the same code, one wins.
  const Reply claimed = command(ctx_, {"HSETNX", room_key(room.code), "created", std::to_string(room.created_ms)});
  if (is_error(claimed) || claimed->type != REDIS_REPLY_INTEGER || claimed->integer != 1) return false;
  const Reply set = command(ctx_, {"HSET", room_key(room.code), "host", room.host_token_hash, "kiosk",
                                   room.kiosk_token_hash, "anon_key", room.anon_key, "next_member", "2"});
  return !is_error(set);
}

bool RedisStore::room_exists(const std::string& code) {
  // A closed room's code counts as taken: it is never drawn again.
  const Reply r = command(ctx_, {"EXISTS", room_key(code), closed_key(code)});
  return !is_error(r) && r->type == REDIS_REPLY_INTEGER && r->integer >= 1;
}

bool RedisStore::room_open(const std::string& code) {
  const Reply r = command(ctx_, {"EXISTS", room_key(code)});
  return is_error(r) || (r->type == REDIS_REPLY_INTEGER && r->integer == 1);  // unsure: not closed
}

std::optional<RoomRecord> RedisStore::load_room(const std::string& code, bool& failed) {
  failed = false;
  if (!ctx_ && !reconnect()) return failed = true, std::nullopt;
  const Reply meta = command(ctx_, {"HGETALL", room_key(code)});
  if (is_error(meta) || meta->type != REDIS_REPLY_ARRAY) return failed = true, std::nullopt;
  if (meta->elements == 0) return std::nullopt;
  RoomRecord room;
  room.code = code;
  for (std::size_t i = 0; i + 1 < meta->elements; i += 2) {
    const std::string name = str(meta->element[i]), value = str(meta->element[i + 1]);
    if (name == "created") room.created_ms = std::stoll(value);
    else if (name == "host") room.host_token_hash = value;
    else if (name == "kiosk") room.kiosk_token_hash = value;
    else if (name == "anon_key") room.anon_key = value;
  }
  const Reply members = command(ctx_, {"HGETALL", members_key(code)});
  if (is_error(members) || members->type != REDIS_REPLY_ARRAY) return failed = true, std::nullopt;
  for (std::size_t i = 0; i + 1 < members->elements; i += 2)
    room.participants.push_back({str(members->element[i + 1]), str(members->element[i])});
  if (!read_after(code, 0, room.envelopes)) return failed = true, std::nullopt;
  return room;
}

std::optional<std::string> RedisStore::add_participant(const std::string& code, const std::string& token_hash) {
  if (!ctx_ && !reconnect()) return std::nullopt;
  // Atomically, and only while the room exists: HINCRBY on a closed room would re-create its hash
  // with the counter at 1 and hand out member ids again.
  static constexpr const char* kAddScript = R"lua(
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local n = redis.call('HINCRBY', KEYS[1], 'next_member', 1)
redis.call('HSET', KEYS[2], ARGV[1], 'p' .. n)
return n
)lua";
  const Reply n = command(ctx_, {"EVAL", kAddScript, "2", room_key(code), members_key(code), token_hash});
  if (is_error(n) || n->type != REDIS_REPLY_INTEGER || n->integer < 0) return std::nullopt;
  return "p" + std::to_string(n->integer);
}

std::optional<std::string> RedisStore::participant_by_token(const std::string& code, const std::string& token_hash,
                                                            bool& failed) {
  failed = false;
  const Reply r = command(ctx_, {"HGET", members_key(code), token_hash});
  if (is_error(r)) return failed = true, std::nullopt;
  if (r->type != REDIS_REPLY_STRING) return std::nullopt;  // nil: nobody has that token
  return str(r.get());
}

std::optional<std::size_t> RedisStore::participant_count(const std::string& code) {
  if (!ctx_ && !reconnect()) return std::nullopt;
  const Reply r = command(ctx_, {"HLEN", members_key(code)});
  if (is_error(r) || r->type != REDIS_REPLY_INTEGER) return std::nullopt;
  return static_cast<std::size_t>(r->integer);
}

namespace {
// `from` of an envelope the relay wrote (fields in the documented order: seq, at, from, …).
std::string envelope_from(const std::string& text) {
  constexpr std::string_view key = "\"from\":\"";
  const std::size_t start = text.find(key);
  if (start == std::string::npos) return {};
  const std::size_t end = text.find('"', start + key.size());
  return end == std::string::npos ? std::string() : text.substr(start + key.size(), end - start - key.size());
}
}  // namespace

RedisStore::Append RedisStore::append(const std::string& code, std::int64_t last_seq,
                                      const std::vector<const StoredEnvelope*>& envelopes) {
  if (!ctx_ && !reconnect()) return Append::error;
  std::vector<std::string> args = {"EVAL", kAppendScript, "2", log_key(code), room_key(code), std::to_string(last_seq)};
  args.reserve(args.size() + 4 * envelopes.size());
  for (const auto* env : envelopes) {
    args.push_back(env->text);
    // The envelope's own `from`, never the member behind a pseudonym: the stream must not link an
    // anonymous event to its author. Readers map a pseudonym back with the room's secret.
    args.push_back(envelope_from(env->text));
    args.push_back(env->staff ? "staff" : "public");
    // The client's id, so that a re-send to any relay of the room is known (next to the pseudonym of
    // an anonymous event: the stream is the relays' own, never shown to clients).
    args.push_back(env->cid);
  }
  const Reply r = command(ctx_, args);
  if (!r) {
    reconnect();  // the script either ran whole or not at all: the caller re-reads and retries
    return Append::error;
  }
  if (r->type != REDIS_REPLY_INTEGER) return Append::error;
  if (r->integer == -2) return Append::closed;
  return r->integer == -1 ? Append::ok : Append::conflict;
}

bool RedisStore::read_after(const std::string& code, std::int64_t seq, std::vector<StoredEnvelope>& out) {
  if (!ctx_ && !reconnect()) return false;
  const Reply r = command(ctx_, {"XRANGE", log_key(code), "(" + std::to_string(seq) + "-0", "+"});
  if (is_error(r) || r->type != REDIS_REPLY_ARRAY) return false;
  entries_to_envelopes(r.get(), out);
  return true;
}

void RedisStore::remove_room(const std::string& code) {
  // The room's keys go; a tombstone keeps its code from coming back; a last stream entry tells the
  // relays following the room now (they close it for their members), then the stream expires.
  // Its blobs go too: each named in the blobs hash (ARGV[1] is their key prefix).
  static constexpr const char* kCloseScript = R"lua(
for _, hash in ipairs(redis.call('HKEYS', KEYS[5])) do redis.call('DEL', ARGV[1] .. hash) end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[5])
redis.call('SET', KEYS[4], '1', 'EX', 2592000)
redis.call('XADD', KEYS[3], '*', 'closed', '1')
redis.call('EXPIRE', KEYS[3], 600)
return 1
)lua";
  command(ctx_, {"EVAL", kCloseScript, "5", room_key(code), members_key(code), log_key(code), closed_key(code),
                 blobs_key(code), blob_key_prefix(code)});
}

std::optional<BlobPut> RedisStore::put_blob(const std::string& code, const std::string& hash, std::string_view bytes,
                                            BlobQuota quota) {
  if (!ctx_ && !reconnect()) return std::nullopt;
  // One script: two relays storing the room's last allowed blob at once cannot both succeed, and
  // a room closed meanwhile (its hash gone) gets nothing.
  static constexpr const char* kPutBlobScript = R"lua(
if redis.call('EXISTS', KEYS[1]) == 0 then return -3 end
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return 0 end
if redis.call('HLEN', KEYS[2]) >= tonumber(ARGV[3]) then return -1 end
local total = 0
for _, size in ipairs(redis.call('HVALS', KEYS[2])) do total = total + tonumber(size) end
if total + #ARGV[2] > tonumber(ARGV[4]) then return -2 end
redis.call('SET', KEYS[3], ARGV[2])
redis.call('HSET', KEYS[2], ARGV[1], #ARGV[2])
return 1
)lua";
  const Reply r = command(ctx_, {"EVAL", kPutBlobScript, "3", room_key(code), blobs_key(code), blob_key(code, hash),
                                 hash, std::string(bytes), std::to_string(quota.max_blobs),
                                 std::to_string(quota.max_bytes)});
  if (!r) {
    reconnect();  // the script ran whole or not at all
    return std::nullopt;
  }
  if (r->type != REDIS_REPLY_INTEGER) return std::nullopt;
  switch (r->integer) {
    case 1: return BlobPut::stored;
    case 0: return BlobPut::already_there;
    case -1: return BlobPut::too_many_blobs;
    case -2: return BlobPut::too_many_bytes;
    case -3: return BlobPut::no_room;
    default: return std::nullopt;
  }
}

std::optional<std::string> RedisStore::get_blob(const std::string& code, const std::string& hash, bool& failed) {
  failed = false;
  if (!ctx_ && !reconnect()) return failed = true, std::nullopt;
  const Reply r = command(ctx_, {"GET", blob_key(code, hash)});
  if (!r) reconnect();
  if (is_error(r)) return failed = true, std::nullopt;
  if (r->type != REDIS_REPLY_STRING) return std::nullopt;  // nil: no such blob
  return str(r.get());
}

// [SECTION] Follower -------------------------------------------------------------------------------

RedisFollower::RedisFollower(std::string url, Sink sink) : url_(std::move(url)), sink_(std::move(sink)) {}
RedisFollower::~RedisFollower() { stop(); }

void RedisFollower::start() { thread_ = std::thread([this] { run(); }); }

void RedisFollower::stop() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
}

void RedisFollower::watch(const std::string& code, std::int64_t seq) {
  std::lock_guard lock(mutex_);
  auto& at = watched_[code];
  at = std::max(at, seq);
}

void RedisFollower::unwatch(const std::string& code) {
  std::lock_guard lock(mutex_);
  watched_.erase(code);
}

void RedisFollower::run() {
  std::string host;
  int port = 0;
  parse_redis_url(url_, host, port);
  redisContext* ctx = nullptr;
  constexpr int kBlockMs = 200;  // how long stop() may wait, and how late a newly watched room starts
  while (!stopping_) {
    if (!ctx) {
      ctx = redisConnectWithTimeout(host.c_str(), port, timeval{1, 0});
      if (!ctx || ctx->err) {
        if (ctx) redisFree(ctx);
        ctx = nullptr;
        std::this_thread::sleep_for(std::chrono::milliseconds(kBlockMs));
        continue;
      }
      redisSetTimeout(ctx, timeval{2, 0});
    }
    std::vector<std::string> args = {"XREAD", "COUNT", "10000", "BLOCK", std::to_string(kBlockMs), "STREAMS"};
    std::vector<std::string> codes, ids;
    {
      std::lock_guard lock(mutex_);
      for (const auto& [code, seq] : watched_) {
        codes.push_back(code);
        ids.push_back(std::to_string(seq) + "-0");
      }
    }
    if (codes.empty()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      continue;
    }
    for (const auto& code : codes) args.push_back(log_key(code));
    args.insert(args.end(), ids.begin(), ids.end());
    const Reply r = command(ctx, args);
    if (!r) {
      redisFree(ctx);
      ctx = nullptr;
      continue;
    }
    if (r->type != REDIS_REPLY_ARRAY) continue;  // nil: nothing new within the block time
    for (std::size_t s = 0; s < r->elements; ++s) {
      const redisReply* stream = r->element[s];
      if (stream->type != REDIS_REPLY_ARRAY || stream->elements != 2) continue;
      const std::string code = str(stream->element[0]).substr(std::string_view("palabre:log:").size());
      std::vector<StoredEnvelope> envelopes;
      entries_to_envelopes(stream->element[1], envelopes);
      if (envelopes.empty()) continue;
      {
        std::lock_guard lock(mutex_);
        const auto it = watched_.find(code);
        if (it == watched_.end()) continue;
        if (envelopes.back().seq == StoredEnvelope::room_closed) watched_.erase(it);  // nothing follows
        else it->second = std::max(it->second, envelopes.back().seq);
      }
      sink_(code, std::move(envelopes));
    }
  }
  if (ctx) redisFree(ctx);
}

}  // namespace palabre::relay
