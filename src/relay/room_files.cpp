#include "relay/room_files.hpp"

#include "protocol/blobs.hpp"
#include "protocol/flat_json.hpp"
#include "protocol/log_format.hpp"
#include "protocol/tokens.hpp"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

namespace palabre::relay {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::string_view kLogSuffix = ".palabre.jsonl";
constexpr std::string_view kMembersSuffix = ".members.jsonl";
constexpr std::string_view kBlobsSuffix = ".blobs";
constexpr std::string_view kUnfinishedBlobSuffix = ".tmp";

bool write_all(int fd, std::string_view text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += std::size_t(n);
  }
  return true;
}

// Appends `text` to `fd`; on failure cuts the file back to where it was.
bool append(int fd, const std::string& text, FsyncPolicy fsync) {
  const off_t before = ::lseek(fd, 0, SEEK_END);
  if (before < 0) return false;
  if (!write_all(fd, text)) {
    if (::ftruncate(fd, before) != 0) { /* nothing better to do: loading drops a torn line */ }
    return false;
  }
  if (fsync == FsyncPolicy::always && ::fdatasync(fd) != 0) return false;
  return true;
}

int open_append(const fs::path& path, bool create) {
  int flags = O_WRONLY | O_APPEND | O_CLOEXEC;
  if (create) flags |= O_CREAT | O_EXCL;
  return ::open(path.c_str(), flags, 0600);
}

// The whole lines of a file. A last line without '\n' (torn by a crash) is not returned;
// `torn_at` is then the byte length of the whole lines.
struct Lines {
  std::vector<std::string> lines;
  bool torn = false;
  std::size_t whole_length = 0;
};

bool read_lines(const fs::path& path, Lines& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      out.torn = true;
      break;
    }
    std::size_t line_end = end;
    if (line_end > start && text[line_end - 1] == '\r') --line_end;  // \r\n is accepted (docs/formats.md)
    out.lines.push_back(text.substr(start, line_end - start));
    start = end + 1;
  }
  out.whole_length = start < text.size() ? start : text.size();
  return true;
}

// Drops the last line of `path` (torn by a crash), keeping `length` bytes.
void cut_to(const fs::path& path, std::size_t length, std::vector<std::string>& warnings) {
  std::error_code ec;
  fs::resize_file(path, length, ec);
  if (ec) warnings.push_back(path.filename().string() + ": could not cut the torn line: " + ec.message());
}

