// Fuzz target: the relay's loading of a data directory (relay/room_files load_rooms) — what a restart
// reads after a crash or from a tampered disk. The input is split at the first 0xFF byte into a
// room log and a members sidecar. Must hold: no crash and no throw for any content (a bad room is
// skipped with a warning); every loaded envelope is one line of text (what resume re-sends).
// (Out-of-order seqs on a tampered disk load with a warning only: docs/security.md.)
#include "relay/room_files.hpp"

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace fs = std::filesystem;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fs::path dir = fs::temp_directory_path() / ("palabre-fuzz-store-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::size_t cut = std::min(text.find('\xff'), text.size());
  {
    std::ofstream(palabre::relay::RoomFiles::log_path(dir, "ABC123"), std::ios::binary) << text.substr(0, cut);
    std::ofstream(palabre::relay::RoomFiles::members_path(dir, "ABC123"), std::ios::binary)
        << (cut < text.size() ? text.substr(cut + 1) : std::string_view());
  }
  std::vector<std::string> warnings;
  const auto rooms = palabre::relay::load_rooms(dir, warnings);
  for (const auto& room : rooms)
    for (const auto& envelope : room.envelopes)
      if (envelope.text.find('\n') != std::string::npos) std::abort();
  return 0;
}
