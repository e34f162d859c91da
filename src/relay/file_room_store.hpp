#pragma once
// Rooms in the data directory (room_files.*), for one relay: every room is loaded at start, only
// this relay writes them, so nothing is ever appended behind its back. With `--fsync batch` the
// store fdatasyncs what was written once a second.
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>

#include "relay/config.hpp"
#include "relay/net.hpp"
#include "relay/room_files.hpp"
#include "relay/room_store.hpp"

namespace palabre::relay {

class FileRoomStore final : public RoomStore {
 public:
  FileRoomStore(net::io_context& ioc, std::filesystem::path dir, FsyncPolicy fsync);

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

 private:
  struct OpenRoom {
    RoomFiles files;
    std::size_t participants = 0;
    BlobUsage blobs;  // counted at start (scan_blobs), then as blobs are stored
  };
  OpenRoom* find(const std::string& code);
  void arm_sync_timer();

  std::filesystem::path dir_;
  FsyncPolicy fsync_;
  net::steady_timer sync_timer_;
  bool stopping_ = false;
  std::map<std::string, OpenRoom> rooms_;  // map nodes stay put: RoomFiles cannot move
};

}  // namespace palabre::relay