std::string string_or_empty(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Reads the sidecar of `room`; false (with a warning) if it is unusable.
bool load_members(const fs::path& path, RoomRecord& room, std::vector<std::string>& warnings) {
  const std::string name = path.filename().string();
  Lines file;
  if (!read_lines(path, file)) {
    warnings.push_back(name + ": missing or unreadable; room " + room.code + " not loaded");
    return false;
  }
  if (file.lines.empty()) {
    warnings.push_back(name + ": empty; room " + room.code + " not loaded");
    return false;
  }
  const json header = json::parse(file.lines[0], nullptr, false);
  if (header.is_discarded() || !header.is_object() || string_or_empty(header, "format") != "palabre-members" ||
      string_or_empty(header, "room") != room.code) {
    warnings.push_back(name + ": bad header; room " + room.code + " not loaded");
    return false;
  }
  room.host_token_hash = string_or_empty(header, "host");
  room.kiosk_token_hash = string_or_empty(header, "kiosk");
  room.anon_key = string_or_empty(header, "anon_key");
  for (std::size_t i = 1; i < file.lines.size(); ++i) {
    const json line = json::parse(file.lines[i], nullptr, false);
    const std::string id = line.is_object() ? string_or_empty(line, "id") : std::string();
    const std::string hash = line.is_object() ? string_or_empty(line, "token") : std::string();
    if (id.empty() || hash.empty()) {
      warnings.push_back(name + ": line " + std::to_string(i + 1) + " is not a member; skipped");
      continue;
    }
    room.participants.push_back({id, hash});
  }
  if (file.torn) {
    warnings.push_back(name + ": torn last line dropped");
    cut_to(path, file.whole_length, warnings);
  }
  return true;
}

// What the relay keeps of a stored envelope besides its text.
struct StoredFields {
  std::int64_t seq = 0;
  bool staff = false;
  std::string sender;
};

// A log line's fields, read in place (protocol::FlatObject: a restart reads a big room's log several
// times faster than through a tree); nlohmann only for a line outside the in-place reader's subset,
// which gives the same answer. Nothing: not an envelope.
std::optional<StoredFields> stored_fields(std::string_view text) {
  protocol::FlatObject flat;
  if (flat.read(text)) {
    using Kind = protocol::FlatValue::Kind;
    const auto* seq = flat.find("seq");
    const auto* from = flat.find("from");
    const auto* vis = flat.find("vis");
    if (!seq || seq->kind != Kind::integer || !from || from->kind != Kind::string || !vis || vis->kind != Kind::string)
      return std::nullopt;
    return StoredFields{seq->integer, protocol::string_of(*vis) == "staff", protocol::string_of(*from)};
  }
  const json line = json::parse(text, nullptr, false);
  const bool ok = line.is_object() && line.contains("seq") && line["seq"].is_number_integer() && line.contains("from") &&
                  line["from"].is_string() && line.contains("vis") && line["vis"].is_string();
  if (!ok) return std::nullopt;
  return StoredFields{line["seq"].get<std::int64_t>(), line["vis"].get<std::string>() == "staff", line["from"].get<std::string>()};
}

bool load_log(const fs::path& path, RoomRecord& room, std::vector<std::string>& warnings) {
  const std::string name = path.filename().string();
  Lines file;
  if (!read_lines(path, file) || file.lines.empty()) {
    warnings.push_back(name + ": unreadable or without header; not loaded");
    return false;
  }
  const json header = json::parse(file.lines[0], nullptr, false);
  if (header.is_discarded() || !header.is_object() || string_or_empty(header, "format") != "palabre-log" ||
      string_or_empty(header, "room") != room.code) {
    warnings.push_back(name + ": bad header; not loaded");
    return false;
  }
  if (const auto it = header.find("created"); it != header.end() && it->is_number_integer())
    room.created_ms = it->get<std::int64_t>();
  for (std::size_t i = 1; i < file.lines.size(); ++i) {
    auto fields = stored_fields(file.lines[i]);
    if (!fields) {
      const bool last = i + 1 == file.lines.size() && !file.torn;
      warnings.push_back(name + ": line " + std::to_string(i + 1) + " is not an envelope; " +
                         (last ? "treated as torn and dropped" : "skipped"));
      if (last) {
        cut_to(path, file.whole_length - file.lines[i].size() - 1, warnings);
      }
      continue;
    }
    StoredEnvelope env;
    env.seq = fields->seq;
    env.staff = fields->staff;
    env.sender = std::move(fields->sender);
    env.text = file.lines[i];
    env.cid = protocol::take_cid(env.text);  // the relay's own: never sent to anyone
    if (!room.envelopes.empty() && env.seq != room.envelopes.back().seq + 1)
      warnings.push_back(name + ": seq " + std::to_string(env.seq) + " follows " +
                         std::to_string(room.envelopes.back().seq));
    room.envelopes.push_back(std::move(env));
  }
  if (file.torn) {
    warnings.push_back(name + ": torn last line dropped");
    cut_to(path, file.whole_length, warnings);
  }
  return true;
}

}  // namespace

OpenFile::~OpenFile() {
  if (fd_ >= 0) ::close(fd_);
}

namespace {
// The file at `path` opened for appending (created if `create`), or null with errno set.
SharedFile open_shared(const fs::path& path, bool create) {
  const int fd = open_append(path, create);
  return fd < 0 ? nullptr : std::make_shared<const OpenFile>(fd);
}
}  // namespace

fs::path RoomFiles::log_path(const fs::path& dir, const std::string& code) {
  return dir / (code + std::string(kLogSuffix));
}
fs::path RoomFiles::members_path(const fs::path& dir, const std::string& code) {
  return dir / (code + std::string(kMembersSuffix));
}
fs::path RoomFiles::blobs_path(const fs::path& dir, const std::string& code) {
  return dir / (code + std::string(kBlobsSuffix));
}

