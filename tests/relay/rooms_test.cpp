// Rooms and roles: create, join as participant / host / kiosk, and the errors of joining.
#include "relay_harness.hpp"

#include "protocol/tokens.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace palabre::relay::testing {
namespace {

class Rooms : public ::testing::Test {
 protected:
  TempDir dir;
  RelayFixture relay{dir.path(), RelayFixture::quiet_config()};
};

TEST_F(Rooms, CreateGivesARoomCodeAndTwoSecretTokensAndMakesTheSenderHost) {
  // Given a client, when it creates a room
  Client host(relay.port());
  const json created = host.create();
  // then it gets an unambiguous 6-character code, 128-bit tokens, and is host h1
  EXPECT_TRUE(std::regex_match(created["room"].get<std::string>(), std::regex("[A-HJKMNP-Z2-9]{6}")));
  EXPECT_TRUE(std::regex_match(created["host_token"].get<std::string>(), std::regex("[0-9a-f]{32}")));
  EXPECT_TRUE(std::regex_match(created["kiosk_token"].get<std::string>(), std::regex("[0-9a-f]{32}")));
  EXPECT_NE(created["host_token"], created["kiosk_token"]);
  EXPECT_EQ(created["you"], "h1");
  EXPECT_EQ(created["role"], "host");
  EXPECT_EQ(created["token"], created["host_token"]);
}

TEST_F(Rooms, TokensAreStoredOnlyHashed) {
  // Given a created room
  Client host(relay.port());
  const json created = host.create();
  const std::string room = created["room"];
  Client p(relay.port());
  const json joined = p.join(room);
  // when the data directory is read, then no token appears in it, only its SHA-256
  std::string all;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    for (const auto& line : log_lines(entry.path())) all += line + "\n";
  for (const char* key : {"host_token", "kiosk_token"}) {
    EXPECT_EQ(all.find(created[key].get<std::string>()), std::string::npos) << key;
    EXPECT_NE(all.find(protocol::token_hash(created[key].get<std::string>())), std::string::npos) << key;
  }
  EXPECT_EQ(all.find(joined["token"].get<std::string>()), std::string::npos);
  EXPECT_NE(all.find(protocol::token_hash(joined["token"].get<std::string>())), std::string::npos);
}

TEST_F(Rooms, JoinWithoutTokenMakesANewParticipantWithAResumeToken) {
  // Given a room
  Client host(relay.port());
  const std::string room = host.create()["room"];
  // when two clients join without a token (one typing the code in lower case)
  Client a(relay.port()), b(relay.port());
  const json ja = a.join(room);
  std::string lower = room;
  for (char& c : lower) c = char(std::tolower(c));
  const json jb = b.join(lower);
  // then each is a distinct participant with its own token
  EXPECT_EQ(ja["t"], "joined");
  EXPECT_EQ(ja["role"], "participant");
  EXPECT_EQ(ja["room"], room);
  EXPECT_EQ(jb["t"], "joined");
  EXPECT_NE(ja["you"], jb["you"]);
  EXPECT_TRUE(std::regex_match(ja["you"].get<std::string>(), std::regex("p[0-9]+")));
  EXPECT_NE(ja["token"], jb["token"]);
  // and `joined` counts the room's participants, the newcomer included (the app's "big room" cue)
  EXPECT_EQ(ja["participants"], 1);
  EXPECT_EQ(jb["participants"], 2);
  EXPECT_EQ(Client(relay.port()).join(room, ja["token"].get<std::string>())["participants"], 2);  // a resume is no newcomer
}

TEST_F(Rooms, HostTokenJoinsAsTheHostAndKioskTokenAsTheKiosk) {
  // Given a room and its two tokens
  Client creator(relay.port());
  const json created = creator.create();
  // when a second browser opens the host link and a third the kiosk link
  Client cohost(relay.port()), kiosk(relay.port());
  const json jh = cohost.join(created["room"], created["host_token"]);
  const json jk = kiosk.join(created["room"], created["kiosk_token"]);
  // then they are the host and the kiosk
  EXPECT_EQ(jh["you"], "h1");
  EXPECT_EQ(jh["role"], "host");
  EXPECT_EQ(jk["you"], "k2");
  EXPECT_EQ(jk["role"], "kiosk");
}

TEST_F(Rooms, AHostOnASecondDeviceIsToldTheKioskToken) {
  // Given a room created on one device
  Client creator(relay.port());
  const json created = creator.create();
  // when the host link is opened on a second device, which never saw `created`
  Client laptop(relay.port());
  const json joined = laptop.join(created["room"], created["host_token"]);
  // then its `joined` carries the kiosk token, and that token opens the kiosk
  ASSERT_TRUE(joined.contains("kiosk_token")) << joined.dump();
  EXPECT_EQ(joined["kiosk_token"], created["kiosk_token"]);
  Client screen(relay.port());
  EXPECT_EQ(screen.join(created["room"], joined["kiosk_token"].get<std::string>())["role"], "kiosk");
}

TEST_F(Rooms, TheKioskAndParticipantsAreNeverToldTheKioskToken) {
  // Given a room
  Client creator(relay.port());
  const json created = creator.create();
  // when the kiosk and a participant join
  Client kiosk(relay.port()), participant(relay.port());
  const json jk = kiosk.join(created["room"], created["kiosk_token"]);
  const json jp = participant.join(created["room"]);
  // then neither answer holds it (a kiosk token is no host's secret, but only hosts share links)
  EXPECT_FALSE(jk.contains("kiosk_token")) << jk.dump();
  EXPECT_FALSE(jp.contains("kiosk_token")) << jp.dump();
}

TEST(RoomsRestart, AHostJoiningAfterARestartIsStillToldTheKioskToken) {
  // Given a room made by a relay that then stops (only token hashes stay on disk)
  TempDir dir;
  json created;
  {
    RelayFixture first(dir.path(), RelayFixture::quiet_config());
    created = Client(first.port()).create();
  }
  // when a relay restarted on the same data directory gets the host link
  RelayFixture again(dir.path(), RelayFixture::quiet_config());
  const json joined = Client(again.port()).join(created["room"], created["host_token"]);
  // then the host is told the kiosk token all the same
  EXPECT_EQ(joined["role"], "host");
  EXPECT_EQ(joined["kiosk_token"], created["kiosk_token"]);
}

TEST_F(Rooms, JoinAnUnknownRoomIsNoRoom) {
  // Given no room ZZZZZZ, when a client joins it, then error no_room
  Client c(relay.port());
  const json answer = c.join("ZZZZZZ");
  EXPECT_EQ(answer["t"], "error");
  EXPECT_EQ(answer["code"], "no_room");
  EXPECT_FALSE(answer["message"].get<std::string>().empty());
}

TEST_F(Rooms, JoinWithAWrongTokenIsBadToken) {
  // Given a room, when a client joins with a token the room never gave, then error bad_token
  Client host(relay.port());
  const std::string room = host.create()["room"];
  Client c(relay.port());
  const json answer = c.join(room, std::string(32, 'a'));
  EXPECT_EQ(answer["t"], "error");
  EXPECT_EQ(answer["code"], "bad_token");
}

TEST_F(Rooms, HostSeesPresenceWhenAParticipantArrivesAndLeaves) {
  // Given a host in a room
  Client host(relay.port());
  const std::string room = host.create()["room"];
  auto first = host.envelopes_until(1);  // the host's own presence
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0]["ev"], (json{{"type", "presence"}, {"who", "h1"}, {"online", true}}));
  EXPECT_EQ(first[0]["role"], "relay");
  // when a participant joins then disconnects
  std::string who;
  {
    Client p(relay.port());
    who = p.join(room)["you"];
    const auto online = host.envelopes_until(2);
    ASSERT_EQ(online.size(), 1u);
    EXPECT_EQ(online[0]["ev"], (json{{"type", "presence"}, {"who", who}, {"online", true}}));
  }
  // then the host sees it go offline
  const auto offline = host.envelopes_until(3);
  ASSERT_EQ(offline.size(), 1u);
  EXPECT_EQ(offline[0]["ev"], (json{{"type", "presence"}, {"who", who}, {"online", false}}));
}

}  // namespace
}  // namespace palabre::relay::testing
