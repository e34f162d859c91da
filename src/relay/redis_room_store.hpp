#pragma once
// Rooms in Redis (redis_store.*), shared by several relays: a room is loaded here on its first
// join, the follower brings what other relays append to the rooms this relay holds, and an append
// can find that another relay took the next seq first (`conflict`).
#include <string>

#include "relay/redis_store.hpp"
#include "relay/room_store.hpp"

namespace palabre::relay {

class RedisRoomStore final : public RoomStore {
 public:
  // `foreign` gets the follower's envelopes, on the follower's thread.
  RedisRoomStore(std::string url, ForeignEnvelopes foreign);

  StorageStatus start() override;
  void stop() override { follower_.stop(); }
  std::vector<RoomRecord> rooms_at_start(std::vector<std::string>&) override { return {}; }

  bool code_taken(const std::string& code) override { return redis_.room_exists(code); }
  StorageStatus create_room(const RoomRecord& room) override;
  StorageResult<RoomRecord> load_room(const std::string& code) override;
  bool room_open(const std::string& code) override { return redis_.room_open(code); }
  void end_room(const std::string& code, RoomEnd why) override;

  StorageResult<std::string> add_participant(const std::string& code, const std::string& proposed_id,
                                             const std::string& token_hash) override;
  StorageResult<std::optional<std::string>> participant_by_token(const std::string& code,
                                                               const std::string& token_hash) override;
  StorageResult<std::size_t> participant_count(const std::string& code) override;

  StorageStatus append(const std::string& code, std::int64_t last_seq,
                       const std::vector<const StoredEnvelope*>& envelopes) override;
  StorageResult<std::vector<StoredEnvelope>> read_after(const std::string& code, std::int64_t seq) override;

  StorageResult<BlobPut> put_blob(const std::string& code, const std::string& hash, std::string_view bytes,
                                  BlobQuota quota) override;
  StorageResult<std::optional<std::string>> get_blob(const std::string& code, const std::string& hash) override;

 private:
  std::string url_;
  RedisStore redis_;
  RedisFollower follower_;
};

}  // namespace palabre::relay
