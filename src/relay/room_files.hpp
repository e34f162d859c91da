#pragma once
// A room's files in the data directory (docs/protocol.md "Persistence"):
//   <ROOM>.palabre.jsonl  the log: header line, then one envelope a line as broadcast, with the
//                         client's id after `vis` (protocol::log_line);
//   <ROOM>.members.jsonl  the sidecar: room secrets (hashed) then one line per participant;
//   <ROOM>.blobs/<hash>   the room's blobs (images), each under the SHA-256 of its bytes.
// The two files are append-only, so a crash can only tear their last line, which loading drops.
// A blob is written whole under a temporary name, then renamed: it is there whole or not at all.
#include "relay/config.hpp"
#include "relay/room_record.hpp"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace palabre::relay {

// How many blobs a room holds and their bytes: what its limits count.
struct BlobUsage {
  std::size_t count = 0;
  std::size_t bytes = 0;
};

// An open file, closed when its last owner lets it go: the batch syncer's thread (batch_sync.hpp)
// may still hold a room's files while the loop closes and deletes the room.
class OpenFile {
 public:
  explicit OpenFile(int fd) : fd_(fd) {}
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
  ~OpenFile();
  int fd() const { return fd_; }

 private:
  int fd_;
};
using SharedFile = std::shared_ptr<const OpenFile>;

// The open files of one room. Not copyable; lets go of them on destruction.
class RoomFiles {
 public:
  RoomFiles() = default;
  RoomFiles(const RoomFiles&) = delete;
  RoomFiles& operator=(const RoomFiles&) = delete;
  ~RoomFiles() = default;

  // Creates both files for a new room (fails if they exist) and writes their first lines.
  bool create(const std::filesystem::path& dir, const RoomRecord& room, FsyncPolicy fsync, std::string& error);
  // Opens the files of a loaded room for appending.
  bool open(const std::filesystem::path& dir, const std::string& code, std::string& error);

  // Appends whole lines (each ending in '\n') to the log; on failure the log is cut back to its
  // previous length so no partial line stays. Returns false on failure.
  bool append_log(const std::string& lines, FsyncPolicy fsync);
  bool append_member(const ParticipantRecord& participant, FsyncPolicy fsync);
  // The files themselves, for the `batch` policy's syncer (null once removed).
  const SharedFile& log_file() const { return log_; }
  const SharedFile& members_file() const { return members_; }
  // Lets go of both files (closed once the syncer is done with them too) and deletes them and the
  // room's blobs.
  void remove();

  // Blobs. `hash` is a blob hash (protocol::is_blob_hash), checked by the caller against `bytes`.
  // Writes `bytes` to a temporary file, syncs it as `fsync` says (`always`: the directory too, so
  // the name survives a power cut), and renames it to the hash. False, with nothing left, on failure.
  bool write_blob(const std::string& hash, std::string_view bytes, FsyncPolicy fsync, std::string& error);
  bool has_blob(const std::string& hash) const;
  // The blob's bytes; nullopt if the room has none by that hash (or it cannot be read).
  std::optional<std::string> read_blob(const std::string& hash) const;
  // The blobs already there (after a restart); removes what a crash left of an unfinished write.
  BlobUsage scan_blobs() const;

  static std::filesystem::path log_path(const std::filesystem::path& dir, const std::string& code);
  static std::filesystem::path members_path(const std::filesystem::path& dir, const std::string& code);
  static std::filesystem::path blobs_path(const std::filesystem::path& dir, const std::string& code);

 private:
  std::filesystem::path dir_;
  std::string code_;
  SharedFile log_;
  SharedFile members_;
};

// Reads every room of `dir` (creating `dir` if absent). A torn last line is dropped, the file cut
// back to its last whole line, and a warning added; a room whose files cannot be read is skipped
// with a warning. Never throws for bad content.
std::vector<RoomRecord> load_rooms(const std::filesystem::path& dir, std::vector<std::string>& warnings);


}  // namespace palabre::relay
