#pragma once
// Rooms in Redis (`palabre serve --redis redis://HOST:PORT`), so that several relays serve the same
// rooms (docs/protocol.md "Several relays"):
//   palabre:room:<CODE>     hash: created, host, kiosk (token hashes), anon_key, next_member
//   palabre:members:<CODE>  hash: participant token hash → member id
//   palabre:log:<CODE>      stream: one entry per envelope, id `<seq>-0`, fields env, sender (= its `from`), vis
//   palabre:blob:<CODE>:<HASH>  string: a blob's bytes
//   palabre:blobs:<CODE>    hash: blob hash → size in bytes (what the room's blob limits count)
// Appends are atomic and conditional (a Lua script: "append after seq N"), with explicit ids, so
// two relays cannot both take a seq and a retried append cannot duplicate one.
// Blocking hiredis calls: RedisStore is used from the relay's event-loop thread only;
// RedisFollower runs its own thread (XREAD BLOCK) and hands envelopes to a callback.
#include "relay/room_record.hpp"
#include "relay/room_store.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

struct redisContext;

namespace palabre::relay {

// "redis://HOST:PORT" (port 6379 if absent) → host and port; false if not of that form.
bool parse_redis_url(std::string_view url, std::string& host, int& port);

class RedisStore {
 public:
  RedisStore() = default;
  RedisStore(const RedisStore&) = delete;
  RedisStore& operator=(const RedisStore&) = delete;
  ~RedisStore();

  bool connect(const std::string& url, std::string& error);

  // Stores a new room's secrets; false if a room with this code exists or Redis fails.
  bool create_room(const RoomRecord& room);
  bool room_exists(const std::string& code);  // or was closed: the code is taken
  bool room_open(const std::string& code);    // not closed (true when Redis cannot tell)
  // The room's secrets, participants and whole log (senders as stored: pseudonyms for anonymous events); nullopt if absent.
  std::optional<RoomRecord> load_room(const std::string& code, bool& failed);
  // A new participant id (p3, p4, … unique across relays) stored with its token hash.
  std::optional<std::string> add_participant(const std::string& code, const std::string& token_hash);
  // The participant holding this token hash, if any (it may have joined through another relay);
  // nothing too when Redis cannot say, with `failed` set.
  std::optional<std::string> participant_by_token(const std::string& code, const std::string& token_hash, bool& failed);
  // How many participants the room has, whichever relay they joined through.
  std::optional<std::size_t> participant_count(const std::string& code);

  enum class Append { ok, conflict, closed, error };
  // Appends `envelopes` (seqs last_seq+1, …) if the stream's last seq is `last_seq`, atomically.
  Append append(const std::string& code, std::int64_t last_seq, const std::vector<const StoredEnvelope*>& envelopes);
  // Envelopes after `seq`, in order (false on failure).
  bool read_after(const std::string& code, std::int64_t seq, std::vector<StoredEnvelope>& out);
  // The room's keys (its blobs too), a tombstone for its code, a `closed` entry for the followers.
  void remove_room(const std::string& code);

  // Stores `bytes` under `hash` if the room (still) exists, has not it yet and stays within
  // `quota`: checked and stored by one script, atomic across relays. nullopt when Redis fails.
  std::optional<BlobPut> put_blob(const std::string& code, const std::string& hash, std::string_view bytes,
                                  BlobQuota quota);
  // The blob's bytes; nullopt if absent, or with `failed` set when Redis cannot say.
  std::optional<std::string> get_blob(const std::string& code, const std::string& hash, bool& failed);

 private:
  bool reconnect();
  redisContext* ctx_ = nullptr;
  std::string host_;
  int port_ = 0;
};

// Follows the streams of the rooms a relay holds (XREAD BLOCK on its own connection and thread)
// and hands every new envelope to `sink`, called on the follower's thread.
class RedisFollower {
 public:
  using Sink = std::function<void(const std::string& code, std::vector<StoredEnvelope> envelopes)>;
  RedisFollower(std::string url, Sink sink);
  ~RedisFollower();  // stop()s
  void start();
  void stop();
  // Follows room `code` from after `seq` (again if already followed: keeps the later position).
  void watch(const std::string& code, std::int64_t seq);
  void unwatch(const std::string& code);

 private:
  void run();
  std::string url_;
  Sink sink_;
  std::mutex mutex_;
  std::map<std::string, std::int64_t> watched_;  // room → last seq handed over
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace palabre::relay
