#pragma once
// `--fsync batch` (docs/protocol.md "Durability"): files written on the event loop are fdatasynced
// on a thread of their own, once a period, so that a slow disk never holds up the loop and every
// room it serves. A file is owned jointly (room_files.hpp's SharedFile): a room closed and deleted
// on the loop while its file is being synced keeps the descriptor open until the sync is done.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "relay/room_files.hpp"

namespace palabre::relay {

class BatchSync {
 public:
  explicit BatchSync(std::chrono::milliseconds period = std::chrono::seconds(1)) : period_(period) {}
  BatchSync(const BatchSync&) = delete;
  BatchSync& operator=(const BatchSync&) = delete;
  ~BatchSync() { stop(); }

  void start();
  // `file` was written: it is on the disk within a period.
  void written(SharedFile file);
  // Syncs what was written, then joins the thread. What is written afterwards is the kernel's.
  void stop();
  // How many syncs were done (one per file written within a period): for tests.
  std::uint64_t syncs() const;

 private:
  void run();

  const std::chrono::milliseconds period_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::unordered_set<SharedFile> written_;  // since the last sync, each file once
  bool running_ = false;
  bool stopping_ = false;
  std::uint64_t syncs_ = 0;
  std::thread thread_;
};

}  // namespace palabre::relay
