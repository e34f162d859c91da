#pragma once
// Rooms in the data directory (room_files.*), for one relay: every room is loaded at start, only
// this relay writes them, so nothing is ever appended behind its back. With `--fsync batch` what
// was written is fdatasynced once a second on a thread of its own (batch_sync.hpp), off the loop.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "relay/batch_sync.hpp"
#include "relay/config.hpp"
#include "relay/room_files.hpp"
#include "relay/room_store.hpp"

namespace palabre::relay {

class FileRoomStore final : public RoomStore {
 public:
  // `sync_period`: how often `batch` syncs (a second; tests give less).
  FileRoomStore(std::filesystem::path dir, FsyncPolicy fsync,
                std::chrono::milliseconds sync_period = std::chrono::seconds(1));

  StorageStatus start() override;
  void stop() override;
  std::vector<RoomRecord> rooms_at_start(std::vector<std::string>& warnings) override;

  bool code_taken(const std::string& code) override;
  StorageStatus create_room(const RoomRecord& room) override;
  StorageResult<RoomRecord> load_room(const std::string& code) override;
  bool room_open(const std::string&) override { return true; }
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

  // Files the `batch` syncer synced so far (for tests: it needs no event loop).
  std::uint64_t batch_syncs() const { return syncer_.syncs(); }

 private:
  struct OpenRoom {
    RoomFiles files;
    std::size_t participants = 0;
    BlobUsage blobs;  // counted at start (scan_blobs), then as blobs are stored
  };
  OpenRoom* find(const std::string& code);
  // `batch`: `file` was written, the syncer has it on the disk within a period.
  void written(const SharedFile& file);

  std::filesystem::path dir_;
  FsyncPolicy fsync_;
  BatchSync syncer_;
  std::map<std::string, OpenRoom> rooms_;  // map nodes stay put: RoomFiles cannot move
};

}  // namespace palabre::relay
