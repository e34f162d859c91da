#include "relay/batch_sync.hpp"

#include <unistd.h>

#include <utility>

namespace palabre::relay {

void BatchSync::start() {
  const std::lock_guard lock(mutex_);
  if (running_ || stopping_) return;
  running_ = true;
  thread_ = std::thread([this] { run(); });
}

void BatchSync::written(SharedFile file) {
  const std::lock_guard lock(mutex_);
  if (running_ && !stopping_) written_.insert(std::move(file));
}

void BatchSync::stop() {
  {
    const std::lock_guard lock(mutex_);
    if (!running_ || stopping_) return;
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();  // after its last sync
}

std::uint64_t BatchSync::syncs() const {
  const std::lock_guard lock(mutex_);
  return syncs_;
}

void BatchSync::run() {
  for (bool last = false; !last;) {
    std::unordered_set<SharedFile> files;
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, period_, [this] { return stopping_; });
      files = std::exchange(written_, {});
      last = stopping_;
    }
    // Outside the lock: the loop goes on writing (and handing files over) while the disk syncs.
    for (const auto& file : files) ::fdatasync(file->fd());
    const std::lock_guard lock(mutex_);
    syncs_ += files.size();
    // `files` is let go here: the descriptors of a room deleted meanwhile close on this thread.
  }
}

}  // namespace palabre::relay
