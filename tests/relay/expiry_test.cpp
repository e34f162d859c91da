// Room expiry: a room nobody is connected to and nothing happens in is deleted after --room-expiry.
#include "relay_harness.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace palabre::relay::testing {
namespace {

TEST(Expiry, IdleEmptyRoomIsDeletedWithItsFilesWhileAnOccupiedOneStays) {
  TempDir dir;
  Config config = RelayFixture::quiet_config();
  config.room_expiry = std::chrono::seconds(1);
  RelayFixture relay(dir.path(), config);
  // Given a room everyone left, and a room whose host stays connected
  std::string idle_room;
  {
    Client host(relay.port());
    idle_room = host.create()["room"];
  }
  Client staying(relay.port());
  const std::string busy_room = staying.create()["room"];
  // when more than the expiry time passes
  std::this_thread::sleep_for(std::chrono::milliseconds(3500));
  // then the idle room and its files are gone, the occupied one is still there
  EXPECT_FALSE(std::filesystem::exists(dir.path() / (idle_room + ".palabre.jsonl")));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / (idle_room + ".members.jsonl")));
  Client late(relay.port());
  EXPECT_EQ(late.join(idle_room)["code"], "no_room");
  EXPECT_TRUE(std::filesystem::exists(dir.path() / (busy_room + ".palabre.jsonl")));
  EXPECT_EQ(late.join(busy_room)["t"], "joined");
}

}  // namespace
}  // namespace palabre::relay::testing
