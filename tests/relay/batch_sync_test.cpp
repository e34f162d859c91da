// `--fsync batch` off the event loop (docs/protocol.md "Durability"): the file store's batched
// fdatasync runs on a thread of its own, needs no loop, survives rooms closed while it syncs, and
// syncs what is left when it stops.
#include "relay/file_room_store.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "relay_harness.hpp"

namespace palabre::relay::testing {
namespace {

RoomRecord a_room(const std::string& code) { return RoomRecord{code, 1665039300000, "host-hash", "kiosk-hash", "anon", {}, {}}; }

StorageStatus append_one(FileRoomStore& store, const std::string& code) {
  const StoredEnvelope env{1, false, "h1", R"({"seq":1,"at":1,"from":"h1","role":"host","vis":"public","ev":{}})", {}};
  return store.append(code, 0, {&env});
}

std::size_t open_descriptors() {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) ++count;
  return count;
}

// Waits up to 3 s for `done`.
template <class Done>
bool eventually(Done done) {
  for (int i = 0; i < 300 && !done(); ++i) std::this_thread::sleep_for(10ms);
  return done();
}

TEST(BatchSync, GivenAStoreInBatchMode_WhenARoomIsWritten_ThenItsFilesAreSyncedWithoutAnyEventLoop) {
  TempDir dir;
  // Given a store in batch mode, and no event loop anywhere
  FileRoomStore store(dir.path(), FsyncPolicy::batch, 20ms);
  ASSERT_FALSE(store.start());
  ASSERT_FALSE(store.create_room(a_room("K7MP4Q")));
  // when an envelope and a member are written
  ASSERT_FALSE(append_one(store, "K7MP4Q"));
  ASSERT_TRUE(std::holds_alternative<std::string>(store.add_participant("K7MP4Q", "p3", "token-hash")));
  // then both files are synced within a period, by the store's own thread
  EXPECT_TRUE(eventually([&] { return store.batch_syncs() >= 2; })) << store.batch_syncs();
  store.stop();
}

TEST(BatchSync, GivenAWrittenRoom_WhenTheStoreStopsBeforeAPeriodEnds_ThenItIsSyncedLastAndOnlyThen) {
  TempDir dir;
  FileRoomStore store(dir.path(), FsyncPolicy::batch, std::chrono::hours(1));
  ASSERT_FALSE(store.start());
  ASSERT_FALSE(store.create_room(a_room("K7MP4Q")));
  ASSERT_FALSE(append_one(store, "K7MP4Q"));
  EXPECT_EQ(store.batch_syncs(), 0u);  // the period has not ended
  store.stop();
  EXPECT_EQ(store.batch_syncs(), 1u);
}

TEST(BatchSync, GivenRoomsClosedWhileTheSyncerRuns_WhenAllIsDone_ThenTheirFilesAreGoneAndEveryDescriptorClosed) {
  TempDir dir;
  const std::size_t before = open_descriptors();
  {
    // Given a syncer that wakes every millisecond
    FileRoomStore store(dir.path(), FsyncPolicy::batch, 1ms);
    ASSERT_FALSE(store.start());
    // when rooms are written and closed (files deleted) at once, again and again, while it syncs
    for (int i = 0; i < 300; ++i) {
      const std::string code = "R" + std::to_string(100000 + i);
      ASSERT_FALSE(store.create_room(a_room(code)));
      ASSERT_FALSE(append_one(store, code));
      store.end_room(code, RoomEnd::closed_by_host);
      EXPECT_FALSE(std::filesystem::exists(RoomFiles::log_path(dir.path(), code))) << code;
    }
    EXPECT_TRUE(eventually([&] { return store.batch_syncs() > 0; }));
    store.stop();
  }
  // then nothing broke, and every descriptor a closed room left to the syncer is closed
  EXPECT_EQ(open_descriptors(), before);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

}  // namespace
}  // namespace palabre::relay::testing
