// Room expiry on the injected steady clock (Config::steady_now): a test moves the clock forward by
// hours instead of waiting, and the relay's expiry check (every 20 ms here) decides on that clock.
#include "relay_harness.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

namespace palabre::relay::testing {
namespace {

using std::chrono::minutes;

// A steady clock that moves only when told to.
struct FakeSteadyClock {
  std::shared_ptr<std::atomic<std::int64_t>> ms = std::make_shared<std::atomic<std::int64_t>>(1'000'000);
  void advance(minutes by) { *ms += std::chrono::duration_cast<std::chrono::milliseconds>(by).count(); }
  std::function<std::chrono::steady_clock::time_point()> function() const {
    return [ms = ms] { return std::chrono::steady_clock::time_point(std::chrono::milliseconds(ms->load())); };
  }
};

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout = 3s) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return condition();
}

std::filesystem::path log_of(const TempDir& dir, const std::string& room) {
  return dir.path() / (room + ".palabre.jsonl");
}

// Creates a room and leaves it; returns once the relay has stored the host's leaving (the log has
// the header, then the host's presence in and out), so the room's idle time starts now.
std::string create_and_leave(unsigned short port, const TempDir& dir) {
  std::string room;
  {
    Client host(port);
    room = host.create()["room"];
  }
  EXPECT_TRUE(eventually([&] { return log_lines(log_of(dir, room)).size() == 3; }));
  return room;
}

TEST(ExpiryClock, ARoomIdlePastTheExpiryOnTheInjectedClockIsClosedAndAFresherOneStays) {
  TempDir dir;
  FakeSteadyClock clock;
  Config config = RelayFixture::quiet_config();
  config.room_expiry = std::chrono::hours(1);
  config.expiry_check_every = 20ms;
  config.steady_now = clock.function();
  RelayFixture relay(dir.path(), config);
  // Given a room left at 0 min, a room whose host stays, and a room left at 40 min
  const std::string early = create_and_leave(relay.port(), dir);
  Client staying(relay.port());
  const std::string occupied = staying.create()["room"];
  clock.advance(minutes(40));
  const std::string late = create_and_leave(relay.port(), dir);
  // when the clock reads 70 min (real time: a few checks pass, nothing moves before that)
  std::this_thread::sleep_for(100ms);
  EXPECT_TRUE(std::filesystem::exists(log_of(dir, early)));
  clock.advance(minutes(30));
  // then the room idle for 70 min is deleted, and the one idle for 30 min, checked in the same pass, stays
  EXPECT_TRUE(eventually([&] { return !std::filesystem::exists(log_of(dir, early)); }));
  std::this_thread::sleep_for(100ms);
  EXPECT_TRUE(std::filesystem::exists(log_of(dir, late)));
  // and when the clock reads 101 min, the later room (idle 61 min) goes too
  clock.advance(minutes(31));
  EXPECT_TRUE(eventually([&] { return !std::filesystem::exists(log_of(dir, late)); }));
  // while the room with a connection stays, whatever the clock says
  EXPECT_TRUE(std::filesystem::exists(log_of(dir, occupied)));
  Client check(relay.port());
  EXPECT_EQ(check.join(early)["code"], "no_room");
  EXPECT_EQ(check.join(late)["code"], "no_room");
  EXPECT_EQ(check.join(occupied)["t"], "joined");
}

TEST(ExpiryClock, ActivityInARoomRestartsItsIdleTime) {
  TempDir dir;
  FakeSteadyClock clock;
  Config config = RelayFixture::quiet_config();
  config.room_expiry = std::chrono::hours(1);
  config.expiry_check_every = 20ms;
  config.steady_now = clock.function();
  RelayFixture relay(dir.path(), config);
  // Given a room left at 0 min, and joined and left again at 50 min
  const std::string room = create_and_leave(relay.port(), dir);
  clock.advance(minutes(50));
  {
    Client visitor(relay.port());
    ASSERT_EQ(visitor.join(room)["t"], "joined");
  }
  ASSERT_TRUE(eventually([&] { return log_lines(log_of(dir, room)).size() == 5; }));  // p3 in and out
  // when the clock reads 100 min (idle 50 min since the visit), then the room stays
  clock.advance(minutes(50));
  std::this_thread::sleep_for(150ms);
  EXPECT_TRUE(std::filesystem::exists(log_of(dir, room)));
  // and at 111 min (idle 61 min) it is deleted
  clock.advance(minutes(11));
  EXPECT_TRUE(eventually([&] { return !std::filesystem::exists(log_of(dir, room)); }));
}

}  // namespace
}  // namespace palabre::relay::testing
