#pragma once
// A room's files in the data directory (docs/protocol.md "Persistence"):
//   <ROOM>.palabre.jsonl  the log: header line, then one envelope a line, exactly as broadcast;
//   <ROOM>.members.jsonl  the sidecar: room secrets (hashed) then one line per participant.
// Both are append-only, so a crash can only tear their last line, which loading drops.
#include "relay/config.hpp"
#include "relay/room_record.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace palabre::relay {

// The open files of one room. Not copyable; closes on destruction.
class RoomFiles {
 public:
  RoomFiles() = default;
  RoomFiles(const RoomFiles&) = delete;
  RoomFiles& operator=(const RoomFiles&) = delete;
  ~RoomFiles();

  // Creates both files for a new room (fails if they exist) and writes their first lines.
  bool create(const std::filesystem::path& dir, const RoomRecord& room, FsyncPolicy fsync, std::string& error);
  // Opens the files of a loaded room for appending.
  bool open(const std::filesystem::path& dir, const std::string& code, std::string& error);

  // Appends whole lines (each ending in '\n') to the log; on failure the log is cut back to its
  // previous length so no partial line stays. Returns false on failure.
  bool append_log(const std::string& lines, FsyncPolicy fsync);
  bool append_member(const ParticipantRecord& participant, FsyncPolicy fsync);
  // fdatasync both files (the `batch` policy's timer).
  void sync();
  // Closes and deletes both files.
  void remove();

  static std::filesystem::path log_path(const std::filesystem::path& dir, const std::string& code);
  static std::filesystem::path members_path(const std::filesystem::path& dir, const std::string& code);

 private:
  std::filesystem::path dir_;
  std::string code_;
  int log_fd_ = -1;
  int members_fd_ = -1;
  bool dirty_ = false;
};

// Reads every room of `dir` (creating `dir` if absent). A torn last line is dropped, the file cut
// back to its last whole line, and a warning added; a room whose files cannot be read is skipped
// with a warning. Never throws for bad content.
std::vector<RoomRecord> load_rooms(const std::filesystem::path& dir, std::vector<std::string>& warnings);


}  // namespace palabre::relay
