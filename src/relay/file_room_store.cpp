#include "relay/file_room_store.hpp"

#include "protocol/log_format.hpp"

namespace palabre::relay {

namespace {
StorageError missing(const std::string& code) {
  return {StorageError::Kind::not_found, "room " + code + " has no open files"};
}
}  // namespace

FileRoomStore::FileRoomStore(std::filesystem::path dir, FsyncPolicy fsync, std::chrono::milliseconds sync_period)
    : dir_(std::move(dir)), fsync_(fsync), syncer_(sync_period) {}

StorageStatus FileRoomStore::start() {
  if (fsync_ == FsyncPolicy::batch) syncer_.start();
  return std::nullopt;
}

void FileRoomStore::stop() {
  syncer_.stop();  // after a last sync of what was written
}

// `batch`: on the disk within a second, without an fdatasync per tick, nor any on the loop: a slow
// disk must not hold up every room's events.
void FileRoomStore::written(const SharedFile& file) {
  if (fsync_ == FsyncPolicy::batch && file) syncer_.written(file);
}

std::vector<RoomRecord> FileRoomStore::rooms_at_start(std::vector<std::string>& warnings) {
  std::vector<RoomRecord> opened;
  for (auto& record : load_rooms(dir_, warnings)) {
    const auto it = rooms_.try_emplace(record.code).first;
    std::string error;
    if (!it->second.files.open(dir_, record.code, error)) {
      rooms_.erase(it);
      warnings.push_back(error);
      continue;
    }
    it->second.participants = record.participants.size();
    it->second.blobs = it->second.files.scan_blobs();
    opened.push_back(std::move(record));
  }
  return opened;
}

bool FileRoomStore::code_taken(const std::string& code) {
  // Blobs a crash left behind their deleted log must not become a new room's.
  return rooms_.count(code) || std::filesystem::exists(RoomFiles::log_path(dir_, code)) ||
         std::filesystem::exists(RoomFiles::blobs_path(dir_, code));
}

StorageStatus FileRoomStore::create_room(const RoomRecord& room) {
  auto [it, added] = rooms_.try_emplace(room.code);
  if (!added) return StorageError{StorageError::Kind::io, "room " + room.code + " exists"};
  std::string error;
  if (!it->second.files.create(dir_, room, fsync_, error)) {
    it->second.files.remove();  // what create() wrote of them
    rooms_.erase(it);
    return StorageError{StorageError::Kind::io, error};
  }
  return std::nullopt;
}

StorageResult<RoomRecord> FileRoomStore::load_room(const std::string& code) {
  // Every room of the data directory was loaded at start: one not held does not exist.
  return missing(code);
}

void FileRoomStore::end_room(const std::string& code, RoomEnd) {
  // Whatever the reason: only this relay could ever use the files.
  if (OpenRoom* room = find(code)) room->files.remove();
  rooms_.erase(code);
}

StorageResult<std::string> FileRoomStore::add_participant(const std::string& code, const std::string& proposed_id,
                                                          const std::string& token_hash) {
  OpenRoom* room = find(code);
  if (!room) return missing(code);
  if (!room->files.append_member({proposed_id, token_hash}, fsync_))
    return StorageError{StorageError::Kind::io, "cannot append member"};
  written(room->files.members_file());
  ++room->participants;
  return proposed_id;
}

StorageResult<std::optional<std::string>> FileRoomStore::participant_by_token(const std::string&,
                                                                            const std::string&) {
  // Every participant joined through this relay: the room's roster already has them all.
  return std::optional<std::string>();
}

StorageResult<std::size_t> FileRoomStore::participant_count(const std::string& code) {
  const OpenRoom* room = find(code);
  if (!room) return missing(code);
  return room->participants;
}

StorageStatus FileRoomStore::append(const std::string& code, std::int64_t,
                                    const std::vector<const StoredEnvelope*>& envelopes) {
  OpenRoom* room = find(code);
  if (!room) return missing(code);
  std::string lines;
  for (const auto* env : envelopes) lines.append(protocol::log_line(*env)).push_back('\n');
  if (!room->files.append_log(lines, fsync_)) return StorageError{StorageError::Kind::io, "cannot append to the log"};
  written(room->files.log_file());
  return std::nullopt;
}

StorageResult<std::vector<StoredEnvelope>> FileRoomStore::read_after(const std::string&, std::int64_t) {
  return std::vector<StoredEnvelope>();  // nobody else writes the room
}

StorageResult<BlobPut> FileRoomStore::put_blob(const std::string& code, const std::string& hash,
                                              std::string_view bytes, BlobQuota quota) {
  OpenRoom* room = find(code);
  if (!room) return BlobPut::no_room;
  if (room->files.has_blob(hash)) return BlobPut::already_there;
  if (room->blobs.count >= quota.max_blobs) return BlobPut::too_many_blobs;
  if (room->blobs.bytes + bytes.size() > quota.max_bytes) return BlobPut::too_many_bytes;
  std::string error;
  if (!room->files.write_blob(hash, bytes, fsync_, error)) return StorageError{StorageError::Kind::io, error};
  ++room->blobs.count;
  room->blobs.bytes += bytes.size();
  return BlobPut::stored;
}

StorageResult<std::optional<std::string>> FileRoomStore::get_blob(const std::string& code, const std::string& hash) {
  const OpenRoom* room = find(code);
  if (!room) return std::optional<std::string>();
  return room->files.read_blob(hash);
}

FileRoomStore::OpenRoom* FileRoomStore::find(const std::string& code) {
  const auto it = rooms_.find(code);
  return it == rooms_.end() ? nullptr : &it->second;
}

}  // namespace palabre::relay
