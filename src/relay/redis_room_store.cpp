#include "relay/redis_room_store.hpp"

namespace palabre::relay {

using Kind = StorageError::Kind;

RedisRoomStore::RedisRoomStore(std::string url, ForeignEnvelopes foreign)
    : url_(url), follower_(std::move(url), std::move(foreign)) {}

StorageStatus RedisRoomStore::start() {
  std::string error;
  if (!redis_.connect(url_, error)) return StorageError{Kind::unavailable, error};
  follower_.start();
  return std::nullopt;
}

StorageStatus RedisRoomStore::create_room(const RoomRecord& room) {
  if (!redis_.create_room(room)) return StorageError{Kind::io, "cannot create the room in Redis"};
  follower_.watch(room.code, 0);
  return std::nullopt;
}

StorageResult<RoomRecord> RedisRoomStore::load_room(const std::string& code) {
  bool failed = false;
  auto room = redis_.load_room(code, failed);
  if (failed) return StorageError{Kind::unavailable, "cannot read room " + code + " from Redis"};
  if (!room) return StorageError{Kind::not_found, "no room " + code + " in Redis"};
  follower_.watch(code, room->envelopes.empty() ? 0 : room->envelopes.back().seq);
  return std::move(*room);
}

void RedisRoomStore::end_room(const std::string& code, RoomEnd why) {
  follower_.unwatch(code);
  // Idle here is not idle everywhere: only a host's close deletes the room from Redis.
  if (why == RoomEnd::closed_by_host) redis_.remove_room(code);
}

StorageResult<std::string> RedisRoomStore::add_participant(const std::string& code, const std::string&,
                                                           const std::string& token_hash) {
  // The id comes from Redis, unique across relays; this relay's roster may not know the last one.
  auto id = redis_.add_participant(code, token_hash);
  if (!id) return StorageError{Kind::io, "cannot add member in Redis"};
  return std::move(*id);
}

StorageResult<std::optional<std::string>> RedisRoomStore::participant_by_token(const std::string& code,
                                                                             const std::string& token_hash) {
  // A failure is not "nobody": the join is then refused as unavailable, not as a bad token (which
  // would make the app forget the member's token).
  bool failed = false;
  auto member = redis_.participant_by_token(code, token_hash, failed);
  if (failed) return StorageError{Kind::unavailable, "cannot read the members in Redis"};
  return member;
}

StorageResult<std::size_t> RedisRoomStore::participant_count(const std::string& code) {
  const auto count = redis_.participant_count(code);
  if (!count) return StorageError{Kind::unavailable, "cannot count the members in Redis"};
  return *count;
}

StorageStatus RedisRoomStore::append(const std::string& code, std::int64_t last_seq,
                                     const std::vector<const StoredEnvelope*>& envelopes) {
  switch (redis_.append(code, last_seq, envelopes)) {
    case RedisStore::Append::ok: return std::nullopt;
    case RedisStore::Append::conflict: return StorageError{Kind::conflict, "another relay appended first"};
    case RedisStore::Append::closed: return StorageError{Kind::closed, "closed on another relay"};
    case RedisStore::Append::error: break;
  }
  // RedisStore reconnected: the script ran whole or not at all, so the caller may re-read and retry.
  return StorageError{Kind::unavailable, "cannot append to the log in Redis"};
}

StorageResult<std::vector<StoredEnvelope>> RedisRoomStore::read_after(const std::string& code, std::int64_t seq) {
  std::vector<StoredEnvelope> envelopes;
  if (!redis_.read_after(code, seq, envelopes))
    return StorageError{Kind::unavailable, "cannot read room " + code + " from Redis"};
  return envelopes;
}

StorageResult<BlobPut> RedisRoomStore::put_blob(const std::string& code, const std::string& hash,
                                               std::string_view bytes, BlobQuota quota) {
  if (const auto put = redis_.put_blob(code, hash, bytes, quota)) return *put;
  return StorageError{Kind::unavailable, "cannot store a blob in Redis"};
}

StorageResult<std::optional<std::string>> RedisRoomStore::get_blob(const std::string& code, const std::string& hash) {
  bool failed = false;
  auto bytes = redis_.get_blob(code, hash, failed);
  if (failed) return StorageError{Kind::unavailable, "cannot read a blob from Redis"};
  return bytes;
}

}  // namespace palabre::relay