bool RoomFiles::create(const fs::path& dir, const RoomRecord& room, FsyncPolicy fsync, std::string& error) {
  dir_ = dir;
  code_ = room.code;
  log_ = open_shared(log_path(dir, room.code), true);
  if (!log_) {
    error = "cannot create " + log_path(dir, room.code).string() + ": " + std::strerror(errno);
    return false;
  }
  members_ = open_shared(members_path(dir, room.code), true);
  if (!members_) {
    error = "cannot create " + members_path(dir, room.code).string() + ": " + std::strerror(errno);
    return false;
  }
  // The sidecar first: a log without its sidecar is skipped at load, a sidecar alone is harmless.
  const FsyncPolicy first = fsync == FsyncPolicy::never ? FsyncPolicy::never : FsyncPolicy::always;
  const std::string members_header =
      protocol::members_header_line(room.code, room.host_token_hash, room.kiosk_token_hash, room.anon_key);
  if (!append(members_->fd(), members_header + "\n", first) ||
      !append(log_->fd(), protocol::log_header_line(room.code, room.created_ms) + "\n", first)) {
    error = "cannot write the files of room " + room.code + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

bool RoomFiles::open(const fs::path& dir, const std::string& code, std::string& error) {
  dir_ = dir;
  code_ = code;
  log_ = open_shared(log_path(dir, code), false);
  members_ = open_shared(members_path(dir, code), false);
  if (!log_ || !members_) {
    error = "cannot open the files of room " + code + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

bool RoomFiles::append_log(const std::string& lines, FsyncPolicy fsync) {
  return log_ && append(log_->fd(), lines, fsync);
}

bool RoomFiles::append_member(const ParticipantRecord& participant, FsyncPolicy fsync) {
  return members_ && append(members_->fd(), protocol::member_line(participant.id, participant.token_hash) + "\n", fsync);
}

void RoomFiles::remove() {
  log_.reset();
  members_.reset();
  std::error_code ec;
  fs::remove(log_path(dir_, code_), ec);
  fs::remove(members_path(dir_, code_), ec);
  if (!code_.empty()) fs::remove_all(blobs_path(dir_, code_), ec);  // never follows a link out of it
}

bool RoomFiles::write_blob(const std::string& hash, std::string_view bytes, FsyncPolicy fsync, std::string& error) {
  if (!protocol::is_blob_hash(hash)) {
    error = "not a blob hash";
    return false;
  }
  const fs::path blobs = blobs_path(dir_, code_);
  if (::mkdir(blobs.c_str(), 0700) != 0 && errno != EEXIST) {
    error = "cannot create " + blobs.string() + ": " + std::strerror(errno);
    return false;
  }
  const fs::path final_path = blobs / hash;
  const fs::path temporary = blobs / (hash + std::string(kUnfinishedBlobSuffix));
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    error = "cannot create " + temporary.string() + ": " + std::strerror(errno);
    return false;
  }
  // `batch` syncs the file too: a blob is written once, and its name must never show a torn one.
  bool ok = write_all(fd, bytes) && (fsync == FsyncPolicy::never || ::fdatasync(fd) == 0);
  if (!ok) error = "cannot write " + temporary.string() + ": " + std::strerror(errno);
  if (::close(fd) != 0 && ok) {
    ok = false;
    error = "cannot close " + temporary.string() + ": " + std::strerror(errno);
  }
  if (ok && ::rename(temporary.c_str(), final_path.c_str()) != 0) {
    ok = false;
    error = "cannot rename " + temporary.string() + ": " + std::strerror(errno);
  }
  if (!ok) {
    ::unlink(temporary.c_str());
    return false;
  }
  if (fsync == FsyncPolicy::always) {  // the new name itself, before the upload is answered
    const int dir_fd = ::open(blobs.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    const bool synced = dir_fd >= 0 && ::fsync(dir_fd) == 0;
    if (dir_fd >= 0) ::close(dir_fd);
    if (!synced) {
      error = "cannot sync " + blobs.string() + ": " + std::strerror(errno);
      ::unlink(final_path.c_str());
      return false;
    }
  }
  return true;
}

bool RoomFiles::has_blob(const std::string& hash) const {
  std::error_code ec;
  return protocol::is_blob_hash(hash) && fs::is_regular_file(blobs_path(dir_, code_) / hash, ec);
}

std::optional<std::string> RoomFiles::read_blob(const std::string& hash) const {
  if (!protocol::is_blob_hash(hash)) return std::nullopt;
  const int fd = ::open((blobs_path(dir_, code_) / hash).c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return std::nullopt;
  std::string bytes;
  char chunk[64 * 1024];
  while (true) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    bytes.append(chunk, std::size_t(n));
  }
  ::close(fd);
  return bytes;
}

BlobUsage RoomFiles::scan_blobs() const {
  BlobUsage usage;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(blobs_path(dir_, code_), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(kUnfinishedBlobSuffix)) {
      fs::remove(entry.path(), ec);  // a write a crash interrupted: never answered 201
      continue;
    }
    if (!protocol::is_blob_hash(name) || !entry.is_regular_file(ec)) continue;
    ++usage.count;
    usage.bytes += std::size_t(entry.file_size(ec));
  }
  return usage;
}

std::vector<RoomRecord> load_rooms(const fs::path& dir, std::vector<std::string>& warnings) {
  std::vector<RoomRecord> rooms;
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::vector<fs::path> logs;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > kLogSuffix.size() && name.ends_with(kLogSuffix)) logs.push_back(entry.path());
  }
  std::sort(logs.begin(), logs.end());
  for (const auto& path : logs) {
    RoomRecord room;
    room.code = path.filename().string();
    room.code.resize(room.code.size() - kLogSuffix.size());
    std::string normalized = room.code;
    if (!protocol::normalize_room_code(normalized) || normalized != room.code) {
      warnings.push_back(path.filename().string() + ": not a room code; ignored");
      continue;
    }
    if (!load_members(RoomFiles::members_path(dir, room.code), room, warnings)) continue;
    if (!load_log(path, room, warnings)) continue;
    rooms.push_back(std::move(room));
  }
  return rooms;
}

}  // namespace palabre::relay
