#pragma once
// Where the relay keeps its rooms: one interface, two stores. `FileRoomStore` (file_room_store.*)
// keeps each room in the data directory, for one relay; `RedisRoomStore` (redis_room_store.*) keeps
// them in Redis, shared by several relays. The protocol handlers (handlers.cpp, rooms.cpp) only
// see this interface: what differs between the two is behaviour of the store, not a branch there.
// Every call that can fail says so with one type, `StorageError`, as protocol::FrameError does for
// a client frame: `StorageStatus` (nothing, or the error) or `StorageResult<T>` (T, or the error).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "relay/room_record.hpp"

namespace palabre::relay {

struct StorageError {
  enum class Kind {
    io,           // the write or read failed (disk full, bad reply): trying again now will not help
    unavailable,  // the store did not answer (Redis reconnecting): worth one more try
    conflict,     // another relay appended to the room first: catch up, renumber, append again
    closed,       // a host closed the room on another relay
    not_found,    // no such room in the store
  };
  Kind kind = Kind::io;
  std::string message;  // for the relay's log line; never a token
};

using StorageStatus = std::optional<StorageError>;  // nullopt: done
template <class T>
using StorageResult = std::variant<T, StorageError>;

// Why the relay stops holding a room. What becomes of its data is the store's decision: a file
// room idle here is deleted (nobody else can use it), a Redis room idle here may be busy on
// another relay and stays in Redis.
enum class RoomEnd {
  closed_by_host,    // the host closed it here: its data goes, everywhere
  idle,              // expired or evicted by this relay
  closed_elsewhere,  // a host closed it on another relay, which deleted its data
};

// A room's bounds on blobs (Config's --max-room-blobs, --max-room-blob-bytes).
struct BlobQuota {
  std::size_t max_blobs = 0;
  std::size_t max_bytes = 0;
};

// What became of a blob given to RoomStore::put_blob.
enum class BlobPut {
  stored,          // new in the room
  already_there,   // the room had it: stored once, counted once
  too_many_blobs,  // the room holds quota.max_blobs blobs: nothing stored
  too_many_bytes,  // it would take the room over quota.max_bytes: nothing stored
  no_room,         // the room is gone (closed, on this relay or another): nothing stored
};

// Envelopes other relays stored in a room this relay holds. Called on the store's own thread.
using ForeignEnvelopes = std::function<void(const std::string& code, std::vector<StoredEnvelope> envelopes)>;

class RoomStore {
 public:
  virtual ~RoomStore() = default;

  // Connects, and starts what runs beside the loop (the fsync timer, the Redis follower).
  virtual StorageStatus start() = 0;
  // At shutdown: syncs what was written and stops what start() started.
  virtual void stop() = 0;
  // The rooms to hold from the start (the whole data directory; Redis: none, they load on join).
  // A room that cannot be read is skipped with a warning.
  virtual std::vector<RoomRecord> rooms_at_start(std::vector<std::string>& warnings) = 0;

  // True if a room has (or had) this code. A store that cannot tell says false: create_room()
  // refuses a taken code anyway.
  virtual bool code_taken(const std::string& code) = 0;
  virtual StorageStatus create_room(const RoomRecord& room) = 0;
  // A room this relay does not hold yet: Redis has rooms other relays created. `not_found` if none.
  virtual StorageResult<RoomRecord> load_room(const std::string& code) = 0;
  // True unless a host closed the room elsewhere (true when the store cannot tell).
  virtual bool room_open(const std::string& code) = 0;
  virtual void end_room(const std::string& code, RoomEnd why) = 0;

  // A new participant: `proposed_id` is the roster's next id; a shared store may give another
  // (unique across relays). Returns the id stored.
  virtual StorageResult<std::string> add_participant(const std::string& code, const std::string& proposed_id,
                                                     const std::string& token_hash) = 0;
  // A participant this relay has not seen (it joined through another relay); nullopt if none.
  virtual StorageResult<std::optional<std::string>> participant_by_token(const std::string& code,
                                                                       const std::string& token_hash) = 0;
  // How many participants the room has, whichever relay they joined through.
  virtual StorageResult<std::size_t> participant_count(const std::string& code) = 0;

  // Appends envelopes numbered last_seq+1, … if the room's log ends at `last_seq` (`conflict` if
  // another relay appended meanwhile, `closed` if the room was closed elsewhere).
  virtual StorageStatus append(const std::string& code, std::int64_t last_seq,
                               const std::vector<const StoredEnvelope*>& envelopes) = 0;
  // What others appended after `seq`, in order (always empty for a store only this relay writes).
  virtual StorageResult<std::vector<StoredEnvelope>> read_after(const std::string& code, std::int64_t seq) = 0;

  // Blobs (docs/protocol.md "Blobs"): `bytes` under `hash` (their SHA-256, already checked) in the
  // room, once, within `quota` — checked and stored as one step, whichever relay stores beside.
  // Durable as the log is (--fsync) when it returns `stored`. Deleted with the room (end_room).
  virtual StorageResult<BlobPut> put_blob(const std::string& code, const std::string& hash, std::string_view bytes,
                                          BlobQuota quota) = 0;
  // The bytes of a blob of the room; nullopt if the room has none by that hash.
  virtual StorageResult<std::optional<std::string>> get_blob(const std::string& code, const std::string& hash) = 0;
};

}  // namespace palabre::relay
